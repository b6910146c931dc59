"""`make shots`: a contact sheet of the site in real Chromium, shots/index.html. A look, not a test.

Builds the real site twice into a temporary folder (as the offline copy, and
hosted at an address under a sub-path), serves both on 127.0.0.1 and
screenshots every page, every widget state and every printed sheet.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT / "hooks")]

from playwright.sync_api import sync_playwright  # noqa: E402

import shot_pages  # noqa: E402
import shot_print  # noqa: E402
import shot_widgets  # noqa: E402
from sheet import Sheet  # noqa: E402
from support.browser import CHROMIUM_ARGS, find_chromium, serve  # noqa: E402
from support.sitebuild import BuildResult, build_site  # noqa: E402

OUT = ROOT / "shots"
# The hosted build lives under a sub-path, as on GitHub Pages.
HOSTED_PREFIX = "/mouth-twitches/"


def built(result: BuildResult, what: str) -> bool:
    """Report a failed build the way mkdocs would; True when it worked."""
    if result.aborted:
        print(f"the {what} build failed:\n  " + "\n  ".join(result.errors), file=sys.stderr)
    return not result.aborted


def main() -> int:
    started = time.perf_counter()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    executable = find_chromium()
    if executable is None:
        print("no Chromium found: apt-get install chromium fonts-liberation, or set CHROMIUM_PATH", file=sys.stderr)
        return 1
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    sheet = Sheet(OUT)
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
        offline_dir, hosted_dir = Path(tmp) / "offline", Path(tmp) / "hosted"
        print("building the site (offline copy, then hosted)", flush=True)
        # site_url="" even if SITE_URL is set: this is the copy for any folder.
        if not built(build_site(ROOT / "mkdocs.yml", offline_dir, site_url=""), "offline"):
            return 1
        names = shot_pages.page_names(ROOT / "mkdocs.yml", offline_dir)
        with serve(offline_dir) as url, serve(hosted_dir, HOSTED_PREFIX) as hosted_url:
            if not built(build_site(ROOT / "mkdocs.yml", hosted_dir, site_url=hosted_url), "hosted"):
                return 1
            built_at = time.perf_counter()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                try:
                    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="light")
                    context.set_default_timeout(10_000)
                    page = context.new_page()
                    print(
                        f"[{time.perf_counter() - started:3.0f} s] pages ({len(names)}), 2 sizes x 2 schemes",
                        flush=True,
                    )
                    shot_pages.first_visit(page, url, sheet)
                    shot_pages.every_page(page, url, names, sheet)
                    print(f"[{time.perf_counter() - started:3.0f} s] widget states", flush=True)
                    shot_widgets.shoot(page, url, sheet)
                    context.close()
                    print(f"[{time.perf_counter() - started:3.0f} s] JavaScript off", flush=True)
                    shot_pages.without_javascript(browser, url, names, sheet)
                    print(f"[{time.perf_counter() - started:3.0f} s] printed sheets", flush=True)
                    shot_print.shoot(browser, hosted_url, sheet)
                finally:
                    browser.close()
    facts = [f"{len(names)} pages", f"builds took {built_at - started:.0f} s", f"Chromium: {executable}"]
    index = sheet.write(started, facts)
    shots = sheet.shots()
    missing = [shot for shot in shots if shot.error or not shot.file]
    print(f"\n{index}")
    print(
        f"{len(shots) - len(missing)} images, {len(missing)} placeholder(s), in {time.perf_counter() - started:.0f} s",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
