#include "cfn_eks/resolver.hpp"

namespace cfn_eks {

namespace {

std::string value_text(const PossibleValue& value) {
  switch (value.kind) {
    case PossibleValue::Kind::List: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.elements.size(); ++i) {
        if (i > 0) out += ", ";
        out += value_text(value.elements[i]);
      }
      return out + "]";
    }
    case PossibleValue::Kind::Mapping: return "a mapping";
    case PossibleValue::Kind::NoValue: return "AWS::NoValue";
    case PossibleValue::Kind::Null: return "null";
    default: return "'" + value.text + "'";
  }
}

}  // namespace

const Provenance* PossibleValue::source_hop() const {
  for (auto hop = via.rbegin(); hop != via.rend(); ++hop) {
    if (!hop->passthrough) return &*hop;
  }
  return nullptr;
}

std::string PossibleValue::describe(const SourceFile& source) const {
  std::string out = value_text(*this);
  const Provenance* hop = source_hop();
  if (hop) out += " from " + hop->description;
  // The line where the value is written: the literal itself, else the place it came from,
  // else the function that computed it.
  const Node* where = origin;
  if (!where && hop) where = hop->node;
  if (!where && !via.empty()) where = via.front().node;
  if (where) out += " at line " + std::to_string(source.position(where->range.begin).line);
  return out;
}

}  // namespace cfn_eks
