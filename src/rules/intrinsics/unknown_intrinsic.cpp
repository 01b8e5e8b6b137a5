// T303: a single-key mapping whose key looks like an intrinsic function but names none.

#include <algorithm>
#include <cctype>

#include "rules/common/names.hpp"
#include "rules/common/walk.hpp"
#include "rules/intrinsics/intrinsic_knowledge.hpp"
#include "rules/intrinsics/intrinsic_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "T303",
    .name = "unknown-intrinsic",
    .severity = Severity::Error,
    .summary = "A mapping key looks like an intrinsic function but names none.",
    .doc = R"(A mapping key looks like an intrinsic function but names none.

## What it checks
A mapping with a single key that starts with `Fn::` (in any letter case) and is not a
CloudFormation function: not one of the intrinsic functions, the functions of the `Rules`
section (`Fn::Contains`, `Fn::EachMemberIn`, ...) or an `Fn::ForEach::<Name>` loop. The closest
real function is suggested. Unknown short-form tags (`!GetAt`) are reported by the loader (T009).

## Why it matters
CloudFormation passes an unknown `Fn::` key on as a literal mapping, so the property receives
`{"Fn::GetAt": [...]}` instead of a value and the resource fails to create, or the template is
rejected ("Encountered unsupported function: Fn::GetAt").

## Example
```yaml
Outputs:
  ClusterArn:
    Value:
      Fn::GetAt: [Cluster, Arn]   # flagged: did you mean 'Fn::GetAtt'?
```
Fixed: `Fn::GetAtt: [Cluster, Arn]`.

## How to fix
Correct the function name.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/rules-section-structure.html
)",
};

bool looks_like_function(std::string_view key) {
  if (key.size() < 3) return false;
  return std::tolower(static_cast<unsigned char>(key[0])) == 'f' &&
         std::tolower(static_cast<unsigned char>(key[1])) == 'n' && key[2] == ':';
}

class UnknownIntrinsic final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const IntrinsicKnowledge& knowledge = intrinsic_knowledge();
    const std::vector<std::string_view>& known = knowledge.known_names();
    walk_template(context.tmpl, [&](const Node& node, const WalkContext&) {
      if (!node.is_mapping() || node.entries.size() != 1) return;
      const MapEntry& entry = node.entries.front();
      if (!looks_like_function(entry.key) || is_foreach_key(entry.key)) return;
      if (is_intrinsic_function_name(entry.key) ||
          std::find(known.begin(), known.end(), entry.key) != known.end()) {
        return;
      }
      sink.report_key(entry, "'" + entry.key + "' is not an intrinsic function" +
                                 did_you_mean(entry.key, known, "correct the function name"));
    });
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_intrinsic() { return std::make_unique<UnknownIntrinsic>(); }

}  // namespace cfn_eks
