#!/usr/bin/env python3
"""Side-by-side screenshots of diagrams: mermaid.js on the left, `collective diagram` on the right.

A review aid for issue 24, run by hand; nothing here is part of a site or of the tests.

    scripts/diagram-review.py diagram-corpus/mermaid-docs/syntax-flowchart-*.mmd

mermaid.js comes from PyPI (the `artoo-mermaid` wheel ships Mermaid's own mermaid.min.js, checked
against the sha256 below) into the git-ignored diagram-corpus/.mermaid/. Each diagram becomes
diagram-corpus/review/NAME.png, drawn by headless Chromium. $COLLECTIVE names the binary
(default .build/debug/collective); $SCHEME=dark draws both in the dark scheme.
"""
import hashlib
import html
import os
import pathlib
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "diagram-corpus"
MERMAID_DIR = WORK / ".mermaid"
WHEEL = "artoo-mermaid==11.16.0"
SHA256 = "74d7c46dabca328c2294733910a8aa1ed0c37451776e8d5295da38a2b758fb9b"
COLLECTIVE = os.environ.get("COLLECTIVE", str(ROOT / ".build" / "debug" / "collective"))
SCHEME = os.environ.get("SCHEME", "light")


def mermaid_js() -> pathlib.Path:
    target = MERMAID_DIR / "mermaid.min.js"
    if not target.exists():
        MERMAID_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--python-version", "3.12",
                        "--only-binary=:all:", WHEEL, "-d", str(MERMAID_DIR)], check=True)
        wheel = next(MERMAID_DIR.glob("artoo_mermaid-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            target.write_bytes(archive.read("artoo_mermaid/assets/mermaid.min.js"))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{target}: sha256 {digest} is not the pinned {SHA256}")
    return target


def page(source: str, ours: str, css: str) -> str:
    dark = SCHEME == "dark"
    theme = "dark" if dark else "default"
    background, text = ("#1b1c1f", "#e8e8e8") if dark else ("#ffffff", "#1b1c1f")
    return f"""<!doctype html><html lang="en" data-theme="{SCHEME}"><head><meta charset="utf-8"><style>
{css}
body{{margin:0;font-family:sans-serif;background:{background};color:{text};--text:{text}}}
main{{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:8px}}
section{{border:1px solid #888;padding:6px;min-width:0}} h2{{font-size:13px;margin:0 0 6px}}
section svg{{max-width:100%;height:auto}}
</style></head><body><main>
<section><h2>mermaid.js 11.16</h2><pre class="mermaid">{html.escape(source)}</pre></section>
<section><h2>collective</h2>{ours}</section>
</main><script src="{mermaid_js().as_uri()}"></script>
<script>mermaid.initialize({{startOnLoad:true,theme:"{theme}"}});</script></body></html>"""


def main() -> None:
    files = [pathlib.Path(name) for name in sys.argv[1:]]
    if not files:
        sys.exit(__doc__)
    out = WORK / "review"
    out.mkdir(parents=True, exist_ok=True)
    css = subprocess.run([COLLECTIVE, "diagram", "--css"], capture_output=True, text=True).stdout
    for file in files:
        result = subprocess.run([COLLECTIVE, "diagram", str(file)], capture_output=True, text=True)
        ours = result.stdout or f"<pre>{html.escape(result.stderr)}</pre>"
        html_file = out / f"{file.stem}.html"
        html_file.write_text(page(file.read_text(), ours, css))
        png = out / f"{file.stem}{'-dark' if SCHEME == 'dark' else ''}.png"
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--virtual-time-budget=8000", "--window-size=1400,900", f"--screenshot={png}",
                        html_file.as_uri()], capture_output=True)
        print(png)


if __name__ == "__main__":
    main()
