#!/usr/bin/env python3
"""Materialise the Mermaid diagram corpus (issue 24) into diagram-corpus/.

The corpus is other people's writing: it is git-ignored and never committed. Every diagram comes
from a repository at a pinned commit, so anyone can rebuild exactly the same files:

    scripts/fetch-diagram-corpus.py                 # into diagram-corpus/
    CORPUS=/elsewhere scripts/fetch-diagram-corpus.py

Each ```mermaid (or ```mermaid-example) block and each {{< mermaid >}} shortcode of the listed
Markdown files becomes one file (a diagram repeated word for word, as translations do, only once),
SOURCE/FILE-LINE.mmd, named by the document and the line of its opening fence. A bare git mirror
under $MIRRORS (default /work/.mirror, laid out as OWNER+NAME/repo) is read when present;
otherwise the repository is fetched from GitHub into $CACHE (default ~/.cache/collective-diagrams).
"""
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = pathlib.Path(os.environ.get("CORPUS", ROOT / "diagram-corpus"))
MIRRORS = pathlib.Path(os.environ.get("MIRRORS", "/work/.mirror"))
CACHE = pathlib.Path(os.environ.get("CACHE", pathlib.Path.home() / ".cache" / "collective-diagrams"))

# NAME, OWNER/REPO, COMMIT, folder whose Markdown files are read.
SOURCES = [
    ("mermaid-docs", "mermaid-js/mermaid", "df032c942c32f805a7f4cd1cf30a565e610bc4f1", "packages/mermaid/src/docs"),
    # Hugo themes' example sites and documentation: diagrams written for a theme that loads mermaid.js.
    ("hugo-theme-stack", "CaiJimmy/hugo-theme-stack", "3e123a30b79b5d52a3a8e88a9dd678fcfd28e418", "demo/content"),
    ("fixit", "hugo-fixit/FixIt", "8b6806bbf36b309d9829324a98710f5271f4c609", "apps/test/content"),
    ("loveit", "dillonzq/LoveIt", "0e5d8eb9bd9c7b6eb8df6dfc89fc0e8757cb01ef", "exampleSite/content"),
    ("hugo-book", "alex-shpak/hugo-book", "162c806e991b63d8a8bbfcd1c8d41ad650ebd07e", "exampleSite/content.en"),
    ("congo", "jpanther/congo", "7fe9db858dfb0644daadb3705573ed8492cff037", "exampleSite/content"),
    ("docsy", "google/docsy", "83c5cc14ee6a44190cacec20b8e1c15973df97fd", "docsy.dev/content/en"),
    ("jabref", "JabRef/jabref", "edbf3b13ad2806e4460f1d477ddcb087984c8459", "docs"),
]

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(mermaid|mermaid-example)\s*$")
# Hugo's `{{< mermaid >}}` … `{{< /mermaid >}}` shortcode (with or without attributes, `<` or `%`).
SHORTCODE = re.compile(r"^\s*\{\{[<%]\s*mermaid\b[^}]*[>%]\}\}\s*$")
SHORTCODE_END = re.compile(r"^\s*\{\{[<%]\s*/mermaid\s*[>%]\}\}\s*$")


def git_dir(repo: str, commit: str) -> pathlib.Path:
    mirror = MIRRORS / repo.replace("/", "+") / "repo"
    if mirror.exists():
        return mirror
    clone = CACHE / repo.replace("/", "+")
    if not clone.exists():
        subprocess.run(["git", "init", "--bare", "-q", str(clone)], check=True)
        subprocess.run(["git", "--git-dir", str(clone), "remote", "add", "origin", f"https://github.com/{repo}"], check=True)
    subprocess.run(["git", "--git-dir", str(clone), "fetch", "-q", "--depth", "1", "origin", commit], check=True)
    return clone


def blocks(text: str):
    """(line of the opening fence, body) for every mermaid block."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if SHORTCODE.match(lines[index]):
            start = index + 1
            index += 1
            body = []
            while index < len(lines) and not SHORTCODE_END.match(lines[index]):
                body.append(lines[index])
                index += 1
            yield start, "\n".join(body) + "\n"
            index += 1
            continue
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = len(match.group(1)), match.group(2)
        start = index + 1
        index += 1
        body = []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][indent:] if lines[index][:indent].strip() == "" else lines[index])
            index += 1
        yield start, "\n".join(body) + "\n"
        index += 1


def main() -> int:
    total = 0
    seen = set()
    for name, repo, commit, folder in SOURCES:
        git = git_dir(repo, commit)
        listing = subprocess.run(["git", "--git-dir", str(git), "ls-tree", "-r", "--name-only", commit, folder],
                                 check=True, capture_output=True, text=True).stdout.split("\n")
        target = CORPUS / name
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("*.mmd"):
            old.unlink()
        count = 0
        for path in sorted(p for p in listing if p.endswith(".md")):
            text = subprocess.run(["git", "--git-dir", str(git), "show", f"{commit}:{path}"],
                                  check=True, capture_output=True, text=True).stdout
            stem = path[len(folder) + 1:-3].replace("/", "-")
            for line, body in blocks(text):
                # Translated pages repeat their diagrams: each distinct diagram is kept once.
                if body in seen:
                    continue
                seen.add(body)
                (target / f"{stem}-{line}.mmd").write_text(body)
                count += 1
        (target / "SOURCE").write_text(f"{repo} {commit} {folder}\n")
        print(f"{name}: {count} diagrams from {repo}@{commit[:12]}")
        total += count
    print(f"{total} diagrams in {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
