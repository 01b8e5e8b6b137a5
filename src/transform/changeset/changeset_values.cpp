#include "transform/changeset/changeset_values.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

namespace cfn_eks::changeset {

namespace {

void append_quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

bool is_true_word(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text == "true" || text == "yes" || text == "on" || text == "y";
}

// The text CloudFormation passes on for a scalar.
std::string scalar_text(const Node& node) {
  switch (node.kind) {
    case NodeKind::Bool: return is_true_word(node.text) ? "true" : "false";
    case NodeKind::Number: return node.style == ScalarStyle::Plain ? cloudformation_number(node.text) : node.text;
    default: return node.text;
  }
}

void canonical_into(std::string& out, const Node* node, unsigned depth) {
  if (node == nullptr || depth > 256) {
    out += "null";
    return;
  }
  switch (node->kind) {
    case NodeKind::Null: out += "null"; return;
    case NodeKind::Bool:
    case NodeKind::Number:
    case NodeKind::String: append_quoted(out, scalar_text(*node)); return;
    case NodeKind::Sequence:
      out += '[';
      for (std::size_t i = 0; i < node->items.size(); ++i) {
        if (i) out += ',';
        canonical_into(out, node->items[i], depth + 1);
      }
      out += ']';
      return;
    case NodeKind::Mapping: {
      std::vector<const MapEntry*> entries;
      for (const MapEntry& e : node->entries) entries.push_back(&e);
      std::stable_sort(entries.begin(), entries.end(), [](const MapEntry* a, const MapEntry* b) { return a->key < b->key; });
      out += '{';
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i) out += ',';
        append_quoted(out, entries[i]->key);
        out += ':';
        canonical_into(out, entries[i]->value, depth + 1);
      }
      out += '}';
      return;
    }
    case NodeKind::Intrinsic: {
      out += '!';
      out += node->text;
      out += '(';
      const Node* arg = node->argument;
      // `!GetAtt A.B` is `[A, B]` (split at the first dot: nested attributes keep theirs).
      if (node->text == "Fn::GetAtt" && arg != nullptr && arg->is_string()) {
        const auto dot = arg->text.find('.');
        out += '[';
        append_quoted(out, arg->text.substr(0, dot));
        if (dot != std::string::npos) {
          out += ',';
          append_quoted(out, arg->text.substr(dot + 1));
        }
        out += ']';
      } else if (node->text == "Fn::Sub" && arg != nullptr && arg->is_sequence() && arg->items.size() == 1) {
        canonical_into(out, arg->items[0], depth + 1);  // `Fn::Sub: [text]` is `Fn::Sub: text`
      } else {
        canonical_into(out, arg, depth + 1);
      }
      out += ')';
      return;
    }
  }
}

std::string short_name(std::string_view function) {
  if (function.starts_with("Fn::")) function.remove_prefix(4);
  return "!" + std::string(function);
}

void compact_into(std::string& out, const Node* node, std::size_t budget, unsigned depth) {
  if (out.size() > budget) return;
  if (node == nullptr) return;
  if (depth > 8) {
    out += "...";
    return;
  }
  switch (node->kind) {
    case NodeKind::Null: out += "null"; return;
    case NodeKind::Bool:
    case NodeKind::Number: out += scalar_text(*node); return;
    case NodeKind::String: {
      // Newlines and tabs would break a table row.
      std::string text = node->text;
      for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      if (text.empty()) {
        out += "\"\"";
      } else {
        out += text;
      }
      return;
    }
    case NodeKind::Sequence:
      out += '[';
      for (std::size_t i = 0; i < node->items.size() && out.size() <= budget; ++i) {
        if (i) out += ", ";
        compact_into(out, node->items[i], budget, depth + 1);
      }
      out += ']';
      return;
    case NodeKind::Mapping:
      out += '{';
      for (std::size_t i = 0; i < node->entries.size() && out.size() <= budget; ++i) {
        if (i) out += ", ";
        out += node->entries[i].key;
        out += ": ";
        compact_into(out, node->entries[i].value, budget, depth + 1);
      }
      out += '}';
      return;
    case NodeKind::Intrinsic: {
      out += short_name(node->text);
      out += ' ';
      const Node* arg = node->argument;
      if (node->text == "Fn::GetAtt" && arg != nullptr && arg->is_sequence()) {
        for (std::size_t i = 0; i < arg->items.size(); ++i) {
          if (i) out += '.';
          compact_into(out, arg->items[i], budget, depth + 1);
        }
      } else {
        compact_into(out, arg, budget, depth + 1);
      }
      return;
    }
  }
}

}  // namespace

std::string cloudformation_number(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos || text.find_first_of("eExXoO") != std::string::npos) return text;
  if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(dot) + 1, text.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return text;
  }
  std::string out = text;
  while (out.size() > dot + 2 && out.back() == '0') out.pop_back();
  return out;
}

std::string canonical(const Node* node) {
  std::string out;
  canonical_into(out, node, 0);
  return out;
}

std::string compact(const Node* node, std::size_t width) {
  std::string out;
  compact_into(out, node, width * 4, 0);
  if (out.size() > width) {
    // Cut on a UTF-8 boundary.
    std::size_t cut = width > 3 ? width - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace cfn_eks::changeset
