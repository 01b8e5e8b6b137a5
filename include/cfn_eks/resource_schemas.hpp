#pragma once
/// Resource schemas: what each resource type's Properties may hold, what `Ref` and `Fn::GetAtt`
/// return, and which changes replace the resource.
///
/// Schemas are CloudFormation registry-format JSON: ours (schemas/resources/, compiled in) and,
/// optionally, a directory of official registry schemas (`--registry-schemas DIR`). A type's JSON
/// is parsed into an immutable `ResourceSchema` the first time the type is looked up (thread-safe),
/// so a lint pays only for the types its template uses.
///
/// Which one wins when both exist for a type: ours. Ours carry EKS facts the official schemas
/// leave out (AmiType values, version patterns, launch-template exclusivity) and are tested
/// against fixtures. The official schema is kept as a fallback for that type: a top-level
/// property or a GetAtt attribute ours does not know but the official one does is accepted and
/// checked against the official schema, so a property AWS added after our as-of date is not
/// reported as unknown.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cfn_eks/lazy_regex.hpp"

namespace cfn_eks {

/// JSON Schema `type` values, as bits; a SchemaNode's `types` of 0 allows anything.
enum JsonType : std::uint8_t {
  kJsonString = 1,
  kJsonInteger = 2,
  kJsonNumber = 4,
  kJsonBoolean = 8,
  kJsonArray = 16,
  kJsonObject = 32,
};
using JsonTypes = std::uint8_t;

/// "string", "integer or number", ... for messages.
std::string describe_json_types(JsonTypes types);

/// One schema of the draft-07 subset the registry format uses. Immutable once built; nodes
/// point at each other (a `$ref` is resolved when the type is parsed).
struct SchemaNode {
  JsonTypes types = 0;
  /// The `$ref` target, validated in addition to this node's own keywords.
  const SchemaNode* ref = nullptr;
  std::vector<std::pair<std::string, const SchemaNode*>> properties;  ///< Source order.
  std::vector<std::string> required;
  bool has_enum = false;
  std::vector<std::string> enum_values;  ///< Scalars as text ("true", "3").
  bool enum_case_insensitive = false;    ///< cfn-lint's `enumCaseInsensitive`.
  std::optional<std::string> const_value;
  const LazyRegex* pattern = nullptr;
  std::optional<std::uint64_t> min_length, max_length, min_items, max_items;
  std::optional<double> minimum, maximum;
  bool unique_items = false;
  const SchemaNode* items = nullptr;
  /// `additionalProperties: false` (when no `properties` or `patternProperties` name a key).
  bool additional_forbidden = false;
  const SchemaNode* additional = nullptr;  ///< `additionalProperties` given as a schema.
  std::vector<std::pair<const LazyRegex*, const SchemaNode*>> pattern_properties;
  std::vector<const SchemaNode*> one_of, any_of, all_of;
  std::vector<std::pair<std::string, std::vector<std::string>>> dependent_required;
  /// Ours: `{"A": ["B"]}` means A and B cannot both be set.
  std::vector<std::pair<std::string, std::vector<std::string>>> dependent_excluded;
  /// cfn-lint extensions found in its copies of registry schemas: exactly one / at least one of.
  std::vector<std::vector<std::string>> required_xor, required_or;
  /// A value kind ("AWS::EC2::SecurityGroup.Id"); see value_kinds below.
  std::string format;

  /// This node's types, or its $ref target's when it has none of its own.
  JsonTypes effective_types() const;
  /// The schema of a property named directly (properties, then patternProperties, then a
  /// schema-valued additionalProperties), following `$ref`; nullptr when none.
  const SchemaNode* property(std::string_view name) const;
  /// The array item schema, following `$ref`.
  const SchemaNode* item_schema() const;
  /// The format, following `$ref`.
  std::string_view effective_format() const;
  /// True when an object schema accepts keys it does not name (following `$ref`).
  bool allows_any_key() const;
  /// Every property name this node and its $ref target name (for "did you mean").
  std::vector<std::string_view> property_names() const;
};

enum class SchemaOrigin : std::uint8_t { Ours, Registry };
std::string_view origin_name(SchemaOrigin origin);

/// Does changing a property replace the resource?
enum class Replacement : std::uint8_t { Never, Conditional, Always };
std::string_view replacement_name(Replacement replacement);

struct ReplacementAnswer {
  Replacement replacement = Replacement::Never;
  /// The create-only path that decided it ("ResourcesVpcConfig.SubnetIds"); empty for Never.
  std::string decided_by;
  /// "ResourcesVpcConfig.SubnetIds is create-only: changing it replaces the cluster".
  std::string reason;
};

/// A `Fn::GetAtt` attribute: a readOnlyProperties entry, nested ones as dotted names.
struct SchemaAttribute {
  std::string name;                    ///< "Arn", "KubernetesNetworkConfig.ServiceIpv6Cidr".
  const SchemaNode* schema = nullptr;  ///< Its schema when the properties describe it.
  JsonTypes types = 0;                 ///< 0 when unknown.
  std::string format;                  ///< Value kind when known.
};

/// The parsed schema of one resource type. Built by ResourceSchemas; immutable.
class ResourceSchema {
 public:
  ResourceSchema(const ResourceSchema&) = delete;
  ResourceSchema& operator=(const ResourceSchema&) = delete;
  ~ResourceSchema();

  const std::string& type_name() const { return type_name_; }
  SchemaOrigin origin() const { return origin_; }
  /// Where it came from: "schemas/resources/aws-eks-cluster.json" or the registry file path.
  const std::string& file() const { return file_; }
  const std::string& as_of() const { return as_of_; }  ///< Ours only.
  const std::vector<std::string>& sources() const { return sources_; }

  /// The schema of the resource's Properties mapping.
  const SchemaNode& root() const { return *root_; }
  /// The official schema of the same type when ours wins over one (see the file comment).
  const ResourceSchema* fallback() const { return fallback_; }

  /// The schema at a property path: "ResourcesVpcConfig/SubnetIds", "ResourcesVpcConfig.SubnetIds"
  /// or "/properties/ResourcesVpcConfig/SubnetIds"; "*" or a number steps into array items.
  const SchemaNode* find(std::string_view path) const;

  /// Fn::GetAtt attributes (readOnlyProperties), in schema order, plus the fallback's extra ones.
  const std::vector<SchemaAttribute>& attributes() const { return attributes_; }
  /// An attribute by its dotted name, or nullptr.
  const SchemaAttribute* attribute(std::string_view name) const;

  /// What `Ref` returns ("AWS::EKS::Cluster.Name"); empty when not known.
  const std::string& ref_format() const { return ref_format_; }

  /// "Does changing `path` (any of the forms `find` takes) force replacement?" Always when the
  /// path is, or is inside, a createOnlyProperties entry; Conditional when a create-only path is
  /// inside it (only changes there replace), or it is a conditionalCreateOnlyProperties entry;
  /// Never otherwise.
  ReplacementAnswer replacement(std::string_view path) const;

  bool is_read_only(std::string_view path) const;
  bool is_write_only(std::string_view path) const;

  /// The paths as written, JSON pointers ("/properties/Name").
  const std::vector<std::string>& read_only_paths() const { return read_only_; }
  const std::vector<std::string>& create_only_paths() const { return create_only_; }
  const std::vector<std::string>& conditional_create_only_paths() const { return conditional_create_only_; }
  const std::vector<std::string>& write_only_paths() const { return write_only_; }
  const std::vector<std::string>& primary_identifier() const { return primary_identifier_; }

 private:
  friend class SchemaBuilder;
  friend class ResourceSchemas;
  ResourceSchema();

  std::string type_name_;
  SchemaOrigin origin_ = SchemaOrigin::Ours;
  std::string file_;
  std::string as_of_;
  std::vector<std::string> sources_;
  const SchemaNode* root_ = nullptr;
  const ResourceSchema* fallback_ = nullptr;
  std::vector<SchemaAttribute> attributes_;
  std::string ref_format_;
  std::vector<std::string> read_only_, create_only_, conditional_create_only_, write_only_, primary_identifier_;
  /// read_only_ and write_only_ split into property steps once, for is_read_only/is_write_only.
  std::vector<std::vector<std::string>> read_only_steps_, write_only_steps_;
  struct Storage;
  std::unique_ptr<Storage> storage_;  // owns the nodes and compiled patterns
};

/// A schema file that could not be read: the file, and where in it when known.
struct SchemaLoadError {
  std::string file;
  std::uint32_t line = 0;    ///< 1-based; 0 when not about a position.
  std::uint32_t column = 0;
  std::string message;
  /// "file:line:column: message".
  std::string describe() const;
};

class ResourceSchemas;
/// The outcome of loading schemas: `schemas` set, or `error` set (never both).
struct SchemaLoadResult {
  std::shared_ptr<const ResourceSchemas> schemas;
  std::optional<SchemaLoadError> error;
};

/// One schema's text and the name to report it by.
struct SchemaText {
  std::string file;
  std::string json;
};

/// Every resource schema available to a lint. Immutable after construction (lazy parsing is
/// internal and thread-safe); share it between threads.
class ResourceSchemas {
 public:
  ~ResourceSchemas();
  ResourceSchemas(const ResourceSchemas&) = delete;
  ResourceSchemas& operator=(const ResourceSchemas&) = delete;

  /// Ours only (compiled in). Built once per process.
  static std::shared_ptr<const ResourceSchemas> embedded();
  /// Ours plus every `*.json` in `directory` (registry format, one type per file). Each file's
  /// JSON and `typeName` are checked now, so a broken file is an error before anything is
  /// linted; the schemas themselves are parsed on first lookup.
  static SchemaLoadResult with_registry_directory(const std::string& directory);
  /// From texts (tests, tools): `ours` then `registry` as above.
  static SchemaLoadResult from_texts(std::vector<SchemaText> ours, std::vector<SchemaText> registry);

  /// The schema of a type (ours, else the registry's), parsed on first use; nullptr when
  /// neither has it. Custom::* types get AWS::CloudFormation::CustomResource's schema.
  const ResourceSchema* find(std::string_view type) const;
  /// True when a schema exists for the type (without parsing it).
  bool has(std::string_view type) const;
  /// Which schema answers for a type; nullopt when none.
  std::optional<SchemaOrigin> origin(std::string_view type) const;
  /// Types with a schema, sorted.
  std::vector<std::string_view> type_names() const;
  /// How many types have been parsed so far (lazy loading is observable in tests).
  std::size_t parsed_count() const;
  /// The problem met parsing a type's schema lazily, if any (the type then has no schema).
  std::optional<std::string> parse_error(std::string_view type) const;

  /// True for a resource type name CloudFormation accepts (schemas/cloudformation/resource_types.json),
  /// or one with a loaded schema.
  bool is_known_type(std::string_view type) const;
  /// Every known type name, sorted (for "did you mean").
  const std::vector<std::string_view>& known_type_names() const;

  /// Shorthand: `find(type)->replacement(path)`; nullopt when the type has no schema.
  std::optional<ReplacementAnswer> replacement(std::string_view type, std::string_view path) const;

 private:
  ResourceSchemas();
  struct Entry;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const Entry* entry(std::string_view type) const;
  const ResourceSchema* parse(const Entry& entry) const;
};

/// Problems with one of OUR schema files (the meta-schema check the tests run on every file in
/// schemas/resources/): required top-level keys, $refs that resolve, read-only/create-only/
/// write-only/primary-identifier paths that name properties, only supported keywords, patterns
/// std::regex compiles, non-empty enums. Empty when the file is fine.
std::vector<std::string> check_our_schema(std::string_view json);

/// Value kinds a parameter type gives: "AWS::EC2::SecurityGroup::GroupName" ->
/// "AWS::EC2::SecurityGroup.Name", "List<AWS::EC2::Subnet::Id>" -> "AWS::EC2::Subnet.Id";
/// empty when the type says nothing about the value.
std::string parameter_type_format(std::string_view parameter_type);
/// True when a value of kind `given` may be used where `expected` is asked for (unknown or
/// equal kinds fit; "Ids"/"Names" plurals are the element kinds; KMS key id, ARN and alias fit
/// each other because KMS accepts each).
bool formats_compatible(std::string_view expected, std::string_view given);
/// "security group id" style words for a format, for messages.
std::string describe_format(std::string_view format);

}  // namespace cfn_eks
