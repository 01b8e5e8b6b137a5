#include <boost/test/unit_test.hpp>

#include <rapidjson/document.h>

#include <string>

#include "transform/migration/migration_plan.hpp"

namespace {

using cfn_eks::MigrationPlan;
using cfn_eks::PlanPhase;

MigrationPlan sample() {
  MigrationPlan plan;
  plan.input_file = "cluster.yaml";
  plan.old_group = "NodeGroup";
  plan.new_nodegroup = "ManagedNodeGroup";
  plan.cluster = "parameter 'ClusterName'";
  plan.parameters = {"ClusterName", "KeyName"};
  const char* titles[] = {"add the managed node group", "drain and scale the old group to zero",
                          "remove the old group"};
  for (int n = 1; n <= 3; ++n) {
    PlanPhase phase;
    phase.number = n;
    phase.title = titles[n - 1];
    phase.template_file = "phase-" + std::to_string(n) + ".yaml";
    phase.template_bytes = 1000;
    phase.summary = "summary " + std::to_string(n);
    phase.changeset_markdown = "| Add | ManagedNodeGroup |\n";
    phase.changeset_json = "{\"changes\":[{\"action\":\"Add\",\"logical_id\":\"ManagedNodeGroup\"}]}";
    phase.checks_before = {"before " + std::to_string(n)};
    phase.checks_after = {"after " + std::to_string(n)};
    phase.rollback = {"rollback " + std::to_string(n)};
    phase.run_drain_script = n == 2;
    plan.phases.push_back(phase);
  }
  plan.notes = {"a note"};
  plan.warnings = {"a warning"};
  return plan;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_plan)

BOOST_AUTO_TEST_CASE(standard_commands_in_order) {
  auto plan = sample();
  cfn_eks::fill_standard_commands(plan);
  const auto& c = plan.phases[0].commands;
  BOOST_REQUIRE_EQUAL(c.size(), 5U);
  BOOST_TEST(c[0] ==
             "aws cloudformation create-change-set --stack-name \"$STACK\" --change-set-name cfn-eks-phase-1 "
             "--template-body file://phase-1.yaml --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM "
             "--parameters ParameterKey=ClusterName,UsePreviousValue=true ParameterKey=KeyName,UsePreviousValue=true");
  BOOST_TEST(c[1] == "aws cloudformation wait change-set-create-complete --stack-name \"$STACK\" --change-set-name cfn-eks-phase-1");
  BOOST_TEST(c[2] == "aws cloudformation describe-change-set --stack-name \"$STACK\" --change-set-name cfn-eks-phase-1");
  BOOST_TEST(c[3] == "aws cloudformation execute-change-set --stack-name \"$STACK\" --change-set-name cfn-eks-phase-1");
  BOOST_TEST(c[4] == "aws cloudformation wait stack-update-complete --stack-name \"$STACK\"");
  // Phase 2 drains between describing and executing its change set.
  const auto& d = plan.phases[1].commands;
  std::size_t drain = d.size(), execute = d.size(), describe = d.size();
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d[i] == "bash drain.sh --stack \"$STACK\"") drain = i;
    if (contains(d[i], "execute-change-set")) execute = i;
    if (contains(d[i], "describe-change-set")) describe = i;
  }
  BOOST_TEST((describe < drain && drain < execute && execute < d.size()));
  for (const auto& command : plan.phases[2].commands) BOOST_TEST(!contains(command, "drain.sh"));
}

BOOST_AUTO_TEST_CASE(large_templates_go_through_s3) {
  auto plan = sample();
  plan.parameters.clear();
  plan.capabilities = {"CAPABILITY_IAM"};
  plan.phases[0].template_bytes = cfn_eks::kMaxTemplateBodyBytes + 1;
  plan.phases[1].template_bytes = cfn_eks::kMaxTemplateBodyBytes;
  cfn_eks::fill_standard_commands(plan);
  const auto& c = plan.phases[0].commands;
  bool upload = false, url = false;
  for (const auto& command : c) {
    upload = upload || command == "aws s3 cp phase-1.yaml \"s3://$BUCKET/cfn-eks/\"phase-1.yaml";
    url = url || contains(command, "--template-url \"https://$BUCKET.s3.$REGION.amazonaws.com/cfn-eks/\"phase-1.yaml "
                                   "--capabilities CAPABILITY_IAM");
    BOOST_TEST(!contains(command, "--template-body"));
    BOOST_TEST(!contains(command, "--parameters"));
  }
  BOOST_TEST(upload);
  BOOST_TEST(url);
  BOOST_TEST(contains(plan.phases[1].commands[0], "--template-body file://phase-2.yaml"));
  bool noted = false;
  for (const auto& n : plan.notes) noted = noted || contains(n, "larger than 51,200 bytes");
  BOOST_TEST(noted);
  cfn_eks::fill_standard_commands(plan);  // again: commands replaced, the note not repeated
  BOOST_TEST(plan.notes.size() == 2U);
  BOOST_TEST(plan.phases[1].commands.size() == 7U);
}

BOOST_AUTO_TEST_CASE(markdown_has_each_phase_in_order_with_commands) {
  auto plan = sample();
  cfn_eks::fill_standard_commands(plan);
  const std::string md = cfn_eks::render_plan_markdown(plan);
  const auto p1 = md.find("## Phase 1: add the managed node group");
  const auto p2 = md.find("## Phase 2: drain and scale the old group to zero");
  const auto p3 = md.find("## Phase 3: remove the old group");
  BOOST_REQUIRE(p1 != std::string::npos);
  BOOST_REQUIRE(p2 != std::string::npos);
  BOOST_REQUIRE(p3 != std::string::npos);
  BOOST_TEST((p1 < p2 && p2 < p3));
  for (int n = 1; n <= 3; ++n) {
    const auto start = md.find("## Phase " + std::to_string(n));
    const auto end = n == 3 ? md.size() : md.find("## Phase " + std::to_string(n + 1));
    const std::string section = md.substr(start, end - start);
    BOOST_TEST(contains(section, "create-change-set --stack-name \"$STACK\" --change-set-name cfn-eks-phase-" + std::to_string(n)));
    BOOST_TEST(contains(section, "execute-change-set"));
    BOOST_TEST(contains(section, "- before " + std::to_string(n)));
    BOOST_TEST(contains(section, "- after " + std::to_string(n)));
    BOOST_TEST(contains(section, "- rollback " + std::to_string(n)));
    BOOST_TEST(contains(section, "Template: `phase-" + std::to_string(n) + ".yaml` (1000 bytes)"));
    BOOST_TEST(contains(section, "| Add | ManagedNodeGroup |"));
  }
  BOOST_TEST(contains(md, "## Warnings\n\n- a warning\n"));
  BOOST_TEST(contains(md, "`ClusterName`, `KeyName`"));
}

BOOST_AUTO_TEST_CASE(markdown_fence_survives_backticks_in_commands) {
  auto plan = sample();
  plan.phases.resize(1);
  plan.phases[0].commands = {"echo ```"};
  const std::string md = cfn_eks::render_plan_markdown(plan);
  BOOST_TEST(contains(md, "````sh\necho ```\n````\n"));
}

BOOST_AUTO_TEST_CASE(json_parses_and_has_the_fields) {
  auto plan = sample();
  cfn_eks::fill_standard_commands(plan);
  const std::string json = cfn_eks::render_plan_json(plan);
  rapidjson::Document d;
  BOOST_REQUIRE(!d.Parse(json.c_str()).HasParseError());
  BOOST_TEST(d["format_version"].GetInt() == 1);
  BOOST_TEST(std::string(d["old_group"].GetString()) == "NodeGroup");
  BOOST_TEST(std::string(d["new_nodegroup"].GetString()) == "ManagedNodeGroup");
  BOOST_TEST(std::string(d["input_file"].GetString()) == "cluster.yaml");
  BOOST_TEST(std::string(d["drain_script"].GetString()) == "drain.sh");
  BOOST_TEST(d["parameters"].Size() == 2U);
  BOOST_TEST(d["warnings"].Size() == 1U);
  BOOST_REQUIRE(d["phases"].IsArray());
  BOOST_REQUIRE(d["phases"].Size() == 3U);
  for (rapidjson::SizeType i = 0; i < 3; ++i) {
    const auto& p = d["phases"][i];
    BOOST_TEST(p["number"].GetInt() == static_cast<int>(i) + 1);
    BOOST_TEST(p["template_file"].IsString());
    BOOST_TEST(p["template_bytes"].GetUint64() == 1000U);
    BOOST_TEST(p["runs_drain_script"].GetBool() == (i == 1));
    BOOST_TEST(p["commands"].Size() == plan.phases[i].commands.size());
    BOOST_TEST(p["checks_before"].Size() == 1U);
    BOOST_TEST(p["checks_after"].Size() == 1U);
    BOOST_TEST(p["rollback"].Size() == 1U);
    // The JSON preview is embedded as JSON, not as a string.
    const auto& preview = p["changeset_preview"];
    BOOST_TEST(preview["markdown"].IsString());
    BOOST_REQUIRE(preview["json"].IsObject());
    BOOST_TEST(std::string(preview["json"]["changes"][0]["action"].GetString()) == "Add");
  }
}

// A parameter phase 1 adds (the node role ARN) has no previous value: phase 1's change set must
// give it a value (UsePreviousValue is refused for a parameter the stack does not have), the
// later phases keep it; the input's parameters stay UsePreviousValue everywhere, since the CLI
// resets unlisted parameters to their defaults once --parameters is given.
BOOST_AUTO_TEST_CASE(new_parameter_gets_a_value_in_phase_one_and_is_kept_after) {
  auto plan = sample();
  plan.new_parameters.push_back({"ManagedNodeGroupNodeRoleArn", "NODE_ROLE_ARN", "the ARN of the old nodes' role"});
  cfn_eks::fill_standard_commands(plan);
  const std::string create1 = plan.phases[0].commands[0];
  BOOST_TEST(create1 ==
             "aws cloudformation create-change-set --stack-name \"$STACK\" --change-set-name cfn-eks-phase-1 "
             "--template-body file://phase-1.yaml --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM "
             "--parameters ParameterKey=ClusterName,UsePreviousValue=true ParameterKey=KeyName,UsePreviousValue=true "
             "\"ParameterKey=ManagedNodeGroupNodeRoleArn,ParameterValue=$NODE_ROLE_ARN\"");
  for (std::size_t i = 1; i < 3; ++i) {
    const std::string create = plan.phases[i].commands[0];
    BOOST_TEST(contains(create, "create-change-set"));
    BOOST_TEST(contains(create, " ParameterKey=ManagedNodeGroupNodeRoleArn,UsePreviousValue=true"), create);
    BOOST_TEST(contains(create, "ParameterKey=ClusterName,UsePreviousValue=true"), create);
    BOOST_TEST(!contains(create, "ParameterValue="), create);
  }
  const std::string md = cfn_eks::render_plan_markdown(plan);
  BOOST_TEST(contains(md, "`export NODE_ROLE_ARN=...`"), md);
  BOOST_TEST(contains(md, "the ARN of the old nodes' role"));
  rapidjson::Document d;
  BOOST_REQUIRE(!d.Parse(cfn_eks::render_plan_json(plan).c_str()).HasParseError());
  BOOST_REQUIRE(d.HasMember("new_parameters"));
  BOOST_REQUIRE_EQUAL(d["new_parameters"].Size(), 1U);
  BOOST_TEST(std::string(d["new_parameters"][0]["variable"].GetString()) == "NODE_ROLE_ARN");
  // Without one, the plan has no such field and phase 1 passes no ParameterValue.
  auto plain = sample();
  cfn_eks::fill_standard_commands(plain);
  BOOST_TEST(!contains(plain.phases[0].commands[0], "ParameterValue="));
  rapidjson::Document e;
  BOOST_REQUIRE(!e.Parse(cfn_eks::render_plan_json(plain).c_str()).HasParseError());
  BOOST_TEST(!e.HasMember("new_parameters"));
}

BOOST_AUTO_TEST_CASE(json_escapes_and_keeps_a_broken_preview_as_text) {
  auto plan = sample();
  plan.phases.resize(1);
  plan.old_group = "Quote\"Back\\slash\nline\ttab\x01";
  plan.phases[0].changeset_json = "{not json";
  const std::string json = cfn_eks::render_plan_json(plan);
  BOOST_TEST(contains(json, R"("Quote\"Back\\slash\nline\ttab\u0001")"));
  rapidjson::Document d;
  BOOST_REQUIRE(!d.Parse(json.c_str()).HasParseError());
  BOOST_TEST(std::string(d["old_group"].GetString()) == plan.old_group);
  const auto& preview = d["phases"][0]["changeset_preview"];
  BOOST_TEST(preview["json"].IsNull());
  BOOST_TEST(std::string(preview["json_text"].GetString()) == "{not json");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
