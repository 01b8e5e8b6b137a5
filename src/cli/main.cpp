// cfn-eks command line: parses flags into option structs and calls the library.

#include <unistd.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cfn_eks/commands.hpp"

namespace po = boost::program_options;
using namespace cfn_eks;

namespace {

constexpr const char* kUsage =
    "usage: cfn-eks <command> [options]\n"
    "\n"
    "commands:\n"
    "  lint PATH...      lint templates (files, directories, or - for stdin)\n"
    "  rules             list every rule\n"
    "  explain ID        show a rule's documentation\n"
    "  migrate TEMPLATE  self-managed node group -> managed node group, in three phase templates\n"
    "  changeset OLD NEW preview a stack update from template OLD to NEW (offline change set)\n"
    "\n"
    "  cfn-eks <command> --help   options of a command\n"
    "  cfn-eks --version\n";

// A user's mistake: one clear line on stderr and exit 2.
int usage_error(const std::string& message) {
  std::cerr << "cfn-eks: " << message << "\n";
  return kExitError;
}

std::set<std::string> split_ids(const std::vector<std::string>& values) {
  std::set<std::string> out;
  for (const std::string& value : values) {
    std::stringstream stream(value);
    for (std::string id; std::getline(stream, id, ',');) {
      if (!id.empty()) out.insert(id);
    }
  }
  return out;
}

// Checks ids given on the command line, so a typo is not silently ignored.
std::optional<std::string> unknown_rule(const std::set<std::string>& ids) {
  for (const std::string& id : ids) {
    if (default_registry().find(id) != nullptr) continue;
    std::string message = "unknown rule '" + id + "'";
    if (auto hint = suggest_rule(default_registry(), id); !hint.empty()) message += "; did you mean '" + std::string(hint) + "'?";
    return message;
  }
  return std::nullopt;
}

// Parses `args`: the options in `visible`, every other argument into `paths`. Returns
// Boost's message when the command line is malformed.
std::optional<std::string> parse_options(const std::vector<std::string>& args, const po::options_description& visible,
                                         std::vector<std::string>& paths, po::variables_map& vm) {
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

// --registry-schemas and --data-dir (lint and changeset): loads what was given, leaves the
// built-in knowledge (null) otherwise. Returns the message of a directory that does not load.
std::optional<std::string> load_knowledge(const std::string& registry_schemas, const std::string& data_dir,
                                          std::shared_ptr<const ResourceSchemas>& schemas,
                                          std::shared_ptr<const EksKnowledge>& eks) {
  if (!registry_schemas.empty()) {
    SchemaLoadResult loaded = ResourceSchemas::with_registry_directory(registry_schemas);
    if (loaded.error) return "--registry-schemas: " + loaded.error->describe();
    schemas = std::move(loaded.schemas);
  }
  if (!data_dir.empty()) {
    auto loaded = load_eks_knowledge(data_dir);
    if (!loaded) return "--data-dir: " + loaded.error().to_string();
    eks = loaded.value();
  }
  return std::nullopt;
}

int lint_main(const std::vector<std::string>& args) {
  po::options_description visible("cfn-eks lint [options] PATH...\n\noptions");
  std::string format = "text";
  std::string as_of;
  std::vector<std::string> only;
  std::vector<std::string> ignore;
  std::vector<std::string> severities;
  std::vector<std::string> rule_options;
  std::string fail_on;
  std::string config;
  std::string output;
  std::string color = "auto";
  std::string stdin_name = "-";
  std::string registry_schemas;
  std::string data_dir;
  std::string cluster_version;
  unsigned jobs = 0;
  visible.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format), "output format: text, json, sarif, github, junit (default text)")
      ("output,o", po::value(&output), "write the report to FILE (atomically) instead of stdout")
      ("as-of", po::value(&as_of), "the date time-dependent rules treat as today, YYYY-MM-DD (default: today)")
      ("only", po::value(&only)->composing(), "run only these rules (ids or names, comma-separated; repeatable)")
      ("ignore", po::value(&ignore)->composing(), "skip these rules (ids or names, comma-separated; repeatable)")
      ("severity", po::value(&severities)->composing(), "override a severity: ID=error|warning|info (repeatable)")
      ("rule-option", po::value(&rule_options)->composing(), "set a rule option: ID.NAME=VALUE (repeatable)")
      ("fail-on", po::value(&fail_on), "lowest severity that makes the exit status 1: error, warning, info, never (default warning)")
      ("config", po::value(&config), "use this config file instead of searching for .cfn-eks.yaml")
      ("no-config", "do not read any .cfn-eks.yaml")
      ("show-source", "text: print the source line and a caret under each finding (default when stdout is a terminal)")
      ("no-source", "text: never print source lines")
      ("color", po::value(&color), "text: auto, always or never (default auto)")
      ("stdin-filename", po::value(&stdin_name), "the path to show for a template read from stdin")
      ("registry-schemas", po::value(&registry_schemas),
       "also validate against the official CloudFormation registry schemas in DIR (one JSON file per type); ours win for the types we ship")
      ("data-dir", po::value(&data_dir),
       "use newer EKS data: DIR/eks/NAME.json replaces the built-in schemas/eks/NAME.json")
      ("cluster-version", po::value(&cluster_version),
       "Kubernetes version X.Y of clusters the template does not define (node groups and add-ons of a cluster in another stack)")
      ("jobs,j", po::value(&jobs), "files linted in parallel (default: all cores)")
      ("fix", "apply the findings' safe quick fixes to the files IN PLACE (atomically), then report what remains")
      ("fix-dry-run", "print the quick fixes as a unified diff instead of the report; nothing is written")
      ("diff", "the same as --fix-dry-run");
  std::vector<std::string> paths;
  po::variables_map vm;
  if (auto error = parse_options(args, visible, paths, vm)) return usage_error(*error + " (see cfn-eks lint --help)");
  if (vm.count("help")) {
    std::cout << visible << "\nexit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error\n";
    return kExitClean;
  }
  if (paths.empty()) return usage_error("lint needs at least one PATH (a file, a directory, or - for stdin)");

  LintCommand command;
  command.paths = paths;
  command.stdin_name = stdin_name;
  command.jobs = jobs;
  const auto parsed_format = parse_output_format(format);
  if (!parsed_format) return usage_error("unknown format '" + format + "'; use text, json, sarif, github or junit");
  command.format = *parsed_format;
  if (!as_of.empty()) {
    const auto date = parse_date(as_of);
    if (!date) return usage_error("--as-of needs a date as YYYY-MM-DD, not '" + as_of + "'");
    command.lint.as_of = *date;
  }
  command.lint.only = split_ids(only);
  command.lint.ignore = split_ids(ignore);
  if (auto problem = unknown_rule(command.lint.only)) return usage_error(*problem);
  if (auto problem = unknown_rule(command.lint.ignore)) return usage_error(*problem);
  for (const std::string& item : severities) {
    const auto eq = item.find('=');
    const auto level = eq == std::string::npos ? std::nullopt : parse_severity(item.substr(eq + 1));
    if (!level) return usage_error("--severity needs ID=error|warning|info, not '" + item + "'");
    const std::string id = item.substr(0, eq);
    if (auto problem = unknown_rule({id})) return usage_error(*problem);
    command.lint.severity[std::string(default_registry().find(id)->info().id)] = *level;
  }
  std::map<std::string, std::map<std::string, std::string>> option_values;
  for (const std::string& item : rule_options) {
    const auto dot = item.find('.');
    const auto eq = item.find('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq) {
      return usage_error("--rule-option needs ID.NAME=VALUE, not '" + item + "'");
    }
    const std::string id = item.substr(0, dot);
    if (auto problem = unknown_rule({id})) return usage_error(*problem);
    option_values[std::string(default_registry().find(id)->info().id)][item.substr(dot + 1, eq - dot - 1)] = item.substr(eq + 1);
  }
  for (auto& [id, values] : option_values) command.lint.options[id] = RuleOptions(std::move(values));
  if (!fail_on.empty()) {
    if (fail_on == "never") {
      command.fail_never = true;
    } else if (auto level = parse_severity(fail_on)) {
      command.fail_on = *level;
    } else {
      return usage_error("--fail-on needs error, warning, info or never, not '" + fail_on + "'");
    }
  }
  if (auto error = load_knowledge(registry_schemas, data_dir, command.lint.schemas, command.lint.eks)) {
    return usage_error(*error);
  }
  if (!cluster_version.empty()) {
    if (!parse_kube_version(cluster_version)) {
      return usage_error("--cluster-version needs a Kubernetes version such as 1.34, not '" + cluster_version + "'");
    }
    command.lint.cluster_version = cluster_version;
  }
  if (!config.empty()) command.lint.config_file = config;
  if (vm.count("no-config")) command.lint.use_config_files = false;
  if (!output.empty()) command.output_file = output;
  const bool dry_run = vm.count("fix-dry-run") > 0 || vm.count("diff") > 0;
  if (dry_run && vm.count("fix")) return usage_error("--fix writes the files and --fix-dry-run only prints the diff; choose one");
  if (vm.count("fix")) command.fix = FixMode::Apply;
  if (dry_run) command.fix = FixMode::DryRun;
  const bool terminal = !command.output_file && isatty(STDOUT_FILENO) != 0;
  command.format_options.show_source = vm.count("show-source") > 0 || (terminal && vm.count("no-source") == 0);
  if (color != "auto" && color != "always" && color != "never") return usage_error("--color needs auto, always or never");
  command.format_options.color = color == "always" || (color == "auto" && terminal);
  return run_lint(command, std::cin, std::cout, std::cerr);
}

int explain_main(const std::vector<std::string>& args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "usage: cfn-eks explain ID\n\nshows the documentation of a rule (id or name)\n";
    return kExitClean;
  }
  if (args.size() != 1) return usage_error("explain needs exactly one rule id or name (see cfn-eks rules)");
  return run_explain(args[0], std::cout, std::cerr);
}

int rules_main(const std::vector<std::string>& args) {
  bool json = false;
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << "usage: cfn-eks rules [--format text|json]\n\nlists every rule: id, default severity, name, summary\n";
      return kExitClean;
    }
  }
  if (args.size() == 2 && args[0] == "--format" && (args[1] == "json" || args[1] == "text")) {
    json = args[1] == "json";
  } else if (!args.empty()) {
    return usage_error("rules takes only --format text|json");
  }
  return run_rules(json, std::cout);
}

int changeset_main(const std::vector<std::string>& args) {
  po::options_description visible("cfn-eks changeset [options] OLD NEW\n\noptions");
  std::string format = "text";
  std::string output;
  std::string registry_schemas;
  std::string data_dir;
  visible.add_options()
      ("help,h", "show this help")
      ("format,f", po::value(&format), "output format: text, json, markdown (default text)")
      ("output,o", po::value(&output), "write the preview to FILE (atomically) instead of stdout")
      ("registry-schemas", po::value(&registry_schemas),
       "also use the official CloudFormation registry schemas in DIR for create-only paths; ours win for the types we ship")
      ("data-dir", po::value(&data_dir),
       "use newer EKS data: DIR/eks/NAME.json replaces the built-in schemas/eks/NAME.json");
  std::vector<std::string> paths;
  po::variables_map vm;
  if (auto error = parse_options(args, visible, paths, vm)) return usage_error(*error + " (see cfn-eks changeset --help)");
  if (vm.count("help")) {
    std::cout << visible
              << "\nOLD is the template the stack runs now, NEW the one of the update. Nothing is sent to AWS."
                 "\nexit status: 0 the preview was computed (with or without hazards), 2 usage error, unreadable file or not a template\n";
    return kExitClean;
  }
  if (paths.size() != 2) return usage_error("changeset needs two templates: OLD NEW (see cfn-eks changeset --help)");
  ChangesetCommand command;
  command.before_path = paths[0];
  command.after_path = paths[1];
  const auto parsed_format = parse_changeset_format(format);
  if (!parsed_format) return usage_error("unknown format '" + format + "'; use text, json or markdown");
  command.format = *parsed_format;
  if (!output.empty()) command.output_file = output;
  if (auto error = load_knowledge(registry_schemas, data_dir, command.options.schemas, command.options.eks)) {
    return usage_error(*error);
  }
  return run_changeset(command, std::cout, std::cerr);
}

int migrate_main(const std::vector<std::string>& args) {
  po::options_description visible("cfn-eks migrate [options] TEMPLATE\n\noptions");
  std::string nodegroup;
  std::string out_dir;
  std::string name;
  std::vector<std::string> parameters;
  visible.add_options()
      ("help,h", "show this help")
      ("parameter", po::value(&parameters)->composing(), "KEY=VALUE: the deployed stack's value of parameter KEY (repeatable); "
                                                          "conditions it decides choose the branch that is converted, and the phases assert it in Rules")
      ("nodegroup", po::value(&nodegroup), "logical id of the self-managed node group's Auto Scaling group (needed when there are several)")
      ("out", po::value(&out_dir), "directory to write into (default: <template name>-migration)")
      ("name", po::value(&name), "logical id of the new AWS::EKS::Nodegroup (default: <group>Managed)")
      ("force", "write into a non-empty --out directory, replacing files of the same names");
  std::vector<std::string> paths;
  po::variables_map vm;
  if (auto error = parse_options(args, visible, paths, vm)) return usage_error(*error + " (see cfn-eks migrate --help)");
  if (vm.count("help")) {
    std::cout << visible
              << "\nwrites phase-1-, phase-2-, phase-3-<template>, drain.sh, plan.md and plan.json; the template itself is never changed"
                 "\nexit status: 0 written (or nothing to do), 1 the template cannot be migrated (reason on stderr, nothing written),"
                 "\n2 usage error, unreadable template, output directory not empty (without --force) or not writable\n";
    return kExitClean;
  }
  if (paths.size() != 1) return usage_error("migrate needs exactly one TEMPLATE (see cfn-eks migrate --help)");
  MigrateCommand command;
  command.path = paths[0];
  if (!nodegroup.empty()) command.nodegroup = nodegroup;
  if (!out_dir.empty()) command.out_dir = out_dir;
  if (!name.empty()) command.new_name = name;
  command.force = vm.count("force") > 0;
  for (const std::string& p : parameters) {
    const auto equals = p.find('=');
    if (equals == std::string::npos || equals == 0) {
      return usage_error("--parameter '" + p + "' is not KEY=VALUE (see cfn-eks migrate --help)");
    }
    command.parameters.emplace_back(p.substr(0, equals), p.substr(equals + 1));
  }
  return run_migrate(command, std::cout, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (cfn-eks lint | head) must end quietly, not with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitError;
  }
  const std::string command = args.front();
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--version" || command == "-V") {
    std::cout << "cfn-eks " << tool_version() << "\n";
    return kExitClean;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitClean;
  }
  if (command == "lint") return lint_main(rest);
  if (command == "rules") return rules_main(rest);
  if (command == "explain") return explain_main(rest);
  if (command == "migrate") return migrate_main(rest);
  if (command == "changeset") return changeset_main(rest);
  return usage_error("unknown command '" + command + "'; use lint, rules, explain, changeset or migrate (cfn-eks --help)");
}
