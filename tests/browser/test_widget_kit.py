"""widget-kit.js across Material's instant navigation: no listener left behind, any script order."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from support.sitebuild import BuildResult

FLOW_PAGE = "should-i-see-a-doctor.html"
OTHER_PAGE = "glossary.html"
QUIZ_PAGE = "quiz.html"
STEP = ".flow-step:not([hidden])"
SECOND = "Along with the twitch, do you have weakness, trouble speaking, or changes in vision or balance?"

# The window's popstate and hashchange listeners still attached: added minus
# removed, a listener added with an AbortSignal gone once it is aborted.
COUNT_LISTENERS = """(() => {
  const live = { popstate: new Set(), hashchange: new Set() };
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const signal = options && options.signal;
    if (this === window && live[type] && listener && !(signal && signal.aborted)) {
      live[type].add(listener);
      if (signal) signal.addEventListener("abort", () => live[type].delete(listener));
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (this === window && live[type]) live[type].delete(listener);
    return remove.call(this, type, listener, options);
  };
  window.liveHistoryListeners = () => live.popstate.size + live.hashchange.size;
})();"""

WIZARD_READY = "(w => w !== null && !w.hidden)(document.querySelector('.flow__wizard'))"


@pytest.fixture
def wide(browser: Browser, real_site: BuildResult, site_url: str) -> Iterator[BrowserContext]:
    """Wide enough for the sidebar's links, with instant navigation on.

    Material navigates instantly only to pages its sitemap lists, and a build
    without site_url lists none: this one gets a sitemap of the served pages.
    No service worker, so routes see every request.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(10_000)
    names = [path.relative_to(real_site.site_dir).as_posix() for path in real_site.pages()]
    locations = "".join(f"<url><loc>{site_url}{name}</loc></url>" for name in names)
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locations}</urlset>'
    context.route("**/sitemap.xml", lambda route: route.fulfill(body=sitemap, content_type="application/xml"))
    yield context
    context.close()


def widget_errors(page: Page) -> list[str]:
    """Errors from the widget scripts (offline.js stumbles with no service worker)."""
    errors: list[str] = []
    page.on(
        "pageerror",
        lambda error: re.search(r"(widget-kit|flowchart|quiz)\.js", error.stack or "") and errors.append(str(error)),
    )
    return errors


def nav_to(page: Page, name: str) -> None:
    """Click the page's link in the sidebar: Material's instant navigation, not a new load."""
    page.locator(f'.md-sidebar--primary a.md-nav__link[href$="{name}"]').first.click()
    expect(page).to_have_url(f"{page.url.rsplit('/', 1)[0]}/{name}")


def test_instant_navigation_leaves_no_flowchart_listener_behind(wide: BrowserContext, site_url: str) -> None:
    wide.add_init_script(COUNT_LISTENERS)
    page = wide.new_page()
    errors = widget_errors(page)
    page.goto(site_url + OTHER_PAGE)
    page.evaluate("window.sameDocument = true")
    counts = []
    for _ in range(4):
        nav_to(page, FLOW_PAGE)
        page.wait_for_function(WIZARD_READY)
        counts.append(page.evaluate("liveHistoryListeners()"))
        nav_to(page, OTHER_PAGE)
        expect(page.locator(".flow")).to_have_count(0)
    assert page.evaluate("window.sameDocument === true"), "each step was an instant navigation"
    # The first visit adds the wizard's two; each later one replaces them.
    assert counts == [counts[0]] * 4, f"live popstate + hashchange listeners per visit: {counts}"
    # The copy of the page shown now still follows the hash.
    nav_to(page, FLOW_PAGE)
    page.wait_for_function(WIZARD_READY)
    page.evaluate("location.hash = 'should-i-see-a-doctor:2'")
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(SECOND)
    assert errors == []


def test_a_widget_reached_by_instant_navigation_starts_whichever_script_runs_first(
    wide: BrowserContext, site_url: str
) -> None:
    # Material re-inserts a page's scripts, which run as each arrives: hold
    # the kit back until the quiz's own script has run.
    held: list[Route] = []
    wide.route("**/widget-kit.js*", lambda route: held.append(route))
    page = wide.new_page()
    errors = widget_errors(page)
    page.goto(site_url + OTHER_PAGE)
    page.evaluate("window.sameDocument = true")
    nav_to(page, QUIZ_PAGE)
    page.wait_for_function("Array.isArray(window.widgetKit) && window.widgetKit.length === 1")
    expect(page.locator(".quiz__bar")).to_be_hidden()
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator(".quiz__bar")).to_be_visible()
    expect(page.locator(".quiz-question:not([hidden])")).to_have_count(1)
    assert page.evaluate("window.sameDocument === true"), "an instant navigation"
    assert errors == []
