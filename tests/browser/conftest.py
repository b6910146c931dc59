"""Browser fixtures: one Chromium per run, one served copy of the real site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from support.browser import CHROMIUM_ARGS, Watch, find_chromium, in_ci, serve
from support.sitebuild import BuildResult


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


@pytest.fixture
def scheme(request: pytest.FixtureRequest) -> str:
    """Light by default; tests that check looks run both via BOTH_SCHEMES."""
    return getattr(request, "param", "light")


# Use as a decorator: runs a test in light and in dark mode.
BOTH_SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)


@pytest.fixture
def context(browser: Browser, site_url: str, scheme: str) -> Iterator[BrowserContext]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740})
    # A local static site answers in milliseconds; fail fast instead of at 30 s.
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def watched(context: BrowserContext, site_url: str) -> tuple[Page, Watch]:
    """A page whose every off-site request is blocked and recorded."""
    watch = Watch(site_url)
    context.route("**/*", watch.route)
    page = context.new_page()
    watch.attach(page)
    return page, watch
