#pragma once
// CloudFormation template quotas (schemas/cloudformation/limits.json) and template syntax
// facts (schemas/cloudformation/template_syntax.json): parameter types, parameter keys,
// DeletionPolicy values. Loaded once; immutable afterwards.

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

/// The quotas of one template section. Zero means "no such limit".
struct SectionLimits {
  std::size_t count = 0;
  std::size_t name_length = 0;
  std::size_t description_bytes = 0;
};

struct TemplateLimits {
  std::string as_of;
  SectionLimits resources;
  SectionLimits parameters;
  SectionLimits outputs;
  SectionLimits mappings;
  SectionLimits conditions;
  std::size_t parameter_value_bytes = 0;
  std::size_t mapping_attributes = 0;
  std::size_t template_description_bytes = 0;
};

/// Parses limits.json text; on failure returns nullopt and sets `error`.
std::optional<TemplateLimits> parse_template_limits(std::string_view json, std::string* error = nullptr);

/// The embedded limits, parsed on first use; nullptr when the embedded file is missing or
/// broken (a schema test catches that; rules then skip their checks).
const TemplateLimits* template_limits();

struct TemplateSyntax {
  std::string as_of;
  std::set<std::string, std::less<>> parameter_types;  ///< Every accepted parameter Type.
  std::vector<std::string> parameter_keys;
  std::vector<std::string> deletion_policy_values;
  std::vector<std::string> update_replace_policy_values;
  std::set<std::string, std::less<>> snapshot_resource_types;
};

/// Parses template_syntax.json text; on failure returns nullopt and sets `error`.
std::optional<TemplateSyntax> parse_template_syntax(std::string_view json, std::string* error = nullptr);

/// The embedded syntax facts, parsed on first use; nullptr when missing or broken.
const TemplateSyntax* template_syntax();

}  // namespace cfn_eks
