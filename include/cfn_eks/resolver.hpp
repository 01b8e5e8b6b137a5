#pragma once
/// "Which values can this node take?" — with provenance, or unknown.
///
/// Rule writers, in short:
/// - `resolve(node).values` lists what the node can be; `unknowns` says what could not be
///   followed (a GetAtt, a pseudo-parameter, a parameter open to other values). Check the
///   values you have; treat `complete() == false` as "there may be more".
/// - Ref to a parameter yields its Default first, then its AllowedValues (deduplicated). A
///   parameter without AllowedValues may be given anything at deployment, so its Ref also
///   carries an Unknown saying so. SSM-typed parameters (`AWS::SSM::Parameter::Value<...>`)
///   resolve to unknown; `parameter_values` gives the store names written for them.
/// - Values from Fn::If carry Assumptions; combinations that cannot hold together (same
///   condition both ways, one parameter with two values, conditions contradicting each other
///   for every allowed parameter value) are pruned.
/// - Ref AWS::NoValue is a value of Kind::NoValue (the property is removed in that case).

#include <cstdint>
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
  /// True for a function the value passed through ("Fn::Base64 of", "Fn::Select of"),
  /// false for a place the value was written (a default, an allowed value, a mapping value).
  bool passthrough = false;
};

/// A parameter value a possible value relies on (it came from `Ref: Name` taking `value`).
struct Binding {
  std::string_view parameter;
  std::string value;
  bool operator==(const Binding&) const = default;
};

/// A condition assumed true or false for a value to arise (from Fn::If branches).
struct Assumption {
  std::string_view condition;
  bool holds = true;
  bool operator==(const Assumption&) const = default;
};

/// One value a node can take.
struct PossibleValue {
  /// NoValue: `Ref: AWS::NoValue`, the property or list element is removed.
  enum class Kind : std::uint8_t { String, Number, Bool, Null, List, Mapping, NoValue };
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
  /// Parameter values this value depends on (used to prune contradictory combinations).
  std::vector<Binding> bindings;

  /// String, Number, Bool or Null (NoValue is not a value at all).
  bool is_scalar() const {
    return kind != Kind::List && kind != Kind::Mapping && kind != Kind::NoValue;
  }
  /// The innermost hop that names a place the value was written, or nullptr.
  const Provenance* source_hop() const;
  /// "'1.28' from parameter KubernetesVersion's default at line 6" style text for messages;
  /// "'1.28' at line 6" when the value is a literal written where it is used.
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
  unsigned max_depth = 64;          ///< Function nesting deeper than this is unknown.
  /// Parameter-value scenarios tried when checking that a value's assumptions can hold together;
  /// beyond this the check is skipped and the value kept.
  std::size_t max_scenarios = 64;
};

/// Resolves nodes of one template. Cheap to construct; const and thread-compatible.
class Resolver {
 public:
  explicit Resolver(const Template& tmpl, ResolverLimits limits = {});

  /// The values `node` can take, following Ref to parameters (Default, AllowedValues),
  /// Fn::FindInMap (a key that is not known ranges over every entry; missing entries give
  /// nothing unless a DefaultValue is given), Fn::If with conditions, Fn::Sub, Fn::Join,
  /// Fn::Select, Fn::Split, Fn::Base64 (the text before encoding), Fn::Length and
  /// Fn::ToJsonString of literals. Pseudo-parameters (except AWS::NoValue), Fn::GetAtt,
  /// Fn::ImportValue, Fn::GetAZs, Fn::Cidr and Ref to resources are unknown with a reason;
  /// an Fn::Sub with an unknown variable is unknown, the reason naming the variable.
  /// Dynamic references (`{{resolve:ssm:NAME}}`) stay in the string as written.
  Resolution resolve(const Node& node) const;

  /// The truth values a named condition can take ({true}, {false} or both, true first).
  /// Unknown conditions (missing, cyclic, depending on unknown values) can take both.
  std::vector<bool> condition_values(std::string_view name) const;

  /// The values written for parameter `name`: its Default first, then its AllowedValues,
  /// whatever its Type. For `AWS::SSM::Parameter::Value<...>` parameters these are parameter
  /// store names (e.g. an EKS AMI path), which `resolve` does not return.
  Resolution parameter_values(std::string_view name) const;

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

/// Parses the `${...}` variables of an Fn::Sub string; `${!Literal}` and `${}` are skipped,
/// an unterminated `${` ends the scan (it stays literal text).
std::vector<SubVariable> sub_variables(std::string_view text);

}  // namespace cfn_eks
