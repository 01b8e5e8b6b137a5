#pragma once
// Facts about intrinsic functions from schemas/cloudformation/intrinsics.json: names, which
// functions may be nested in which argument, and which are allowed in Conditions and Rules.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

struct IntrinsicSpec {
  std::string name;       ///< Long name: "Fn::GetAtt", "Ref".
  std::string short_tag;  ///< "!GetAtt"; empty when the function has no short form.
  bool condition_function = false;
  bool language_extensions = false;
  bool rules_only = false;
  /// Position ("arg", "0", "1", ...) -> functions allowed there directly; absent = any.
  std::map<std::string, std::vector<std::string>, std::less<>> nested;
};

class IntrinsicKnowledge {
 public:
  /// Parses the JSON text; on malformed data `error()` is set and the tables stay empty.
  explicit IntrinsicKnowledge(std::string_view json);

  const IntrinsicSpec* find(std::string_view name) const;
  /// Every function name a template may use anywhere, Rules-only functions included.
  const std::vector<std::string_view>& known_names() const { return known_names_; }
  bool is_rule_function(std::string_view name) const;
  bool allowed_in_conditions(std::string_view name) const;
  /// The functions allowed directly at `position` of `function`'s argument (-1: the whole
  /// argument), or nullptr when any function may appear there.
  const std::vector<std::string>* nested_allowed(std::string_view function, int position,
                                                 bool language_extensions) const;
  const std::string& error() const { return error_; }
  const std::string& as_of() const { return as_of_; }

 private:
  std::vector<IntrinsicSpec> specs_;
  std::vector<std::string> rule_functions_;
  std::vector<std::string> conditions_section_;
  std::vector<std::string> relaxed_by_language_extensions_;
  std::vector<std::string_view> known_names_;
  std::string as_of_;
  std::string error_;
};

/// The compiled-in knowledge, parsed once on first use and immutable afterwards.
const IntrinsicKnowledge& intrinsic_knowledge();

}  // namespace cfn_eks
