"""Care cards: admonition in, headed card out; mistakes reported, not rendered."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from content.care_cards import CareCardExtension, heading_level_after


def convert(source: str) -> tuple[BeautifulSoup, CareCardExtension]:
    """Render Markdown the way the site does (admonition + toc + our extension)."""
    extension = CareCardExtension()
    html = markdown.markdown(source, extensions=["admonition", "toc", extension])
    return BeautifulSoup(html, "html.parser"), extension


@pytest.mark.parametrize(
    ("level", "label"),
    [("self-care", "Self-care"), ("routine", "Routine"), ("urgent", "Urgent"), ("emergency", "Emergency")],
)
def test_each_level_speaks_its_label_first_inside_the_heading(level: str, label: str) -> None:
    soup, extension = convert(f'## Help\n\n!!! care-{level} "Do this now"\n\n    - one\n')
    card = soup.select_one(f"div.care-card.care-card--{level}")
    heading = card.select_one("h3.care-card__title")
    hidden = heading.select_one("span.visually-hidden")
    assert hidden.get_text() == f"{label}: "
    assert heading.contents[0] is hidden, "the level must be read before the call to action"
    assert heading.get_text() == f"{label}: Do this now"
    assert card["data-care-label"] == label
    assert extension.problems == []


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("", "h2"), ("# Title\n\n", "h2"), ("## Section\n\n", "h3"), ("#### Deep\n\n", "h5"),
        ("###### Deepest\n\n", "h6"),
    ],
)
def test_card_heading_sits_one_level_below_the_heading_it_follows(before: str, expected: str) -> None:
    soup, _ = convert(f'{before}!!! care-urgent "Call today"\n\n    Text.\n')
    assert soup.select_one(".care-card__title").name == expected


@pytest.mark.parametrize(("previous", "level"), [(0, 2), (1, 2), (2, 3), (5, 6), (6, 6)])
def test_heading_level_after(previous: int, level: int) -> None:
    assert heading_level_after(previous) == level


def test_card_headings_get_ids_for_the_table_of_contents() -> None:
    soup, _ = convert('## Help\n\n!!! care-emergency "Call an ambulance"\n\n    Text.\n')
    assert soup.select_one(".care-card__title")["id"] == "emergency-call-an-ambulance"


def test_other_admonitions_are_left_alone() -> None:
    soup, extension = convert('!!! note "Just a note"\n\n    Text.\n')
    assert soup.select_one("p.admonition-title").get_text() == "Just a note"
    assert not soup.select(".care-card")
    assert extension.problems == []


def test_title_markup_is_kept() -> None:
    soup, _ = convert('!!! care-routine "Book *an* appointment"\n\n    Text.\n')
    assert soup.select_one(".care-card__title em").get_text() == "an"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('!!! care-soon "Go"\n\n    Text.\n', "unknown care level 'care-soon'. Fix: use one of: "
                                              "care-self-care, care-routine, care-urgent, care-emergency"),
        ('!!! care-urgent ""\n\n    Text.\n', "a 'care-urgent' card has no title. Fix: give it its call "
                                              "to action in quotes, e.g. !!! care-urgent \"What to do\""),
    ],
)
def test_mistakes_are_reported(source: str, message: str) -> None:
    _, extension = convert(source)
    assert [problem.message for problem in extension.problems] == [message]


def test_problems_reset_between_conversions() -> None:
    extension = CareCardExtension()
    md = markdown.Markdown(extensions=["admonition", extension])
    md.convert('!!! care-soon "Go"\n\n    Text.\n')
    assert extension.problems
    md.reset()
    md.convert('!!! care-urgent "Go"\n\n    Text.\n')
    assert extension.problems == []


def test_custom_labels() -> None:
    extension = CareCardExtension(levels={"low": "Low", "high": "High"})
    html = markdown.markdown('!!! care-high "Act"\n\n    Text.\n', extensions=["admonition", extension])
    assert "<span class=\"visually-hidden\">High: </span>Act" in html
