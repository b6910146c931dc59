"""The print-all page: pages side by side in one document, ids apart, listed in front matter."""

from __future__ import annotations

from typing import Any

import pytest

from loading.author_errors import AuthorError
from printing.print_all import listed_pages, print_all_html


def test_booklet_prefixes_every_id_and_anchor() -> None:
    html = print_all_html([("a", "Part A", '<h2 id="x">X</h2><a href="#x">to x</a><label '
                                           'for="q">Q</label><input id="q" name="q">'),
                    ("b", "Part B", '<h2 id="x">X</h2><div aria-labelledby="x y"></div>')])
    assert 'id="a-x"' in html and 'href="#a-x"' in html and 'for="a-q"' in html and 'name="a-q"' in html
    assert 'id="b-x"' in html and 'aria-labelledby="b-x b-y"' in html
    assert html.count('class="booklet__page"') == 2 and 'id="a-booklet-title"' in html


def test_booklet_names_each_pages_landmarks_after_the_page() -> None:
    # Two quizzes with one title would be two landmarks with one name (axe: landmark-unique).
    same = '<section class="quiz" aria-labelledby="t"><h2 id="t">Check</h2></section><div aria-labelledby="t"></div>'
    html = print_all_html([("a", "Part A", same), ("b", "Part B", same)])
    assert '<section class="quiz" aria-labelledby="a-booklet-title a-t">' in html
    assert '<section class="quiz" aria-labelledby="b-booklet-title b-t">' in html
    # Only landmarks: a labelled div or input keeps its own name.
    assert '<div aria-labelledby="a-t">' in html and '<div aria-labelledby="b-t">' in html


def test_each_page_drops_its_own_h1_for_the_section_title() -> None:
    html = print_all_html([("a", "Part A", '<h1 id="t">Part A</h1><p>Text</p>')])
    assert "<h1" not in html and html.count("Part A") == 1 and "<p>Text</p>" in html


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        (None, "docs/all.md: <!-- print-all --> has no pages to gather. "
               "Fix: list them in front matter, e.g. print_all: [first.md, second.md]"),
        ([], "docs/all.md: <!-- print-all --> has no pages to gather. "
             "Fix: list them in front matter, e.g. print_all: [first.md, second.md]"),
        ("a.md", "docs/all.md: <!-- print-all --> has no pages to gather. "
                 "Fix: list them in front matter, e.g. print_all: [first.md, second.md]"),
        (["a.md", "b.md", "a.md"],
         "docs/all.md, front matter print_all: 'a.md' is listed twice. Fix: list each page once"),
    ],
)
def test_listed_pages_refuses(listed: Any, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        listed_pages(listed, "docs/all.md")
    assert str(caught.value) == message


def test_listed_pages_keeps_the_order() -> None:
    assert listed_pages(["b.md", "a.md"], "docs/all.md") == ["b.md", "a.md"]
