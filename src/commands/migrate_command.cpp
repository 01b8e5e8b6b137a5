// `cfn-eks migrate`: read the template, compute the migration, write every file or none.

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "cfn_eks/commands.hpp"
#include "cfn_eks/migrate.hpp"

namespace cfn_eks {

namespace {

namespace fs = std::filesystem;

std::string default_out_dir(const std::string& input) {
  return fs::path(input).stem().string() + "-migration";
}

bool empty_directory(const fs::path& dir, std::error_code& ec) {
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

// Writes the files into a fresh sibling directory, then renames it to `dir`: a reader sees
// all files or none. `dir` must not exist (or be empty: it is replaced).
std::optional<std::string> write_directory(const fs::path& dir, const std::vector<MigrationFile>& files) {
  std::error_code ec;
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  std::string pattern = (parent / ("." + dir.filename().string() + ".tmp-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return "cannot create a temporary directory in '" + parent.string() + "': " + std::strerror(errno);
  }
  const fs::path temp(pattern);
  auto cleanup = [&] { fs::remove_all(temp, ec); };
  const mode_t mask = ::umask(0);
  ::umask(mask);
  fs::permissions(temp, static_cast<fs::perms>(0777 & ~mask), ec);
  for (const MigrationFile& file : files) {
    if (auto error = write_file_atomically((temp / file.name).string(), file.content)) {
      cleanup();
      return error;
    }
    if (file.name.ends_with(".sh")) ::chmod((temp / file.name).c_str(), 0777 & ~mask);
  }
  if (fs::exists(dir, ec)) fs::remove(dir, ec);  // an empty directory, checked by the caller
  if (std::rename(temp.c_str(), dir.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    cleanup();
    return "cannot create '" + dir.string() + "': " + error;
  }
  return std::nullopt;
}

}  // namespace

int run_migrate(const MigrateCommand& command, std::ostream& out, std::ostream& err) {
  std::string text;
  if (auto error = read_file(command.path, text)) {
    err << "cfn-eks: " << command.path << ": " << *error << "\n";
    return kExitError;
  }
  // Loaded under its file name: the plan's change-set previews name files of the output directory.
  const Document document =
      load_document(std::make_shared<SourceFile>(fs::path(command.path).filename().string(), std::move(text)));
  MigrationOptions options;
  options.input_name = fs::path(command.path).filename().string();
  options.nodegroup = command.nodegroup;
  options.new_name = command.new_name;
  options.parameters = command.parameters;
  // A --parameter the template does not have (or a value it does not allow) is a usage error.
  if (auto error = check_migration_parameters(document, options)) {
    err << "cfn-eks: " << command.path << ": " << *error << "\n";
    return kExitError;
  }
  const MigrationResult result = migrate_node_group(document, options);

  if (result.outcome == MigrationOutcome::NothingToDo) {
    out << command.path << ": " << result.message << "\n";
    return kExitClean;
  }
  if (result.outcome == MigrationOutcome::Refused) {
    err << command.path;
    if (result.position) err << ":" << result.position->line << ":" << result.position->column;
    err << ": " << result.message << "\n";
    return kExitFindings;
  }

  const fs::path dir = command.out_dir.value_or(default_out_dir(command.path));
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    err << "cfn-eks: '" << dir.string() << "' exists and is not a directory\n";
    return kExitError;
  }
  if (fs::exists(dir, ec) && !empty_directory(dir, ec)) {
    if (!command.force) {
      err << "cfn-eks: '" << dir.string() << "' is not empty; choose another --out or pass --force to replace its files\n";
      return kExitError;
    }
    for (const MigrationFile& file : result.files) {
      if (auto error = write_file_atomically((dir / file.name).string(), file.content)) {
        err << "cfn-eks: " << *error << "\n";
        return kExitError;
      }
      if (file.name.ends_with(".sh")) fs::permissions(dir / file.name, fs::perms::owner_exec | fs::perms::group_exec |
                                                                           fs::perms::others_exec, fs::perm_options::add, ec);
    }
  } else if (auto error = write_directory(dir, result.files)) {
    err << "cfn-eks: " << *error << "\n";
    return kExitError;
  }

  out << command.path << ": " << result.message << "\n";
  for (const std::string& w : result.warnings) out << "  warning: " << w << "\n";
  out << "wrote " << dir.string() << "/:";
  for (const MigrationFile& file : result.files) out << " " << file.name;
  out << "\nnext: read " << (dir / "plan.md").string() << ", then deploy the phases in order\n";
  return kExitClean;
}

}  // namespace cfn_eks
