// K002: an embedded Kubernetes manifest uses an apiVersion deprecated at its cluster's version.

#include "rules/manifests/manifest_api_check.hpp"
#include "rules/manifests/manifest_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "K002",
    .name = "manifest-api-deprecated",
    .severity = Severity::Warning,
    .summary = "An embedded Kubernetes manifest uses an apiVersion deprecated at its cluster's version.",
    .doc = R"(An embedded Kubernetes manifest uses an apiVersion deprecated at its cluster's version.

## What it checks
The same objects as K001 (manifests in `AWSQS::Kubernetes::Resource`,
`Custom::AWSCDK-EKS-KubernetesResource`, `Custom::KubeManifest`, Helm `ValueYaml`/`Values`),
when the cluster they target is in the same stack and some version it can have still serves
the apiVersion but a replacement exists and the old one is scheduled for removal
(`schemas/eks/api-deprecations.json`; `deprecated_in` there is inferred from when the
replacement became available, so this is a warning). When the cluster version is not known,
nothing is reported (K001 still reports APIs removed everywhere).

## Why it matters
The next cluster upgrade removes the API and the custom resource then fails on its next
update. Moving now is cheap; moving during an upgrade is not.

## Example
```yaml
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    Version: "1.24"
    # ...
Job:
  Type: AWSQS::Kubernetes::Resource
  Properties:
    ClusterName: !Ref Cluster
    Namespace: default
    Manifest: |
      apiVersion: batch/v1beta1    # flagged: removed in 1.25; use batch/v1
      kind: CronJob
```

## How to fix
Move the object to the replacement apiVersion named in the message before upgrading the cluster.

## References
- eks-facts §8 (deprecated and removed Kubernetes APIs)
- https://kubernetes.io/docs/reference/using-api/deprecation-guide/
)",
};

class ManifestApiDeprecated final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    for (const EmbeddedManifest& manifest : embedded_manifests(context.tmpl, context.resolver)) {
      for (const ManifestObject& object : manifest.objects) {
        const ManifestApiFinding finding = check_manifest_api(context, manifest, object);
        if (finding.status != ApiStatus::Deprecated || finding.entry == nullptr) continue;
        sink.report(object.range, describe_manifest_object(manifest, object) + " is deprecated on " + finding.at +
                                      " and removed in Kubernetes " + finding.entry->removed_in.to_string() +
                                      manifest_api_remedy(*finding.entry));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_manifest_api_deprecated() { return std::make_unique<ManifestApiDeprecated>(); }

}  // namespace cfn_eks
