#pragma once
// Time limits for hang guards in tests. Speed targets are checked by the benchmarks in bench/;
// a test only guards against a runaway (quadratic, exponential, endless) path or a blocked read.
//
// Why CPU time: CI runs `ctest -j` on a shared 2-core machine, so wall time depends on whatever
// else runs (a loaded machine stretched a 2.7 s CPU case to 37 s wall). CPU time counts only
// this process's own work, so a runaway loop still fails the guard while other processes' load
// does not. Wall time is kept only where blocking is the hazard (FIFOs, pipes), with a
// generous ceiling. Every limit is scaled for slow builds: unoptimised Debug code and
// ASan+UBSan builds (CFN_EKS_SANITIZE, .ci/sanitize) run the same tests several times slower.

#include <sys/resource.h>
#include <time.h>

#include <chrono>

// tests/CMakeLists.txt defines CFN_EKS_TEST_TIME_FACTOR (20 with sanitizers, 5 in Debug, else 1);
// without it, the compiler's own macros decide.
#ifndef CFN_EKS_TEST_TIME_FACTOR
#if defined(__SANITIZE_ADDRESS__)
#define CFN_EKS_TEST_TIME_FACTOR 20
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define CFN_EKS_TEST_TIME_FACTOR 20
#endif
#endif
#endif
#ifndef CFN_EKS_TEST_TIME_FACTOR
#ifdef NDEBUG
#define CFN_EKS_TEST_TIME_FACTOR 1
#else
#define CFN_EKS_TEST_TIME_FACTOR 5
#endif
#endif

namespace cfn_eks::testing {

/// How much slower than an optimised build this build runs the same code.
inline constexpr double kTimeFactor = CFN_EKS_TEST_TIME_FACTOR;

/// A limit stated for an optimised build, scaled for this build.
constexpr double time_limit(double optimised_seconds) { return optimised_seconds * kTimeFactor; }

/// Wall-clock ceiling for work that may block (a FIFO without a writer, a pipe): a blocked read
/// never ends, so the ceiling can be far above any honest run, even on a loaded machine.
inline constexpr double kBlockingCeilingSeconds = time_limit(10.0);

/// CPU seconds used so far by this whole process. Process, not thread: the linter may lint
/// files on worker threads, and the test runner itself is single-threaded, so nothing else counts.
inline double process_cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

/// CPU seconds (user + system) used by ended and waited-for children (and theirs), for work
/// done by a child process such as the cfn-eks binary run through the shell.
inline double children_cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  const auto seconds = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

/// Measures this process's CPU time and the wall time from construction.
class CpuStopwatch {
 public:
  CpuStopwatch() : cpu_start_(process_cpu_seconds()), wall_start_(std::chrono::steady_clock::now()) {}

  double cpu_seconds() const { return process_cpu_seconds() - cpu_start_; }
  double wall_seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start_).count();
  }

 private:
  double cpu_start_;
  std::chrono::steady_clock::time_point wall_start_;
};

}  // namespace cfn_eks::testing
