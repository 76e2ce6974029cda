#!/usr/bin/env python3
"""Extracts every TeX formula from the Markdown of the fidelity corpus (git-ignored, see
docs/fidelity.md) into a JSON-lines file for `collective math --batch`.

    scripts/extract-math-corpus.py [CORPUS] [OUT]
        CORPUS  default: fidelity-corpus (the folder of Hugo sites, each with content*/)
        OUT     default: .build-math/math-corpus/formulas.jsonl (git-ignored)

Finds `$$…$$`, `\\[…\\]`, `\\(…\\)`, `$…$` (pandoc's rule: no space inside the dollars, no digit
after the closing one), top-level `\\begin{equation|align|gather|…}` blocks and
`{{< katex >}}…{{< /katex >}}` shortcodes, outside fenced and inline code. Each line of the
output is {"file", "line", "display", "tex"}; duplicates (same TeX and mode) are kept once.
"""
import json
import os
import re
import sys

ENVIRONMENTS = r"(?:equation|align|gather|multline|alignat|flalign|eqnarray)\*?"
PATTERNS = [
    # (regex, display); tried at each position in this order.
    (re.compile(r"\{\{<\s*katex\s*(display)?[^>]*>\}\}(.*?)\{\{<\s*/katex\s*>\}\}", re.S), None),
    (re.compile(r"\$\$(.+?)\$\$", re.S), True),
    (re.compile(r"\\\[(.+?)\\\]", re.S), True),
    (re.compile(r"\\\((.+?)\\\)", re.S), False),
    (re.compile(r"\\begin\{(" + ENVIRONMENTS + r")\}.*?\\end\{\1\}", re.S), True),
    (re.compile(r"\$(?![\s$])((?:[^$\\\n]|\\.|\n(?!\s*\n))+?)(?<![\s\\])\$(?!\d)"), False),
]
FENCE = re.compile(r"^(\s*)(```+|~~~+)")


def strip_code(text):
    """The text with fenced code blocks and inline code spans blanked (lines kept)."""
    out = []
    fence = None
    for line in text.split("\n"):
        match = FENCE.match(line)
        if fence:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            out.append("")
            continue
        if match:
            fence = match.group(2)
            out.append("")
            continue
        out.append(re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


def strip_front_matter(text):
    for mark in ("---", "+++"):
        if text.startswith(mark + "\n"):
            end = text.find("\n" + mark, len(mark))
            if end > 0:
                return "\n" * text[:end].count("\n") + text[end:]
    return text


def markdown_unescaped(tex):
    """Sites whose Markdown processor sees the math first write `\\_`, `\\*` and `\\\\`: undo those
    escapes as the processor would (only when the formula shows one, as `\\{` is also TeX)."""
    if "\\_" not in tex and "\\*" not in tex:
        return tex
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", tex)


def formulas(text):
    text = strip_code(strip_front_matter(text))
    index = 0
    while index < len(text):
        best = None
        for pattern, display in PATTERNS:
            match = pattern.search(text, index)
            if match and (best is None or match.start() < best[0].start()):
                best = (match, display)
        if best is None:
            return
        match, display = best
        if display is None:  # katex shortcode
            display = match.group(1) is not None
            tex = match.group(2)
        elif match.re.pattern.startswith("\\\\begin"):
            tex = match.group(0)
        else:
            tex = match.group(1)
        line = text.count("\n", 0, match.start()) + 1
        index = match.end()
        if match.start() > 0 and text[match.start() - 1] == "\\":
            continue  # an escaped dollar or bracket
        tex = markdown_unescaped(tex).strip()
        if tex:
            yield line, display, tex


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "fidelity-corpus"
    out = sys.argv[2] if len(sys.argv) > 2 else ".build-math/math-corpus/formulas.jsonl"
    seen = set()
    records = []
    for site in sorted(os.listdir(corpus)):
        site_dir = os.path.join(corpus, site)
        if not os.path.isdir(site_dir):
            continue
        for folder in sorted(os.listdir(site_dir)):
            if not folder.startswith("content"):
                continue
            for root, dirs, files in os.walk(os.path.join(site_dir, folder)):
                dirs.sort()
                for name in sorted(files):
                    if not name.endswith((".md", ".markdown")):
                        continue
                    path = os.path.join(root, name)
                    with open(path, encoding="utf-8", errors="replace") as handle:
                        text = handle.read()
                    for line, display, tex in formulas(text):
                        key = (tex, display)
                        if key in seen:
                            continue
                        seen.add(key)
                        records.append({"file": os.path.relpath(path, corpus), "line": line,
                                        "display": display, "tex": tex})
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} distinct formulas ({sum(r['display'] for r in records)} display) -> {out}")


if __name__ == "__main__":
    main()
