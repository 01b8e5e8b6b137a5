#include "lint/suppressions.hpp"

#include <algorithm>
#include <optional>

#include "cfn_eks/linter.hpp"

namespace cfn_eks {

namespace {

class Collector {
 public:
  Collector(const Document& document, const Registry& registry, std::vector<Diagnostic>& problems)
      : document_(document), registry_(registry), problems_(problems) {}

  // `Metadata: {cfn-eks: {ignore: [T401, unused-parameter]}}`
  void from_metadata(const Node* metadata, bool whole_file, ByteRange scope) {
    if (metadata == nullptr || !metadata->is_mapping()) return;
    const Node* ours = metadata->get("cfn-eks");
    if (ours == nullptr) return;
    const Node* ignore = ours->is_mapping() ? ours->get("ignore") : nullptr;
    if (ignore == nullptr) {
      problems_.push_back(document_.make_diagnostic(engine_rules::kInvalidConfiguration, Severity::Error, ours->range,
                                                    "'cfn-eks' metadata must be a mapping with an 'ignore' list"));
      return;
    }
    std::vector<const Node*> names;
    if (ignore->is_string()) {
      names.push_back(ignore);
    } else if (ignore->is_sequence()) {
      names.assign(ignore->items.begin(), ignore->items.end());
    } else {
      problems_.push_back(document_.make_diagnostic(engine_rules::kInvalidConfiguration, Severity::Error, ignore->range,
                                                    "'ignore' must be a list of rule ids or names"));
      return;
    }
    for (const Node* name : names) {
      if (!name->is_scalar()) continue;
      add(name->text, name->range, whole_file, scope, 0);
    }
  }

  // Inline comments. A comment on a line of its own covers the next line; a trailing
  // comment covers its own line.
  void from_comments() {
    const SourceFile& source = *document_.source;
    const std::string& text = source.text();
    static constexpr std::string_view kMarker = "cfn-eks: ignore[";
    for (std::size_t at = text.find(kMarker); at != std::string::npos; at = text.find(kMarker, at + 1)) {
      const std::uint32_t line = source.position(static_cast<std::uint32_t>(at)).line;
      const std::string_view line_text = source.line_text(line);
      const std::size_t column = at - source.line_start(line);
      const std::size_t hash = line_text.rfind('#', column);
      // A YAML comment starts with '#' at the line start or after blank space.
      if (hash == std::string_view::npos || (hash > 0 && line_text[hash - 1] != ' ' && line_text[hash - 1] != '\t')) continue;
      if (line_text.substr(hash + 1, column - hash - 1).find_first_not_of(" \t") != std::string_view::npos) continue;
      // `# cfn-eks: ...` inside a quoted string or a block scalar (a UserData script) is text.
      if (inside_text_scalar(static_cast<std::uint32_t>(at))) continue;
      const std::size_t close = text.find(']', at);
      const std::size_t line_end = source.line_start(line) + line_text.size();
      if (close == std::string::npos || close > line_end) continue;
      const bool own_line = line_text.substr(0, hash).find_first_not_of(" \t") == std::string_view::npos;
      const std::uint32_t target = own_line ? line + 1 : line;
      std::size_t item = at + kMarker.size();
      while (item < close) {
        std::size_t comma = text.find(',', item);
        if (comma == std::string::npos || comma > close) comma = close;
        std::string_view id(text.data() + item, comma - item);
        const std::size_t lead = id.find_first_not_of(" \t");
        const std::size_t trail = id.find_last_not_of(" \t");
        if (lead != std::string_view::npos) {
          const auto begin = static_cast<std::uint32_t>(item + lead);
          add(std::string(id.substr(lead, trail - lead + 1)), ByteRange{begin, static_cast<std::uint32_t>(item + trail + 1)},
              false, {}, target);
        }
        item = comma + 1;
      }
    }
  }

  std::vector<Suppression> take() { return std::move(suppressions_); }

 private:
  // Ranges of quoted and block scalars (plain ones cannot hold " #"), collected on first use.
  bool inside_text_scalar(std::uint32_t offset) {
    if (!text_ranges_) {
      text_ranges_.emplace();
      std::vector<const Node*> stack;
      if (document_.root != nullptr) stack.push_back(document_.root);
      while (!stack.empty()) {
        const Node* node = stack.back();
        stack.pop_back();
        if (node == nullptr) continue;
        if (node->is_scalar() && node->style != ScalarStyle::Plain) text_ranges_->push_back(node->range);
        for (const Node* item : node->items) stack.push_back(item);
        for (const MapEntry& entry : node->entries) {
          if (entry.key_style != ScalarStyle::Plain) text_ranges_->push_back(entry.key_range);
          stack.push_back(entry.value);
        }
        stack.push_back(node->argument);
      }
    }
    return std::any_of(text_ranges_->begin(), text_ranges_->end(),
                       [&](ByteRange r) { return offset > r.begin && offset < r.end; });
  }

  void add(const std::string& name, ByteRange at, bool whole_file, ByteRange scope, std::uint32_t line) {
    const Rule* rule = registry_.find(name);
    if (rule == nullptr) {
      std::string message = "suppression names unknown rule '" + name + "'";
      if (const std::string_view hint = suggest_rule(registry_, name); !hint.empty()) {
        message += "; did you mean '" + std::string(hint) + "'?";
      }
      problems_.push_back(document_.make_diagnostic(engine_rules::kInvalidConfiguration, Severity::Error, at, message));
      return;
    }
    suppressions_.push_back(Suppression{std::string(rule->info().id), at, whole_file, scope, line, false});
  }

  const Document& document_;
  const Registry& registry_;
  std::vector<Diagnostic>& problems_;
  std::vector<Suppression> suppressions_;
  std::optional<std::vector<ByteRange>> text_ranges_;
};

bool covers(const Suppression& s, const Diagnostic& d) {
  if (s.rule_id != d.rule_id) return false;
  if (s.whole_file) return true;
  if (s.line != 0) return d.start.line == s.line;
  return d.range.begin >= s.scope.begin && d.range.begin < s.scope.end;
}

}  // namespace

std::vector<Suppression> collect_suppressions(const Document& document, const Template& tmpl,
                                              const Registry& registry, std::vector<Diagnostic>& problems) {
  Collector collector(document, registry, problems);
  collector.from_metadata(tmpl.section("Metadata"), true, {});
  for (const Resource& resource : tmpl.resources()) {
    if (resource.node == nullptr) continue;
    collector.from_metadata(resource.metadata, false, ByteRange{resource.entry->key_range.begin, resource.node->range.end});
  }
  if (document.format == SourceFormat::Yaml) collector.from_comments();
  return collector.take();
}

void apply_suppressions(std::vector<Diagnostic>& diagnostics, std::vector<Suppression>& suppressions) {
  if (suppressions.empty()) return;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    bool suppressed = false;
    for (Suppression& s : suppressions) {
      if (covers(s, d)) {
        s.used = true;
        suppressed = true;
      }
    }
    return suppressed;
  });
}

}  // namespace cfn_eks
