"""What a reader on a 360 x 740 phone meets first: the action, unsqueezed text, headings without stray lines."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from support.browser import Watch
from test_every_page import PAGES

SCREEN = 740
# Narrower than this, a line holds two or three words and long words break.
NARROWEST_TEXT = 160

# Every block of text with words of its own, measured as laid out.
SQUEEZED = """(min) => [...document.querySelectorAll(
    '.md-content :is(p, li, dt, dd, h1, h2, h3, h4, h5, h6, legend, label, summary, figcaption, td, th, blockquote)')]
  .filter((e) => e.checkVisibility() && !e.closest('.visually-hidden, .md-visually-hidden')
    && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .map((e) => [e, e.getBoundingClientRect()])
  .filter(([, r]) => r.width > 2 && r.width < min)
  .map(([e, r]) => `${e.tagName.toLowerCase()} ${Math.round(r.width)}px: ${e.textContent.trim().slice(0, 40)}`)"""


# A heading's height with its permalink (¶) shown, and without it.
PERMALINK_LINES = """() => [...document.querySelectorAll('.md-content .headerlink')].map((link) => {
    const heading = link.parentElement;
    const withLink = heading.getBoundingClientRect().height;
    link.style.display = 'none';
    const without = heading.getBoundingClientRect().height;
    link.style.display = '';
    return withLink > without + 1 ? `${heading.textContent.trim()}: ${withLink} > ${without}` : null;
}).filter(Boolean)"""


@pytest.mark.parametrize("name", PAGES)
def test_no_text_is_squeezed_and_no_permalink_takes_a_line(layout_page: Page, site_url: str, name: str) -> None:
    page = layout_page
    page.goto(site_url + name)
    assert page.evaluate(PERMALINK_LINES) == [], "a heading's ¶ wrapped onto a line of its own"
    # Closed <details> hide their text; open them, as a reader would.
    page.evaluate("document.querySelectorAll('.md-content details').forEach((d) => { d.open = true; })")
    assert page.evaluate(SQUEEZED, NARROWEST_TEXT) == []


def top_and_bottom(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    assert box, f"{selector} is not shown"
    return box["y"], box["y"] + box["height"]


def test_the_flowchart_starts_on_the_first_screen(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "should-i-see-a-doctor.html")
    _, bottom = top_and_bottom(page, ".flow-step:not([hidden]) legend")
    assert bottom <= SCREEN, "the first question must be read without scrolling"
    _, last_answer = top_and_bottom(page, ".flow-step:not([hidden]) .flow-step__answer:last-of-type label")
    assert last_answer <= SCREEN, "and all its answers too"


def test_the_emergency_card_and_a_call_button_are_on_the_first_screen(
    watched: tuple[Page, Watch], site_url: str
) -> None:
    page, _ = watched
    page.goto(site_url + "when-to-seek-help.html")
    top, _ = top_and_bottom(page, ".care-card--emergency")
    assert top < SCREEN
    _, bottom = top_and_bottom(page, ".care-card--emergency a.call-button")
    assert bottom <= SCREEN


@pytest.mark.parametrize("name", ["when-to-seek-help.html", "should-i-see-a-doctor.html", "handout.html"])
def test_emergency_cards_call_the_configured_numbers_with_big_targets(
    watched: tuple[Page, Watch], site_url: str, name: str,
) -> None:
    page, _ = watched
    page.goto(site_url + name)
    # The flowchart's own emergency outcome is hidden until reached; the cards are not.
    buttons = page.locator(".md-content .care-card--emergency a.call-button:visible")
    hrefs = [buttons.nth(i).get_attribute("href") for i in range(buttons.count())]
    assert hrefs[:3] == ["tel:999", "tel:911", "tel:112"]
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 80, "a call button must be easy to hit"
    assert buttons.count() >= 3
    assert page.locator(".md-content .care-card:not(.care-card--emergency) a.call-button").count() == 0


def test_the_home_page_can_call_from_its_first_screen(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "index.html")
    buttons = page.locator(".md-content a.call-button")
    assert [buttons.nth(i).get_attribute("href") for i in range(buttons.count())] == ["tel:999", "tel:911", "tel:112"]
    # Three in a row, each big enough to hit, all before the screen ends.
    boxes = [buttons.nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in boxes}) == 1, "one row"
    assert all(box["height"] >= 44 and box["width"] >= 80 and box["y"] + box["height"] <= SCREEN for box in boxes)
