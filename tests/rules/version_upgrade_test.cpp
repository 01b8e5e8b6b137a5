// check_version_upgrades: the "raise Version by more than one minor" hook used by the change-set command.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "cfn_eks/template.hpp"
#include "rules/versions/upgrade_steps.hpp"

namespace {

using namespace cfn_eks;

struct Loaded {
  Document doc;
  Template tmpl;
  explicit Loaded(std::string text)
      : doc(load_document(std::make_shared<SourceFile>("t.yaml", std::move(text)))), tmpl(doc) {}
};

std::string cluster(const std::string& version) {
  return "Parameters:\n  KubernetesVersion: {Type: String, Default: \"" + version +
         "\", AllowedValues: [\"1.28\", \"1.29\", \"1.30\", \"1.31\"]}\n"
         "Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      Version: !Ref KubernetesVersion\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(version_upgrade)

BOOST_AUTO_TEST_CASE(two_minors_at_once_is_reported) {
  Loaded before(cluster("1.29"));
  Loaded after(cluster("1.31"));
  const auto findings = check_version_upgrades(before.tmpl, after.tmpl, *embedded_eks_knowledge());
  BOOST_REQUIRE_EQUAL(findings.size(), 1U);
  BOOST_TEST((findings[0].step == UpgradeStep::TooManyMinors));
  BOOST_TEST(findings[0].message ==
             "cluster 'Cluster' Version goes from 1.29 to 1.31 in one stack update, but EKS upgrades a control plane "
             "one minor at a time; deploy 1.30 first, then each following minor");
  BOOST_REQUIRE(findings[0].node != nullptr);
  BOOST_TEST(findings[0].node->text == "1.31");  // reported at the parameter default
}

BOOST_AUTO_TEST_CASE(one_minor_and_no_change_are_fine) {
  Loaded before(cluster("1.29"));
  BOOST_TEST(check_version_upgrades(before.tmpl, Loaded(cluster("1.30")).tmpl, *embedded_eks_knowledge()).empty());
  BOOST_TEST(check_version_upgrades(before.tmpl, Loaded(cluster("1.29")).tmpl, *embedded_eks_knowledge()).empty());
}

BOOST_AUTO_TEST_CASE(downgrade_is_reported) {
  Loaded before(cluster("1.30"));
  Loaded after(cluster("1.29"));
  const auto findings = check_version_upgrades(before.tmpl, after.tmpl, *embedded_eks_knowledge());
  BOOST_REQUIRE_EQUAL(findings.size(), 1U);
  BOOST_TEST((findings[0].step == UpgradeStep::Downgrade));
  BOOST_TEST(findings[0].message.find("cannot downgrade") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(yaml_numbers_and_new_clusters) {
  // 1.30 unquoted is "1.3" to CloudFormation: not a step we judge (V002 reports it); a cluster
  // that is new in the update has no previous version.
  Loaded before("Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties: {Version: \"1.29\"}\n");
  Loaded mangled("Resources:\n  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties: {Version: 1.30}\n");
  BOOST_TEST(check_version_upgrades(before.tmpl, mangled.tmpl, *embedded_eks_knowledge()).empty());
  Loaded other("Resources:\n  Other:\n    Type: AWS::EKS::Cluster\n    Properties: {Version: \"1.33\"}\n");
  BOOST_TEST(check_version_upgrades(before.tmpl, other.tmpl, *embedded_eks_knowledge()).empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
