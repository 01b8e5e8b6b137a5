// A009: an EKS AMI SSM path that floats (recommended/latest) instead of pinning a release.

#include <set>

#include "rules/amis/ami_rules.hpp"
#include "rules/amis/ami_scan.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "A009",
    .name = "floating-ami-path",
    .severity = Severity::Info,
    .summary = "Nodes boot whatever AMI a recommended/latest SSM parameter names at each stack update.",
    .doc = R"(Nodes boot whatever AMI a recommended/latest SSM parameter names at each stack update.

## What it checks
EKS AMI SSM paths ending in a floating release (`.../recommended/image_id`, Bottlerocket
`.../latest/image_id`, the Windows `ami-windows-latest` parameters) in launch templates and
launch configurations, as a parameter default or a `{{resolve:ssm:...}}` reference. Information
by default; set the rule option `level: warning` to make it a warning:
```yaml
rules:
  A009: {level: warning}
```

## Why it matters
It is a trade-off, not a mistake (eks-facts §3.2, §3.4, §9):
- floating: CloudFormation resolves the parameter at every create and update, so an unrelated
  stack update may silently roll every node to a new AMI — including a release later recalled
  (v20220513, v20221027, v20230211 were);
- pinned: the nodes keep a known image, but it ages (kernel and runtime CVEs), and old releases
  may become unavailable (Windows AMIs go private after about four months; until 2021 EKS only
  accepted the latest release for managed node groups).
Teams that want AMI changes only on purpose pin and bump deliberately; teams that want patches
automatically float and accept the roll.

## Example
```yaml
Default: /aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id  # reported
```

## How to fix
Either accept it (and leave the finding as information), or pin a release path
(`.../amazon-eks-node-al2023-x86_64-standard-1.34-v20251120/image_id`) and bump it on purpose.

## References
- eks-facts §3.2, §3.4, §9
- https://docs.aws.amazon.com/eks/latest/userguide/retrieve-ami-id.html
- https://github.com/awslabs/amazon-eks-ami/issues/559
)",
};

class FloatingAmiPath final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const auto level = sink.options().get("level");
    const bool warning = level && *level == "warning";
    std::set<std::size_t> seen;
    for (const ImageUse& use : image_uses(context)) {
      for (const AmiPathValue& path : use.ami_paths) {
        if (!path.parsed || path.parsed->release == AmiRelease::Pinned) continue;
        if (!seen.insert(path.at->range.begin).second) continue;
        Diagnostic& d = sink.report(*path.at, "'" + path.path + "' floats to the " +
                                                  std::string(ami_release_name(path.parsed->release)) +
                                                  " AMI, so any stack update may roll the nodes of '" +
                                                  std::string(use.launch.resource->name) +
                                                  "' to a new image; pin a release path if AMI changes must be deliberate");
        if (warning && d.severity == Severity::Info) d.severity = Severity::Warning;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_floating_ami_path() { return std::make_unique<FloatingAmiPath>(); }

}  // namespace cfn_eks
