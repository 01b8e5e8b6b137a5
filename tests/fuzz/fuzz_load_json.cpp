// libFuzzer harness: the JSON loader. load_document of a .json file reads only text starting
// with '{' as JSON, so the JSON reader is also called directly for everything else.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "cfn_eks/document.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = std::make_shared<cfn_eks::SourceFile>(
      "fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  const cfn_eks::Document json = cfn_eks::load_json(source);
  cfn_eks::fuzz::check_positions(*source, json.diagnostics);
  const cfn_eks::Document guessed = cfn_eks::load_document(source);
  cfn_eks::fuzz::check_positions(*source, guessed.diagnostics);
  return 0;
}
