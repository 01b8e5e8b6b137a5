// Value kinds ("format"): what a parameter type, a Ref or a GetAtt says a value is, and whether
// it fits where a property asks for a kind.

#include <cctype>

#include "cfn_eks/resource_schemas.hpp"

namespace cfn_eks {

namespace {

std::string_view unwrap(std::string_view type, std::string_view prefix) {
  if (type.starts_with(prefix) && type.ends_with(">")) return type.substr(prefix.size(), type.size() - prefix.size() - 1);
  return type;
}

// "AWS::EC2::SecurityGroup.Ids" -> "AWS::EC2::SecurityGroup.Id"; "GroupName" -> "Name".
std::string normalise(std::string_view format) {
  std::string out(format);
  for (std::string_view plural : {"Ids", "Names", "Arns"}) {
    if (out.ends_with(plural)) {
      out.pop_back();
      break;
    }
  }
  if (out.ends_with(".GroupId")) out.replace(out.size() - 7, 7, "Id");
  if (out.ends_with(".GroupName")) out.replace(out.size() - 9, 9, "Name");
  return out;
}

}  // namespace

std::string parameter_type_format(std::string_view type) {
  type = unwrap(type, "AWS::SSM::Parameter::Value<");
  type = unwrap(type, "List<");
  if (!type.starts_with("AWS::")) return {};
  const std::size_t last = type.rfind("::");
  if (last == std::string_view::npos || last < 5) return {};
  const std::string_view owner = type.substr(0, last);
  if (owner.find("::") == owner.rfind("::")) return {};  // "AWS::X" is not a resource type
  std::string attribute(type.substr(last + 2));
  if (attribute == "GroupName") attribute = "Name";
  return std::string(owner) + "." + attribute;
}

bool formats_compatible(std::string_view expected, std::string_view given) {
  if (expected.empty() || given.empty()) return true;
  // Only resource value kinds are told apart; "ipv4-network" and the like are about literals.
  if (!expected.starts_with("AWS::") || !given.starts_with("AWS::")) return true;
  const std::string a = normalise(expected);
  const std::string b = normalise(given);
  if (a == b) return true;
  // KMS accepts a key id, a key ARN, an alias name or an alias ARN wherever it asks for a key.
  if (a.starts_with("AWS::KMS::") && b.starts_with("AWS::KMS::")) return true;
  return false;
}

std::string describe_format(std::string_view format) {
  if (!format.starts_with("AWS::")) return std::string(format);
  const std::string normal = normalise(format);
  const std::size_t dot = normal.rfind('.');
  const std::size_t colons = normal.rfind("::", dot);
  if (dot == std::string::npos || colons == std::string::npos) return normal;
  std::string words;
  for (char c : normal.substr(colons + 2, dot - colons - 2)) {
    if (std::isupper(static_cast<unsigned char>(c)) && !words.empty() && !std::isupper(static_cast<unsigned char>(words.back()))) {
      words += ' ';
    }
    words += c;
  }
  // Keep acronyms (IAM, VPC, KMS) as written, lower-case the rest.
  std::string out;
  std::size_t start = 0;
  while (start <= words.size()) {
    const std::size_t space = words.find(' ', start);
    std::string word = words.substr(start, space == std::string::npos ? std::string::npos : space - start);
    const bool acronym = word.size() > 1 && std::isupper(static_cast<unsigned char>(word[1]));
    if (!acronym) {
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!out.empty()) out += ' ';
    out += word;
    if (space == std::string::npos) break;
    start = space + 1;
  }
  std::string attribute = normal.substr(dot + 1);
  if (attribute == "Arn") {
    attribute = "ARN";
  } else {
    for (char& c : attribute) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out + " " + attribute;
}

}  // namespace cfn_eks
