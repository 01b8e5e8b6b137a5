#include <boost/test/unit_test.hpp>

#include <string>

#include "transform/migration/kubelet_args.hpp"

namespace {

using cfn_eks::parse_kubelet_extra_args;

bool mentions(const std::vector<std::string>& problems, const std::string& part) {
  for (const auto& p : problems) {
    if (p.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_kubelet_args)

BOOST_AUTO_TEST_CASE(labels_in_both_flag_forms_keep_their_order) {
  const auto a = parse_kubelet_extra_args("--node-labels=b=2,a=1 --node-labels c=3");
  BOOST_TEST(a.problems.empty());
  BOOST_REQUIRE_EQUAL(a.labels.size(), 3U);
  BOOST_TEST(a.labels[0].first == "b");
  BOOST_TEST(a.labels[0].second == "2");
  BOOST_TEST(a.labels[1].first == "a");
  BOOST_TEST(a.labels[2].first == "c");
  BOOST_TEST(a.labels[2].second == "3");
}

BOOST_AUTO_TEST_CASE(taints_with_and_without_value) {
  const auto a = parse_kubelet_extra_args("--register-with-taints=dedicated=gpu:NoSchedule,spot:NoExecute");
  BOOST_TEST(a.problems.empty());
  BOOST_REQUIRE_EQUAL(a.taints.size(), 2U);
  BOOST_TEST(a.taints[0].key == "dedicated");
  BOOST_TEST(a.taints[0].value == "gpu");
  BOOST_TEST(a.taints[0].effect == "NoSchedule");
  BOOST_TEST(a.taints[1].key == "spot");
  BOOST_TEST(a.taints[1].value.empty());
  BOOST_TEST(a.taints[1].effect == "NoExecute");
}

BOOST_AUTO_TEST_CASE(quoted_arguments_as_the_template_writes_them) {
  // The reference architecture's spot arguments: the whole value in single quotes.
  const auto a = parse_kubelet_extra_args(
      "'--node-labels=lifecycle=Ec2Spot,role=web --register-with-taints=spotInstance=true:PreferNoSchedule'");
  BOOST_TEST(a.problems.empty());
  BOOST_REQUIRE_EQUAL(a.labels.size(), 2U);
  BOOST_TEST(a.labels[1].second == "web");
  BOOST_REQUIRE_EQUAL(a.taints.size(), 1U);
  BOOST_TEST(a.taints[0].effect == "PreferNoSchedule");
  const auto b = parse_kubelet_extra_args("--node-labels \"team=a b\"");
  BOOST_REQUIRE_EQUAL(b.labels.size(), 1U);
  BOOST_TEST(b.labels[0].second == "a b");
  BOOST_TEST(mentions(b.problems, "not a valid Kubernetes label value"));
}

BOOST_AUTO_TEST_CASE(placeholders_stay_inside_values_and_keys) {
  const auto a = parse_kubelet_extra_args("--node-labels=env=${Environment},${AWS::Region}/zone=x "
                                          "--register-with-taints=owner=${Team}:NoSchedule");
  BOOST_TEST(a.problems.empty());
  BOOST_REQUIRE_EQUAL(a.labels.size(), 2U);
  BOOST_TEST(a.labels[0].second == "${Environment}");
  BOOST_TEST(a.labels[1].first == "${AWS::Region}/zone");
  BOOST_REQUIRE_EQUAL(a.taints.size(), 1U);
  BOOST_TEST(a.taints[0].value == "${Team}");
  BOOST_TEST(a.taints[0].effect == "NoSchedule");
}

BOOST_AUTO_TEST_CASE(whole_variables_are_problems_not_labels) {
  const auto a = parse_kubelet_extra_args("--node-labels=lifecycle=OnDemand,$ExtraNodeLabels,${More}");
  BOOST_REQUIRE_EQUAL(a.labels.size(), 1U);
  BOOST_TEST(mentions(a.problems, "'$ExtraNodeLabels' is a variable"));
  BOOST_TEST(mentions(a.problems, "'${More}' is a variable"));
}

BOOST_AUTO_TEST_CASE(other_flags_are_kept_verbatim) {
  const auto a = parse_kubelet_extra_args("--max-pods=110 --node-labels=a=b --cpu-manager-policy static --v=2");
  BOOST_TEST(a.problems.empty());
  BOOST_REQUIRE_EQUAL(a.other.size(), 3U);
  BOOST_TEST(a.other[0] == "--max-pods=110");
  BOOST_TEST(a.other[1] == "--cpu-manager-policy static");
  BOOST_TEST(a.other[2] == "--v=2");
}

BOOST_AUTO_TEST_CASE(malformed_pieces_are_problems) {
  const auto a = parse_kubelet_extra_args("--node-labels=novalue,=x --register-with-taints=k=v,k2=v:Sometimes stray");
  BOOST_TEST(a.labels.empty());
  BOOST_TEST(a.taints.empty());
  BOOST_TEST(mentions(a.problems, "'novalue' has no value"));
  BOOST_TEST(mentions(a.problems, "'=x' has no key"));
  BOOST_TEST(mentions(a.problems, "'k=v' has no effect"));
  BOOST_TEST(mentions(a.problems, "effect 'Sometimes'"));
  BOOST_TEST(mentions(a.problems, "'stray' is not a flag"));
  BOOST_TEST(mentions(parse_kubelet_extra_args("'--node-labels=a=b").problems, "unterminated single quote"));
  BOOST_TEST(mentions(parse_kubelet_extra_args("--node-labels").problems, "has no value"));
}

BOOST_AUTO_TEST_CASE(managed_node_group_limits) {
  const std::string long_text(64, 'a');
  const auto a = parse_kubelet_extra_args("--node-labels=" + long_text + "=x,k=" + long_text + ",e=");
  BOOST_TEST(mentions(a.problems, "node label key '" + long_text + "' has 64 characters"));
  BOOST_TEST(mentions(a.problems, "node label value '" + long_text + "' has 64 characters"));
  BOOST_TEST(mentions(a.problems, "node label value '' has 0 characters"));
  std::string taints = "--register-with-taints=";
  for (int i = 0; i < 51; ++i) taints += (i ? "," : "") + std::string("t") + std::to_string(i) + ":NoSchedule";
  const auto b = parse_kubelet_extra_args(taints);
  BOOST_TEST(b.taints.size() == 51U);
  BOOST_TEST(mentions(b.problems, "51 taints are more than the 50"));
  std::string fifty = "--register-with-taints=";
  for (int i = 0; i < 50; ++i) fifty += (i ? "," : "") + std::string("t") + std::to_string(i) + ":NoSchedule";
  BOOST_TEST(parse_kubelet_extra_args(fifty).problems.empty());
  // An empty taint value is allowed, a 63-character one too.
  BOOST_TEST(parse_kubelet_extra_args("--register-with-taints=k=" + std::string(63, 'v') + ":NoSchedule").problems.empty());
}

BOOST_AUTO_TEST_CASE(repeated_label_keeps_the_last_value) {
  const auto a = parse_kubelet_extra_args("--node-labels=a=1 --node-labels=a=2");
  BOOST_REQUIRE_EQUAL(a.labels.size(), 1U);
  BOOST_TEST(a.labels[0].second == "2");
  BOOST_TEST(mentions(a.problems, "'a' is given twice"));
}

BOOST_AUTO_TEST_CASE(taint_effects_map_to_the_eks_api) {
  BOOST_TEST(cfn_eks::managed_taint_effect("NoSchedule") == "NO_SCHEDULE");
  BOOST_TEST(cfn_eks::managed_taint_effect("NoExecute") == "NO_EXECUTE");
  BOOST_TEST(cfn_eks::managed_taint_effect("PreferNoSchedule") == "PREFER_NO_SCHEDULE");
  BOOST_TEST(cfn_eks::managed_taint_effect("noschedule").empty());
  BOOST_TEST(cfn_eks::managed_taint_effect("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
