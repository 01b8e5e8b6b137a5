// cfn-eks-generate: writes a generated EKS template, for whole-process benchmarks.
//   cfn-eks-generate --resources 2000 --format yaml > fleet.yaml
//   cfn-eks-generate --bytes 1000000 --format json > big.json

#include <cstring>
#include <iostream>
#include <string>

#include "template_generator.hpp"

int main(int argc, char** argv) {
  using cfn_eks::bench::GeneratedFormat;
  long resources = 0;
  long bytes = 0;
  GeneratedFormat format = GeneratedFormat::Yaml;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--resources") {
      resources = std::stol(value);
    } else if (flag == "--bytes") {
      bytes = std::stol(value);
    } else if (flag == "--format" && (value == "yaml" || value == "json")) {
      format = value == "json" ? GeneratedFormat::Json : GeneratedFormat::Yaml;
    } else {
      std::cerr << "usage: cfn-eks-generate (--resources N | --bytes N) [--format yaml|json]\n";
      return 2;
    }
  }
  if ((resources > 0) == (bytes > 0)) {
    std::cerr << "usage: cfn-eks-generate (--resources N | --bytes N) [--format yaml|json]\n";
    return 2;
  }
  std::cout << (resources > 0 ? cfn_eks::bench::generate_template(static_cast<int>(resources), format)
                              : cfn_eks::bench::generate_template_of_size(static_cast<std::size_t>(bytes), format));
  return 0;
}
