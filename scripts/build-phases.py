#!/usr/bin/env python3
"""Where a build's time and memory go, phase by phase: runs `collective build` on a pseudo-terminal
(so that it shows its progress display), prints when each phase first appears with the process's
resident memory then, and at the end the wall, user and system seconds, the peak RSS (as
/usr/bin/time -v gives it), the highest RSS sampled in each phase and the CPU seconds (user and
system, all threads) spent in each phase, which other work on the machine changes less than wall time.

    scripts/build-phases.py .build/release/collective build --no-cache -s SITE -d NEW-FOLDER

Memory is sampled every 0.2 s from /proc/PID/status (Linux only). Diagnostics are not shown; the
progress display starts after the first second, so phases that end before it are not listed
(`collective build -v` prints every phase's wall time at the end, without memory).
"""
import os
import pty
import re
import select
import sys
import time

PHASES = re.compile(
    r"(Checking the build cache|Reading content|Laying out pages|Templates|Preparing the renderer|Rendering Markdown"
    r"|Page contexts and lists|Rendering pages|Feeds and search index|Writing [0-9,]+ files|Saving the build cache"
    r"|Finishing the link check)")
ESCAPES = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]")


def resident_mb(pid):
    """The process's VmRSS in MB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024
        return 0
    except OSError:
        return None


def cpu_seconds(pid):
    """User and system CPU seconds of the process so far, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    start = time.time()
    pid, terminal = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    seen, tail, phase, peaks, cpu_at = set(), b"", None, {}, {}
    last_cpu = 0.0
    while True:
        ready, _, _ = select.select([terminal], [], [], 0.2)
        rss = resident_mb(pid)
        last_cpu = cpu_seconds(pid) or last_cpu
        if phase and rss:
            peaks[phase] = max(peaks.get(phase, 0), rss)
        if not ready:
            if rss is None:
                break
            continue
        try:
            data = os.read(terminal, 65536)
        except OSError:
            break
        if not data:
            break
        tail = (tail + data)[-4000:]
        for name in PHASES.findall(ESCAPES.sub(b"", tail).decode("utf-8", "replace")):
            if name not in seen:
                seen.add(name)
                phase = name
                cpu_at[name] = last_cpu
                print(f"{time.time() - start:8.2f} s  {name} (RSS {rss} MB)", flush=True)
    _, status, usage = os.wait4(pid, 0)
    wall = time.time() - start
    load = open("/proc/loadavg").read().split()[:3]
    print(f"{wall:8.2f} s  exit status {os.waitstatus_to_exitcode(status)}: wall {wall:.2f} s, user {usage.ru_utime:.2f} s, "
          f"system {usage.ru_stime:.2f} s, peak RSS {usage.ru_maxrss / 1024:.0f} MB, load average {' '.join(load)}")
    print("highest RSS sampled in each phase (MB): " + ", ".join(f"{name} {mb:,}" for name, mb in peaks.items()))
    # A phase's CPU runs until the next phase starts; the last one's until the process ends.
    names = list(cpu_at)
    ends = [cpu_at[name] for name in names[1:]] + [usage.ru_utime + usage.ru_stime]
    print("CPU seconds in each phase: " + ", ".join(f"{name} {end - cpu_at[name]:.1f}" for name, end in zip(names, ends)))


if __name__ == "__main__":
    main()
