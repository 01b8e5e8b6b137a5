#include <sys/wait.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/temp_dir.hpp"
#include "transform/migration/drain_script.hpp"

namespace {

using cfn_eks::testing::TempDir;

bool have(const std::string& tool) { return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0; }

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

cfn_eks::DrainScriptInput input() {
  cfn_eks::DrainScriptInput in;
  in.old_group_logical_id = "OldNodes";
  in.new_nodegroup_logical_id = "NewNodes";
  in.input_file = "stack.yaml";
  return in;
}

// Fake aws and kubectl that append their arguments to $CALLS and answer from FAKE_* variables.
constexpr const char* kFakeAws = R"(#!/bin/sh
echo "aws $*" >> "$CALLS"
case "$*" in
  *"--logical-resource-id OldNodes "*) echo old-asg ;;
  *"--logical-resource-id NewNodes "*) echo "${FAKE_NG_ID:-my-cluster/ng-new}" ;;
  *describe-auto-scaling-groups*) printf '%s\n' "${FAKE_IDS-i-old1 i-old2}" ;;
  *) echo "unexpected aws call" >&2; exit 9 ;;
esac
)";

constexpr const char* kFakeKubectl = R"(#!/bin/sh
echo "kubectl $*" >> "$CALLS"
case "$*" in
  "get nodes -l"*) printf '%s\n' "${FAKE_READY:-new-1 True}" ;;
  "get nodes -o"*) printf 'old-1 aws:///us-east-1a/i-old1\nold-2 aws:///us-east-1b/i-old2\nnew-1 aws:///us-east-1a/i-new1\nother aws:///us-east-1a/i-old10\n' ;;
  *spec.nodeName=old-1*deletionTimestamp*) if [ -n "$FAKE_STUCK" ]; then echo "default stuck-pod"; fi ;;
  *deletionTimestamp*) ;;
  *spec.nodeName=*ownerReferences*) echo "kube-system/aws-node-1 DaemonSet"; echo "kube-system/static-1 Node"
                                     if [ -n "$FAKE_LEFT" ]; then echo "default/web-1 ReplicaSet"; fi ;;
  "get pods --all-namespaces -o wide") echo "NAMESPACE NAME READY STATUS NODE" ;;
  "get endpoints"*) printf 'default/web 10.0.0.1\ndefault/empty \n' ;;
  "get deployments"*) echo "kube-system/coredns 2"; echo "kube-system/cluster-autoscaler ${FAKE_CA_REPLICAS:-0}" ;;
  "drain "*) exit "${FAKE_DRAIN_RC:-0}" ;;
  "taint "*|"delete pod "*|"uncordon "*) ;;
  *) echo "unexpected kubectl call" >&2; exit 9 ;;
esac
)";

struct Run {
  int code = -1;
  std::string out, err, calls;
};

struct Sandbox {
  TempDir dir{"cfn-eks-drain"};
  Sandbox() {
    dir.write("bin/aws", kFakeAws);
    dir.write("bin/kubectl", kFakeKubectl);
    std::filesystem::permissions(dir.path() / "bin/aws", std::filesystem::perms::owner_all);
    std::filesystem::permissions(dir.path() / "bin/kubectl", std::filesystem::perms::owner_all);
    dir.write("drain.sh", cfn_eks::render_drain_script(input()));
  }
  Run run(const std::string& args, const std::string& env = "") const {
    const auto p = dir.path();
    std::filesystem::remove(p / "calls");
    const std::string command = "cd '" + p.string() + "' && env CALLS='" + (p / "calls").string() + "' PATH='" +
                                (p / "bin").string() + ":/usr/bin:/bin' " + env + " bash drain.sh " + args +
                                " >out 2>err";
    Run r;
    r.code = exit_code(std::system(command.c_str()));
    r.out = read(p / "out");
    r.err = read(p / "err");
    r.calls = read(p / "calls");
    return r;
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
std::size_t at(const std::string& text, const std::string& part) { return text.find(part); }

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_drain_script)

BOOST_AUTO_TEST_CASE(names_the_groups_and_defaults) {
  auto in = input();
  in.default_timeout_seconds = 900;
  in.cluster_name = "it's";
  const std::string script = cfn_eks::render_drain_script(in);
  BOOST_TEST(script.rfind("#!/usr/bin/env bash\n", 0) == 0);
  BOOST_TEST(contains(script, "set -euo pipefail\n"));
  BOOST_TEST(contains(script, "OLD_GROUP_LOGICAL_ID='OldNodes'\n"));
  BOOST_TEST(contains(script, "NEW_NODEGROUP_LOGICAL_ID='NewNodes'\n"));
  BOOST_TEST(contains(script, "CLUSTER_NAME='it'\\''s'\n"));
  BOOST_TEST(contains(script, "TIMEOUT=900\n"));
  BOOST_TEST(!contains(script, "@"
                               "OLD@"));
}

BOOST_AUTO_TEST_CASE(bash_and_shellcheck_accept_it) {
  if (!have("bash")) return;
  TempDir dir("cfn-eks-drain-syntax");
  const auto file = dir.write("drain.sh", cfn_eks::render_drain_script(input()));
  BOOST_TEST(std::system(("bash -n '" + file.string() + "'").c_str()) == 0);
  if (!have("shellcheck")) {
    BOOST_TEST_MESSAGE("shellcheck not installed: skipped");
    return;
  }
  BOOST_TEST(std::system(("shellcheck -s bash '" + file.string() + "'").c_str()) == 0);
}

BOOST_AUTO_TEST_CASE(taints_then_drains_only_the_old_nodes) {
  if (!have("bash")) return;
  Sandbox box;
  const Run r = box.run("--stack my-stack --region eu-west-1");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(contains(r.calls, "aws --region eu-west-1 cloudformation describe-stack-resource --stack-name my-stack "
                               "--logical-resource-id OldNodes"));
  BOOST_TEST(contains(r.calls, "aws --region eu-west-1 autoscaling describe-auto-scaling-groups "
                               "--auto-scaling-group-names old-asg"));
  BOOST_TEST(contains(r.calls, "kubectl get nodes -l eks.amazonaws.com/nodegroup=ng-new"));
  const auto taint1 = at(r.calls, "kubectl taint nodes old-1 cfn-eks.io/migration=draining:NoSchedule --overwrite");
  const auto taint2 = at(r.calls, "kubectl taint nodes old-2 ");
  const auto drain1 = at(r.calls, "kubectl drain old-1 --ignore-daemonsets --delete-emptydir-data --timeout=600s");
  const auto drain2 = at(r.calls, "kubectl drain old-2 ");
  BOOST_REQUIRE(taint1 != std::string::npos && taint2 != std::string::npos);
  BOOST_REQUIRE(drain1 != std::string::npos && drain2 != std::string::npos);
  BOOST_TEST((taint1 < taint2 && taint2 < drain1 && drain1 < drain2));
  BOOST_TEST(!contains(r.calls, "nodes new-1"));
  BOOST_TEST(!contains(r.calls, "other"));  // i-old10 is not i-old1
  BOOST_TEST(!contains(r.calls, "delete pod"));
  BOOST_TEST(contains(r.calls, "kubectl get pods --all-namespaces -o wide"));
  BOOST_TEST(contains(r.out, "NAMESPACE NAME"));
  BOOST_TEST(contains(r.err, "default/empty"));  // a service without ready endpoints
  BOOST_TEST(!contains(r.err, "default/web\n"));
}

BOOST_AUTO_TEST_CASE(stuck_pods_are_force_deleted_only_with_the_flag) {
  if (!have("bash")) return;
  Sandbox box;
  const Run listed = box.run("--stack s", "FAKE_STUCK=1");
  BOOST_TEST(contains(listed.err, "default stuck-pod"));
  BOOST_TEST(contains(listed.err, "rerun with --force-delete-stuck"));
  BOOST_TEST(!contains(listed.calls, "delete pod"));
  const Run forced = box.run("--stack s --force-delete-stuck --grace-period 0", "FAKE_STUCK=1");
  BOOST_TEST(forced.code == 0, forced.err);
  const auto deleted = at(forced.calls, "kubectl delete pod stuck-pod --namespace default --force --grace-period=0");
  BOOST_REQUIRE(deleted != std::string::npos);
  BOOST_TEST(deleted > at(forced.calls, "kubectl drain old-2"));
  BOOST_TEST(contains(forced.err, "force-deleting default/stuck-pod"));
}

BOOST_AUTO_TEST_CASE(dry_run_changes_nothing) {
  if (!have("bash")) return;
  Sandbox box;
  const Run r = box.run("--stack s --dry-run --force-delete-stuck --grace-period=5", "FAKE_STUCK=1");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(!contains(r.calls, "kubectl taint"));
  BOOST_TEST(!contains(r.calls, "kubectl drain"));
  BOOST_TEST(!contains(r.calls, "kubectl delete"));
  BOOST_TEST(contains(r.err, "dry-run: kubectl taint nodes old-1"));
  BOOST_TEST(contains(r.err, "dry-run: kubectl drain old-2"));
  BOOST_TEST(contains(r.err, "dry-run: kubectl delete pod stuck-pod"));
}

BOOST_AUTO_TEST_CASE(failures_exit_non_zero_with_a_message) {
  if (!have("bash")) return;
  Sandbox box;
  const Run no_stack = box.run("");
  BOOST_TEST(no_stack.code != 0);
  BOOST_TEST(contains(no_stack.err, "--stack NAME is required"));
  BOOST_TEST(no_stack.calls.empty());
  const Run not_ready = box.run("--stack s", "FAKE_READY='new-1 False'");
  BOOST_TEST(not_ready.code != 0);
  BOOST_TEST(contains(not_ready.err, "no node of managed node group 'ng-new' is Ready"));
  BOOST_TEST(!contains(not_ready.calls, "taint"));
  const Run drain_fails = box.run("--stack s --timeout 30", "FAKE_DRAIN_RC=1");
  BOOST_TEST(drain_fails.code != 0);
  BOOST_TEST(contains(drain_fails.calls, "kubectl drain old-1 --ignore-daemonsets --delete-emptydir-data --timeout=30s"));
  BOOST_TEST(contains(drain_fails.err, "draining did not finish on: old-1 old-2"));
  const Run left = box.run("--stack s", "FAKE_LEFT=1");
  BOOST_TEST(left.code != 0);
  BOOST_TEST(contains(left.err, "default/web-1 on old-1"));
  BOOST_TEST(!contains(left.err, "aws-node-1 on"));
  const Run bad_timeout = box.run("--stack s --timeout soon");
  BOOST_TEST(bad_timeout.code != 0);
  BOOST_TEST(contains(bad_timeout.err, "--timeout 'soon' is not a number of seconds"));
  const Run unknown = box.run("--stack s --frobnicate");
  BOOST_TEST(unknown.code != 0);
  BOOST_TEST(contains(unknown.err, "unknown option '--frobnicate'"));
  const Run help = box.run("--help");
  BOOST_TEST(help.code == 0);
  BOOST_TEST(contains(help.out, "usage: drain.sh --stack NAME"));
}

BOOST_AUTO_TEST_CASE(undo_untaints_and_uncordons_without_draining) {
  if (!have("bash")) return;
  Sandbox box;
  const Run r = box.run("--stack s --undo", "FAKE_READY='new-1 False'");  // works when phase 1 failed
  BOOST_TEST(r.code == 0, r.err);
  const auto untaint = at(r.calls, "kubectl taint nodes old-1 cfn-eks.io/migration-");
  const auto uncordon = at(r.calls, "kubectl uncordon old-1");
  BOOST_REQUIRE(untaint != std::string::npos);
  BOOST_REQUIRE(uncordon != std::string::npos);
  BOOST_TEST(untaint < uncordon);
  BOOST_TEST(contains(r.calls, "kubectl uncordon old-2"));
  BOOST_TEST(!contains(r.calls, "kubectl drain"));
  BOOST_TEST(!contains(r.calls, "NoSchedule"));
  BOOST_TEST(!contains(r.calls, "eks.amazonaws.com/nodegroup"));
}

BOOST_AUTO_TEST_CASE(warns_about_a_running_cluster_autoscaler) {
  if (!have("bash")) return;
  Sandbox box;
  BOOST_TEST(!contains(box.run("--stack s").err, "cluster-autoscaler"));
  const Run r = box.run("--stack s", "FAKE_CA_REPLICAS=1");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(contains(r.err, "'kube-system/cluster-autoscaler' runs"));
  BOOST_TEST(contains(r.err, "kubectl -n kube-system scale deployment cluster-autoscaler --replicas=0"));
}

BOOST_AUTO_TEST_CASE(an_empty_old_group_has_nothing_to_drain) {
  if (!have("bash")) return;
  Sandbox box;
  for (const std::string ids : {"FAKE_IDS=", "FAKE_IDS=None"}) {
    const Run r = box.run("--stack s", ids);
    BOOST_TEST(r.code == 0, r.err);
    BOOST_TEST(contains(r.err, "no node of 'old-asg' is in the cluster; nothing to drain"));
    BOOST_TEST(!contains(r.calls, "kubectl taint"));
    BOOST_TEST(!contains(r.calls, "kubectl drain"));
    BOOST_TEST(contains(r.calls, "kubectl get pods --all-namespaces -o wide"));
  }
  BOOST_TEST(box.run("--stack s --undo", "FAKE_IDS=").code == 0);
}

BOOST_AUTO_TEST_CASE(nodegroup_id_without_cluster_prefix) {
  if (!have("bash")) return;
  Sandbox box;
  const Run r = box.run("--stack s", "FAKE_NG_ID=plain-ng");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(contains(r.calls, "eks.amazonaws.com/nodegroup=plain-ng"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
