// Golden tests for the edit builders: fixtures/transform/<case>/ holds input.yaml (or
// input.json), edits.txt naming the edits, and expected.yaml (or .json). Every output is
// also re-loaded (no load findings), re-linted (no new errors), compared structurally with
// the intended change, checked for idempotence, for surviving comments, and — for
// insertions — for touching no byte of the input. UPDATE_FIXTURES=1 rewrites the goldens.
//
// edits.txt, one edit per line (`#` comments); PATH is `.` or keys and list indices
// joined by '/', with `@arg` stepping into an intrinsic's argument; VALUE is JSON (a
// one-key `{"Ref": ...}` object is an intrinsic, as in a JSON template):
//   insert-entry PATH KEY [after=KEY] VALUE      ensure-entry PATH KEY VALUE
//   set-entry PATH KEY VALUE                     insert-section SECTION KEY [after=KEY] VALUE
//   ensure-section SECTION KEY VALUE             replace PATH VALUE
//   delete-entry PATH KEY                        rename-key PATH KEY NEW_KEY
//   insert-item PATH [at=N] VALUE                ensure-item PATH VALUE
//   delete-item PATH N

#include <boost/test/execution_monitor.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cfn_eks/edits.hpp"
#include "cfn_eks/linter.hpp"
#include "cfn_eks/registry.hpp"
#include "support/paths.hpp"

namespace {

namespace fs = std::filesystem;
using cfn_eks::DocumentEditor;
using cfn_eks::EditList;
using cfn_eks::EditResult;
using cfn_eks::Fragment;
using cfn_eks::Node;
using cfn_eks::NodeKind;

bool updating() {
  const char* value = std::getenv("UPDATE_FIXTURES");
  return value != nullptr && std::string(value) == "1";
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> steps;
  if (path == ".") return steps;
  std::stringstream in(path);
  for (std::string step; std::getline(in, step, '/');) steps.push_back(step);
  return steps;
}

bool is_index(const std::string& step) {
  return !step.empty() && std::all_of(step.begin(), step.end(), [](char c) { return c >= '0' && c <= '9'; });
}

const Node* resolve(const Node* node, const std::vector<std::string>& steps) {
  for (const std::string& step : steps) {
    if (node == nullptr) return nullptr;
    if (step == "@arg" && node->kind == NodeKind::Intrinsic) {
      node = node->argument;
    } else if (node->kind == NodeKind::Sequence && is_index(step)) {
      const std::size_t i = std::stoul(step);
      node = i < node->items.size() ? node->items[i] : nullptr;
    } else {
      node = node->get(step);
    }
  }
  return node;
}

// The same change made on fragments: what the output must mean.
Fragment rebuild(const Fragment& at, const std::vector<std::string>& steps, std::size_t depth,
                 const std::function<Fragment(const Fragment&)>& change) {
  if (depth == steps.size()) return change(at);
  const std::string& step = steps[depth];
  if (at.kind() == Fragment::Kind::Intrinsic && step == "@arg") {
    return Fragment::intrinsic(at.text(), rebuild(at.argument(), steps, depth + 1, change));
  }
  if (at.kind() == Fragment::Kind::Sequence) {
    std::vector<Fragment> items = at.items();
    const std::size_t i = std::stoul(step);
    items.at(i) = rebuild(items.at(i), steps, depth + 1, change);
    return Fragment::sequence(std::move(items));
  }
  std::vector<cfn_eks::FragmentEntry> entries = at.entries();
  for (auto& entry : entries) {
    if (entry.key == step) entry.value = rebuild(entry.value, steps, depth + 1, change);
  }
  return Fragment::mapping(std::move(entries));
}

Fragment with_entry(const Fragment& mapping, const std::string& key, const Fragment& value) {
  std::vector<cfn_eks::FragmentEntry> entries = mapping.kind() == Fragment::Kind::Mapping ? mapping.entries()
                                                                                          : std::vector<cfn_eks::FragmentEntry>{};
  bool found = false;
  for (auto& entry : entries) {
    if (entry.key == key) {
      entry.value = value;
      found = true;
    }
  }
  if (!found) entries.push_back({key, value});
  return Fragment::mapping(std::move(entries));
}

struct Op {
  std::string name;
  std::vector<std::string> args;  // positional
  std::string after;
  std::optional<std::size_t> at;
  Fragment value;
  std::string line;
};

std::size_t positional_count(const std::string& name) {
  static const std::map<std::string, std::size_t> kCounts = {
      {"insert-entry", 2}, {"ensure-entry", 2}, {"set-entry", 2}, {"insert-section", 2}, {"ensure-section", 2},
      {"replace", 1},      {"delete-entry", 2}, {"rename-key", 3}, {"insert-item", 1},   {"ensure-item", 1},
      {"delete-item", 2}};
  const auto it = kCounts.find(name);
  return it == kCounts.end() ? 0 : it->second;
}

bool takes_value(const std::string& name) {
  return name != "delete-entry" && name != "rename-key" && name != "delete-item";
}

Fragment parse_value(const std::string& json) {
  cfn_eks::Document doc = cfn_eks::load_json(std::make_shared<cfn_eks::SourceFile>("value.json", json));
  BOOST_REQUIRE_MESSAGE(doc.root != nullptr && doc.diagnostics.empty(), "bad VALUE in edits.txt: " << json);
  return Fragment::from_node(*doc.root);
}

std::vector<Op> parse_ops(const std::string& text) {
  std::vector<Op> ops;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    Op op;
    op.line = line;
    std::istringstream words(line);
    words >> op.name;
    const std::size_t count = positional_count(op.name);
    BOOST_REQUIRE_MESSAGE(count > 0, "unknown edit in edits.txt: " << line);
    for (std::size_t i = 0; i < count; ++i) {
      std::string word;
      words >> word;
      op.args.push_back(word);
    }
    std::string rest;
    std::getline(words, rest);
    rest.erase(0, rest.find_first_not_of(' '));
    while (rest.rfind("after=", 0) == 0 || rest.rfind("at=", 0) == 0) {
      const std::size_t space = rest.find(' ');
      const std::string option = rest.substr(0, space);
      if (option.rfind("after=", 0) == 0) op.after = option.substr(6);
      if (option.rfind("at=", 0) == 0) op.at = std::stoul(option.substr(3));
      rest = space == std::string::npos ? "" : rest.substr(space + 1);
    }
    if (takes_value(op.name)) op.value = parse_value(rest);
    ops.push_back(std::move(op));
  }
  return ops;
}

EditResult<EditList> build(const DocumentEditor& editor, const Op& op) {
  const Node* root = editor.document().root;
  if (op.name == "insert-section") return editor.insert_section_entry(op.args[0], op.args[1], op.value, op.after);
  if (op.name == "ensure-section") return editor.ensure_section_entry(op.args[0], op.args[1], op.value, op.after);
  const Node* target = resolve(root, split_path(op.args[0]));
  if (target == nullptr) return EditResult<EditList>::failure("no node at " + op.args[0]);
  if (op.name == "insert-entry") return editor.insert_entry(*target, op.args[1], op.value, op.after);
  if (op.name == "ensure-entry") return editor.ensure_entry(*target, op.args[1], op.value, op.after);
  if (op.name == "set-entry") return editor.set_entry(*target, op.args[1], op.value, op.after);
  if (op.name == "replace") return editor.replace_value(*target, op.value);
  if (op.name == "delete-entry") return editor.delete_entry(*target, op.args[1]);
  if (op.name == "rename-key") return editor.rename_key(*target, op.args[1], op.args[2]);
  if (op.name == "insert-item") return editor.insert_item(*target, op.value, op.at);
  if (op.name == "ensure-item") return editor.ensure_item(*target, op.value);
  if (op.name == "delete-item") return editor.delete_item(*target, std::stoul(op.args[1]));
  return EditResult<EditList>::failure("unknown edit " + op.name);
}

// The edit that must find nothing left to do on the output; empty name when none applies.
std::optional<Op> idempotent_form(const Op& op) {
  Op again = op;
  if (op.name == "insert-entry") again.name = "ensure-entry";
  else if (op.name == "insert-section") again.name = "ensure-section";
  else if (op.name == "insert-item") again.name = "ensure-item";
  else if (op.name == "set-entry" || op.name == "ensure-entry" || op.name == "ensure-section" || op.name == "ensure-item") {}
  else if (op.name == "delete-entry") return std::nullopt;  // checked structurally: the key is gone
  else return std::nullopt;
  return again;
}

Fragment intended(const Fragment& input, const Op& op) {
  const std::vector<std::string> path = op.name.find("section") != std::string::npos ? std::vector<std::string>{}
                                                                                      : split_path(op.args[0]);
  if (op.name == "insert-section" || op.name == "ensure-section") {
    return rebuild(input, {}, 0, [&](const Fragment& root) {
      const Fragment* section = root.get(op.args[0]);
      Fragment updated = section != nullptr ? *section : Fragment::mapping();
      if (op.name == "ensure-section" && updated.get(op.args[1]) != nullptr) return root;
      return with_entry(root, op.args[0], with_entry(updated, op.args[1], op.value));
    });
  }
  return rebuild(input, path, 0, [&](const Fragment& at) -> Fragment {
    if (op.name == "insert-entry" || op.name == "set-entry") return with_entry(at, op.args[1], op.value);
    if (op.name == "ensure-entry") return at.get(op.args[1]) != nullptr ? at : with_entry(at, op.args[1], op.value);
    if (op.name == "replace") return op.value;
    if (op.name == "delete-entry" || op.name == "rename-key") {
      std::vector<cfn_eks::FragmentEntry> entries;
      for (const auto& entry : at.entries()) {
        if (entry.key != op.args[1]) entries.push_back(entry);
        else if (op.name == "rename-key") entries.push_back({op.args[2], entry.value});
      }
      return Fragment::mapping(std::move(entries));
    }
    std::vector<Fragment> items = at.kind() == Fragment::Kind::Sequence ? at.items() : std::vector<Fragment>{};
    if (op.name == "ensure-item" && std::find(items.begin(), items.end(), op.value) != items.end()) return at;
    if (op.name == "insert-item" || op.name == "ensure-item") {
      const std::size_t i = op.at && *op.at < items.size() ? *op.at : items.size();
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(i), op.value);
    }
    if (op.name == "delete-item") items.erase(items.begin() + static_cast<std::ptrdiff_t>(std::stoul(op.args[1])));
    return Fragment::sequence(std::move(items));
  });
}

bool is_insertion(const std::string& name) {
  return name == "insert-entry" || name == "ensure-entry" || name == "insert-section" || name == "ensure-section" ||
         name == "insert-item" || name == "ensure-item";
}

std::map<std::string, int> error_counts(const std::string& path, const std::string& text) {
  cfn_eks::LintOptions options;
  options.as_of = cfn_eks::Date{2026, 11, 28};
  options.use_config_files = false;
  const cfn_eks::FileReport report = cfn_eks::lint_source(std::make_shared<cfn_eks::SourceFile>(path, text),
                                                          cfn_eks::default_registry(), options, nullptr);
  std::map<std::string, int> counts;
  for (const auto& d : report.diagnostics) {
    if (d.severity == cfn_eks::Severity::Error) ++counts[d.rule_id];
  }
  return counts;
}

std::vector<std::string> comment_lines(const std::string& text, const EditList& edits) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t first = line.find_first_not_of(' ');
    const bool touched = std::any_of(edits.begin(), edits.end(), [&](const cfn_eks::Edit& e) {
      return e.range.begin < end && e.range.end > start && e.range.begin != e.range.end;
    });
    if (first != std::string::npos && line[first] == '#' && !touched) out.push_back(line);
    start = end + 1;
  }
  return out;
}

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

void run_case(const fs::path& dir) {
  const std::string name = dir.filename().string();
  const bool json = fs::exists(dir / "input.json");
  const std::string ext = json ? ".json" : ".yaml";
  const std::string input = cfn_eks::testing::read_text(dir / ("input" + ext));
  const std::vector<Op> ops = parse_ops(cfn_eks::testing::read_text(dir / "edits.txt"));
  BOOST_REQUIRE(!ops.empty());

  const cfn_eks::Document doc = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("input" + ext, input));
  BOOST_REQUIRE_MESSAGE(doc.root != nullptr && doc.diagnostics.empty(), name << ": input does not load cleanly");
  const DocumentEditor editor(doc);
  EditList edits;
  Fragment meaning = Fragment::from_node(*doc.root);
  for (const Op& op : ops) {
    const EditResult<EditList> result = build(editor, op);
    BOOST_REQUIRE_MESSAGE(result.ok(), name << ": " << op.line << ": " << result.error());
    if (is_insertion(op.name)) {
      const Node* target = op.name.find("section") == std::string::npos ? resolve(doc.root, split_path(op.args[0]))
                                                                        : doc.root->get(op.args[0]);
      const bool was_empty = target != nullptr && (target->kind == NodeKind::Null || (target->entries.empty() && target->items.empty()));
      for (const cfn_eks::Edit& edit : result.value()) {
        BOOST_TEST((was_empty || edit.range.begin == edit.range.end),
                   name << ": " << op.line << ": an insertion replaced input bytes " << edit.range.begin << ".." << edit.range.end);
      }
    }
    cfn_eks::append_edits(edits, result.value());
    meaning = intended(meaning, op);
  }
  const EditResult<std::string> applied = editor.apply(edits);
  BOOST_REQUIRE_MESSAGE(applied.ok(), name << ": " << applied.error());
  const std::string& output = applied.value();

  const fs::path golden = dir / ("expected" + ext);
  if (updating()) {
    write_file(golden, output);
  } else {
    BOOST_REQUIRE_MESSAGE(fs::exists(golden), name << ": missing expected" << ext << "; run with UPDATE_FIXTURES=1");
    const std::string expected = cfn_eks::testing::read_text(golden);
    BOOST_TEST(output == expected, name << ": output differs from expected" << ext << ":\n" << output);
  }

  // The output loads cleanly and means what the edits intended.
  const cfn_eks::Document reloaded = cfn_eks::load_document(std::make_shared<cfn_eks::SourceFile>("output" + ext, output));
  BOOST_REQUIRE_MESSAGE(reloaded.root != nullptr, name << ": output does not parse");
  for (const auto& d : reloaded.diagnostics) BOOST_ERROR(name << ": output load finding " << d.rule_id << " " << d.message);
  BOOST_TEST((Fragment::from_node(*reloaded.root) == meaning), name << ": output structure is not the intended change");
  BOOST_TEST((reloaded.format == doc.format), name << ": output changed format");

  // No new lint errors.
  const auto before = error_counts("input" + ext, input);
  for (const auto& [rule, count] : error_counts("output" + ext, output)) {
    const auto it = before.find(rule);
    BOOST_TEST(count <= (it == before.end() ? 0 : it->second), name << ": new " << rule << " error(s) in the output");
  }

  // Every comment line not inside an edited range survives.
  const std::vector<std::string> kept = comment_lines(output, {});
  for (const std::string& comment : comment_lines(input, edits)) {
    BOOST_TEST((std::find(kept.begin(), kept.end(), comment) != kept.end()), name << ": lost comment: " << comment);
  }

  // Line endings stay the file's.
  const bool crlf = input.find("\r\n") != std::string::npos;
  std::size_t lone = 0;
  for (std::size_t i = 0; i < output.size(); ++i) {
    if (output[i] == '\n' && (i == 0 || output[i - 1] != '\r')) ++lone;
  }
  if (crlf) BOOST_TEST(lone == 0u, name << ": LF line break in a CRLF file");
  BOOST_TEST((input.empty() || (input.back() == '\n') == (output.back() == '\n')), name << ": final newline changed");

  // Applying the change again finds nothing to do.
  const DocumentEditor again(reloaded);
  for (const Op& op : ops) {
    const std::optional<Op> second = idempotent_form(op);
    if (!second) continue;
    const EditResult<EditList> result = build(again, *second);
    BOOST_TEST(result.ok(), name << ": " << second->line << " on the output: " << result.error());
    BOOST_TEST(result.value().empty(), name << ": " << op.line << " is not idempotent");
  }
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  const fs::path root = cfn_eks::testing::fixtures_dir() / "transform";
  if (!fs::is_directory(root)) return out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "edits.txt")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(every_fixture_case) {
  const std::vector<fs::path> all = cases();
  BOOST_TEST(all.size() >= 10u);
  for (const fs::path& dir : all) {
    BOOST_TEST_CONTEXT("fixtures/transform/" << dir.filename().string()) {
      try {
        run_case(dir);
      } catch (const boost::execution_aborted&) {
        // Already reported; go on with the other cases.
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
