#!/usr/bin/env python3
"""Writes the list of commands KaTeX's docs/support_table.md marks as supported, each with the
usage example the table renders, one `name TAB example` a line. It is KaTeX's text, so the output
goes to the git-ignored katex-corpus/ (scripts/fetch-katex-support-table.sh calls this script).

    scripts/katex-support-table.py path/to/KaTeX/docs/support_table.md OUT
"""
import re
import sys

HEADER = """# KaTeX's documented function table (docs/support_table.md of github:KaTeX/KaTeX): one supported
# command per line, name TAB the usage example given there. Written by scripts/fetch-katex-support-table.sh.
"""


def rows(markdown):
    for line in markdown.splitlines():
        if not line.startswith("|") or line.startswith(("|:", "|Symbol")):
            continue
        match = re.match(r"\|([^|]*)\|(.*)$", line)
        if not match or "Not supported" in match.group(2):
            continue
        formula = re.match(r"\s*\$\$?(.*?)\$\$?\s*\|", match.group(2))
        if formula:  # the table writes | as \VERT inside its cells
            yield match.group(1), formula.group(1).replace("\\VERT", "|")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/katex-support-table.py SUPPORT_TABLE_MD OUT")
    with open(sys.argv[1], encoding="utf-8") as handle:
        table = list(rows(handle.read()))
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(HEADER)
        for name, formula in table:
            out.write(f"{name}\t{formula}\n")
    print(f"{len(table)} commands in {sys.argv[2]}")


if __name__ == "__main__":
    main()
