#include "transform/migration/changeset_preview.hpp"

#include "cfn_eks/changeset.hpp"

namespace cfn_eks {

std::array<ChangesetPreview, 3> changeset_previews(const Document& input, const Document& phase1,
                                                    const Document& phase2, const Document& phase3) {
  const std::array<std::pair<const Document*, const Document*>, 3> steps = {
      std::pair{&input, &phase1}, std::pair{&phase1, &phase2}, std::pair{&phase2, &phase3}};
  std::array<ChangesetPreview, 3> out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const ChangeSet changes = compute_changeset(*steps[i].first, *steps[i].second);
    out[i].markdown = render_changeset(changes, ChangeSetFormat::Markdown);
    out[i].json = render_changeset(changes, ChangeSetFormat::Json);
  }
  return out;
}

}  // namespace cfn_eks
