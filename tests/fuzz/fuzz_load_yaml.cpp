// libFuzzer harness: the YAML loader (load_document of a .yaml file, which also takes the
// '{' → JSON-then-YAML path).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<cfn_eks::SourceFile>(
      "fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  const cfn_eks::Document document = cfn_eks::load_document(source);
  cfn_eks::fuzz::check_positions(*source, document.diagnostics);
  return 0;
}
