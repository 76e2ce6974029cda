#!/usr/bin/env python3
"""Measures where the lines of multi-line formulas sit, ours against KaTeX, in headless Chromium.

    scripts/math-rows.py [FORMULAS]
        FORMULAS  a file with one formula per line ("$$ " marks display math); default: the probes
                  below. Each line of a formula starts with its own flat-bottomed capital letter
                  (A, B, D, E …): the letters are the markers whose heights are measured.

Each formula is drawn at 100px by `collective math` and by KaTeX (Debian's libjs-katex, loaded from
the local disk in this page only), display formulas in display style but as inline boxes, as
scripts/math-score.py draws them. For every marker letter the script prints the bottom of its box
relative to the formula's baseline, in em (negative is above), for ours and for KaTeX, their
difference and the distance from the previous marker; a lone `A` (and `$$ A`) calibrates the two
fonts' letter boxes. Environment: COLLECTIVE (default .build/debug/collective), KATEX, MATH_FAMILY.
Chromium only: the positions come from its DOM dump.
"""
import html
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

compare = import_module("math-compare")

PROBES = r"""
A
A \\ B \\ D
\begin{aligned} A &= 1 \\ B &= 2 \\ D &= 3 \end{aligned}
\begin{aligned} A &= \frac{1}{2} \\ B &= \frac{3}{4} \\ D &= 5 \end{aligned}
\begin{aligned} A &= 1 \\[1em] B &= 2 \\[-0.2em] D &= 3 \end{aligned}
\begin{aligned} A &= 1 \\ \\ B &= 2 \end{aligned}
\begin{gathered} A = 1 \\ B = 2 \\ D = 3 \end{gathered}
\begin{array}{rl} A & 1 \\ B & 2 \\ D & 3 \end{array}
\begin{array}{rl} A & 1 \\ \\ B & 2 \\ \\ D & 3 \end{array}
\begin{array}{c} A \\ \hline B \\ \hline D \end{array}
\begin{matrix} A & 1 \\ B & 2 \\ D & 3 \end{matrix}
\begin{pmatrix} A & \frac{1}{2} \\ B & \frac{3}{4} \\ D & 5 \end{pmatrix}
\begin{cases} A & x > 0 \\ B & x = 0 \\ D & x < 0 \end{cases}
\begin{cases} A & x > 0 \\ \vdots \\ D & x < 0 \end{cases}
\begin{smallmatrix} A & 1 \\ B & 2 \\ D & 3 \end{smallmatrix}
\sum_{\substack{A \\ B \\ D}} x
\begin{array}{l} A \\[0.5em] B \\ D \end{array}
\begin{cases} A & \frac{1}{2} \\ B & x \end{cases}
\begin{bmatrix} A \\ \vdots \\ D \end{bmatrix}
A = \frac{1}{2} \\ B = 2
$$ A
$$ A \\ B \\ D
$$ A = \frac{1}{2} \\ B = 2 \\ D = \frac{1}{2}
$$ A \\ \frac{1}{\frac{1}{2}} \\ B
$$ A \\ \dfrac{1}{2} \\ B
$$ \begin{align} A &= 1 \\ B &= 2 \\ D &= 3 \end{align}
$$ \begin{gather} A = 1 \\ B = \frac{1}{2} \\ D = 3 \end{gather}
$$ \begin{aligned} A &= 1 \\ B &= 2 \\ D &= 3 \end{aligned}
"""

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{katex}/katex.min.css">
<script src="file://{katex}/katex.min.js"></script>
<style>
body {{ margin: 0; }}
.cell {{ font-size: 100px; line-height: 1; white-space: nowrap; padding: 20px; }}
math {{ font-family: {family}; font-size: 1em; }}
.katex {{ font-size: 1em; }}
.mark {{ display: inline-block; width: 0; height: 0; }}
.katex-display {{ display: inline-flex; margin: 0; }}
</style></head><body>
{rows}
<pre id="out"></pre>
<script>
for (const cell of document.querySelectorAll(".theirs")) {{
  try {{ katex.render(cell.dataset.tex, cell.querySelector(".k"), {{displayMode: cell.dataset.display === "1", strict: false}}); }}
  catch (e) {{ cell.dataset.failed = "1"; }}
}}
document.fonts.ready.then(() => {{
  const out = [];
  for (const cell of document.querySelectorAll(".cell")) {{
    const base = cell.querySelector(".mark").getBoundingClientRect().bottom;
    const marks = {{}};
    const leaves = cell.classList.contains("ours")
      ? cell.querySelectorAll("mi, mtext")
      : cell.querySelectorAll(".katex-html span:not(:has(*))");
    for (const leaf of leaves) {{
      const text = leaf.textContent.trim();
      if (/^[A-Z]$/.test(text) && !(text in marks)) {{
        const r = leaf.getBoundingClientRect();
        marks[text] = (r.bottom - base) / 100;
      }}
    }}
    out.push(marks);
  }}
  document.getElementById("out").textContent = "MARKS" + JSON.stringify(out) + "END";
}});
</script></body></html>
"""


def main():
    if len(sys.argv) > 1:
        formulas = compare.read_formulas(sys.argv[1])
    else:
        formulas = [(line[3:], True) if line.startswith("$$ ") else (line, False)
                    for line in PROBES.strip().splitlines()]
    collective = os.environ.get("COLLECTIVE", ".build/debug/collective")
    katex = os.environ.get("KATEX", "/usr/share/javascript/katex")
    family = os.environ.get("MATH_FAMILY", '"Latin Modern Math", math')
    results = compare.render_ours(formulas, collective)
    rows = []
    for (tex, display), result in zip(formulas, results):
        ours = result["html"].replace(' display="block"', ' displaystyle="true"')
        rows.append('<div class="cell ours"><span class="mark"></span>{}</div>'
                    '<div class="cell theirs" data-display="{}" data-tex="{}"><span class="mark"></span><span class="k"></span></div>'
                    .format(ours, int(display), html.escape(tex, quote=True)))
    with tempfile.TemporaryDirectory() as scratch:
        page = os.path.join(scratch, "rows.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(PAGE.format(katex=katex, family=family, rows="\n".join(rows)))
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                              "--virtual-time-budget=5000", "--window-size=3000,2000", "--dump-dom", "file://" + page],
                             capture_output=True, text=True).stdout
    marks = json.loads(dom[dom.index("MARKS") + 5:dom.index("END", dom.index("MARKS"))])
    # A lone A calibrates: the two fonts' boxes of the same letter end at different depths.
    calibration = {}
    for index, (tex, display) in enumerate(formulas):
        if tex.strip() == "A":
            calibration[display] = (marks[2 * index]["A"], marks[2 * index + 1]["A"])
    for index, (tex, display) in enumerate(formulas):
        ours_zero, theirs_zero = calibration.get(display, (0.0, 0.0))
        ours, theirs = marks[2 * index], marks[2 * index + 1]
        print(("$$ " if display else "") + tex.replace("\n", " "))
        previous = None
        for letter in sorted(set(ours) | set(theirs)):
            a = ours.get(letter)
            b = theirs.get(letter)
            a = None if a is None else a - ours_zero
            b = None if b is None else b - theirs_zero
            line = f"  {letter}: ours {a:+.3f}" if a is not None else f"  {letter}: ours   —   "
            line += f"  KaTeX {b:+.3f}" if b is not None else "  KaTeX   —   "
            if a is not None and b is not None:
                line += f"  off {a - b:+.3f}"
                if previous:
                    line += f"  pitch {a - previous[0]:.3f} / {b - previous[1]:.3f}"
                previous = (a, b)
            print(line)


if __name__ == "__main__":
    main()
