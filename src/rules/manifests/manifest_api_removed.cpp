// K001: an embedded Kubernetes manifest uses an apiVersion the cluster no longer serves.

#include "rules/manifests/manifest_api_check.hpp"
#include "rules/manifests/manifest_rules.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kInfo{
    .id = "K001",
    .name = "manifest-api-removed",
    .severity = Severity::Error,
    .summary = "An embedded Kubernetes manifest uses an apiVersion its cluster no longer serves.",
    .doc = R"(An embedded Kubernetes manifest uses an apiVersion its cluster no longer serves.

## What it checks
Kubernetes objects written inside CloudFormation string properties:
`AWSQS::Kubernetes::Resource` and `Custom::AWSCDK-EKS-KubernetesResource` `Manifest`, the EKS
quick start's `Custom::KubeManifest` `Manifest`, and `AWSQS::Kubernetes::Helm` `ValueYaml` and
literal `Values`. The text may be a literal, an `Fn::Sub` template (variables are kept as
written) or the literal parts of an `Fn::Join`; it is read as YAML (JSON included), one object
per document, and every mapping with `apiVersion` and `kind` is looked up in
`schemas/eks/api-deprecations.json` for the version of the cluster named by `ClusterName`
(`ClusterID` for Helm) when that cluster is in the same stack, through parameters and
conditions. When the cluster is in another stack or has no `Version`, the object is checked
against the oldest version EKS still runs on the lint date: an API removed there is removed on
every cluster the manifest can meet. The finding points at the apiVersion inside the string when
the string is a literal block (or written verbatim), else at the property.

## Why it matters
The API server answers "no matches for kind" and the custom resource fails: the stack update
rolls back, often long after the cluster upgrade that removed the API.

## Example
```yaml
App:
  Type: AWSQS::Kubernetes::Resource
  Properties:
    ClusterName: !Ref Cluster      # Version: "1.31"
    Namespace: default
    Manifest: |
      apiVersion: extensions/v1beta1   # flagged: removed in 1.16; use apps/v1
      kind: Deployment
```

## How to fix
Move the object to the replacement apiVersion named in the message (check the fields that
changed, e.g. `spec.selector` became required for `apps/v1` Deployments). Objects without a
replacement (PodSecurityPolicy) must be removed.

## References
- eks-facts §8 (deprecated and removed Kubernetes APIs, where manifests hide in templates)
- https://kubernetes.io/docs/reference/using-api/deprecation-guide/
- https://github.com/aws-quickstart/quickstart-kubernetes-resource-provider
)",
};

class ManifestApiRemoved final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    for (const EmbeddedManifest& manifest : embedded_manifests(context.tmpl, context.resolver)) {
      for (const ManifestObject& object : manifest.objects) {
        const ManifestApiFinding finding = check_manifest_api(context, manifest, object);
        if (finding.status != ApiStatus::Removed || finding.entry == nullptr) continue;
        sink.report(object.range, describe_manifest_object(manifest, object) + " was removed in Kubernetes " +
                                      finding.entry->removed_in.to_string() + " and is not served by " +
                                      finding.at + manifest_api_remedy(*finding.entry));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_manifest_api_removed() { return std::make_unique<ManifestApiRemoved>(); }

}  // namespace cfn_eks
