#pragma once
// Factories of the Axxx rules (node AMIs), one per rule file; ami_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_hard_coded_ami_id();         // A001
std::unique_ptr<Rule> make_ami_path_version_mismatch(); // A002
std::unique_ptr<Rule> make_ami_family_not_available();  // A003
std::unique_ptr<Rule> make_ami_architecture_mismatch(); // A004
std::unique_ptr<Rule> make_invalid_ami_type();          // A005
std::unique_ptr<Rule> make_ami_type_instance_mismatch();// A006
std::unique_ptr<Rule> make_release_version_mismatch();  // A007
std::unique_ptr<Rule> make_known_bad_ami_release();     // A008
std::unique_ptr<Rule> make_floating_ami_path();         // A009

}  // namespace cfn_eks
