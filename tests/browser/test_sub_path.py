"""The site as GitHub Pages serves a project: under /<repo>/, with its own URL."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, expect

from conftest import HOSTED_PREFIX as PREFIX
from support.browser import Watch, load_page, serve, settle_scroll
from support.sitebuild import BuildResult
from test_every_page import PAGES, violations


@pytest.fixture(scope="module")
def pages_build(request: pytest.FixtureRequest) -> Iterator[tuple[BuildResult, str]]:
    """The site as published, served under its sub-path on loopback.

    With PUBLISHED_SITE (a built folder) and PUBLISHED_SITE_URL (its site_url)
    set, as the Pages workflow does, these tests check that very folder, which
    is then uploaded. Otherwise they check the hosted copy (conftest.hosted_site),
    built with the loopback server's own sub-path as its site_url.
    """
    published, site_url = os.environ.get("PUBLISHED_SITE"), os.environ.get("PUBLISHED_SITE_URL")
    if published and site_url:
        with serve(Path(published), urlsplit(site_url).path or "/") as url:
            yield BuildResult(Path(published)), url
        return
    result, url = request.getfixturevalue("hosted_site")  # built for its loopback sub-path
    assert result.warnings == []
    yield result, url


def published_url(url: str) -> str:
    """The site_url the folder was built for (the loopback URL when we built it)."""
    return os.environ.get("PUBLISHED_SITE_URL") or url


def test_sitemap_canonical_and_robots_use_site_url(pages_build: tuple[BuildResult, str]) -> None:
    result, served = pages_build
    url = published_url(served)
    locations = re.findall(r"<loc>([^<]+)</loc>", result.html("sitemap.xml"))
    assert locations and all(loc.startswith(url) for loc in locations)
    assert f"{url}when-to-seek-help.html" in locations
    canonical = BeautifulSoup(result.html("about.html"), "html.parser").select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{url}about.html"
    assert f"Sitemap: {url}sitemap.xml" in result.html("robots.txt")


@pytest.mark.parametrize("name", PAGES)
def test_every_page_works_under_the_sub_path(browser: Browser, pages_build: tuple[BuildResult, str], name: str) -> None:
    _, url = pages_build
    page = browser.new_page()
    watch = Watch(url.split(PREFIX)[0] + "/")
    page.route(watch.pattern, watch.route)
    watch.attach(page)
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and r.url != url + name and failed.append(r.url))
    load_page(page, url + name, url)
    expect(page.locator("article h1")).to_be_visible()
    assert failed == [], "every asset loads from the sub-path"
    assert watch.external == [] and watch.console_errors == []
    page.close()


def test_a_missing_page_gets_the_styled_404(browser: Browser, pages_build: tuple[BuildResult, str]) -> None:
    _, url = pages_build
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and "no-such-page" not in r.url and failed.append(r.url))
    response = page.goto(url + "deep/no-such-page.html")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")
    assert failed == [], "the 404 page's assets load from the sub-path"
    page.locator("article a", has_text="Go to the home page").click()
    expect(page).to_have_url(url + "index.html")
    # Material's instant navigation changes the address before it swaps the
    # page in: judge the home page, once it is there and drawn (the pointer
    # left on the link may now hover something else).
    expect(page.locator("p.home-intro")).to_be_visible()
    settle_scroll(page)
    assert violations(page) == []
    page.close()


def test_search_works_under_the_sub_path(browser: Browser, pages_build: tuple[BuildResult, str]) -> None:
    _, url = pages_build
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(url + "index.html")
    page.locator('label.md-header__button[for="__search"]').click()
    page.locator("input.md-search__input").press_sequentially("hemifacial", delay=20)
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
    assert result.get_attribute("href").startswith(url)
    page.close()
