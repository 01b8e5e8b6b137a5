#include "support/reviewed_list.hpp"

#include <fstream>

namespace cfn_eks::testing {

std::map<std::string, std::string> read_reviewed_list(const std::filesystem::path& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto hash = line.find("  # ");
    std::string key = line.substr(0, hash);
    while (!key.empty() && key.back() == ' ') key.pop_back();
    out[key] = hash == std::string::npos ? "" : line.substr(hash + 4);
  }
  return out;
}

}  // namespace cfn_eks::testing
