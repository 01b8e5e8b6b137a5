#include "cfn_eks/lazy_regex.hpp"

#include <mutex>
#include <regex>

namespace cfn_eks {

namespace {
// libstdc++'s regex matcher recurses per input character; long values (UserData) would
// overflow the stack, and no schema pattern is meant for them.
constexpr std::size_t kMaxSearchInput = 4096;
}  // namespace

struct LazyRegex::Compiled {
  std::once_flag once;
  std::unique_ptr<std::regex> re;
  std::string error;
};

LazyRegex::LazyRegex(std::string source) : source_(std::move(source)), compiled_(std::make_unique<Compiled>()) {}
LazyRegex::~LazyRegex() = default;
LazyRegex::LazyRegex(LazyRegex&&) noexcept = default;
LazyRegex& LazyRegex::operator=(LazyRegex&&) noexcept = default;

const LazyRegex::Compiled& LazyRegex::compiled() const {
  std::call_once(compiled_->once, [this] {
    try {
      compiled_->re = std::make_unique<std::regex>(source_, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      compiled_->re.reset();
      compiled_->error = e.what();
      if (compiled_->error.empty()) compiled_->error = "invalid regular expression";
    }
  });
  return *compiled_;
}

bool LazyRegex::compiles() const { return compiled().re != nullptr; }

std::string LazyRegex::error() const { return compiled().error; }

std::size_t LazyRegex::mark_count() const {
  const Compiled& c = compiled();
  return c.re ? c.re->mark_count() : 0;
}

std::optional<bool> LazyRegex::search(std::string_view text) const {
  if (text.size() > kMaxSearchInput) return std::nullopt;
  const Compiled& c = compiled();
  if (!c.re) return std::nullopt;
  try {
    return std::regex_search(text.begin(), text.end(), *c.re);
  } catch (const std::regex_error&) {
    return std::nullopt;  // error_complexity / error_stack: not a verdict on the value
  }
}

bool LazyRegex::match(std::string_view text, std::vector<std::string>* groups) const {
  const Compiled& c = compiled();
  if (!c.re) return false;
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, *c.re)) return false;
  if (groups != nullptr) {
    groups->clear();
    for (std::size_t i = 1; i < m.size(); ++i) groups->push_back(m[i].str());
  }
  return true;
}

}  // namespace cfn_eks
