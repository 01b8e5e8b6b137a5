// N003: user data that EKS merges into an Amazon Linux node group is not MIME multi-part.

#include <algorithm>
#include <cctype>
#include <set>

#include "rules/eks/common/launch_templates.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "rules/nodegroups/nodegroup_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "N003",
    .name = "user-data-not-mime-multipart",
    .severity = Severity::Error,
    .summary = "User data that EKS merges into an Amazon Linux managed node group is not MIME multi-part.",
    .doc = R"md(User data that EKS merges into an Amazon Linux managed node group is not MIME multi-part.

## What it checks
The `UserData` of a managed node group's launch template (in the same stack) when the template
has no `ImageId` — then EKS merges its own bootstrap into your user data — and the node group
runs Amazon Linux (`AmiType` AL2_* or AL2023_*, or no `AmiType`, whose default is Amazon Linux).
The user data is decoded through `Fn::Base64` of a literal, `Fn::Sub` text and `Fn::Join`
literal parts; it must be a MIME multi-part document (`Content-Type: multipart/mixed; boundary=...`).
User data with parts that cannot be read is checked only when its readable text starts a shell
script (`#!`). Bottlerocket (TOML) and Windows (`<powershell>`) node groups are not checked. The
message comes from `schemas/eks/launch-template-restrictions.json` (`user-data-not-mime-multipart`).

## Why it matters
EKS refuses to create or update the node group ("User data was not in the MIME multipart
format"); the stack fails or rolls back. A plain `#!/bin/bash` script, fine for a self-managed
group, is the usual culprit after a migration.

## Example
```yaml
UserData:
  Fn::Base64: |            # flagged
    #!/bin/bash
    echo "vm.max_map_count=262144" >> /etc/sysctl.conf
```
Fixed:
```yaml
UserData:
  Fn::Base64: |
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="==BOUNDARY=="

    --==BOUNDARY==
    Content-Type: text/x-shellscript; charset="us-ascii"

    #!/bin/bash
    echo "vm.max_map_count=262144" >> /etc/sysctl.conf

    --==BOUNDARY==--
```

## How to fix
Wrap the script in a MIME multi-part document, or move the settings to the node group
(labels, taints) so no user data is needed.

## References
- eks-facts §4.3 (user data)
- https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
)md",
};

constexpr std::string_view kNodegroupType = "AWS::EKS::Nodegroup";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// True unless some AmiType value is not Amazon Linux (or not known).
bool amazon_linux(const LintContext& context, const Resource& nodegroup) {
  const Node* ami_type = nodegroup.property("AmiType");
  if (ami_type == nullptr) return true;
  const Resolution resolution = context.resolver.resolve(*ami_type);
  if (!resolution.complete()) return false;
  for (const PossibleValue& value : resolution.values) {
    if (value.kind == PossibleValue::Kind::NoValue) continue;
    const AmiTypeInfo* info = context.eks.ami_type(value.text);
    if (info == nullptr) return false;
    if (info->family != AmiFamily::AmazonLinux2 && info->family != AmiFamily::AmazonLinux2023) return false;
  }
  return true;
}

class UserDataNotMimeMultipart final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    const LaunchTemplateRestriction* restriction = context.eks.launch_template_restriction("user-data-not-mime-multipart");
    if (restriction == nullptr) return;
    std::set<const Resource*> seen;
    for (const Resource* nodegroup : context.tmpl.resources_of_type(kNodegroupType)) {
      const auto use = nodegroup_launch_template(context.tmpl, *nodegroup);
      if (!use || use->data == nullptr || seen.contains(use->resource)) continue;
      if (!entries_at_path(use->data, "ImageId").empty() || !amazon_linux(context, *nodegroup)) continue;
      const MapEntry* user_data = use->data->find("UserData");
      if (user_data == nullptr || !is_set(user_data->value)) continue;
      const auto text = decode_user_data(user_data->value);
      if (!text || text->text.empty()) continue;
      const std::string folded = lower(text->text);
      if (folded.find("multipart/") != std::string::npos) continue;
      if (!text->complete && !text->text.starts_with("#!")) continue;
      seen.insert(use->resource);
      Diagnostic& diagnostic = sink.report_key(*user_data, restriction->message);
      sink.relate(diagnostic, nodegroup->entry->key_range,
                  "used by managed node group '" + std::string(nodegroup->name) + "'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_user_data_not_mime_multipart() { return std::make_unique<UserDataNotMimeMultipart>(); }

}  // namespace cfn_eks
