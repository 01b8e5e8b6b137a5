#pragma once
// Factories of the Kxxx rules (Kubernetes manifests embedded in templates), one per rule file;
// manifest_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_manifest_api_removed();     // K001
std::unique_ptr<Rule> make_manifest_api_deprecated();  // K002

}  // namespace cfn_eks
