// Rules whose findings the loader makes (src/model/). Their checks live in the loader because
// they concern the bytes and the parse; here they get ids, names and documentation.

#include "rules/rule_lists.hpp"

namespace cfn_eks {

namespace {

constexpr RuleInfo kSyntaxError{
    "T001", "syntax-error", Severity::Error, "The template is not valid YAML or JSON.",
    R"(## What it checks
The template parses as YAML (with CloudFormation's short-form tags) or as JSON. The finding points
at the cause: an unterminated quote is reported at the opening quote, not at the end of the file.

## Why it matters
CloudFormation refuses a template it cannot parse, and nothing else in the file is checked.

## Example
```yaml
Description: "EKS cluster    # the quote is never closed
```

## How to fix
Close the quote or bracket, fix the indentation, or quote a value that starts with a YAML
indicator (`*`, `&`, `!`, `%`, `@`, a backtick).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
- https://yaml.org/spec/1.1/)",
    RuleStatus::Stable};

constexpr RuleInfo kDuplicateKey{
    "T002", "duplicate-key", Severity::Error, "A mapping has the same key twice.",
    R"(## What it checks
No mapping (resources, properties, parameters, ...) repeats a key. Both positions are reported.

## Why it matters
YAML and JSON parsers keep only one of the values, silently: a resource or property you wrote
disappears. CloudFormation rejects duplicate keys in YAML templates.

## Example
```yaml
Resources:
  NodeGroup: {Type: AWS::EKS::Nodegroup, ...}
  NodeGroup: {Type: AWS::AutoScaling::AutoScalingGroup, ...}   # flagged
```

## How to fix
Rename one of the entries or merge them.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html)",
    RuleStatus::Stable};

constexpr RuleInfo kAnchorOrAlias{
    "T003", "yaml-anchor-or-alias", Severity::Error, "The template uses a YAML anchor or alias.",
    R"(## What it checks
No `&anchor` or `*alias` appears. Aliases are never expanded by cfn-eks, so an alias bomb
costs nothing to check.

## Why it matters
CloudFormation does not support YAML anchors, aliases or merge keys; the stack operation fails.

## Example
```yaml
Tags: &tags [{Key: team, Value: platform}]
OtherTags: *tags      # flagged
```

## How to fix
Repeat the value, or move it to a parameter or mapping and reference it.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html)",
    RuleStatus::Stable};

constexpr RuleInfo kMultipleDocuments{
    "T004", "multiple-yaml-documents", Severity::Error, "The file holds more than one YAML document.",
    R"(## What it checks
The file is a single YAML document: no second `---` section.

## Why it matters
A template is one document; CloudFormation rejects a stream of several.

## Example
```yaml
Resources: {...}
---
Resources: {...}   # flagged
```

## How to fix
Split the documents into separate template files.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html)",
    RuleStatus::Stable};

constexpr RuleInfo kInvalidEncoding{
    "T005", "invalid-encoding", Severity::Error, "The file is not UTF-8 text, or holds NUL or control bytes.",
    R"(## What it checks
The bytes are valid UTF-8 (no overlong forms or surrogates) and contain no NUL or control
characters other than tab and line breaks. A byte-order mark is accepted.

## Why it matters
CloudFormation reads templates as UTF-8; other encodings or binary data are rejected or corrupt
values silently.

## Example
A template saved as Latin-1 with `Description: Café` contains the byte 0xE9: flagged.

## How to fix
Re-encode the file as UTF-8 and remove control characters.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
- https://yaml.org/spec/1.2.2/#51-character-set)",
    RuleStatus::Stable};

constexpr RuleInfo kNestingTooDeep{
    "T006", "nesting-too-deep", Severity::Error, "The template nests deeper than cfn-eks accepts (128 levels).",
    R"(## What it checks
Mappings and lists nest at most 128 levels deep.

## Why it matters
No real template comes near this; deeper nesting is a generated or hostile file. The cap keeps
every later pass safe from stack exhaustion.

## Example
`[[[[[[ ... ]]]]]]` nested 10,000 times.

## How to fix
Flatten the structure.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html)",
    RuleStatus::Stable};

constexpr RuleInfo kExceedsInlineSize{
    "T007", "template-exceeds-inline-size", Severity::Info,
    "The template is larger than CloudFormation accepts as an inline body (51,200 bytes).",
    R"(## What it checks
The file size against the 51,200-byte limit for a template passed with `--template-body`.

## Why it matters
`aws cloudformation deploy` and `create-stack --template-body` fail for larger templates unless
the template is uploaded to S3 first.

## Example
A 60 KB template deployed with `--template-body file://stack.yaml`.

## How to fix
Upload the template to S3 (`--s3-bucket` / `--template-url`), or split it into nested stacks.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html)",
    RuleStatus::Stable};

constexpr RuleInfo kExceedsS3Size{
    "T008", "template-exceeds-size-limit", Severity::Error,
    "The template is larger than CloudFormation's 1 MB limit.",
    R"(## What it checks
The file size against the 1,000,000-byte limit for a template read from S3.

## Why it matters
CloudFormation refuses larger templates however they are passed.

## Example
A generated template of 1.2 MB.

## How to fix
Split it into nested stacks or move repeated blocks into modules.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html)",
    RuleStatus::Stable};

constexpr RuleInfo kUnknownTag{
    "T009", "unknown-yaml-tag", Severity::Error, "A YAML tag is not one of CloudFormation's short forms.",
    R"(## What it checks
Every `!Tag` is a short form CloudFormation knows (`!Ref`, `!GetAtt`, `!Sub`, `!If`, `!Join`,
`!Select`, `!Split`, `!FindInMap`, `!Base64`, `!Cidr`, `!ImportValue`, `!GetAZs`, `!Equals`,
`!And`, `!Or`, `!Not`, `!Condition`, `!Transform`, `!ToJsonString`, `!Length`) or a standard
YAML type tag (`!!str`, `!!int`, ...).

## Why it matters
CloudFormation rejects unknown tags; often they are typos (`!GetAttr`) or tags from another
tool's dialect (`!Rain::Embed`, `!Base64Encode`).

## Example
```yaml
RoleArn: !GetAttr NodeRole.Arn   # flagged
```

## How to fix
Use the intrinsic's correct short form or its long form (`Fn::GetAtt`).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)",
    RuleStatus::Stable};

}  // namespace

void add_loader_rules(RuleList& rules) {
  for (const RuleInfo& info : {kSyntaxError, kDuplicateKey, kAnchorOrAlias, kMultipleDocuments, kInvalidEncoding,
                               kNestingTooDeep, kExceedsInlineSize, kExceedsS3Size, kUnknownTag}) {
    rules.push_back(std::make_unique<BuiltinRule>(info));
  }
}

}  // namespace cfn_eks
