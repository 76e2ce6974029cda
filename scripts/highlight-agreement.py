#!/usr/bin/env python3
"""Compare our highlighter with Pygments, character by character, over the test corpus.

Each non-whitespace character of every snippet gets a token family from both highlighters
(keyword, name.function, name.class, name.builtin, string, string.escape, comment, number,
operator, punctuation, plain); the report gives the share of characters on which they agree,
per language and overall.

    pip install pygments
    swift build -c release --product collective
    scripts/highlight-agreement.py [--bin .build/release/collective] [--details LANG] [--markdown]
                                   [--fences ../shared/corpus/papermod-example/content]

Development tool only: Pygments is never a runtime dependency.
"""
import argparse
import collections
import html
import os
import re
import subprocess
import sys

try:
    from pygments.lexers import get_lexer_by_name
    from pygments.token import STANDARD_TYPES, Token
except ImportError:
    sys.exit("Pygments is missing: pip install pygments")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "HighlightCorpus")
SEPARATOR = "-----8<-----\n"
# Corpus file name -> Pygments lexer name, where they differ.
PYGMENTS_NAMES = {"latex": "tex", "dockerfile": "docker", "yml": "yaml"}

FAMILIES = [
    (Token.Literal.String.Escape, "string.escape"),
    (Token.Literal.String.Interpol, "string.escape"),
    (Token.Literal.String, "string"),
    (Token.Name.Function, "name.function"),
    (Token.Name.Class, "name.class"),
    (Token.Name.Builtin, "name.builtin"),
    (Token.Keyword, "keyword"),
    (Token.Comment, "comment"),
    (Token.Literal.Number, "number"),
    (Token.Operator, "operator"),
    (Token.Punctuation, "punctuation"),
]
SHORT_TO_TYPE = {short: ttype for ttype, short in STANDARD_TYPES.items() if short}


def family(ttype):
    for parent, name in FAMILIES:
        if ttype in parent:
            return name
    return "plain"


def snippets(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    for part in text.split(SEPARATOR):
        if part.strip():
            yield part if part.endswith("\n") else part + "\n"


def fenced_blocks(directory):
    """(language, code) for every fenced code block with a language in the Markdown files below
    `directory`, for a check on code we did not write."""
    fence = re.compile(r"^([ \t]*)(```+|~~~+)[ \t]*([\w+#.-]+)[^\n]*\n(.*?)^[ \t]*\2[ \t]*$", re.S | re.M)
    for root, _, files in os.walk(directory):
        for name in sorted(files):
            if name.endswith(".md"):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    for match in fence.finditer(handle.read()):
                        indent = len(match.group(1))
                        lines = [line[indent:] if line[:indent].isspace() else line
                                 for line in match.group(4).splitlines(True)]
                        yield match.group(3).lower(), "".join(lines)


def pygments_families(language, code):
    lexer = get_lexer_by_name(PYGMENTS_NAMES.get(language, language), stripnl=False)
    out = []
    for ttype, value in lexer.get_tokens(code):
        out.extend([family(ttype)] * len(value))
    return out[: len(code)]


TAG = re.compile(r'<span class="([^"]*)">|</span>|<[^>]+>|[^<]+')


def our_families(binary, language, code):
    result = subprocess.run([binary, "highlight", "--language", language],
                            input=code.encode(), capture_output=True, check=True)
    markup = result.stdout.decode()
    body = markup[markup.index(">", markup.index("<code")) + 1: markup.rindex("</code>")]
    stack, out = [], []
    for match in TAG.finditer(body):
        piece = match.group(0)
        if match.group(1) is not None:
            stack.append(match.group(1))
        elif piece == "</span>":
            stack.pop()
        elif not piece.startswith("<"):
            classes = [c for c in stack if c not in ("line", "cl", "line hl", "ln")]
            ttype = SHORT_TO_TYPE.get(classes[-1], Token.Text) if classes else Token.Text
            out.extend([family(ttype)] * len(html.unescape(piece)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "collective"))
    parser.add_argument("--details", metavar="LANG", help="list the disagreements for one language")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--fences", metavar="DIR",
                        help="compare on the fenced code blocks of the Markdown files below DIR instead")
    args = parser.parse_args()

    groups = collections.defaultdict(list)
    if args.fences:
        for language, code in fenced_blocks(args.fences):
            try:
                get_lexer_by_name(PYGMENTS_NAMES.get(language, language))
            except Exception:
                continue
            groups[language].append(code if code.endswith("\n") else code + "\n")
    else:
        for name in sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt")):
            groups[name[:-4]] = list(snippets(os.path.join(CORPUS, name)))

    totals = {}
    all_agree = all_count = 0
    for language in sorted(groups):
        if args.details and language != args.details:
            continue
        agree = count = pieces = 0
        confusion = collections.Counter()
        for code in groups[language]:
            pieces += 1
            theirs = pygments_families(language, code)
            ours = our_families(args.bin, language, code)
            if len(ours) != len(code):
                sys.exit(f"{language}: our output covers {len(ours)} of {len(code)} characters")
            for i, ch in enumerate(code):
                if ch.isspace():
                    continue
                count += 1
                if i < len(theirs) and ours[i] == theirs[i]:
                    agree += 1
                elif args.details:
                    start = max(code.rfind("\n", 0, i) + 1, i - 30)
                    confusion[(ours[i], theirs[i] if i < len(theirs) else "?", code[start:i + 1].split("\n")[-1][-12:])] += 1
        totals[language] = (agree, count, pieces)
        all_agree += agree
        all_count += count
        if args.details:
            for (ours_f, theirs_f, context), n in confusion.most_common(60):
                print(f"{n:5}  ours={ours_f:14} pygments={theirs_f:14} …{context!r}")

    snippet_total = sum(p for _, _, p in totals.values())
    if args.markdown:
        print("| language | snippets | characters | agreement |")
        print("|---|--:|--:|--:|")
        for language, (agree, count, pieces) in totals.items():
            print(f"| {language} | {pieces} | {count} | {100 * agree / max(count, 1):.1f}% |")
        print(f"| **overall** | {snippet_total} | {all_count} | **{100 * all_agree / max(all_count, 1):.1f}%** |")
    else:
        for language, (agree, count, pieces) in totals.items():
            print(f"{language:12} {pieces:3} snippets {count:6} chars  {100 * agree / max(count, 1):6.2f}%")
        print(f"{'overall':12} {snippet_total:3} snippets {all_count:6} chars  {100 * all_agree / max(all_count, 1):6.2f}%")
    worst = min((100 * a / max(c, 1) for a, c, _ in totals.values()), default=100)
    overall = 100 * all_agree / max(all_count, 1)
    return 0 if overall >= 95 and worst >= 90 else 1


if __name__ == "__main__":
    sys.exit(main())
