#pragma once
/// Which resources depend on which (Ref, Fn::GetAtt, Fn::Sub, DependsOn), with cycle detection.

#include <cstdint>
#include <string_view>
#include <vector>

#include "cfn_eks/template.hpp"

namespace cfn_eks {

/// One edge: resource `from` needs resource `to`, written at `at`. Ref to parameters and
/// pseudo-parameters and names that are not resources make no edge. Functions anywhere in the
/// resource count (Properties, Metadata, UpdatePolicy, ...), as CloudFormation counts them;
/// each occurrence is its own edge, so one pair of resources may have several.
struct Dependency {
  std::size_t from = 0;  ///< Index into Template::resources().
  std::size_t to = 0;
  const Node* at = nullptr;  ///< The Ref, GetAtt, Sub or DependsOn entry that makes the edge.
  enum class Via : std::uint8_t { Ref, GetAtt, Sub, DependsOn } via = Via::Ref;
};

class DependencyGraph {
 public:
  explicit DependencyGraph(const Template& tmpl);

  const std::vector<Dependency>& edges() const { return edges_; }
  /// Edges leaving resource `index`.
  std::vector<const Dependency*> dependencies_of(std::size_t index) const;
  /// Edges entering resource `index`.
  std::vector<const Dependency*> dependents_of(std::size_t index) const;
  /// Each cycle as the list of its edges, in order; each cycle reported once. One cycle per
  /// strongly connected component of two or more resources (the shortest through its
  /// first resource), plus each self-dependency; ordered by first resource index.
  std::vector<std::vector<const Dependency*>> cycles() const;
  /// Strongly connected components as sorted resource indexes; dependencies come first.
  std::vector<std::vector<std::size_t>> components() const;
  /// Resources in an order where dependencies come first (cycles broken arbitrarily).
  std::vector<std::size_t> topological_order() const;

 private:
  const Template* tmpl_;
  std::vector<Dependency> edges_;
  std::vector<std::vector<std::size_t>> out_;  // edge indices per resource
  std::vector<std::vector<std::size_t>> in_;
};

}  // namespace cfn_eks
