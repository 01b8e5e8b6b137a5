#include "rules/common/names.hpp"

#include <algorithm>
#include <functional>

#include "util/edit_distance.hpp"

namespace cfn_eks {

namespace {

constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";
constexpr std::string_view kServerless = "AWS::Serverless-2016-10-31";

bool contains_fn_transform(const Node* node) {
  if (node == nullptr) return false;
  if (node->is_intrinsic("Fn::Transform")) return true;
  if (node->is_intrinsic()) return contains_fn_transform(node->argument);
  for (const Node* item : node->items) {
    if (contains_fn_transform(item)) return true;
  }
  for (const MapEntry& entry : node->entries) {
    if (entry.key == "Fn::Transform" || contains_fn_transform(entry.value)) return true;
  }
  return false;
}

// "Bucket${Name}" and "Bucket&{Name}" -> "Bucket*".
std::string loop_key_pattern(std::string_view key) {
  std::string pattern;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if ((key[i] == '$' || key[i] == '&') && i + 1 < key.size() && key[i + 1] == '{') {
      const std::size_t close = key.find('}', i + 2);
      if (close != std::string_view::npos) {
        pattern += '*';
        i = close;
        continue;
      }
    }
    pattern += key[i];
  }
  return pattern;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip) {
      if (glob_match(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  return !text.empty() && pattern.front() == text.front() &&
         glob_match(pattern.substr(1), text.substr(1));
}

}  // namespace

std::vector<std::string_view> resource_names(const Template& tmpl) {
  std::vector<std::string_view> names;
  for (const Resource& resource : tmpl.resources()) {
    if (!is_foreach_key(resource.name)) names.push_back(resource.name);
  }
  return names;
}

std::vector<std::string_view> referable_names(const Template& tmpl) {
  std::vector<std::string_view> names = resource_names(tmpl);
  for (const Parameter& parameter : tmpl.parameters()) names.push_back(parameter.name);
  for (std::string_view pseudo : pseudo_parameters()) names.push_back(pseudo);
  return names;
}

LoopNames::LoopNames(const Template& tmpl) {
  // Output keys of every loop, nested loops included, wherever they are.
  std::function<void(const Node*)> collect = [&](const Node* node) {
    if (node == nullptr) return;
    if (node->is_intrinsic()) return collect(node->argument);
    for (const Node* item : node->items) collect(item);
    for (const MapEntry& entry : node->entries) {
      if (is_foreach_key(entry.key) && entry.value && entry.value->is_sequence() &&
          entry.value->items.size() >= 3 && entry.value->items[2] && entry.value->items[2]->is_mapping()) {
        for (const MapEntry& output : entry.value->items[2]->entries) {
          if (!is_foreach_key(output.key)) patterns_.push_back(loop_key_pattern(output.key));
        }
      }
      collect(entry.value);
    }
  };
  collect(tmpl.root());
}

bool LoopNames::may_generate(std::string_view name) const {
  return std::any_of(patterns_.begin(), patterns_.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, name); });
}

bool mentions_loop_identifier(std::string_view name, const WalkContext& ctx) {
  for (std::string_view identifier : ctx.loop_identifiers) {
    if (name == identifier) return true;
    for (std::string_view open : {"${", "&{"}) {
      const std::string placeholder = std::string(open) + std::string(identifier) + "}";
      if (name.find(placeholder) != std::string_view::npos) return true;
    }
  }
  return false;
}

bool transform_may_add_names(const Template& tmpl) {
  for (std::string_view transform : tmpl.transforms()) {
    if (transform != kLanguageExtensions) return true;
  }
  return contains_fn_transform(tmpl.root());
}

bool macro_may_add_names(const Template& tmpl) {
  for (std::string_view transform : tmpl.transforms()) {
    if (transform != kLanguageExtensions && transform != kServerless) return true;
  }
  return contains_fn_transform(tmpl.root());
}

bool transform_may_add_names(const LintContext& context) {
  for (std::string_view transform : context.tmpl.transforms()) {
    if (transform != kLanguageExtensions) return true;
  }
  return context.cache.get<bool>("fn-transform-present", [&] { return contains_fn_transform(context.tmpl.root()); });
}

bool macro_may_add_names(const LintContext& context) {
  for (std::string_view transform : context.tmpl.transforms()) {
    if (transform != kLanguageExtensions && transform != kServerless) return true;
  }
  return context.cache.get<bool>("fn-transform-present", [&] { return contains_fn_transform(context.tmpl.root()); });
}

const LoopNames& loop_names(const LintContext& context) {
  return context.cache.get<LoopNames>("loop-names", [&] { return LoopNames(context.tmpl); });
}

bool has_language_extensions(const Template& tmpl) {
  const auto& transforms = tmpl.transforms();
  return std::find(transforms.begin(), transforms.end(), kLanguageExtensions) != transforms.end();
}

std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates,
                         std::string_view remedy) {
  const std::string_view match = closest_match(name, candidates);
  if (!match.empty()) return "; did you mean '" + std::string(match) + "'?";
  return "; " + std::string(remedy);
}

ByteRange range_in_scalar(const SourceFile& source, const Node& scalar, std::string_view needle,
                          std::size_t occurrence) {
  const std::string& text = source.text();
  if (scalar.range.end > text.size() || scalar.range.begin >= scalar.range.end) return scalar.range;
  const std::string_view written(text.data() + scalar.range.begin, scalar.range.end - scalar.range.begin);
  std::size_t at = written.find(needle);
  for (std::size_t seen = 0; at != std::string_view::npos && seen < occurrence; ++seen) {
    at = written.find(needle, at + 1);
  }
  if (at == std::string_view::npos) return scalar.range;
  const auto begin = static_cast<std::uint32_t>(scalar.range.begin + at);
  return ByteRange{begin, static_cast<std::uint32_t>(begin + needle.size())};
}

}  // namespace cfn_eks
