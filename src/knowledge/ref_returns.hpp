#pragma once
// What `Ref` returns when it depends on how the resource is written: our schemas' optional
// `refReturns.withoutProperty` ({"property": "VpcId", "format": "AWS::EC2::SecurityGroup.Name"}:
// a security group without VpcId lives in the default VPC and Ref gives its name, not its id).

#include <optional>
#include <string>
#include <string_view>

namespace cfn_eks {

struct RefFormatWithout {
  std::string property;  ///< When the resource does not set this property ...
  std::string format;    ///< ... Ref returns this kind instead of the schema's refReturns.format.
};

/// From our compiled-in schema of `type`; parsed once per type, thread-safe. nullopt when the
/// type has no such entry (or no schema of ours).
std::optional<RefFormatWithout> ref_format_without(std::string_view type);

}  // namespace cfn_eks
