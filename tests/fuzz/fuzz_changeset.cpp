// libFuzzer harness: the change-set preview of two templates. The input is split at its first
// NUL byte into BEFORE and AFTER (a template cannot hold a NUL: T005); both are loaded, compared,
// and the preview rendered in every format.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/document.hpp"

namespace {

void check_position(const std::optional<cfn_eks::Position>& at) {
  if (at && (at->line < 1 || at->column < 1)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  const std::string_view before_text = input.substr(0, split);
  const std::string_view after_text = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
  // The byte after the split picks the formats' paths (.yaml or .json), as a user's files would.
  const bool json = size > 0 && (data[size - 1] & 1) != 0;
  const cfn_eks::Document before = cfn_eks::load_document(
      std::make_shared<cfn_eks::SourceFile>(json ? "before.json" : "before.yaml", std::string(before_text)));
  const cfn_eks::Document after = cfn_eks::load_document(
      std::make_shared<cfn_eks::SourceFile>(json ? "after.json" : "after.yaml", std::string(after_text)));
  const cfn_eks::ChangeSet changes = cfn_eks::compute_changeset(before, after);
  for (const cfn_eks::ResourceChange& r : changes.resources) {
    check_position(r.before_at);
    check_position(r.after_at);
    for (const cfn_eks::PropertyChange& c : r.changes) {
      check_position(c.before_at);
      check_position(c.after_at);
    }
  }
  for (const cfn_eks::Hazard& h : changes.hazards) {
    check_position(h.at);
    if (h.message.empty()) std::abort();
  }
  for (auto format : {cfn_eks::ChangeSetFormat::Text, cfn_eks::ChangeSetFormat::Json, cfn_eks::ChangeSetFormat::Markdown}) {
    (void)cfn_eks::render_changeset(changes, format);
  }
  return 0;
}
