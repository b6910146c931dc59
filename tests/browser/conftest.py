"""Browser fixtures: one Chromium per run, one served copy of the real site, one hosted copy."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from support.browser import CHROMIUM_ARGS, Watch, find_chromium, in_ci, serve, switch_scheme
from support.sitebuild import ROOT, BuildResult, build_site

# Where the hosted copy is served: a sub-path, as GitHub Pages serves a project.
HOSTED_PREFIX = "/mouth-twitches/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """System Chromium; Playwright's own download only where one was installed."""
    executable = find_chromium()
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:  # any launch failure means "no browser"
            message = f"no usable Chromium ({executable or 'none found'}): {error}"
            if in_ci():
                pytest.fail(message)
            pytest.skip(message + " - install Debian's chromium or set CHROMIUM_PATH")
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def site_url(real_site: BuildResult) -> Iterator[str]:
    with serve(real_site.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuildResult, str]]:
    """The site built for a real address (site_url: so the handout has its QR code
    and the service worker is on) and served there over http, under HOSTED_PREFIX.

    Built once for the print, offline and sub-path tests, which only read it;
    each of them opens its own browser context, so no worker or storage is shared.
    """
    site_dir = tmp_path_factory.mktemp("hosted") / "site"
    # The server starts first: the build needs its address for site_url.
    with serve(site_dir, HOSTED_PREFIX) as url:
        result = build_site(ROOT / "mkdocs.yml", site_dir, site_url=url)
        assert not result.aborted, result.errors
        yield result, url


@pytest.fixture
def scheme(request: pytest.FixtureRequest) -> str:
    """Light by default; tests that check looks run both via BOTH_SCHEMES."""
    return getattr(request, "param", "light")


# Use as a decorator: runs a test in light and in dark mode.
BOTH_SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)


def new_context(browser: Browser, scheme: str = "light", *, offline: bool = True) -> BrowserContext:
    """A reader's phone: 360 x 740, in the given colour scheme; offline=False: with no offline.js."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740})
    # A local static site answers in milliseconds; fail fast instead of at 30 s.
    context.set_default_timeout(10_000)
    if not offline:
        context.add_init_script(WITHOUT_OFFLINE_JS)
    return context


# offline.js stands down on a page where it has already started (it would on
# each instant navigation). For the widgets' tests (OFFLINE_JS = False in the
# module): its notice slides in over the bottom of the screen once the worker
# has installed, a second or so after load, and a tap under way on a button
# there (Continue, Next) is lost.
WITHOUT_OFFLINE_JS = "window.offlineStarted = true;"



def with_offline_js(request: pytest.FixtureRequest) -> bool:
    """False in a test module that sets OFFLINE_JS = False (see WITHOUT_OFFLINE_JS)."""
    return bool(getattr(request.module, "OFFLINE_JS", True))


def watch_page(context: BrowserContext, site_url: str) -> tuple[Page, Watch]:
    """A new page in the context whose every off-site request is blocked and recorded."""
    watch = Watch(site_url)
    context.route(watch.pattern, watch.route)
    page = context.new_page()
    # The page under test is the visible tab: headless Chromium draws no
    # frames for a hidden one, and then waits on frames or animations hang.
    page.bring_to_front()
    watch.attach(page)
    return page, watch


@pytest.fixture
def context(browser: Browser, site_url: str, scheme: str, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    context = new_context(browser, scheme, offline=with_offline_js(request))
    yield context
    context.close()


@pytest.fixture
def watched(context: BrowserContext, site_url: str) -> tuple[Page, Watch]:
    """A page whose every off-site request is blocked and recorded."""
    return watch_page(context, site_url)


@pytest.fixture(scope="module")
def layout_page(browser: Browser) -> Iterator[Page]:
    """One phone page for a module's tests that each open a page afresh and measure its layout: that depends on
    the page and the viewport, not on what the context opened before (the offline notice, fixed at the bottom,
    neither widens a page nor narrows its text)."""
    context = new_context(browser)
    page = context.new_page()
    page.bring_to_front()
    yield page
    context.close()


@dataclass
class SchemeWalk:
    """What a walk through a page's states found, judged in each colour scheme."""

    found: dict[str, list[tuple[str, object]]]  # scheme: [(state, what the check returned)]
    external: list[str]
    console_errors: list[str]


# judge(state, check): runs check(page) in light and in dark on the page as it is.
Judge = Callable[[str, Callable[[Page], object]], None]
Walk = Callable[[Page, str, Judge], None]


@pytest.fixture(scope="module")
def in_both_schemes(
    browser: Browser, site_url: str, request: pytest.FixtureRequest,
) -> Callable[[Walk], SchemeWalk]:
    """in_both_schemes(walk): one walk through a page's states, each state judged
    in light and then in dark, the scheme switched on the page as it stands
    (as a reader's system setting would) rather than walked again from a fresh
    load. Each BOTH_SCHEMES test asserts on its own scheme's findings; the walk
    runs once per module (again if it failed, so each test fails on its own).

    walk(page, site_url, judge) gets a watched phone page in light: it loads
    what it needs and calls judge(state, check) wherever it used to check.
    """
    done: dict[Walk, SchemeWalk] = {}

    def run(walk: Walk) -> SchemeWalk:
        if walk not in done:
            context = new_context(browser, "light", offline=with_offline_js(request))
            try:
                page, watch = watch_page(context, site_url)
                found: dict[str, list[tuple[str, object]]] = {"light": [], "dark": []}

                def judge(state: str, check: Callable[[Page], object]) -> None:
                    for scheme in ("light", "dark"):
                        switch_scheme(page, scheme)
                        found[scheme].append((state, check(page)))
                    switch_scheme(page, "light")  # the walk goes on as it began

                walk(page, site_url, judge)
                done[walk] = SchemeWalk(found, list(watch.external), list(watch.console_errors))
            finally:
                context.close()
        return done[walk]

    return run
