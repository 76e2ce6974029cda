#!/usr/bin/env python3
"""Build cache benchmark: `collective build` after editing one page's body of a generated site,
against a full build (`--no-cache` into a new folder) and Hugo's full rebuild, in the same run.

    scripts/bench-cache.py [--pages 10000] [--runs 3] [--hugo] [--work /tmp/collective-cache-bench] [--collective PATH]

Needs a release build (`swift build -c release --product collective`), ../shared/bench/gen_site.py,
/usr/bin/time, and hugo for --hugo. Each round edits a different page, then times: the cached build,
a cached build with nothing changed, a full build into a new folder, and (--hugo) Hugo into a new
folder; it checks that the cached output equals the full build's byte for byte (`diff -r`). Prints
medians (min-max) of wall, user and system seconds and peak RSS, with the load average of each run.
--collective times another binary (an older build, for a before-and-after figure in the same session).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command):
    """Runs `command` under /usr/bin/time; returns (wall, user, sys, peak MB, load average)."""
    load = open("/proc/loadavg").read().split()[0]
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user), float(system), int(rss) / 1024, float(load)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo", action="store_true")
    parser.add_argument("--work", default="/tmp/collective-cache-bench")
    parser.add_argument("--collective", default=str(ROOT / ".build/release/collective"))
    args = parser.parse_args()
    collective = args.collective
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    generated = work / f"site-{args.pages}"
    if not (generated / "content").is_dir():
        subprocess.run([sys.executable, str(ROOT.parent / "shared/bench/gen_site.py"), str(generated), "--pages", str(args.pages)],
                       check=True, stdout=subprocess.DEVNULL)
    site = work / f"edited-{args.pages}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(generated, site)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    build = [collective, "build", "--quiet", "-s", str(site)]
    timed(build + ["-d", str(out)])  # first build: makes the cache
    posts = sorted((site / "content/posts").glob("*.md"))
    rows = {"edit one page, cached": [], "nothing changed, cached": [], "full build, --no-cache, new folder": []}
    if args.hugo:
        rows["Hugo full build, new folder"] = []
    for run in range(args.runs):
        page = posts[(run * 97) % len(posts)]
        with open(page, "a") as handle:
            handle.write(f"\nA paragraph added by round {run + 1} of the benchmark.\n")
        rows["edit one page, cached"].append(timed(build + ["-d", str(out)]))
        rows["nothing changed, cached"].append(timed(build + ["-d", str(out)]))
        fresh = work / f"full-{run}"
        shutil.rmtree(fresh, ignore_errors=True)
        rows["full build, --no-cache, new folder"].append(timed(build + ["--no-cache", "-d", str(fresh)]))
        same = subprocess.run(["diff", "-rq", str(out), str(fresh)], stdout=subprocess.PIPE, text=True)
        if same.returncode != 0:
            sys.exit("the cached output differs from the full build's:\n" + same.stdout[:2000])
        shutil.rmtree(fresh)
        if args.hugo:
            hugo_out = work / f"hugo-{run}"
            shutil.rmtree(hugo_out, ignore_errors=True)
            rows["Hugo full build, new folder"].append(timed(["hugo", "--quiet", "-s", str(site), "-d", str(hugo_out)]))
            shutil.rmtree(hugo_out)
    print(f"{args.pages:,} pages, {args.runs} rounds; the cached output equalled the full build's every round (diff -r).\n")
    print("| build | wall s | user s | system s | peak RSS MB | load average |")
    print("|---|--:|--:|--:|--:|--:|")
    for name, values in rows.items():
        def cell(i, digits=2):
            column = [v[i] for v in values]
            return f"{statistics.median(column):.{digits}f} ({min(column):.{digits}f}–{max(column):.{digits}f})"
        print(f"| {name} | {cell(0)} | {cell(1)} | {cell(2)} | {statistics.median(v[3] for v in values):,.0f} | "
              f"{', '.join(str(v[4]) for v in values)} |")


if __name__ == "__main__":
    main()
