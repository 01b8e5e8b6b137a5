// S rules: resources checked against their schemas (schemas/resources/, --registry-schemas).

#include "rules/rule_lists.hpp"
#include "rules/schema/schema_rules.hpp"

namespace cfn_eks {

void add_schema_rules(RuleList& rules) {
  rules.push_back(make_unknown_resource_type());
  rules.push_back(make_unchecked_resource_type());
  rules.push_back(make_unknown_property());
  rules.push_back(make_missing_required_property());
  rules.push_back(make_wrong_value_type());
  rules.push_back(make_value_not_allowed());
  rules.push_back(make_pattern_mismatch());
  rules.push_back(make_value_out_of_range());
  rules.push_back(make_invalid_item_count());
  rules.push_back(make_duplicate_list_item());
  rules.push_back(make_exclusive_properties());
  rules.push_back(make_missing_dependent_property());
  rules.push_back(make_unknown_getatt_attribute());
  rules.push_back(make_value_kind_mismatch());
}

}  // namespace cfn_eks
