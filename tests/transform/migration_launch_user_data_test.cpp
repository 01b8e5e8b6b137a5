// convert_launch_user_data on user data chosen by Fn::If: each branch converted on its own under
// the same condition, AWS::NoValue kept, a branch that cannot be converted named in the refusal.

#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "transform/migration/launch_user_data.hpp"

namespace {

using namespace cfn_eks;

struct Loaded {
  Document document;
  const Node* user_data = nullptr;
};

// `yaml` is the value of UserData, written under a `UserData:` key.
Loaded load_user_data(const std::string& yaml) {
  Loaded out{load_document(std::make_shared<SourceFile>("t.yaml", "UserData:\n" + yaml)), nullptr};
  BOOST_REQUIRE(out.document.root != nullptr);
  out.user_data = out.document.root->get("UserData");
  BOOST_REQUIRE(out.user_data != nullptr);
  return out;
}

// The condition and the two branches of an Fn::If fragment.
const Fragment& branch(const Fragment& if_fragment, std::size_t i) {
  BOOST_REQUIRE(if_fragment.kind() == Fragment::Kind::Intrinsic);
  BOOST_REQUIRE_EQUAL(if_fragment.text(), "Fn::If");
  BOOST_REQUIRE_EQUAL(if_fragment.argument().items().size(), 3U);
  return if_fragment.argument().items()[i];
}

bool is_no_value(const Fragment& f) {
  return f.kind() == Fragment::Kind::Intrinsic && f.text() == "Ref" && f.argument().text() == "AWS::NoValue";
}

bool is_base64(const Fragment& f) { return f.kind() == Fragment::Kind::Intrinsic && f.text() == "Fn::Base64"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(transform)
BOOST_AUTO_TEST_SUITE(migration_launch_user_data)

BOOST_AUTO_TEST_CASE(if_at_the_top_keeps_no_value_and_converts_the_other_branch) {
  const Loaded l = load_user_data(
      "  !If\n"
      "    - HasScript\n"
      "    - !Base64 \"#!/bin/bash\\necho hello\\n/etc/eks/bootstrap.sh prod\\n\"\n"
      "    - !Ref AWS::NoValue\n");
  const LaunchUserData out = convert_launch_user_data(l.user_data, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_REQUIRE(out.user_data.has_value());
  BOOST_TEST(branch(*out.user_data, 0).text() == "HasScript");
  BOOST_TEST(is_base64(branch(*out.user_data, 1)));
  BOOST_TEST(is_no_value(branch(*out.user_data, 2)));
  BOOST_REQUIRE(out.bootstrap.has_value());
}

BOOST_AUTO_TEST_CASE(nested_if_under_base64_becomes_nested_if_of_base64) {
  const Loaded l = load_user_data(
      "  Fn::Base64: !If\n"
      "    - IsDebug\n"
      "    - \"#!/bin/bash\\nset -x\\necho debug\\n/etc/eks/bootstrap.sh prod\\n\"\n"
      "    - !If\n"
      "      - IsQuiet\n"
      "      - \"#!/bin/bash\\n/etc/eks/bootstrap.sh prod\\n\"\n"
      "      - \"#!/bin/bash\\necho loud\\n/etc/eks/bootstrap.sh prod\\n\"\n");
  const LaunchUserData out = convert_launch_user_data(l.user_data, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_REQUIRE(out.user_data.has_value());
  BOOST_TEST(branch(*out.user_data, 0).text() == "IsDebug");
  BOOST_TEST(is_base64(branch(*out.user_data, 1)));
  const Fragment& inner = branch(*out.user_data, 2);
  BOOST_TEST(branch(inner, 0).text() == "IsQuiet");
  // Only the bootstrap call: nothing left, so that branch has no user data at all.
  BOOST_TEST(is_no_value(branch(inner, 1)));
  BOOST_TEST(is_base64(branch(inner, 2)));
}

BOOST_AUTO_TEST_CASE(a_branch_that_cannot_be_converted_is_named) {
  const Loaded l = load_user_data(
      "  Fn::Base64: !If\n"
      "    - IsWindows\n"
      "    - \"#!/bin/bash\\n/etc/eks/bootstrap.sh prod\\n\"\n"
      "    - \"<powershell>\\nStart-EKSBootstrap.ps1\\n</powershell>\\n\"\n");
  const LaunchUserData out = convert_launch_user_data(l.user_data, true);
  BOOST_REQUIRE(out.refusal.has_value());
  BOOST_TEST(out.refusal->find("false branch of the Fn::If on condition 'IsWindows'") != std::string::npos,
             *out.refusal);
  BOOST_TEST(!out.user_data.has_value());
  // Positioned at the branch: line 5 of the document, the powershell string.
  BOOST_REQUIRE(out.refusal_at != nullptr);
  BOOST_TEST(l.document.source->position(out.refusal_at->range.begin).line == 5U);
}

BOOST_AUTO_TEST_CASE(branches_with_different_kubelet_args_are_refused) {
  const Loaded l = load_user_data(
      "  Fn::Base64: !If\n"
      "    - IsGpu\n"
      "    - \"#!/bin/bash\\n/etc/eks/bootstrap.sh prod --kubelet-extra-args '--node-labels=gpu=true'\\n\"\n"
      "    - \"#!/bin/bash\\n/etc/eks/bootstrap.sh prod --kubelet-extra-args '--node-labels=gpu=false'\\n\"\n");
  const LaunchUserData out = convert_launch_user_data(l.user_data, true);
  BOOST_REQUIRE(out.refusal.has_value());
  BOOST_TEST(out.refusal->find("different --kubelet-extra-args") != std::string::npos, *out.refusal);
}

BOOST_AUTO_TEST_CASE(user_data_without_if_is_converted_as_before) {
  const Loaded l = load_user_data("  !Base64 \"#!/bin/bash\\necho hi\\n/etc/eks/bootstrap.sh prod\\n\"\n");
  const LaunchUserData out = convert_launch_user_data(l.user_data, true);
  BOOST_REQUIRE_MESSAGE(!out.refusal, out.refusal.value_or(""));
  BOOST_REQUIRE(out.user_data.has_value());
  BOOST_TEST(is_base64(*out.user_data));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
