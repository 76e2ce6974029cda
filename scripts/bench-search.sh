#!/usr/bin/env bash
# Search index benchmark (issue 9): builds the index for ../shared/bench/gen_site.py sites and
# measures its size, the bytes a reader downloads per query and the query time under node and,
# when selenium and chromedriver are installed, in headless Chromium (bench-search-chromium.py).
# Compares with a PaperMod-style single index.json and, when `pagefind` is installed
# (pip install pagefind-bin), with Pagefind's index of the same pages.
#
#   scripts/bench-search.sh [PAGES ...]      default: 1000 10000
#
# Work files go to $BENCH_DIR (default /tmp/search-bench). Needs swiftc, python3 and node.
# Site generation, indexing and Pagefind run under `nice -n 10` (the machine may be shared).
# Pagefind is stopped after PF_TIMEOUT seconds (default 3600) or above PF_MAX_RSS_MB of resident
# memory (default 12000); PF_QUERIES and PF_REPS limit its queries, which are slow on big sites.
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

/// CPU time of this thread in seconds: the machine is shared, so wall time would count others' work.
func cpuTime() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var builder = SearchIndexBuilder()
var records: [[String: Any]] = []
let iso = ISO8601DateFormatter()
var count = 0
let start = Date()
var addTime = 0.0, filesTime = 0.0
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
        let t0 = cpuTime()
        builder.add(SearchDocument(url: url, title: title, date: date, section: section, tags: tags, headings: headings, body: plainText, excerpt: description))
        addTime += cpuTime() - t0
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
let t1 = cpuTime()
let files = builder.files()
filesTime = cpuTime() - t1
try? fm.removeItem(at: out.appendingPathComponent("search"))
for (path, data) in files {
    let url = out.appendingPathComponent(path)
    try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}
try JSONSerialization.data(withJSONObject: records, options: [.withoutEscapingSlashes]).write(to: out.appendingPathComponent("index.json"))
print(String(format: "  pages %d: index build CPU time %.2f s (add %.2f s, files() %.2f s); %d files; tool wall %.1f s", count, addTime + filesTime, addTime, filesTime, files.count, Date().timeIntervalSince(start)))
SWIFT

TOOL="$BENCH/search-bench"
if [ ! -x "$TOOL" ] || [ -n "$(find "$ROOT/Sources/Search" "$BENCH/main.swift" -newer "$TOOL" 2>/dev/null)" ]; then
  echo "compiling the bench tool (swiftc -O)…"
  swiftc -O -wmo -module-name SearchBench "$ROOT"/Sources/Search/*.swift "$BENCH/main.swift" -o "$TOOL"
fi

# 2. Query measurements under node: bytes per query (raw and gzip), warm query time, and the same
#    for Pagefind (its own JS and wasm, served over a loopback HTTP server) with recall of its top 10.
cat > "$BENCH/queries.mjs" <<'JS'
import fs from "fs"; import vm from "vm"; import path from "path"; import zlib from "zlib"; import { createRequire } from "module";
const [script, dir, queryFile, typoFile, pfURL, pfJS] = process.argv.slice(2);
const S = createRequire(import.meta.url)(script), queries = JSON.parse(fs.readFileSync(queryFile, "utf8"));
const typos = JSON.parse(fs.readFileSync(typoFile, "utf8"));
const gzip = b => zlib.gzipSync(b, { level: 6 }).length, median = a => a.slice().sort((x, y) => x - y)[a.length >> 1];
let bytes = 0, gz = 0;
function load(key) {
  const text = fs.readFileSync(path.join(dir, key + ".js"));
  bytes += text.length; gz += gzip(text);
  let value;
  vm.runInNewContext(text.toString("utf8"), { __tcs: (k, v) => { value = v; } });
  return Promise.resolve(value);
}
// Median CPU time of the process per call, in ms: the machine is shared, so wall time would count others' work.
async function timed(f, reps = 20) {
  const times = [];
  for (let i = 0; i < reps; i++) { const t = process.cpuUsage(); await f(); const d = process.cpuUsage(t); times.push((d.user + d.system) / 1e3); }
  return median(times);
}
if (pfURL) {
  const fetch0 = globalThis.fetch;
  globalThis.fetch = async (u, o) => { const r = await fetch0(u, o); bytes += (await r.clone().arrayBuffer()).byteLength; return r; };
}
// Pagefind's queries take long on big sites: PF_QUERIES (spread over the list) and PF_REPS limit how many run.
const pfCount = +(process.env.PF_QUERIES || 1e9), pfReps = +(process.env.PF_REPS || 20);
const pfSize = pfJS ? fs.statSync(pfJS).size : 0, pfGzip = pfJS ? gzip(fs.readFileSync(pfJS)) : 0;
const rows = [];
for (const [i, q] of queries.entries()) {
  bytes = gz = 0;
  const engine = S.Engine(load), r = await engine.search(q, []);
  const pages = await Promise.all(r.ids.slice(0, 10).map(engine.page));
  const row = { q, results: r.ids.length + (r.more ? "+" : ""), bytes, gzip: gz, ms: await timed(() => engine.search(q, [])), top: pages.map(p => p.u) };
  if (pfURL && i % Math.ceil(queries.length / pfCount) == 0) {
    bytes = 0;
    const pf = await import(pfJS + "?" + i);
    await pf.options({ basePath: pfURL });
    const pr = await pf.search(q), data = await Promise.all(pr.results.slice(0, 10).map(x => x.data()));
    const top = data.map(d => d.url.replace(/^https?:\/\/[^/]+/, ""));
    Object.assign(row, { pfResults: pr.results.length, pfBytes: bytes + pfSize, pfGzip: bytes + pfGzip, pfMs: await timed(() => pf.search(q), pfReps), pfTop: top,
      recall: top.length ? top.filter(u => row.top.includes(u)).length / top.length : null });
  }
  rows.push(row);
}
// Misspelt queries: bytes and time, and how much of the correctly spelt query's top 10 they find.
for (const [q, meant] of typos) {
  bytes = gz = 0;
  const engine = S.Engine(load), r = await engine.search(q, []);
  const pages = await Promise.all(r.ids.slice(0, 10).map(engine.page));
  const top = pages.map(p => p.u), typoBytes = bytes, typoGz = gz;
  const ref = S.Engine(load), rr = await ref.search(meant, []), want = (await Promise.all(rr.ids.slice(0, 10).map(ref.page))).map(p => p.u);
  rows.push({ q, meant, typo: true, results: r.ids.length + (r.more ? "+" : ""), bytes: typoBytes, gzip: typoGz, ms: await timed(() => engine.search(q, [])),
    top, sameFirst: top[0] === want[0], recall: want.length ? want.filter(u => top.includes(u)).length / want.length : null });
}
console.log(JSON.stringify(rows));
JS

# 50 queries: 25 one-word, 25 two-word, from the generator's vocabulary.
QUERIES='["cache","concurrency","rust","allocator","latency","observability","pagination","tokenizers","kubernetes","postgresql",
"sqlite","heaptrack","valgrind","throughput","scheduler","parser","swiftnio","docker","redis","taxonomies","actors","hashing",
"unicode","profiling","benchmarks","hash tables","memory allocation","error handling","static site","lock-free queues",
"rate limiting","feature flags","connection pooling","garbage collection","reference counting","branch prediction",
"cache locality","structured logging","async streams","regular expressions","file watching","incremental builds",
"string interning","parallel rendering","template caching","markdown parsing","syntax highlighting","type inference",
"json decoding","dependency graphs"]'
# Misspelt queries and what was meant: an edit in the first two letters (swap, substitution,
# deletion, insertion), then edits further on.
TYPOS='[["acche","cache"],["ocncurrency","concurrency"],["lallocator","allocator"],["atency","latency"],
["bbservability","observability"],["apgination","pagination"],["otkenizers","tokenizers"],["ukbernetes","kubernetes"],
["hroughput","throughput"],["sccheduler","scheduler"],["aprser","parser"],["ahshing","hashing"],
["concurency","concurrency"],["alocator","allocator"],["obsevability","observability"],["paginaton","pagination"],
["kubernets","kubernetes"],["throughptu","throughput"],["schedular","scheduler"],["profilng","profiling"],
["benchmakrs","benchmarks"],["memroy allocation","memory allocation"],["error handlign","error handling"],["garbage colection","garbage collection"]]'
PAGEFIND=${PAGEFIND:-$(command -v pagefind || python3 -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))' 2>/dev/null || true)}
CHROMIUM_BENCH=
if python3 -c "import selenium" 2>/dev/null && command -v chromedriver >/dev/null; then CHROMIUM_BENCH=1; fi
SCRIPT="$ROOT/Theme/assets/search.js"
MIN_SIZE=0 MIN_GZ=0
if command -v esbuild >/dev/null; then
  MIN_SIZE=$(esbuild --minify --log-level=error "$SCRIPT" | wc -c)
  MIN_GZ=$(esbuild --minify --log-level=error "$SCRIPT" | gzip -6 | wc -c)
fi
echo "search.js: $(wc -c < "$SCRIPT") bytes source, $MIN_SIZE bytes minified by esbuild ($MIN_GZ gzip; 0 = esbuild missing: apt-get install esbuild)"
for N in "${PAGES[@]}"; do
  SITE="$BENCH/site-$N" OUT="$BENCH/out-$N"
  [ -d "$SITE/content" ] || nice -n 10 python3 "$GEN" "$SITE" --pages "$N" >/dev/null
  mkdir -p "$OUT"
  echo "== $N pages (load average $(cut -d" " -f1-3 /proc/loadavg))"
  nice -n 10 /usr/bin/time -f "  tool wall %e s, peak RSS %M KB" "$TOOL" "$SITE/content" "$OUT"
  echo "$QUERIES" > "$BENCH/queries.json"
  echo "$TYPOS" > "$BENCH/typos.json"
  PF_ARGS=()
  if [ -n "$PAGEFIND" ] && [ -z "${SKIP_PAGEFIND:-}" ]; then
    rm -rf "$OUT/html/pagefind"
    # Pagefind under a watchdog: its memory grows with the site (2.9 GB at 10,000 pages).
    START=$(date +%s) PEAK=0 STOPPED=
    nice -n 10 "$PAGEFIND" --site "$OUT/html" > "$BENCH/pagefind-$N.log" 2>&1 &
    PF_PID=$!
    while kill -0 "$PF_PID" 2>/dev/null; do
      RSS=$(ps -o rss= -p "$PF_PID" 2>/dev/null || echo 0); RSS=${RSS// /}; [ "${RSS:-0}" -gt "$PEAK" ] && PEAK=$RSS
      ELAPSED=$(( $(date +%s) - START ))
      if [ "$ELAPSED" -gt "${PF_TIMEOUT:-3600}" ] || [ "${RSS:-0}" -gt $(( ${PF_MAX_RSS_MB:-12000} * 1024 )) ]; then
        STOPPED="stopped after ${ELAPSED} s at ${RSS} KB resident"; kill "$PF_PID"; break
      fi
      sleep 2
    done
    wait "$PF_PID" 2>/dev/null || true
    echo "  Pagefind indexing: wall $(( $(date +%s) - START )) s, peak RSS ≥ $PEAK KB (sampled every 2 s)${STOPPED:+; $STOPPED}"
  fi
  if [ -f "$OUT/html/pagefind/pagefind.js" ] && [ -z "${STOPPED:-}" ] && [ -z "${SKIP_PAGEFIND:-}" ]; then
    PORT=$((20000 + RANDOM % 20000))
    python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT/html" > /dev/null 2>&1 &
    SERVER=$!
    sleep 1
    cp "$OUT/html/pagefind/pagefind.js" "$BENCH/pagefind-$N.mjs"
    PF_ARGS=("http://127.0.0.1:$PORT/pagefind/" "$BENCH/pagefind-$N.mjs")
  fi
  node "$BENCH/queries.mjs" "$SCRIPT" "$OUT/search" "$BENCH/queries.json" "$BENCH/typos.json" "${PF_ARGS[@]}" > "$BENCH/result-$N.json"
  if [ -n "${SERVER:-}" ]; then kill "$SERVER"; unset SERVER; fi
  echo '{}' > "$BENCH/chromium-$N.json"
  if [ -n "$CHROMIUM_BENCH" ]; then
    python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])) + [t[0] for t in json.load(open(sys.argv[2]))]))' \
      "$BENCH/queries.json" "$BENCH/typos.json" > "$BENCH/chromium-queries.json"
    python3 "$ROOT/scripts/bench-search-chromium.py" "$OUT" "$BENCH/chromium-queries.json" > "$BENCH/chromium-$N.json"
  fi
  python3 - "$OUT" "$BENCH/result-$N.json" "$MIN_SIZE" "$MIN_GZ" "$BENCH/chromium-$N.json" <<'PY'
import json, os, sys, gzip, statistics
out, rows = sys.argv[1], json.load(open(sys.argv[2]))
script, script_gz = int(sys.argv[3]), int(sys.argv[4])
chromium = {r["q"]: r for r in json.load(open(sys.argv[5])).get("rows", [])}
result, typos = [r for r in rows if not r.get("typo")], [r for r in rows if r.get("typo")]
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
vb = [os.path.getsize(os.path.join(out, "search", "v", f)) for f in os.listdir(os.path.join(out, "search", "v"))]
print(f"  ours: {idx/1e6:.1f} MB in {nfiles} files; top-level {top/1e3:.1f} KB; {len(shards)} shards, median {statistics.median(shards)/1e3:.1f} KB, max {max(shards)/1e3:.1f} KB; {len(vb)} typo buckets, {sum(vb)/1e3:.1f} KB in all")
print(f"  PaperMod-style index.json: {pm/1e6:.1f} MB ({pm_gz/1e6:.2f} MB gzip), all downloaded for the first query")
pf = os.path.join(out, "html", "pagefind")
if os.path.isdir(pf):
    print(f"  Pagefind: {size(pf)[0]/1e6:.1f} MB in {size(pf)[1]} files (index and fragments pre-compressed)")
print("  bytes per query include the script (ours minified; Pagefind's pagefind.js), top-level files, shards and the first 10 results")
print("  | query | ours: results | KB raw | KB gzip | ms CPU | Pagefind: results | KB | KB (js gzip) | ms CPU | recall of its top 10 |")
print("  |---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
for r in result:
    pfc = f"{r['pfResults']} | {r['pfBytes']/1e3:.1f} | {r['pfGzip']/1e3:.1f} | {r['pfMs']:.2f} | {r['recall'] if r['recall'] is None else round(r['recall'], 2)}" if "pfResults" in r else "– | – | – | – | –"
    print(f"  | {r['q']} | {r['results']} | {(r['bytes']+script)/1e3:.1f} | {(r['gzip']+script_gz)/1e3:.1f} | {r['ms']:.2f} | {pfc} |")
for name, rows in (("one-word", [r for r in result if " " not in r["q"]]), ("two-word", [r for r in result if " " in r["q"]])):
    line = f"  median {name}: ours {statistics.median(r['bytes'] for r in rows)/1e3 + script/1e3:.1f} KB raw, {statistics.median(r['gzip'] for r in rows)/1e3 + script_gz/1e3:.1f} KB gzip, {statistics.median(r['ms'] for r in rows):.2f} ms"
    pfrows = [r for r in rows if "pfBytes" in r]
    if pfrows:
        line += f"; Pagefind ({len(pfrows)} queries) {statistics.median(r['pfBytes'] for r in pfrows)/1e3:.1f} KB raw, {statistics.median(r['pfGzip'] for r in pfrows)/1e3:.1f} KB with its JS gzipped, {statistics.median(r['pfMs'] for r in pfrows):.2f} ms"
    print(line)
rec = [r["recall"] for r in result if r.get("recall") is not None]
if rec: print(f"  recall of Pagefind's top 10 over {len(rec)} queries: mean {statistics.mean(rec):.2f}")
print("  misspelt queries (first 12: an edit in the first two letters):")
print("  | query | meant | results | KB raw | KB gzip | ms CPU | same first result | recall of the correct query's top 10 |")
print("  |---|---|--:|--:|--:|--:|:-:|--:|")
for r in typos:
    print(f"  | {r['q']} | {r['meant']} | {r['results']} | {(r['bytes']+script)/1e3:.1f} | {(r['gzip']+script_gz)/1e3:.1f} | {r['ms']:.2f} | {'yes' if r['sameFirst'] else 'no'} | {r['recall']:.1f} |")
if typos:
    meant = {r["q"]: r for r in result}
    extra = [r["bytes"] - meant[r["meant"]]["bytes"] for r in typos if r["meant"] in meant]
    print(f"  typos: {sum(r['sameFirst'] for r in typos)}/{len(typos)} same first result, mean recall {statistics.mean(r['recall'] for r in typos):.2f}; "
          f"median {statistics.median(r['bytes'] for r in typos)/1e3 + script/1e3:.1f} KB raw, {statistics.median(r['gzip'] for r in typos)/1e3 + script_gz/1e3:.1f} KB gzip"
          + (f"; median extra over the correct spelling {statistics.median(extra)/1e3:.1f} KB raw ({len(extra)} queries)" if extra else ""))
if chromium:
    print("  headless Chromium (ms, medians of 20 runs per query; wall time):")
    for name, qs in (("one-word", [r["q"] for r in result if " " not in r["q"]]), ("two-word", [r["q"] for r in result if " " in r["q"]]), ("misspelt", [r["q"] for r in typos])):
        cs = [chromium[q] for q in qs if q in chromium]
        if not cs: continue
        print(f"  {name}: warm engine median {statistics.median(c['warm'] for c in cs):.2f}, max {max(c['warm'] for c in cs):.2f}; "
              f"new engine (files from the HTTP cache) median {statistics.median(c['fresh'] for c in cs):.2f}, max {max(c['fresh'] for c in cs):.2f}; "
              f"search page, input event to 10 results shown, median {statistics.median(c['page'] for c in cs):.2f}, max {max(c['page'] for c in cs):.2f}")
PY
done
