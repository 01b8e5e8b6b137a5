// T5xx: the Outputs section.

#include "rules/outputs/output_rules.hpp"
#include "rules/rule_lists.hpp"

namespace cfn_eks {

void add_output_rules(RuleList& rules) {
  rules.push_back(make_output_missing_value_rule());   // T501
  rules.push_back(make_duplicate_export_name_rule());  // T502
  rules.push_back(make_invalid_output_rule());         // T503
}

}  // namespace cfn_eks
