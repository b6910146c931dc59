"""Every built page in real Chromium: nothing leaves the site, no errors, no axe violations."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route, expect

from conftest import BOTH_SCHEMES
from support.browser import AXE_TAGS, Watch
from support.sitebuild import ROOT

PAGES = [
    *sorted(
        str(path.relative_to(ROOT / "docs").with_suffix(".html"))
        for path in (ROOT / "docs").rglob("*.md")
        if "snippets" not in path.parts
    ),
    "404.html",
]

axe = Axe()
# A page that sits in a section of the nav, and a word every page has.
NESTED_PAGE = "how-twitches-happen.html"
SEARCH_WORD = "doctor"


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
@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", PAGES)
def test_page_is_self_contained_clean_and_accessible(
    watched: tuple[Page, Watch], site_url: str, name: str, width: int
) -> None:
    page, watch = watched
    # The desktop layout shows what a phone hides: the side menu and the contents.
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + name, wait_until="networkidle")
    assert watch.external == [], "requests left the site"
    assert watch.console_errors == []
    assert violations(page) == []


@BOTH_SCHEMES
def test_menu_and_search_states_are_accessible(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    # A page inside a section: on a phone the menu opens at that section's level.
    page.goto(site_url + NESTED_PAGE, wait_until="networkidle")
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(page.locator(".md-nav__link--active").first).to_be_in_viewport()
    assert violations(page) == [], "menu open"
    # Search from the keyboard: a pointer left over a button would show its
    # tooltip part-way through fading in, and axe would judge that frame.
    page.goto(site_url + NESTED_PAGE, wait_until="networkidle")
    page.mouse.move(0, page.viewport_size["height"] - 1)
    page.locator('label.md-header__button[for="__search"]').focus()
    page.keyboard.press("Enter")
    page.keyboard.type(SEARCH_WORD)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert violations(page) == [], "search results"


def without_scripts(route: Route) -> None:
    """The page as a reader without JavaScript gets it: every <script> gone."""
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(r"<script\b[^>]*>.*?</script>", "", response.text(), flags=re.S))


# With JavaScript switched off in the browser, axe could not run either; so the
# scripts go from the HTML instead, and the page is what a no-JS reader sees.
@pytest.mark.parametrize("name", PAGES)
def test_page_without_javascript_is_accessible(browser: Browser, site_url: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/*.html", without_scripts)
    page = context.new_page()
    page.goto(site_url + name)
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.documentElement.className") == "no-js"
    assert violations(page) == []
    context.close()


def test_pages_list_covers_the_site() -> None:
    assert {"index.html", "about.html", "when-to-seek-help.html"} <= set(PAGES)
