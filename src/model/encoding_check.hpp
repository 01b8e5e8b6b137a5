#pragma once
// Checks a template's bytes before parsing: UTF-8, no NUL or control bytes, size limits, BOM.

#include <cstdint>
#include <limits>

#include "cfn_eks/document.hpp"

namespace cfn_eks {

inline constexpr std::uint32_t kTextRejected = std::numeric_limits<std::uint32_t>::max();

/// Reports encoding and size findings into `document`. Returns the offset where the text
/// starts after a BOM, or kTextRejected when the bytes cannot be parsed at all.
std::uint32_t check_text(Document& document, const LoadLimits& limits);

}  // namespace cfn_eks
