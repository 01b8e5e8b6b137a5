#pragma once
/// Loading a template's bytes into a Document: nodes with positions plus load findings.

#include <string>
#include <vector>

#include "cfn_eks/diagnostic.hpp"
#include "cfn_eks/node.hpp"
#include "cfn_eks/source.hpp"

namespace cfn_eks {

enum class SourceFormat : std::uint8_t { Yaml, Json };

/// Rule ids of the findings the loader itself reports.
namespace load_rules {
inline constexpr std::string_view kSyntaxError = "T001";
inline constexpr std::string_view kDuplicateKey = "T002";
inline constexpr std::string_view kAnchorOrAlias = "T003";
inline constexpr std::string_view kMultipleDocuments = "T004";
inline constexpr std::string_view kInvalidEncoding = "T005";
inline constexpr std::string_view kNestingTooDeep = "T006";
inline constexpr std::string_view kExceedsInlineSize = "T007";
inline constexpr std::string_view kExceedsS3Size = "T008";
inline constexpr std::string_view kUnknownTag = "T009";
}  // namespace load_rules

struct LoadLimits {
  /// Deeper nesting is refused, so every later pass may recurse safely.
  unsigned max_depth = 128;
  /// CloudFormation's limit for a template body passed inline.
  std::size_t inline_size = 51200;
  /// CloudFormation's limit for a template read from S3.
  std::size_t s3_size = 1000000;
};

/// A loaded template. `root` is null when the text could not be parsed at all.
struct Document {
  SourcePtr source;
  SourceFormat format = SourceFormat::Yaml;
  NodeArena arena;
  Node* root = nullptr;
  /// Findings made while loading (syntax, encoding, duplicates, size), positioned.
  std::vector<Diagnostic> diagnostics;

  /// Makes a diagnostic positioned in this document's source.
  Diagnostic make_diagnostic(std::string_view rule_id, Severity severity, ByteRange range,
                             std::string message) const;
};

/// Loads YAML or JSON. The format is guessed from the first non-blank byte
/// ('{' means JSON) unless `format` is given.
Document load_document(SourcePtr source, const LoadLimits& limits = {});
Document load_yaml(SourcePtr source, const LoadLimits& limits = {});
Document load_json(SourcePtr source, const LoadLimits& limits = {});

}  // namespace cfn_eks
