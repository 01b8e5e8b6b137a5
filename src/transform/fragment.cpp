// Fragments: template values built in memory, compared with loaded nodes for idempotent edits.

#include <string>

#include "cfn_eks/emitter.hpp"

namespace cfn_eks {

namespace {

const Fragment& null_fragment() {
  static const Fragment kNull;
  return kNull;
}

// YAML 1.1 booleans as CloudFormation reads them ("Yes" is true).
bool bool_value(std::string_view text) {
  return text == "true" || text == "True" || text == "TRUE" || text == "yes" || text == "Yes" || text == "YES" ||
         text == "on" || text == "On" || text == "ON";
}

// `!GetAtt A.B` and `[A, B]` name the same attribute; compare the [A, B] form.
bool split_get_att(std::string_view dotted, std::string& resource, std::string& attribute) {
  const std::size_t dot = dotted.find('.');
  if (dot == std::string_view::npos) return false;
  resource = dotted.substr(0, dot);
  attribute = dotted.substr(dot + 1);
  return true;
}

Fragment normalised_get_att_argument(const Fragment& argument) {
  std::string resource;
  std::string attribute;
  if (argument.kind() == Fragment::Kind::String && split_get_att(argument.text(), resource, attribute)) {
    return Fragment::sequence({Fragment::string(std::move(resource)), Fragment::string(std::move(attribute))});
  }
  return argument;
}

}  // namespace

Fragment::Fragment() = default;

Fragment Fragment::null_value() { return Fragment(); }

Fragment Fragment::boolean(bool value) {
  Fragment f;
  f.kind_ = Kind::Bool;
  f.text_ = value ? "true" : "false";
  return f;
}

Fragment Fragment::number(std::string text) {
  Fragment f;
  f.kind_ = Kind::Number;
  f.text_ = std::move(text);
  return f;
}

Fragment Fragment::number(long long value) { return number(std::to_string(value)); }

Fragment Fragment::string(std::string value) {
  Fragment f;
  f.kind_ = Kind::String;
  f.text_ = std::move(value);
  return f;
}

Fragment Fragment::sequence() { return sequence(std::vector<Fragment>{}); }

Fragment Fragment::sequence(std::vector<Fragment> items) {
  Fragment f;
  f.kind_ = Kind::Sequence;
  f.items_ = std::move(items);
  return f;
}

Fragment Fragment::mapping() { return mapping(std::vector<FragmentEntry>{}); }

Fragment Fragment::mapping(std::vector<FragmentEntry> entries) {
  Fragment f;
  f.kind_ = Kind::Mapping;
  f.entries_ = std::move(entries);
  return f;
}

Fragment Fragment::intrinsic(std::string function, Fragment argument) {
  Fragment f;
  f.kind_ = Kind::Intrinsic;
  f.text_ = std::move(function);
  f.items_.push_back(std::move(argument));
  return f;
}

Fragment Fragment::ref(std::string name) { return intrinsic("Ref", string(std::move(name))); }

Fragment Fragment::get_att(std::string resource, std::string attribute) {
  return intrinsic("Fn::GetAtt", sequence({string(std::move(resource)), string(std::move(attribute))}));
}

Fragment Fragment::sub(std::string text) { return intrinsic("Fn::Sub", string(std::move(text))); }

Fragment Fragment::sub(std::string text, Fragment variables) {
  return intrinsic("Fn::Sub", sequence({string(std::move(text)), std::move(variables)}));
}

Fragment Fragment::join(std::string delimiter, std::vector<Fragment> items) {
  return intrinsic("Fn::Join", sequence({string(std::move(delimiter)), sequence(std::move(items))}));
}

Fragment Fragment::from_node(const Node& node) {
  switch (node.kind) {
    case NodeKind::Null: return null_value();
    case NodeKind::Bool: return boolean(bool_value(node.text));
    case NodeKind::Number: return number(node.text);
    case NodeKind::String: return string(node.text);
    case NodeKind::Sequence: {
      std::vector<Fragment> items;
      items.reserve(node.items.size());
      for (const Node* item : node.items) items.push_back(item ? from_node(*item) : Fragment());
      return sequence(std::move(items));
    }
    case NodeKind::Mapping: {
      std::vector<FragmentEntry> entries;
      entries.reserve(node.entries.size());
      for (const MapEntry& entry : node.entries) {
        entries.push_back(FragmentEntry{entry.key, entry.value ? from_node(*entry.value) : Fragment()});
      }
      return mapping(std::move(entries));
    }
    case NodeKind::Intrinsic: {
      Fragment argument = node.argument ? from_node(*node.argument) : Fragment();
      // `!GetAZs` with no value means the empty string; keep GetAtt in the [A, B] form.
      if (node.text == "Fn::GetAtt") argument = normalised_get_att_argument(argument);
      return intrinsic(node.text, std::move(argument));
    }
  }
  return Fragment();
}

Fragment& Fragment::add(std::string key, Fragment value) {
  entries_.push_back(FragmentEntry{std::move(key), std::move(value)});
  return *this;
}

Fragment& Fragment::push(Fragment item) {
  items_.push_back(std::move(item));
  return *this;
}

const Fragment& Fragment::argument() const {
  return kind_ == Kind::Intrinsic && !items_.empty() ? items_.front() : null_fragment();
}

const Fragment* Fragment::get(std::string_view key) const {
  for (const FragmentEntry& entry : entries_) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

bool Fragment::operator==(const Fragment& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::Null: return true;
    case Kind::Bool:
    case Kind::Number:
    case Kind::String: return text_ == other.text_;
    case Kind::Sequence: return items_ == other.items_;
    case Kind::Mapping: {
      // Key order means nothing to CloudFormation; keys are unique.
      if (entries_.size() != other.entries_.size()) return false;
      for (const FragmentEntry& entry : entries_) {
        const Fragment* value = other.get(entry.key);
        if (value == nullptr || !(*value == entry.value)) return false;
      }
      return true;
    }
    case Kind::Intrinsic:
      if (text_ != other.text_) return false;
      if (text_ == "Fn::GetAtt") return normalised_get_att_argument(argument()) == normalised_get_att_argument(other.argument());
      return argument() == other.argument();
  }
  return false;
}

bool same_value(const Node& node, const Fragment& fragment) { return Fragment::from_node(node) == fragment; }

}  // namespace cfn_eks
