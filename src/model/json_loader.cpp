// JSON loading with RapidJSON's iterative SAX parser: no recursion, so a 1,000,000-deep
// document cannot overflow the stack, and our builder refuses it at the depth cap.

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <string>

#include "cfn_eks/document.hpp"
#include "model/encoding_check.hpp"
#include "model/tree_builder.hpp"

namespace cfn_eks {

namespace {

// The iterative parser calls StartObject/EndObject (and the array pair) before it takes the
// bracket, and scalar handlers after the token: Tell() then gives the bracket's offset or the
// token's end. Our own stream keeps Tell() exact (no local copies).
class OffsetStream {
 public:
  using Ch = char;
  OffsetStream(const std::string& text, std::size_t begin) : text_(text), pos_(begin) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  std::size_t Tell() const { return pos_; }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  const std::string& text_;
  std::size_t pos_;
};

class JsonHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonHandler> {
 public:
  JsonHandler(Document& document, const LoadLimits& limits, const OffsetStream& stream)
      : doc_(document), text_(document.source->text()), stream_(stream), builder_(document, limits) {}

  bool Null() { return scalar(NodeKind::Null, "null", 4, ScalarStyle::Plain); }
  bool Bool(bool value) {
    return value ? scalar(NodeKind::Bool, "true", 4, ScalarStyle::Plain)
                 : scalar(NodeKind::Bool, "false", 5, ScalarStyle::Plain);
  }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return scalar(NodeKind::Number, std::string(str, length), length, ScalarStyle::Plain);
  }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    const std::uint32_t end = here();
    Node* node = doc_.arena.make(NodeKind::String);
    node->style = ScalarStyle::DoubleQuoted;
    node->text.assign(str, length);
    node->range = ByteRange{string_start(end), end};
    builder_.add_value(node);
    return true;
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    const std::uint32_t end = here();
    builder_.add_key(std::string(str, length), ByteRange{string_start(end), end}, ScalarStyle::DoubleQuoted);
    return true;
  }
  bool StartObject() { return builder_.begin_collection(NodeKind::Mapping, here(), ScalarStyle::Flow); }
  bool EndObject(rapidjson::SizeType) {
    builder_.end_collection(here() + 1);
    return true;
  }
  bool StartArray() { return builder_.begin_collection(NodeKind::Sequence, here(), ScalarStyle::Flow); }
  bool EndArray(rapidjson::SizeType) {
    builder_.end_collection(here() + 1);
    return true;
  }

  Node* root() const { return builder_.root(); }

 private:
  std::uint32_t here() const { return static_cast<std::uint32_t>(stream_.Tell()); }

  bool scalar(NodeKind kind, std::string text, std::size_t written_length, ScalarStyle style) {
    const std::uint32_t end = here();
    Node* node = doc_.arena.make(kind);
    node->style = style;
    node->text = std::move(text);
    node->range = ByteRange{end - static_cast<std::uint32_t>(written_length), end};
    builder_.add_value(node);
    return true;
  }

  // The handler runs just after the closing quote; the opening quote is the nearest
  // earlier quote not escaped by an odd run of backslashes.
  std::uint32_t string_start(std::uint32_t end) const {
    std::uint32_t i = end - 1;  // the closing quote
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      std::uint32_t backslashes = 0;
      for (std::uint32_t k = i; k > 0 && text_[k - 1] == '\\'; --k) ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  Document& doc_;
  const std::string& text_;
  const OffsetStream& stream_;
  TreeBuilder builder_;
};

// The nearest quote before `end` not escaped by an odd run of backslashes; `end` when none.
std::uint32_t opening_quote(const std::string& text, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t i = std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size())); i > begin;) {
    --i;
    if (text[i] != '"') continue;
    std::uint32_t backslashes = 0;
    for (std::uint32_t k = i; k > begin && text[k - 1] == '\\'; --k) ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return end;
}

}  // namespace

Document load_json(SourcePtr source, const LoadLimits& limits) {
  Document document;
  document.source = std::move(source);
  document.format = SourceFormat::Json;
  const std::uint32_t base = check_text(document, limits);
  if (base == kTextRejected) return document;
  const std::size_t before = document.diagnostics.size();
  OffsetStream stream(document.source->text(), base);
  JsonHandler handler(document, limits, stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (result.IsError()) {
    // A refusal from our own handler (depth cap) is already reported with its reason.
    const bool handler_refused = result.Code() == rapidjson::kParseErrorTermination &&
                                 document.diagnostics.size() > before;
    if (!handler_refused) {
      const auto at = static_cast<std::uint32_t>(result.Offset());
      const std::string& text = document.source->text();
      // An unterminated string runs to the end of the text or, since JSON strings cannot
      // hold raw line breaks, to the end of its line: the user must look at its opening quote.
      const bool unterminated =
          result.Code() == rapidjson::kParseErrorStringMissQuotationMark ||
          ((result.Code() == rapidjson::kParseErrorStringEscapeInvalid ||
            result.Code() == rapidjson::kParseErrorStringInvalidEncoding) &&
           at < text.size() &&
           (text[at] == '\n' || text[at] == '\r'));
      const std::uint32_t quote = unterminated ? opening_quote(text, base, at) : at;
      Diagnostic diagnostic = document.make_diagnostic(
          load_rules::kSyntaxError, Severity::Error, ByteRange{quote, quote + 1},
          std::string("JSON syntax error: ") + rapidjson::GetParseError_En(unterminated
                                                                             ? rapidjson::kParseErrorStringMissQuotationMark
                                                                             : result.Code()));
      if (quote != at) {
        diagnostic.related.push_back(RelatedLocation{ByteRange{at, at}, document.source->position(at),
                                                     document.source->position(at), "the parser stopped here"});
      }
      document.diagnostics.push_back(std::move(diagnostic));
    }
    document.root = nullptr;
    return document;
  }
  document.root = handler.root();
  return document;
}

}  // namespace cfn_eks
