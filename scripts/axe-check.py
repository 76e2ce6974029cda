#!/usr/bin/env python3
"""Runs axe-core on the example site's home, a post, a list, the search and the 404 page, in light
and dark, with headless Chromium; fails when any serious or critical violation is found.

    python3 scripts/axe-check.py [BUILT_SITE_DIR]

Without a site folder it builds Examples/tensor-collective (set COLLECTIVE=path/to/collective to
skip `swift build`). Needs Debian's chromium and chromium-driver and `pip install axe-selenium-python`.
PAGES="name=/path/ name2=/other/" checks those pages instead (scripts/test.sh uses it for the theme
showcase, Tests/SiteTests/Fixtures/theme-showcase).
"""
import functools
import http.server
import os
import pathlib
import subprocess
import sys
import tempfile
import threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = {"home": "/", "post": "/posts/attention-from-scratch/", "article": "/posts/reading-the-literature/", "list": "/posts/", "search": "/search/", "404": "/404.html"}
if os.environ.get("PAGES"):
    PAGES = dict(item.split("=", 1) for item in os.environ["PAGES"].split())
BLOCKING = {"serious", "critical"}


def built_site() -> str:
    if len(sys.argv) > 1:
        return sys.argv[1]
    binary = os.environ.get("COLLECTIVE")
    if not binary:
        subprocess.run(["swift", "build", "--product", "collective"], cwd=ROOT, check=True)
        path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
        binary = os.path.join(path.stdout.strip(), "collective")
    site = os.path.join(tempfile.mkdtemp(), "site")
    subprocess.run([binary, "build", "-s", str(ROOT / "Examples/tensor-collective"), "-d", site], check=True)
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> int:
    site = built_site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    driver = webdriver.Chrome(options=options, service=service)
    failures = 0
    try:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for name, path in PAGES.items():
                driver.get(base + path)
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING]
                others = [v for v in results["violations"] if v.get("impact") not in BLOCKING]
                status = "FAIL" if blocking else "ok"
                print(f"{status:4} {scheme:5} {name:16} {len(blocking)} serious/critical, {len(others)} minor/moderate, "
                      f"{len(results['passes'])} rules passed")
                for violation in blocking + others:
                    print(f"     [{violation['impact']}] {violation['id']}: {violation['help']}")
                    for node in violation["nodes"][:3]:
                        print(f"         {' '.join(node['target'])}")
                failures += len(blocking)
    finally:
        driver.quit()
        server.shutdown()
    print("axe-core: no serious or critical violations" if failures == 0 else f"axe-core: {failures} serious or critical violations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
