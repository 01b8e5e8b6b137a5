#pragma once
/// Typed views over a loaded template's sections. Views point into the Document; nothing is copied.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cfn_eks/document.hpp"

namespace cfn_eks {

/// An entry of the Parameters section.
struct Parameter {
  std::string_view name;
  const MapEntry* entry = nullptr;
  const Node* node = nullptr;            ///< The parameter's definition mapping.
  std::string_view type;                 ///< Its Type when a string, else empty.
  const Node* default_value = nullptr;
  const Node* allowed_values = nullptr;  ///< A sequence when well-formed.
  bool no_echo = false;
};

/// An entry of the Resources section with its attributes.
struct Resource {
  std::string_view name;
  const MapEntry* entry = nullptr;
  const Node* node = nullptr;  ///< The resource's mapping.
  std::string_view type;       ///< Its Type when a string, else empty.
  const Node* type_node = nullptr;
  const Node* properties = nullptr;
  const Node* depends_on = nullptr;
  const Node* condition = nullptr;
  const Node* deletion_policy = nullptr;
  const Node* update_replace_policy = nullptr;
  const Node* update_policy = nullptr;
  const Node* creation_policy = nullptr;
  const Node* metadata = nullptr;

  /// A property's value, or nullptr.
  const Node* property(std::string_view key) const {
    return properties ? properties->get(key) : nullptr;
  }
};

/// An entry of the Outputs section.
struct Output {
  std::string_view name;
  const MapEntry* entry = nullptr;
  const Node* node = nullptr;
  const Node* value = nullptr;
  const Node* export_name = nullptr;  ///< Export.Name when present.
  const Node* condition = nullptr;
};

/// A named entry of Mappings, Conditions or Rules.
struct NamedNode {
  std::string_view name;
  const MapEntry* entry = nullptr;
  const Node* node = nullptr;
};

/// The sections of one template.
class Template {
 public:
  explicit Template(const Document& document);

  const Document& document() const { return *document_; }
  const Node* root() const { return document_->root; }

  /// A top-level section's value, or nullptr ("Resources", "Parameters", ...).
  const Node* section(std::string_view name) const;

  const std::vector<Parameter>& parameters() const { return parameters_; }
  const std::vector<Resource>& resources() const { return resources_; }
  const std::vector<Output>& outputs() const { return outputs_; }
  const std::vector<NamedNode>& mappings() const { return mappings_; }
  const std::vector<NamedNode>& conditions() const { return conditions_; }
  const std::vector<NamedNode>& rules() const { return rules_; }
  /// Names in the Transform section (a string or a list; macro names included).
  const std::vector<std::string_view>& transforms() const { return transforms_; }

  const Parameter* parameter(std::string_view name) const;
  const Resource* resource(std::string_view name) const;
  const Output* output(std::string_view name) const;
  const NamedNode* mapping(std::string_view name) const;
  const NamedNode* condition(std::string_view name) const;

  /// Resources of one type, in source order.
  std::vector<const Resource*> resources_of_type(std::string_view type) const;

 private:
  const Document* document_;
  std::vector<Parameter> parameters_;
  std::vector<Resource> resources_;
  std::vector<Output> outputs_;
  std::vector<NamedNode> mappings_;
  std::vector<NamedNode> conditions_;
  std::vector<NamedNode> rules_;
  std::vector<std::string_view> transforms_;
  std::unordered_map<std::string_view, std::size_t> parameter_index_;
  std::unordered_map<std::string_view, std::size_t> resource_index_;
  std::unordered_map<std::string_view, std::size_t> output_index_;
  std::unordered_map<std::string_view, std::size_t> mapping_index_;
  std::unordered_map<std::string_view, std::size_t> condition_index_;
};

/// The pseudo-parameters (AWS::Region, AWS::AccountId, ...).
const std::vector<std::string_view>& pseudo_parameters();
bool is_pseudo_parameter(std::string_view name);

/// The top-level section names CloudFormation accepts.
const std::vector<std::string_view>& top_level_sections();

/// The attribute keys a resource may have (Type, Properties, DependsOn, ...).
const std::vector<std::string_view>& resource_attributes();

}  // namespace cfn_eks
