// The meta-schema check for our schema files (schemas/resources/): the contract every file
// must meet so the validator can rely on it.

#include <regex>
#include <set>

#include "cfn_eks/resource_schemas.hpp"
#include "knowledge/resource_schema_builder.hpp"

namespace cfn_eks {

namespace {

const std::set<std::string_view> kTopLevelKeys = {
    "typeName", "description", "as_of", "sources", "refReturns", "additionalProperties", "properties", "definitions",
    "required", "readOnlyProperties", "createOnlyProperties", "conditionalCreateOnlyProperties", "writeOnlyProperties",
    "primaryIdentifier", "patternProperties", "oneOf", "anyOf", "allOf", "dependentRequired", "dependentExcluded",
    "requiredXor"};

const std::set<std::string_view> kNodeKeys = {
    "properties", "$ref", "type", "required", "enum", "const", "pattern", "minLength", "maxLength", "minimum",
    "maximum", "minItems", "maxItems", "uniqueItems", "items", "additionalProperties", "patternProperties", "oneOf",
    "anyOf", "allOf", "dependentRequired", "dependentExcluded", "requiredXor", "format", "insertionOrder", "description",
    "default"};

const std::set<std::string_view> kFormats = {
    "AWS::EC2::SecurityGroup.Id", "AWS::EC2::SecurityGroup.Name", "AWS::EC2::Subnet.Id", "AWS::EC2::VPC.Id",
    "AWS::EC2::Image.Id", "AWS::EC2::KeyPair.KeyName", "AWS::EC2::LaunchTemplate.Id", "AWS::EC2::LaunchTemplate.Name",
    "AWS::IAM::Role.Arn", "AWS::IAM::Role.Name", "AWS::IAM::InstanceProfile.Arn", "AWS::IAM::InstanceProfile.Name",
    "AWS::IAM::ManagedPolicy.Arn", "AWS::KMS::Key.Arn", "AWS::KMS::Key.Id", "AWS::EKS::Cluster.Name",
    "AWS::Lambda::Function.Arn", "AWS::SSM::Parameter.Name", "AWS::ElasticLoadBalancingV2::TargetGroup.Arn",
    "AWS::ElasticLoadBalancingV2::LoadBalancer.Arn", "ipv4-network", "ipv6-network", "date-time"};

const std::set<std::string_view> kTypes = {"string", "integer", "number", "boolean", "array", "object"};

class Checker {
 public:
  Checker(const rapidjson::Value& doc, std::vector<std::string>& problems) : doc_(doc), problems_(problems) {
    if (auto defs = doc.FindMember("definitions"); defs != doc.MemberEnd() && defs->value.IsObject()) {
      for (const auto& m : defs->value.GetObject()) definitions_.insert(m.name.GetString());
    }
  }

  void node(const rapidjson::Value& v, const std::string& where, bool top = false) {
    if (!v.IsObject()) {
      problems_.push_back(where + ": a schema must be an object");
      return;
    }
    for (const auto& m : v.GetObject()) {
      const std::string key = m.name.GetString();
      const std::string at = where + "/" + key;
      const rapidjson::Value& value = m.value;
      if (top ? kTopLevelKeys.count(key) == 0 : kNodeKeys.count(key) == 0) {
        problems_.push_back(at + ": unsupported keyword");
        continue;
      }
      if (key == "$ref") {
        const std::string target = value.IsString() ? value.GetString() : "";
        if (!target.starts_with("#/definitions/") || definitions_.count(target.substr(14)) == 0) {
          problems_.push_back(at + ": $ref '" + target + "' does not resolve");
        }
      } else if (key == "type") {
        bool ok = value.IsString() && kTypes.count(value.GetString());
        if (value.IsArray()) {
          ok = !value.Empty();
          for (const auto& t : value.GetArray()) ok = ok && t.IsString() && kTypes.count(t.GetString());
        }
        if (!ok) problems_.push_back(at + ": unknown type");
      } else if (key == "enum") {
        if (!value.IsArray() || value.Empty()) problems_.push_back(at + ": an enum must be a non-empty list");
      } else if (key == "pattern") {
        pattern(value, at);
      } else if (key == "format") {
        if (!value.IsString() || kFormats.count(value.GetString()) == 0) {
          problems_.push_back(at + ": unknown format (see the schema contract's list)");
        }
      } else if (key == "properties" || key == "definitions" || key == "patternProperties") {
        if (!value.IsObject()) {
          problems_.push_back(at + ": must be an object");
          continue;
        }
        for (const auto& p : value.GetObject()) {
          if (key == "patternProperties") pattern(p.name, at);
          node(p.value, at + "/" + p.name.GetString());
        }
      } else if (key == "items" || (key == "additionalProperties" && !value.IsBool())) {
        node(value, at);
      } else if (key == "oneOf" || key == "anyOf" || key == "allOf") {
        if (!value.IsArray() || value.Empty()) {
          problems_.push_back(at + ": must be a non-empty list");
          continue;
        }
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) node(value[i], at + "/" + std::to_string(i));
      } else if (key == "required") {
        if (!value.IsArray()) problems_.push_back(at + ": must be a list of property names");
      }
    }
  }

 private:
  void pattern(const rapidjson::Value& value, const std::string& at) {
    if (!value.IsString()) {
      problems_.push_back(at + ": a pattern must be a string");
      return;
    }
    try {
      std::regex re(value.GetString(), std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      problems_.push_back(at + ": pattern '" + value.GetString() + "' does not compile with std::regex: " + e.what());
    }
  }

  const rapidjson::Value& doc_;
  std::vector<std::string>& problems_;
  std::set<std::string> definitions_;
};

}  // namespace

std::vector<std::string> check_our_schema(std::string_view json) {
  std::vector<std::string> problems;
  rapidjson::Document doc;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  if (!parse_schema_json(json, doc, line, column, message)) {
    problems.push_back(std::to_string(line) + ":" + std::to_string(column) + ": " + message);
    return problems;
  }
  if (!doc.IsObject()) return {"a schema must be a JSON object"};
  auto string_member = [&](const char* key) {
    auto it = doc.FindMember(key);
    return it != doc.MemberEnd() && it->value.IsString() && it->value.GetStringLength() > 0;
  };
  if (!string_member("typeName")) problems.emplace_back("typeName: missing or not a string");
  if (!string_member("as_of")) {
    problems.emplace_back("as_of: missing or not a string");
  } else if (!std::regex_match(doc["as_of"].GetString(), std::regex("\\d{4}-\\d{2}-\\d{2}"))) {
    problems.emplace_back("as_of: must be YYYY-MM-DD");
  }
  if (auto it = doc.FindMember("sources");
      it == doc.MemberEnd() || !it->value.IsArray() || it->value.Empty() || !it->value[0].IsString()) {
    problems.emplace_back("sources: missing or not a non-empty list of strings");
  }
  if (auto it = doc.FindMember("properties"); it == doc.MemberEnd() || !it->value.IsObject()) {
    problems.emplace_back("properties: missing or not an object");
    return problems;
  }
  if (auto it = doc.FindMember("refReturns"); it != doc.MemberEnd()) {
    if (!it->value.IsObject()) {
      problems.emplace_back("refReturns: must be an object");
    } else if (auto f = it->value.FindMember("format");
               f != it->value.MemberEnd() &&
               (!f->value.IsString() || (kFormats.count(f->value.GetString()) == 0 &&
                                         !std::regex_match(f->value.GetString(), std::regex("AWS::\\w+::\\w+\\.\\w+"))))) {
      problems.emplace_back("refReturns/format: unknown format");
    }
    // {"property": P, "format": F}: Ref returns F when the resource does not set P.
    if (it->value.IsObject()) {
      if (auto w = it->value.FindMember("withoutProperty"); w != it->value.MemberEnd()) {
        const auto& props = doc["properties"];
        if (!w->value.IsObject() || !w->value.HasMember("property") || !w->value["property"].IsString() ||
            !w->value.HasMember("format") || !w->value["format"].IsString() ||
            !props.HasMember(w->value["property"].GetString())) {
          problems.emplace_back("refReturns/withoutProperty: must be {\"property\": a property of the type, \"format\": ...}");
        }
      }
    }
  }
  Checker checker(doc, problems);
  checker.node(doc, "", true);

  std::string error;
  const auto schema = build_resource_schema(doc, SchemaOrigin::Ours, "", &error);
  if (!schema) {
    problems.push_back(error);
    return problems;
  }
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"readOnlyProperties", &schema->read_only_paths()},
      {"createOnlyProperties", &schema->create_only_paths()},
      {"conditionalCreateOnlyProperties", &schema->conditional_create_only_paths()},
      {"writeOnlyProperties", &schema->write_only_paths()},
      {"primaryIdentifier", &schema->primary_identifier()}};
  for (const auto& [key, paths] : lists) {
    for (const std::string& path : *paths) {
      if (!path.starts_with("/properties/") || schema->find(path) == nullptr) {
        problems.push_back(std::string(key) + ": '" + path + "' names no property");
      }
    }
  }
  for (const std::string& name : schema->root().required) {
    if (schema->root().property(name) == nullptr) problems.push_back("required: '" + name + "' names no property");
  }
  return problems;
}

}  // namespace cfn_eks
