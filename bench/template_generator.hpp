#pragma once
// Generates valid, realistic EKS templates of a chosen size for benchmarks: a VPC with subnets,
// security groups with rules, IAM roles, clusters, managed nodegroups with launch templates and
// self-managed Auto Scaling groups, with parameters, conditions, mappings and intrinsics.

#include <string>

namespace cfn_eks::bench {

enum class GeneratedFormat { Yaml, Json };

/// A template with about `resources` resources (rounded up to whole EKS "units" of 10).
std::string generate_template(int resources, GeneratedFormat format);

/// A template of at least `bytes` bytes.
std::string generate_template_of_size(std::size_t bytes, GeneratedFormat format);

}  // namespace cfn_eks::bench
