// The EKS knowledge (schemas/eks): every file loads with its provenance, answers move with the
// date, paths and versions parse per family, and --data-dir overrides and errors work.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>

#include "cfn_eks/eks_knowledge.hpp"
#include "support/paths.hpp"
#include "support/temp_dir.hpp"

using namespace cfn_eks;
using cfn_eks::testing::TempDir;

// Printers for checked values (internal linkage; found by argument-dependent lookup).
namespace cfn_eks {
[[maybe_unused]] static std::ostream& boost_test_print_type(std::ostream& out, const Date& d) { return out << d.to_string(); }
[[maybe_unused]] static std::ostream& boost_test_print_type(std::ostream& out, const KubeVersion& k) {
  return out << k.to_string();
}
template <typename T>
[[maybe_unused]] static std::ostream& boost_test_print_type(std::ostream& out, const std::optional<T>& value) {
  if (!value) return out << "nullopt";
  return boost_test_print_type(out, *value);
}
}  // namespace cfn_eks
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::SupportStatus)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::SkewVerdict)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::UpgradeStep)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Availability)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::AmiFamily)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Architecture)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Accelerator)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::AmiRelease)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Confidence)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::AddonCompatibility)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::ApiStatus)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::SgPeer)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::Severity)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::EksKnowledgePtr)
BOOST_TEST_DONT_PRINT_LOG_VALUE(cfn_eks::AddonVersion)
BOOST_TEST_DONT_PRINT_LOG_VALUE(std::vector<std::string>)

namespace {

Date date(const char* text) { return *parse_date(text); }
KubeVersion v(const char* text) { return *parse_kube_version(text); }

const EksKnowledge& eks() { return *embedded_eks_knowledge(); }

std::string embedded_text(const std::string& relative) {
  return testing::read_text(testing::source_dir() / "schemas" / relative);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(eks_knowledge)

BOOST_AUTO_TEST_CASE(every_eks_data_file_loads_with_as_of_and_sources) {
  // The files on disk and the list the loader reads are the same set.
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() / "schemas" / "eks")) {
    if (entry.path().extension() == ".json") on_disk.insert("eks/" + entry.path().filename().string());
  }
  const std::set<std::string> known(eks_data_files().begin(), eks_data_files().end());
  BOOST_TEST(on_disk == known);

  auto loaded = load_eks_knowledge_from({});
  BOOST_REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().to_string()));
  const EksKnowledge& k = *loaded.value();
  BOOST_TEST(k.files().size() == known.size());
  for (const DataFileInfo& file : k.files()) {
    BOOST_TEST_CONTEXT(file.path) {
      BOOST_TEST(file.origin == "embedded");
      BOOST_TEST(file.as_of >= date("2026-11-27"));
      BOOST_TEST(!file.sources.empty());
    }
  }
  // And the shared embedded object is the same data, not an empty fallback.
  BOOST_TEST(eks().files().size() == known.size());
  BOOST_TEST(eks().ami_types().size() == 23u);
  BOOST_TEST(eks().versions().front().version.to_string() == "1.10");
}

BOOST_AUTO_TEST_CASE(kubernetes_versions_parse_strictly) {
  BOOST_TEST(parse_kube_version("1.31").has_value());
  BOOST_TEST(parse_kube_version("1.31")->minor == 31);
  BOOST_TEST(parse_kube_version("1.3")->minor == 3);  // What YAML makes of 1.30; not an EKS version:
  BOOST_TEST(eks().version("1.3") == nullptr);
  for (const char* bad : {"", "1", "1.", ".31", "v1.31", "1.31.2", " 1.31", "1.31 ", "1.031", "1.-1", "1,31", "1.3a"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!parse_kube_version(bad).has_value()); }
  }
  BOOST_TEST(eks().version("1.31") != nullptr);
  BOOST_TEST(eks().version("1.31")->eks_release == date("2024-09-26"));
  BOOST_TEST(eks().version("1.9") == nullptr);
  BOOST_TEST(minor_distance(v("1.28"), v("1.31")) == 3);
  BOOST_TEST(minor_distance(v("1.31"), v("1.28")) == -3);
}

BOOST_AUTO_TEST_CASE(support_status_moves_with_the_date) {
  const KubeVersion k131 = v("1.31");
  BOOST_TEST(eks().support_status(k131, date("2024-09-25")) == SupportStatus::NotYetReleased);
  BOOST_TEST(eks().support_status(k131, date("2024-09-26")) == SupportStatus::Standard);
  BOOST_TEST(eks().support_status(k131, date("2025-11-25")) == SupportStatus::Standard);
  BOOST_TEST(eks().support_status(k131, date("2025-11-26")) == SupportStatus::Extended);  // billing from 00:00 UTC
  BOOST_TEST(eks().support_status(k131, date("2026-11-25")) == SupportStatus::Extended);
  BOOST_TEST(eks().support_status(k131, date("2026-11-26")) == SupportStatus::EndOfSupport);

  const VersionStatus extended = eks().status(k131, date("2026-11-20"));
  BOOST_TEST(extended.phase_ends == date("2026-11-26"));
  BOOST_TEST((extended.days_left == 6L));

  // Before extended support existed, the end of standard support was the end.
  BOOST_TEST(eks().support_status(v("1.20"), date("2022-11-01")) == SupportStatus::EndOfSupport);
  BOOST_TEST(!eks().version("1.20")->extended_support);

  // On the research date: 1.34-1.36 standard, 1.32-1.33 extended; a week later 1.34 is extended.
  const Date research = date("2026-11-27");
  BOOST_TEST((eks().versions_in(SupportStatus::Standard, research) == std::vector{v("1.34"), v("1.35"), v("1.36")}));
  BOOST_TEST((eks().versions_in(SupportStatus::Extended, research) == std::vector{v("1.32"), v("1.33")}));
  BOOST_TEST((eks().versions_in(SupportStatus::Extended, date("2026-12-02")) ==
              std::vector{v("1.32"), v("1.33"), v("1.34")}));
  BOOST_TEST((eks().days_until_end_of_standard_support(v("1.34"), research) == 5L));
  BOOST_TEST((eks().days_until_end_of_standard_support(v("1.31"), research) == -366L));
  BOOST_TEST((eks().days_until_end_of_extended_support(v("1.33"), research) == 244L));
  BOOST_TEST(!eks().days_until_end_of_standard_support(v("1.37"), research).has_value());
  BOOST_TEST(eks().latest_released(research) == v("1.36"));
  BOOST_TEST(eks().latest_released(date("2026-06-01")) == v("1.35"));

  // Unreleased versions are "not yet" while the data is current, and unknown after it.
  BOOST_TEST(eks().support_status(v("1.37"), research) == SupportStatus::NotYetReleased);
  BOOST_TEST(eks().support_status(v("1.38"), research) == SupportStatus::NotYetReleased);
  BOOST_TEST(eks().support_status(v("1.37"), date("2027-02-01")) == SupportStatus::Unknown);
  BOOST_TEST(eks().support_status(v("1.9"), research) == SupportStatus::Unknown);

  BOOST_TEST(eks().lifecycle().standard_support_months == 14);
  BOOST_TEST(eks().lifecycle().extended_support_months == 12);
  BOOST_TEST(eks().pricing().extended_per_cluster_hour == 0.60);
  BOOST_TEST(eks().version("1.35")->confidence == Confidence::Unsure);
}

BOOST_AUTO_TEST_CASE(kubelet_and_control_plane_skew) {
  BOOST_TEST(eks().kubelet_skew(v("1.28"), v("1.25")) == SkewVerdict::Behind);
  BOOST_TEST(eks().kubelet_skew(v("1.28"), v("1.24")) == SkewVerdict::TooFarBehind);
  BOOST_TEST(eks().kubelet_skew(v("1.27"), v("1.25")) == SkewVerdict::Behind);
  BOOST_TEST(eks().kubelet_skew(v("1.27"), v("1.24")) == SkewVerdict::TooFarBehind);  // 2 before 1.28
  BOOST_TEST(eks().kubelet_skew(v("1.31"), v("1.31")) == SkewVerdict::Same);
  BOOST_TEST(eks().kubelet_skew(v("1.31"), v("1.32")) == SkewVerdict::Newer);
  BOOST_TEST(eks().max_kubelet_lag(v("1.34"), v("1.31")) == 3);
  BOOST_TEST(eks().kube_proxy_skew(v("1.31"), v("1.28")) == SkewVerdict::Behind);
  BOOST_TEST(eks().kube_proxy_skew(v("1.27"), v("1.24")) == SkewVerdict::TooFarBehind);
  BOOST_TEST(eks().control_plane_step(v("1.30"), v("1.31")) == UpgradeStep::OneMinor);
  BOOST_TEST(eks().control_plane_step(v("1.29"), v("1.31")) == UpgradeStep::TooManyMinors);
  BOOST_TEST(eks().control_plane_step(v("1.31"), v("1.30")) == UpgradeStep::Downgrade);
  BOOST_TEST(eks().control_plane_step(v("1.31"), v("1.31")) == UpgradeStep::Same);
  BOOST_TEST(eks().skew().managed_lag_severity == Severity::Warning);
  BOOST_TEST(eks().skew().managed_confidence == Confidence::Unsure);
}

BOOST_AUTO_TEST_CASE(ami_type_availability_by_version) {
  const AmiTypeInfo* al2 = eks().ami_type("AL2_x86_64");
  BOOST_REQUIRE(al2 != nullptr);
  BOOST_TEST(al2->family == AmiFamily::AmazonLinux2);
  BOOST_TEST(al2->architecture == Architecture::X86_64);
  for (const char* name : {"AL2_x86_64", "AL2_x86_64_GPU", "AL2_ARM_64"}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(eks().ami_type_availability(name, v("1.32")) == Availability::Available);
      BOOST_TEST(eks().ami_type_availability(name, v("1.33")) == Availability::Discontinued);
      BOOST_TEST(eks().ami_type_availability(name, v("1.36")) == Availability::Discontinued);
    }
  }
  BOOST_TEST(eks().ami_type_availability("AL2023_x86_64_STANDARD", v("1.22")) == Availability::NotYet);
  BOOST_TEST(eks().ami_type_availability("AL2023_x86_64_STANDARD", v("1.36")) == Availability::Available);
  BOOST_TEST(eks().ami_type_availability("WINDOWS_CORE_2025_x86_64", v("1.34")) == Availability::NotYet);
  BOOST_TEST(eks().ami_type_availability("WINDOWS_FULL_2025_x86_64", v("1.35")) == Availability::Available);
  BOOST_TEST(eks().ami_type_availability("WINDOWS_CORE_2022_x86_64", v("1.22")) == Availability::NotYet);
  BOOST_TEST(eks().ami_type_availability("AL2_X86_64", v("1.30")) == Availability::UnknownType);
  BOOST_TEST(eks().family_availability(AmiFamily::AmazonLinux2, v("1.33")) == Availability::Discontinued);

  const AmiTypeInfo* gpu = eks().ami_type("BOTTLEROCKET_ARM_64_NVIDIA_FIPS");
  BOOST_REQUIRE(gpu != nullptr);
  BOOST_TEST(gpu->architecture == Architecture::Arm64);
  BOOST_TEST(gpu->accelerator == Accelerator::Nvidia);
  BOOST_TEST(gpu->fips);
  BOOST_TEST(eks().ami_type("AL2023_x86_64_NEURON")->accelerator == Accelerator::Neuron);
  BOOST_TEST(eks().ami_type("AL2023_x86_64_NEURON")->confidence == Confidence::Unsure);
  BOOST_TEST(eks().ami_family(AmiFamily::AmazonLinux2)->end_of_support == date("2025-11-26"));
}

BOOST_AUTO_TEST_CASE(ssm_paths_of_every_family_parse) {
  auto al2 = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended/image_id");
  BOOST_REQUIRE(al2.has_value());
  BOOST_TEST(al2->family == AmiFamily::AmazonLinux2);
  BOOST_TEST(al2->kubernetes == v("1.31"));
  BOOST_TEST(al2->architecture == Architecture::X86_64);
  BOOST_TEST(al2->accelerator == Accelerator::None);
  BOOST_TEST(al2->release == AmiRelease::Recommended);
  BOOST_TEST(al2->parameter == "image_id");
  BOOST_REQUIRE(al2->ami_type != nullptr);
  BOOST_TEST(al2->ami_type->name == "AL2_x86_64");

  auto arm = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.29/amazon-linux-2-arm64/recommended/image_id");
  BOOST_REQUIRE(arm.has_value());
  BOOST_TEST(arm->architecture == Architecture::Arm64);
  BOOST_TEST(arm->ami_type->name == "AL2_ARM_64");
  auto gpu = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.29/amazon-linux-2-gpu/recommended/release_version");
  BOOST_REQUIRE(gpu.has_value());
  BOOST_TEST(gpu->accelerator == Accelerator::Nvidia);
  BOOST_TEST(gpu->parameter == "release_version");
  BOOST_TEST(gpu->ami_type->name == "AL2_x86_64_GPU");

  auto pinned = eks().parse_ssm_ami_path(
      "/aws/service/eks/optimized-ami/1.31/amazon-linux-2/amazon-eks-node-1.31-v20250101/image_id");
  BOOST_REQUIRE(pinned.has_value());
  BOOST_TEST(pinned->release == AmiRelease::Pinned);
  BOOST_TEST(pinned->pinned_release == "amazon-eks-node-1.31-v20250101");
  BOOST_TEST(pinned->pinned_date == date("2025-01-01"));
  // A pinned name for another version, or a typo in "recommended", is not a real parameter.
  BOOST_TEST(!eks().parse_ssm_ami_path(
      "/aws/service/eks/optimized-ami/1.31/amazon-linux-2/amazon-eks-node-1.30-v20250101/image_id"));
  BOOST_TEST(!eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recomended/image_id"));
  BOOST_TEST(eks().looks_like_eks_ami_ssm_path("/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recomended/image_id"));
  BOOST_TEST(!eks().looks_like_eks_ami_ssm_path("/my/own/parameter"));

  auto al2023 = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id");
  BOOST_REQUIRE(al2023.has_value());
  BOOST_TEST(al2023->family == AmiFamily::AmazonLinux2023);
  BOOST_TEST(al2023->ami_type->name == "AL2023_x86_64_STANDARD");
  auto al2023_gpu = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/nvidia/recommended/image_id");
  BOOST_REQUIRE(al2023_gpu.has_value());
  BOOST_TEST(al2023_gpu->architecture == Architecture::Arm64);
  BOOST_TEST(al2023_gpu->accelerator == Accelerator::Nvidia);
  BOOST_TEST(al2023_gpu->ami_type->name == "AL2023_ARM_64_NVIDIA");
  auto neuron = eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/neuron/recommended");
  BOOST_REQUIRE(neuron.has_value());
  BOOST_TEST(neuron->accelerator == Accelerator::Neuron);
  BOOST_TEST(neuron->parameter.empty());  // The JSON blob parameter.
  auto al2023_pinned = eks().parse_ssm_ami_path(
      "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/amazon-eks-node-al2023-x86_64-standard-1.31-v20250123/image_id");
  BOOST_REQUIRE(al2023_pinned.has_value());
  BOOST_TEST(al2023_pinned->pinned_date == date("2025-01-23"));
  BOOST_TEST(!eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/gpu/recommended/image_id"));

  auto br = eks().parse_ssm_ami_path("/aws/service/bottlerocket/aws-k8s-1.31/arm64/latest/image_id");
  BOOST_REQUIRE(br.has_value());
  BOOST_TEST(br->family == AmiFamily::Bottlerocket);
  BOOST_TEST(br->kubernetes == v("1.31"));
  BOOST_TEST(br->architecture == Architecture::Arm64);
  BOOST_TEST(br->release == AmiRelease::Latest);
  BOOST_TEST(br->ami_type->name == "BOTTLEROCKET_ARM_64");
  auto br_gpu = eks().parse_ssm_ami_path("/aws/service/bottlerocket/aws-k8s-1.24-nvidia/x86_64/1.20.1-7c3e9198/image_id");
  BOOST_REQUIRE(br_gpu.has_value());
  BOOST_TEST(br_gpu->accelerator == Accelerator::Nvidia);
  BOOST_TEST(br_gpu->release == AmiRelease::Pinned);
  BOOST_TEST(br_gpu->pinned_release == "1.20.1-7c3e9198");
  BOOST_TEST(br_gpu->ami_type->name == "BOTTLEROCKET_x86_64_NVIDIA");
  auto br_fips = eks().parse_ssm_ami_path("/aws/service/bottlerocket/aws-k8s-1.31-fips/x86_64/latest/image_version");
  BOOST_REQUIRE(br_fips.has_value());
  BOOST_TEST(br_fips->fips);
  BOOST_TEST(br_fips->ami_type->name == "BOTTLEROCKET_x86_64_FIPS");

  auto win = eks().parse_ssm_ami_path("/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.31/image_id");
  BOOST_REQUIRE(win.has_value());
  BOOST_TEST(win->family == AmiFamily::Windows);
  BOOST_TEST(win->windows_year == 2022);
  BOOST_TEST(win->windows_edition == "Core");
  BOOST_TEST(win->kubernetes == v("1.31"));
  BOOST_TEST(win->release == AmiRelease::Latest);
  BOOST_TEST(win->ami_type->name == "WINDOWS_CORE_2022_x86_64");
  auto win_blob = eks().parse_ssm_ami_path("/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-EKS_Optimized-1.35");
  BOOST_REQUIRE(win_blob.has_value());
  BOOST_TEST(win_blob->ami_type->name == "WINDOWS_FULL_2025_x86_64");

  // Dynamic references, with and without a parameter version.
  auto resolved = eks().parse_ssm_ami_path("{{resolve:ssm:/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id}}");
  BOOST_REQUIRE(resolved.has_value());
  BOOST_TEST(resolved->kubernetes == v("1.30"));
  BOOST_TEST(eks().parse_ssm_ami_path("{{resolve:ssm:/aws/service/bottlerocket/aws-k8s-1.31/x86_64/latest/image_id:4}}").has_value());
  BOOST_TEST(!eks().parse_ssm_ami_path("{{resolve:ssm:/aws/service/bottlerocket/aws-k8s-1.31/x86_64/latest/image_id"));
  BOOST_TEST(!eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/v1.31/amazon-linux-2/recommended/image_id"));
  BOOST_TEST(!eks().parse_ssm_ami_path(""));
}

BOOST_AUTO_TEST_CASE(ami_names_parse) {
  auto al2 = eks().parse_ami_name("amazon-eks-arm64-node-1.29-v20240213");
  BOOST_REQUIRE(al2.has_value());
  BOOST_TEST(al2->family == AmiFamily::AmazonLinux2);
  BOOST_TEST(al2->architecture == Architecture::Arm64);
  BOOST_TEST(al2->kubernetes == v("1.29"));
  BOOST_TEST(al2->date == date("2024-02-13"));
  auto al2023 = eks().parse_ami_name("amazon-eks-node-al2023-x86_64-standard-1.31-v20250123");
  BOOST_REQUIRE(al2023.has_value());
  BOOST_TEST(al2023->family == AmiFamily::AmazonLinux2023);
  BOOST_TEST(!eks().parse_ami_name("my-golden-ami-2025"));
}

BOOST_AUTO_TEST_CASE(ami_names_bottlerocket_windows_and_filters) {
  auto bottlerocket = eks().parse_ami_name("bottlerocket-aws-k8s-1.29-aarch64-v1.19.0-c1c0e54f");
  BOOST_REQUIRE(bottlerocket.has_value());
  BOOST_TEST(bottlerocket->family == AmiFamily::Bottlerocket);
  BOOST_TEST(bottlerocket->architecture == Architecture::Arm64);
  BOOST_TEST(bottlerocket->kubernetes == v("1.29"));
  auto nvidia = eks().parse_ami_name("bottlerocket-aws-k8s-1.30-nvidia-x86_64-v1.20.0-0a1b2c3d");
  BOOST_REQUIRE(nvidia.has_value());
  BOOST_TEST(nvidia->accelerator == Accelerator::Nvidia);
  auto windows = eks().parse_ami_name("Windows_Server-2022-English-Core-EKS_Optimized-1.29-2024.01.09");
  BOOST_REQUIRE(windows.has_value());
  BOOST_TEST(windows->family == AmiFamily::Windows);
  BOOST_TEST(windows->kubernetes == v("1.29"));
  // A name filter is a name only when asked for, and only when the wildcards leave the minor fixed.
  BOOST_TEST(!eks().parse_ami_name("amazon-eks-node-1.16-v20??????"));
  auto filter = eks().parse_ami_name("amazon-eks-node-1.16-v20??????", true);
  BOOST_REQUIRE(filter.has_value());
  BOOST_TEST(filter->filter);
  BOOST_TEST(filter->kubernetes == v("1.16"));
  BOOST_TEST(eks().parse_ami_name("amazon-eks-gpu-node-1.29-*", true)->accelerator == Accelerator::Nvidia);
  BOOST_TEST(!eks().parse_ami_name("amazon-eks-node-1.1*", true));
  BOOST_TEST(!eks().parse_ami_name("amazon-eks-node-*", true));
  BOOST_TEST(!eks().parse_ami_name("amazon-eks-node-1.29-v20240117", true)->filter);
}

BOOST_AUTO_TEST_CASE(release_versions_parse_per_family) {
  auto al = eks().parse_release_version("1.31.3-20250101", AmiFamily::AmazonLinux2023);
  BOOST_REQUIRE(al.has_value());
  BOOST_TEST(al->kubernetes == v("1.31"));
  BOOST_TEST(al->kubernetes_patch == "1.31.3");
  BOOST_TEST(al->date == date("2025-01-01"));
  BOOST_TEST(al->kubernetes_minor_must_match);
  BOOST_TEST(eks().parse_release_version("1.15.12-20201112", AmiFamily::AmazonLinux2).has_value());
  for (const char* bad : {"1.31-20250101", "1.31.3-2025010", "1.31.3-20251345", "v1.31.3-20250101", "1.31.3", ""}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!eks().parse_release_version(bad, AmiFamily::AmazonLinux2).has_value()); }
  }

  auto br = eks().parse_release_version("1.34.0-18d04e52", AmiFamily::Bottlerocket);
  BOOST_REQUIRE(br.has_value());
  BOOST_TEST(!br->kubernetes.has_value());
  BOOST_TEST(br->os_version == "1.34.0");
  BOOST_TEST(br->commit == "18d04e52");
  BOOST_TEST(!br->kubernetes_minor_must_match);
  BOOST_TEST(br->confidence == Confidence::Confirmed);
  auto short_form = eks().parse_release_version("1.34.0", AmiFamily::Bottlerocket);
  BOOST_REQUIRE(short_form.has_value());
  BOOST_TEST(short_form->confidence == Confidence::Unsure);
  BOOST_TEST(!eks().parse_release_version("1.31-2024.11.12", AmiFamily::Bottlerocket).has_value());
  BOOST_TEST(!eks().parse_release_version("1.34.0-18D04E52", AmiFamily::Bottlerocket).has_value());
  // An AL-style "1.31.3-20250101" is also a well-formed Bottlerocket version (8 digits are hex).

  auto win = eks().parse_release_version("1.31-2024.11.12", AmiFamily::Windows);
  BOOST_REQUIRE(win.has_value());
  BOOST_TEST(win->kubernetes == v("1.31"));
  BOOST_TEST(win->date == date("2024-11-12"));
  BOOST_TEST(!eks().parse_release_version("1.31.3-20250101", AmiFamily::Windows).has_value());

  BOOST_TEST(eks().release_version_format(AmiFamily::AmazonLinux2)->example == "1.31.3-20250101");
  BOOST_TEST(eks().release_version_format(AmiFamily::Custom) == nullptr);
}

BOOST_AUTO_TEST_CASE(known_bad_releases_match_family_date_and_minor) {
  auto containerd = *eks().parse_release_version("1.18.9-20201112", AmiFamily::AmazonLinux2);
  auto found = eks().known_bad(containerd);
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0]->id == "v20201112");
  BOOST_TEST(found[0]->fixed_by == "v20201117");
  BOOST_TEST(found[0]->links.front() == "https://github.com/awslabs/amazon-eks-ami/issues/563");
  // Same day, minor outside the affected range.
  BOOST_TEST(eks().known_bad(*eks().parse_release_version("1.19.3-20201112", AmiFamily::AmazonLinux2)).empty());

  // The containerd exit-event regression: AL2023 from 08-07, AL2 from 08-17, fixed on 08-28.
  auto al2023 = *eks().parse_release_version("1.30.2-20240815", AmiFamily::AmazonLinux2023);
  BOOST_TEST(eks().known_bad(al2023).size() == 1u);
  BOOST_TEST(eks().known_bad(*eks().parse_release_version("1.30.2-20240815", AmiFamily::AmazonLinux2)).empty());
  BOOST_TEST(eks().known_bad(*eks().parse_release_version("1.30.2-20240817", AmiFamily::AmazonLinux2)).size() == 1u);
  BOOST_TEST(eks().known_bad(*eks().parse_release_version("1.30.2-20240828", AmiFamily::AmazonLinux2023)).empty());
  BOOST_TEST(eks().known_bad(AmiFamily::Bottlerocket, date("2024-08-15"), std::nullopt).empty());
}

BOOST_AUTO_TEST_CASE(addon_versions_parse_and_check_compatibility) {
  auto version = eks().parse_addon_version("v1.31.2-eksbuild.1");
  BOOST_REQUIRE(version.has_value());
  BOOST_TEST(version->minor == 31);
  BOOST_TEST(version->eksbuild == 1);
  BOOST_TEST(!eks().parse_addon_version("v1.31.2-minimal-eksbuild.1"));
  BOOST_TEST(eks().addon_version_hint("v1.31.2-minimal-eksbuild.1")->find("minimal") != std::string::npos);
  BOOST_TEST(eks().addon_version_hint("1.31.2-eksbuild.1")->find("start with 'v'") != std::string::npos);
  BOOST_TEST(eks().addon_version_hint("v1.31.2")->find("eksbuild") != std::string::npos);
  BOOST_TEST(!eks().addon_version_hint("v1.31.2-eksbuild.1"));
  BOOST_TEST(*eks().parse_addon_version("v1.31.10-eksbuild.1") > *version);

  const auto proxy_wrong = eks().check_addon("kube-proxy", *eks().parse_addon_version("v1.30.14-eksbuild.8"), v("1.31"));
  BOOST_TEST(proxy_wrong.verdict == AddonCompatibility::Incompatible);
  BOOST_TEST(proxy_wrong.reason.find("not the cluster's 1.31") != std::string::npos);
  BOOST_TEST(proxy_wrong.latest_known == "v1.31.13-eksbuild.2");
  BOOST_TEST(eks().check_addon("kube-proxy", *eks().parse_addon_version("v1.31.2-eksbuild.1"), v("1.31")).verdict ==
             AddonCompatibility::Compatible);
  BOOST_TEST(eks().check_addon("kube-proxy", *eks().parse_addon_version("v1.28.5-eksbuild.1"), v("1.28")).verdict ==
             AddonCompatibility::Incompatible);
  BOOST_TEST(eks().check_addon("coredns", *eks().parse_addon_version("v1.11.4-eksbuild.24"), v("1.31")).verdict ==
             AddonCompatibility::Compatible);
  const auto coredns_new = eks().check_addon("coredns", *eks().parse_addon_version("v1.12.4-eksbuild.1"), v("1.29"));
  BOOST_TEST(coredns_new.verdict == AddonCompatibility::NotKnown);
  BOOST_TEST(coredns_new.reason.find("v1.11") != std::string::npos);
  BOOST_TEST(eks().check_addon("coredns", *version, v("1.36")).verdict == AddonCompatibility::Unknown);
  BOOST_TEST(eks().check_addon("vpc-cni", *eks().parse_addon_version("v1.19.0-eksbuild.1"), v("1.31")).verdict ==
             AddonCompatibility::Unknown);
  BOOST_TEST(eks().check_addon("vpc-cni", *version, v("1.17")).verdict == AddonCompatibility::Incompatible);
  BOOST_TEST(eks().check_addon("no-such-addon", *version, v("1.31")).verdict == AddonCompatibility::Unknown);
  BOOST_REQUIRE(eks().addon("aws-ebs-csi-driver") != nullptr);
  BOOST_TEST(eks().addon("aws-ebs-csi-driver")->minimums.front().version == "1.31.0");
  BOOST_TEST(!eks().resolve_conflicts_meaning("OVERWRITE").empty());
}

BOOST_AUTO_TEST_CASE(api_removals_by_cluster_version) {
  auto removed = eks().api_status("extensions/v1beta1", "Deployment", v("1.16"));
  BOOST_TEST(removed.status == ApiStatus::Removed);
  BOOST_REQUIRE(removed.entry != nullptr);
  BOOST_TEST(removed.entry->replacement == "apps/v1");
  BOOST_TEST(eks().api_status("batch/v1beta1", "CronJob", v("1.20")).status == ApiStatus::Served);
  BOOST_TEST(eks().api_status("batch/v1beta1", "CronJob", v("1.20")).entry != nullptr);
  BOOST_TEST(eks().api_status("batch/v1beta1", "CronJob", v("1.22")).status == ApiStatus::Deprecated);
  BOOST_TEST(eks().api_status("batch/v1beta1", "CronJob", v("1.25")).status == ApiStatus::Removed);
  auto psp = eks().api_status("policy/v1beta1", "PodSecurityPolicy", v("1.25"));
  BOOST_TEST(psp.status == ApiStatus::Removed);
  BOOST_TEST(psp.entry->replacement.empty());
  BOOST_TEST(eks().api_status("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", v("1.26")).status == ApiStatus::Removed);
  BOOST_TEST(eks().api_status("apps/v1", "Deployment", v("1.36")).entry == nullptr);
  BOOST_TEST(eks().api_status("resource.k8s.io/v1beta1", "ResourceClaim", v("1.36")).entry->confidence == Confidence::Unsure);
}

BOOST_AUTO_TEST_CASE(launch_template_restrictions_and_security_group_flows) {
  const LaunchTemplateRestriction* profile = eks().launch_template_restriction("instance-profile-in-launch-template");
  BOOST_REQUIRE(profile != nullptr);
  BOOST_TEST(profile->launch_template_paths == std::vector<std::string>{"IamInstanceProfile"});
  BOOST_TEST(profile->severity == Severity::Error);
  BOOST_TEST(eks().launch_template_restriction("launch-template-version-keyword")->confidence == Confidence::Unsure);
  for (const char* id : {"subnet-in-launch-template", "spot-request-in-launch-template", "hibernation-in-launch-template",
                         "shutdown-behavior-in-launch-template", "security-groups-at-both-levels", "instance-types-in-both",
                         "disk-size-with-launch-template", "remote-access-with-launch-template",
                         "custom-ami-with-ami-settings", "launch-template-id-and-name"}) {
    BOOST_TEST_CONTEXT(id) { BOOST_TEST(eks().launch_template_restriction(id) != nullptr); }
  }

  const auto& flows = eks().security_groups().flows;
  auto kubelet = std::find_if(flows.begin(), flows.end(), [](const SecurityGroupFlow& f) { return f.id == "kubelet-from-control-plane"; });
  BOOST_REQUIRE(kubelet != flows.end());
  BOOST_TEST(kubelet->from_port == 10250);
  BOOST_TEST(kubelet->protocol == "tcp");
  BOOST_TEST(kubelet->minimum);
  BOOST_TEST(std::count_if(flows.begin(), flows.end(), [](const SecurityGroupFlow& f) {
               return f.model == "legacy" && f.from == SgPeer::ControlPlane && f.from_port == 1025 && f.to_port == 65535;
             }) == 1);
  BOOST_TEST(eks().security_groups().data_store_default_ports.at("postgres") == 5432);
  BOOST_TEST(eks().security_groups().cluster_security_group_get_att == "ClusterSecurityGroupId");
}

BOOST_AUTO_TEST_CASE(staleness_starts_after_180_days) {
  const Date as_of = *eks().as_of();
  BOOST_TEST(as_of == date("2026-11-27"));
  const Date day180 = Date::from_days_since_epoch(as_of.days_since_epoch() + 180);
  const Date day181 = Date::from_days_since_epoch(as_of.days_since_epoch() + 181);
  BOOST_TEST(!eks().is_stale(day180));
  BOOST_TEST(!eks().data_staleness_warning(day180).has_value());
  BOOST_TEST(eks().is_stale(day181));
  const auto warning = eks().data_staleness_warning(day181);
  BOOST_REQUIRE(warning.has_value());
  BOOST_TEST(warning->find("181 days") != std::string::npos);
  BOOST_TEST(warning->find("--data-dir") != std::string::npos);
  BOOST_TEST(!eks().data_staleness_warning(day181, 365).has_value());
}

BOOST_AUTO_TEST_CASE(patterns_compile_on_first_use_and_data_dir_patterns_are_checked_at_load) {
  // The embedded knowledge compiles a pattern the first time it matches something (most lints
  // match few); loaded files compile all of theirs at once, so a broken one names its file.
  auto checked = load_eks_knowledge_from({});
  BOOST_REQUIRE(checked.ok());
  const EksKnowledge& strict = *checked.value();
  for (const char* path : {"/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended/image_id",
                           "/aws/service/eks/optimized-ami/1.31/amazon-linux-2-arm64/amazon-eks-arm64-node-1.31-v20250101/image_id",
                           "/aws/service/eks/optimized-ami/1.31/amazon-linux-3/recommended/image_id"}) {
    BOOST_TEST_CONTEXT(path) {
      const auto lazy = eks().parse_ssm_ami_path(path);
      const auto eager = strict.parse_ssm_ami_path(path);
      BOOST_TEST(lazy.has_value() == eager.has_value());
      if (lazy && eager) {
        BOOST_TEST(lazy->kubernetes.to_string() == eager->kubernetes.to_string());
        BOOST_TEST(lazy->pinned_release == eager->pinned_release);
        BOOST_TEST(lazy->parameter == eager->parameter);
      }
    }
  }
  BOOST_TEST(eks().parse_ssm_ami_path("/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended/image_id").has_value());
  BOOST_TEST(eks().parse_addon_version("v1.19.0-eksbuild.1")->minor == 19);

  std::string text = embedded_text("eks/addons.json");
  const std::string pattern = "\"version_pattern\": \"v([0-9]+)";
  BOOST_REQUIRE(text.find(pattern) != std::string::npos);
  text.replace(text.find(pattern), pattern.size(), "\"version_pattern\": \"v([0-9]+");
  auto broken = load_eks_knowledge_from({{"eks/addons.json", text}}, "test");
  BOOST_REQUIRE(!broken.ok());
  BOOST_TEST(broken.error().file == "test/eks/addons.json");
  BOOST_TEST(broken.error().message.find("invalid pattern") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_dir_replaces_files_of_the_same_path) {
  TempDir dir;
  // A newer versions.json: 1.37 released, data dated later.
  std::string text = embedded_text("eks/versions.json");
  const std::string old_as_of = "\"as_of\": \"2026-11-27\"";
  text.replace(text.find(old_as_of), old_as_of.size(), "\"as_of\": \"2027-02-01\"");
  const std::string old_137 = "\"eks_release\": null, \"end_of_standard_support\": null, \"end_of_extended_support\": null";
  BOOST_REQUIRE(text.find(old_137) != std::string::npos);
  text.replace(text.find(old_137), old_137.size(),
               "\"eks_release\": \"2026-12-10\", \"end_of_standard_support\": \"2028-02-10\", \"end_of_extended_support\": \"2029-02-10\"");
  dir.write("eks/versions.json", text);
  dir.write("unrelated.txt", "ignored");

  auto loaded = load_eks_knowledge(dir.path().string());
  BOOST_REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().to_string()));
  const EksKnowledge& k = *loaded.value();
  BOOST_TEST(k.support_status(v("1.37"), date("2027-01-01")) == SupportStatus::Standard);
  BOOST_TEST(eks().support_status(v("1.37"), date("2027-01-01")) == SupportStatus::Unknown);  // Embedded unchanged.
  BOOST_TEST(k.file("eks/versions.json")->as_of == date("2027-02-01"));
  BOOST_TEST(k.file("eks/versions.json")->origin.find("versions.json") != std::string::npos);
  BOOST_TEST(k.file("eks/skew.json")->origin == "embedded");
  BOOST_TEST(k.ami_types().size() == 23u);

  // No directory: the embedded data.
  BOOST_TEST(load_eks_knowledge(std::nullopt).value() == embedded_eks_knowledge());
}

BOOST_AUTO_TEST_CASE(broken_override_reports_file_and_position) {
  {
    TempDir dir;
    dir.write("eks/skew.json", "{\n  \"as_of\": \"2026-11-27\",\n  \"sources\": [\"https://x\"\n");
    auto loaded = load_eks_knowledge(dir.path().string());
    BOOST_REQUIRE(!loaded.ok());
    BOOST_TEST(loaded.error().file == (dir.path() / "eks" / "skew.json").string());
    BOOST_TEST(loaded.error().position.has_value());
    BOOST_TEST(loaded.error().to_string().find("skew.json:") != std::string::npos);
  }
  {
    // Valid JSON with a bad value: the position is the value's.
    TempDir dir;
    std::string text = embedded_text("eks/versions.json");
    const std::string good = "\"eks_release\": \"2024-09-26\"";
    const auto at = text.find(good);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, good.size(), "\"eks_release\": \"2024-09-31\"");
    dir.write("eks/versions.json", text);
    const auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1);
    auto loaded = load_eks_knowledge(dir.path().string());
    BOOST_REQUIRE(!loaded.ok());
    BOOST_REQUIRE(loaded.error().position.has_value());
    BOOST_TEST(loaded.error().position->line == line);
    BOOST_TEST(loaded.error().message.find("2024-09-31") != std::string::npos);
  }
  {
    TempDir dir;
    dir.write("eks/version.json", "{}");
    auto loaded = load_eks_knowledge(dir.path().string());
    BOOST_REQUIRE(!loaded.ok());
    BOOST_TEST(loaded.error().message.find("not a known EKS data file") != std::string::npos);
  }
  {
    TempDir dir;
    // No eks/ subdirectory: the files are one level too high.
    dir.write("versions.json", embedded_text("eks/versions.json"));
    auto loaded = load_eks_knowledge(dir.path().string());
    BOOST_REQUIRE(!loaded.ok());
    BOOST_TEST(loaded.error().message.find("subdirectory") != std::string::npos);
  }
  {
    auto loaded = load_eks_knowledge(std::string("/nonexistent/cfn-eks-data"));
    BOOST_REQUIRE(!loaded.ok());
    BOOST_TEST(loaded.error().message.find("not a directory") != std::string::npos);
  }
  {
    // Missing provenance is refused too.
    auto loaded = load_eks_knowledge_from({{"eks/skew.json", "{\"control_plane\": {}}"}}, "test");
    BOOST_REQUIRE(!loaded.ok());
    BOOST_TEST(loaded.error().message.find("as_of") != std::string::npos);
    BOOST_TEST(loaded.error().file == "test/eks/skew.json");
  }
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
