"""Every built page in real Chromium: nothing leaves the site, no errors, no axe violations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, Route, expect

from conftest import BOTH_SCHEMES, Judge, SchemeWalk, Walk, new_context, watch_page
from support.browser import ANIMATIONS_ENDED, AXE_TAGS, Watch, first_visit, load_page, settle_scroll, switch_scheme
from support.sitebuild import ROOT

PAGES = [
    *sorted(
        str(path.relative_to(ROOT / "docs").with_suffix(".html"))
        for path in (ROOT / "docs").rglob("*.md")
        if "snippets" not in path.parts
    ),
    "404.html",
]

# A page that sits in a section of the nav, and a word every page has.
NESTED_PAGE = "how-twitches-happen.html"
SEARCH_WORD = "doctor"


# axe judges what is on screen: a button fading in (Material's Back to top, say)
# has too little contrast for the few frames it takes.
SETTLE = ANIMATIONS_ENDED


# Only violations are worked out in full and sent back: axe's passes,
# incomplete and inapplicable lists were most of each run's time, unread.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
RUN_AXE = """(options) => {
  let timer;
  const late = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error('axe still running after 60 s')), 60000);
  });
  return Promise.race([axe.run(document, options), late]).finally(() => clearTimeout(timer))
    .then((results) => results.violations.map(
    (v) => ({id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target[0])})));
}"""


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A/AA and best-practice violations, one readable line each, once transitions end."""
    page.evaluate(SETTLE)
    # axe-core (the copy axe-playwright-python ships) is put in once per document.
    if page.evaluate("typeof window.axe === 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    return [f"{v['id']}: {v['help']} ({', '.join(v['targets'])})" for v in page.evaluate(RUN_AXE, AXE_OPTIONS)]


Shown = Callable[[str, int, str], tuple[Page, Watch]]


@pytest.fixture(scope="module")
def shown(browser: Browser, site_url: str) -> Iterator[Shown]:
    """shown(name, width, scheme): the page after a reader's first visit, at that width, in that scheme.

    Each page is loaded once, in a fresh context, at the first width asked for:
    the other width is that page resized, each scheme that page switched.
    Resizing is the same to axe: the layout is CSS, and Material lays out again
    on resize; axe's results (passes too) matched a fresh load's on every page.
    Only the room the offline notice keeps, reckoned as it shows, stays (2 px).
    """
    current: dict[str, object] = {}

    def close() -> None:
        if context := current.pop("context", None):
            context.close()  # type: ignore[attr-defined]

    def show(name: str, width: int, scheme: str) -> tuple[Page, Watch]:
        if current.get("name") != name:
            close()
            context = new_context(browser, scheme)
            page, watch = watch_page(context, site_url)
            current.update(name=name, context=context, page=page, watch=watch)
            # The desktop layout shows what a phone hides: the side menu and the contents.
            page.set_viewport_size({"width": width, "height": 800})
            first_visit(page, site_url + name, site_url)
        page, watch = current["page"], current["watch"]  # type: ignore[assignment]
        if page.viewport_size != {"width": width, "height": 800}:
            page.set_viewport_size({"width": width, "height": 800})
            settle_scroll(page)  # Material's resize handlers run in the next frame
        switch_scheme(page, scheme)  # type: ignore[arg-type]
        return page, watch

    yield show
    close()


@BOTH_SCHEMES
@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", PAGES)
def test_page_is_self_contained_clean_and_accessible(shown: Shown, scheme: str, name: str, width: int) -> None:
    page, watch = shown(name, width, scheme)
    assert watch.external == [], "requests left the site"
    assert watch.console_errors == []
    assert violations(page) == []


def menu_and_search_states(page: Page, site_url: str, judge: Judge) -> None:
    # A page inside a section: on a phone the menu opens at that section's level.
    first_visit(page, site_url + NESTED_PAGE, site_url)
    page.locator('label.md-header__button[for="__drawer"]').click()
    expect(page.locator(".md-nav__link--active").first).to_be_in_viewport()
    judge("menu open", violations)
    # Search from the keyboard: a pointer left over a button would show its
    # tooltip part-way through fading in, and axe would judge that frame.
    load_page(page, site_url + NESTED_PAGE, site_url)
    page.mouse.move(0, page.viewport_size["height"] - 1)
    page.locator('label.md-header__button[for="__search"]').focus()
    page.keyboard.press("Enter")
    page.keyboard.type(SEARCH_WORD)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    judge("search results", violations)


@BOTH_SCHEMES
def test_menu_and_search_states_are_accessible(in_both_schemes: Callable[[Walk], SchemeWalk], scheme: str) -> None:
    for state, found in in_both_schemes(menu_and_search_states).found[scheme]:
        assert found == [], state


def without_scripts(route: Route) -> None:
    """The page as a reader without JavaScript gets it: every <script> gone."""
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(r"<script\b[^>]*>.*?</script>", "", response.text(), flags=re.S))


@pytest.fixture(scope="module")
def without_javascript(browser: Browser) -> Iterator[Page]:
    """One phone page for the no-JS tests: with no script left to run, no page leaves anything for the next."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/*.html", without_scripts)
    # axe-core goes into each page as it starts (no page script is left to see it):
    # a third quicker, over these pages, than putting it into each once loaded.
    context.add_init_script(AXE_SCRIPT)
    yield context.new_page()
    context.close()


# With JavaScript switched off in the browser, axe could not run either; so the
# scripts go from the HTML instead, and the page is what a no-JS reader sees.
@pytest.mark.parametrize("name", PAGES)
def test_page_without_javascript_is_accessible(without_javascript: Page, site_url: str, name: str) -> None:
    page = without_javascript
    page.goto(site_url + name)
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.documentElement.className") == "no-js"
    assert violations(page) == []


def test_pages_list_covers_the_site() -> None:
    assert {"index.html", "about.html", "when-to-seek-help.html"} <= set(PAGES)
