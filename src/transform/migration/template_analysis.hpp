#pragma once
// A loaded template with the analyses the migration reads (resolver, dependency graph, a
// LintContext for the shared EKS helpers), built once per phase text.

#include <memory>

#include "cfn_eks/dependency_graph.hpp"
#include "cfn_eks/document.hpp"
#include "cfn_eks/eks_knowledge.hpp"
#include "cfn_eks/lint_cache.hpp"
#include "cfn_eks/resolver.hpp"
#include "cfn_eks/resource_schemas.hpp"
#include "cfn_eks/rule.hpp"
#include "cfn_eks/template.hpp"

namespace cfn_eks {

class TemplateAnalysis {
 public:
  TemplateAnalysis(const Document& document, EksKnowledgePtr eks)
      : document_(document),
        tmpl_(document),
        resolver_(tmpl_),
        graph_(tmpl_),
        schemas_(ResourceSchemas::embedded()),
        eks_(eks ? std::move(eks) : embedded_eks_knowledge()),
        context_{document_, tmpl_, resolver_, graph_, Date::today(), *schemas_, cache_, *eks_, &no_version_} {}
  TemplateAnalysis(const TemplateAnalysis&) = delete;
  TemplateAnalysis& operator=(const TemplateAnalysis&) = delete;

  const Document& document() const { return document_; }
  const Template& tmpl() const { return tmpl_; }
  const Resolver& resolver() const { return resolver_; }
  const DependencyGraph& graph() const { return graph_; }
  const EksKnowledge& eks() const { return *eks_; }
  const LintContext& context() const { return context_; }

  /// Index of a resource in tmpl().resources(), or npos.
  std::size_t index_of(std::string_view logical_id) const {
    const auto& all = tmpl_.resources();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].name == logical_id) return i;
    }
    return static_cast<std::size_t>(-1);
  }

 private:
  const Document& document_;
  Template tmpl_;
  Resolver resolver_;
  DependencyGraph graph_;
  std::shared_ptr<const ResourceSchemas> schemas_;
  EksKnowledgePtr eks_;
  LintCache cache_;
  std::optional<std::string> no_version_;
  LintContext context_;
};

}  // namespace cfn_eks
