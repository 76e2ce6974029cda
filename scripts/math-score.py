#!/usr/bin/env python3
"""Scores our MathML against KaTeX, formula by formula, in headless Chromium or Firefox.

    scripts/math-score.py FORMULAS [OUTDIR]
        FORMULAS  JSON lines {"tex", "display"} (scripts/extract-math-corpus.py) or a list with
                  one formula per line ("$$ " marks display math)
        OUTDIR    default: .build-math/score

Each formula is drawn twice on a page, by `collective math` and by KaTeX (Debian's libjs-katex,
loaded from the local disk in this page only), at 30px, one under the other so that each has the
page's width. Display formulas are drawn in display style on both sides, but as inline boxes, so
that each has a baseline: ours as `<math displaystyle="true">`, KaTeX's `.katex-display` as an
inline flex box (its baseline is that of its first line). INLINE=1 draws every formula in inline
mode instead (ours keeps the display style of its environments), as the script did before
December 2026. A red mark 2px wide stands before each drawing with its bottom on the baseline;
the page is screenshot (BROWSER=chromium, the default, or firefox, both headless), each drawing
cropped to its ink and its baseline read from the mark, and the two aligned on their baselines and
left edges. The score is the share of ink pixels that do not overlap: (ours XOR KaTeX) /
(ours OR KaTeX), after stretching ours to KaTeX's width (when within 25%) and widening each ink by
two pixels, so that KaTeX's heavier strokes and a small shift cost nothing. 0 is the same drawing,
1 nothing in common.

Writes OUTDIR/scores.tsv (score, index, TeX), OUTDIR/worst.png (the worst 50 pairs, ours left,
KaTeX right) and OUTDIR/spread.png (40 pairs spread evenly over the scores, to check the threshold
by eye), and prints the share under THRESHOLD (default 0.35).
Environment: COLLECTIVE (default .build/debug/collective), KATEX, PER_PAGE (default 20), EVERY (score
every Nth formula only, default 1), MATH_FONT_CSS (a style sheet of @font-face rules, such as the one
scripts/math-font.py writes, loaded for our side) and MATH_FAMILY (our side's font-family, default
"Latin Modern Math", math). FONTCONFIG_FILE hides system fonts from the browser, to see a reader's system.
"""
import html
import os
import subprocess
import sys

import numpy
from PIL import Image, ImageDraw

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

compare = import_module("math-compare")

def row_height(tex):
    """A row tall enough for one drawing of the formula's lines (30px type): 220px and 70px per
    line break. Each formula takes two rows: ours, then KaTeX's."""
    return min(220 + 70 * tex.count("\\\\"), 2000)
PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://{katex}/katex.min.css">
{font_css}
<script src="file://{katex}/katex.min.js"></script>
<script src="file://{katex}/contrib/mhchem.js"></script>
<style>
body {{ margin: 0; background: #fff; }}
.row {{ position: relative; overflow: hidden; white-space: nowrap; }}
.cell {{ position: absolute; top: 40px; left: 10px; font-size: 30px; line-height: 1; }}
math {{ font-family: {family}; font-size: 1em; }}
.katex {{ font-size: 1em; }} .katex-display {{ display: inline-flex; margin: 0; }} .katex-display > .katex {{ text-align: left; }}
.mark {{ display: inline-block; width: 2px; height: 12px; background: #f00; }}
.theirs {{ counter-reset: katexEqnNo mmlEqnNo; }}
</style></head><body>
{rows}
<script>
for (const cell of document.querySelectorAll(".theirs")) {{
  try {{ katex.render(cell.dataset.tex, cell.querySelector(".k"), {{displayMode: cell.dataset.display === "1", throwOnError: true, strict: false}}); }}
  catch (e) {{ cell.querySelector(".k").textContent = ""; }}
}}
</script></body></html>
"""

# The cells' left edge: each drawing is preceded by a red mark 2px wide whose bottom is its baseline.
MARK_LEFT = 10


def drawing(image, top, height):
    """The ink (dark pixels) of the drawing in the band of rows from `top`, as a boolean array
    cropped to the ink, and its baseline row in it (the bottom of the red mark); None when the
    band holds no drawing (KaTeX refused the formula)."""
    bottom = min(top + height, image.height)
    if bottom <= top:
        return None, 0
    band = numpy.asarray(image.crop((0, top, image.width, bottom)).convert("RGB")).astype(int)
    red, green, blue = band[..., 0], band[..., 1], band[..., 2]
    columns = slice(MARK_LEFT, MARK_LEFT + 2)
    mark = numpy.where(((red[:, columns] > 180) & (green[:, columns] < 100) & (blue[:, columns] < 100)).any(axis=1))[0]
    if len(mark) == 0:
        return None, 0
    baseline = int(mark[-1]) + 1
    ink = (0.299 * red + 0.587 * green + 0.114 * blue)[:, MARK_LEFT + 3:] < 160
    rows = numpy.where(ink.any(axis=1))[0]
    columns = numpy.where(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None, 0
    return ink[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1], baseline - int(rows[0])


def screenshot(browser, page, height, shot, profile):
    """Draws the page at 5200px wide with headless Chromium or Firefox into `shot`."""
    if browser == "firefox":
        subprocess.run(["firefox", "--headless", "--no-remote", "--profile", profile, f"--window-size=5200,{height}",
                        "--screenshot", shot, "file://" + page], capture_output=True)
    else:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--allow-file-access-from-files", "--virtual-time-budget=5000", f"--window-size=5200,{height}",
                        f"--screenshot={shot}", "file://" + page], capture_output=True)


def widen(mask):
    out = mask.copy()
    out[1:, :] |= mask[:-1, :]
    out[:-1, :] |= mask[1:, :]
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def stretched(mask, width):
    """`mask` resampled to `width` columns (nearest column), so that a small difference in
    spacing does not shift everything after it."""
    columns = numpy.minimum((numpy.arange(width) * mask.shape[1] / width).astype(int), mask.shape[1] - 1)
    return mask[:, columns]


def score(ours, ours_base, theirs, theirs_base):
    """(ours XOR theirs) / (ours OR theirs) with both placed on a common baseline, ours
    stretched to KaTeX's width when the two are within a quarter of each other's width."""
    ratio = ours.shape[1] / max(theirs.shape[1], 1)
    if 0.8 <= ratio <= 1.25:
        ours = stretched(ours, theirs.shape[1])
    above = max(ours_base, theirs_base)
    below = max(ours.shape[0] - ours_base, theirs.shape[0] - theirs_base)
    width = max(ours.shape[1], theirs.shape[1])
    canvas = []
    for mask, base in ((ours, ours_base), (theirs, theirs_base)):
        placed = numpy.zeros((above + below, width), dtype=bool)
        placed[above - base:above - base + mask.shape[0], :mask.shape[1]] = mask
        canvas.append(placed)
    a, b = canvas
    union = (a | b).sum()
    if union == 0:
        return 0.0
    # Two pixels of tolerance: KaTeX's fonts are drawn heavier than Latin Modern Math.
    mismatch = (a & ~widen(widen(b))).sum() + (b & ~widen(widen(a))).sum()
    return float(mismatch) / float(union)


def write_sheet(pairs, crops, path):
    """The pairs, one under the other with number and score: ours left, KaTeX right."""
    if not pairs:
        return
    height = sum(max(crops[i][0].shape[0], crops[i][1].shape[0]) + 24 for _, i in pairs)
    split = 40 + max(crops[i][0].shape[1] for _, i in pairs) + 20
    width = split + max(crops[i][1].shape[1] for _, i in pairs)
    sheet = Image.new("L", (min(width, 4000), height), 255)
    draw = ImageDraw.Draw(sheet)
    y = 0
    for value, index in pairs:
        a, b = crops[index]
        draw.text((2, y), f"{index + 1} {value:.2f}", fill=0)
        sheet.paste(Image.fromarray(numpy.where(a, 0, 255).astype("uint8")), (40, y + 14))
        sheet.paste(Image.fromarray(numpy.where(b, 0, 255).astype("uint8")), (split, y + 14))
        y += max(a.shape[0], b.shape[0]) + 24
    sheet.save(path)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    formulas = compare.read_formulas(sys.argv[1])
    out = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build-math/score")
    os.makedirs(out, exist_ok=True)
    collective = os.environ.get("COLLECTIVE", ".build/debug/collective")
    katex = os.environ.get("KATEX", "/usr/share/javascript/katex")
    per_page = int(os.environ.get("PER_PAGE", "20"))
    threshold = float(os.environ.get("THRESHOLD", "0.35"))
    family = os.environ.get("MATH_FAMILY", '"Latin Modern Math", math')
    font_css = os.environ.get("MATH_FONT_CSS", "")
    if font_css:
        font_css = f'<link rel="stylesheet" href="file://{os.path.abspath(font_css)}">'
    formulas = formulas[::int(os.environ.get("EVERY", "1"))]
    inline = os.environ.get("INLINE") == "1"
    browser = os.environ.get("BROWSER", "chromium")
    # Firefox reads KaTeX's fonts from another folder than the page only with this setting.
    profile = os.path.join(out, "firefox-profile")
    if browser == "firefox":
        os.makedirs(profile, exist_ok=True)
        with open(os.path.join(profile, "user.js"), "w", encoding="utf-8") as handle:
            handle.write('user_pref("security.fileuri.strict_origin_policy", false);\n')
    results = compare.render_ours(formulas, collective)
    scores = []
    crops = {}
    for start in range(0, len(formulas), per_page):
        indices = list(range(start, min(start + per_page, len(formulas))))
        rows = []
        for index in indices:
            tex, display = formulas[index]
            display = display and not inline
            ours = results[index]["html"].replace(' display="block"', ' displaystyle="true"' if display else "")
            height = row_height(tex)
            rows.append('<div class="row" style="height:{}px"><div class="cell ours"><span class="mark"></span>{}</div></div>'
                        '<div class="row" style="height:{}px"><div class="cell theirs" data-display="{}" data-tex="{}">'
                        '<span class="mark"></span><span class="k"></span></div></div>'
                        .format(height, ours, height, int(display), html.escape(tex, quote=True)))
        page = os.path.join(out, "page.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(PAGE.format(katex=katex, rows="\n".join(rows), family=family, font_css=font_css))
        tops = [0]
        for index in indices:
            tops.append(tops[-1] + 2 * row_height(formulas[index][0]))
        shot = os.path.join(out, "page.png")
        screenshot(browser, page, tops[-1] + 40, shot, profile)
        image = Image.open(shot)
        for position, index in enumerate(indices):
            if results[index]["refused"]:
                continue  # one side has no drawing: counted apart
            row_top, row = tops[position], (tops[position + 1] - tops[position]) // 2
            a, a_base = drawing(image, row_top, row)
            b, b_base = drawing(image, row_top + row, row)
            if a is None or b is None:
                continue
            value = score(a, a_base, b, b_base)
            scores.append((value, index))
            crops[index] = (a, b)
    scores.sort(reverse=True)
    with open(os.path.join(out, "scores.tsv"), "w", encoding="utf-8") as handle:
        for value, index in scores:
            handle.write(f"{value:.3f}\t{index + 1}\t{formulas[index][0]!r}\n")
    write_sheet(scores[:50], crops, os.path.join(out, "worst.png"))
    # 40 pairs spread evenly over the scores, to check the threshold by eye.
    step = max(len(scores) / 40.0, 1.0)
    write_sheet([scores[int(i * step)] for i in range(min(40, len(scores)))], crops, os.path.join(out, "spread.png"))
    same = sum(1 for value, _ in scores if value < threshold)
    print(f"{len(scores)} pairs scored; {same} ({100.0 * same / max(len(scores), 1):.1f}%) under {threshold}; "
          f"median {scores[len(scores) // 2][0] if scores else 0:.3f}; {out}/scores.tsv, worst.png")


if __name__ == "__main__":
    main()
