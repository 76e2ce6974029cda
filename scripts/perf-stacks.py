#!/usr/bin/env python3
"""Symbolised stacks of a `perf record -g` profile of collective, for machines whose `perf report`
does not find the binary's symbols (it shows bare addresses for every Swift frame).

    perf record -F 499 -g -o DATA BINARY build ...
    scripts/perf-stacks.py DATA BINARY > STACKS          # one sample a line: frames leaf first, ';'-joined
    scripts/perf-stacks.py DATA BINARY --top 60          # frames by the samples whose stack holds them
    scripts/perf-stacks.py DATA BINARY --thread main     # only the main thread's samples

Needs perf, llvm-symbolizer and `swift demangle` (from the toolchain). 499 samples at -F 499 are one
CPU second of any thread; a frame's count includes what it calls.
"""
import argparse
import collections
import subprocess
import sys


def samples(data, binary):
    """(thread id, frames leaf first) per sample; the binary's frames as relative addresses."""
    out = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym,dso"], capture_output=True, text=True).stdout
    result, current = [], None
    for line in out.splitlines() + [""]:
        text = line.strip()
        if not text:
            if current:
                result.append(current)
            current = None
        elif current is None:
            current = (text.split()[0], [])
        else:
            ip, rest = text.split(None, 1) if " " in text else (text, "")
            current[1].append((int(ip, 16), rest, binary in rest))
    return result


def names(binary, addresses):
    """Demangled function names of the binary's addresses."""
    if not addresses:
        return {}
    found = subprocess.run(["llvm-symbolizer", "--obj=" + binary, "--functions=linkage", "--no-inlines", "--no-demangle"],
                           input="\n".join(hex(a) for a in addresses), capture_output=True, text=True).stdout
    linkage = [block.splitlines()[0] for block in found.strip("\n").split("\n\n")]
    readable = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(linkage),
                              capture_output=True, text=True).stdout.splitlines()
    return dict(zip(addresses, readable))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("binary")
    parser.add_argument("--top", type=int, help="print the frames found in most samples instead of the stacks")
    parser.add_argument("--thread", choices=["all", "main"], default="all")
    args = parser.parse_args()
    found = samples(args.data, args.binary)
    if args.thread == "main":
        main_thread = collections.Counter(tid for tid, _ in found).most_common(1)[0][0]
        found = [s for s in found if s[0] == main_thread]
    symbols = names(args.binary, sorted({ip for _, frames in found for ip, _, ours in frames if ours}))
    stacks = [[symbols.get(ip, hex(ip)) if ours else rest.rsplit(" (", 1)[0] for ip, rest, ours in frames] for _, frames in found]
    if args.top:
        counts = collections.Counter(frame for stack in stacks for frame in set(stack))
        print(f"{len(stacks)} samples")
        for frame, count in counts.most_common(args.top):
            print(f"{count:6d} {100 * count / max(1, len(stacks)):5.1f}% {frame[:160]}")
    else:
        sys.stdout.writelines(";".join(stack) + "\n" for stack in stacks)


if __name__ == "__main__":
    main()
