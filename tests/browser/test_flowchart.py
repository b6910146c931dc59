"""The "should I see a doctor?" wizard as a reader uses it, and its diagram on paper."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from conftest import BOTH_SCHEMES
from support.browser import Watch
from support.contrast import contrast
from support.sitebuild import BuildResult
from test_every_page import violations

PAGE = "should-i-see-a-doctor.html"
CHART = "should-i-see-a-doctor"
STEP = ".flow-step:not([hidden])"
YES, NOT_SURE, NO = 0, 1, 2


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def tab_until(page: Page, check: str, limit: int = 6) -> None:
    """Press Tab until the focused element passes a JS check, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {check})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached: {check}")


def answer(page: Page, index: int) -> None:
    """From the current question's heading: Tab to the choices, choose, Tab to Continue."""
    tab_until(page, "e.type === 'radio' && !e.closest('[hidden]')")  # past any help links
    if index == 0:
        page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    tab_until(page, "e.dataset.flowAction === 'continue'")
    page.keyboard.press("Enter")


@pytest.mark.parametrize(
    ("answers", "level", "action"),
    [
        ([YES], "Emergency", "Call an ambulance now"),
        ([NO, NOT_SURE], "Urgent, same day", "Contact a doctor today"),
        ([NO, NO, NO, YES], "See a doctor", "Book an appointment with your doctor"),
        ([NO, NO, NO, NO, NO], "Self-care at home", "Look after yourself at home, and watch the twitch"),
    ],
    ids=["emergency", "urgent", "routine", "self-care"],
)
def test_keyboard_walk_to_each_care_level(watched: tuple[Page, Watch], site_url: str, answers: list[int], level: str, action: str) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    page.locator(f"{STEP} .flow-step__title").focus()  # where Tab from the page top lands
    for number, index in enumerate(answers):
        answer(page, index)
        if number < len(answers) - 1:
            assert page.evaluate("document.activeElement.classList.contains('flow-step__title')"), "focus on the next question"
    outcome = page.locator(".flow-outcome:not([hidden])")
    expect(outcome.locator(".care-card")).to_have_attribute("data-care-label", level)
    assert focused(page) == f"{level}: {action}"
    expect(page.locator(".flow__summary li")).to_have_count(len(answers))
    expect(page.locator(".flow__status")).to_have_text(f"Result: {level}: {action}")
    assert watch.external == [] and watch.console_errors == []


def test_back_and_the_browser_back_button(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + PAGE)
    first = page.locator(f"{STEP} .flow-step__title").text_content()
    page.locator(STEP).get_by_label("No", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    second = page.locator(f"{STEP} .flow-step__title").text_content()
    page.locator(STEP).get_by_label("No", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    assert page.url.endswith(f"#{CHART}:2.2")
    # Material writes the scroll offset over history.state 100 ms after a
    # scroll; the wizard must not depend on what it put there.
    page.mouse.wheel(0, 120)
    page.wait_for_timeout(300)
    page.locator('[data-flow-action="back"]').click()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(second)
    expect(page).to_have_url(re.compile(rf"#{CHART}:2$"))
    # The answer given before is still chosen.
    expect(page.locator(STEP).get_by_label("No", exact=True)).to_be_checked()
    # The wizard's Back was the browser's Back: one more goes to the start.
    # (Wait out Material's debounced replaceState, which would cancel a
    # traversal still under way, as a reader's second click 0.1 s later would.)
    page.wait_for_timeout(300)
    page.go_back()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(first)
    page.go_forward()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(second)
    page.locator('[data-flow-action="restart"]').click()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(first)
    expect(page.locator('[data-flow-action="back"]')).to_be_hidden()


def test_a_shared_link_restores_the_step(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}{PAGE}#{CHART}:2.2.2")
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text("Has the twitch lasted for weeks or months without getting better?")
    expect(page.locator(".flow__summary li")).to_have_count(3)
    # No interaction yet: the page does not jump focus away from the top.
    assert page.evaluate("document.activeElement === document.body")
    page.goto(f"{site_url}{PAGE}#{CHART}:2.0")
    expect(page.locator(".flow-outcome:not([hidden]) .care-card")).to_have_attribute("data-care-label", "Urgent, same day")
    page.goto(f"{site_url}{PAGE}#{CHART}:9.9")  # a stale or mistyped link starts at the top
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text("Has a face suddenly drooped on one side, with a weak arm or slurred speech?")
    page.close()


def test_back_after_a_shared_link_stays_on_the_page(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}{PAGE}#{CHART}:2.2")
    page.locator('[data-flow-action="back"]').click()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(
        "Along with the twitch, do you have weakness, trouble speaking, or changes in vision or balance?"
    )
    assert page.url.endswith(f"{PAGE}#{CHART}:2")
    page.close()


def test_other_anchors_leave_the_wizard_alone(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(f"{site_url}{PAGE}#{CHART}:2")
    page.evaluate("location.hash = 'all-the-care-cards'")
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(
        "Along with the twitch, do you have weakness, trouble speaking, or changes in vision or balance?"
    )


@BOTH_SCHEMES
def test_no_axe_violations_at_start_midway_and_outcome(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    assert violations(page) == [], "start"
    page.locator(STEP).get_by_label("No", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    assert violations(page) == [], "mid-way"
    page.locator(STEP).get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow-outcome:not([hidden])")).to_be_visible()
    assert violations(page) == [], "outcome"
    assert watch.external == [] and watch.console_errors == []


# axe leaves SVG text as "needs review" (it cannot see what is behind it), so
# the diagram's colours are checked here: each colour against what it is drawn on.
DIAGRAM_COLOURS = """() => {
  const page = getComputedStyle(document.body).backgroundColor;
  const svg = document.querySelector(".flow__diagram svg");
  const on = (el) => {
    const node = el.closest(".flow-svg__node");
    return node ? getComputedStyle(node.querySelector("path")).fill : page;
  };
  return {
    text: [...svg.querySelectorAll("text")].map((el) => [el.textContent, getComputedStyle(el).fill, on(el)]),
    lines: [...svg.querySelectorAll(".flow-svg__node--outcome path, .flow-svg__edge")]
      .map((el) => [el.getAttribute("class") || el.parentNode.getAttribute("class"), getComputedStyle(el).stroke, page]),
  };
}"""


@BOTH_SCHEMES
def test_diagram_text_and_lines_stand_out(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + PAGE)
    drawn = page.evaluate(DIAGRAM_COLOURS)
    assert len(drawn["text"]) > 10 and len(drawn["lines"]) > 5
    # WCAG 1.4.3: small text 4.5:1. WCAG 1.4.11: lines that carry meaning 3:1.
    faint = [(text, round(contrast(fg, bg), 2)) for text, fg, bg in drawn["text"] if contrast(fg, bg) < 4.5]
    faint += [(what, round(contrast(fg, bg), 2)) for what, fg, bg in drawn["lines"] if contrast(fg, bg) < 3]
    assert faint == []


def test_it_works_from_disk(browser: Browser, real_site: BuildResult) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((real_site.site_dir / PAGE).as_uri())
    page.locator(STEP).get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow-outcome:not([hidden]) .care-card")).to_have_attribute("data-care-label", "Emergency")
    page.go_back()
    expect(page.locator(STEP)).to_be_visible()
    assert errors == []
    page.close()


def test_without_javascript_the_diagram_and_text_are_there(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    expect(page.locator(".flow__wizard")).to_be_hidden()
    expect(page.locator(".flow__diagram svg")).to_be_visible()
    page.locator("summary", has_text="The whole flowchart as text").click()
    text = page.locator(".flow__text").inner_text()
    for outcome in ("Emergency: Call an ambulance now", "Self-care at home: Look after yourself at home"):
        assert outcome in text
    context.close()


def test_print_puts_the_whole_diagram_on_one_page(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + PAGE)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    texts = [p.extract_text() for p in reader.pages]
    # Words only the diagram prints (its level labels and arrow labels): all on one page.
    labels = ["URGENT, SAME DAY", "SEE A DOCTOR", "SELF-CARE AT HOME", "Yes / I’m not sure"]
    holding = [i for i, text in enumerate(texts) if any(label in text for label in labels)]
    assert len(holding) == 1, holding
    assert all(label in texts[holding[0]] for label in labels)
    page.close()
