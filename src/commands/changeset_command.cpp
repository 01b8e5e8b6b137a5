// `cfn-eks changeset OLD NEW`: load both templates, compute the preview, write it.

#include <memory>
#include <sstream>

#include "cfn_eks/changeset.hpp"
#include "cfn_eks/commands.hpp"

namespace cfn_eks {

namespace {

// Loader findings that mean the text is not a template we can compare.
bool fatal(const Diagnostic& d) {
  return d.severity == Severity::Error &&
         (d.rule_id == load_rules::kSyntaxError || d.rule_id == load_rules::kInvalidEncoding ||
          d.rule_id == load_rules::kNestingTooDeep || d.rule_id == load_rules::kMultipleDocuments);
}

// Reads and loads one template; an error message `path:line:col: message` when it cannot.
std::optional<std::string> load(const std::string& path, Document& out) {
  std::string text;
  if (auto error = read_file(path, text)) return path + ": cannot read: " + *error;
  out = load_document(std::make_shared<SourceFile>(path, std::move(text)));
  for (const Diagnostic& d : out.diagnostics) {
    if (fatal(d) || out.root == nullptr) {
      return path + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ": " + d.message;
    }
  }
  if (out.root == nullptr) return path + ":1:1: not a template: the file is empty";
  if (!out.root->is_mapping()) {
    const Position at = out.source->position(out.root->range.begin);
    return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
           ": not a CloudFormation template: the top level is a " + std::string(kind_name(out.root->kind)) +
           ", not a mapping of sections";
  }
  return std::nullopt;
}

}  // namespace

int run_changeset(const ChangesetCommand& command, std::ostream& out, std::ostream& err) {
  Document before, after;
  bool failed = false;
  for (auto [path, document] : {std::pair{&command.before_path, &before}, std::pair{&command.after_path, &after}}) {
    if (auto error = load(*path, *document)) {
      err << "cfn-eks: " << *error << "\n";
      failed = true;
    }
  }
  if (failed) return kExitError;
  const ChangeSet changeset = compute_changeset(before, after, command.options);
  const std::string rendered = render_changeset(changeset, command.format);
  if (command.output_file) {
    if (auto error = write_file_atomically(*command.output_file, rendered)) {
      err << "cfn-eks: " << *error << "\n";
      return kExitError;
    }
    return kExitClean;
  }
  out << rendered;
  out.flush();
  return out ? kExitClean : kExitError;
}

}  // namespace cfn_eks
