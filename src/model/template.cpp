#include "cfn_eks/template.hpp"

#include <algorithm>

namespace cfn_eks {

namespace {

const Node* string_or_null(const Node* node) { return node != nullptr && node->is_string() ? node : nullptr; }

}  // namespace

Template::Template(const Document& document) : document_(&document) {
  const Node* root = document.root;
  if (root == nullptr || !root->is_mapping()) return;

  if (const Node* params = root->get("Parameters"); params != nullptr && params->is_mapping()) {
    for (const MapEntry& entry : params->entries) {
      Parameter p;
      p.name = entry.key;
      p.entry = &entry;
      p.node = entry.value;
      if (entry.value != nullptr && entry.value->is_mapping()) {
        if (const Node* type = string_or_null(entry.value->get("Type"))) p.type = type->text;
        p.default_value = entry.value->get("Default");
        p.allowed_values = entry.value->get("AllowedValues");
        const Node* no_echo = entry.value->get("NoEcho");
        p.no_echo = no_echo != nullptr && no_echo->is_scalar() && (no_echo->text == "true" || no_echo->text == "True");
      }
      parameter_index_.emplace(p.name, parameters_.size());
      parameters_.push_back(p);
    }
  }
  if (const Node* resources = root->get("Resources"); resources != nullptr && resources->is_mapping()) {
    for (const MapEntry& entry : resources->entries) {
      Resource r;
      r.name = entry.key;
      r.entry = &entry;
      r.node = entry.value;
      if (const Node* body = entry.value; body != nullptr && body->is_mapping()) {
        r.type_node = body->get("Type");
        if (r.type_node != nullptr && r.type_node->is_string()) r.type = r.type_node->text;
        r.properties = body->get("Properties");
        r.depends_on = body->get("DependsOn");
        r.condition = body->get("Condition");
        r.deletion_policy = body->get("DeletionPolicy");
        r.update_replace_policy = body->get("UpdateReplacePolicy");
        r.update_policy = body->get("UpdatePolicy");
        r.creation_policy = body->get("CreationPolicy");
        r.metadata = body->get("Metadata");
      }
      resource_index_.emplace(r.name, resources_.size());
      resources_.push_back(r);
    }
  }
  if (const Node* outputs = root->get("Outputs"); outputs != nullptr && outputs->is_mapping()) {
    for (const MapEntry& entry : outputs->entries) {
      Output o;
      o.name = entry.key;
      o.entry = &entry;
      o.node = entry.value;
      if (entry.value != nullptr && entry.value->is_mapping()) {
        o.value = entry.value->get("Value");
        o.condition = entry.value->get("Condition");
        if (const Node* exp = entry.value->get("Export"); exp != nullptr && exp->is_mapping()) {
          o.export_name = exp->get("Name");
        }
      }
      output_index_.emplace(o.name, outputs_.size());
      outputs_.push_back(o);
    }
  }
  auto named = [&](std::string_view section, std::vector<NamedNode>& out,
                   std::unordered_map<std::string_view, std::size_t>* index) {
    const Node* node = root->get(section);
    if (node == nullptr || !node->is_mapping()) return;
    for (const MapEntry& entry : node->entries) {
      if (index != nullptr) index->emplace(entry.key, out.size());
      out.push_back(NamedNode{entry.key, &entry, entry.value});
    }
  };
  named("Mappings", mappings_, &mapping_index_);
  named("Conditions", conditions_, &condition_index_);
  named("Rules", rules_, nullptr);

  if (const Node* transform = root->get("Transform")) {
    if (transform->is_string()) {
      transforms_.push_back(transform->text);
    } else if (transform->is_sequence()) {
      for (const Node* item : transform->items) {
        if (item->is_string()) transforms_.push_back(item->text);
      }
    } else if (transform->is_mapping()) {
      // The macro form: {Name: X, Parameters: {...}}.
      if (const Node* name = string_or_null(transform->get("Name"))) transforms_.push_back(name->text);
    }
  }
}

const Node* Template::section(std::string_view name) const {
  const Node* root = document_->root;
  return root != nullptr ? root->get(name) : nullptr;
}

namespace {
template <typename T>
const T* lookup(const std::unordered_map<std::string_view, std::size_t>& index, const std::vector<T>& items,
                std::string_view name) {
  const auto it = index.find(name);
  return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

const Parameter* Template::parameter(std::string_view name) const { return lookup(parameter_index_, parameters_, name); }
const Resource* Template::resource(std::string_view name) const { return lookup(resource_index_, resources_, name); }
const Output* Template::output(std::string_view name) const { return lookup(output_index_, outputs_, name); }
const NamedNode* Template::mapping(std::string_view name) const { return lookup(mapping_index_, mappings_, name); }
const NamedNode* Template::condition(std::string_view name) const { return lookup(condition_index_, conditions_, name); }

std::vector<const Resource*> Template::resources_of_type(std::string_view type) const {
  std::vector<const Resource*> out;
  for (const Resource& r : resources_) {
    if (r.type == type) out.push_back(&r);
  }
  return out;
}

const std::vector<std::string_view>& pseudo_parameters() {
  static const std::vector<std::string_view> kNames = {
      "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
      "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
  return kNames;
}

bool is_pseudo_parameter(std::string_view name) {
  const auto& names = pseudo_parameters();
  return std::find(names.begin(), names.end(), name) != names.end();
}

const std::vector<std::string_view>& top_level_sections() {
  static const std::vector<std::string_view> kNames = {
      "AWSTemplateFormatVersion", "Conditions", "Description", "Hooks",  "Mappings", "Metadata",
      "Outputs",                  "Parameters", "Resources",   "Rules",  "Transform"};
  return kNames;
}

const std::vector<std::string_view>& resource_attributes() {
  static const std::vector<std::string_view> kNames = {
      "Condition", "CreationPolicy", "DeletionPolicy", "DependsOn",          "Metadata",
      "Properties", "Type",          "UpdatePolicy",   "UpdateReplacePolicy"};
  return kNames;
}

}  // namespace cfn_eks
