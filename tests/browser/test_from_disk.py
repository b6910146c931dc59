"""The downloadable copy, unzipped and opened from disk: every page, search and widgets."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from support.sitebuild import BuildResult
from test_every_page import PAGES


@pytest.fixture(scope="module")
def unzipped(real_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archives = list((real_site.site_dir / "downloads").glob("*-offline.zip"))
    assert len(archives) == 1
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archives[0]) as archive:
        # One folder, named after the site, as the zip is.
        assert {name.split("/")[0] for name in archive.namelist()} == {"mouth-twitches-explained"}
        archive.extractall(target)
    return target / "mouth-twitches-explained"


@pytest.fixture
def disk_page(browser: Browser) -> Page:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.errors = []  # type: ignore[attr-defined]
    page.outside = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))  # type: ignore[attr-defined]
    page.on("request", lambda r: r.url.startswith(("file:", "data:", "blob:", "about:")) or page.outside.append(r.url))  # type: ignore[attr-defined]
    yield page
    page.close()


# 404.html only ever comes from a web server; from disk no page is "not found".
@pytest.mark.parametrize("name", [name for name in PAGES if name != "404.html"])
def test_every_page_opens_from_disk(disk_page: Page, unzipped: Path, name: str) -> None:
    disk_page.goto((unzipped / name).as_uri())
    expect(disk_page.locator("article h1")).to_be_visible()
    assert disk_page.errors == [] and disk_page.outside == []


def test_links_between_pages_work_from_disk(disk_page: Page, unzipped: Path) -> None:
    disk_page.goto((unzipped / "index.html").as_uri())
    disk_page.locator(".home-links a", has_text="Should I see a doctor?").click()
    expect(disk_page).to_have_url((unzipped / "should-i-see-a-doctor.html").as_uri())


def test_search_works_from_disk(disk_page: Page, unzipped: Path) -> None:
    disk_page.goto((unzipped / "index.html").as_uri())
    disk_page.locator('label.md-header__button[for="__search"]').click()
    disk_page.locator("input.md-search__input").press_sequentially("magnesium", delay=20)
    expect(disk_page.locator(".md-search-result__item").first).to_be_visible()
    assert disk_page.errors == [] and disk_page.outside == []


def test_quiz_and_flowchart_work_from_disk(disk_page: Page, unzipped: Path) -> None:
    disk_page.goto((unzipped / "quiz.html").as_uri())
    current = disk_page.locator(".quiz-question:not([hidden])")
    current.locator("input").first.check()
    current.locator('[data-quiz-action="check"]').click()
    expect(current.locator(".quiz-answer__verdict")).to_be_visible()
    disk_page.goto((unzipped / "should-i-see-a-doctor.html").as_uri())
    disk_page.locator(".flow-step:not([hidden])").get_by_label("Yes", exact=True).check()
    disk_page.locator('[data-flow-action="continue"]').click()
    expect(disk_page.locator(".flow-outcome:not([hidden]) .care-card")).to_have_attribute(
        "data-care-label", "Emergency",
    )
    assert disk_page.errors == [] and disk_page.outside == []


def test_the_copy_says_what_it_is(disk_page: Page, unzipped: Path) -> None:
    disk_page.goto((unzipped / "about.html").as_uri())
    expect(disk_page.locator(".offline-download")).to_have_text("You are reading the offline copy of this site.")


def test_the_hosted_about_page_offers_the_download(real_site: BuildResult) -> None:
    html = real_site.html("about.html")
    assert 'href="downloads/mouth-twitches-explained-offline.zip" download' in html
    assert re.search(r"\(ZIP file, \d+(\.\d)? [KM]B\)", html)
