"""Every built page in real Chromium: nothing leaves the site, no errors, no axe violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from conftest import BOTH_SCHEMES
from support.browser import AXE_TAGS, Watch
from support.sitebuild import ROOT

PAGES = sorted(
    str(path.relative_to(ROOT / "docs").with_suffix(".html"))
    for path in (ROOT / "docs").rglob("*.md")
    if "snippets" not in path.parts
) + ["404.html"]

axe = Axe()


# axe judges what is on screen: a button fading in (Material's Back to top, say)
# has too little contrast for the few frames it takes.
SETTLE = """Promise.all(document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => null)))"""


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA and best-practice violations, one readable line each, once transitions end."""
    page.evaluate(SETTLE)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({', '.join(node['target'][0] for node in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]


@BOTH_SCHEMES
@pytest.mark.parametrize("name", PAGES)
def test_page_is_self_contained_clean_and_accessible(watched: tuple[Page, Watch], site_url: str, name: str) -> None:
    page, watch = watched
    page.goto(site_url + name, wait_until="networkidle")
    assert watch.external == [], "requests left the site"
    assert watch.console_errors == []
    assert violations(page) == []


def test_pages_list_covers_the_site() -> None:
    assert {"index.html", "about.html", "when-to-seek-help.html"} <= set(PAGES)
