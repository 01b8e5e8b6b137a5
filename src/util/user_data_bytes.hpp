#pragma once
// EC2 user data bytes: base64 and gzip, shared by the lint rules (recognising what a launch
// template's user data does) and the migration (converting it). eksctl writes user data as
// base64 of gzip ("H4sI..."); cloud-init inflates it on the node, so must we.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cfn_eks {

/// Standard base64 (padding and whitespace allowed); nullopt when `text` is not base64.
std::optional<std::string> base64_decode_bytes(std::string_view text);

/// Standard base64 with padding, no line breaks.
std::string base64_encode(std::string_view bytes);

/// True when `bytes` start with the gzip magic (1f 8b).
bool is_gzip(std::string_view bytes);

/// The inflated size above which user data is refused: EC2 caps user data at 16 KB, so real
/// user data inflates to a few hundred KB at most; 16 MiB stops a zip bomb long before memory
/// is a concern.
inline constexpr std::size_t kMaxInflatedUserData = 16u * 1024u * 1024u;

struct Inflated {
  std::string bytes;
  std::optional<std::string> error;  ///< Why the data could not be inflated (corrupt, too large).
  /// Offset in the compressed input where inflating stopped, when `error` is set.
  std::size_t error_offset = 0;
};

/// Inflates a gzip member (zlib), at most `limit` bytes of output.
Inflated gunzip(std::string_view compressed, std::size_t limit = kMaxInflatedUserData);

/// gzip-compresses `bytes` (zlib, best compression).
std::string gzip(std::string_view bytes);

/// Text that reads as a script or settings: printable ASCII, tabs and line breaks, or UTF-8.
bool looks_like_text(std::string_view bytes);

/// User data as written in a template literal (base64, maybe of gzip) decoded to its text.
struct DecodedUserData {
  std::string text;
  bool base64 = false;   ///< The literal was base64.
  bool gzipped = false;  ///< ... of gzip-compressed bytes.
  std::optional<std::string> error;  ///< gzip that cannot be inflated, or bytes that are not text.
};

/// Decodes a base64 literal (of text, or of gzip of text); nullopt when `literal` is not base64
/// of either (plain text is returned by the caller as it is).
std::optional<DecodedUserData> decode_user_data_literal(std::string_view literal,
                                                        std::size_t limit = kMaxInflatedUserData);

}  // namespace cfn_eks
