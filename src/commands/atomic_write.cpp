#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cfn_eks/commands.hpp"

namespace cfn_eks {

namespace {

std::optional<std::string> write_all(int fd, const std::string& path, const std::string& content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return "cannot write '" + path + "': " + std::strerror(errno);
    }
    written += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

// A FIFO, a terminal or a device (-o /dev/stdout) is written in place: renaming a file over
// it would replace the device by a regular file, and "partial" has no meaning for a stream.
std::optional<std::string> write_in_place(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return "cannot write '" + path + "': " + std::strerror(errno);
  std::optional<std::string> error = write_all(fd, path, content);
  if (::close(fd) != 0 && !error) error = "cannot write '" + path + "': " + std::strerror(errno);
  return error;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode)) return write_in_place(path, content);
  // A symbolic link stays a link: the file it points to is the one replaced.
  std::error_code ec;
  const fs::path target = exists && fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
  if (ec) return "cannot write '" + path + "': " + ec.message();
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The temporary file sits beside the target so the rename stays on one file system.
  // Built by appending: GCC 12 at -O3 reports a false -Wrestrict for `"." + std::string`.
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-XXXXXX";
  std::string pattern = (dir / name).string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
  // mkstemp creates the file 0600; give the report the mode of the file it replaces, or what
  // the umask gives a new file, so CI steps running as another user can read it.
  mode_t mode = 0;
  if (exists) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  if (auto error = write_all(fd, path, content)) {
    ::close(fd);
    std::remove(pattern.c_str());
    return error;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::remove(pattern.c_str());
    return "cannot write '" + path + "': " + std::strerror(errno);
  }
  if (std::rename(pattern.c_str(), target.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    std::remove(pattern.c_str());
    return "cannot write '" + path + "': " + error;
  }
  return std::nullopt;
}

}  // namespace cfn_eks
