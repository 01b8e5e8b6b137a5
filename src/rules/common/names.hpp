#pragma once
// What names a template defines, for the "is this reference defined?" rules: candidates for
// "did you mean", names Fn::ForEach loops may generate, and transforms that add names we can't see.

#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/rule.hpp"
#include "cfn_eks/template.hpp"
#include "rules/common/walk.hpp"

namespace cfn_eks {

/// Logical ids of the resources, excluding Fn::ForEach loop keys.
std::vector<std::string_view> resource_names(const Template& tmpl);
/// Resources, then parameters, then pseudo-parameters: what Ref and ${X} may name.
std::vector<std::string_view> referable_names(const Template& tmpl);

/// Names that Fn::ForEach loops in the template may generate ("Bucket${Name}" matches "BucketA").
class LoopNames {
 public:
  explicit LoopNames(const Template& tmpl);
  bool may_generate(std::string_view name) const;
  bool empty() const { return patterns_.empty(); }

 private:
  std::vector<std::string> patterns_;  // '*' stands for a loop identifier's value
};

/// True when `name` is or contains one of the loop identifiers in scope (`Id`, `${Id}`, `&{Id}`).
bool mentions_loop_identifier(std::string_view name, const WalkContext& ctx);

/// True when a transform other than AWS::LanguageExtensions (SAM, a macro) or an Fn::Transform
/// may rewrite the template, so names we don't see may exist after processing.
bool transform_may_add_names(const Template& tmpl);
/// Like transform_may_add_names, but SAM alone doesn't count: SAM generates resources
/// (`MyFunctionRole`) but no conditions or mappings.
bool macro_may_add_names(const Template& tmpl);
bool has_language_extensions(const Template& tmpl);

/// The same two questions for the template being linted: the walk looking for Fn::Transform is
/// made once per lint (LintCache), not once per rule that asks.
bool transform_may_add_names(const LintContext& context);
bool macro_may_add_names(const LintContext& context);
/// The loop output names of the template being linted, collected once per lint (LintCache) and
/// shared by the reference rules (each walked the whole template for them).
const LoopNames& loop_names(const LintContext& context);

/// "; did you mean 'X'?" when a candidate is close, else "; " + remedy.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates,
                         std::string_view remedy);

/// The byte range of the `occurrence`-th `needle` written inside a scalar node's source text,
/// or the node's whole range when the text is escaped or folded differently from its value.
ByteRange range_in_scalar(const SourceFile& source, const Node& scalar, std::string_view needle,
                          std::size_t occurrence);

}  // namespace cfn_eks
