#include "knowledge/eks_data_reader.hpp"

#include <charconv>
#include <cstdlib>
#include <limits>

namespace cfn_eks {

namespace {

// Data files are not templates: CloudFormation's size limits do not apply to them.
LoadLimits data_limits() {
  LoadLimits limits;
  limits.inline_size = std::numeric_limits<std::size_t>::max();
  limits.s3_size = std::numeric_limits<std::size_t>::max();
  return limits;
}

}  // namespace

DataReader::DataReader(std::string display, std::string text)
    : display_(std::move(display)),
      source_(std::make_shared<SourceFile>(display_, std::move(text))),
      document_(load_json(source_, data_limits())) {
  for (const Diagnostic& d : document_.diagnostics) {
    if (d.severity != Severity::Error) continue;
    error_ = KnowledgeError{display_, d.start, d.message};
    return;
  }
  if (document_.root == nullptr) {
    error_ = KnowledgeError{display_, std::nullopt, "not valid JSON"};
    return;
  }
  if (!document_.root->is_mapping()) {
    fail(document_.root, "a data file must be a JSON object");
    return;
  }
  root_ = document_.root;
}

void DataReader::fail_at(ByteRange range, std::string message) {
  if (error_) return;
  error_ = KnowledgeError{display_, source_->position(range.begin), std::move(message)};
}

void DataReader::fail(const Node* at, std::string message) {
  fail_at(at != nullptr ? at->range : ByteRange{}, std::move(message));
}

bool DataReader::expect_object(const Node* object) {
  if (object == nullptr) return false;  // An error was already recorded.
  if (!object->is_mapping()) {
    fail(object, "expected a JSON object");
    return false;
  }
  return true;
}

const Node* DataReader::required(const Node* object, std::string_view key) {
  if (!expect_object(object)) return nullptr;
  const Node* value = object->get(key);
  if (value == nullptr) fail(object, "missing \"" + std::string(key) + "\"");
  return value;
}

const Node* DataReader::optional(const Node* object, std::string_view key) {
  if (!expect_object(object)) return nullptr;
  const Node* value = object->get(key);
  return value != nullptr && value->kind != NodeKind::Null ? value : nullptr;
}

std::string DataReader::string_value(const Node* node, std::string_view what) {
  if (node == nullptr) return {};
  if (!node->is_string()) {
    fail(node, std::string(what) + " must be a string");
    return {};
  }
  return node->text;
}

std::string DataReader::string(const Node* object, std::string_view key) {
  return string_value(required(object, key), "\"" + std::string(key) + "\"");
}

std::string DataReader::optional_string(const Node* object, std::string_view key) {
  return string_value(optional(object, key), "\"" + std::string(key) + "\"");
}

std::optional<Date> DataReader::date(const Node* object, std::string_view key, bool is_required) {
  const Node* node = is_required ? required(object, key) : optional(object, key);
  if (node == nullptr) return std::nullopt;
  if (is_required && node->kind == NodeKind::Null) {
    fail(node, "\"" + std::string(key) + "\" must be a date, not null");
    return std::nullopt;
  }
  const std::string text = string_value(node, "\"" + std::string(key) + "\"");
  if (failed()) return std::nullopt;
  auto parsed = parse_date(text);
  if (!parsed) fail(node, "\"" + std::string(key) + "\" must be a date YYYY-MM-DD, not '" + text + "'");
  return parsed;
}

std::optional<KubeVersion> DataReader::version_value(const Node* node) {
  if (node == nullptr) return std::nullopt;
  const std::string text = string_value(node, "a Kubernetes version");
  if (failed()) return std::nullopt;
  auto parsed = parse_kube_version(text);
  if (!parsed) fail(node, "expected a Kubernetes version like \"1.31\", not '" + text + "'");
  return parsed;
}

std::optional<KubeVersion> DataReader::version(const Node* object, std::string_view key, bool is_required) {
  const Node* node = is_required ? required(object, key) : optional(object, key);
  if (is_required && node != nullptr && node->kind == NodeKind::Null) {
    fail(node, "\"" + std::string(key) + "\" must be a version, not null");
    return std::nullopt;
  }
  return version_value(node);
}

long DataReader::integer_value(const Node* node) {
  if (node == nullptr) return 0;
  long value = 0;
  const std::string& text = node->text;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (node->kind != NodeKind::Number || ec != std::errc() || end != text.data() + text.size()) {
    fail(node, "expected an integer");
    return 0;
  }
  return value;
}

long DataReader::integer(const Node* object, std::string_view key, std::optional<long> fallback) {
  const Node* node = fallback ? optional(object, key) : required(object, key);
  if (node == nullptr) return fallback.value_or(0);
  return integer_value(node);
}

double DataReader::number(const Node* object, std::string_view key) {
  const Node* node = required(object, key);
  if (node == nullptr) return 0;
  if (node->kind != NodeKind::Number) {
    fail(node, "\"" + std::string(key) + "\" must be a number");
    return 0;
  }
  return std::strtod(node->text.c_str(), nullptr);
}

bool DataReader::boolean(const Node* object, std::string_view key, std::optional<bool> fallback) {
  const Node* node = fallback ? optional(object, key) : required(object, key);
  if (node == nullptr) return fallback.value_or(false);
  if (node->kind != NodeKind::Bool) {
    fail(node, "\"" + std::string(key) + "\" must be true or false");
    return false;
  }
  return node->text == "true";
}

std::vector<const Node*> DataReader::array(const Node* object, std::string_view key, bool is_required) {
  const Node* node = is_required ? required(object, key) : optional(object, key);
  if (node == nullptr) return {};
  if (!node->is_sequence()) {
    fail(node, "\"" + std::string(key) + "\" must be an array");
    return {};
  }
  return {node->items.begin(), node->items.end()};
}

std::vector<std::string> DataReader::strings(const Node* object, std::string_view key, bool is_required) {
  std::vector<std::string> out;
  for (const Node* item : array(object, key, is_required)) {
    out.push_back(string_value(item, "each item of \"" + std::string(key) + "\""));
  }
  return out;
}

const Node* DataReader::object(const Node* parent, std::string_view key, bool is_required) {
  const Node* node = is_required ? required(parent, key) : optional(parent, key);
  if (node != nullptr && !node->is_mapping()) {
    fail(node, "\"" + std::string(key) + "\" must be an object");
    return nullptr;
  }
  return node;
}

Confidence DataReader::confidence(const Node* object) {
  const std::string text = optional_string(object, "confidence");
  if (text.empty() || text == "confirmed") return Confidence::Confirmed;
  if (text == "unsure") return Confidence::Unsure;
  fail(optional(object, "confidence"), "\"confidence\" must be \"confirmed\" or \"unsure\", not '" + text + "'");
  return Confidence::Confirmed;
}

Severity DataReader::severity(const Node* object, std::string_view key) {
  const Node* node = required(object, key);
  const std::string text = string_value(node, "\"" + std::string(key) + "\"");
  if (failed()) return Severity::Error;
  auto parsed = parse_severity(text);
  if (!parsed) fail(node, "\"" + std::string(key) + "\" must be error, warning or info, not '" + text + "'");
  return parsed.value_or(Severity::Error);
}

DataFileInfo DataReader::provenance(std::string path, std::string origin) {
  DataFileInfo info;
  info.path = std::move(path);
  info.origin = std::move(origin);
  if (root_ == nullptr) return info;
  if (auto as_of = date(root_, "as_of", true)) info.as_of = *as_of;
  const Node* sources = required(root_, "sources");
  info.sources = strings(root_, "sources", true);
  if (!failed() && info.sources.empty()) fail(sources, "\"sources\" must list at least one URL");
  for (std::size_t i = 0; i < info.sources.size() && !failed(); ++i) {
    if (info.sources[i].rfind("https://", 0) != 0 && info.sources[i].rfind("http://", 0) != 0) {
      fail(sources->items[i], "each source must be a URL");
    }
  }
  return info;
}

}  // namespace cfn_eks
