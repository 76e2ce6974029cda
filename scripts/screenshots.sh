#!/usr/bin/env bash
# Full-page screenshots of the example site's home, a post, a list, the search and the 404 page,
# at 375 px and 1280 px wide, light and dark, with headless Chromium (Debian's chromium and
# chromium-driver, pip package selenium).
#   scripts/screenshots.sh [BUILT_SITE_DIR] [OUTPUT_DIR]
# Without a site folder it builds Examples/tensor-collective (COLLECTIVE=path/to/collective skips
# `swift build`). Screenshots go to OUTPUT_DIR (default: screenshots/ under the system temp folder).
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-}"
out="${2:-${TMPDIR:-/tmp}/collective-screenshots}"
if [ -z "$site" ]; then
  bin="${COLLECTIVE:-}"
  if [ -z "$bin" ]; then
    swift build --product collective
    bin="$(swift build --show-bin-path)/collective"
  fi
  site="$(mktemp -d)/site"
  "$bin" build -s Examples/tensor-collective -d "$site"
fi
mkdir -p "$out"
python3 - "$site" "$out" <<'PY'
import functools, http.server, os, sys, threading
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

site, out = sys.argv[1], sys.argv[2]
pages = {"home": "/", "post": "/posts/attention-from-scratch/", "list": "/posts/", "search": "/search/", "404": "/404.html"}
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
                driver.set_window_size(width, 900)
                driver.get(base + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
                file = os.path.join(out, f"{name}-{width}-{scheme}.png")
                driver.save_screenshot(file)
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
                print(file)
finally:
    driver.quit()
    server.shutdown()
PY
