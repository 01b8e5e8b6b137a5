#include "rules/eks/common/cluster_lookup.hpp"

#include <algorithm>
#include <map>

#include "rules/common/intrinsic_args.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kClusterType = "AWS::EKS::Cluster";

bool is_cluster(const Resource* resource) { return resource != nullptr && resource->type == kClusterType; }

// A float as a YAML/JSON reader prints it: "1.30" -> "1.3", "1.0" stays, "1" stays.
std::string normalise_number(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || text.find_first_of("eE") != std::string_view::npos) return std::string(text);
  std::string out(text);
  while (out.size() > dot + 2 && out.back() == '0') out.pop_back();
  return out;
}

// A cluster of this stack whose Name is written as `Ref: parameter` or as the literal `name`.
const Resource* cluster_named(const Template& tmpl, std::string_view parameter, std::string_view literal) {
  for (const Resource* cluster : tmpl.resources_of_type(kClusterType)) {
    const Node* name = cluster->property("Name");
    if (name == nullptr) continue;
    if (!parameter.empty() && name->is_intrinsic("Ref") && name->argument && name->argument->is_string() &&
        name->argument->text == parameter) {
      return cluster;
    }
    if (!literal.empty() && name->is_string() && name->text == literal) return cluster;
  }
  return nullptr;
}

ClusterLink same_stack(const Resource* cluster, const Node* at) {
  return ClusterLink{ClusterLocation::SameStack, cluster, at, "cluster '" + std::string(cluster->name) + "'"};
}

// The first `${Name}` of a Sub string, or empty.
std::string first_sub_variable(std::string_view text) {
  for (const SubVariable& v : sub_variables(text)) return v.name;
  return {};
}

}  // namespace

std::string effective_scalar_text(const PossibleValue& value) {
  if (value.kind == PossibleValue::Kind::Number && value.style == ScalarStyle::Plain) {
    return normalise_number(value.text);
  }
  return value.text;
}

VersionValues version_values(const LintContext& context, const Node& node) {
  VersionValues out;
  const Resolution resolution = context.resolver.resolve(node);
  for (const PossibleValue& value : resolution.values) {
    if (!value.is_scalar() || value.kind == PossibleValue::Kind::Null) continue;
    VersionCandidate c;
    c.written = value.text;
    c.text = effective_scalar_text(value);
    c.mangled_number = c.text != c.written;
    c.version = parse_kube_version(c.text);
    c.where = value.describe(*context.document.source);
    if (const Provenance* hop = value.source_hop()) c.allowed_value = hop->description.ends_with("allowed value");
    c.value = value;
    out.candidates.push_back(std::move(c));
  }
  if (!resolution.unknowns.empty()) out.unknown_reason = resolution.unknowns.front().reason;
  return out;
}

std::vector<KubeVersion> distinct_versions(const std::vector<VersionCandidate>& candidates) {
  std::vector<KubeVersion> out;
  for (const VersionCandidate& c : candidates) {
    if (c.version && std::find(out.begin(), out.end(), *c.version) == out.end()) out.push_back(*c.version);
  }
  std::sort(out.begin(), out.end());
  return out;
}

ClusterLink find_cluster_by_token(const LintContext& context, std::string_view token, const Node* at) {
  const Template& tmpl = context.tmpl;
  std::string_view name = token;
  if (name.starts_with("${") && name.ends_with("}")) name = name.substr(2, name.size() - 3);
  else if (token.find("${") != std::string_view::npos) name = {};  // a computed name: not followable
  if (name.empty()) {
    const std::string var = first_sub_variable(token);
    if (!var.empty() && var.find('.') == std::string::npos && token == "${" + var + "}") name = var;
  }
  if (name.empty()) return ClusterLink{ClusterLocation::Unknown, nullptr, at, "'" + std::string(token) + "'"};
  const bool variable = token.starts_with("${");
  if (variable) {
    std::string_view logical = name.substr(0, name.find('.'));
    if (const Resource* r = tmpl.resource(logical); is_cluster(r)) return same_stack(r, at);
    if (tmpl.parameter(name) != nullptr) {
      if (const Resource* r = cluster_named(tmpl, name, {})) return same_stack(r, at);
      return ClusterLink{ClusterLocation::OtherStack, nullptr, at, "parameter '" + std::string(name) + "'"};
    }
    return ClusterLink{ClusterLocation::Unknown, nullptr, at, "'" + std::string(token) + "'"};
  }
  if (const Resource* r = cluster_named(tmpl, {}, name)) return same_stack(r, at);
  return ClusterLink{ClusterLocation::OtherStack, nullptr, at, "'" + std::string(name) + "'"};
}

ClusterLink find_cluster(const LintContext& context, const Node* cluster_name) {
  if (cluster_name == nullptr) return {};
  const Template& tmpl = context.tmpl;
  const Node& n = *cluster_name;
  if (n.is_intrinsic("Ref") && n.argument && n.argument->is_string()) {
    const std::string& target = n.argument->text;
    if (const Resource* r = tmpl.resource(target); is_cluster(r)) return same_stack(r, &n);
    if (tmpl.parameter(target) != nullptr) {
      if (const Resource* r = cluster_named(tmpl, target, {})) return same_stack(r, &n);
      return ClusterLink{ClusterLocation::OtherStack, nullptr, &n, "parameter '" + target + "'"};
    }
    return ClusterLink{ClusterLocation::Unknown, nullptr, &n, "'" + target + "'"};
  }
  if (n.is_intrinsic("Fn::GetAtt")) {
    if (auto target = getatt_target(n); target && is_cluster(tmpl.resource(target->resource))) {
      return same_stack(tmpl.resource(target->resource), &n);
    }
    return ClusterLink{ClusterLocation::Unknown, nullptr, &n, "Fn::GetAtt"};
  }
  if (n.is_intrinsic("Fn::Sub")) {
    const Node* text = n.argument;
    if (text && text->is_sequence() && !text->items.empty()) text = text->items.front();
    if (text && text->is_string()) return find_cluster_by_token(context, text->text, &n);
    return ClusterLink{ClusterLocation::Unknown, nullptr, &n, "Fn::Sub"};
  }
  if (n.is_intrinsic("Fn::ImportValue")) return ClusterLink{ClusterLocation::OtherStack, nullptr, &n, "Fn::ImportValue"};
  if (n.is_string()) {
    if (const Resource* r = cluster_named(tmpl, {}, n.text)) return same_stack(r, &n);
    return ClusterLink{ClusterLocation::OtherStack, nullptr, &n, "'" + n.text + "'"};
  }
  return ClusterLink{ClusterLocation::Unknown, nullptr, &n, std::string(n.is_intrinsic() ? n.text : "a value")};
}

ClusterLink cluster_of(const LintContext& context, const Resource& resource) {
  return find_cluster(context, resource.property("ClusterName"));
}

namespace {

// The resolved Version of each cluster, made on first request: every node group, add-on and
// manifest of a cluster asks for the same values (hundreds of times in a large fleet).
struct ClusterVersionMemo {
  mutable std::map<const Resource*, VersionValues> values;
};

const VersionValues& cluster_version_values(const LintContext& context, const Resource& cluster, const Node& version) {
  const ClusterVersionMemo& memo = context.cache.get<ClusterVersionMemo>("cluster-version-values", [] { return ClusterVersionMemo{}; });
  auto it = memo.values.find(&cluster);
  if (it == memo.values.end()) it = memo.values.emplace(&cluster, version_values(context, version)).first;
  return it->second;
}

}  // namespace

ClusterVersions cluster_versions(const LintContext& context, const ClusterLink& link) {
  ClusterVersions out;
  out.cluster = link.cluster;
  if (link.cluster != nullptr) {
    if (const Node* version = link.cluster->property("Version")) {
      const VersionValues& values = cluster_version_values(context, *link.cluster, *version);
      for (const VersionCandidate& c : values.candidates) {
        if (c.version) out.candidates.push_back(c);
      }
      if (!out.candidates.empty()) {
        out.source = ClusterVersions::Source::Template;
        return out;
      }
      out.why_unknown = "the version of cluster '" + std::string(link.cluster->name) + "' is not known" +
                        (values.unknown_reason.empty() ? std::string() : " (" + values.unknown_reason + ")");
    } else {
      out.why_unknown = "cluster '" + std::string(link.cluster->name) +
                        "' has no Version (it gets the newest version when created)";
    }
  } else if (link.location == ClusterLocation::OtherStack) {
    out.why_unknown = "the cluster is in another stack (" + link.how + ")";
  } else {
    out.why_unknown = "its cluster could not be found";
  }
  if (context.cluster_version != nullptr && context.cluster_version->has_value() &&
      !(*context.cluster_version)->empty()) {
    const std::string& text = **context.cluster_version;
    if (auto parsed = parse_kube_version(text)) {
      VersionCandidate c;
      c.text = c.written = text;
      c.version = parsed;
      c.value.text = text;
      c.where = "'" + text + "' from --cluster-version";
      out.candidates.push_back(std::move(c));
      out.source = ClusterVersions::Source::Option;
      out.why_unknown.clear();
    }
  }
  return out;
}

std::string could_not_check_message(std::string_view what, const ClusterVersions& versions) {
  return "could not check " + std::string(what) + ": " + versions.why_unknown +
         "; pass --cluster-version X.Y to check it";
}

}  // namespace cfn_eks
