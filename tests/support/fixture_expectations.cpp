#include "support/fixture_expectations.hpp"

#include <sstream>

#include "cfn_eks/registry.hpp"

namespace cfn_eks::testing {

namespace {

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// One marker body: `T201@12 "part"`.
std::optional<Expectation> parse_marker(std::string_view body, std::uint32_t line, std::string& error) {
  std::string text = trim(body);
  Expectation e;
  e.line = line;
  std::size_t i = 0;
  while (i < text.size() && text[i] != ' ' && text[i] != '@') ++i;
  e.rule_id = text.substr(0, i);
  if (e.rule_id.empty()) {
    error = "line " + std::to_string(line) + ": expect marker without a rule id";
    return std::nullopt;
  }
  if (i < text.size() && text[i] == '@') {
    std::size_t j = i + 1;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i + 1) {
      error = "line " + std::to_string(line) + ": '@' without a column";
      return std::nullopt;
    }
    e.column = static_cast<std::uint32_t>(std::stoul(text.substr(i + 1, j - i - 1)));
    i = j;
  }
  const std::string rest = trim(std::string_view(text).substr(i));
  if (!rest.empty()) {
    if (rest.size() < 2 || rest.front() != '"' || rest.back() != '"') {
      error = "line " + std::to_string(line) + ": message part must be in double quotes: " + rest;
      return std::nullopt;
    }
    e.message_part = rest.substr(1, rest.size() - 2);
  }
  return e;
}

}  // namespace

std::vector<Expectation> parse_inline_expectations(const std::string& text, std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::uint32_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    // Markers follow '#'; several may share a line, each running to the next '#'.
    for (std::size_t hash = line.find('#'); hash != std::string::npos; hash = line.find('#', hash + 1)) {
      std::string_view rest = std::string_view(line).substr(hash + 1);
      const std::size_t lead = rest.find_first_not_of(' ');
      if (lead == std::string_view::npos) continue;
      rest = rest.substr(lead);
      std::uint32_t target = line_no;
      if (rest.rfind("expect-next:", 0) == 0) {
        rest = rest.substr(12);
        target = line_no + 1;
      } else if (rest.rfind("expect:", 0) == 0) {
        rest = rest.substr(7);
      } else {
        continue;
      }
      // The marker's body ends at the next " # " (another marker) or the line end.
      const std::size_t next = rest.find(" #");
      std::string error;
      if (auto e = parse_marker(rest.substr(0, next), target, error)) {
        out.push_back(*e);
      } else {
        errors.push_back(error);
      }
    }
  }
  return out;
}

std::vector<Expectation> parse_sidecar(const std::string& text, std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (trim(line).empty()) continue;
    // LINE:COL: ID message
    const auto c1 = line.find(':');
    const auto c2 = c1 == std::string::npos ? c1 : line.find(':', c1 + 1);
    const auto sp = c2 == std::string::npos ? c2 : line.find(' ', c2 + 2);
    if (sp == std::string::npos) {
      errors.push_back("malformed sidecar line: " + line);
      continue;
    }
    Expectation e;
    try {
      e.line = static_cast<std::uint32_t>(std::stoul(line.substr(0, c1)));
      e.column = static_cast<std::uint32_t>(std::stoul(line.substr(c1 + 1, c2 - c1 - 1)));
    } catch (const std::exception&) {
      errors.push_back("malformed sidecar line: " + line);
      continue;
    }
    e.rule_id = line.substr(c2 + 2, sp - c2 - 2);
    e.message_part = line.substr(sp + 1);
    e.exact_message = true;
    out.push_back(e);
  }
  return out;
}

std::string render_sidecar(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " + d.rule_id + " " + d.message + "\n";
  }
  return out;
}

bool apply_header(const std::string& text, const std::string& default_rule, LintOptions& options,
                  std::vector<std::string>& errors) {
  options.only = {default_rule};
  const std::string first_line = text.substr(0, text.find('\n'));
  const auto at = first_line.find("lint:");
  if (first_line.rfind("#", 0) != 0 || at == std::string::npos) return true;
  // The header may share its line with an expectation marker: stop at the next '#'.
  std::string flags = first_line.substr(at + 5);
  flags = flags.substr(0, flags.find('#'));
  std::istringstream words(flags);
  std::vector<std::string> tokens;
  for (std::string w; words >> w;) tokens.push_back(w);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& flag = tokens[i];
    if (i + 1 >= tokens.size()) {
      errors.push_back("header flag without a value: " + flag);
      return false;
    }
    const std::string value = tokens[++i];
    if (flag == "--only") {
      options.only.clear();
      std::istringstream ids(value);
      for (std::string id; std::getline(ids, id, ',');) options.only.insert(id);
    } else if (flag == "--as-of") {
      const auto date = parse_date(value);
      if (!date) {
        errors.push_back("bad --as-of in header: " + value);
        return false;
      }
      options.as_of = *date;
    } else if (flag == "--cluster-version") {
      options.cluster_version = value;
    } else if (flag == "--rule-option") {
      const auto dot = value.find('.');
      const auto eq = value.find('=');
      if (dot == std::string::npos || eq == std::string::npos) {
        errors.push_back("bad --rule-option in header: " + value);
        return false;
      }
      auto values = options.options[value.substr(0, dot)].values();
      values[value.substr(dot + 1, eq - dot - 1)] = value.substr(eq + 1);
      options.options[value.substr(0, dot)] = RuleOptions(values);
    } else if (flag == "--severity") {
      const auto eq = value.find('=');
      const auto level = eq == std::string::npos ? std::nullopt : parse_severity(value.substr(eq + 1));
      if (!level) {
        errors.push_back("bad --severity in header: " + value);
        return false;
      }
      options.severity[value.substr(0, eq)] = *level;
    } else if (flag == "--max-inline-size" || flag == "--max-size" || flag == "--max-depth") {
      // Small limits let the loader's size and depth findings be tested with small files.
      const auto number = static_cast<std::size_t>(std::stoul(value));
      if (flag == "--max-inline-size") options.limits.inline_size = number;
      if (flag == "--max-size") options.limits.s3_size = number;
      if (flag == "--max-depth") options.limits.max_depth = static_cast<unsigned>(number);
    } else {
      errors.push_back("unknown header flag: " + flag);
      return false;
    }
  }
  return true;
}

std::vector<std::string> compare(const std::vector<Expectation>& expected, const std::vector<Diagnostic>& actual) {
  std::vector<std::string> problems;
  std::vector<bool> used(expected.size(), false);
  auto matches = [](const Expectation& e, const Diagnostic& d) {
    if (e.line != d.start.line || e.rule_id != d.rule_id) return false;
    if (e.column && *e.column != d.start.column) return false;
    if (e.message_part) {
      if (e.exact_message ? d.message != *e.message_part : d.message.find(*e.message_part) == std::string::npos) {
        return false;
      }
    }
    return true;
  };
  for (const Diagnostic& d : actual) {
    bool found = false;
    for (std::size_t i = 0; i < expected.size() && !found; ++i) {
      if (!used[i] && matches(expected[i], d)) {
        used[i] = true;
        found = true;
      }
    }
    if (!found) {
      problems.push_back("unexpected " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " +
                         d.rule_id + " " + d.message);
    }
  }
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (used[i]) continue;
    const Expectation& e = expected[i];
    problems.push_back("missing " + std::to_string(e.line) + (e.column ? ":" + std::to_string(*e.column) : "") + ": " +
                       e.rule_id + (e.message_part ? " \"" + *e.message_part + "\"" : ""));
  }
  return problems;
}

}  // namespace cfn_eks::testing
