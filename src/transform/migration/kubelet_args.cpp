#include "transform/migration/kubelet_args.hpp"

#include <algorithm>
#include <cctype>

#include "transform/migration/shell_words.hpp"

namespace cfn_eks {
namespace {

bool has_placeholder(std::string_view s) { return s.find("${") != std::string_view::npos; }

// A whole piece that is a variable (`${Labels}`, `$LABELS`): its content is unknown offline.
bool is_variable(std::string_view s) {
  if (s.size() > 3 && s.substr(0, 2) == "${" && s.back() == '}' && s.find('}') == s.size() - 1) return true;
  if (s.size() > 1 && s[0] == '$' && s[1] != '{') {
    return std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  }
  return false;
}

// Splits at `sep` outside `${...}` (Fn::Sub placeholders such as `${AWS::Region}` hold ':').
std::vector<std::string> split_outside_placeholders(std::string_view s, char sep) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') ++depth;
    else if (s[i] == '}' && depth > 0) --depth;
    if (s[i] == sep && depth == 0) out.emplace_back();
    else out.back().push_back(s[i]);
  }
  return out;
}

// Position of the first (or last) `sep` outside placeholders, npos when none.
std::size_t find_outside_placeholders(std::string_view s, char sep, bool last) {
  std::size_t found = std::string_view::npos;
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '$' && i + 1 < s.size() && s[i + 1] == '{') ++depth;
    else if (s[i] == '}' && depth > 0) --depth;
    else if (s[i] == sep && depth == 0) {
      found = i;
      if (!last) return found;
    }
  }
  return found;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Kubernetes label/taint key syntax: optional DNS-subdomain prefix and '/', then a name of
// alphanumerics, '-', '_', '.' that starts and ends alphanumeric.
bool valid_key_syntax(std::string_view key) {
  const auto slash = key.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? key : key.substr(slash + 1);
  if (slash != std::string_view::npos) {
    const std::string_view prefix = key.substr(0, slash);
    if (prefix.empty() || !std::all_of(prefix.begin(), prefix.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        })) {
      return false;
    }
  }
  return !name.empty() && is_alnum(name.front()) && is_alnum(name.back()) &&
         std::all_of(name.begin(), name.end(), is_name_char);
}

bool valid_value_syntax(std::string_view value) {
  return value.empty() ||
         (is_alnum(value.front()) && is_alnum(value.back()) && std::all_of(value.begin(), value.end(), is_name_char));
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

void check_length(std::string_view what, std::string_view text, std::size_t min, std::size_t max,
                  std::vector<std::string>& problems) {
  if (has_placeholder(text)) return;
  if (text.size() < min || text.size() > max) {
    problems.push_back(std::string(what) + " " + quoted(text) + " has " + std::to_string(text.size()) +
                       " characters; managed node groups accept " + std::to_string(min) + " to " +
                       std::to_string(max));
  }
}

void add_labels(std::string_view list, KubeletArgs& out) {
  for (const auto& piece : split_outside_placeholders(list, ',')) {
    if (piece.empty()) continue;
    const auto eq = find_outside_placeholders(piece, '=', false);
    if (eq == std::string::npos) {
      if (is_variable(piece)) {
        out.problems.push_back("node label list entry " + quoted(piece) +
                               " is a variable whose labels are known only at deploy time; set them in the node "
                               "group's 'Labels' yourself");
      } else {
        out.problems.push_back("node label " + quoted(piece) + " has no value; write 'key=value'");
      }
      continue;
    }
    std::string key = piece.substr(0, eq), value = piece.substr(eq + 1);
    if (key.empty()) {
      out.problems.push_back("node label " + quoted(piece) + " has no key; write 'key=value'");
      continue;
    }
    check_length("node label key", key, 1, kMaxLabelKeyLength, out.problems);
    check_length("node label value", value, 1, kMaxLabelValueLength, out.problems);
    if (!has_placeholder(key) && !valid_key_syntax(key)) {
      out.problems.push_back("node label key " + quoted(key) + " is not a valid Kubernetes label key");
    }
    if (!has_placeholder(value) && !valid_value_syntax(value)) {
      out.problems.push_back("node label value " + quoted(value) + " is not a valid Kubernetes label value");
    }
    auto same = std::find_if(out.labels.begin(), out.labels.end(), [&](const auto& l) { return l.first == key; });
    if (same != out.labels.end()) {
      if (same->second != value) {
        out.problems.push_back("node label " + quoted(key) + " is given twice (" + quoted(same->second) + ", then " +
                               quoted(value) + "); kubelet keeps the last one, so does the migration");
      }
      same->second = value;
    } else {
      out.labels.emplace_back(std::move(key), std::move(value));
    }
  }
}

void add_taints(std::string_view list, KubeletArgs& out) {
  for (const auto& piece : split_outside_placeholders(list, ',')) {
    if (piece.empty()) continue;
    if (is_variable(piece)) {
      out.problems.push_back("taint list entry " + quoted(piece) +
                             " is a variable whose taints are known only at deploy time; set them in the node "
                             "group's 'Taints' yourself");
      continue;
    }
    const auto colon = find_outside_placeholders(piece, ':', true);
    if (colon == std::string::npos) {
      out.problems.push_back("taint " + quoted(piece) + " has no effect; write 'key=value:NoSchedule'");
      continue;
    }
    const std::string left = piece.substr(0, colon), effect = piece.substr(colon + 1);
    const auto eq = find_outside_placeholders(left, '=', false);
    NodeTaint taint{eq == std::string::npos ? left : left.substr(0, eq),
                    eq == std::string::npos ? std::string() : left.substr(eq + 1), effect};
    if (taint.key.empty()) {
      out.problems.push_back("taint " + quoted(piece) + " has no key; write 'key=value:NoSchedule'");
      continue;
    }
    if (managed_taint_effect(effect).empty()) {
      out.problems.push_back("taint " + quoted(piece) + " has effect " + quoted(effect) +
                             (has_placeholder(effect) ? " from a placeholder" : "") +
                             "; use NoSchedule, NoExecute or PreferNoSchedule");
      continue;
    }
    check_length("taint key", taint.key, 1, kMaxTaintKeyLength, out.problems);
    check_length("taint value", taint.value, 0, kMaxTaintValueLength, out.problems);
    if (!has_placeholder(taint.key) && !valid_key_syntax(taint.key)) {
      out.problems.push_back("taint key " + quoted(taint.key) + " is not a valid Kubernetes taint key");
    }
    auto same = std::find_if(out.taints.begin(), out.taints.end(),
                             [&](const NodeTaint& t) { return t.key == taint.key && t.effect == taint.effect; });
    if (same != out.taints.end()) {
      out.problems.push_back("taint " + quoted(taint.key + ":" + taint.effect) + " is given twice; the last one is kept");
      *same = std::move(taint);
    } else {
      out.taints.push_back(std::move(taint));
    }
  }
}

// `--flag=value` / `-flag=value` / `--flag value`: the flag name without dashes, or empty.
std::string_view flag_name(std::string_view word) {
  if (word.size() < 2 || word[0] != '-') return {};
  word.remove_prefix(word[1] == '-' ? 2 : 1);
  return word.substr(0, word.find('='));
}

// Words of the argument text; a word that still holds blanks (the value was quoted twice,
// e.g. `"'--node-labels=a=b --max-pods=20'"`) is split once more.
void collect_words(std::string_view text, int depth, std::vector<std::string>& words, std::vector<std::string>& problems) {
  const auto tokens = shell::tokenize(text);
  if (!tokens.error.empty()) {
    problems.push_back("kubelet arguments " + quoted(text) + " have an " + tokens.error + "; close the quote");
    return;
  }
  for (const auto& token : tokens.tokens) {
    if (token.kind == shell::Token::Kind::Operator) {
      problems.push_back("kubelet arguments hold the shell operator " + quoted(token.text) + "; pass flags only");
      continue;
    }
    const bool blanks = token.text.find_first_of(" \t\n") != std::string::npos;
    if (blanks && depth < 2 && !token.text.empty() && (token.text[0] == '-' || token.text[0] == '\'' || token.text[0] == '"')) {
      collect_words(token.text, depth + 1, words, problems);
    } else {
      words.push_back(token.text);
    }
  }
}

}  // namespace

KubeletArgs parse_kubelet_extra_args(std::string_view args) {
  KubeletArgs out;
  std::vector<std::string> words;
  collect_words(args, 0, words, out.problems);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const std::string_view name = flag_name(word);
    const bool inline_value = word.find('=') != std::string::npos && !name.empty();
    const bool next_is_value = i + 1 < words.size() && !words[i + 1].empty() && words[i + 1][0] != '-';
    if (name == "node-labels" || name == "register-with-taints") {
      std::string value;
      if (inline_value) {
        value = word.substr(word.find('=') + 1);
      } else if (next_is_value) {
        value = words[++i];
      } else {
        out.problems.push_back(quoted(word) + " has no value");
        continue;
      }
      if (name == "node-labels") add_labels(value, out);
      else add_taints(value, out);
    } else if (!name.empty()) {
      out.other.push_back(inline_value || !next_is_value ? word : word + " " + words[++i]);
    } else if (is_variable(word)) {
      out.problems.push_back("kubelet argument " + quoted(word) +
                             " is a variable whose flags are known only at deploy time; check its labels and taints yourself");
    } else {
      out.problems.push_back("kubelet argument " + quoted(word) + " is not a flag; kubelet takes '--name=value' flags");
    }
  }
  if (out.taints.size() > kMaxNodegroupTaints) {
    out.problems.push_back(std::to_string(out.taints.size()) + " taints are more than the " +
                           std::to_string(kMaxNodegroupTaints) + " a managed node group accepts");
  }
  return out;
}

std::string managed_taint_effect(std::string_view kubelet_effect) {
  if (kubelet_effect == "NoSchedule") return "NO_SCHEDULE";
  if (kubelet_effect == "NoExecute") return "NO_EXECUTE";
  if (kubelet_effect == "PreferNoSchedule") return "PREFER_NO_SCHEDULE";
  return {};
}

}  // namespace cfn_eks
