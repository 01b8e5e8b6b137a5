#pragma once
// Each area of rules adds its rules to the registry through one explicit function (no
// self-registering statics): the list is easy to grep, and the registry sorts and checks it.

#include <memory>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

using RuleList = std::vector<std::unique_ptr<Rule>>;

void add_loader_rules(RuleList& rules);     // T0xx: findings of the YAML/JSON loader (src/rules/loader/)
void add_structure_rules(RuleList& rules);  // T1xx: sections, logical ids, limits (src/rules/structure/)
void add_reference_rules(RuleList& rules);  // T2xx: Ref/GetAtt/DependsOn/Condition/FindInMap/Sub targets, cycles
void add_intrinsic_rules(RuleList& rules);  // T3xx: intrinsic function shapes and placement
void add_usage_rules(RuleList& rules);      // T4xx: unused parameters, mappings, conditions
void add_output_rules(RuleList& rules);     // T5xx: Outputs
void add_transform_rules(RuleList& rules);  // T6xx: transforms and macros
void add_schema_rules(RuleList& rules);     // S0xx-S2xx: resource types, properties and attributes against schemas
void add_security_group_rules(RuleList& rules);  // Gxxx: security-group wiring and networking (src/rules/security_groups/)
void add_manifest_rules(RuleList& rules);        // Kxxx: Kubernetes manifests embedded in templates (src/rules/manifests/)
void add_nodegroup_rules(RuleList& rules);       // Nxxx: managed node groups, launch templates, node Auto Scaling groups (src/rules/nodegroups/)
void add_addon_rules(RuleList& rules);           // Dxxx: EKS add-ons (src/rules/addons/)
void add_version_rules(RuleList& rules);    // Vxxx: Kubernetes versions, support lifecycle, version skew (src/rules/versions/)
void add_ami_rules(RuleList& rules);        // Axxx: node AMIs: SSM paths, AmiType, ReleaseVersion (src/rules/amis/)
void add_engine_rules(RuleList& rules);     // T9xx: suppressions and configuration

}  // namespace cfn_eks
