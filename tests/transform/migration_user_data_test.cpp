#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/paths.hpp"
#include "support/temp_dir.hpp"
#include "transform/migration/user_data_conversion.hpp"

namespace {

using cfn_eks::convert_user_data_for_managed_nodegroup;
using cfn_eks::find_bootstrap_call;

bool mentions(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes) {
    if (n.find(part) != std::string::npos) return true;
  }
  return false;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The first text/x-shellscript part of generated MIME user data.
std::string shell_part(const std::string& mime) {
  const std::string header = "Content-Type: text/x-shellscript; charset=\"us-ascii\"\n\n";
  const auto start = mime.find(header);
  if (start == std::string::npos) return {};
  const auto body = start + header.size();
  return mime.substr(body, mime.find("\n\n--==", body) - body);
}

// `bash -n` accepts the script (skipped when bash is missing).
bool bash_accepts(const std::string& script) {
  if (std::system("command -v bash >/dev/null 2>&1") != 0) return true;
  cfn_eks::testing::TempDir dir("cfn-eks-userdata");
  const auto file = dir.write("script.sh", script);
  return std::system(("bash -n '" + file.string() + "' 2>/dev/null").c_str()) == 0;
}

// The official amazon-eks-nodegroup.yaml user data (2019-2022 versions).
const std::string kOfficial =
    "#!/bin/bash\n"
    "set -o xtrace\n"
    "/etc/eks/bootstrap.sh ${ClusterName} ${BootstrapArguments}\n"
    "/opt/aws/bin/cfn-signal --exit-code $? \\\n"
    "         --stack  ${AWS::StackName} \\\n"
    "         --resource NodeGroup  \\\n"
    "         --region ${AWS::Region}\n";

// The quick-start node group shape: cfn-signal wrapped in a function, `|| signal 1`.
const std::string kQuickStart =
    "#!/bin/bash\n"
    "set -o xtrace\n"
    "function signal() {\n"
    "  /opt/aws/bin/cfn-signal --exit-code $1 \\\n"
    "    --stack  ${AWS::StackName} \\\n"
    "    --resource UnmanagedASG  \\\n"
    "    --region ${AWS::Region}\n"
    "}\n"
    "${ProxySetup}\n"
    "/etc/eks/bootstrap.sh ${EKSClusterName} ${ExtraArgs} \\\n"
    "                  --b64-cluster-ca ${GetClusterEndpoint.CaData} \\\n"
    "                  --apiserver-endpoint ${GetClusterEndpoint}  || signal 1\n"
    "${ProxyPostSetup}\n"
    "signal $?\n";

// The reference architecture's shape: bootstrap inside `bash -c` in both branches of an if.
const std::string kRefArch =
    "#!/bin/bash\n"
    "set -o xtrace\n"
    "iid=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\n"
    "if [ \"$ilc\" == \"spot\" ]; then\n"
    "  bash -c \"/etc/eks/bootstrap.sh ${ClusterName} ${BootstrapArgumentsForSpotFleet}\"\n"
    "else\n"
    "  bash -c \"/etc/eks/bootstrap.sh ${ClusterName} ${BootstrapArgumentsForOnDemand}\"\n"
    "fi\n"
    "/opt/aws/bin/cfn-signal --exit-code $? \\\n"
    "         --stack  ${AWS::StackName} \\\n"
    "         --resource NodeGroup  \\\n"
    "         --region ${AWS::Region}\n";

// `#!/bin/bash` literal blocks of a YAML template, dedented (the Fn::Sub text of its user data).
std::vector<std::string> yaml_scripts(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const auto end = text.find('\n', at);
    lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
    at = end == std::string::npos ? text.size() : end + 1;
  }
  std::vector<std::string> scripts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto indent = lines[i].find_first_not_of(' ');
    if (indent == std::string::npos || lines[i].compare(indent, 11, "#!/bin/bash") != 0) continue;
    std::string script;
    std::size_t j = i;
    for (; j < lines.size(); ++j) {
      const auto k = lines[j].find_first_not_of(' ');
      if (k == std::string::npos) { script += "\n"; continue; }
      if (k < indent) break;
      script += lines[j].substr(indent) + "\n";
    }
    scripts.push_back(script);
    i = j;
  }
  return scripts;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_user_data)

BOOST_AUTO_TEST_CASE(finds_the_official_bootstrap_call_and_its_byte_range) {
  const auto call = find_bootstrap_call(kOfficial);
  BOOST_REQUIRE(call);
  BOOST_TEST(call->cluster == "${ClusterName}");
  BOOST_REQUIRE_EQUAL(call->other_flags.size(), 1U);
  BOOST_TEST(call->other_flags[0] == "${BootstrapArguments}");
  BOOST_TEST(kOfficial.substr(call->begin, call->end - call->begin) ==
             "/etc/eks/bootstrap.sh ${ClusterName} ${BootstrapArguments}\n");
}

BOOST_AUTO_TEST_CASE(finds_quoted_kubelet_args_across_continuation_lines) {
  const std::string script =
      "#!/bin/bash\n"
      "/etc/eks/bootstrap.sh my-cluster \\\n"
      "  --kubelet-extra-args '--node-labels=a=b,c=d --register-with-taints=k=v:NoSchedule' \\\n"
      "  --b64-cluster-ca ${CA} --apiserver-endpoint \"${Endpoint}\" > /var/log/bootstrap.log 2>&1\n"
      "echo done\n";
  const auto call = find_bootstrap_call(script);
  BOOST_REQUIRE(call);
  BOOST_TEST(call->cluster == "my-cluster");
  BOOST_TEST(call->kubelet_extra_args == "--node-labels=a=b,c=d --register-with-taints=k=v:NoSchedule");
  const std::vector<std::string> flags{"--b64-cluster-ca", "${CA}", "--apiserver-endpoint", "${Endpoint}"};
  BOOST_TEST(call->other_flags == flags, boost::test_tools::per_element());
  BOOST_TEST(script.substr(call->end) == "echo done\n");
  const auto eq = find_bootstrap_call("/etc/eks/bootstrap.sh c --kubelet-extra-args=--max-pods=20\n");
  BOOST_REQUIRE(eq);
  BOOST_TEST(eq->kubelet_extra_args == "--max-pods=20");
}

BOOST_AUTO_TEST_CASE(no_bootstrap_call_in_comments_heredocs_or_other_scripts) {
  BOOST_TEST(!find_bootstrap_call("#!/bin/bash\n# /etc/eks/bootstrap.sh old\necho hi\n"));
  BOOST_TEST(!find_bootstrap_call("#!/bin/bash\ncat <<'EOF' > /tmp/x\n/etc/eks/bootstrap.sh c\nEOF\n"));
  BOOST_TEST(!find_bootstrap_call("#!/bin/bash\n/tmp/worker/bootstrap.sh c\n"));
}

BOOST_AUTO_TEST_CASE(official_script_leaves_nothing_when_eks_bootstraps) {
  const auto out = convert_user_data_for_managed_nodegroup(kOfficial, true);
  BOOST_TEST(!out.refusal);
  BOOST_TEST(out.mime.empty());
  BOOST_TEST(mentions(out.notes, "removed the '/etc/eks/bootstrap.sh' call on line 3"));
  BOOST_TEST(mentions(out.notes, "removed 'cfn-signal' on line 4"));
  BOOST_TEST(mentions(out.notes, "nothing but comments and shell options"));
  BOOST_REQUIRE(out.bootstrap);
  BOOST_TEST(out.bootstrap->cluster == "${ClusterName}");
}

BOOST_AUTO_TEST_CASE(custom_ami_keeps_the_bootstrap_and_drops_cfn_signal) {
  const auto out = convert_user_data_for_managed_nodegroup(kOfficial, false);
  BOOST_TEST(!out.refusal);
  BOOST_TEST(mentions(out.notes, "kept the '/etc/eks/bootstrap.sh' call on line 3"));
  BOOST_TEST(shell_part(out.mime) == "#!/bin/bash\nset -o xtrace\n/etc/eks/bootstrap.sh ${ClusterName} ${BootstrapArguments}");
  BOOST_TEST(!contains(out.mime, "cfn-signal"));
}

BOOST_AUTO_TEST_CASE(mime_has_the_eks_documentation_shape) {
  const auto out = convert_user_data_for_managed_nodegroup("#!/bin/bash\necho hi\n", true);
  BOOST_TEST(out.mime ==
             "MIME-Version: 1.0\n"
             "Content-Type: multipart/mixed; boundary=\"==MYBOUNDARY==\"\n"
             "\n"
             "--==MYBOUNDARY==\n"
             "Content-Type: text/x-shellscript; charset=\"us-ascii\"\n"
             "\n"
             "#!/bin/bash\n"
             "echo hi\n"
             "\n"
             "--==MYBOUNDARY==--\n");
  BOOST_TEST(out.notes.empty());
}

BOOST_AUTO_TEST_CASE(quick_start_signal_function_stays_valid_shell) {
  const auto out = convert_user_data_for_managed_nodegroup(kQuickStart, true);
  BOOST_REQUIRE(!out.refusal);
  const std::string script = shell_part(out.mime);
  BOOST_TEST(script ==
             "#!/bin/bash\n"
             "set -o xtrace\n"
             "function signal() {\n"
             "  :\n"
             "}\n"
             "${ProxySetup}\n"
             "${ProxyPostSetup}\n"
             "signal $?");
  BOOST_TEST(bash_accepts(script));
  BOOST_TEST(mentions(out.notes, "removed '|| signal 1' on line 10"));
  BOOST_TEST(mentions(out.notes, "left ':' in place of line 4"));
  // Custom AMI: the bootstrap stays, without its failure handler's signal.
  const auto custom = convert_user_data_for_managed_nodegroup(kQuickStart, false);
  const std::string kept = shell_part(custom.mime);
  BOOST_TEST(contains(kept, "/etc/eks/bootstrap.sh ${EKSClusterName} ${ExtraArgs} \\\n"));
  BOOST_TEST(contains(kept, "--apiserver-endpoint ${GetClusterEndpoint}  || signal 1\n"));
  BOOST_TEST(bash_accepts(kept));
}

BOOST_AUTO_TEST_CASE(bootstrap_inside_bash_c_in_if_branches) {
  const auto out = convert_user_data_for_managed_nodegroup(kRefArch, true);
  BOOST_REQUIRE(!out.refusal);
  const std::string script = shell_part(out.mime);
  BOOST_TEST(script ==
             "#!/bin/bash\n"
             "set -o xtrace\n"
             "iid=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)\n"
             "if [ \"$ilc\" == \"spot\" ]; then\n"
             "  :\n"
             "else\n"
             "  :\n"
             "fi");
  BOOST_TEST(bash_accepts(script));
  const auto call = find_bootstrap_call(kRefArch);
  BOOST_REQUIRE(call);
  BOOST_TEST(call->other_flags.front() == "${BootstrapArgumentsForSpotFleet}");
}

BOOST_AUTO_TEST_CASE(commands_sharing_a_line_are_kept) {
  const auto out = convert_user_data_for_managed_nodegroup(
      "#!/bin/bash\nprep && /etc/eks/bootstrap.sh c; echo after\n"
      "if true; then /etc/eks/bootstrap.sh c; fi\n"
      "yum install -y foo || /opt/aws/bin/cfn-signal -e 1 --stack s\n",
      true);
  const std::string script = shell_part(out.mime);
  BOOST_TEST(script == "#!/bin/bash\nprep; echo after\nif true; then :; fi\nyum install -y foo");
  BOOST_TEST(bash_accepts(script));
}

BOOST_AUTO_TEST_CASE(sub_escapes_and_other_commands_survive_byte_for_byte) {
  const std::string body =
      "#!/bin/bash\n"
      "echo \"${!Literal} ${AWS::Region}\" >> /etc/motd  # keep\n"
      "cat <<EOF > /etc/x.conf\n"
      "a='unbalanced\n"
      "EOF\n"
      "sysctl -w vm.max_map_count=262144\n";
  const auto out = convert_user_data_for_managed_nodegroup(body + "/etc/eks/bootstrap.sh ${Cluster}\n", true);
  BOOST_TEST(shell_part(out.mime) + "\n" == body);
}

BOOST_AUTO_TEST_CASE(mime_input_keeps_parts_and_handles_node_config) {
  const std::string input =
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"//\"\n"
      "\n"
      "--//\n"
      "Content-Type: application/node.eks.aws\n"
      "\n"
      "apiVersion: node.eks.aws/v1alpha1\n"
      "kind: NodeConfig\n"
      "spec:\n"
      "  cluster:\n"
      "    name: my-cluster\n"
      "\n"
      "--//\n"
      "Content-Type: text/cloud-config; charset=\"us-ascii\"\n"
      "\n"
      "#cloud-config\n"
      "packages: [jq]\n"
      "\n"
      "--//\n"
      "Content-Type: text/x-shellscript; charset=\"us-ascii\"\n"
      "\n"
      "#!/bin/bash\n"
      "echo hi\n"
      "/opt/aws/bin/cfn-signal -e $? --stack s\n"
      "\n"
      "--//--\n";
  const auto managed = convert_user_data_for_managed_nodegroup(input, true);
  BOOST_REQUIRE(!managed.refusal);
  BOOST_TEST(!contains(managed.mime, "NodeConfig"));
  BOOST_TEST(contains(managed.mime, "boundary=\"//\""));
  BOOST_TEST(contains(managed.mime, "--//\nContent-Type: text/cloud-config; charset=\"us-ascii\"\n\n#cloud-config\npackages: [jq]\n\n"));
  BOOST_TEST(contains(managed.mime, "#!/bin/bash\necho hi\n\n--//--\n"));
  // Only the cluster connection, which EKS supplies: nothing of the NodeConfig is left.
  BOOST_TEST(mentions(managed.notes, "dropped MIME part 1: nothing of the user's is left in the NodeConfig"));
  BOOST_TEST(mentions(managed.notes, "kept MIME part 2 ('text/cloud-config')"));
  const auto custom = convert_user_data_for_managed_nodegroup(input, false);
  BOOST_TEST(contains(custom.mime, "kind: NodeConfig"));
  BOOST_TEST(mentions(custom.notes, "kept MIME part 1"));
}

BOOST_AUTO_TEST_CASE(converting_the_output_again_changes_nothing) {
  for (const bool eks : {true, false}) {
    for (const auto* input : {&kQuickStart, &kRefArch, &kOfficial}) {
      const auto first = convert_user_data_for_managed_nodegroup(*input, eks);
      if (first.mime.empty()) continue;
      const auto second = convert_user_data_for_managed_nodegroup(first.mime, eks);
      BOOST_TEST(second.mime == first.mime);
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_and_comment_only_input) {
  const auto empty = convert_user_data_for_managed_nodegroup("  \n", true);
  BOOST_TEST(empty.mime.empty());
  BOOST_TEST(!empty.refusal);
  BOOST_TEST(mentions(empty.notes, "empty"));
  const auto comments = convert_user_data_for_managed_nodegroup("#!/bin/bash\n# nothing\n", true);
  BOOST_TEST(comments.mime.empty());
  BOOST_TEST(!comments.refusal);
}

BOOST_AUTO_TEST_CASE(refusals_name_their_reason) {
  const auto windows = convert_user_data_for_managed_nodegroup("<powershell>\n& $EKSBootstrapScriptFile\n</powershell>\n", true);
  BOOST_REQUIRE(windows.refusal);
  BOOST_TEST(contains(*windows.refusal, "Windows"));
  const auto init = convert_user_data_for_managed_nodegroup(
      "#!/bin/bash\n/opt/aws/bin/cfn-init -v --stack ${AWS::StackName} --resource LC\n", true);
  BOOST_REQUIRE(init.refusal);
  BOOST_TEST(contains(*init.refusal, "'cfn-init' (line 2)"));
  BOOST_TEST(contains(*init.refusal, "AWS::CloudFormation::Init"));
  const auto binary = convert_user_data_for_managed_nodegroup(std::string("\x1f\x8b\x08\x00", 4), true);
  BOOST_REQUIRE(binary.refusal);
  BOOST_TEST(contains(*binary.refusal, "binary"));
  const auto quote = convert_user_data_for_managed_nodegroup("#!/bin/bash\necho 'open\n", true);
  BOOST_REQUIRE(quote.refusal);
  BOOST_TEST(contains(*quote.refusal, "line 2 has an unterminated single quote"));
  const auto unknown = convert_user_data_for_managed_nodegroup("just text\n", true);
  BOOST_REQUIRE(unknown.refusal);
  BOOST_TEST(contains(*unknown.refusal, "'#!'"));
  const auto no_boundary = convert_user_data_for_managed_nodegroup("Content-Type: multipart/mixed\n\nx\n", true);
  BOOST_REQUIRE(no_boundary.refusal);
  BOOST_TEST(contains(*no_boundary.refusal, "boundary"));
  // Bottlerocket TOML that EKS cannot merge (migration_node_formats_test has the conversions).
  const auto toml = convert_user_data_for_managed_nodegroup("[settings.kubernetes]\nmotd = \"a \\\"b\\\"\"\n", true);
  BOOST_REQUIRE(toml.refusal);
  BOOST_TEST(contains(*toml.refusal, "escaped quote"));
}

BOOST_AUTO_TEST_CASE(notes_for_kubelet_restarts_and_unseen_variables) {
  const auto out = convert_user_data_for_managed_nodegroup(
      "#!/bin/bash\n${BootStrap}\nsystemctl restart kubelet\n", true);
  BOOST_TEST(mentions(out.notes, "kept 'systemctl restart kubelet' on line 3"));
  BOOST_TEST(mentions(out.notes, "the lines '${BootStrap}' are Fn::Sub variables"));
  const auto custom = convert_user_data_for_managed_nodegroup("#!/bin/bash\n${BootStrap}\nsystemctl restart kubelet\n", false);
  BOOST_TEST(custom.notes.empty());
}

// Every EKS node group script of the real corpus converts, stays valid shell, loses its
// bootstrap and cfn-signal when EKS bootstraps, keeps the bootstrap for a custom AMI, and is
// stable when converted again.
BOOST_AUTO_TEST_CASE(real_corpus_node_group_scripts) {
  const auto shared = cfn_eks::testing::shared_dir();
  if (!shared || !std::filesystem::is_directory(*shared / "corpus/real")) {
    BOOST_TEST_MESSAGE("no ../shared/corpus/real: skipped");
    return;
  }
  std::size_t scripts = 0, with_bootstrap = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(*shared / "corpus/real")) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    const std::string text = cfn_eks::testing::read_text(entry.path());
    if (!contains(text, "bootstrap.sh")) continue;
    for (const auto& script : yaml_scripts(text)) {
      BOOST_TEST_CONTEXT(entry.path().filename().string()) {
        ++scripts;
        const auto input_call = find_bootstrap_call(script);
        if (input_call) ++with_bootstrap;
        const auto managed = convert_user_data_for_managed_nodegroup(script, true);
        BOOST_TEST(!managed.refusal.has_value());
        const std::string managed_shell = shell_part(managed.mime);
        BOOST_TEST(!find_bootstrap_call(managed_shell).has_value());
        BOOST_TEST(!contains(managed_shell, "cfn-signal"));
        BOOST_TEST(bash_accepts(managed_shell));
        BOOST_TEST(convert_user_data_for_managed_nodegroup(managed.mime, true).mime == managed.mime);
        const auto custom = convert_user_data_for_managed_nodegroup(script, false);
        BOOST_TEST(!custom.refusal.has_value());
        const std::string custom_shell = shell_part(custom.mime);
        BOOST_TEST(bash_accepts(custom_shell));
        BOOST_TEST(!contains(custom_shell, "cfn-signal"));
        const auto kept = find_bootstrap_call(custom_shell);
        BOOST_TEST(kept.has_value() == input_call.has_value());
        if (kept && input_call) BOOST_TEST(kept->cluster == input_call->cluster);
      }
    }
  }
  BOOST_TEST(scripts >= 6U);
  BOOST_TEST(with_bootstrap >= 5U);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
