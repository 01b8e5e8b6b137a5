#!/usr/bin/env python3
"""Whole-process CPU time, wall time and peak memory of `cfn-eks lint` beside `cfn-lint`
on the same inputs, with the ratio. cfn-lint's columns are skipped when it is not installed.

    python3 bench/compare.py [--build build] [--runs 3] [--skip-cfn-lint] [--quick]

Tables:
  1. cfn-eks beside cfn-lint: ../shared/corpus/real/ EKS templates (when present), the bundled
     example, a tiny template, and generated templates (100 KB, 1 MB, 2,000 resources) written
     by build/bench/cfn-eks-generate.
  2. The 1 MB YAML template against libyaml's bare event parse of the same file
     (build/bench/cfn-eks-yaml-events), whole process both.
  3. Linearity: lint by resource count (250 .. 4,000) and by number of findings (every resource
     given an unknown property), per resource and per finding.
  4. Multi-file lint: the corpus with -j1 and with all cores.
--quick skips cfn-lint on the generated inputs and the curves (cfn-lint takes minutes there).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Version: '1.33'
      RoleArn: arn:aws:iam::123456789012:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-1, subnet-2]
"""


# Linux reports in ru_maxrss of an exec'd child the larger of its own peak and the RSS of the
# process it was forked from (Python, ~14 MiB, forks with vfork): peak memory is therefore taken
# from GNU time, whose own RSS is about 2 MiB, when it is installed.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def measure(command, runs):
    """Best-of-runs CPU seconds and wall seconds, and the peak RSS in MiB, of a child process."""
    best_cpu = best_wall = None
    peak = 0
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as report:
            wrapped = [GNU_TIME, "-f", "%M", "-o", report.name] + command if GNU_TIME else command
            start = time.perf_counter()
            with subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = os.waitstatus_to_exitcode(status)
            wall = time.perf_counter() - start
            cpu = usage.ru_utime + usage.ru_stime
            if GNU_TIME:
                lines = [line for line in report.read().split() if line.isdigit()]
                rss = int(lines[-1]) / 1024.0 if lines else 0.0
            else:
                rss = usage.ru_maxrss / 1024.0
        peak = max(peak, rss)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        best_wall = wall if best_wall is None else min(best_wall, wall)
    return best_cpu, best_wall, peak


def generate(build, workdir, name, args):
    path = os.path.join(workdir, name)
    with open(path, "wb") as handle:
        subprocess.run([os.path.join(build, "bench", "cfn-eks-generate")] + args, stdout=handle, check=True)
    return path


def corpus_files():
    corpus = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "real")
    eks = []
    if os.path.isdir(corpus):
        for directory, _, files in os.walk(corpus):
            for name in sorted(files):
                path = os.path.join(directory, name)
                if name.endswith((".yaml", ".yml", ".json", ".template")):
                    with open(path, "rb") as handle:
                        if b"AWS::EKS::" in handle.read() or "eks" in path.lower():
                            eks.append(path)
    return sorted(eks)


def lint_command(cfn_eks, files, extra=()):
    return [cfn_eks, "lint", "--no-config", "--fail-on", "never"] + list(extra) + files


def findings_of(cfn_eks, files):
    """Number of findings cfn-eks reports (JSON output)."""
    out = subprocess.run(lint_command(cfn_eks, files, ["--format", "json"]), capture_output=True, text=True).stdout
    return len(re.findall(r'"rule_id"|"ruleId"|"rule"\s*:', out))


def with_unknown_property(path, out_path):
    """The template with an unknown property in every resource's Properties: one finding each."""
    with open(path) as handle:
        text = handle.read()
    with open(out_path, "w") as handle:
        handle.write(text.replace("    Properties:\n", "    Properties:\n      NotAProperty: 1\n"))
    return out_path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cfn-lint", action="store_true")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cfn_eks = os.path.join(args.build, "cfn-eks")
    events = os.path.join(args.build, "bench", "cfn-eks-yaml-events")
    cfn_lint = None if args.skip_cfn_lint else shutil.which("cfn-lint")
    if not os.access(cfn_eks, os.X_OK):
        sys.exit("bench: build cfn-eks first (%s not found)" % cfn_eks)
    load = os.getloadavg()[0]
    print("cfn-eks: %s; cfn-lint: %s; %d cores; load average %.1f (best of %d runs)" %
          (cfn_eks, cfn_lint or "not installed", os.cpu_count(), load, args.runs))

    with tempfile.TemporaryDirectory() as workdir:
        tiny = os.path.join(workdir, "tiny.yaml")
        with open(tiny, "w") as handle:
            handle.write(TINY)
        g1m = generate(args.build, workdir, "g1m.yaml", ["--bytes", "1000000"])
        inputs = []
        corpus = corpus_files()
        if corpus:
            inputs.append(("real EKS corpus (%d files)" % len(corpus), corpus, True))
        inputs.append(("bundled example", [os.path.join(ROOT, "fixtures", "examples", "eks-stack.yaml")], True))
        inputs.append(("tiny template", [tiny], True))
        inputs.append(("generated 100 KB", [generate(args.build, workdir, "g100k.yaml", ["--bytes", "100000"])],
                       not args.quick))
        inputs.append(("generated 1 MB", [g1m], not args.quick))
        inputs.append(("generated 2,000 resources",
                       [generate(args.build, workdir, "g2000.yaml", ["--resources", "2000"])], not args.quick))

        print("\n1. cfn-eks beside cfn-lint")
        header = "%-30s %9s %9s %9s" % ("input", "cpu s", "wall s", "peak MiB")
        if cfn_lint:
            header += " | %12s %9s %9s | %9s" % ("cfn-lint cpu", "wall s", "peak MiB", "cpu ratio")
        print(header)
        for label, files, compare in inputs:
            ours = measure(lint_command(cfn_eks, files), args.runs)
            line = "%-30s %9.3f %9.3f %9.1f" % ((label,) + ours)
            if cfn_lint and compare:
                theirs = measure([cfn_lint] + files, 1)
                ratio = theirs[0] / ours[0] if ours[0] > 0 else float("inf")
                line += " | %12.3f %9.3f %9.1f | %8.0fx" % (theirs + (ratio,))
            print(line, flush=True)

        print("\n2. 1 MB YAML: full lint against libyaml's bare event parse (whole process)")
        ours = measure(lint_command(cfn_eks, [g1m]), args.runs)
        if os.access(events, os.X_OK):
            floor = measure([events, g1m], args.runs)
            print("libyaml events: %.3f s cpu, %.1f MiB; cfn-eks lint: %.3f s cpu, %.1f MiB; ratio %.1fx" %
                  (floor[0], floor[2], ours[0], ours[2], ours[0] / floor[0] if floor[0] > 0 else float("inf")))
        else:
            print("(build cfn-eks-yaml-events for the baseline) cfn-eks lint: %.3f s cpu" % ours[0])

        print("\n3. Linearity (cpu per resource / per finding should stay flat)")
        print("%-10s %9s %9s %9s %10s | %9s %9s %9s %10s" %
              ("resources", "cpu s", "wall s", "peak MiB", "us/res", "findings", "cpu s", "peak MiB", "us/finding"))
        for count in (250, 500, 1000, 2000, 4000):
            clean = generate(args.build, workdir, "r%d.yaml" % count, ["--resources", str(count)])
            ours = measure(lint_command(cfn_eks, [clean]), args.runs)
            broken = with_unknown_property(clean, os.path.join(workdir, "f%d.yaml" % count))
            findings = findings_of(cfn_eks, [broken])
            theirs = measure(lint_command(cfn_eks, [broken]), args.runs)
            print("%-10d %9.3f %9.3f %9.1f %10.1f | %9d %9.3f %9.1f %10.1f" %
                  (count, ours[0], ours[1], ours[2], ours[0] / count * 1e6, findings, theirs[0], theirs[2],
                   (theirs[0] - ours[0]) / max(findings, 1) * 1e6), flush=True)

        if corpus:
            print("\n4. Multi-file lint of the corpus (%d files): wall time by -j" % len(corpus))
            files = corpus * max(1, 200 // len(corpus))  # enough work to see the threads
            for jobs in sorted({1, os.cpu_count() or 1}):
                ours = measure(lint_command(cfn_eks, files, ["-j", str(jobs)]), args.runs)
                print("-j%-3d %d files: %.3f s wall, %.3f s cpu (cpu/wall %.2f)" %
                      (jobs, len(files), ours[1], ours[0], ours[0] / ours[1] if ours[1] > 0 else 0))


if __name__ == "__main__":
    main()
