#pragma once
/// A regular expression compiled on first use, shared by the resource schemas (`pattern`) and
/// the EKS knowledge (AMI names, SSM paths, add-on versions): a tiny template needs almost none
/// of them, and compiling them all at start-up was most of its run time.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cfn_eks {

/// An ECMAScript expression compiled by the first call that needs it (thread-safe: several
/// lint threads may share one). std::regex cannot compile every pattern (`\p{L}`, `(?i)`);
/// those answer "does not compile" rather than a guess.
class LazyRegex {
 public:
  explicit LazyRegex(std::string source = {});
  ~LazyRegex();
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;
  /// Moving is for building only, never while another thread may use the expression.
  LazyRegex(LazyRegex&&) noexcept;
  LazyRegex& operator=(LazyRegex&&) noexcept;

  const std::string& source() const { return source_; }
  /// False when std::regex (ECMAScript) cannot compile the pattern.
  bool compiles() const;
  /// Why the pattern does not compile (std::regex_error's text); empty when it compiles.
  std::string error() const;
  /// Capture groups of the expression; 0 when it does not compile.
  std::size_t mark_count() const;
  /// `std::regex_search`; nullopt when the pattern does not compile or the text is too long
  /// to match safely (libstdc++'s matcher recurses per character).
  std::optional<bool> search(std::string_view text) const;
  /// `std::regex_match` of the whole text; false when the pattern does not compile. When
  /// `groups` is given, a match fills it with the text of each capture group in order ("" for
  /// a group that did not take part).
  bool match(std::string_view text, std::vector<std::string>* groups = nullptr) const;

 private:
  // std::regex and std::once_flag are kept out of this header: <regex> and <mutex> bring
  // std::quoted into every rule's lookup.
  struct Compiled;
  const Compiled& compiled() const;
  std::string source_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace cfn_eks
