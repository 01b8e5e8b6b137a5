#include "transform/migration/user_data_text.hpp"

#include "rules/common/intrinsic_args.hpp"
#include "rules/eks/common/self_managed_nodes.hpp"
#include "util/user_data_bytes.hpp"

namespace cfn_eks {

std::string escape_sub(std::string_view literal) {
  std::string out;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    out.push_back(literal[i]);
    if (literal[i] == '$' && i + 1 < literal.size() && literal[i + 1] == '{') {
      out += "{!";
      ++i;
    }
  }
  return out;
}

void append_sub_part(const Node* node, SubText& out) {
  if (out.error) return;
  if (node == nullptr) {
    out.error = "user data has an empty part";
    return;
  }
  if (node->is_scalar()) {
    out.text += escape_sub(node->text);
  } else if (node->is_intrinsic("Ref") && node->argument && node->argument->is_string()) {
    out.text += "${" + node->argument->text + "}";
  } else if (node->is_intrinsic("Fn::GetAtt")) {
    const auto t = getatt_target(*node);
    if (!t || t->attribute.empty()) {
      out.error = "user data uses an Fn::GetAtt that is not literal";
      out.error_at = node;
      return;
    }
    out.text += "${" + std::string(t->resource) + "." + std::string(t->attribute) + "}";
  } else if (node->is_intrinsic("Fn::Sub") && node->argument && node->argument->is_string()) {
    out.text += node->argument->text;
  } else if (node->is_intrinsic()) {
    const std::string name = "CfnEksUserData" + std::to_string(out.extra_variables.size() + 1);
    out.text += "${" + name + "}";
    out.extra_variables.push_back(FragmentEntry{name, Fragment::from_node(*node)});
  } else {
    out.error = "user data has a " + std::string(kind_name(node->kind)) + " part, which cannot be rewritten as text";
    out.error_at = node;
  }
}

SubText user_data_sub_text(const Node* user_data) {
  SubText out;
  const Node* body = user_data;
  if (body == nullptr) return out;
  if (body->is_string()) {
    const std::string& raw = body->text;
    if (auto decoded = decode_user_data_literal(raw)) {
      if (decoded->error) {
        out.error = "the user data is base64 of gzip-compressed data that cannot be read: " + *decoded->error +
                    "; write the script as Fn::Base64 of text first";
        out.error_at = body;
        return out;
      }
      out.gzipped = decoded->gzipped;
      out.text = escape_sub(decoded->text);
      return out;
    }
    const bool base64_chars = raw.size() >= 16 && raw.find_first_not_of(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n") == std::string::npos;
    if (base64_chars) {
      out.error = "the user data is a base64 literal whose content is not text, so cfn-eks cannot read or convert "
                  "it; write the script as Fn::Base64 of text first";
      out.error_at = body;
      return out;
    }
    out.text = escape_sub(raw);
    return out;
  }
  if (!body->is_intrinsic("Fn::Base64")) {
    out.error = "user data is not Fn::Base64 of a script";
    out.error_at = body;
    return out;
  }
  body = body->argument;
  if (body == nullptr) {
    out.error = "user data has an empty Fn::Base64";
    out.error_at = user_data;
  } else if (body->is_scalar()) {
    out.text = escape_sub(body->text);
  } else if (body->is_intrinsic("Fn::Sub")) {
    const Node* arg = body->argument;
    if (arg && arg->is_string()) {
      out.text = arg->text;
    } else if (arg && arg->is_sequence() && arg->items.size() == 2 && arg->items[0] && arg->items[0]->is_string()) {
      out.text = arg->items[0]->text;
      out.variables = arg->items[1];
    } else {
      out.error = "user data's Fn::Sub text is not a literal string";
      out.error_at = body;
    }
  } else if (body->is_intrinsic("Fn::Join")) {
    const Node* delimiter = argument_item(*body, 0);
    const Node* parts = argument_item(*body, 1);
    if (delimiter == nullptr || !delimiter->is_scalar() || parts == nullptr || !parts->is_sequence()) {
      out.error = "user data's Fn::Join is not a literal delimiter and a list";
      out.error_at = body;
      return out;
    }
    bool first = true;
    for (const Node* part : parts->items) {
      if (!first) out.text += escape_sub(delimiter->text);
      first = false;
      append_sub_part(part, out);
    }
  } else {
    out.error = "user data is built with '" + body->text + "' (chosen or computed at deploy time), which cannot be converted";
    out.error_at = body;
  }
  return out;
}

}  // namespace cfn_eks
