#!/usr/bin/env python3
"""Whole-process CPU time, wall time and peak memory of `cfn-eks lint` beside `cfn-lint`
on the same inputs, with the ratio. cfn-lint's columns are skipped when it is not installed.

    python3 bench/compare.py [--build build] [--runs 3] [--skip-cfn-lint]

Inputs: ../shared/corpus/real/ EKS templates (when present), fixtures/examples/, and generated
templates (100 KB, 1 MB, 2,000 resources) written by build/bench/cfn-eks-generate.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command, runs):
    """Best-of-runs CPU seconds and wall seconds, and the peak RSS in MiB, of a child process."""
    best_cpu = best_wall = None
    peak = 0
    for _ in range(runs):
        start = time.perf_counter()
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024.0)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        best_wall = wall if best_wall is None else min(best_wall, wall)
    return best_cpu, best_wall, peak


def inputs(build, workdir):
    out = []
    corpus = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "real")
    if os.path.isdir(corpus):
        eks = []
        for directory, _, files in os.walk(corpus):
            for name in sorted(files):
                path = os.path.join(directory, name)
                if name.endswith((".yaml", ".yml", ".json", ".template")):
                    with open(path, "rb") as handle:
                        if b"AWS::EKS::" in handle.read() or "eks" in path.lower():
                            eks.append(path)
        out.append(("real EKS corpus (%d files)" % len(eks), sorted(eks)))
    out.append(("bundled example", [os.path.join(ROOT, "fixtures", "examples", "eks-stack.yaml")]))
    generator = os.path.join(build, "bench", "cfn-eks-generate")
    for label, args, name in [("generated 100 KB", ["--bytes", "100000"], "g100k.yaml"),
                              ("generated 1 MB", ["--bytes", "1000000"], "g1m.yaml"),
                              ("generated 2,000 resources", ["--resources", "2000"], "g2000.yaml")]:
        path = os.path.join(workdir, name)
        with open(path, "wb") as handle:
            subprocess.run([generator] + args, stdout=handle, check=True)
        out.append((label, [path]))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cfn-lint", action="store_true")
    args = parser.parse_args()
    cfn_eks = os.path.join(args.build, "cfn-eks")
    cfn_lint = None if args.skip_cfn_lint else shutil.which("cfn-lint")
    if not os.access(cfn_eks, os.X_OK):
        sys.exit("bench: build cfn-eks first (%s not found)" % cfn_eks)
    print("cfn-eks: %s; cfn-lint: %s; %d cores" % (cfn_eks, cfn_lint or "not installed", os.cpu_count()))
    header = "%-32s %10s %10s %9s" % ("input", "cpu s", "wall s", "peak MiB")
    if cfn_lint:
        header += " | %10s %10s %9s | %8s" % ("cfn-lint cpu", "wall s", "peak MiB", "cpu ratio")
    print(header)
    with tempfile.TemporaryDirectory() as workdir:
        for label, files in inputs(args.build, workdir):
            ours = measure([cfn_eks, "lint", "--no-config", "--fail-on", "never"] + files, args.runs)
            line = "%-32s %10.3f %10.3f %9.1f" % ((label,) + ours)
            if cfn_lint:
                theirs = measure([cfn_lint] + files, 1)
                ratio = theirs[0] / ours[0] if ours[0] > 0 else float("inf")
                line += " | %10.3f %10.3f %9.1f | %7.0fx" % (theirs + (ratio,))
            print(line, flush=True)


if __name__ == "__main__":
    main()
