"""The print-everything booklet: pages side by side in one document, ids apart."""

from __future__ import annotations

from printing.print_all import print_all_html


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
