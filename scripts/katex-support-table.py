#!/usr/bin/env python3
"""Writes Tests/MathTests/Corpus/katex-support-table.txt from KaTeX's docs/support_table.md:
every command the table marks as supported, with the usage example the table renders.

    scripts/katex-support-table.py path/to/KaTeX/docs/support_table.md
"""
import re
import sys

HEADER = """# KaTeX's documented function table (docs/support_table.md of github:KaTeX/KaTeX): one supported
# command per line, name TAB the usage example given there. Regenerate with
# scripts/katex-support-table.py path/to/KaTeX/docs/support_table.md.
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
    with open(sys.argv[1], encoding="utf-8") as handle:
        table = list(rows(handle.read()))
    with open("Tests/MathTests/Corpus/katex-support-table.txt", "w", encoding="utf-8") as out:
        out.write(HEADER)
        for name, formula in table:
            out.write(f"{name}\t{formula}\n")
    print(f"{len(table)} commands")


if __name__ == "__main__":
    main()
