#include "support/paths.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cfn_eks::testing {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace cfn_eks::testing
