"""Search lands on the article's teaching text, not on widget buttons and answer keys."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page

from support.browser import Watch
from support.sitebuild import BuildResult

# Pages that hold a widget: they must never outrank the article on its own topic.
WIDGET_PAGES = ("quiz.html", "should-i-see-a-doctor.html")
INTERFACE = ("Check answer", "Show answer", "Next question", "See my results", "Retry the ones I missed", "Answer key")


def result_groups(page: Page, term: str) -> list[list[str]]:
    """Material's results for a term: one list of link targets per page, in rank order."""
    page.locator('label.md-header__button[for="__search"]').click()
    # Typed key by key: Material searches on keyboard events, not on fill().
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(".md-search-result__item").evaluate_all(
        """(items) => items.map((item) => [...item.querySelectorAll('a.md-search-result__link')]
            .map((a) => { const url = new URL(a.href); return url.pathname.split('/').pop() + url.hash; }))"""
    )


@pytest.mark.parametrize(
    ("term", "section"),
    [
        ("magnesium", "everyday-triggers.html#not-enough-water-and-low-minerals"),
        ("hemifacial", "medical-conditions.html#hemifacial-spasm"),
        ("caffeine", "everyday-triggers.html#caffeine-and-other-stimulants"),
    ],
)
def test_the_first_result_is_the_article_section(
    watched: tuple[Page, Watch], site_url: str, term: str, section: str
) -> None:
    page, watch = watched
    page.goto(site_url + "index.html")
    groups = result_groups(page, term)
    first = groups[0]
    assert first[0] == section.split("#")[0], f"first result for {term!r}: {first[0]}, not the article"
    assert section in first, f"{section} is not among the first result's sections: {first}"
    pages = [group[0] for group in groups]
    for widget in WIDGET_PAGES:
        if widget in pages:
            assert pages.index(widget) > 0, f"{widget} ranks first for {term!r}"
    assert watch.external == [] and watch.console_errors == []


def test_the_index_holds_no_widget_interface_text(real_site: BuildResult) -> None:
    """Neither the served index nor the one inlined for reading from disk."""
    served = json.loads(real_site.html("search/search_index.json"))
    inlined = real_site.html("search/search_index.js")
    found = re.search(r"=\s*(\{.*\})\s*;?\s*$", inlined, re.S)
    assert found, "the offline plugin's inlined index has changed shape"
    assert json.loads(found.group(1)) == served
    assert len(served["docs"]) > 20, "the index lost the article"
    for doc in served["docs"]:
        text = doc["title"] + " " + doc["text"]
        for words in INTERFACE:
            assert words not in text, f"{doc['location']}: {words!r} is in the search index"
        assert not re.search(r"#quiz-", doc["location"]), f"{doc['location']}: a quiz section is in the search index"
    # The quiz page itself is still found, by its own words.
    assert any(doc["location"] == "quiz.html" for doc in served["docs"])
