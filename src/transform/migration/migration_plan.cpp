#include "transform/migration/migration_plan.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cctype>

namespace cfn_eks {
namespace {

// A word for a shell command line: bare when it is plainly safe, else double-quoted.
std::string shell_word(std::string_view word) {
  const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' ||
           c == '=' || c == ',' || c == '+' || c == '@';
  });
  if (safe) return std::string(word);
  std::string out = "'";
  for (const char c : word) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string changeset_options(int number) {
  return " --stack-name \"$STACK\" --change-set-name " + phase_changeset_name(number);
}

// A fenced code block that no backtick run inside `text` can close.
std::string fenced(std::string_view text, std::string_view language) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  std::string out = fence + std::string(language) + "\n" + std::string(text);
  if (!text.empty() && text.back() != '\n') out += "\n";
  return out + fence + "\n";
}

void bullet_list(std::string& out, const std::vector<std::string>& items, std::string_view empty) {
  if (items.empty()) {
    out += std::string(empty) + "\n";
    return;
  }
  for (const auto& item : items) out += "- " + item + "\n";
}

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view key, std::string_view value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_strings(Writer& w, std::string_view key, const std::vector<std::string>& values) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  w.StartArray();
  for (const auto& v : values) w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  w.EndArray();
}

}  // namespace

std::string phase_changeset_name(int number) { return "cfn-eks-phase-" + std::to_string(number); }

void fill_standard_commands(MigrationPlan& plan) {
  std::vector<std::string> capabilities = plan.capabilities;
  if (capabilities.empty()) capabilities = {"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"};
  std::string capabilities_option = " --capabilities";
  for (const auto& c : capabilities) capabilities_option += " " + shell_word(c);
  bool needs_s3 = false;
  for (auto& phase : plan.phases) {
    std::string parameters;
    for (const auto& p : plan.parameters) {
      const auto pinned = std::find_if(plan.pinned_parameters.begin(), plan.pinned_parameters.end(),
                                       [&](const auto& kv) { return kv.first == p; });
      // The deployed value, as the Rules entry asserts: the same stack gets the same node group.
      parameters += " " + shell_word("ParameterKey=" + p + (pinned != plan.pinned_parameters.end()
                                                                ? ",ParameterValue=" + pinned->second
                                                                : std::string(",UsePreviousValue=true")));
    }
    for (const auto& p : plan.new_parameters) {
      // Double quotes: the shell expands the variable the plan asks to set (names are logical ids).
      parameters += phase.number == 1 ? " \"ParameterKey=" + p.name + ",ParameterValue=$" + p.variable + "\""
                                      : " " + shell_word("ParameterKey=" + p.name + ",UsePreviousValue=true");
    }
    const std::string tail = capabilities_option + (parameters.empty() ? "" : " --parameters" + parameters);
    auto& c = phase.commands;
    c.clear();
    const std::string name = changeset_options(phase.number);
    std::string source;
    if (phase.template_bytes > kMaxTemplateBodyBytes) {
      needs_s3 = true;
      c.push_back("# " + phase.template_file + " is " + std::to_string(phase.template_bytes) +
                  " bytes, over the " + std::to_string(kMaxTemplateBodyBytes) +
                  "-byte limit for a template sent inline: upload it to an S3 bucket in the stack's region");
      c.push_back("aws s3 cp " + shell_word(phase.template_file) + " \"s3://$BUCKET/cfn-eks/\"" +
                  shell_word(phase.template_file));
      source = " --template-url \"https://$BUCKET.s3.$REGION.amazonaws.com/cfn-eks/\"" + shell_word(phase.template_file);
    } else {
      source = " --template-body " + shell_word("file://" + phase.template_file);
    }
    c.push_back("aws cloudformation create-change-set" + name + source + tail);
    c.push_back("aws cloudformation wait change-set-create-complete" + name);
    c.push_back("aws cloudformation describe-change-set" + name);
    if (phase.run_drain_script) {
      c.push_back("# drain the old nodes BEFORE executing: scaling the group to zero does not drain them");
      c.push_back("bash " + shell_word(plan.drain_script_file) + " --stack \"$STACK\"");
    }
    c.push_back("aws cloudformation execute-change-set" + name);
    c.push_back("aws cloudformation wait stack-update-complete --stack-name \"$STACK\"");
  }
  const std::string s3_note =
      "a phase template is larger than 51,200 bytes: its commands upload it to S3 (set BUCKET to a bucket in the "
      "stack's region and REGION to that region) and pass --template-url";
  if (needs_s3 && std::find(plan.notes.begin(), plan.notes.end(), s3_note) == plan.notes.end()) {
    plan.notes.push_back(s3_note);
  }
}

std::string render_plan_markdown(const MigrationPlan& plan) {
  std::string out = "# Migration plan: '" + plan.old_group + "' to the managed node group '" + plan.new_nodegroup + "'\n\n";
  out += "- Input: `" + plan.input_file + "`\n";
  out += "- Cluster: " + (plan.cluster.empty() ? std::string("(not known)") : plan.cluster) + "\n";
  out += "- Phases: " + std::to_string(plan.phases.size()) + ", each one change set on the same stack\n";
  std::vector<std::string> kept;
  for (const std::string& p : plan.parameters) {
    if (std::none_of(plan.pinned_parameters.begin(), plan.pinned_parameters.end(),
                     [&](const auto& kv) { return kv.first == p; })) {
      kept.push_back(p);
    }
  }
  if (!kept.empty()) {
    out += "- Parameters kept with UsePreviousValue: ";
    for (std::size_t i = 0; i < kept.size(); ++i) out += (i ? ", `" : "`") + kept[i] + "`";
    out += "\n";
  }
  if (!plan.pinned_parameters.empty()) {
    out += "- Parameters pinned to the deployed stack's values (--parameter), passed with ParameterValue in every "
           "change set: ";
    for (std::size_t i = 0; i < plan.pinned_parameters.size(); ++i) {
      out += (i ? ", `" : "`") + plan.pinned_parameters[i].first + "=" + plan.pinned_parameters[i].second + "`";
    }
    out += "\n- The managed node group was converted for those values only: the Rules entry `" + plan.pinning_rule +
           "` (from phase 1 on) makes a stack update with other values fail at change-set creation\n";
  }
  out += "\nSet `STACK` to the stack's name first (`export STACK=my-stack`); the commands use it.\n";
  for (const auto& p : plan.new_parameters) {
    out += "Set `" + p.variable + "` too (`export " + p.variable + "=...`): " + p.description + ". Phase 1 adds " +
           "parameter `" + p.name + "` and its change set passes it; the later phases keep it with UsePreviousValue.\n";
  }
  if (!plan.warnings.empty()) {
    out += "\n## Warnings\n\n";
    bullet_list(out, plan.warnings, "");
  }
  if (!plan.notes.empty()) {
    out += "\n## Notes\n\n";
    bullet_list(out, plan.notes, "");
  }
  for (const auto& phase : plan.phases) {
    out += "\n## Phase " + std::to_string(phase.number) + ": " + phase.title + "\n\n";
    out += "Template: `" + phase.template_file + "`";
    if (phase.template_bytes > 0) out += " (" + std::to_string(phase.template_bytes) + " bytes)";
    out += "\n\n";
    if (!phase.summary.empty()) out += phase.summary + "\n\n";
    out += "### Check before\n\n";
    bullet_list(out, phase.checks_before, "Nothing beyond the previous phase's checks.");
    out += "\n### Change set preview\n\n";
    out += phase.changeset_markdown.empty() ? std::string("(no preview)\n") : phase.changeset_markdown;
    if (!out.empty() && out.back() != '\n') out += "\n";
    out += "\n### Commands\n\n";
    std::string commands;
    for (const auto& c : phase.commands) commands += c + "\n";
    out += fenced(commands, "sh");
    out += "\n### Check after\n\n";
    bullet_list(out, phase.checks_after, "Nothing to check.");
    out += "\n### Roll back\n\n";
    bullet_list(out, phase.rollback, "Nothing to roll back.");
  }
  return out;
}

std::string render_plan_json(const MigrationPlan& plan) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("format_version");
  w.Int(1);
  write_string(w, "input_file", plan.input_file);
  write_string(w, "old_group", plan.old_group);
  write_string(w, "new_nodegroup", plan.new_nodegroup);
  write_string(w, "cluster", plan.cluster);
  write_strings(w, "parameters", plan.parameters);
  if (!plan.new_parameters.empty()) {  // only then: plans without one keep their shape
    w.Key("new_parameters");
    w.StartArray();
    for (const auto& p : plan.new_parameters) {
      w.StartObject();
      write_string(w, "name", p.name);
      write_string(w, "variable", p.variable);
      write_string(w, "description", p.description);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!plan.pinned_parameters.empty()) {  // only with --parameter: other plans keep their shape
    w.Key("pinned_parameters");
    w.StartArray();
    for (const auto& [name, value] : plan.pinned_parameters) {
      w.StartObject();
      write_string(w, "name", name);
      write_string(w, "value", value);
      w.EndObject();
    }
    w.EndArray();
    write_string(w, "pinning_rule", plan.pinning_rule);
  }
  write_strings(w, "capabilities", plan.capabilities);
  write_string(w, "drain_script", plan.drain_script_file);
  write_strings(w, "warnings", plan.warnings);
  write_strings(w, "notes", plan.notes);
  w.Key("phases");
  w.StartArray();
  for (const auto& phase : plan.phases) {
    w.StartObject();
    w.Key("number");
    w.Int(phase.number);
    write_string(w, "title", phase.title);
    write_string(w, "template_file", phase.template_file);
    w.Key("template_bytes");
    w.Uint64(phase.template_bytes);
    write_string(w, "summary", phase.summary);
    w.Key("runs_drain_script");
    w.Bool(phase.run_drain_script);
    write_strings(w, "checks_before", phase.checks_before);
    // The preview: markdown as text; the JSON preview embedded as JSON when it parses, else
    // kept as text under "json_text" (never dropped).
    w.Key("changeset_preview");
    w.StartObject();
    write_string(w, "markdown", phase.changeset_markdown);
    w.Key("json");
    rapidjson::Document preview;
    if (!phase.changeset_json.empty() && !preview.Parse(phase.changeset_json.c_str()).HasParseError()) {
      preview.Accept(w);
    } else {
      w.Null();
      if (!phase.changeset_json.empty()) write_string(w, "json_text", phase.changeset_json);
    }
    w.EndObject();
    write_strings(w, "commands", phase.commands);
    write_strings(w, "checks_after", phase.checks_after);
    write_strings(w, "rollback", phase.rollback);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace cfn_eks
