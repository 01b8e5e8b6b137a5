// Reading inputs so that no path can hang or exhaust the tool: a FIFO nobody writes to reads as
// empty instead of blocking in open(), a device that never ends (/dev/zero) is refused after
// kMaxInputBytes, and each failure is a short lowercase reason ("not a directory").

#include "lint/input_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>

namespace cfn_eks {

namespace {

// Messages start lowercase: "permission denied", not strerror's "Permission denied".
std::string lowercase_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string reason(int error) { return lowercase_first(std::strerror(error)); }

std::string too_large() { return "larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB; not a template"; }

std::string open_error(const std::string& path, int error) {
  if (error == ENOENT) {
    struct stat link {};
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) return "broken symbolic link";
    return "no such file";
  }
  if (error == ENOTDIR) return "not a directory: a part of the path is a file";
  if (error == EACCES) return "permission denied";
  return reason(error);
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& out) {
  // O_NONBLOCK so that opening a FIFO does not wait for a writer; reads block again below.
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) return open_error(path, errno);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return reason(errno);
  if (S_ISDIR(info.st_mode)) return std::string("is a directory");
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) return reason(errno);
  std::string text;
  if (S_ISREG(info.st_mode)) text.reserve(std::min<std::size_t>(static_cast<std::size_t>(info.st_size), kMaxInputBytes));
  char buffer[64 * 1024];
  while (true) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return reason(errno);
    }
    if (n == 0) break;
    if (text.size() + static_cast<std::size_t>(n) > kMaxInputBytes) return too_large();
    text.append(buffer, static_cast<std::size_t>(n));
  }
  out = std::move(text);
  return std::nullopt;
}

std::optional<std::string> read_stream(std::istream& in, std::string& out) {
  std::string text;
  char buffer[64 * 1024];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (text.size() + n > kMaxInputBytes) return too_large();
    text.append(buffer, n);
  }
  if (in.bad()) return std::string("read error");
  out = std::move(text);
  return std::nullopt;
}

namespace {

bool is_template_extension(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

// Files found by walking a directory are linted only when they look like templates, so a
// package.json or a Kubernetes manifest beside them is not reported as a broken stack.
bool looks_like_template(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("AWSTemplateFormatVersion") != std::string::npos || head.find("Resources") != std::string::npos;
}

}  // namespace

namespace detail {

ExpandedInputs expand_inputs(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  ExpandedInputs out;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      out.files.push_back(path);
      continue;
    }
    // Only regular files (or links to them) are candidates: FIFOs, sockets and devices in a
    // tree are skipped, as are broken links and directories starting with '.'. Links to
    // directories are not followed, so a link cycle cannot loop.
    std::vector<std::string> found;
    std::error_code walk_ec;
    auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, walk_ec);
    for (; !walk_ec && it != fs::recursive_directory_iterator(); it.increment(walk_ec)) {
      const auto& entry = *it;
      const std::string name = entry.path().filename().string();
      std::error_code entry_ec;
      if (entry.is_directory(entry_ec)) {
        if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
        continue;
      }
      if (entry.is_regular_file(entry_ec) && is_template_extension(entry.path()) &&
          name != std::string(kConfigFileName) && looks_like_template(entry.path())) {
        found.push_back(entry.path().string());
      }
    }
    std::sort(found.begin(), found.end());
    if (walk_ec || found.empty()) {
      FileReport problem;
      problem.path = path;
      problem.error = walk_ec ? "cannot read the directory: " + lowercase_first(walk_ec.message())
                              : std::string("no templates in this directory; cfn-eks looks for files ending .yaml, "
                                            ".yml, .json or .template that mention Resources or "
                                            "AWSTemplateFormatVersion");
      out.problems.push_back(std::move(problem));
    }
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace detail

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  return detail::expand_inputs(paths).files;
}

}  // namespace cfn_eks
