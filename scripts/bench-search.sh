#!/usr/bin/env bash
# Search index benchmark (issue 9): builds the index for ../shared/bench/gen_site.py sites and
# measures its size, the bytes a reader downloads per query and the query time under node.
# Compares with a PaperMod-style single index.json and, when `pagefind` is installed
# (pip install pagefind-bin), with Pagefind's index of the same pages.
#
#   scripts/bench-search.sh [PAGES ...]      default: 1000 10000
#
# Work files go to $BENCH_DIR (default /tmp/search-bench). Needs swiftc, python3 and node.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-/tmp/search-bench}
GEN=${GEN_SITE:-$ROOT/../shared/bench/gen_site.py}
[ -f "$GEN" ] || GEN=/work/shared/bench/gen_site.py
PAGES=("$@"); [ ${#PAGES[@]} -gt 0 ] || PAGES=(1000 10000)
mkdir -p "$BENCH"

# 1. A release-mode tool: Markdown pages → SearchDocument → index, plus the comparison inputs.
cat > "$BENCH/main.swift" <<'SWIFT'
import Foundation

/// Reads a gen_site.py content folder, feeds every page to SearchIndexBuilder and writes
/// OUT/search/ (our index), OUT/index.json (PaperMod's shape) and OUT/html/ (pages for Pagefind).
let args = CommandLine.arguments
let content = URL(fileURLWithPath: args[1]), out = URL(fileURLWithPath: args[2])
let fm = FileManager.default

func frontMatterValue(_ line: Substring) -> String {
    var v = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
    if v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 { v = String(v.dropFirst().dropLast()) }
    return v
}

/// Markdown to plain text, roughly: keeps code and math text, drops markup characters and link targets.
func plain(_ line: Substring) -> String {
    var s = "", chars = Array(line), i = 0
    while i < chars.count {
        let c = chars[i]
        if c == "]" && i + 1 < chars.count && chars[i + 1] == "(" {
            while i < chars.count && chars[i] != ")" { i += 1 }
        } else if !"*`|[]!~#>".contains(c) {
            s.append(c)
        }
        i += 1
    }
    return s
}

func escapeHTML(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

var builder = SearchIndexBuilder()
var records: [[String: Any]] = []
let iso = ISO8601DateFormatter()
var count = 0
let start = Date()
var buildTime = 0.0
for section in ["posts", "notes", "tutorials"] {
    let dir = content.appendingPathComponent(section)
    let names = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".md") && $0 != "_index.md" }.sorted()
    for name in names {
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var title = "", date: Date?, tags: [String] = [], description = "", draft = false
        var i = 1
        while i < lines.count && lines[i] != "---" {
            let l = lines[i]
            if l.hasPrefix("title:") { title = frontMatterValue(l) }
            if l.hasPrefix("date:") { date = iso.date(from: frontMatterValue(l)) }
            if l.hasPrefix("description:") { description = frontMatterValue(l) }
            if l.hasPrefix("draft:") { draft = frontMatterValue(l) == "true" }
            if l.hasPrefix("tags:") {
                tags = frontMatterValue(l).trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
            }
            i += 1
        }
        if draft { continue }
        var headings: [String] = [], body: [String] = [], html = "<h1>\(escapeHTML(title))</h1>\n"
        for l in lines[min(i + 1, lines.count)...] {
            if l.hasPrefix("```") || l.hasPrefix("<!--") || l.hasPrefix("| ---") || l.hasPrefix("|---") { continue }
            let t = plain(l).trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            if l.hasPrefix("#") { headings.append(t); html += "<h2>\(escapeHTML(t))</h2>\n" } else { html += "<p>\(escapeHTML(t))</p>\n" }
            body.append(t)
        }
        let slug = String(name.dropLast(3)), url = "/\(section)/\(slug)/", plainText = body.joined(separator: "\n")
        let t0 = Date()
        builder.add(SearchDocument(url: url, title: title, date: date, section: section, tags: tags, headings: headings, body: plainText, excerpt: description))
        buildTime += Date().timeIntervalSince(t0)
        var record: [String: Any] = ["title": title, "permalink": url, "summary": description, "content": plainText, "section": section, "tags": tags]
        if let date { record["date"] = iso.string(from: date) }
        records.append(record)
        let page = out.appendingPathComponent("html" + url)
        try fm.createDirectory(at: page, withIntermediateDirectories: true)
        try Data("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(escapeHTML(title))</title></head><body><main>\(html)</main></body></html>\n".utf8)
            .write(to: page.appendingPathComponent("index.html"))
        count += 1
    }
}
let t1 = Date()
let files = builder.files()
buildTime += Date().timeIntervalSince(t1)
try? fm.removeItem(at: out.appendingPathComponent("search"))
for (path, data) in files {
    let url = out.appendingPathComponent(path)
    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}
try JSONSerialization.data(withJSONObject: records, options: [.withoutEscapingSlashes]).write(to: out.appendingPathComponent("index.json"))
print(String(format: "pages %d  index build %.2f s (tokenise + write, of %.1f s total)  files %d", count, buildTime, Date().timeIntervalSince(start), files.count))
SWIFT

TOOL="$BENCH/search-bench"
if [ ! -x "$TOOL" ] || [ -n "$(find "$ROOT/Sources/Search" "$BENCH/main.swift" -newer "$TOOL" 2>/dev/null)" ]; then
  echo "compiling the bench tool (swiftc -O)…"
  swiftc -O -wmo -module-name SearchBench "$ROOT"/Sources/Search/*.swift "$BENCH/main.swift" -o "$TOOL"
fi

# 2. Query measurements under node: bytes per query (raw and gzip) and warm query time.
cat > "$BENCH/queries.js" <<'JS'
const fs = require("fs"), vm = require("vm"), path = require("path"), zlib = require("zlib");
const S = require(process.argv[2]), dir = process.argv[3];
const queries = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
let bytes = 0, gz = 0;
function load(key) {
  const text = fs.readFileSync(path.join(dir, key + ".js"));
  bytes += text.length; gz += zlib.gzipSync(text, { level: 6 }).length;
  let value;
  vm.runInNewContext(text.toString("utf8"), { __tcs: (k, v) => { value = v; } });
  return Promise.resolve(value);
}
const median = a => a.slice().sort((x, y) => x - y)[a.length >> 1];
(async () => {
  const rows = [];
  for (const q of queries) {
    bytes = gz = 0;
    const engine = S.Engine(load);
    const r = await engine.search(q, []);
    await Promise.all(r.ids.slice(0, 10).map(engine.page));
    const b = bytes, g = gz, times = [];
    for (let i = 0; i < 20; i++) { const t = process.hrtime.bigint(); await engine.search(q, []); times.push(Number(process.hrtime.bigint() - t) / 1e6); }
    rows.push({ q, results: r.ids.length, bytes: b, gzip: g, ms: median(times), top: r.ids.slice(0, 10) });
  }
  console.log(JSON.stringify(rows));
})();
JS

QUERIES='["cache","concurrency","rust","allocator","latency","hash tables","memory allocation","error handling","static site","lock free"]'
SCRIPT="$ROOT/Theme/assets/search.js"
MIN_SIZE=$(command -v esbuild >/dev/null && esbuild --minify --log-level=error "$SCRIPT" | wc -c || echo "n/a (apt-get install esbuild)")
echo "search.js: $(wc -c < "$SCRIPT") bytes source, $MIN_SIZE bytes minified (esbuild)"
for N in "${PAGES[@]}"; do
  SITE="$BENCH/site-$N" OUT="$BENCH/out-$N"
  [ -d "$SITE/content" ] || python3 "$GEN" "$SITE" --pages "$N" >/dev/null
  mkdir -p "$OUT"
  echo "== $N pages"
  /usr/bin/time -f "  tool wall %e s, peak RSS %M KB" "$TOOL" "$SITE/content" "$OUT"
  echo "$QUERIES" > "$BENCH/queries.json"
  node "$BENCH/queries.js" "$SCRIPT" "$OUT/search" "$BENCH/queries.json" > "$BENCH/result-$N.json"
  python3 - "$OUT" "$BENCH/result-$N.json" <<'PY'
import json, os, sys, gzip, statistics
out, result = sys.argv[1], json.load(open(sys.argv[2]))
def size(p):
    total = n = 0
    for root, _, files in os.walk(p):
        for f in files: total += os.path.getsize(os.path.join(root, f)); n += 1
    return total, n
idx, nfiles = size(os.path.join(out, "search"))
top = os.path.getsize(os.path.join(out, "search", "index.js"))
shards = [os.path.getsize(os.path.join(out, "search", "s", f)) for f in os.listdir(os.path.join(out, "search", "s"))]
pm = os.path.getsize(os.path.join(out, "index.json"))
pm_gz = len(gzip.compress(open(os.path.join(out, "index.json"), "rb").read(), 6))
print(f"  our index: {idx/1e6:.1f} MB in {nfiles} files; top-level {top/1e3:.1f} KB; {len(shards)} shards, median {statistics.median(shards)/1e3:.1f} KB, max {max(shards)/1e3:.1f} KB")
print(f"  PaperMod-style index.json: {pm/1e6:.1f} MB ({pm_gz/1e6:.1f} MB gzip), all of it downloaded for any query")
print("  | query | results | bytes (raw) | bytes (gzip) | query ms (warm, node) |")
print("  |---|--:|--:|--:|--:|")
for r in result:
    print(f"  | {r['q']} | {r['results']} | {r['bytes']/1e3:.1f} KB | {r['gzip']/1e3:.1f} KB | {r['ms']:.2f} |")
one = [r for r in result if " " not in r["q"]]; two = [r for r in result if " " in r["q"]]
for name, rows in (("one-word", one), ("two-word", two)):
    print(f"  median {name}: {statistics.median(r['bytes'] for r in rows)/1e3:.1f} KB raw, {statistics.median(r['gzip'] for r in rows)/1e3:.1f} KB gzip, {statistics.median(r['ms'] for r in rows):.2f} ms")
PY
  if command -v pagefind >/dev/null; then
    rm -rf "$OUT/html/pagefind"
    pagefind --site "$OUT/html" --quiet >/dev/null 2>&1 || pagefind --site "$OUT/html" > /dev/null
    PF=$(du -sb "$OUT/html/pagefind" | cut -f1)
    PF_FIXED=$(cat "$OUT"/html/pagefind/pagefind.js "$OUT"/html/pagefind/wasm.unknown.pagefind "$OUT"/html/pagefind/pagefind-entry.json "$OUT"/html/pagefind/pagefind.*.pf_meta 2>/dev/null | wc -c)
    CHUNK=$(find "$OUT/html/pagefind/index" -type f -printf "%s\n" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    FRAG=$(find "$OUT/html/pagefind/fragment" -type f -printf "%s\n" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "  Pagefind: index $((PF/1000)) KB on disk (pre-compressed); fixed per query (js + wasm + entry + meta) $((PF_FIXED/1000)) KB; median chunk $((CHUNK/1000)) KB; median fragment $FRAG B"
  fi
done
