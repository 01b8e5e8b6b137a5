#include "rules/schema/schema_validator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "knowledge/ref_returns.hpp"
#include "rules/common/intrinsic_args.hpp"
#include "rules/common/names.hpp"
#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kNoValue = "AWS::NoValue";
constexpr std::size_t kEnumListed = 8;

bool is_no_value(const Node& node) {
  return node.is_intrinsic("Ref") && node.argument != nullptr && node.argument->is_string() &&
         node.argument->text == kNoValue;
}

std::optional<double> as_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string_view t = text;
  if (t.front() == '+') t.remove_prefix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool is_integer(std::string_view text) {
  const auto n = as_number(text);
  return n && std::floor(*n) == *n;
}

bool is_boolean_text(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "true" || lower == "false";
}


std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string number_text(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  std::string s = std::to_string(value);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < kEnumListed; ++i) {
    if (i > 0) out += ", ";
    out += "'" + values[i] + "'";
  }
  if (values.size() > kEnumListed) out += ", ... (" + std::to_string(values.size()) + " values)";
  return out;
}

std::string names_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

// Literal prefixes of AWS ids: a value of the wrong shape is a name or a typo, never an id.
std::optional<std::string_view> id_prefix(std::string_view format) {
  if (format == "AWS::EC2::SecurityGroup.Id" || format == "AWS::EC2::SecurityGroup.Ids") return "sg-";
  if (format == "AWS::EC2::Subnet.Id" || format == "AWS::EC2::Subnet.Ids") return "subnet-";
  if (format == "AWS::EC2::VPC.Id") return "vpc-";
  return std::nullopt;
}

/// What a Ref, GetAtt or other function returns, as far as its form tells.
struct ReturnKind {
  JsonTypes types = 0;     // 0: unknown
  std::string format;      // for a list, the elements' kind
  std::string described;   // "parameter 'X' (List<AWS::EC2::Subnet::Id>)"
  bool reference = false;  // Ref or GetAtt: a kind mismatch is S202, not S103
};

/// Where a property sits, for messages: "ScalingConfig.MinSize", "Subnets[1]".
struct PathStep {
  std::string_view name;
  int index = -1;
  std::size_t pointer_size = 0;  ///< The pointer's length before this step.
};

class Validator {
 public:
  Validator(const LintContext& context, const Resource& resource, const ResourceSchema& schema,
            std::vector<SchemaFinding>& out)
      : ctx_(context), resource_(resource), schema_(schema), out_(out) {}

  void run() {
    const Node* properties = resource_.properties;
    ByteRange key_range = resource_.entry ? resource_.entry->key_range : ByteRange{};
    if (resource_.node != nullptr) {
      if (const MapEntry* entry = resource_.node->find("Properties")) key_range = entry->key_range;
    }
    if (properties == nullptr) {
      Node empty;
      empty.kind = NodeKind::Mapping;
      validate_object(empty, schema_.root(), key_range);
      return;
    }
    if (!properties->is_mapping()) return;  // an intrinsic or malformed Properties: T107's business
    validate_object(*properties, schema_.root(), key_range);
  }

 private:
  // Where a checked value came from, for messages: nothing for a literal written at the
  // property, else " (from parameter X's default at line 6)". Described only when reporting.
  struct Origin {
    const PossibleValue* value = nullptr;
    const SourceFile* source = nullptr;
    std::string text() const { return value == nullptr ? std::string() : " (" + describe_origin(*value, *source) + ")"; }
  };

  // ---- reporting ---------------------------------------------------------------------------

  void report(SchemaProblem problem, ByteRange range, std::string message) {
    if (silent_ > 0) {
      ++failures_;
      return;
    }
    for (const SchemaFinding& f : out_) {
      if (f.problem == problem && f.range == range && f.message == message) return;
    }
    out_.push_back(SchemaFinding{problem, range, std::move(message)});
  }

  std::string path_text() const {
    std::string out;
    for (const PathStep& step : path_) {
      if (step.index >= 0) {
        out += "[" + std::to_string(step.index) + "]";
      } else {
        if (!out.empty()) out += '.';
        out += step.name;
      }
    }
    return out;
  }
  // path_ and its JSON pointer ("/ScalingConfig/MinSize", "/Subnets/*"), kept together so the
  // read-only lookup per property does not rebuild the pointer.
  void push_step(PathStep step) {
    step.pointer_size = pointer_.size();
    path_.push_back(step);
    pointer_ += '/';
    if (step.index >= 0) {
      pointer_ += '*';
    } else {
      pointer_ += step.name;
    }
  }
  void pop_step() {
    pointer_.resize(path_.back().pointer_size);  // a key may hold '/': cut at the saved size
    path_.pop_back();
  }
  std::string where() const { return path_.empty() ? std::string(resource_.type) : "'" + path_text() + "'"; }
  // The object whose keywords are checked, for messages; built only when reporting.
  std::string owner_text() const { return path_.empty() ? std::string(resource_.type) : where(); }

  // ---- dispatch ----------------------------------------------------------------------------

  void validate(const Node& node, const SchemaNode& schema) {
    if (node.is_intrinsic()) {
      validate_intrinsic(node, schema);
      return;
    }
    if (node.kind == NodeKind::Null) return;  // T-rules and CloudFormation disagree on nulls; not ours to judge
    const JsonTypes expected = schema.effective_types();
    if (expected != 0 && !literal_fits(node, expected)) {
      report(SchemaProblem::WrongType, node.range,
             where() + " must be " + describe_json_types(expected) + ", not " + literal_description(node));
      return;
    }
    if (node.is_mapping()) {
      ByteRange key = node.range;
      if (current_key_ != nullptr) key = *current_key_;
      validate_object(node, schema, key);
    } else if (node.is_sequence()) {
      validate_array(node, schema);
    } else {
      check_scalar(node.text, node.kind == NodeKind::String ? PossibleValue::Kind::String
                              : node.kind == NodeKind::Bool ? PossibleValue::Kind::Bool
                                                            : PossibleValue::Kind::Number,
                   schema, node.range, Origin{});
    }
    for (const SchemaNode* n : chain(schema)) {
      for (const SchemaNode* sub : n->all_of) validate(node, *sub);
    }
    validate_alternatives(node, schema);
  }

  // A node and its `$ref` targets (at most 16), iterated in place: the validator asks for it
  // several times per value, and a vector per call was a good part of its cost.
  struct RefChain {
    struct Iterator {
      const SchemaNode* node;
      int hops;
      const SchemaNode* operator*() const { return node; }
      Iterator& operator++() {
        node = ++hops < 16 ? node->ref : nullptr;
        return *this;
      }
      bool operator!=(const Iterator& other) const { return node != other.node; }
    };
    const SchemaNode* first;
    Iterator begin() const { return Iterator{first, 0}; }
    Iterator end() const { return Iterator{nullptr, 0}; }
  };
  static RefChain chain(const SchemaNode& schema) { return RefChain{&schema}; }

  static bool literal_fits(const Node& node, JsonTypes expected) {
    switch (node.kind) {
      case NodeKind::Mapping: return expected & kJsonObject;
      case NodeKind::Sequence: return expected & kJsonArray;
      case NodeKind::String: return scalar_fits(PossibleValue::Kind::String, node.text, expected);
      case NodeKind::Number: return scalar_fits(PossibleValue::Kind::Number, node.text, expected);
      case NodeKind::Bool: return scalar_fits(PossibleValue::Kind::Bool, node.text, expected);
      default: return true;
    }
  }

  // CloudFormation converts scalars: "1" is an integer, 1 is a string, "true" a boolean.
  static bool scalar_fits(PossibleValue::Kind kind, std::string_view text, JsonTypes expected) {
    if (expected == 0) return true;
    switch (kind) {
      case PossibleValue::Kind::String:
        if (expected & kJsonString) return true;
        if ((expected & kJsonInteger) && is_integer(text)) return true;
        if ((expected & kJsonNumber) && as_number(text)) return true;
        if ((expected & kJsonBoolean) && is_boolean_text(text)) return true;
        return text.find("{{resolve:") != std::string_view::npos && !(expected & (kJsonArray | kJsonObject));
      case PossibleValue::Kind::Number:
        if (expected & (kJsonString | kJsonNumber)) return true;
        return (expected & kJsonInteger) && is_integer(text);
      case PossibleValue::Kind::Bool: return (expected & (kJsonBoolean | kJsonString)) != 0;
      case PossibleValue::Kind::List: return expected & kJsonArray;
      case PossibleValue::Kind::Mapping: return expected & kJsonObject;
      default: return true;
    }
  }

  static std::string literal_description(const Node& node) {
    switch (node.kind) {
      case NodeKind::Mapping: return "a mapping";
      case NodeKind::Sequence: return "a list";
      default: return "'" + node.text + "'";
    }
  }

  // ---- objects -----------------------------------------------------------------------------

  // How surely a property is there: Fn::If may remove it (Ref AWS::NoValue in a branch).
  enum class Presence { Absent, Maybe, Present };
  struct Removal {
    Presence presence = Presence::Present;
    std::string_view condition;  // the condition whose branch removes it
    bool when = false;           // ... when it has this value
  };

  Removal presence(const Node* value) const {
    if (value == nullptr) return {Presence::Absent, {}, false};
    if (is_no_value(*value)) return {Presence::Absent, {}, false};
    if (value->is_intrinsic("Fn::If")) {
      const Node* name = argument_item(*value, 0);
      if (name == nullptr || !name->is_string()) return {};
      const std::vector<bool> truths = ctx_.resolver.condition_values(name->text);
      bool can_be_there = false;
      Removal removed{Presence::Present, {}, false};
      for (bool truth : truths) {
        const Node* branch = argument_item(*value, truth ? 1 : 2);
        if (branch == nullptr) continue;
        const Removal inner = presence(branch);
        if (inner.presence == Presence::Absent) {
          removed = {Presence::Maybe, name->text, truth};
        } else {
          can_be_there = true;
        }
      }
      if (!can_be_there) return {Presence::Absent, name->text, false};
      return removed;
    }
    return {};
  }

  void validate_object(const Node& object, const SchemaNode& schema, ByteRange key_range) {
    const bool top = path_.empty();
    // Unknown keys, then each known property's value.
    for (const MapEntry& entry : object.entries) {
      if (entry.value == nullptr) continue;
      if (is_intrinsic_function_name(entry.key) || is_foreach_key(entry.key)) continue;
      const SchemaNode* child = schema.property(entry.key);
      const ResourceSchema* owner = &schema_;
      if (child == nullptr && top && schema_.fallback() != nullptr) {
        child = schema_.fallback()->root().property(entry.key);
        owner = schema_.fallback();
      }
      if (child == nullptr) {
        if (schema.allows_any_key()) continue;
        std::vector<std::string_view> candidates = schema.property_names();
        std::erase_if(candidates, [&](std::string_view name) { return is_read_only_child(name); });
        report(SchemaProblem::UnknownProperty, entry.key_range,
               "'" + entry.key + "' is not a property of " + (top ? std::string(resource_.type) : where() + " in " + std::string(resource_.type)) +
                   did_you_mean(entry.key, candidates, "remove it or correct the name"));
        continue;
      }
      push_step(PathStep{entry.key});
      if (owner->is_read_only(pointer_)) {
        report(SchemaProblem::UnknownProperty, entry.key_range,
               "'" + path_text() + "' is a read-only attribute of " + std::string(resource_.type) +
                   ", not a property you can set; remove it and read it with Fn::GetAtt");
        pop_step();
        continue;
      }
      const ByteRange* saved = current_key_;
      current_key_ = &entry.key_range;
      validate(*entry.value, *child);
      current_key_ = saved;
      pop_step();
    }
    check_object_keywords(object, schema, key_range);
  }

  bool is_read_only_child(std::string_view name) const {
    std::string p = pointer_ + "/" + std::string(name);
    return schema_.is_read_only(p);
  }

  void check_object_keywords(const Node& object, const SchemaNode& schema, ByteRange key_range) {
    auto value_of = [&](std::string_view name) { return object.get(name); };
    for (const SchemaNode* n : chain(schema)) {
      for (const std::string& name : n->required) {
        const Removal r = presence(value_of(name));
        if (r.presence == Presence::Absent) {
          report(SchemaProblem::MissingRequired, key_range,
                 "'" + name + "' is required by " + owner_text() + "; add it");
        } else if (r.presence == Presence::Maybe) {
          report(SchemaProblem::MissingRequired, object.find(name)->key_range,
                 "'" + name + "' is required by " + owner_text() + " but is removed when condition '" +
                     std::string(r.condition) + "' is " + (r.when ? "true" : "false") + "; give it a value in both branches");
        }
      }
      for (const auto& [name, needs] : n->dependent_required) {
        const MapEntry* entry = object.find(name);
        if (entry == nullptr || presence(entry->value).presence != Presence::Present) continue;
        for (const std::string& need : needs) {
          if (presence(value_of(need)).presence == Presence::Absent) {
            report(SchemaProblem::MissingDependent, entry->key_range,
                   "'" + name + "' needs '" + need + "' in " + owner_text() + "; add '" + need + "' or remove '" + name + "'");
          }
        }
      }
      for (const auto& [name, excluded] : n->dependent_excluded) {
        const MapEntry* entry = object.find(name);
        if (entry == nullptr || presence(entry->value).presence != Presence::Present) continue;
        for (const std::string& other : excluded) {
          const MapEntry* second = object.find(other);
          if (second == nullptr || presence(second->value).presence != Presence::Present) continue;
          const bool second_later = second->key_range.begin > entry->key_range.begin;
          const MapEntry* first = second_later ? entry : second;
          const MapEntry* later = second_later ? second : entry;
          report(SchemaProblem::ExclusiveProperties, later->key_range,
                 "'" + first->key + "' and '" + later->key + "' cannot both be set in " + owner_text() + "; keep one");
        }
      }
      for (const auto& names : n->required_xor) one_of_names(object, names, true, key_range);
      for (const auto& names : n->required_or) one_of_names(object, names, false, key_range);
    }
  }

  // Exactly one (`exclusive`) or at least one of `names` must be set.
  void one_of_names(const Node& object, const std::vector<std::string>& names, bool exclusive, ByteRange key_range) {
    std::vector<const MapEntry*> present;
    bool maybe = false;
    for (const std::string& name : names) {
      const MapEntry* entry = object.find(name);
      const Presence p = entry ? presence(entry->value).presence : Presence::Absent;
      if (p == Presence::Present) present.push_back(entry);
      if (p == Presence::Maybe) maybe = true;
    }
    if (exclusive && present.size() > 1) {
      report(SchemaProblem::ExclusiveProperties, present[1]->key_range,
             "'" + present[0]->key + "' and '" + present[1]->key + "' cannot both be set in " + owner_text() + "; keep one");
    } else if (present.empty() && !maybe) {
      report(SchemaProblem::MissingDependent, key_range,
             owner_text() + " needs " + (exclusive ? "one of " : "at least one of ") + names_list(names) + "; add one");
    }
  }

  // Alternatives (oneOf, anyOf). Those made only of `required` lists are about which properties
  // go together; others are tried silently and, when none fits, the closest one is reported.
  static bool required_only(const SchemaNode& n) {
    return !n.required.empty() && n.types == 0 && n.ref == nullptr && n.properties.empty() && !n.has_enum &&
           n.pattern == nullptr && n.one_of.empty() && n.any_of.empty() && n.all_of.empty() && n.items == nullptr;
  }

  void validate_alternatives(const Node& node, const SchemaNode& schema) {
    for (const SchemaNode* n : chain(schema)) {
      if (!n->one_of.empty()) alternatives(node, n->one_of, true);
      if (!n->any_of.empty()) alternatives(node, n->any_of, false);
    }
  }

  void alternatives(const Node& node, const std::vector<const SchemaNode*>& options, bool exclusive) {
    const bool by_names = std::all_of(options.begin(), options.end(), [](const SchemaNode* o) { return required_only(*o); });
    const ByteRange key_range = current_key_ ? *current_key_ : (resource_.entry ? resource_.entry->key_range : node.range);
    if (by_names) {
      if (!node.is_mapping()) return;
      std::size_t definite = 0;
      std::size_t possible = 0;
      std::vector<std::string> firsts;
      std::vector<const MapEntry*> matched;
      for (const SchemaNode* o : options) {
        firsts.push_back(o->required.front());
        bool all_definite = true;
        bool all_possible = true;
        for (const std::string& name : o->required) {
          const MapEntry* entry = node.find(name);
          const Presence p = entry ? presence(entry->value).presence : Presence::Absent;
          all_definite = all_definite && p == Presence::Present;
          all_possible = all_possible && p != Presence::Absent;
        }
        if (all_definite) {
          ++definite;
          matched.push_back(node.find(o->required.front()));
        }
        if (all_possible) ++possible;
      }
      if (possible == 0) {
        report(SchemaProblem::MissingDependent, path_.empty() ? top_key() : key_range,
               owner_text() + " needs " + (exclusive ? "one of " : "at least one of ") + names_list(firsts) + "; add one");
      } else if (exclusive && definite > 1 && matched.size() > 1 && matched[0] != matched[1]) {
        const MapEntry* later = matched[1]->key_range.begin > matched[0]->key_range.begin ? matched[1] : matched[0];
        report(SchemaProblem::ExclusiveProperties, later->key_range,
               "'" + matched[0]->key + "' and '" + matched[1]->key + "' cannot both be set in " + owner_text() + "; keep one");
      }
      return;
    }
    // General alternatives: count the failures of each, silently.
    std::size_t best = 0;
    std::size_t best_failures = SIZE_MAX;
    std::size_t fits = 0;
    for (std::size_t i = 0; i < options.size(); ++i) {
      ++silent_;
      const std::size_t before = failures_;
      validate(node, *options[i]);
      const std::size_t failed = failures_ - before;
      --silent_;
      if (failed == 0) ++fits;
      if (failed < best_failures) {
        best_failures = failed;
        best = i;
      }
    }
    if (fits == 0) validate(node, *options[best]);  // report why the closest one does not fit
  }

  ByteRange top_key() const {
    if (resource_.node != nullptr) {
      if (const MapEntry* entry = resource_.node->find("Properties")) return entry->key_range;
    }
    return resource_.entry ? resource_.entry->key_range : ByteRange{};
  }

  // ---- arrays ------------------------------------------------------------------------------

  void validate_array(const Node& array, const SchemaNode& schema) {
    const SchemaNode* items = schema.item_schema();
    std::size_t at_least = 0;
    std::size_t at_most = 0;
    std::map<std::string, const Node*> seen;
    bool unique = false;
    std::optional<std::uint64_t> min_items;
    std::optional<std::uint64_t> max_items;
    for (const SchemaNode* n : chain(schema)) {
      unique = unique || n->unique_items;
      if (!min_items) min_items = n->min_items;
      if (!max_items) max_items = n->max_items;
    }
    for (std::size_t i = 0; i < array.items.size(); ++i) {
      const Node* item = array.items[i];
      if (item == nullptr) continue;
      const Presence p = presence(item).presence;
      if (p == Presence::Absent) continue;
      ++at_most;
      if (p == Presence::Present) ++at_least;
      if (items != nullptr) {
        push_step(PathStep{{}, static_cast<int>(i)});
        const ByteRange* saved = current_key_;
        current_key_ = nullptr;
        validate(*item, *items);
        current_key_ = saved;
        pop_step();
      }
      if (unique && p == Presence::Present) {
        const std::string key = canonical(*item);
        if (key.empty()) continue;
        auto [it, inserted] = seen.emplace(key, item);
        if (!inserted) {
          report(SchemaProblem::DuplicateItem, item->range,
                 describe_item(*item) + " is listed twice in " + where() + "; remove the duplicate");
        }
      }
    }
    check_count(array.range, at_least, at_most, min_items, max_items, Origin{});
  }

  void check_count(ByteRange range, std::size_t at_least, std::size_t at_most, std::optional<std::uint64_t> min_items,
                   std::optional<std::uint64_t> max_items, const Origin& origin) {
    if (min_items && at_most < *min_items) {
      report(SchemaProblem::ItemCount, range,
             where() + " needs at least " + std::to_string(*min_items) + " item" + (*min_items == 1 ? "" : "s") +
                 ", not " + std::to_string(at_most) + origin.text() + "; add items");
    }
    if (max_items && at_least > *max_items) {
      report(SchemaProblem::ItemCount, range,
             where() + " takes at most " + std::to_string(*max_items) + " item" + (*max_items == 1 ? "" : "s") +
                 ", not " + std::to_string(at_least) + origin.text() + "; remove items");
    }
  }

  // A comparable text for scalar items and simple references; empty when not comparable.
  static std::string canonical(const Node& item) {
    if (item.is_scalar()) return "s:" + item.text;
    if (item.is_intrinsic("Ref") && item.argument && item.argument->is_string()) return "r:" + item.argument->text;
    if (auto target = getatt_target(item); target && !target->attribute.empty()) {
      return "g:" + std::string(target->resource) + "." + std::string(target->attribute);
    }
    return {};
  }
  static std::string describe_item(const Node& item) {
    if (item.is_scalar()) return "'" + item.text + "'";
    if (item.is_intrinsic("Ref") && item.argument) return "'Ref " + item.argument->text + "'";
    if (auto target = getatt_target(item)) {
      return "'GetAtt " + std::string(target->resource) + "." + std::string(target->attribute) + "'";
    }
    return "an item";
  }

  // ---- scalars -----------------------------------------------------------------------------

  // `origin` is empty for a literal written here, else " (from parameter X's default at line 6)".
  void check_scalar(const std::string& text, PossibleValue::Kind kind, const SchemaNode& schema, ByteRange range,
                    const Origin& origin) {
    const bool dynamic = text.find("{{resolve:") != std::string::npos;
    auto shown = [&] { return "'" + text + "'" + origin.text(); };  // for messages only
    const JsonTypes types = schema.effective_types();
    for (const SchemaNode* n : chain(schema)) {
      if (n->has_enum && !dynamic && !n->enum_values.empty()) {
        const bool found = std::any_of(n->enum_values.begin(), n->enum_values.end(), [&](const std::string& allowed) {
          if (allowed == text) return true;
          if (n->enum_case_insensitive && equals_ignoring_case(allowed, text)) return true;
          const auto a = as_number(allowed);
          const auto b = as_number(text);
          if (a && b && *a == *b) return true;
          return kind == PossibleValue::Kind::Bool && equals_ignoring_case(allowed, text);
        });
        if (!found) {
          std::vector<std::string_view> candidates(n->enum_values.begin(), n->enum_values.end());
          const std::string_view close = closest_match(text, candidates);
          report(SchemaProblem::ValueNotAllowed, range,
                 shown() + " is not an allowed value of " + where() +
                     (close.empty() ? "; use one of " + quoted_list(n->enum_values)
                                    : "; did you mean '" + std::string(close) + "'?"));
        }
      }
      if (n->const_value && !dynamic && *n->const_value != text) {
        report(SchemaProblem::ValueNotAllowed, range, shown() + " is not allowed in " + where() + "; use '" + *n->const_value + "'");
      }
      const bool stringish = kind == PossibleValue::Kind::String || (types & kJsonString) || types == 0;
      if (n->pattern != nullptr && stringish && !dynamic && kind != PossibleValue::Kind::Bool) {
        if (n->pattern->search(text) == false) {
          report(SchemaProblem::PatternMismatch, range,
                 shown() + " does not match the pattern of " + where() + " (" + n->pattern->source() + "); correct the value");
        }
      }
      if (stringish && !dynamic && (n->min_length || n->max_length) && kind != PossibleValue::Kind::Bool) {
        const std::size_t length = code_points(text);
        if (n->min_length && length < *n->min_length) {
          report(SchemaProblem::OutOfRange, range,
                 where() + " must be at least " + std::to_string(*n->min_length) + " character" +
                     (*n->min_length == 1 ? "" : "s") + " long, not " + std::to_string(length) + origin.text());
        }
        if (n->max_length && length > *n->max_length) {
          report(SchemaProblem::OutOfRange, range,
                 where() + " must be at most " + std::to_string(*n->max_length) + " characters long, not " +
                     std::to_string(length) + origin.text());
        }
      }
      if ((n->minimum || n->maximum) && (types & (kJsonInteger | kJsonNumber))) {
        if (const auto value = as_number(text)) {
          if (n->minimum && *value < *n->minimum) {
            report(SchemaProblem::OutOfRange, range,
                   where() + " must be at least " + number_text(*n->minimum) + ", not " + shown());
          }
          if (n->maximum && *value > *n->maximum) {
            report(SchemaProblem::OutOfRange, range,
                   where() + " must be at most " + number_text(*n->maximum) + ", not " + shown());
          }
        }
      }
    }
    const std::string_view format = schema.effective_format();
    if (const auto prefix = id_prefix(format); prefix && kind == PossibleValue::Kind::String && !dynamic &&
                                                 !text.starts_with(*prefix)) {
      report(SchemaProblem::ValueKind, range,
             shown() + " is not a " + describe_format(format) + " (they start with '" + std::string(*prefix) + "'), but " +
                 where() + " needs one; give the id, e.g. with Ref or Fn::GetAtt");
    }
  }

  // ---- intrinsics --------------------------------------------------------------------------

  void validate_intrinsic(const Node& node, const SchemaNode& schema) {
    if (is_no_value(node)) return;
    if (node.is_intrinsic("Fn::If")) {
      const Node* name = argument_item(node, 0);
      if (name == nullptr || !name->is_string()) return;
      // Literal branches are checked where they are written; function branches by the values
      // the whole Fn::If resolves to, so a value the condition rules out (an empty default
      // guarded by `HasX: !Not [!Equals [!Ref X, ""]]`) is not checked.
      bool resolve_branches = false;
      std::vector<ByteRange> literal_branches;
      for (bool truth : ctx_.resolver.condition_values(name->text)) {
        const Node* branch = argument_item(node, truth ? 1 : 2);
        if (branch == nullptr) continue;
        if (branch->is_intrinsic() && !branch->is_intrinsic("Fn::If") && !is_no_value(*branch)) {
          if (!check_kind(*branch, schema) && !branch->is_intrinsic("Fn::GetAtt")) resolve_branches = true;
        } else {
          literal_branches.push_back(branch->range);
          validate(*branch, schema);
        }
      }
      if (resolve_branches) {
        const Resolution resolution = ctx_.resolver.resolve(node);
        for (const PossibleValue& value : resolution.values) {
          // Values written in literal branches were checked above, where they are written.
          const bool literal = value.origin != nullptr &&
                               std::any_of(literal_branches.begin(), literal_branches.end(), [&](ByteRange r) {
                                 return value.origin->range.begin >= r.begin && value.origin->range.end <= r.end;
                               });
          if (literal) continue;
          check_possible(value, schema, node.range, Origin{&value, ctx_.document.source.get()}, false);
        }
      }
      return;
    }
    const ReturnKind kind = return_kind(node);
    const bool kind_reported = check_kind(node, schema);
    if (kind_reported || node.is_intrinsic("Fn::GetAtt")) return;
    if (node.is_intrinsic("Ref") && node.argument && node.argument->is_string() &&
        ctx_.tmpl.resource(node.argument->text) != nullptr) {
      return;
    }
    const Resolution resolution = ctx_.resolver.resolve(node);
    const SourceFile& source = *ctx_.document.source;
    for (const PossibleValue& value : resolution.values) {
      check_possible(value, schema, node.range, Origin{&value, &source}, kind.types == 0);
    }
  }

  // What a function returns against what the property takes; true when reported.
  bool check_kind(const Node& node, const SchemaNode& schema) {
    const JsonTypes expected = schema.effective_types();
    const ReturnKind kind = return_kind(node);
    bool kind_reported = false;
    if (expected != 0 && kind.types != 0 && !kind_fits(kind.types, expected)) {
      kind_reported = true;
      report(kind.reference ? SchemaProblem::ValueKind : SchemaProblem::WrongType, node.range,
             where() + " must be " + describe_json_types(expected) + ", but " + kind.described + " gives " +
                 describe_json_types(kind.types) + "; " +
                 ((kind.types & kJsonArray) ? "pick one item (Fn::Select) or use a single-value parameter"
                                            : "give a value of that kind"));
    }
    if (!kind_reported && !kind.format.empty()) {
      const bool list_given = (kind.types & kJsonArray) != 0;
      const SchemaNode* compared = list_given ? schema.item_schema() : &schema;
      const std::string_view expected_format = compared ? compared->effective_format() : std::string_view{};
      // A property with its own type's kind names the resource (InstanceProfileName): any name fits.
      const bool names_itself = expected_format.starts_with(std::string(resource_.type) + ".");
      if (!names_itself && !formats_compatible(expected_format, kind.format)) {
        kind_reported = true;
        report(SchemaProblem::ValueKind, node.range,
               kind.described + " gives " + (list_given ? describe_format(kind.format) + "s" : "a " + describe_format(kind.format)) +
                   ", but " + where() + " needs " + (list_given ? describe_format(expected_format) + "s" : "a " + describe_format(expected_format)) +
                   "; use the " + describe_format(expected_format) + " instead");
      }
    }
    return kind_reported;
  }

  static std::string describe_origin(const PossibleValue& value, const SourceFile& source) {
    std::string text = value.describe(source);
    // describe() starts with the quoted value; keep only where it came from.
    if (!text.empty() && text.front() == '\'') {
      const std::size_t close = text.find('\'', 1);
      if (close != std::string::npos) text = text.substr(close + 1);
      while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    }
    return text.empty() ? "a computed value" : text;
  }

  void check_possible(const PossibleValue& value, const SchemaNode& schema, ByteRange range, const Origin& origin,
                      bool check_type) {
    if (value.kind == PossibleValue::Kind::NoValue || value.kind == PossibleValue::Kind::Null) return;
    // An empty parameter default means "must be given at deployment", not a value to check.
    if (!value.bindings.empty() && empty_value(value)) return;
    const JsonTypes expected = schema.effective_types();
    if (check_type && !scalar_fits(value.kind, value.text, expected)) {
      const std::string shown = value.kind == PossibleValue::Kind::List      ? "a list"
                                : value.kind == PossibleValue::Kind::Mapping ? "a mapping"
                                                                             : "'" + value.text + "'";
      report(SchemaProblem::WrongType, range, where() + " must be " + describe_json_types(expected) + ", not " + shown + origin.text());
      return;
    }
    if (!check_type && value.is_scalar() && !scalar_fits(value.kind, value.text, expected)) {
      report(SchemaProblem::WrongType, range,
             where() + " must be " + describe_json_types(expected) + ", not '" + value.text + "'" + origin.text());
      return;
    }
    if (value.kind == PossibleValue::Kind::List) {
      if (expected != 0 && !(expected & kJsonArray)) return;
      std::optional<std::uint64_t> min_items;
      std::optional<std::uint64_t> max_items;
      for (const SchemaNode* n : chain(schema)) {
        if (!min_items) min_items = n->min_items;
        if (!max_items) max_items = n->max_items;
      }
      check_count(range, value.elements.size(), value.elements.size(), min_items, max_items, origin);
      if (const SchemaNode* items = schema.item_schema()) {
        for (const PossibleValue& element : value.elements) {
          if (element.is_scalar()) check_scalar(element.text, element.kind, *items, range, origin);
        }
      }
      return;
    }
    if (value.is_scalar()) check_scalar(value.text, value.kind, schema, range, origin);
  }

  static bool empty_value(const PossibleValue& value) {
    if (value.kind == PossibleValue::Kind::List) {
      return std::any_of(value.elements.begin(), value.elements.end(), [](const PossibleValue& e) { return e.text.empty(); });
    }
    return value.is_scalar() && value.text.empty();
  }

  static bool kind_fits(JsonTypes given, JsonTypes expected) {
    if (given & kJsonArray) return (expected & kJsonArray) != 0;
    if (given & kJsonObject) return (expected & kJsonObject) != 0;
    // Scalars convert into each other (checked by value); only a scalar where only a list or
    // a mapping is accepted is wrong by kind.
    return (expected & (kJsonString | kJsonInteger | kJsonNumber | kJsonBoolean)) != 0;
  }

  ReturnKind return_kind(const Node& node) const {
    ReturnKind kind;
    const std::string& fn = node.text;
    if (fn == "Ref" && node.argument && node.argument->is_string()) {
      const std::string& name = node.argument->text;
      kind.reference = true;
      if (const Parameter* param = ctx_.tmpl.parameter(name)) {
        const std::string_view type = param->type;
        const bool list = type == "CommaDelimitedList" || type.starts_with("List<") ||
                          type.starts_with("AWS::SSM::Parameter::Value<List<") ||
                          type == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
        kind.types = list ? kJsonArray : type == "Number" ? kJsonNumber : type.empty() ? 0 : kJsonString;
        kind.format = parameter_type_format(type);
        kind.described = "parameter '" + name + "' (" + std::string(type) + ")";
      } else if (const Resource* target = ctx_.tmpl.resource(name)) {
        kind.types = kJsonString;
        if (const ResourceSchema* s = ctx_.schemas.find(target->type)) kind.format = s->ref_format();
        kind.described = "Ref " + name + " (" + std::string(target->type) + ")";
        // A security group without VpcId is in the default VPC: Ref gives its name. A VpcId
        // written at all (even through Fn::If) counts as given.
        if (const auto without = ref_format_without(target->type); without && target->property(without->property) == nullptr) {
          kind.format = without->format;
          kind.described = "Ref " + name + " (" + std::string(target->type) + " without " + without->property + ")";
        }
      } else if (name == "AWS::NotificationARNs") {
        kind.types = kJsonArray;
        kind.described = "Ref AWS::NotificationARNs";
      } else if (is_pseudo_parameter(name)) {
        kind.types = kJsonString;
        kind.described = "Ref " + name;
      }
      return kind;
    }
    if (fn == "Fn::GetAtt") {
      const auto target = getatt_target(node);
      if (!target || target->attribute.empty()) return kind;
      const Resource* resource = ctx_.tmpl.resource(target->resource);
      if (resource == nullptr) return kind;
      const ResourceSchema* s = ctx_.schemas.find(resource->type);
      if (s == nullptr) return kind;
      const SchemaAttribute* attribute = s->attribute(target->attribute);
      if (attribute == nullptr) return kind;
      kind.reference = true;
      kind.types = attribute->types;
      kind.format = attribute->format;
      if (kind.types & kJsonArray) {
        if (attribute->schema && attribute->schema->item_schema()) {
          kind.format = std::string(attribute->schema->item_schema()->effective_format());
        }
      }
      kind.described = "GetAtt " + std::string(target->resource) + "." + std::string(target->attribute);
      return kind;
    }
    kind.described = fn;
    if (fn == "Fn::Sub" || fn == "Fn::Join" || fn == "Fn::Base64" || fn == "Fn::ImportValue" || fn == "Fn::ToJsonString") {
      kind.types = kJsonString;
    } else if (fn == "Fn::GetAZs" || fn == "Fn::Split" || fn == "Fn::Cidr") {
      kind.types = kJsonArray;
    } else if (fn == "Fn::Length") {
      kind.types = kJsonInteger;
    }
    return kind;
  }

  const LintContext& ctx_;
  const Resource& resource_;
  const ResourceSchema& schema_;
  std::vector<SchemaFinding>& out_;
  std::vector<PathStep> path_;
  std::string pointer_;
  const ByteRange* current_key_ = nullptr;
  int silent_ = 0;
  std::size_t failures_ = 0;
};

}  // namespace

bool schema_skipped_for_transform(const Template& tmpl, std::string_view type) {
  // SAM expands AWS::Serverless::* into other resources; SAM's specification applies to them.
  // Other resources in a SAM template are deployed as written and are checked.
  (void)tmpl;
  return type.starts_with("AWS::Serverless::");
}

const std::vector<SchemaFinding>& schema_findings(const LintContext& context) {
  return context.cache.get<std::vector<SchemaFinding>>("schema-validation", [&] {
    std::vector<SchemaFinding> out;
    for (const Resource& resource : context.tmpl.resources()) {
      if (resource.type.empty() || schema_skipped_for_transform(context.tmpl, resource.type)) continue;
      const ResourceSchema* schema = context.schemas.find(resource.type);
      if (schema == nullptr) continue;
      Validator(context, resource, *schema, out).run();
    }
    return out;
  });
}

void report_schema_problems(const LintContext& context, DiagnosticSink& sink, SchemaProblem problem) {
  for (const SchemaFinding& finding : schema_findings(context)) {
    if (finding.problem == problem) sink.report(finding.range, finding.message);
  }
}

}  // namespace cfn_eks
