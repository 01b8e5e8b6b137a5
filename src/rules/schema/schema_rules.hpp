#pragma once
// Factories of the S rules (resource schemas), one per rule file; schema_rules.cpp lists them.

#include <memory>

#include "cfn_eks/rule.hpp"
#include "rules/schema/schema_validator.hpp"

namespace cfn_eks {

std::unique_ptr<Rule> make_unknown_resource_type();      // S001
std::unique_ptr<Rule> make_unchecked_resource_type();    // S002
std::unique_ptr<Rule> make_unknown_property();           // S101
std::unique_ptr<Rule> make_missing_required_property();  // S102
std::unique_ptr<Rule> make_wrong_value_type();           // S103
std::unique_ptr<Rule> make_value_not_allowed();          // S104
std::unique_ptr<Rule> make_pattern_mismatch();           // S105
std::unique_ptr<Rule> make_value_out_of_range();         // S106
std::unique_ptr<Rule> make_invalid_item_count();         // S107
std::unique_ptr<Rule> make_duplicate_list_item();        // S108
std::unique_ptr<Rule> make_exclusive_properties();       // S109
std::unique_ptr<Rule> make_missing_dependent_property(); // S110
std::unique_ptr<Rule> make_unknown_getatt_attribute();   // S201
std::unique_ptr<Rule> make_value_kind_mismatch();        // S202

/// A rule that reports the schema validator's findings of one kind.
class SchemaProblemRule final : public Rule {
 public:
  SchemaProblemRule(const RuleInfo& info, SchemaProblem problem) : info_(info), problem_(problem) {}
  const RuleInfo& info() const override { return info_; }
  void check_template(const LintContext& context, DiagnosticSink& sink) const override {
    report_schema_problems(context, sink, problem_);
  }

 private:
  const RuleInfo& info_;
  SchemaProblem problem_;
};

}  // namespace cfn_eks
