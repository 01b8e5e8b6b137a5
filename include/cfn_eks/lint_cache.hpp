#pragma once
/// Results computed once per template and shared by several rules (schema validation runs once
/// for all S rules). One template is linted by one thread, so the cache is not synchronised.

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace cfn_eks {

class LintCache {
 public:
  /// The value stored under `key`, made by `make()` (returning a T) on first request. Each key
  /// must always be used with the same T.
  template <class T, class Make>
  const T& get(std::string_view key, Make&& make) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) {
      it = entries_.emplace(std::string(key), std::make_shared<T>(make())).first;
    }
    return *static_cast<const T*>(it->second.get());
  }

 private:
  mutable std::map<std::string, std::shared_ptr<void>, std::less<>> entries_;
};

}  // namespace cfn_eks
