#pragma once
/// Fn::Sub template strings: substitution once each variable's text is chosen.

#include <string>
#include <string_view>
#include <unordered_map>

namespace cfn_eks::detail {

/// `text` with each `${Name}` replaced by `values.at(Name)` and `${!Literal}` written as
/// `${Literal}`. Variables missing from `values` stay as written.
std::string substitute(std::string_view text,
                       const std::unordered_map<std::string_view, std::string_view>& values);

}  // namespace cfn_eks::detail
