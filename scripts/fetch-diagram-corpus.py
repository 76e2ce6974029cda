#!/usr/bin/env python3
"""Materialise the Mermaid diagram corpus (issue 24) into diagram-corpus/.

The corpus is other people's writing: it is git-ignored and never committed. Every diagram comes
from a repository at a pinned commit, so anyone can rebuild exactly the same files:

    scripts/fetch-diagram-corpus.py                 # into diagram-corpus/
    CORPUS=/elsewhere scripts/fetch-diagram-corpus.py

Each ```mermaid (or ```mermaid-example) block of the listed Markdown files becomes one file,
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
]

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(mermaid|mermaid-example)\s*$")


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
                (target / f"{stem}-{line}.mmd").write_text(body)
                count += 1
        (target / "SOURCE").write_text(f"{repo} {commit} {folder}\n")
        print(f"{name}: {count} diagrams from {repo}@{commit[:12]}")
        total += count
    print(f"{total} diagrams in {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
