"""What a reader does: land on a phone, search, move between pages, zoom in."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from conftest import BOTH_SCHEMES, Judge, SchemeWalk, Walk
from support.browser import Watch
from test_every_page import violations


def test_home_essentials_fit_one_phone_screen(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched  # 360 x 740 CSS px, a common small Android phone
    page.goto(site_url + "index.html")
    for selector in ("p.home-intro", ".key-points", ".home-links li:last-child a"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] + box["height"] <= 740, f"{selector} is below the fold"


def search_results(page: Page, site_url: str, judge: Judge) -> None:
    page.goto(site_url + "index.html")
    page.locator('label.md-header__button[for="__search"]').click()
    # Typed key by key: Material searches on keyboard events, not on fill().
    page.locator("input.md-search__input").press_sequentially("caffeine", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    judge("results", lambda page: (results.count(), violations(page)))


@BOTH_SCHEMES
def test_search_finds_pages_and_its_results_are_accessible(
    in_both_schemes: Callable[[Walk], SchemeWalk], scheme: str
) -> None:
    walk = in_both_schemes(search_results)
    [(_, (count, found))] = walk.found[scheme]
    assert count >= 2
    assert found == []
    assert walk.external == [] and walk.console_errors == []


def test_instant_navigation_keeps_the_review_box(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + "index.html")
    page.locator(".home-links a", has_text="Should I see a doctor?").click()
    page.wait_for_url("**/should-i-see-a-doctor.html")
    # The flowchart's script ran in the swapped-in page: its wizard shows.
    page.locator(".flow__wizard").wait_for()
    assert "Last reviewed" in page.locator("aside.page-review").inner_text()
    assert watch.console_errors == []


def test_quiz_starts_after_instant_navigation(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + "index.html")
    page.locator(".home-links a", has_text="Take the quiz").click()
    page.wait_for_url("**/quiz.html")
    page.locator(".quiz.quiz--js").wait_for()
    # Material re-creates inline scripts without their type; data in a
    # <template> is not run as JavaScript.
    assert watch.console_errors == []
