#!/usr/bin/env python3
"""Renders formulas with `collective math` and with KaTeX side by side, one HTML page per
PER_PAGE formulas, and screenshots each page with headless Chromium for a visual check.

    scripts/math-compare.py FORMULAS [OUTDIR]
        FORMULAS  a file of formulas, one per line ("$$ " marks display math; "#" comments), or
                  JSON lines {"tex", "display"} (scripts/extract-math-corpus.py writes these)
        OUTDIR    default: .build-math/compare

Environment: COLLECTIVE (default .build/debug/collective), KATEX (default
/usr/share/javascript/katex, from Debian's libjs-katex), PER_PAGE (default 30), WIDTH (1200).
The pages load KaTeX from the local file system: a tool for comparing, not site output.
"""
import html
import json
import os
import subprocess
import sys


def read_formulas(path):
    formulas = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("{"):
                record = json.loads(line)
                formulas.append((record["tex"], bool(record.get("display"))))
            elif line.startswith("$$ "):
                formulas.append((line[3:], True))
            else:
                formulas.append((line, False))
    return formulas


def render_ours(formulas, collective):
    batch = "".join(json.dumps({"tex": tex, "display": display}) + "\n" for tex, display in formulas)
    output = subprocess.run([collective, "math", "--batch"], input=batch, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in output.stdout.splitlines()]


PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>ours vs KaTeX</title>
<link rel="stylesheet" href="file://{katex}/katex.min.css">
<script src="file://{katex}/katex.min.js"></script>
<script src="file://{katex}/contrib/mhchem.js"></script>
<style>
body {{ font: 15px/1.4 "Latin Modern Roman", serif; margin: 12px; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td {{ border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: middle; overflow: hidden; }}
td.n {{ width: 2.5em; color: #777; font: 11px monospace; }}
td.src {{ width: 22%; font: 10px/1.2 monospace; color: #555; white-space: pre-wrap; word-break: break-all; }}
math {{ font-family: "Latin Modern Math", "STIX Two Math", math; font-size: 1.21em; }}
.katex {{ font-size: 1.21em; }}
.math-error {{ color: #b00; font-family: monospace; background: #fee; }}
</style></head><body>
<table><tr><th></th><th>TeX</th><th>collective</th><th>KaTeX</th></tr>
{rows}
</table>
<script>
for (const cell of document.querySelectorAll("td.katex-cell")) {{
  try {{ katex.render(cell.dataset.tex, cell, {{displayMode: cell.dataset.display === "1", throwOnError: false, strict: false}}); }}
  catch (e) {{ cell.textContent = "KaTeX: " + e.message; }}
}}
</script>
</body></html>
"""


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    formulas = read_formulas(sys.argv[1])
    out = sys.argv[2] if len(sys.argv) > 2 else ".build-math/compare"
    os.makedirs(out, exist_ok=True)
    out = os.path.abspath(out)
    collective = os.environ.get("COLLECTIVE", ".build/debug/collective")
    katex = os.environ.get("KATEX", "/usr/share/javascript/katex")
    per_page = int(os.environ.get("PER_PAGE", "30"))
    results = render_ours(formulas, collective)
    pages = 0
    for start in range(0, len(formulas), per_page):
        rows = []
        for index in range(start, min(start + per_page, len(formulas))):
            tex, display = formulas[index]
            rows.append('<tr><td class="n">{}</td><td class="src">{}</td><td>{}</td>'
                        '<td class="katex-cell" data-display="{}" data-tex="{}"></td></tr>'.format(
                            index + 1, html.escape(tex), results[index]["html"], int(display), html.escape(tex, quote=True)))
        pages += 1
        page = os.path.join(out, f"compare-{pages}.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(PAGE.format(katex=katex, rows="\n".join(rows)))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--allow-file-access-from-files", f"--window-size={os.environ.get('WIDTH', '1200')},{os.environ.get('HEIGHT', '1600')}",
                        f"--screenshot={out}/compare-{pages}.png", "file://" + page],
                       capture_output=True, check=False)
    print(f"{len(formulas)} formulas on {pages} pages: {out}/compare-N.html and .png")


if __name__ == "__main__":
    main()
