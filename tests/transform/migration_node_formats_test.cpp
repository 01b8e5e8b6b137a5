// User data of AL2023 (nodeadm NodeConfig), Bottlerocket (TOML) and eksctl (cloud-config)
// self-managed nodes converted for a managed node group on an EKS AMI.

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "transform/migration/bottlerocket_settings.hpp"
#include "transform/migration/eksctl_cloud_config.hpp"
#include "transform/migration/node_config_conversion.hpp"
#include "transform/migration/user_data_conversion.hpp"

namespace {

using namespace cfn_eks;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool mentions(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes) {
    if (contains(n, part)) return true;
  }
  return false;
}

// The EKS user guide's self-managed AL2023 shape, with kubelet settings and a shell part.
const std::string kNodeadmMime =
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"BOUNDARY\"\n"
    "\n"
    "--BOUNDARY\n"
    "Content-Type: application/node.eks.aws\n"
    "\n"
    "---\n"
    "apiVersion: node.eks.aws/v1alpha1\n"
    "kind: NodeConfig\n"
    "spec:\n"
    "  cluster:\n"
    "    name: ${ClusterName}\n"
    "    apiServerEndpoint: ${ClusterEndpoint}\n"
    "    certificateAuthority: ${ClusterCA}\n"
    "    cidr: 10.100.0.0/16\n"
    "  kubelet:\n"
    "    config:\n"
    "      # keep more pods\n"
    "      maxPods: 110\n"
    "    flags:\n"
    "      - --node-labels=team=data,tier=batch\n"
    "      - --register-with-taints=dedicated=batch:NoSchedule\n"
    "      - --v=2\n"
    "\n"
    "--BOUNDARY\n"
    "Content-Type: text/x-shellscript; charset=\"us-ascii\"\n"
    "\n"
    "#!/bin/bash\n"
    "echo hello > /etc/motd\n"
    "\n"
    "--BOUNDARY--\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_node_formats)

BOOST_AUTO_TEST_CASE(nodeadm_keeps_kubelet_settings_and_drops_the_connection) {
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(kNodeadmMime, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_TEST(contains(out.mime, "Content-Type: application/node.eks.aws"));
  BOOST_TEST(!contains(out.mime, "apiServerEndpoint"));
  BOOST_TEST(!contains(out.mime, "cluster:"));
  BOOST_TEST(contains(out.mime, "      # keep more pods\n      maxPods: 110\n"));
  BOOST_TEST(contains(out.mime, "    flags:\n      - --v=2\n"));
  BOOST_TEST(!contains(out.mime, "--node-labels"));
  BOOST_TEST(contains(out.mime, "echo hello > /etc/motd"));
  BOOST_TEST(out.carried_kubelet_flags ==
                 (std::vector<std::string>{"--node-labels=team=data,tier=batch",
                                           "--register-with-taints=dedicated=batch:NoSchedule"}),
             boost::test_tools::per_element());
  BOOST_TEST(mentions(out.notes, "removed spec.cluster (name, apiServerEndpoint, certificateAuthority, cidr)"));
}

BOOST_AUTO_TEST_CASE(nodeadm_on_a_custom_ami_is_kept_whole) {
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(kNodeadmMime, false);
  BOOST_REQUIRE(!out.refusal);
  BOOST_TEST(contains(out.mime, "apiServerEndpoint: ${ClusterEndpoint}"));
  BOOST_TEST(out.carried_kubelet_flags.empty());
}

BOOST_AUTO_TEST_CASE(nodeadm_with_only_the_connection_is_dropped) {
  std::vector<std::string> notes;
  const auto out = convert_node_config(
      "apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n    name: c\n    cidr: 10.0.0.0/16\n",
      "the user data", notes);
  BOOST_REQUIRE(!out.refusal);
  BOOST_TEST(out.text.empty());
  BOOST_TEST(mentions(notes, "dropped the user data"));
}

BOOST_AUTO_TEST_CASE(nodeadm_refusals) {
  std::vector<std::string> notes;
  // Outposts and other cluster settings EKS does not supply.
  auto outpost = convert_node_config("apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n"
                                     "    name: c\n    enableOutpost: true\n    id: abc\n",
                                     "MIME part 1", notes);
  BOOST_REQUIRE(outpost.refusal.has_value());
  BOOST_TEST(contains(*outpost.refusal, "spec.cluster.enableOutpost"));
  // A flow-style flags list cannot be edited line by line.
  auto flow = convert_node_config("apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  kubelet:\n"
                                  "    flags: [--node-labels=a=b, --v=2]\n",
                                  "MIME part 1", notes);
  BOOST_REQUIRE(flow.refusal.has_value());
  BOOST_TEST(contains(*flow.refusal, "block style"));
  // Not YAML.
  auto broken = convert_node_config("kind: NodeConfig\nspec: [\n", "MIME part 1", notes);
  BOOST_REQUIRE(broken.refusal.has_value());
  BOOST_TEST(contains(*broken.refusal, "cannot be read as YAML"));
}

BOOST_AUTO_TEST_CASE(bottlerocket_settings_are_converted) {
  const std::string toml =
      "# Bottlerocket settings\n"
      "[settings.kubernetes]\n"
      "cluster-name = \"${ClusterName}\"\n"
      "api-server = \"${Endpoint}\"\n"
      "cluster-certificate = \"${CA}\"\n"
      "max-pods = 58\n"
      "\n"
      "[settings.kubernetes.node-labels]\n"
      "\"node.example.com/role\" = \"worker\"\n"
      "team = \"data\"\n"
      "\n"
      "[settings.kubernetes.node-taints]\n"
      "dedicated = [\"batch:NoSchedule\"]\n"
      "\n"
      "[settings.host-containers.admin]\n"
      "enabled = true\n";
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(toml, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_TEST(out.toml);
  BOOST_TEST(!contains(out.mime, "MIME"));
  BOOST_TEST(out.mime ==
             "# Bottlerocket settings\n[settings.kubernetes]\nmax-pods = 58\n\n[settings.host-containers.admin]\n"
             "enabled = true\n");
  BOOST_TEST(out.carried_kubelet_flags ==
                 (std::vector<std::string>{"--node-labels=node.example.com/role=worker,team=data",
                                           "--register-with-taints=dedicated=batch:NoSchedule"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bottlerocket_only_connection_leaves_nothing) {
  std::vector<std::string> notes;
  const auto out = convert_bottlerocket_settings(
      "[settings.kubernetes]\ncluster-name = \"c\"\napi-server = \"https://x\"\ncluster-certificate = \"Y2E=\"\n", notes);
  BOOST_REQUIRE(!out.refusal);
  BOOST_TEST(out.text.empty());
  // Dotted keys at the top level are the same settings.
  const auto dotted = convert_bottlerocket_settings(
      "settings.kubernetes.cluster-name = \"c\"\nsettings.kubernetes.node-labels.app = \"web\"\n"
      "settings.motd = \"hi\"\n", notes);
  BOOST_REQUIRE(!dotted.refusal);
  BOOST_TEST(dotted.text == "settings.motd = \"hi\"\n");
  BOOST_TEST(dotted.carried_flags == (std::vector<std::string>{"--node-labels=app=web"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bottlerocket_refuses_toml_eks_does_not_merge) {
  std::vector<std::string> notes;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[settings.kubernetes]\nmotd = \"I'm a \\\"quote\\\"\"\n", "escaped quote"},
      {"[settings.\"a.b\"]\nx = 1\n", "quoted key"},
      {"[settings.kubernetes]\nnumbers = [0.1, 1]\n", "mixing floats and integers"},
      {"[settings.kubernetes]\nmixed = [\"a\", 1]\n", "mixed types"},
      {"[settings.kubernetes]\nnode-labels = { a = \"b\" }\n", "does not convert"},
      {"[settings.kubernetes.node-taints]\nk = \"NoSchedule\"\n", "without ':Effect'"},
      {"[settings.kubernetes]\ntext = \"\"\"\nmany\n\"\"\"\n", "multi-line string"},
  };
  for (const auto& [toml, reason] : cases) {
    const auto out = convert_bottlerocket_settings(toml, notes);
    BOOST_TEST_CONTEXT(toml) {
      BOOST_REQUIRE(out.refusal.has_value());
      BOOST_TEST(contains(*out.refusal, reason), *out.refusal);
    }
  }
}

BOOST_AUTO_TEST_CASE(eksctl_cloud_config_loses_its_bootstrap) {
  const std::string cloud_config =
      "#cloud-config\n"
      "packages: null\n"
      "runcmd:\n"
      "- - /var/lib/cloud/scripts/eksctl/bootstrap.al2.sh\n"
      "- echo done\n"
      "write_files:\n"
      "- content: |\n"
      "    [Service]\n"
      "    ExecStart=/usr/bin/kubelet\n"
      "  owner: root:root\n"
      "  path: /etc/systemd/system/kubelet.service.d/10-eksclt.al2.conf\n"
      "  permissions: \"0644\"\n"
      "- content: |-\n"
      "    NODE_LABELS=alpha.eksctl.io/cluster-name=test,alpha.eksctl.io/nodegroup-name=n5\n"
      "    NODE_TAINTS=gpu=true:NoSchedule\n"
      "    MAX_PODS=29\n"
      "  owner: root:root\n"
      "  path: /etc/eksctl/kubelet.env\n"
      "  permissions: \"0644\"\n"
      "- content: |\n"
      "    {\"log-driver\": \"json-file\"}\n"
      "  path: /etc/docker/daemon.json\n"
      "- content: |\n"
      "    #!/bin/bash\n"
      "    systemctl start kubelet\n"
      "  path: /var/lib/cloud/scripts/eksctl/bootstrap.al2.sh\n"
      "  permissions: \"0755\"\n";
  BOOST_TEST(is_eksctl_cloud_config(cloud_config));
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(cloud_config, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_TEST(contains(out.mime, "Content-Type: text/cloud-config"));
  BOOST_TEST(contains(out.mime, "runcmd:\n- echo done\nwrite_files:\n- content: |\n    {\"log-driver\": \"json-file\"}\n"
                                "  path: /etc/docker/daemon.json\n"));
  BOOST_TEST(!contains(out.mime, "/etc/eksctl/"));
  BOOST_TEST(!contains(out.mime, "kubelet"));
  BOOST_TEST(out.carried_kubelet_flags ==
                 (std::vector<std::string>{"--node-labels=alpha.eksctl.io/cluster-name=test,alpha.eksctl.io/nodegroup-name=n5",
                                           "--register-with-taints=gpu=true:NoSchedule"}),
             boost::test_tools::per_element());
  BOOST_TEST(mentions(out.notes, "MAX_PODS=29"));
  // On a custom AMI the cloud-config is the bootstrap and stays whole.
  const ConvertedUserData custom = convert_user_data_for_managed_nodegroup(cloud_config, false);
  BOOST_REQUIRE(!custom.refusal);
  BOOST_TEST(contains(custom.mime, "/var/lib/cloud/scripts/eksctl/bootstrap.al2.sh"));
  BOOST_TEST(custom.carried_kubelet_flags.size() == 2u);
}

BOOST_AUTO_TEST_CASE(eksctl_bootstrap_only_leaves_nothing) {
  const std::string cloud_config =
      "#cloud-config\npackages: null\nruncmd:\n- - /var/lib/cloud/scripts/eksctl/bootstrap.al2.sh\n"
      "write_files:\n- content: x\n  path: /etc/eksctl/ca.crt\n";
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(cloud_config, true);
  BOOST_REQUIRE(!out.refusal);
  BOOST_TEST(out.mime.empty());
}

BOOST_AUTO_TEST_CASE(oversized_user_data_is_refused) {
  const std::string big = "#!/bin/bash\n" + std::string(17000, '#') + "\necho hi\n";
  const ConvertedUserData out = convert_user_data_for_managed_nodegroup(big, true);
  BOOST_REQUIRE(out.refusal.has_value());
  BOOST_TEST(contains(*out.refusal, "more than the 16384 bytes EC2 allows"));
  BOOST_TEST(out.mime.empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
