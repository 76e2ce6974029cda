#!/usr/bin/env python3
"""Cuts Latin Modern Math (GUST Font License) into WOFF2 pieces by Unicode block, each with the
MATH table and the size variants of its own characters, and measures what a page with math costs.

    scripts/math-font.py subset [FONT] [OUTDIR]
        FONT    default: /usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf
                (apt-get install fonts-lmodern; needs pip's fonttools and brotli)
        OUTDIR  default: .build-math/math-font (git-ignored): PIECE.woff2 and math-font.css, whose
                @font-face rules give each piece its unicode-range, so a browser fetches only the
                pieces whose characters a page shows. The theme ships the pieces of Theme/fonts/,
                made with OUTDIR Theme/fonts (then run scripts/generate-theme.py).
    scripts/math-font.py weight FORMULAS [OUTDIR]
        renders FORMULAS (JSON lines with "file" and "tex", scripts/extract-math-corpus.py) with
        `collective math --batch` (COLLECTIVE, default .build/debug/collective), finds the
        characters each page's formulas show (a one-letter <mi> is drawn from the italic
        alphabet, as the browser does) and prints the bytes of the pieces each page needs.
    scripts/math-font.py shots [OUTDIR]
        screenshots a few formulas in headless Chromium with the system's math fonts hidden, with
        the pieces of OUTDIR (shipped.png) and without them (system.png)
"""
import collections
import html
import json
import os
import re
import subprocess
import sys

DEFAULT_FONT = "/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf"
FAMILY = "Collective Math"

# Disjoint ranges. Chromium takes a stretchy or large operator's size variants, a radical and the
# MathConstants every layout reads from the first available font (the piece holding U+0020), so
# "base" holds every character that stretches or grows: delimiters, arrows, operators, radicals,
# big operators, braces and accents.
PIECES = [
    ("base", "U+0020-007E,U+00A0-00FF,U+0131,U+0237,U+02C6-02DC,U+0300-036F,U+2000-206F,U+20D0-20FF,"
             "U+2190-23FF,U+27C0-27FF,U+2980-29FF,U+2A00-2AFF,U+FE00-FE01"),
    ("greek", "U+0391-03FF"),
    ("italic", "U+1D434-1D467,U+1D6A4-1D6A5,U+1D6E2-1D71B"),
    ("letterlike", "U+2100-214F"),
    ("shapes", "U+25A0-27BF,U+2900-297F"),
    ("latin-extended", "U+0100-0130,U+0132-017F,U+02B9-02C5,U+1E00-1EFF,U+20AC,U+2460-24FF,U+2B00-2BFF"),
    ("bold", "U+1D400-1D433,U+1D7CE-1D7D7"),
    ("bold-italic", "U+1D468-1D49B"),
    ("bold-greek", "U+1D6A8-1D6E1,U+1D7CA-1D7CB"),
    ("bold-italic-greek", "U+1D71C-1D755"),
    ("script", "U+1D49C-1D503"),
    ("fraktur", "U+1D504-1D537"),
    ("bold-fraktur", "U+1D56C-1D59F"),
    ("double-struck", "U+1D538-1D56B,U+1D7D8-1D7E1"),
    ("sans-mono", "U+1D5A0-1D6A3,U+1D756-1D7C9,U+1D7E2-1D7FF"),
]


def ranges(spec):
    for part in spec.split(","):
        low, _, high = part[2:].partition("-")
        yield int(low, 16), int(high or low, 16)


def piece_of(code):
    for name, spec in PIECES:
        if any(low <= code <= high for low, high in ranges(spec)):
            return name
    return None


def rename(path, piece):
    """Gives a piece new font names, as the GUST Font License asks of derived works; the copyright
    and version records stay."""
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    names = {1: FAMILY, 3: f"{FAMILY} {piece} (subset of Latin Modern Math)", 4: f"{FAMILY} {piece}",
             6: f"CollectiveMath-{piece}", 16: FAMILY}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    font.flavor = "woff2"
    font.save(path)


def subset(font, out):
    from fontTools import subset as ftsubset  # pip install fonttools brotli

    os.makedirs(out, exist_ok=True)
    css = []
    for name, spec in PIECES:
        path = os.path.join(out, f"{name}.woff2")
        ftsubset.main([font, f"--unicodes={spec}", "--layout-features=*", "--flavor=woff2",
                       "--desubroutinize", f"--output-file={path}"])
        rename(path, name)
        print(f"{name:18} {os.path.getsize(path):7} bytes")
        css.append(f'@font-face{{font-family:"{FAMILY}";src:url("{name}.woff2") format("woff2");'
                   f"unicode-range:{spec};font-display:swap}}")
    with open(os.path.join(out, "math-font.css"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(css) + "\n")
    total = sum(os.path.getsize(os.path.join(out, f"{name}.woff2")) for name, _ in PIECES)
    print(f"all pieces        {total:7} bytes; {out}/math-font.css")


ITALIC_CAPITAL, ITALIC_SMALL = 0x1D434, 0x1D44E
ITALIC_GREEK = 0x1D6E2  # capital Alpha; small alpha follows 26 later


def shown_characters(mathml):
    """Code points the browser draws for one formula's MathML (annotation left out)."""
    mathml = re.sub(r"<annotation[^>]*>.*?</annotation>", "", mathml, flags=re.S)
    codes = set()
    for tag, attributes, text in re.findall(r"<(m\w+)([^>]*)>([^<]+)<", mathml):
        text = html.unescape(text)
        if tag == "mi" and len(text) == 1 and "mathvariant" not in attributes:
            code = ord(text)
            if "A" <= text <= "Z":
                code = ITALIC_CAPITAL + code - ord("A")
            elif "a" <= text <= "z":
                code = 0x210E if text == "h" else ITALIC_SMALL + code - ord("a")
            elif 0x391 <= code <= 0x3A9:
                code = ITALIC_GREEK + code - 0x391
            elif 0x3B1 <= code <= 0x3C9:
                code = ITALIC_GREEK + 26 + code - 0x3B1
            codes.add(code)
        else:
            codes.update(ord(c) for c in text)
    codes.add(0x20)
    return codes


def weight(formulas_path, out):
    sizes = {name: os.path.getsize(os.path.join(out, f"{name}.woff2")) for name, _ in PIECES}
    entries = [json.loads(line) for line in open(formulas_path, encoding="utf-8") if line.strip()]
    collective = os.environ.get("COLLECTIVE", ".build/debug/collective")
    batch = "".join(json.dumps({"tex": e["tex"], "display": e.get("display", False)}) + "\n" for e in entries)
    results = subprocess.run([collective, "math", "--batch"], input=batch, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    pages = collections.defaultdict(set)
    for entry, line in zip(entries, results):
        result = json.loads(line)
        if not result["refused"]:
            pages[entry.get("file", "-")].update(shown_characters(result["html"]))
    used = collections.Counter()
    weights = []
    for page, codes in pages.items():
        needed = {piece_of(code) for code in codes} - {None}
        used.update(needed)
        weights.append((sum(sizes[name] for name in needed), page, sorted(needed)))
    weights.sort()
    count = len(weights)
    print(f"{count} pages with math; font bytes per page: min {weights[0][0]}, median {weights[count // 2][0]}, "
          f"90th percentile {weights[int(count * 0.9)][0]}, max {weights[-1][0]} ({weights[-1][1]})")
    print("pages needing each piece: " + ", ".join(f"{name} {used[name]}" for name, _ in PIECES))


SHOWN = [
    r"\mathbb{E}_{x \sim p}\left[\log \frac{p(x)}{q(x)}\right] = \sum_{i=1}^{n} p_i \log \frac{p_i}{q_i}",
    r"\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}}, \quad \sqrt{d_k}, \quad \hat{\theta}",
    r"\mathcal{L}(\theta) = -\int_{\Omega} \lVert \nabla_\theta f(x) \rVert^2 \, dx \implies \widetilde{W} \in \mathbb{R}^{n \times d}",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix} \overbrace{x_1 + \dots + x_n}^{n} \xrightarrow{\text{train}} \langle \psi | \phi \rangle",
]
NO_MATH_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<selectfont><rejectfont><glob>*latinmodern-math*</glob><glob>*DejaVuMathTeXGyre*</glob><glob>*STIX*</glob>
</rejectfont></selectfont></fontconfig>
"""


def shots(out):
    """Screenshots of a few formulas as the theme draws them, with the system's math fonts hidden
    (a reader without any): with the shipped pieces (OUTDIR/shipped.png) and without (system.png)."""
    collective = os.environ.get("COLLECTIVE", ".build/debug/collective")
    batch = "".join(json.dumps({"tex": tex, "display": True}) + "\n" for tex in SHOWN)
    results = subprocess.run([collective, "math", "--batch"], input=batch, capture_output=True, text=True,
                             check=True).stdout.splitlines()
    body = "\n".join(json.loads(line)["html"] for line in results)
    config = os.path.abspath(os.path.join(out, "fonts.conf"))
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(NO_MATH_FONTS)
    for name, css in (("shipped", '<link rel="stylesheet" href="math-font.css">'), ("system", "")):
        page = os.path.join(out, f"{name}.html")
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(f'<!doctype html><meta charset="utf-8">{css}<style>body{{margin:8px 16px;background:#fff}}'
                         f'math{{font-family:"{FAMILY}",math;font-size:22px}}</style>{body}')
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--allow-file-access-from-files", "--virtual-time-budget=5000", "--window-size=760,390",
                        f"--screenshot={os.path.join(out, name + '.png')}", "file://" + os.path.abspath(page)],
                       capture_output=True, env=dict(os.environ, FONTCONFIG_FILE=config), check=True)
        print(os.path.join(out, name + ".png"))


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("subset", "weight", "shots"):
        sys.exit(__doc__)
    if sys.argv[1] == "shots":
        shots(sys.argv[2] if len(sys.argv) > 2 else ".build-math/math-font")
    elif sys.argv[1] == "subset":
        subset(sys.argv[2] if len(sys.argv) > 2 else DEFAULT_FONT, sys.argv[3] if len(sys.argv) > 3 else ".build-math/math-font")
    else:
        if len(sys.argv) < 3:
            sys.exit(__doc__)
        weight(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ".build-math/math-font")


if __name__ == "__main__":
    main()
