#!/usr/bin/env bash
# Full-page screenshots at 375 and 1280 px wide, light and dark, with headless Chromium (Debian's
# chromium and chromium-driver, pip package selenium).
#   scripts/screenshots.sh [BUILT_SITE_DIR] [OUTPUT_DIR]
# Without a site folder it builds and photographs two sites (COLLECTIVE=path/to/collective skips
# `swift build`):
#   - Examples/tensor-collective: home, a post, a list, search, 404;
#   - the theme showcase (Tests/SiteTests/Fixtures/theme-showcase, with the user's first page from
#     ../shared/seeds as posts/introduction when it is there): numbered code, inline images, quotes
#     and tables, the missing cover (featured on the home page, and the seed page), search with the
#     script on and off. Its files are named showcase-*.png.
# With a site folder, PAGES="name=/path/ …" chooses the pages (default: the example site's). A name
# ending in -nojs is photographed with JavaScript off.
# Screenshots go to OUTPUT_DIR (default: collective-screenshots/ under the system temp folder).
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-}"
out="${2:-${TMPDIR:-/tmp}/collective-screenshots}"
example_pages="home=/ post=/posts/attention-from-scratch/ list=/posts/ search=/search/ 404=/404.html"
showcase_pages="home=/ list=/posts/ code=/posts/numbered-code/ images=/posts/inline-images/ quotes=/posts/quotes-and-tables/ missing-cover=/posts/missing-cover/ search=/search/ search-nojs=/search/"
mkdir -p "$out"

shoot() {  # shoot SITE_DIR PREFIX "name=/path …"
python3 - "$1" "$out" "$2" "$3" <<'PY'
import functools, http.server, os, sys, threading
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

site, out, prefix, spec = sys.argv[1:5]
pages = dict(item.split("=", 1) for item in spec.split())
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"):
    options.add_argument(flag)
if os.path.exists("/usr/bin/chromium"):
    options.binary_location = "/usr/bin/chromium"
service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
driver = webdriver.Chrome(options=options, service=service)
try:
    for scheme in ("light", "dark"):
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for width in (375, 1280):
            for name, path in pages.items():
                driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": name.endswith("-nojs")})
                driver.set_window_size(width, 900)
                driver.get(base + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
                file = os.path.join(out, f"{prefix}{name}-{width}-{scheme}.png")
                driver.save_screenshot(file)
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                print(file)
finally:
    driver.quit()
    server.shutdown()
PY
}

if [ -n "$site" ]; then
  shoot "$site" "" "${PAGES:-$example_pages}"
  exit 0
fi
bin="${COLLECTIVE:-}"
if [ -z "$bin" ]; then
  swift build --product collective
  bin="$(swift build --show-bin-path)/collective"
fi
work="$(mktemp -d)"
"$bin" build -s Examples/tensor-collective -d "$work/example"
cp -R Tests/SiteTests/Fixtures/theme-showcase "$work/showcase-source"
seed=../shared/seeds/000_be7d46618a9bac1a.txt
if [ -f "$seed" ]; then
  cp "$seed" "$work/showcase-source/content/posts/introduction.md"
  showcase_pages="$showcase_pages seed=/posts/introduction/"
fi
"$bin" build -s "$work/showcase-source" -d "$work/showcase"  # the missing covers are warnings, not errors
shoot "$work/example" "" "$example_pages"
shoot "$work/showcase" "showcase-" "$showcase_pages"
