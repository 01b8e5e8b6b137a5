#pragma once
// Reads one schemas/eks/*.json file through the positioned JSON loader, so every problem in a
// data file is reported with its file, line and column. The first problem wins; readers keep
// going with defaults so the code that uses them stays linear.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cfn_eks/document.hpp"
#include "cfn_eks/eks_knowledge.hpp"

namespace cfn_eks {

class DataReader {
 public:
  /// Parses `text`; `display` names the file in errors.
  DataReader(std::string display, std::string text);

  bool failed() const { return error_.has_value(); }
  const KnowledgeError& error() const { return *error_; }
  /// The root object, or nullptr when the file is not a JSON object.
  const Node* root() const { return root_; }

  void fail(const Node* at, std::string message);
  void fail_at(ByteRange range, std::string message);

  /// A member that must exist (any kind), or nullptr after an error.
  const Node* required(const Node* object, std::string_view key);
  /// A member that may be missing; a JSON null counts as missing.
  const Node* optional(const Node* object, std::string_view key);

  std::string string(const Node* object, std::string_view key);             ///< Required string.
  std::string optional_string(const Node* object, std::string_view key);    ///< "" when missing/null.
  std::string string_value(const Node* node, std::string_view what);        ///< A node that must be a string.
  std::optional<Date> date(const Node* object, std::string_view key, bool required);
  std::optional<KubeVersion> version(const Node* object, std::string_view key, bool required);
  std::optional<KubeVersion> version_value(const Node* node);
  long integer(const Node* object, std::string_view key, std::optional<long> fallback);
  long integer_value(const Node* node);
  double number(const Node* object, std::string_view key);
  bool boolean(const Node* object, std::string_view key, std::optional<bool> fallback);
  /// The items of an array member (empty when missing and not required).
  std::vector<const Node*> array(const Node* object, std::string_view key, bool required);
  std::vector<std::string> strings(const Node* object, std::string_view key, bool required);
  /// A member that must be an object.
  const Node* object(const Node* object, std::string_view key, bool required);
  Confidence confidence(const Node* object);
  Severity severity(const Node* object, std::string_view key);

  /// The file's "as_of" and "sources" (required in every data file).
  DataFileInfo provenance(std::string path, std::string origin);

 private:
  bool expect_object(const Node* object);
  std::string display_;
  SourcePtr source_;
  Document document_;
  const Node* root_ = nullptr;
  std::optional<KnowledgeError> error_;
};

}  // namespace cfn_eks
