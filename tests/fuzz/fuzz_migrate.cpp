// libFuzzer harness: the self-managed → managed node group migration of one template. Beyond
// "no crash": when the input loads cleanly and is migrated, every phase template written must
// load again without a syntax error (the edits keep the user's file valid).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "cfn_eks/migrate.hpp"

namespace {

bool has_syntax_error(const cfn_eks::Document& document) {
  if (document.root == nullptr) return true;
  for (const cfn_eks::Diagnostic& d : document.diagnostics) {
    if (d.rule_id == cfn_eks::load_rules::kSyntaxError || d.rule_id == cfn_eks::load_rules::kInvalidEncoding) return true;
  }
  return false;
}

bool is_template_name(const std::string& name) {
  for (const char* ext : {".yaml", ".yml", ".json", ".template"}) {
    const std::string e(ext);
    if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bool json = size > 0 && (data[0] & 1) != 0;
  const std::string name = json ? "stack.json" : "stack.yaml";
  const cfn_eks::Document document = cfn_eks::load_document(
      std::make_shared<cfn_eks::SourceFile>(name, std::string(reinterpret_cast<const char*>(data), size)));
  cfn_eks::MigrationOptions options;
  options.input_name = name;
  const cfn_eks::MigrationResult result = cfn_eks::migrate_node_group(document, options);
  if (result.message.empty()) std::abort();
  if (result.outcome != cfn_eks::MigrationOutcome::Migrated || has_syntax_error(document)) return 0;
  for (const cfn_eks::MigrationFile& file : result.files) {
    if (!is_template_name(file.name)) continue;
    const cfn_eks::Document phase =
        cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>(file.name, file.content));
    if (has_syntax_error(phase)) {
      std::fprintf(stderr, "migrate wrote a template that does not load: %s\n", file.name.c_str());
      std::abort();
    }
  }
  return 0;
}
