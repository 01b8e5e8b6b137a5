#pragma once
// Validates resources' Properties against their schemas, through the resolver: an intrinsic is
// checked by what it can return, never for being an intrinsic. Runs once per template (cached
// in the LintContext) and the S rules each report the problems of their kind.

#include <string>
#include <vector>

#include "cfn_eks/rule.hpp"

namespace cfn_eks {

enum class SchemaProblem : std::uint8_t {
  UnknownProperty,      // S101
  MissingRequired,      // S102
  WrongType,            // S103
  ValueNotAllowed,      // S104 enum / const
  PatternMismatch,      // S105
  OutOfRange,           // S106 length and range
  ItemCount,            // S107
  DuplicateItem,        // S108
  ExclusiveProperties,  // S109
  MissingDependent,     // S110
  ValueKind,            // S202 Ref/GetAtt (or a literal id) of the wrong kind
};

struct SchemaFinding {
  SchemaProblem problem;
  ByteRange range;
  std::string message;
};

/// Findings for every resource with a schema, in resource order; computed on first call per lint.
const std::vector<SchemaFinding>& schema_findings(const LintContext& context);

/// Reports the findings of one kind (the body of each S1xx rule).
void report_schema_problems(const LintContext& context, DiagnosticSink& sink, SchemaProblem problem);

/// "the resource properties are not checked" cases: types a transform may create or rewrite.
bool schema_skipped_for_transform(const Template& tmpl, std::string_view type);

}  // namespace cfn_eks
