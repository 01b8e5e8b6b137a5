// N007: EKS nodes allow IMDSv1.

#include <optional>

#include "cfn_eks/edits.hpp"
#include "rules/common/quick_fix.hpp"
#include "rules/nodegroups/node_launch_data.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N007",
    .name = "imdsv2-not-required",
    .severity = Severity::Warning,
    .summary = "The launch template or configuration of EKS nodes does not require IMDSv2.",
    .doc = R"md(The launch template or configuration of EKS nodes does not require IMDSv2.

## What it checks
Launch templates of managed node groups and launch templates or launch configurations of
self-managed node groups (Auto Scaling groups recognised by their bootstrap, EKS AMI or
cluster tag): `MetadataOptions.HttpTokens` must be `required` (through parameters and
conditions: every value). A missing `MetadataOptions` or `HttpTokens` means `optional` unless
the AMI says otherwise.

## Why it matters
With IMDSv1 any process that can make an HTTP GET from the node, including every pod in the host
network and any server-side request forgery in a pod, reads the node role's credentials: those
can pull every image, describe the cluster and, with the CNI policy, change ENIs. Amazon Linux
2023 requires IMDSv2 anyway, so AL2 templates migrated to AL2023 behave differently unless this
is explicit.

## Example
```yaml
LaunchTemplateData:
  MetadataOptions:
    HttpTokens: optional       # flagged
```
Fixed: `HttpTokens: required` (and `HttpPutResponseHopLimit: 2` if pods need the node's
credentials, see N008).

## How to fix
Set `MetadataOptions: {HttpTokens: required}` (quick fix, `cfn-eks lint --fix`: a literal
`HttpTokens` becomes `required`, a missing one is added; a parameter is left to you); give pods their own credentials with IRSA or
EKS Pod Identity.

## References
- eks-facts §4.3 (AL2023 requires IMDSv2), §6.8
- https://docs.aws.amazon.com/eks/latest/best-practices/identity-and-access-management.html
- https://docs.aws.amazon.com/eks/latest/userguide/al2023.html
)md",
    .quick_fix = true,
};

class Imdsv2NotRequired final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    std::optional<DocumentEditor> editor;  // Indexes the whole document: built once, when first needed.
    for (const NodeLaunch& launch : node_launch_data(context)) {
      const std::string what = std::string(launch.launch->type == "AWS::EC2::LaunchTemplate" ? "launch template '"
                                                                                    : "launch configuration '") +
                               std::string(launch.launch->name) + "' of " + launch.used_by;
      const MapEntry* options = launch.data->find("MetadataOptions");
      const MapEntry* tokens = options && options->value->is_mapping() ? options->value->find("HttpTokens") : nullptr;
      if (tokens == nullptr) {
        if (options != nullptr && !options->value->is_mapping()) continue;  // Not a literal mapping: can't tell.
        Diagnostic& d = sink.report_key(options ? *options : *launch.data_entry,
                                        what + " does not require IMDSv2, so pods and SSRF can read the node role's "
                                               "credentials; set 'MetadataOptions.HttpTokens: required'");
        // Insert the missing setting, rendered in the file's style.
        if (!editor) editor.emplace(context.document);
        EditResult<EditList> edits =
            options ? editor->insert_entry(*options->value, "HttpTokens", Fragment::string("required"))
                    : editor->insert_entry(*launch.data, "MetadataOptions",
                                           Fragment::mapping({{"HttpTokens", Fragment::string("required")}}));
        if (edits && !edits.value().empty()) {
          d.fixes.push_back(Fix{options ? "add 'HttpTokens: required'" : "add 'MetadataOptions: {HttpTokens: required}'",
                                std::move(edits).value(), true});
        }
        continue;
      }
      const Resolution values = context.resolver.resolve(*tokens->value);
      for (const PossibleValue& value : values.values) {
        if (!value.is_scalar() || value.text == "required") continue;
        Diagnostic& d = sink.report(*tokens->value, what + " allows IMDSv1 ('HttpTokens' '" + value.text +
                                                        "'), so pods and SSRF can read the node role's credentials; set 'HttpTokens: required'");
        // Written here (not through a parameter another stack may set): 'required' is the answer.
        if (tokens->value->is_string()) {
          add_scalar_fix(d, context.document, *tokens->value, "required", "set 'HttpTokens' to 'required'");
        }
        break;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_imdsv2_not_required() { return std::make_unique<Imdsv2NotRequired>(); }

}  // namespace cfn_eks
