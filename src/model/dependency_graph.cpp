#include "cfn_eks/dependency_graph.hpp"

#include <algorithm>
#include <set>

#include "cfn_eks/resolver.hpp"

namespace cfn_eks {

namespace {

/// Collects the edges of one resource by walking its definition.
class EdgeCollector {
 public:
  EdgeCollector(const Template& tmpl, std::size_t from, std::vector<Dependency>& edges)
      : tmpl_(tmpl), from_(from), edges_(edges) {}

  void walk(const Node& node) {
    if (node.is_intrinsic()) {
      walk_intrinsic(node);
      return;
    }
    for (const Node* item : node.items) {
      if (item) walk(*item);
    }
    for (const MapEntry& entry : node.entries) {
      if (entry.value) walk(*entry.value);
    }
  }

  void add(std::string_view name, const Node* at, Dependency::Via via) {
    const Resource* target = tmpl_.resource(name);
    if (!target) return;  // parameters, pseudo-parameters and missing names make no edge
    const auto to = static_cast<std::size_t>(target - tmpl_.resources().data());
    edges_.push_back(Dependency{from_, to, at, via});
  }

 private:
  void walk_intrinsic(const Node& node) {
    const Node* arg = node.argument;
    if (!arg) return;
    if (node.text == "Ref" && arg->is_string()) {
      add(arg->text, &node, Dependency::Via::Ref);
      return;
    }
    if (node.text == "Fn::GetAtt") {
      if (arg->is_string()) {
        // `!GetAtt A.B.C` splits at the first dot: resource A, attribute B.C.
        add(std::string_view(arg->text).substr(0, arg->text.find('.')), &node, Dependency::Via::GetAtt);
        return;
      }
      if (arg->is_sequence() && !arg->items.empty() && arg->items[0] && arg->items[0]->is_string()) {
        add(arg->items[0]->text, &node, Dependency::Via::GetAtt);
        for (std::size_t i = 1; i < arg->items.size(); ++i) {
          if (arg->items[i]) walk(*arg->items[i]);
        }
        return;
      }
    }
    if (node.text == "Fn::Sub") {
      const Node* text = nullptr;
      const Node* variables = nullptr;
      if (arg->is_string()) {
        text = arg;
      } else if (arg->is_sequence() && !arg->items.empty() && arg->items[0] && arg->items[0]->is_string()) {
        text = arg->items[0];
        if (arg->items.size() > 1 && arg->items[1] && arg->items[1]->is_mapping()) variables = arg->items[1];
      }
      if (text) {
        for (const SubVariable& variable : sub_variables(text->text)) {
          const std::string_view name = std::string_view(variable.name).substr(0, variable.name.find('.'));
          // The variable map's own names shadow resources of the same name.
          if (variables && variables->find(variable.name)) continue;
          add(name, &node, Dependency::Via::Sub);
        }
        if (variables) walk(*variables);
        return;
      }
    }
    walk(*arg);
  }

  const Template& tmpl_;
  std::size_t from_;
  std::vector<Dependency>& edges_;
};

}  // namespace

DependencyGraph::DependencyGraph(const Template& tmpl) : tmpl_(&tmpl) {
  const std::vector<Resource>& resources = tmpl.resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& resource = resources[i];
    EdgeCollector collector(tmpl, i, edges_);
    if (resource.node) {
      // Like CloudFormation, a Ref anywhere in the resource counts (Properties, Metadata,
      // UpdatePolicy, ...); Type, Condition and DependsOn name no resources through functions.
      for (const MapEntry& entry : resource.node->entries) {
        if (entry.key == "Type" || entry.key == "Condition" || entry.key == "DependsOn") continue;
        if (entry.value) collector.walk(*entry.value);
      }
    }
    if (const Node* depends = resource.depends_on) {
      if (depends->is_string()) collector.add(depends->text, depends, Dependency::Via::DependsOn);
      for (const Node* item : depends->items) {
        if (item && item->is_string()) collector.add(item->text, item, Dependency::Via::DependsOn);
      }
    }
  }
  out_.resize(resources.size());
  in_.resize(resources.size());
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    out_[edges_[e].from].push_back(e);
    in_[edges_[e].to].push_back(e);
  }
}

std::vector<const Dependency*> DependencyGraph::dependencies_of(std::size_t index) const {
  std::vector<const Dependency*> result;
  if (index >= out_.size()) return result;
  for (std::size_t e : out_[index]) result.push_back(&edges_[e]);
  return result;
}

std::vector<const Dependency*> DependencyGraph::dependents_of(std::size_t index) const {
  std::vector<const Dependency*> result;
  if (index >= in_.size()) return result;
  for (std::size_t e : in_[index]) result.push_back(&edges_[e]);
  return result;
}

std::vector<std::vector<std::size_t>> DependencyGraph::components() const {
  // Tarjan's algorithm, iterative so a long DependsOn chain cannot exhaust the stack.
  const std::size_t n = out_.size();
  constexpr std::size_t kUnvisited = static_cast<std::size_t>(-1);
  std::vector<std::size_t> index(n, kUnvisited);
  std::vector<std::size_t> low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::size_t> stack;
  std::vector<std::vector<std::size_t>> result;
  std::size_t next_index = 0;
  struct Frame {
    std::size_t node;
    std::size_t next_edge;
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const std::size_t v = frame.node;
      if (frame.next_edge < out_[v].size()) {
        const std::size_t w = edges_[out_[v][frame.next_edge++]].to;
        if (index[w] == kUnvisited) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<std::size_t> component;
        std::size_t w = 0;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component.push_back(w);
        } while (w != v);
        std::sort(component.begin(), component.end());
        result.push_back(std::move(component));
      }
      frames.pop_back();
      if (!frames.empty()) {
        const std::size_t parent = frames.back().node;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return result;
}

std::vector<std::vector<const Dependency*>> DependencyGraph::cycles() const {
  std::vector<std::vector<const Dependency*>> result;
  std::vector<std::size_t> component_of(out_.size(), 0);
  const std::vector<std::vector<std::size_t>> components_found = components();
  for (std::size_t c = 0; c < components_found.size(); ++c) {
    for (std::size_t v : components_found[c]) component_of[v] = c;
  }
  std::vector<std::pair<std::size_t, std::vector<const Dependency*>>> found;
  for (std::size_t c = 0; c < components_found.size(); ++c) {
    const std::vector<std::size_t>& component = components_found[c];
    if (component.size() > 1) {
      // The shortest cycle through the component's first resource, by breadth-first search
      // over edges inside the component.
      const std::size_t start = component.front();
      std::vector<const Dependency*> reached_by(out_.size(), nullptr);
      std::vector<std::size_t> queue{start};
      const Dependency* closing = nullptr;
      for (std::size_t q = 0; q < queue.size() && !closing; ++q) {
        for (std::size_t e : out_[queue[q]]) {
          const Dependency& edge = edges_[e];
          if (component_of[edge.to] != c || edge.to == edge.from) continue;
          if (edge.to == start) {
            closing = &edge;
            break;
          }
          if (reached_by[edge.to]) continue;
          reached_by[edge.to] = &edge;
          queue.push_back(edge.to);
        }
      }
      if (closing) {
        std::vector<const Dependency*> cycle{closing};
        for (std::size_t v = closing->from; v != start; v = reached_by[v]->from) cycle.push_back(reached_by[v]);
        std::reverse(cycle.begin(), cycle.end());
        found.emplace_back(start, std::move(cycle));
      }
    }
    for (std::size_t v : component) {
      for (std::size_t e : out_[v]) {
        if (edges_[e].to == v) {
          found.emplace_back(v, std::vector<const Dependency*>{&edges_[e]});
          break;  // one report per self-loop, however many times it is written
        }
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.size() > b.second.size();
  });
  for (auto& entry : found) result.push_back(std::move(entry.second));
  return result;
}

std::vector<std::size_t> DependencyGraph::topological_order() const {
  // Kahn's algorithm taking the lowest index ready, so the order is stable; when only cycles
  // remain, the lowest-index resource left goes next.
  const std::size_t n = out_.size();
  std::vector<std::set<std::size_t>> needs(n);
  std::vector<std::set<std::size_t>> needed_by(n);
  for (const Dependency& edge : edges_) {
    if (edge.from == edge.to) continue;
    needs[edge.from].insert(edge.to);
    needed_by[edge.to].insert(edge.from);
  }
  std::set<std::size_t> ready;
  std::set<std::size_t> waiting;
  for (std::size_t v = 0; v < n; ++v) (needs[v].empty() ? ready : waiting).insert(v);
  std::vector<std::size_t> order;
  order.reserve(n);
  while (order.size() < n) {
    std::size_t v = 0;
    if (!ready.empty()) {
      v = *ready.begin();
      ready.erase(ready.begin());
    } else {
      v = *waiting.begin();
      waiting.erase(waiting.begin());
    }
    order.push_back(v);
    for (std::size_t dependent : needed_by[v]) {
      if (needs[dependent].erase(v) && needs[dependent].empty() && waiting.erase(dependent)) {
        ready.insert(dependent);
      }
    }
  }
  return order;
}

}  // namespace cfn_eks
