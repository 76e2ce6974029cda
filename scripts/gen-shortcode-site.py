#!/usr/bin/env python3
"""Generates a Hugo site whose pages call the site's own Go-template shortcodes, for
scripts/bench-shortcodes.sh (issue 17: the cost of running a site's shortcodes, against Hugo).

    gen-shortcode-site.py OUT [--pages N] [--calls K] [--heavy M] [--plain] [--seed S]

N pages (default 100) with K shortcode calls each (default 10), and, with --heavy M, one more page
with M calls. The six shortcodes are the kinds real blogs carry: a figure with a Markdown caption,
a callout whose inner Markdown goes through `markdownify`, an inline abbreviation, a citation list
built with `split`/`range`/`printf`, a `{{% %}}` details block whose inner content is part of the
page's Markdown, and tabs that read their parent's parameters. --plain writes the same pages with
each call replaced by plain Markdown of about the same length (the baseline without shortcodes).
The text is seeded: the same arguments always give the same site.
"""
import argparse
import os
import random

WORDS = (
    "gradient descent loss tensor layer attention kernel batch epoch sample feature vector matrix "
    "weight bias model training inference embedding token sequence transformer network neuron "
    "activation softmax entropy optimizer momentum learning rate regularization dropout"
).split()

SHORTCODES = {
    "figure-card.html": """{{- $src := .Get "src" -}}
{{- $caption := .Get "caption" | default "" -}}
<figure class="card{{ with .Get "class" }} {{ . }}{{ end }}">
<img src="{{ $src | relURL }}" alt="{{ .Get "alt" | default (plainify $caption) }}" loading="lazy">
{{- with $caption }}<figcaption>{{ . | markdownify }}</figcaption>{{ end }}
</figure>
""",
    "callout.html": """{{- $type := .Get 0 | default "note" -}}
<div class="callout callout-{{ $type }}">
<p class="callout-title">{{ $type | title }}</p>
{{ .Inner | markdownify }}
</div>
""",
    "term.html": """<abbr title="{{ .Get 1 }}">{{ .Get 0 | upper }}</abbr>""",
    "cite.html": """{{- $keys := split (.Get "keys") "," -}}
[{{ range $i, $key := $keys }}{{ if $i }}, {{ end }}{{ $k := trim $key " " }}<a href="#ref-{{ $k | urlize }}">{{ printf "%s" $k }}</a>{{ end }}]""",
    "details.html": """<details{{ if eq (.Get "open") "true" }} open{{ end }}>
<summary>{{ .Get "title" | default "Details" }}</summary>
{{ .Inner }}
</details>
""",
    "tabs.html": """<div class="tabs" data-group="{{ .Get "group" }}">
{{ .Inner }}
</div>
""",
    "tab.html": """<section class="tab" data-group="{{ .Parent.Get "group" }}" data-index="{{ .Ordinal }}">
<h4>{{ .Get "name" }}</h4>
{{ .Inner | markdownify }}
</section>
""",
}


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def sentence(rng: random.Random) -> str:
    text = words(rng, rng.randint(8, 16))
    return text[0].upper() + text[1:] + "."


def call(rng: random.Random, plain: bool) -> str:
    """One shortcode call (or, with plain, Markdown of about the same length)."""
    kind = rng.randrange(6)
    w = words(rng, 3)
    if kind == 0:
        src = f"/images/{rng.choice(WORDS)}-{rng.randint(1, 99)}.png"
        if plain:
            return f"![{w}]({src})\n\n*The {w} of the model.*"
        return f'{{{{< figure-card src="{src}" caption="The *{w}* of the model." class="wide" >}}}}'
    if kind == 1:
        if plain:
            return f"> **Note.** {sentence(rng)} The `{rng.choice(WORDS)}` matters."
        return f"{{{{< callout warning >}}}}\n{sentence(rng)} The `{rng.choice(WORDS)}` matters.\n{{{{< /callout >}}}}"
    if kind == 2:
        term = rng.choice(WORDS)[:3]
        if plain:
            return f"We use {term.upper()} ({w}) here: {sentence(rng)}"
        return f'We use {{{{< term {term} "{w}" >}}}} here: {sentence(rng)}'
    if kind == 3:
        keys = ", ".join(f"{rng.choice(WORDS)}{rng.randint(1990, 2024)}" for _ in range(rng.randint(1, 3)))
        if plain:
            return f"{sentence(rng)} [{keys}]"
        return f'{sentence(rng)} {{{{< cite keys="{keys}" >}}}}'
    if kind == 4:
        if plain:
            return f"**Derivation.**\n\n{sentence(rng)} See *{w}*.\n\n- {words(rng, 4)}\n- {words(rng, 4)}"
        return (
            f'{{{{% details title="Derivation" %}}}}\n{sentence(rng)} See *{w}*.\n\n- {words(rng, 4)}\n- {words(rng, 4)}\n'
            "{{% /details %}}"
        )
    if plain:
        return f"**PyTorch:** `{rng.choice(WORDS)}()`\n\n**JAX:** `{rng.choice(WORDS)}()`"
    return (
        '{{< tabs group="framework" >}}\n'
        f'{{{{< tab name="PyTorch" >}}}}`{rng.choice(WORDS)}()`{{{{< /tab >}}}}\n'
        f'{{{{< tab name="JAX" >}}}}`{rng.choice(WORDS)}()`{{{{< /tab >}}}}\n'
        "{{< /tabs >}}"
    )


def page(rng: random.Random, title: str, calls: int, plain: bool) -> str:
    parts = [f'---\ntitle: "{title}"\ndate: 2024-01-{rng.randint(1, 28):02d}\ntags: ["{rng.choice(WORDS)}"]\n---\n']
    for index in range(calls):
        if index % 3 == 0:
            parts.append(f"## {words(rng, 3).title()}\n")
        parts.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) + "\n")
        parts.append(call(rng, plain) + "\n")
    return "\n".join(parts)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("out")
    options.add_argument("--pages", type=int, default=100)
    options.add_argument("--calls", type=int, default=10)
    options.add_argument("--heavy", type=int, default=0)
    options.add_argument("--plain", action="store_true")
    options.add_argument("--seed", type=int, default=17)
    args = options.parse_args()
    rng = random.Random(args.seed)
    posts = os.path.join(args.out, "content", "posts")
    os.makedirs(posts, exist_ok=True)
    with open(os.path.join(args.out, "hugo.toml"), "w") as f:
        f.write(
            'baseURL = "https://example.org/"\ntitle = "Shortcode benchmark"\nlanguageCode = "en"\n'
            "[markup.goldmark.renderer]\nunsafe = true\n"
        )
    layouts = os.path.join(args.out, "layouts")
    os.makedirs(os.path.join(layouts, "_default"), exist_ok=True)
    os.makedirs(os.path.join(layouts, "shortcodes"), exist_ok=True)
    for name, text in {
        "baseof.html": '<!DOCTYPE html>\n<html lang="en"><head><title>{{ .Title }}</title></head>\n<body>{{ block "main" . }}{{ end }}</body></html>\n',
        "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n<div class="post-content">{{ .Content }}</div>{{ end }}\n',
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
    }.items():
        with open(os.path.join(layouts, "_default", name), "w") as f:
            f.write(text)
    if not args.plain:
        for name, text in SHORTCODES.items():
            with open(os.path.join(layouts, "shortcodes", name), "w") as f:
                f.write(text)
    with open(os.path.join(args.out, "content", "_index.md"), "w") as f:
        f.write('---\ntitle: "Home"\n---\n')
    for number in range(args.pages):
        with open(os.path.join(posts, f"post-{number:05d}.md"), "w") as f:
            f.write(page(rng, f"Post {number}: {words(rng, 3)}", args.calls, args.plain))
    if args.heavy:
        with open(os.path.join(posts, "heavy.md"), "w") as f:
            f.write(page(rng, "A shortcode-heavy page", args.heavy, args.plain))


if __name__ == "__main__":
    main()
