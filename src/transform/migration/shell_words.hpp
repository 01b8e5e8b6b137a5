#pragma once
// A small shell tokenizer for user-data scripts: words (quotes removed, `${X}` and `$(...)`
// kept whole) and control operators, with byte offsets into the text. Enough to find and
// remove commands on a line; not a shell.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks::shell {

struct Token {
  enum class Kind { Word, Operator };
  Kind kind = Kind::Word;
  std::string text;           // unquoted word, or the operator (`||`, `&&`, `;`, `|`, `&`, `;;`)
  std::size_t begin = 0, end = 0;  // raw bytes in the tokenized text
};

struct Tokens {
  std::vector<Token> tokens;
  std::string error;  // non-empty when a quote or `${`/`$(` is not closed
};

/// Tokenizes one logical line (backslash-newline continuations count as blanks). A `#` that
/// starts a word ends the line.
Tokens tokenize(std::string_view text);

/// The last path component of a command word (`/opt/aws/bin/cfn-signal` -> `cfn-signal`).
std::string_view command_name(std::string_view word);

}  // namespace cfn_eks::shell
