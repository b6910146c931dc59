"""Emergency numbers from mkdocs.yml: checked, then drawn as tel: buttons."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from content.call_buttons import EmergencyNumber, call_buttons_html, read_numbers
from content.care_cards import CareCardExtension
from loading.author_errors import AuthorError

UK_US = [{"number": "999", "label": "UK"}, {"number": "911", "label": "US"}]


def test_numbers_become_tel_buttons_in_order() -> None:
    soup = BeautifulSoup(call_buttons_html(read_numbers(UK_US)), "html.parser")
    links = soup.select("ul.call-buttons > li > a.call-button")
    assert [(a["href"], a.get_text(" ", strip=True)) for a in links] == [
        ("tel:999", "Call 999 (UK)"),
        ("tel:911", "Call 911 (US)"),
    ]


def test_no_numbers_no_buttons() -> None:
    assert read_numbers(None) == ()
    assert call_buttons_html(()) == ""


def test_labels_are_escaped() -> None:
    html = call_buttons_html((EmergencyNumber("112", "<b>EU</b>"),))
    assert "<b>" not in html and "&lt;b&gt;EU&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("raw", "place", "words"),
    [
        ({"number": "999"}, "extra.emergency_numbers", "expected a list"),
        (["999"], "extra.emergency_numbers[0]", "exactly a number and a label"),
        ([{"number": 999, "label": "UK"}], "extra.emergency_numbers[0].number", 'quote it: number: "999"'),
        ([{"number": "999 123", "label": "UK"}], "extra.emergency_numbers[0].number", "no spaces"),
        ([{"number": "call us", "label": "UK"}], "extra.emergency_numbers[0].number", "not a number a phone can dial"),
        ([{"number": "999", "label": " "}], "extra.emergency_numbers[0].label", "say who the number is for"),
        (
            [{"number": "999", "label": "UK"}, {"number": "999", "label": "GB"}],
            "extra.emergency_numbers", "listed twice",
        ),
    ],
)
def test_mistakes_name_the_key_and_the_fix(raw: object, place: str, words: str) -> None:
    with pytest.raises(AuthorError) as caught:
        read_numbers(raw)
    message = str(caught.value)
    assert message.startswith(f"mkdocs.yml, {place}: ")
    assert words in message and "Fix:" in message


def test_emergency_cards_get_the_buttons_first_and_other_levels_none() -> None:
    extension = CareCardExtension(call_buttons=call_buttons_html(read_numbers(UK_US)))
    source = (
        '!!! care-emergency "Call an ambulance now"\n\n    Text.\n\n'
        '!!! care-urgent "Contact a doctor today"\n\n    Text.\n'
    )
    soup = BeautifulSoup(markdown.markdown(source, extensions=["admonition", extension]), "html.parser")
    emergency, urgent = soup.select("div.care-card")
    title = emergency.select_one(".care-card__title")
    assert title is not None
    first_after_title = title.find_next_sibling()
    assert first_after_title is not None
    assert first_after_title.name == "ul" and "call-buttons" in first_after_title["class"]
    assert [a["href"] for a in emergency.select("a.call-button")] == ["tel:999", "tel:911"]
    assert urgent.select("a.call-button") == []
    assert soup.select("p > ul") == [], "the buttons must not sit inside a paragraph"
