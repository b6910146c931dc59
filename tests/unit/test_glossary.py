"""The glossary file parsed into entries, and rendered as an escaped list."""

from __future__ import annotations

import pytest

from content.glossary import Entry, parse_glossary, render_glossary
from loading.author_errors import AuthorError
from loading.slugs import slug


def test_spellings_of_one_term_share_an_entry() -> None:
    text = (
        "*[tic]: Tic: a quick movement.\n*[tics]: Tic: a quick movement.\n\n"
        "*[HFS]: Hemifacial spasm\n*[cortisol]: Cortisol: a hormone.\n"
    )
    assert parse_glossary(text, "g.md") == [
        Entry("Cortisol", "a hormone.", ("cortisol",)),
        Entry("Tic", "a quick movement.", ("tic", "tics")),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("*[tic]: Tic: one.\n*[tics]: Tic: two.\n", "g.md, line 2: 'Tic' is defined twice, differently. Fix: "
                                                    "give every spelling of 'Tic' the same definition"),
        ("*[tic]: Tic: one.\nTic means a movement\n", "g.md, line 2: 'Tic means a movement' is not a glossary line. "
                                                      "Fix: write each term as *[term]: Headword: what it means"),
        ("", "g.md: the glossary has no terms. Fix: add lines like *[term]: Term: what it means"),
        ("*[HFS]: Hemifacial spasm\n", "g.md: the glossary has no terms. Fix: add "
                                       "lines like *[term]: Term: what it means"),
    ],
)
def test_glossary_mistakes(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        parse_glossary(text, "g.md")
    assert str(caught.value) == message


def test_render_escapes_author_text() -> None:
    html = render_glossary([Entry("<b>Bold</b>", "a <script>alert(1)</script> term", ("x",))])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<dt id="b-bold-b">&lt;b&gt;Bold&lt;/b&gt;</dt>' in html


@pytest.mark.parametrize(
    ("headword", "anchor"),
    [("Bell’s palsy", "bells-palsy"), ("Motor unit", "motor-unit"), ("  Tic  ", "tic"), ("A/B test", "a-b-test")],
)
def test_slug(headword: str, anchor: str) -> None:
    assert slug(headword) == anchor
