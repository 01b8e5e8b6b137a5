#pragma once
// Compiled forms of the patterns in schemas/eks/ami-families.json and addons.json. Internal to
// the knowledge layer; EksKnowledge holds them behind a shared pointer.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/lazy_regex.hpp"

namespace cfn_eks {

/// A whole-text regular expression whose capture groups are named placeholders, in order.
/// Compiled on first use: most lints match few of the patterns (or none).
struct CompiledPattern {
  std::string text;                 ///< As written in the data file.
  LazyRegex regex;                  ///< `text` with each placeholder replaced by its group.
  std::vector<std::string> groups;  ///< Placeholder name of each capture group.

  /// The captures by placeholder name, or nullopt when `input` does not match as a whole.
  std::optional<std::map<std::string, std::string>> match(std::string_view input) const;
};

/// Attributes a placeholder value or a pattern fixes: "architecture", "accelerator", "fips".
struct AmiAttributes {
  std::optional<Architecture> architecture;
  std::optional<Accelerator> accelerator;
  std::optional<bool> fips;
};

struct SsmPattern {
  AmiFamily family = AmiFamily::Custom;
  AmiAttributes fixed;
  CompiledPattern path;
  std::optional<CompiledPattern> pinned_release;
  std::optional<AmiRelease> implied_release;
  Confidence confidence = Confidence::Confirmed;
};

struct NamePattern {
  AmiFamily family = AmiFamily::Custom;
  AmiAttributes fixed;
  CompiledPattern name;
  bool filter = false;  ///< A DescribeImages name filter (wildcards), not a full AMI name.
};

struct ReleasePattern {
  ReleaseVersionFormat format;
  CompiledPattern pattern;
};

struct AddonHint {
  CompiledPattern pattern;
  std::string message;
};

/// An instance family pattern ("[a-z]+[0-9]+g[a-z0-9-]*") and what it implies.
struct InstanceFamilyPattern {
  CompiledPattern pattern;
  AmiAttributes attributes;
};

struct EksPatterns {
  /// placeholder -> value -> attributes.
  std::map<std::string, std::map<std::string, AmiAttributes>> placeholder_values;
  std::map<std::string, AmiRelease> release_keywords;
  std::vector<SsmPattern> ssm;
  std::vector<NamePattern> ami_names;
  std::vector<ReleasePattern> release_versions;
  std::optional<CompiledPattern> addon_version;
  std::vector<AddonHint> addon_hints;
  std::vector<InstanceFamilyPattern> instance_families;
};

}  // namespace cfn_eks
