"""Keyboard only: every control on every page is reached by Tab and shows where focus is."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from support.browser import Watch, wait_for_offline_notice
from support.keyboard import tab_through
from test_every_page import PAGES
from test_flowchart import PAGE as FLOW_PAGE
from test_flowchart import STEP
from test_quiz import CURRENT, QUIZ_PAGE, click_answer, quiz_data

PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1280, "height": 800}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("name", PAGES)
def test_every_control_is_reachable_with_a_visible_focus(
    watched: tuple[Page, Watch], site_url: str, name: str, viewport: dict,
) -> None:
    page, _ = watched
    page.set_viewport_size(viewport)
    page.goto(site_url + name)
    # Let the offline notice appear first: Tab must keep stops clear of it.
    wait_for_offline_notice(page)
    walk = tab_through(page)
    assert len(walk.controls) >= 3
    assert walk.unreached == [], "controls Tab never reaches"
    assert walk.problems == []


def test_the_menu_opens_from_the_keyboard_on_a_phone(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "index.html")
    drawer_link = page.locator(".md-sidebar--primary a", has_text="About")
    expect(drawer_link).not_to_be_visible()
    menu = page.locator('label[for="__drawer"].md-header__button')
    menu.focus()
    page.keyboard.press("Enter")
    expect(drawer_link).to_be_visible()
    drawer_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/about.html")


@pytest.mark.parametrize("name", PAGES)
def test_no_sideways_scrolling_at_320_px(layout_page: Page, site_url: str, name: str) -> None:
    page = layout_page
    page.set_viewport_size({"width": 320, "height": 640})  # 1280 px at 400% zoom
    page.goto(site_url + name)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


def assert_keyboard_clean(page: Page, state: str) -> None:
    walk = tab_through(page)
    assert walk.unreached == [], f"{state}: controls Tab never reaches"
    assert walk.problems == [], state


def test_every_quiz_state_is_keyboard_clean(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + QUIZ_PAGE)
    # The offline notice shows once the worker has installed, and pads the
    # page: let it come first, so no step below races it.
    wait_for_offline_notice(page)
    data = quiz_data(page)
    first = data["questions"][0]
    values = page.locator(f"{CURRENT} input").evaluate_all("(i) => i.map((x) => x.value)")
    wrong = next(v for v in values if v not in first["correct"])
    page.locator(f'{CURRENT} input[value="{wrong}"]').check()
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    assert_keyboard_clean(page, "answered wrong")
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text(f"Question 2 of {len(data['questions'])}")
    for question in data["questions"][1:]:
        click_answer(page, question["correct"][0])
    expect(page.locator(".quiz__results")).to_be_visible()
    assert_keyboard_clean(page, "results")


def test_every_flowchart_state_is_keyboard_clean(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + FLOW_PAGE)
    wait_for_offline_notice(page)
    page.locator(STEP).get_by_label("No", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    assert_keyboard_clean(page, "mid-way")
    page.locator(STEP).get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow-outcome:not([hidden])")).to_be_visible()
    assert_keyboard_clean(page, "outcome")
