#pragma once
/// "Which values can this node take?" — with provenance, or unknown.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// One hop a value took on its way to the node asked about.
struct Provenance {
  const Node* node = nullptr;  ///< Where the hop is written (a Ref, a parameter default, a mapping value).
  std::string description;     ///< "parameter KubernetesVersion's default", "mapping AMI.us-east-1.x".
};

/// A condition assumed true or false for a value to arise (from Fn::If branches).
struct Assumption {
  std::string_view condition;
  bool holds = true;
  bool operator==(const Assumption&) const = default;
};

/// One value a node can take.
struct PossibleValue {
  enum class Kind : std::uint8_t { String, Number, Bool, Null, List, Mapping };
  Kind kind = Kind::String;
  /// Scalars: the value (numbers as written). Lists and mappings: empty.
  std::string text;
  /// Kind::List: the elements.
  std::vector<PossibleValue> elements;
  /// The literal node the value was written at (a parameter default, an allowed value,
  /// a mapping value, a literal in the template); nullptr for computed values (Join, Sub).
  const Node* origin = nullptr;
  /// The style of `origin` when it is a scalar: `Version: 1.30` written plain is the number 1.3.
  ScalarStyle style = ScalarStyle::Plain;
  /// Hops from the asked node to the origin, outermost first.
  std::vector<Provenance> via;
  /// Conditions this value depends on.
  std::vector<Assumption> assumptions;

  bool is_scalar() const { return kind != Kind::List && kind != Kind::Mapping; }
  /// "'1.28' from parameter KubernetesVersion's default at line 6" style text for messages.
  std::string describe(const SourceFile& source) const;
};

/// Why a value could not be known.
struct Unknown {
  const Node* at = nullptr;  ///< The node whose value is not known (a GetAtt, an ImportValue, ...).
  std::string reason;        ///< "attribute Cluster.Endpoint is known only after deployment".
};

/// The result of resolving a node: the values it can take plus what could not be followed.
struct Resolution {
  std::vector<PossibleValue> values;
  std::vector<Unknown> unknowns;
  /// True when the set of values is complete (no unknowns and nothing was cut by limits).
  bool complete() const { return unknowns.empty() && !truncated; }
  bool truncated = false;
};

struct ResolverLimits {
  std::size_t max_values = 64;      ///< More possible values than this are cut (truncated).
  unsigned max_depth = 32;          ///< Ref chains and nesting deeper than this are unknown.
};

/// Resolves nodes of one template. Cheap to construct; const and thread-compatible.
class Resolver {
 public:
  explicit Resolver(const Template& tmpl, ResolverLimits limits = {});

  /// The values `node` can take, following Ref to parameters (Default, AllowedValues),
  /// pseudo-parameters, Fn::FindInMap, Fn::If with conditions, Fn::Sub, Fn::Join,
  /// Fn::Select, Fn::Split, Fn::Base64, Fn::GetAZs; Fn::GetAtt, Fn::ImportValue and
  /// Ref to resources are unknown with a reason. Dynamic references
  /// (`{{resolve:ssm:NAME}}`) stay in the string as written.
  Resolution resolve(const Node& node) const;

  /// The truth values a named condition can take ({true}, {false} or both).
  std::vector<bool> condition_values(std::string_view name) const;

  /// The string values `node` can take, ignoring non-scalars; convenience for rules.
  std::vector<std::string> strings(const Node& node) const;

  const Template& tmpl() const { return *tmpl_; }

 private:
  const Template* tmpl_;
  ResolverLimits limits_;
};

/// A `{{resolve:SERVICE:REFERENCE}}` dynamic reference found inside a string.
struct DynamicReference {
  std::string service;    ///< "ssm", "ssm-secure", "secretsmanager".
  std::string reference;  ///< Everything after the service and its colon.
  std::size_t offset = 0; ///< Offset of "{{" in the string.
  std::size_t length = 0;
};

/// Finds the dynamic references in a string value.
std::vector<DynamicReference> find_dynamic_references(std::string_view text);

/// One `${...}` of an Fn::Sub string.
struct SubVariable {
  std::string name;        ///< "X" or "X.Attr" (no `!` literals).
  std::size_t offset = 0;  ///< Offset of "${" in the string.
  std::size_t length = 0;  ///< Length of "${...}".
};

/// Parses the `${...}` variables of an Fn::Sub string; `${!Literal}` is skipped.
std::vector<SubVariable> sub_variables(std::string_view text);

}  // namespace cfn_eks
