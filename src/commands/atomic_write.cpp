#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cfn_eks/commands.hpp"

namespace cfn_eks {

std::optional<std::string> write_file_atomically(const std::string& path, const std::string& content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // The temporary file sits beside the target so the rename stays on one file system.
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
  // mkstemp creates the file 0600; give the report the mode of the file it replaces, or what
  // the umask gives a new file, so CI steps running as another user can read it.
  struct stat existing {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string error = std::strerror(errno);
      ::close(fd);
      std::remove(pattern.c_str());
      return "cannot write '" + path + "': " + error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::remove(pattern.c_str());
    return "cannot write '" + path + "': " + std::strerror(errno);
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    const std::string error = std::strerror(errno);
    std::remove(pattern.c_str());
    return "cannot write '" + path + "': " + error;
  }
  return std::nullopt;
}

}  // namespace cfn_eks
