#include "util/user_data_bytes.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace cfn_eks {

std::optional<std::string> base64_decode_bytes(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 4 * 3);
  int buffer = 0, bits = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    if (padding) return std::nullopt;  // data after the padding
    const int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(n >> shift) & 63]);
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Inflated gunzip(std::string_view compressed, std::size_t limit) {
  Inflated out;
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip header and trailer (CRC and size checked by zlib).
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
    out.error = "zlib could not start inflating";
    return out;
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(compressed.size(), 0xffffffffu));
  std::array<char, 16384> chunk{};
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - stream.avail_out;
    if (status != Z_OK && status != Z_STREAM_END) {
      out.error = std::string("the gzip data is corrupt (") + (stream.msg ? stream.msg : "truncated") + ")";
      if (status == Z_BUF_ERROR) out.error = "the gzip data is truncated";
      break;
    }
    if (out.bytes.size() + produced > limit) {
      out.error = "the gzip data inflates to more than " + std::to_string(limit) + " bytes";
      break;
    }
    out.bytes.append(chunk.data(), produced);
  }
  if (out.error) out.error_offset = compressed.size() - stream.avail_in;
  inflateEnd(&stream);
  if (out.error) out.bytes.clear();
  return out;
}

std::string gzip(std::string_view bytes) {
  z_stream stream{};
  std::string out;
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) return out;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  out.resize(deflateBound(&stream, stream.avail_in));
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(status == Z_STREAM_END ? out.size() - stream.avail_out : 0);
  deflateEnd(&stream);
  return out;
}

bool looks_like_text(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7f);
  });
}

std::optional<DecodedUserData> decode_user_data_literal(std::string_view literal, std::size_t limit) {
  // Short strings ("true", "abcd") are base64 by accident; real user data is longer.
  std::size_t significant = 0;
  for (char c : literal) significant += (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '=') ? 1 : 0;
  if (significant < 8) return std::nullopt;
  auto bytes = base64_decode_bytes(literal);
  if (!bytes) return std::nullopt;
  DecodedUserData out;
  out.base64 = true;
  if (is_gzip(*bytes)) {
    out.gzipped = true;
    Inflated inflated = gunzip(*bytes, limit);
    if (inflated.error) {
      out.error = *inflated.error + " at byte " + std::to_string(inflated.error_offset) + " of the compressed data";
      return out;
    }
    if (!looks_like_text(inflated.bytes)) {
      out.error = "the gzip-compressed user data does not inflate to text";
      return out;
    }
    out.text = std::move(inflated.bytes);
    return out;
  }
  // Decoded text must look like text (a script), else the literal was not base64 at all.
  if (!looks_like_text(*bytes)) return std::nullopt;
  out.text = std::move(*bytes);
  return out;
}

}  // namespace cfn_eks
