#include "model/encoding_check.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace cfn_eks {

namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

std::string code_point_name(std::uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

// Length of the valid UTF-8 sequence at `i` and its code point, or 0 when invalid
// (overlong forms, surrogates and values past U+10FFFF are invalid).
std::size_t utf8_sequence(const std::string& s, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t len = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return len;
}

// Printable ASCII, tab and line breaks: almost every byte of a template.
bool is_plain_ascii(unsigned char c) { return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r'; }

// The first byte at or after `i` that is not plain ASCII (or the size). Eight bytes at a time:
// a word without a high bit, a byte below 0x20 or a DEL is plain throughout.
std::size_t skip_plain_ascii(const std::string& s, std::size_t i) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::size_t n = s.size();
  while (i + 8 <= n) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t del = w ^ (kOnes * 0x7F);
    const std::uint64_t odd = (w & kHigh) | ((w - kOnes * 0x20) & ~w & kHigh) | ((del - kOnes) & ~del & kHigh);
    if (odd == 0) {
      i += 8;
      continue;
    }
    for (const std::size_t end = i + 8; i < end; ++i) {
      if (!is_plain_ascii(static_cast<unsigned char>(s[i]))) return i;
    }
  }
  while (i < n && is_plain_ascii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace

std::uint32_t check_text(Document& document, const LoadLimits& limits) {
  const std::string& text = document.source->text();
  const auto size = text.size();
  if (size > limits.s3_size) {
    document.diagnostics.push_back(document.make_diagnostic(
        load_rules::kExceedsS3Size, Severity::Error, ByteRange{0, 0},
        "template is " + std::to_string(size) + " bytes, over CloudFormation's limit of " +
            std::to_string(limits.s3_size) + " bytes; split it into nested stacks"));
  } else if (size > limits.inline_size) {
    document.diagnostics.push_back(document.make_diagnostic(
        load_rules::kExceedsInlineSize, Severity::Info, ByteRange{0, 0},
        "template is " + std::to_string(size) + " bytes, over the " + std::to_string(limits.inline_size) +
            "-byte limit for a template body passed inline; upload it to S3 and pass --template-url"));
  }
  if (size >= std::numeric_limits<std::uint32_t>::max() - 1) return kTextRejected;
  std::uint32_t base = 0;
  if (size >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) base = 3;
  for (std::size_t i = base; i < size;) {
    i = skip_plain_ascii(text, i);
    if (i >= size) break;
    std::uint32_t cp = 0;
    const std::size_t len = utf8_sequence(text, i, cp);
    const auto at = static_cast<std::uint32_t>(i);
    if (len == 0) {
      document.diagnostics.push_back(document.make_diagnostic(
          load_rules::kInvalidEncoding, Severity::Error, ByteRange{at, at + 1},
          "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(text[i])) +
              "; CloudFormation templates must be UTF-8, re-encode the file"));
      return kTextRejected;
    }
    // YAML allows tab, line breaks, NEL and printable text; JSON allows less, never more.
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
                         (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF;
    if (control) {
      const std::string what = cp == 0 ? "NUL byte" : "control character " + code_point_name(cp);
      document.diagnostics.push_back(document.make_diagnostic(
          load_rules::kInvalidEncoding, Severity::Error, ByteRange{at, static_cast<std::uint32_t>(at + len)},
          what + " is not allowed in a template; remove it or escape it inside a double-quoted string"));
      return kTextRejected;
    }
    i += len;
  }
  return base;
}

}  // namespace cfn_eks
