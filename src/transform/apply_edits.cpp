// Applying byte-range edits: one pass over the text after a stable sort, so insertions at
// the same offset keep the order the builders gave them.

#include <algorithm>
#include <string>

#include "cfn_eks/edits.hpp"

namespace cfn_eks {

EditResult<std::string> apply_edits(std::string_view text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.range.end < b.range.end;
  });
  std::size_t growth = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const ByteRange range = edits[i].range;
    if (range.begin > range.end || range.end > text.size()) {
      return EditResult<std::string>::failure("edit " + std::to_string(range.begin) + ".." + std::to_string(range.end) +
                                              " lies outside the text (" + std::to_string(text.size()) + " bytes)");
    }
    if (i > 0 && range.begin < edits[i - 1].range.end) {
      const ByteRange previous = edits[i - 1].range;
      return EditResult<std::string>::failure("edits overlap: " + std::to_string(previous.begin) + ".." +
                                              std::to_string(previous.end) + " and " + std::to_string(range.begin) +
                                              ".." + std::to_string(range.end));
    }
    growth += edits[i].replacement.size();
  }
  std::string out;
  out.reserve(text.size() + growth);
  std::size_t at = 0;
  for (const Edit& edit : edits) {
    out.append(text.substr(at, edit.range.begin - at));
    out += edit.replacement;
    at = edit.range.end;
  }
  out.append(text.substr(at));
  return EditResult<std::string>::success(std::move(out));
}

std::string apply_edits(std::string_view text, std::vector<Edit> edits, std::string* error) {
  EditResult<std::string> result = apply_edits(text, std::move(edits));
  if (error != nullptr) *error = result.error();
  return std::move(result).value();
}

void append_edits(EditList& edits, const EditList& more) { edits.insert(edits.end(), more.begin(), more.end()); }

}  // namespace cfn_eks
