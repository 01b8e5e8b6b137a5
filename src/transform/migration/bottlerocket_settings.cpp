#include "transform/migration/bottlerocket_settings.hpp"

#include <algorithm>
#include <cctype>

namespace cfn_eks {
namespace {

// One TOML statement: a table header, a key/value pair (maybe spanning lines for an array), or
// a blank/comment line. `begin`/`end` are byte offsets of its whole lines.
struct Statement {
  enum class Kind { Trivia, Header, Pair } kind = Kind::Trivia;
  std::size_t begin = 0, end = 0, line = 0;
  std::vector<std::string> path;     // header: the table; pair: table + key
  std::vector<std::string> strings;  // pair: the string value(s)
  bool string_value = false;         // a single string
  bool string_array = false;         // an array of strings only
  bool inline_table = false;
};

struct Parsed {
  std::vector<Statement> statements;
  std::optional<std::string> error;
};

bool bare_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

void skip_blanks(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
}

// A dotted key ("settings.kubernetes", "\"node.kubernetes.io/role\"") up to `stop`.
std::optional<std::vector<std::string>> parse_key(std::string_view s, std::size_t& i, char stop, bool header,
                                                  std::string& error) {
  std::vector<std::string> out;
  while (true) {
    skip_blanks(s, i);
    if (i >= s.size()) break;
    if (s[i] == '"' || s[i] == '\'') {
      if (header) {
        error = "a table header with a quoted key, which EKS does not merge";
        return std::nullopt;
      }
      const char quote = s[i];
      const std::size_t close = s.find(quote, i + 1);
      if (close == std::string_view::npos) {
        error = "an unterminated quoted key";
        return std::nullopt;
      }
      const std::string_view key = s.substr(i + 1, close - i - 1);
      if (key.find('"') != std::string_view::npos || key.find('\'') != std::string_view::npos ||
          key.find('\\') != std::string_view::npos) {
        error = "quotes within a quoted key, which EKS does not merge";
        return std::nullopt;
      }
      out.emplace_back(key);
      i = close + 1;
    } else {
      const std::size_t start = i;
      while (i < s.size() && bare_key_char(s[i])) ++i;
      if (i == start) {
        error = "a key TOML does not allow";
        return std::nullopt;
      }
      out.emplace_back(s.substr(start, i - start));
    }
    skip_blanks(s, i);
    if (i < s.size() && s[i] == '.') {
      ++i;
      continue;
    }
    break;
  }
  if (i >= s.size() || s[i] != stop || out.empty()) {
    error = std::string("a key not followed by '") + stop + "'";
    return std::nullopt;
  }
  ++i;
  return out;
}

// A basic or literal string starting at s[i]; i ends past it.
std::optional<std::string> parse_string(std::string_view s, std::size_t& i, std::string& error) {
  const char quote = s[i];
  if (s.substr(i, 3) == std::string(3, quote)) {
    error = "a multi-line string, which cfn-eks does not convert";
    return std::nullopt;
  }
  std::string out;
  for (std::size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '\n') break;
    if (quote == '"' && s[j] == '\\') {
      if (j + 1 < s.size() && s[j + 1] == '"') {
        error = "an escaped quote in a value, which EKS does not merge";
        return std::nullopt;
      }
      if (j + 1 < s.size()) out.push_back(s[++j]);  // \\ and the like: keep the escaped byte
      continue;
    }
    if (s[j] == quote) {
      i = j + 1;
      return out;
    }
    out.push_back(s[j]);
  }
  error = "an unterminated string";
  return std::nullopt;
}

bool rest_is_comment(std::string_view s, std::size_t i) {
  skip_blanks(s, i);
  return i >= s.size() || s[i] == '\n' || s[i] == '\r' || s[i] == '#';
}

// The value of a pair from s[i] (s runs to the end of the text: arrays may span lines). Sets
// the statement's value facts and returns the offset past the value.
std::optional<std::size_t> parse_value(std::string_view s, std::size_t i, Statement& st, std::string& error) {
  skip_blanks(s, i);
  if (i >= s.size()) {
    error = "a key without a value";
    return std::nullopt;
  }
  if (s[i] == '"' || s[i] == '\'') {
    auto str = parse_string(s, i, error);
    if (!str) return std::nullopt;
    st.string_value = true;
    st.strings.push_back(std::move(*str));
    return i;
  }
  if (s[i] == '[') {
    ++i;
    bool strings = false, others = false, floats = false, ints = false;
    while (true) {
      while (i < s.size() && (std::isspace(static_cast<unsigned char>(s[i])) || s[i] == ',')) ++i;
      if (i < s.size() && s[i] == '#') {
        while (i < s.size() && s[i] != '\n') ++i;
        continue;
      }
      if (i >= s.size()) {
        error = "an unterminated array";
        return std::nullopt;
      }
      if (s[i] == ']') {
        ++i;
        break;
      }
      if (s[i] == '"' || s[i] == '\'') {
        auto str = parse_string(s, i, error);
        if (!str) return std::nullopt;
        st.strings.push_back(std::move(*str));
        strings = true;
        continue;
      }
      if (s[i] == '[' || s[i] == '{') {
        error = "a nested array or table in an array, which cfn-eks does not convert";
        return std::nullopt;
      }
      const std::size_t start = i;
      while (i < s.size() && s[i] != ',' && s[i] != ']' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      const std::string_view word = s.substr(start, i - start);
      others = true;
      if (word.find_first_of(".eE") != std::string_view::npos && std::isdigit(static_cast<unsigned char>(word.back()))) floats = true;
      else ints = true;
    }
    if (strings && others) {
      error = "an array of mixed types, which EKS does not merge";
      return std::nullopt;
    }
    if (floats && ints) {
      error = "an array mixing floats and integers, which EKS does not merge";
      return std::nullopt;
    }
    st.string_array = strings && !others;
    return i;
  }
  if (s[i] == '{') {
    int depth = 0;
    for (; i < s.size() && s[i] != '\n'; ++i) {
      if (s[i] == '{') ++depth;
      if (s[i] == '}' && --depth == 0) {
        st.inline_table = true;
        return i + 1;
      }
    }
    error = "an inline table that does not close on its line";
    return std::nullopt;
  }
  while (i < s.size() && s[i] != '\n' && s[i] != '#') ++i;
  return i;
}

std::size_t line_end(std::string_view s, std::size_t i) {
  const std::size_t nl = s.find('\n', i);
  return nl == std::string_view::npos ? s.size() : nl + 1;
}

Parsed parse(std::string_view text) {
  Parsed out;
  std::vector<std::string> table;
  std::size_t at = 0, line = 1;
  auto fail = [&](std::size_t l, const std::string& why) {
    out.error = "line " + std::to_string(l) + " has " + why;
    return out;
  };
  while (at < text.size()) {
    Statement st;
    st.begin = at;
    st.line = line;
    std::size_t i = at;
    skip_blanks(text, i);
    std::string error;
    if (i >= text.size() || text[i] == '\n' || text[i] == '\r' || text[i] == '#') {
      st.end = line_end(text, at);
    } else if (text[i] == '[') {
      if (i + 1 < text.size() && text[i + 1] == '[') return fail(line, "an array of tables, which cfn-eks does not convert");
      ++i;
      auto key = parse_key(text, i, ']', true, error);
      if (!key) return fail(line, error);
      if (!rest_is_comment(text, i)) return fail(line, "text after a table header");
      st.kind = Statement::Kind::Header;
      st.path = *key;
      table = *key;
      st.end = line_end(text, i);
    } else {
      auto key = parse_key(text, i, '=', false, error);
      if (!key) return fail(line, error);
      st.kind = Statement::Kind::Pair;
      st.path = table;
      st.path.insert(st.path.end(), key->begin(), key->end());
      auto past = parse_value(text, i, st, error);
      if (!past) return fail(line, error);
      if (!rest_is_comment(text, *past)) return fail(line, "text after a value");
      st.end = line_end(text, *past);
    }
    line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(at),
                                                text.begin() + static_cast<std::ptrdiff_t>(st.end), '\n'));
    at = st.end;
    out.statements.push_back(std::move(st));
  }
  return out;
}

bool has_prefix(const std::vector<std::string>& path, std::initializer_list<std::string_view> prefix) {
  if (path.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), path.begin());
}

std::string dotted(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : ".") + p;
  return out;
}

}  // namespace

bool is_bottlerocket_settings(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#' || line == "\r") continue;
    return line.starts_with("[settings") || line.starts_with("settings.");
  }
  return false;
}

BottlerocketConversion convert_bottlerocket_settings(std::string_view toml, std::vector<std::string>& notes) {
  BottlerocketConversion out;
  Parsed parsed = parse(toml);
  if (parsed.error) {
    out.refusal = "the Bottlerocket user data (TOML) " + *parsed.error + "; write it in the TOML EKS merges";
    return out;
  }
  std::vector<Statement>& all = parsed.statements;
  std::vector<bool> removed(all.size(), false);
  std::vector<std::string> connection, labels, taints;
  for (std::size_t n = 0; n < all.size(); ++n) {
    Statement& st = all[n];
    const bool in_labels = has_prefix(st.path, {"settings", "kubernetes", "node-labels"});
    const bool in_taints = has_prefix(st.path, {"settings", "kubernetes", "node-taints"});
    if (st.kind == Statement::Kind::Header) {
      if ((in_labels || in_taints) && st.path.size() == 3) removed[n] = true;
      else if (in_labels || in_taints) {
        out.refusal = "the Bottlerocket user data has table [" + dotted(st.path) + "] on line " + std::to_string(st.line) +
                      ", which is not a label or taint; write each as `\"key\" = \"value\"` under [" +
                      dotted(std::vector<std::string>(st.path.begin(), st.path.begin() + 3)) + "]";
        return out;
      }
      continue;
    }
    if (st.kind != Statement::Kind::Pair) continue;
    if (st.path.size() == 3 && has_prefix(st.path, {"settings", "kubernetes"}) &&
        (st.path[2] == "cluster-name" || st.path[2] == "api-server" || st.path[2] == "cluster-certificate")) {
      removed[n] = true;
      connection.push_back(st.path[2]);
      continue;
    }
    if (!in_labels && !in_taints) continue;
    const std::string what = in_labels ? "node-labels" : "node-taints";
    if (st.path.size() != 4 || (in_labels && !st.string_value) ||
        (in_taints && !st.string_value && !st.string_array)) {
      out.refusal = "the Bottlerocket user data sets " + dotted(st.path) + " on line " + std::to_string(st.line) +
                    " in a form cfn-eks does not convert; write each of settings.kubernetes." + what +
                    " as `\"key\" = \"value\"`" + (in_taints ? " (or a list of \"value:Effect\")" : "");
      return out;
    }
    removed[n] = true;
    const std::string& key = st.path[3];
    if (in_labels) {
      labels.push_back(key + "=" + st.strings.front());
      continue;
    }
    for (const std::string& v : st.strings) {
      const auto colon = v.rfind(':');
      if (colon == std::string::npos) {
        out.refusal = "the Bottlerocket taint '" + key + "' on line " + std::to_string(st.line) + " has value '" + v +
                      "' without ':Effect'; write it as \"value:NoSchedule\"";
        return out;
      }
      const std::string value = v.substr(0, colon);
      taints.push_back(key + (value.empty() ? "" : "=" + value) + ":" + v.substr(colon + 1));
    }
  }
  // A [settings.kubernetes] table left with nothing in it goes too.
  for (std::size_t n = 0; n < all.size(); ++n) {
    if (all[n].kind != Statement::Kind::Header || removed[n]) continue;
    bool any = false, kept = false;
    for (std::size_t k = n + 1; k < all.size() && all[k].kind != Statement::Kind::Header; ++k) {
      if (all[k].kind != Statement::Kind::Pair) continue;
      any = true;
      kept = kept || !removed[k];
    }
    if (any && !kept) removed[n] = true;
  }
  if (!connection.empty()) {
    std::string list;
    for (const auto& c : connection) list += (list.empty() ? "settings.kubernetes." : ", settings.kubernetes.") + c;
    notes.push_back("removed " + list + " from the Bottlerocket user data: EKS merges its own settings with the "
                    "cluster connection into the user data of managed nodes");
  }
  auto join = [](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ",") + i;
    return s;
  };
  if (!labels.empty()) out.carried_flags.push_back("--node-labels=" + join(labels));
  if (!taints.empty()) out.carried_flags.push_back("--register-with-taints=" + join(taints));
  if (!labels.empty() || !taints.empty()) {
    notes.push_back("moved settings.kubernetes.node-labels/node-taints from the Bottlerocket user data to the node "
                    "group's Labels/Taints, which EKS recommends and applies");
  }
  bool any_setting = false;
  for (std::size_t n = 0; n < all.size(); ++n) {
    if (removed[n]) continue;
    if (all[n].kind == Statement::Kind::Pair) any_setting = true;
    const std::string_view piece = toml.substr(all[n].begin, all[n].end - all[n].begin);
    // Removed tables leave their blank separators behind: keep one blank line between what stays.
    const bool blank = piece.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank && (out.text.empty() || out.text.ends_with("\n\n"))) continue;
    out.text.append(piece);
  }
  if (!any_setting) {
    out.text.clear();
    notes.push_back("nothing of the Bottlerocket user data is left, so the new launch template has none");
    return out;
  }
  notes.push_back("kept the other Bottlerocket settings as TOML (not MIME): EKS merges them with its own, yours "
                  "taking precedence");
  return out;
}

}  // namespace cfn_eks
