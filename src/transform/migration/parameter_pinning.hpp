#pragma once
// `migrate --parameter KEY=VALUE`: the deployed stack's parameter values. Conditions they
// decide fold the Fn::If the conversion meets to the deployed branch (only the deployed
// configuration is converted), and the phases carry a Rules entry asserting those values, so
// an update with other values fails at change-set creation instead of building a wrong group.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cfn_eks/document.hpp"
#include "cfn_eks/emitter.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

using PinnedParameters = std::vector<std::pair<std::string, std::string>>;

/// The Rules entry phase 1 adds (made unique against the template's rules).
inline constexpr std::string_view kPinningRuleName = "CfnEksMigrationParameters";

/// An unknown KEY ("did you mean"), a KEY given twice with different values, or a value
/// outside the parameter's AllowedValues; nullopt when every pair is usable.
std::optional<std::string> check_pinned_parameters(const Template& tmpl, const PinnedParameters& pinned);

/// Conditions whose value the pinned parameters decide (parameters not given stay unknown:
/// a Default is never assumed).
std::map<std::string, bool> decided_conditions(const Template& tmpl, const PinnedParameters& pinned);

/// Replaces, in place, every Fn::If whose condition is decided by its chosen branch (a branch
/// `Ref AWS::NoValue` removes the mapping entry or sequence item). Ranges stay those of the
/// original text, so edits computed on the folded tree apply to the user's bytes.
void fold_decided_conditions(Document& document, const std::map<std::string, bool>& decided);

/// "; pass --parameter NAME=VALUE with the deployed stack's value" when the refusal `message`
/// names an undecided condition, or `at` lies inside an Fn::If on one, whose parameters were not
/// all pinned; empty otherwise. `original` is the unfolded document.
std::string pinning_hint(const Document& original, const std::string& message, const Node* at,
                         const PinnedParameters& pinned);

/// `{Assertions: [{Assert: {Fn::Equals: [{Ref: P}, value]}, AssertDescription: ...}]}`.
Fragment pinning_rule(const PinnedParameters& pinned, const std::string& old_group, const std::string& new_nodegroup);

}  // namespace cfn_eks
