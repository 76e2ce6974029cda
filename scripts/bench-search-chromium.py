#!/usr/bin/env python3
"""Query time of Theme/assets/search.js in headless Chromium, files cached (issue 9).

    python3 scripts/bench-search-chromium.py OUT_DIR QUERIES_JSON [REPS]

OUT_DIR holds a built index in OUT_DIR/search/ (scripts/bench-search.sh writes one); QUERIES_JSON
is a JSON list of query strings. Serves OUT_DIR over loopback HTTP with a one-hour Cache-Control,
and measures, per query, the median of REPS (default 20) runs of:

- warm: engine.search(q) on an engine that already holds the query's files (each keystroke on the
  search page after the first works like this);
- new engine: a fresh engine whose files come from the browser's HTTP cache (<script> elements), as
  after reloading the page;
- page: on the search page itself, from setting the box's value and firing `input` until the
  first ten results (title, excerpt, marks) are in the list, files already loaded.

Prints one JSON object: {"browser": version, "rows": [{"q", "warm", "fresh", "page", "results"}]},
times in ms (performance.now(), which Chromium rounds to 0.1 ms here). Needs Debian's chromium and
chromium-driver and `pip install selenium`.
"""
import functools
import http.server
import json
import os
import pathlib
import re
import shutil
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent


class CachedHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


def search_page() -> str:
    """The theme's search template with its values filled in and other tags dropped."""
    html = (ROOT / "Theme/templates/search.mustache").read_text()
    html = html.replace("{{page.searchBaseURL}}", "/search/").replace("{{page.searchScriptURL}}", "/bench-search.js")
    html = re.sub(r"\{\{[^}]*\}\}", "", html)
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>{html}</body></html>'


BENCH_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>var module = { exports: {} };</script><script src="/bench-search.js"></script></head><body></body></html>"""

# Runs in the bench page: times engine.search warm, and with a new engine over the HTTP cache.
MEASURE_ENGINE = """
const [queries, reps, done] = arguments;
const S = module.exports, waiting = {};
window.__tcs = (k, v) => { if (waiting[k]) waiting[k](v); };
const load = k => new Promise((ok, fail) => {
  const s = document.createElement("script");
  waiting[k] = ok; s.src = "/search/" + k + ".js"; s.onload = () => s.remove(); s.onerror = fail;
  document.head.appendChild(s);
});
const median = a => a.slice().sort((x, y) => x - y)[a.length >> 1];
(async () => {
  const rows = [];
  for (const q of queries) {
    const engine = S.Engine(load);
    const r = await engine.search(q, []);            // fetches the files once
    await Promise.all(r.ids.slice(0, 10).map(engine.page));
    const warm = [], fresh = [];
    for (let i = 0; i < reps; i++) {
      let t = performance.now(); await engine.search(q, []); warm.push(performance.now() - t);
      const e = S.Engine(load);
      t = performance.now(); await e.search(q, []); fresh.push(performance.now() - t);
    }
    rows.push({ q, results: r.ids.length + (r.more ? "+" : ""), warm: median(warm), fresh: median(fresh) });
  }
  done(rows);
})().catch(e => done({ error: String(e && e.stack || e) }));
"""

# Runs on the search page: types each query (value + input event) and waits for the results.
MEASURE_PAGE = """
const [queries, reps, done] = arguments;
const input = document.getElementById("search-input"), list = document.getElementById("search-results");
const status = document.getElementById("search-status");
const median = a => a.slice().sort((x, y) => x - y)[a.length >> 1];
function type(q) {
  return new Promise(ok => {
    const t = performance.now();
    const check = () => {
      const n = parseInt(status.textContent, 10);
      if (status.textContent && list.children.length >= Math.min(10, n || 0)) { observer.disconnect(); ok(performance.now() - t); }
    };
    const observer = new MutationObserver(check);
    observer.observe(list, { childList: true });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    input.value = q; input.dispatchEvent(new Event("input"));
  });
}
function clear() {
  input.value = ""; input.dispatchEvent(new Event("input"));
  return new Promise(ok => setTimeout(ok, 0));
}
(async () => {
  const rows = [];
  for (const q of queries) {
    await clear(); await type(q);                      // fetches the files once
    const times = [];
    for (let i = 0; i < reps; i++) { await clear(); times.push(await type(q)); }
    rows.push({ q, page: median(times), shown: list.children.length });
  }
  done(rows);
})().catch(e => done({ error: String(e && e.stack || e) }));
"""


def main() -> int:
    out, queries = pathlib.Path(sys.argv[1]), json.loads(pathlib.Path(sys.argv[2]).read_text())
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    shutil.copy(ROOT / "Theme/assets/search.js", out / "bench-search.js")
    (out / "bench.html").write_text(BENCH_PAGE)
    (out / "bench-page.html").write_text(search_page())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CachedHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(1800)
    try:
        driver.get(base + "/bench.html")
        rows = driver.execute_async_script(MEASURE_ENGINE, queries, reps)
        if isinstance(rows, dict):
            raise SystemExit("engine measurement failed: " + rows["error"])
        driver.get(base + "/bench-page.html")
        page = driver.execute_async_script(MEASURE_PAGE, queries, reps)
        if isinstance(page, dict):
            raise SystemExit("page measurement failed: " + page["error"])
        for row, p in zip(rows, page):
            row.update(page=p["page"], shown=p["shown"])
        print(json.dumps({"browser": driver.capabilities.get("browserVersion", "?"), "rows": rows}))
    finally:
        driver.quit()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
