#include "transform/migration/shell_words.hpp"

namespace cfn_eks::shell {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_operator_char(char c) { return c == '|' || c == '&' || c == ';'; }

// Skips a `${...}` or `$(...)` starting at `i` (pointing at '$'); appends it to `out` verbatim.
// Returns false when it is not closed.
bool take_expansion(std::string_view text, std::size_t& i, std::string& out) {
  const char open = text[i + 1];
  const char close = open == '{' ? '}' : ')';
  int depth = 0;
  const std::size_t start = i;
  for (std::size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] == open) ++depth;
    else if (text[j] == close && --depth == 0) {
      out.append(text.substr(start, j + 1 - start));
      i = j + 1;
      return true;
    }
  }
  return false;
}

}  // namespace

Tokens tokenize(std::string_view text) {
  Tokens result;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\n') { i += 2; continue; }
    if (c == '\\' && i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') { i += 3; continue; }
    if (is_blank(c)) { ++i; continue; }
    if (c == '#') break;  // a comment: a word cannot start with '#'
    if (is_operator_char(c) && !(c == '&' && i + 1 < text.size() && text[i + 1] == '>')) {
      std::size_t len = (i + 1 < text.size() && text[i + 1] == c) ? 2 : 1;
      result.tokens.push_back({Token::Kind::Operator, std::string(text.substr(i, len)), i, i + len});
      i += len;
      continue;
    }
    Token word{Token::Kind::Word, {}, i, i};
    while (i < text.size() && !is_blank(text[i])) {
      const char d = text[i];
      const bool redirect_all = d == '&' && i == word.begin && i + 1 < text.size() && text[i + 1] == '>';
      if (is_operator_char(d) && !redirect_all) break;
      if (d == '\'') {
        const auto close = text.find('\'', i + 1);
        if (close == std::string_view::npos) { result.error = "unterminated single quote"; return result; }
        word.text.append(text.substr(i + 1, close - i - 1));
        i = close + 1;
      } else if (d == '"') {
        std::size_t j = i + 1;
        for (; j < text.size() && text[j] != '"'; ++j) {
          if (text[j] == '\\' && j + 1 < text.size() &&
              (text[j + 1] == '"' || text[j + 1] == '\\' || text[j + 1] == '$' || text[j + 1] == '`')) {
            word.text.push_back(text[++j]);
          } else if (text[j] == '$' && j + 1 < text.size() && (text[j + 1] == '{' || text[j + 1] == '(')) {
            if (!take_expansion(text, j, word.text)) { result.error = "unterminated '$" + std::string(1, text[j + 1]) + "'"; return result; }
            --j;
          } else {
            word.text.push_back(text[j]);
          }
        }
        if (j >= text.size()) { result.error = "unterminated double quote"; return result; }
        i = j + 1;
      } else if (d == '\\' && i + 1 < text.size()) {
        if (text[i + 1] == '\n') { i += 2; break; }
        word.text.push_back(text[i + 1]);
        i += 2;
      } else if (d == '$' && i + 1 < text.size() && (text[i + 1] == '{' || text[i + 1] == '(')) {
        if (!take_expansion(text, i, word.text)) { result.error = "unterminated '$" + std::string(1, text[i + 1]) + "'"; return result; }
      } else if ((d == '>' || d == '<') && i + 1 < text.size() && text[i + 1] == '&') {
        word.text.append(text.substr(i, 2));  // a redirection such as 2>&1, not a background '&'
        i += 2;
      } else if (d == '&' && i + 1 < text.size() && text[i + 1] == '>' && i == word.begin) {
        word.text.append(text.substr(i, 2));  // &> file
        i += 2;
      } else if (d == '`') {
        const auto close = text.find('`', i + 1);
        if (close == std::string_view::npos) { result.error = "unterminated backquote"; return result; }
        word.text.append(text.substr(i, close + 1 - i));
        i = close + 1;
      } else {
        word.text.push_back(d);
        ++i;
      }
    }
    word.end = i;
    result.tokens.push_back(std::move(word));
  }
  return result;
}

std::string_view command_name(std::string_view word) {
  const auto slash = word.rfind('/');
  return slash == std::string_view::npos ? word : word.substr(slash + 1);
}

}  // namespace cfn_eks::shell
