#include "transform/migration/user_data_conversion.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "transform/migration/bottlerocket_settings.hpp"
#include "transform/migration/eksctl_cloud_config.hpp"
#include "transform/migration/node_config_conversion.hpp"
#include "transform/migration/shell_words.hpp"
#include "util/user_data_bytes.hpp"

namespace cfn_eks {
namespace {

using shell::Token;

// ---------------------------------------------------------------------------------------------
// Logical lines: physical lines joined by backslash continuations or by a quote that spans
// lines; heredoc bodies are opaque (kept as they are, never searched).

struct LogicalLine {
  std::size_t begin = 0, end = 0;  // end: past the last line break (or the text's end)
  std::size_t line_number = 0;     // 1-based number of the first physical line
  bool opaque = false;             // a heredoc body line
  std::vector<Token> tokens;       // offsets relative to `begin`
};

struct Lines {
  std::vector<LogicalLine> lines;
  std::string error;  // an unterminated quote: the script cannot be read
};

std::size_t next_line_start(std::string_view text, std::size_t at) {
  const auto nl = text.find('\n', at);
  return nl == std::string_view::npos ? text.size() : nl + 1;
}

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool ends_with_continuation(std::string_view physical) {
  while (!physical.empty() && (physical.back() == '\n' || physical.back() == '\r')) physical.remove_suffix(1);
  std::size_t backslashes = 0;
  while (backslashes < physical.size() && physical[physical.size() - 1 - backslashes] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

Lines split_lines(std::string_view text) {
  static const std::regex heredoc(R"(<<(-?)\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?)");
  Lines out;
  std::size_t at = 0, number = 1;
  while (at < text.size()) {
    LogicalLine line{at, at, number, false, {}};
    std::size_t end = next_line_start(text, at);
    std::size_t physical = 1;
    shell::Tokens tokens = shell::tokenize(text.substr(at, end - at));
    // Extend over continuation lines and quotes that span lines.
    while ((ends_with_continuation(text.substr(at, end - at)) || !tokens.error.empty()) && end < text.size()) {
      end = next_line_start(text, end);
      ++physical;
      tokens = shell::tokenize(text.substr(at, end - at));
    }
    if (!tokens.error.empty()) {
      out.error = "line " + std::to_string(number) + " has an " + tokens.error;
      return out;
    }
    line.end = end;
    line.tokens = std::move(tokens.tokens);
    out.lines.push_back(line);
    number += physical;
    at = end;
    // A heredoc: its body lines up to the delimiter are opaque.
    const std::string raw(text.substr(line.begin, line.end - line.begin));
    std::smatch m;
    if (raw.find("<<<") == std::string::npos && std::regex_search(raw, m, heredoc)) {
      const bool strip_tabs = m[1].length() > 0;
      const std::string delimiter = m[2];
      while (at < text.size()) {
        const std::size_t body_end = next_line_start(text, at);
        std::string_view body = text.substr(at, body_end - at);
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
        if (strip_tabs) while (!body.empty() && body.front() == '\t') body.remove_prefix(1);
        out.lines.push_back(LogicalLine{at, body_end, number, true, {}});
        ++number;
        at = body_end;
        if (body == delimiter) break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands on a logical line: pipelines separated by `;`, `&&`, `||`, `&`.

enum class Kind { Other, Bootstrap, CfnSignal, CfnInit };

struct Pipeline {
  std::string op_before;             // operator joining it to the previous pipeline ("" first)
  std::size_t begin = 0, end = 0;    // raw range relative to the line
  std::vector<std::string> keywords; // leading shell keywords (then, else, do, {, if, !, ...)
  std::size_t command_begin = 0;     // raw offset where the command after the keywords starts
  Kind kind = Kind::Other;
  bool touches_kubelet = false;  // `systemctl ... kubelet`
  std::vector<std::string> command_words;  // of the matched command (inner words for `bash -c`)
};

bool is_keyword(std::string_view w) {
  return w == "then" || w == "else" || w == "do" || w == "{" || w == "if" || w == "elif" || w == "while" ||
         w == "until" || w == "!" || w == "(";
}

bool is_assignment(std::string_view w) {
  const auto eq = w.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  return std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(eq),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }) &&
         !std::isdigit(static_cast<unsigned char>(w[0]));
}

bool is_bootstrap_word(std::string_view w) {
  constexpr std::string_view kPath = "/etc/eks/bootstrap.sh";
  return w.size() >= kPath.size() && w.substr(w.size() - kPath.size()) == kPath;
}

Kind kind_of(std::string_view command) {
  if (is_bootstrap_word(command)) return Kind::Bootstrap;
  const auto name = shell::command_name(command);
  if (name == "cfn-signal") return Kind::CfnSignal;
  if (name == "cfn-init") return Kind::CfnInit;
  return Kind::Other;
}

// Classifies the command made of `words` (after keywords): wrappers such as `sudo`, `exec`,
// `bash FILE` and `bash -c "..."` are looked through.
void classify(const std::vector<std::string>& words, std::size_t first, Pipeline& p, int depth = 0) {
  std::size_t i = first;
  while (i < words.size() && is_assignment(words[i])) ++i;
  while (i < words.size() && (words[i] == "sudo" || words[i] == "exec" || words[i] == "nohup" ||
                              words[i] == "command" || words[i] == "time")) {
    ++i;
  }
  if (i >= words.size()) return;
  const auto name = shell::command_name(words[i]);
  if ((name == "bash" || name == "sh") && depth == 0) {
    for (std::size_t j = i + 1; j < words.size(); ++j) {
      if (words[j] == "-c" && j + 1 < words.size()) {
        const auto inner = shell::tokenize(words[j + 1]);
        std::vector<std::string> inner_words;
        for (const auto& t : inner.tokens) {
          if (t.kind == Token::Kind::Operator) break;
          inner_words.push_back(t.text);
        }
        Pipeline nested;
        classify(inner_words, 0, nested, depth + 1);
        if (nested.kind != Kind::Other) {
          p.kind = nested.kind;
          p.command_words = nested.command_words;
        }
        return;
      }
      if (words[j].empty() || words[j][0] != '-') {  // bash FILE args
        if (kind_of(words[j]) != Kind::Other) {
          p.kind = kind_of(words[j]);
          p.command_words.assign(words.begin() + static_cast<std::ptrdiff_t>(j), words.end());
        }
        return;
      }
    }
    return;
  }
  p.kind = kind_of(words[i]);
  if (p.kind != Kind::Other) p.command_words.assign(words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
}

std::vector<Pipeline> pipelines_of(const LogicalLine& line) {
  std::vector<Pipeline> out;
  std::vector<const Token*> current;
  std::string op;
  auto flush = [&](std::string next_op) {
    if (!current.empty()) {
      Pipeline p;
      p.op_before = op;
      p.begin = current.front()->begin;
      p.end = current.back()->end;
      // Split at '|' into commands; any matching command marks the whole pipeline.
      std::vector<std::string> words;
      std::size_t k = 0;
      while (k < current.size() && current[k]->kind == Token::Kind::Word && is_keyword(current[k]->text)) {
        p.keywords.push_back(current[k]->text);
        ++k;
      }
      p.command_begin = k < current.size() ? current[k]->begin : p.end;
      auto classify_command = [&]() {
        if (words.empty()) return;
        Pipeline probe;
        classify(words, 0, probe);
        if (shell::command_name(words.front()) == "systemctl" &&
            std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "kubelet" || w == "kubelet.service"; })) {
          p.touches_kubelet = true;
        }
        if (probe.kind != Kind::Other && p.kind == Kind::Other) {
          p.kind = probe.kind;
          p.command_words = probe.command_words;
        }
        words.clear();
      };
      for (; k < current.size(); ++k) {
        if (current[k]->kind == Token::Kind::Operator) classify_command();
        else words.push_back(current[k]->text);
      }
      classify_command();
      out.push_back(std::move(p));
    }
    current.clear();
    op = std::move(next_op);
  };
  for (const auto& t : line.tokens) {
    if (t.kind == Token::Kind::Operator && t.text != "|") flush(t.text);
    else current.push_back(&t);
  }
  flush("");
  return out;
}

bool is_redirection(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size() && std::isdigit(static_cast<unsigned char>(w[i]))) ++i;
  return i < w.size() && (w[i] == '>' || w[i] == '<' || (w[i] == '&' && i + 1 < w.size() && w[i + 1] == '>'));
}

BootstrapCall bootstrap_of(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
  BootstrapCall call;
  call.begin = begin;
  call.end = end;
  bool cluster_seen = false;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (is_redirection(w)) {
      const char last = w.back();
      if ((last == '>' || last == '<') && i + 1 < words.size()) ++i;  // the target is the next word
      continue;
    }
    if (w.rfind("--kubelet-extra-args", 0) == 0) {
      if (w.size() > 20 && w[20] == '=') call.kubelet_extra_args = w.substr(21);
      else if (i + 1 < words.size()) call.kubelet_extra_args = words[++i];
      continue;
    }
    if (!cluster_seen && !w.empty() && w[0] != '-') {
      call.cluster = w;
      cluster_seen = true;
      continue;
    }
    cluster_seen = true;  // flags before the cluster name: bootstrap.sh takes the first positional
    call.other_flags.push_back(w);
  }
  return call;
}

std::string joined(const std::vector<std::string>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shell part processing.

struct ShellResult {
  std::string text;
  std::optional<std::string> refusal;
  std::optional<BootstrapCall> bootstrap;
};

bool is_block_opener(std::string_view line) {
  line = trim_line(line);
  for (std::string_view w : {"then", "else", "do", "{"}) {
    if (line == w) return true;
    if (line.size() > w.size() && line.substr(line.size() - w.size()) == w) {
      const char before = line[line.size() - w.size() - 1];
      if (before == ' ' || before == ';' || before == '\t' || (w == "{" && before == ')')) return true;
    }
  }
  return false;
}

bool is_block_closer(std::string_view line) {
  line = trim_line(line);
  for (std::string_view w : {"fi", "else", "elif", "done", "}", "esac", ";;"}) {
    if (line.substr(0, w.size()) == w &&
        (line.size() == w.size() || line[w.size()] == ' ' || line[w.size()] == ';' || line[w.size()] == '\t')) {
      return true;
    }
  }
  return false;
}

bool is_significant(std::string_view line) {
  line = trim_line(line);
  return !line.empty() && line[0] != '#';
}

std::string line_label(const LogicalLine& line) { return "line " + std::to_string(line.line_number); }

ShellResult process_shell(std::string_view script, bool eks_bootstraps, std::vector<std::string>& notes) {
  ShellResult result;
  const Lines lines = split_lines(script);
  if (!lines.error.empty()) {
    result.refusal = "the user data script cannot be read: " + lines.error;
    return result;
  }
  enum class Action { Keep, Replace, Remove };
  struct Outcome {
    Action action = Action::Keep;
    std::string text;
  };
  std::vector<Outcome> outcomes(lines.lines.size());
  std::vector<std::string> variable_lines;  // lines that are only an Fn::Sub variable: unseen text
  for (std::size_t n = 0; n < lines.lines.size(); ++n) {
    const LogicalLine& line = lines.lines[n];
    if (line.opaque || line.tokens.empty()) continue;
    if (line.tokens.size() == 1 && line.tokens[0].text.rfind("${", 0) == 0 && line.tokens[0].text.back() == '}' &&
        line.tokens[0].text.find('}') == line.tokens[0].text.size() - 1) {
      variable_lines.push_back("'" + line.tokens[0].text + "'");
    }
    const std::string_view raw = script.substr(line.begin, line.end - line.begin);
    const auto pipelines = pipelines_of(line);
    std::vector<bool> removed(pipelines.size(), false);
    bool any = false;
    for (std::size_t k = 0; k < pipelines.size(); ++k) {
      const Pipeline& p = pipelines[k];
      const std::string command(raw.substr(p.command_begin, p.end - p.command_begin));
      if (p.kind == Kind::CfnInit) {
        result.refusal = "the user data runs 'cfn-init' (" + line_label(line) +
                         "), so what it does lives in the resource's 'AWS::CloudFormation::Init' metadata, which a "
                         "managed node group's launch template does not run; move those steps into the user data first";
        return result;
      }
      if (p.kind == Kind::Bootstrap) {
        auto call = bootstrap_of(p.command_words, line.begin, line.end);
        if (!result.bootstrap) result.bootstrap = call;
        if (eks_bootstraps) {
          removed[k] = true;
          std::string note = "removed the '/etc/eks/bootstrap.sh' call on " + line_label(line) +
                             ": EKS bootstraps managed nodes on its AMIs itself";
          if (!call.kubelet_extra_args.empty() || !call.other_flags.empty()) {
            note += "; its arguments ('" + joined(p.command_words, 2) +
                    "') are not passed on, so labels and taints move to the node group";
          }
          notes.push_back(note);
        } else {
          notes.push_back("kept the '/etc/eks/bootstrap.sh' call on " + line_label(line) +
                          ": with a custom AMI EKS does not bootstrap the node, so the user data must");
        }
      } else if (p.touches_kubelet && eks_bootstraps) {
        notes.push_back("kept '" + command + "' on " + line_label(line) +
                        ", but EKS bootstraps managed nodes itself and its documentation says not to start or "
                        "reconfigure kubelet in merged user data; check that this still works");
      } else if (p.kind == Kind::CfnSignal) {
        removed[k] = true;
        notes.push_back("removed 'cfn-signal' on " + line_label(line) +
                        ": it signals the old Auto Scaling group, and managed node groups do not wait for signals");
      }
      if (removed[k]) {
        any = true;
        // Failure handlers of the removed command (`|| signal 1`) go with it.
        for (std::size_t h = k + 1; h < pipelines.size() && pipelines[h].op_before == "||" &&
                                    pipelines[h].keywords.empty();
             ++h) {
          if (removed[h]) continue;
          removed[h] = true;
          notes.push_back("removed '|| " + std::string(raw.substr(pipelines[h].begin, pipelines[h].end - pipelines[h].begin)) +
                          "' on " + line_label(line) + ": it handled the failure of the removed command");
          k = h;
        }
      }
    }
    if (!any) continue;
    // Rebuild the line from what is kept; a removed command after a keyword becomes ':'.
    std::string rebuilt;
    bool kept_any = false;
    for (std::size_t k = 0; k < pipelines.size(); ++k) {
      const Pipeline& p = pipelines[k];
      std::string piece;
      if (!removed[k]) {
        piece = std::string(raw.substr(p.begin, p.end - p.begin));
      } else if (!p.keywords.empty()) {
        piece = std::string(raw.substr(p.begin, p.command_begin - p.begin)) + ":";
      } else {
        continue;
      }
      if (kept_any) rebuilt += (p.op_before.empty() ? std::string(";") : p.op_before) + " ";
      rebuilt += piece;
      kept_any = true;
    }
    if (!kept_any) {
      outcomes[n].action = Action::Remove;
    } else {
      const std::size_t indent = raw.find_first_not_of(" \t");
      const bool trailing_amp = !line.tokens.empty() && line.tokens.back().kind == Token::Kind::Operator &&
                                line.tokens.back().text == "&" && !removed.back();
      outcomes[n] = {Action::Replace, std::string(raw.substr(0, indent)) + rebuilt + (trailing_amp ? " &" : "") + "\n"};
    }
  }
  if (eks_bootstraps && !result.bootstrap && !variable_lines.empty()) {
    std::string list;
    for (const auto& v : variable_lines) list += (list.empty() ? "" : ", ") + v;
    notes.push_back("found no '/etc/eks/bootstrap.sh' call, and the lines " + list +
                    " are Fn::Sub variables whose text is not checked; if one calls bootstrap.sh the node is "
                    "bootstrapped twice, so substitute them first");
  }
  // A removed line that leaves a block empty (`then` straight to `fi`, a function body) keeps ':'.
  for (std::size_t n = 0; n < outcomes.size(); ++n) {
    if (outcomes[n].action != Action::Remove) continue;
    auto text_of = [&](std::size_t i) {
      return outcomes[i].action == Action::Replace
                 ? std::string_view(outcomes[i].text)
                 : script.substr(lines.lines[i].begin, lines.lines[i].end - lines.lines[i].begin);
    };
    std::optional<std::size_t> before, after;
    for (std::size_t i = n; i-- > 0;) {
      if (outcomes[i].action != Action::Remove && is_significant(text_of(i))) { before = i; break; }
    }
    for (std::size_t i = n + 1; i < outcomes.size(); ++i) {
      if (outcomes[i].action != Action::Remove && is_significant(text_of(i))) { after = i; break; }
    }
    if (before && after && is_block_opener(text_of(*before)) && is_block_closer(text_of(*after))) {
      const std::string_view raw = script.substr(lines.lines[n].begin, lines.lines[n].end - lines.lines[n].begin);
      outcomes[n] = {Action::Replace, std::string(raw.substr(0, raw.find_first_not_of(" \t"))) + ":\n"};
      notes.push_back("left ':' in place of " + line_label(lines.lines[n]) + " so that its block stays valid shell");
    }
  }
  for (std::size_t n = 0; n < outcomes.size(); ++n) {
    const LogicalLine& line = lines.lines[n];
    switch (outcomes[n].action) {
      case Action::Keep: result.text.append(script.substr(line.begin, line.end - line.begin)); break;
      case Action::Replace: result.text += outcomes[n].text; break;
      case Action::Remove: break;
    }
  }
  return result;
}

// Nothing left that does anything: only a shebang, comments, blank lines, `set` options, `:`.
bool does_nothing(std::string_view script) {
  std::size_t at = 0;
  while (at < script.size()) {
    const std::size_t end = next_line_start(script, at);
    const std::string_view line = trim_line(script.substr(at, end - at));
    at = end;
    if (line.empty() || line[0] == '#' || line == ":" || line.rfind("set -", 0) == 0 || line.rfind("set +", 0) == 0) {
      continue;
    }
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// MIME.

struct Part {
  std::vector<std::string> headers;  // verbatim header lines
  std::string content_type;          // lower-case media type of the Content-Type header
  std::string encoding;              // lower-case Content-Transfer-Encoding
  std::string body;
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Header lines up to the first blank line; `at` ends past that blank line.
std::vector<std::string> read_headers(std::string_view text, std::size_t& at) {
  std::vector<std::string> headers;
  while (at < text.size()) {
    const std::size_t end = next_line_start(text, at);
    std::string_view line = text.substr(at, end - at);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    at = end;
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) headers.back() += "\n" + std::string(line);
    else headers.emplace_back(line);
  }
  return headers;
}

std::string header_value(const std::vector<std::string>& headers, std::string_view name) {
  for (const auto& h : headers) {
    const auto colon = h.find(':');
    if (colon != std::string::npos && lower(trim_line(std::string_view(h).substr(0, colon))) == name) {
      return std::string(trim_line(std::string_view(h).substr(colon + 1)));
    }
  }
  return {};
}

std::string media_type(const std::string& content_type) {
  return lower(trim_line(std::string_view(content_type).substr(0, content_type.find(';'))));
}

std::string boundary_of(const std::string& content_type) {
  static const std::regex boundary(R"re(boundary\s*=\s*(?:"([^"]*)"|([^;\s]+)))re", std::regex::icase);
  std::smatch m;
  if (!std::regex_search(content_type, m, boundary)) return {};
  return m[1].matched ? m[1].str() : m[2].str();
}

bool is_mime(std::string_view text) {
  std::size_t at = 0;
  const auto headers = read_headers(text, at);
  return media_type(header_value(headers, "content-type")).rfind("multipart/", 0) == 0;
}

std::optional<std::vector<Part>> split_mime(std::string_view text, std::string& boundary, std::string& error) {
  std::size_t at = 0;
  const auto top = read_headers(text, at);
  boundary = boundary_of(header_value(top, "content-type"));
  if (boundary.empty()) {
    error = "the MIME user data names no boundary in its 'Content-Type'";
    return std::nullopt;
  }
  const std::string open = "--" + boundary, close = "--" + boundary + "--";
  std::vector<Part> parts;
  bool in_part = false, closed = false;
  std::size_t part_start = 0;
  auto finish = [&](std::size_t part_end) {
    if (!in_part) return;
    std::size_t p = part_start;
    Part part;
    part.headers = read_headers(text.substr(0, part_end), p);
    part.content_type = media_type(header_value(part.headers, "content-type"));
    part.encoding = lower(header_value(part.headers, "content-transfer-encoding"));
    part.body = std::string(text.substr(std::min(p, part_end), part_end - std::min(p, part_end)));
    parts.push_back(std::move(part));
  };
  while (at < text.size() && !closed) {
    const std::size_t end = next_line_start(text, at);
    const std::string_view line = trim_line(text.substr(at, end - at));
    if (line == close) {
      finish(at);
      closed = true;
    } else if (line == open) {
      finish(at);
      in_part = true;
      part_start = end;
    }
    at = end;
  }
  if (!closed) finish(text.size());
  if (parts.empty()) {
    error = "the MIME user data has no part delimited by '" + open + "'";
    return std::nullopt;
  }
  return parts;
}

std::string trimmed_body(std::string_view body) {
  while (!body.empty() && (body.back() == '\n' || body.back() == '\r' || body.back() == ' ' || body.back() == '\t')) {
    body.remove_suffix(1);
  }
  return std::string(body);
}

// The EKS docs' shape: MIME-Version, Content-Type with the boundary, a blank line, each part
// opened by `--boundary`, its headers, a blank line, its content, a blank line; `--boundary--`.
std::string render_mime(const std::vector<Part>& parts, std::string_view boundary) {
  std::string out = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + std::string(boundary) + "\"\n\n";
  for (const auto& part : parts) {
    out += "--" + std::string(boundary) + "\n";
    for (const auto& h : part.headers) out += h + "\n";
    out += "\n" + trimmed_body(part.body) + "\n\n";
  }
  out += "--" + std::string(boundary) + "--\n";
  return out;
}

bool is_binary(std::string_view text) {
  if (is_gzip(text)) return true;
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\n' && c != '\r' && c != '\t';
  });
}

bool is_node_config(std::string_view text) {
  return text.find("node.eks.aws/") != std::string_view::npos && text.find("NodeConfig") != std::string_view::npos;
}

std::string_view first_content_line(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = next_line_start(text, at);
    const auto line = trim_line(text.substr(at, end - at));
    if (!line.empty()) return line;
    at = end;
  }
  return {};
}

// A part whose conversion (a NodeConfig or eksctl's cloud-config) gave new text, carried
// kubelet flags, or a refusal; a part left empty is dropped.
template <typename Conversion>
std::optional<Part> take_converted(Part part, Conversion converted, ConvertedUserData& out) {
  if (converted.refusal) {
    out.refusal = std::move(converted.refusal);
    return std::nullopt;
  }
  out.carried_kubelet_flags.insert(out.carried_kubelet_flags.end(), converted.carried_flags.begin(),
                                   converted.carried_flags.end());
  if (converted.text.empty()) return std::nullopt;
  part.body = std::move(converted.text);
  return part;
}

// One part: processed, kept or dropped (std::nullopt), or a refusal in `out`.
std::optional<Part> convert_part(Part part, std::size_t number, bool eks_bootstraps, ConvertedUserData& out) {
  const std::string label = number == 0 ? "the user data" : "MIME part " + std::to_string(number);
  if (part.content_type == "application/node.eks.aws" || (part.content_type.empty() && is_node_config(part.body))) {
    if (eks_bootstraps) {
      NodeConfigConversion converted = convert_node_config(part.body, label, out.notes);
      return take_converted(std::move(part), std::move(converted), out);
    }
    out.notes.push_back("kept " + label + " (a nodeadm 'NodeConfig'): a custom AMI needs it to join the cluster");
    return part;
  }
  if (part.content_type == "text/x-shellscript" || part.content_type.empty()) {
    if (!part.encoding.empty() && part.encoding != "7bit" && part.encoding != "8bit") {
      out.refusal = label + " is a shell script in '" + part.encoding +
                    "' transfer encoding, which cfn-eks cannot check for bootstrap calls; write it as plain text";
      return std::nullopt;
    }
    auto shell_result = process_shell(part.body, eks_bootstraps, out.notes);
    if (shell_result.refusal) {
      out.refusal = std::move(shell_result.refusal);
      return std::nullopt;
    }
    if (!out.bootstrap && shell_result.bootstrap) out.bootstrap = shell_result.bootstrap;
    if (does_nothing(shell_result.text)) {
      out.notes.push_back("dropped " + label + ": nothing but comments and shell options is left in it");
      return std::nullopt;
    }
    part.body = std::move(shell_result.text);
    if (part.headers.empty()) part.headers.emplace_back("Content-Type: text/x-shellscript; charset=\"us-ascii\"");
    return part;
  }
  if (part.content_type == "text/cloud-config" && is_eksctl_cloud_config(part.body)) {
    if (!eks_bootstraps) {
      // A custom AMI: eksctl's cloud-config is how its nodes join; it stays, and its labels
      // and taints are also given to the node group.
      std::vector<std::string> ignored;
      CloudConfigConversion read = convert_eksctl_cloud_config(part.body, label, ignored);
      if (!read.refusal) {
        out.carried_kubelet_flags.insert(out.carried_kubelet_flags.end(), read.carried_flags.begin(),
                                         read.carried_flags.end());
      }
      out.notes.push_back("kept " + label + " (eksctl's cloud-config) unchanged: on a custom AMI it bootstraps the node");
      return part;
    }
    CloudConfigConversion converted = convert_eksctl_cloud_config(part.body, label, out.notes);
    return take_converted(std::move(part), std::move(converted), out);
  }
  out.notes.push_back("kept " + label + " ('" + part.content_type + "') unchanged");
  return part;
}

// EC2: "User data is limited to 16 KB, in raw form, before it is base64-encoded" (EC2 user
// guide, instance user data); CreateLaunchTemplateVersion answers InvalidUserData.Malformed
// beyond 16384 decoded bytes. Measured on the text as written (Fn::Sub variables unexpanded).
void check_size(ConvertedUserData& out) {
  if (out.mime.size() <= kMaxUserDataBytes) return;
  out.refusal = "the converted user data is " + std::to_string(out.mime.size()) + " bytes, more than the " +
                std::to_string(kMaxUserDataBytes) + " bytes EC2 allows (before base64); move large files out of the "
                "user data (for example to S3) first";
  out.mime.clear();
}

// Bottlerocket: TOML as it is, not MIME (EKS merges TOML for BOTTLEROCKET_* AMI types).
ConvertedUserData bottlerocket_user_data(std::string_view script, bool eks_bootstraps) {
  ConvertedUserData out;
  out.toml = true;
  if (!eks_bootstraps) {
    out.notes.push_back("kept the Bottlerocket user data (TOML) unchanged: on a custom AMI EKS does not merge user data, "
                        "so the cluster settings stay");
    out.mime = std::string(script);
  } else {
    BottlerocketConversion converted = convert_bottlerocket_settings(script, out.notes);
    if (converted.refusal) {
      out.refusal = std::move(converted.refusal);
      return out;
    }
    out.carried_kubelet_flags = std::move(converted.carried_flags);
    out.mime = std::move(converted.text);
  }
  check_size(out);
  return out;
}

}  // namespace

std::optional<BootstrapCall> find_bootstrap_call(std::string_view script) {
  const Lines lines = split_lines(script);
  for (const auto& line : lines.lines) {
    if (line.opaque) continue;
    for (const auto& p : pipelines_of(line)) {
      if (p.kind == Kind::Bootstrap) return bootstrap_of(p.command_words, line.begin, line.end);
    }
  }
  return std::nullopt;
}

ConvertedUserData convert_user_data_for_managed_nodegroup(std::string_view script, bool eks_bootstraps) {
  ConvertedUserData out;
  if (is_binary(script)) {
    out.refusal = "the user data holds binary bytes (compressed or encoded), which cfn-eks cannot read; write it as text";
    return out;
  }
  if (trim_line(script).empty()) {
    out.notes.push_back("the old user data is empty, so the new launch template has none");
    return out;
  }
  const std::string low = lower(script);
  if (low.find("<powershell>") != std::string::npos || low.find("<script>") != std::string::npos) {
    out.refusal = "the user data is a Windows script ('<powershell>'); cfn-eks migrates Linux node groups only";
    return out;
  }
  std::vector<Part> parts;
  std::string boundary(kUserDataBoundary);
  if (is_mime(script)) {
    std::string error;
    auto split = split_mime(script, boundary, error);
    if (!split) {
      out.refusal = error;
      return out;
    }
    for (std::size_t i = 0; i < split->size(); ++i) {
      auto part = convert_part(std::move((*split)[i]), i + 1, eks_bootstraps, out);
      if (out.refusal) return out;
      if (part) parts.push_back(std::move(*part));
    }
  } else {
    const std::string_view first = first_content_line(script);
    Part part;
    part.body = std::string(script);
    if (first.rfind("#cloud-config", 0) == 0) {
      part.content_type = "text/cloud-config";
    } else if (first.rfind("#cloud-boothook", 0) == 0) {
      part.content_type = "text/cloud-boothook";
    } else if (is_node_config(script)) {
      part.content_type = "application/node.eks.aws";
    } else if (is_bottlerocket_settings(script)) {
      return bottlerocket_user_data(script, eks_bootstraps);
    } else if (first.rfind("#!", 0) != 0) {
      out.refusal = "the user data does not start with '#!' (a script), '#cloud-config' or MIME headers, so cfn-eks "
                    "cannot tell what it is; add the '#!/bin/bash' line if it is a shell script";
      return out;
    }
    if (!part.content_type.empty()) part.headers.push_back("Content-Type: " + part.content_type + "; charset=\"us-ascii\"");
    auto converted = convert_part(std::move(part), 0, eks_bootstraps, out);
    if (out.refusal) return out;
    if (converted) parts.push_back(std::move(*converted));
  }
  if (parts.empty()) {
    out.notes.push_back("nothing is left of the user data after the conversion, so the new launch template has none");
    return out;
  }
  for (const auto& part : parts) {
    if (part.body.find("--" + boundary) != std::string::npos) {
      out.refusal = "the user data contains the MIME boundary '--" + boundary + "' in its content; rename that text";
      return out;
    }
  }
  out.mime = render_mime(parts, boundary);
  check_size(out);
  return out;
}

}  // namespace cfn_eks
