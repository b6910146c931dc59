"""The "should I see a doctor?" wizard as a reader uses it, and its diagram on paper."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from conftest import BOTH_SCHEMES, Judge, SchemeWalk, Walk
from support.browser import Watch, settle_scroll, wait_for_offset_write, watch_offset_writes
from support.contrast import contrast
from support.sitebuild import BuildResult
from test_every_page import violations

PAGE = "should-i-see-a-doctor.html"
CHART = "should-i-see-a-doctor"
STEP = ".flow-step:not([hidden])"
YES, NOT_SURE, NO = 0, 1, 2
FIRST = "Has any one of these started suddenly: a face drooping on one side, a weak or numb arm, or slurred speech?"


# The tests here drive the widget: without offline.js, whose notice would take a tap (conftest).
OFFLINE_JS = False


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
        ([NO, NOT_SURE], "Urgent", "Contact a doctor today"),
        ([NO, NO, NO, YES], "Routine", "Book an appointment with your doctor"),
        ([NO, NO, NO, NO, NO], "Self-care", "Look after yourself at home"),
    ],
    ids=["emergency", "urgent", "routine", "self-care"],
)
def test_keyboard_walk_to_each_care_level(
    watched: tuple[Page, Watch], site_url: str, answers: list[int], level: str, action: str,
) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    page.locator(f"{STEP} .flow-step__title").focus()  # where Tab from the page top lands
    for number, index in enumerate(answers):
        answer(page, index)
        if number < len(answers) - 1:
            on_title = page.evaluate("document.activeElement.classList.contains('flow-step__title')")
            assert on_title, "focus on the next question"
    outcome = page.locator(".flow-outcome:not([hidden])")
    expect(outcome.locator(".care-card")).to_have_attribute("data-care-label", level)
    assert focused(page) == f"{level}: {action}"
    expect(page.locator(".flow__summary li")).to_have_count(len(answers))
    expect(page.locator(".flow__status")).to_have_text(f"Result: {level}: {action}")
    assert watch.external == [] and watch.console_errors == []


def test_back_and_the_browser_back_button(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + PAGE)
    watch_offset_writes(page)
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
    wait_for_offset_write(page)
    page.locator('[data-flow-action="back"]').click()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(second)
    expect(page).to_have_url(re.compile(rf"#{CHART}:2$"))
    # The answer given before is still chosen.
    expect(page.locator(STEP).get_by_label("No", exact=True)).to_be_checked()
    # The wizard's Back was the browser's Back: one more goes to the start.
    # (Wait out Material's debounced replaceState, which would cancel a
    # traversal still under way, as a reader's second click 0.1 s later would.)
    wait_for_offset_write(page)
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
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(
        "Has the twitch lasted for weeks or months without getting better?",
    )
    expect(page.locator(".flow__summary li")).to_have_count(3)
    # No interaction yet: the page does not jump focus away from the top.
    assert page.evaluate("document.activeElement === document.body")
    page.goto(f"{site_url}{PAGE}#{CHART}:2.0")
    expect(page.locator(".flow-outcome:not([hidden]) .care-card")).to_have_attribute("data-care-label", "Urgent")
    page.goto(f"{site_url}{PAGE}#{CHART}:9.9")  # a stale or mistyped link starts at the top
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(FIRST)
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


def flow_states(page: Page, site_url: str, judge: Judge) -> None:
    page.goto(site_url + PAGE)
    judge("start", violations)
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(f"{STEP} .widget-error__message")).to_be_visible()
    judge("no answer chosen: the error message", violations)
    page.locator(STEP).get_by_label("No", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    judge("mid-way", violations)
    page.locator(STEP).get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    expect(page.locator(".flow-outcome:not([hidden])")).to_be_visible()
    judge("outcome", violations)


@BOTH_SCHEMES
def test_no_axe_violations_at_start_midway_and_outcome(
    in_both_schemes: Callable[[Walk], SchemeWalk], scheme: str
) -> None:
    walk = in_both_schemes(flow_states)
    for state, found in walk.found[scheme]:
        assert found == [], state
    assert walk.external == [] and walk.console_errors == []


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
      .map((el) => [
        el.getAttribute("class") || el.parentNode.getAttribute("class"), getComputedStyle(el).stroke, page,
      ]),
  };
}"""


def diagram_colours(page: Page, site_url: str, judge: Judge) -> None:
    page.goto(site_url + PAGE)
    judge("loaded", lambda page: page.evaluate(DIAGRAM_COLOURS))


@BOTH_SCHEMES
def test_diagram_text_and_lines_stand_out(in_both_schemes: Callable[[Walk], SchemeWalk], scheme: str) -> None:
    [(_, drawn)] = in_both_schemes(diagram_colours).found[scheme]
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
    for outcome in ("Emergency: Call an ambulance now.", "Self-care: Look after yourself at home."):
        assert outcome in text
    context.close()


def test_print_puts_the_whole_diagram_on_one_page(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + PAGE)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    texts = [p.extract_text() for p in reader.pages]
    # Only the diagram's arrows say "Yes / I’m not sure"; its boxes (level
    # labels in capitals, as the care cards print theirs too) are on that page.
    holding = [i for i, text in enumerate(texts) if "Yes / I’m not sure" in text]
    assert len(holding) == 1, holding
    diagram = texts[holding[0]]
    assert diagram.count("Yes / I’m not sure") == 5 and diagram.count("No") >= 5
    assert all(label in diagram for label in ["EMERGENCY", "URGENT", "ROUTINE", "SELF-CARE", "Look after yourself"])
    page.close()


def test_stroke_signs_each_stand_alone_and_the_emergency_outcome_is_for_calling(
    watched: tuple[Page, Watch], site_url: str,
) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    step = page.locator(STEP)
    expect(step.locator(".flow-step__title")).to_have_text(FIRST)
    # The three signs are in the question itself (so the diagram and the paper
    # copy carry them too), any one of them a Yes.
    expect(step.locator(".flow-step__help")).to_contain_text("One sign alone is enough")
    expect(step.locator('a[href="https://www.nhs.uk/conditions/stroke/symptoms/"]')).to_be_visible()
    step.get_by_label("Yes", exact=True).check()
    page.locator('[data-flow-action="continue"]').click()
    card = page.locator(".flow-outcome:not([hidden]) .care-card")
    heading = card.locator(".care-card__title").bounding_box()
    buttons = card.locator("a.call-button")
    expect(buttons).to_have_count(3)
    assert [buttons.nth(i).get_attribute("href") for i in range(3)] == ["tel:999", "tel:911", "tel:112"]
    first = buttons.nth(0).bounding_box()
    # Right under the heading, before any other text, and big enough to hit.
    assert 0 <= first["y"] - (heading["y"] + heading["height"]) < 24, (heading, first)
    assert first["y"] < card.locator(".flow-outcome__facts").bounding_box()["y"]
    assert all(buttons.nth(i).bounding_box()["height"] >= 44 for i in range(3))
    text = card.inner_text()
    assert "Read more" not in text and "even if it passes" not in text
    assert text.count("Call even if the signs go away again") == 1
    # Any other outcome warns once, briefly.
    page.goto(f"{site_url}{PAGE}#{CHART}:2.2.2.0")
    other = page.locator(".flow-outcome:not([hidden]) .care-card")
    expect(other.locator(".flow-outcome__emergency")).to_have_count(1)
    assert other.inner_text().count("Call an ambulance") == 1
    assert watch.external == [] and watch.console_errors == []


def test_continue_with_no_answer_shows_an_error_by_the_question(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    step = page.locator(STEP)
    error = step.locator(".widget-error__message")
    expect(error).to_be_hidden()
    page.locator('[data-flow-action="continue"]').click()
    expect(error).to_be_visible()
    assert page.url.endswith(PAGE), "no step taken"
    # GOV.UK's pattern: words with a hidden "Error:", tied to the radios, focus on the first.
    expect(error).to_have_text(re.compile(r"^\s*Error: Choose an answer to continue\.\s*$"))
    expect(step.get_by_label("Yes", exact=True)).to_be_focused()
    assert error.get_attribute("id") in step.get_attribute("aria-describedby").split()
    # The group the radios are in (the fieldset) is described by the help and the error, as GOV.UK's.
    expect(step).to_have_accessible_description(re.compile(r"One sign alone is enough.*Error: "
                                                           r"Choose an answer to continue\.$"))
    # Not colour alone: bold words, an icon and a thick bar beside the question.
    looks = error.evaluate("""(e) => ({
        weight: Number(getComputedStyle(e).fontWeight),
        icon: parseFloat(getComputedStyle(e, '::before').width),
        bar: parseFloat(getComputedStyle(e.closest('fieldset')).borderLeftWidth),
    })""")
    assert looks["weight"] >= 700 and looks["icon"] >= 12 and looks["bar"] >= 4, looks
    # By the question: under its heading and help, above the first answer, on screen.
    box, first = error.bounding_box(), step.locator(".flow-step__answer").first.bounding_box()
    assert step.locator(".flow-step__help").bounding_box()["y"] < box["y"] < first["y"]
    assert box["y"] > 0 and box["y"] + box["height"] < 740
    expect(page.locator(".flow__status")).to_have_text("Error: Choose an answer to continue.")
    # Choosing an answer clears it.
    step.get_by_label("No", exact=True).check()
    expect(error).to_be_hidden()
    assert error.get_attribute("id") not in (step.get_attribute("aria-describedby") or "")
    assert parse_float(step.evaluate("(e) => getComputedStyle(e).borderLeftWidth")) == 0
    assert watch.console_errors == []


def parse_float(text: str) -> float:
    return float(text.removesuffix("px"))


# Where Material's "Back to top" button is drawn over the page, if it shows.
OVERLAPS = """() => {
  const top = document.querySelector('.md-top');
  const shown = top && !top.hidden && getComputedStyle(top).visibility !== 'hidden';
  const step = document.querySelector('.flow-step:not([hidden]), .flow-outcome:not([hidden])');
  const parts = [document.activeElement, ...step.querySelectorAll('.flow-step__help, .flow-step__answer, p, dl, li')];
  const t = top.getBoundingClientRect();
  const over = (r) => r.width && r.bottom > 0 && r.top < innerHeight
    && r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top;
  return {shown, button: [t.top, t.bottom], heading: document.activeElement.getBoundingClientRect().top,
          covered: shown
            ? parts.filter((el) => over(el.getBoundingClientRect())).map((el) => el.textContent.trim().slice(0, 30))
            : []};
}"""


def test_back_to_top_never_covers_the_step_and_change_links_go_back(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + PAGE)
    watch_offset_writes(page)
    for index in (NO, NO, NOT_SURE):
        page.locator(STEP).locator("input").nth(index).check()
        page.locator('[data-flow-action="continue"]').click()  # scrolls down to it, as a reader does
        settle_scroll(page)  # Material shows or hides the button as the scroll ends
        seen = page.evaluate(OVERLAPS)
        assert seen["covered"] == [], seen
        assert seen["heading"] >= seen["button"][1] or not seen["shown"], seen
        # Once the reader moves on, the button may show; still not over the heading.
        page.keyboard.press("Tab")
        settle_scroll(page)
        heading = page.locator(".flow-step:not([hidden]) .flow-step__title, "
                               ".flow-outcome:not([hidden]) .care-card__title").bounding_box()
        button = page.locator(".md-top")
        assert heading["y"] >= button.bounding_box()["y"] + button.bounding_box()["height"] or button.is_hidden()
    # "Your answers so far", each with a Change link naming its question.
    lines = page.locator(".flow__summary li")
    expect(lines).to_have_count(3)
    second = lines.nth(1).get_by_role("link", name=re.compile("^Change your answer to: Along with the twitch"))
    expect(second).to_have_text(re.compile(r"^Change your answer to: Along with the twitch, do you have weakness"))
    assert second.evaluate("(a) => a.textContent") == (
        "Change your answer to: Along with the twitch, do you have weakness, trouble speaking, "
        "or changes in vision or balance?"
    )
    assert second.evaluate("(a) => a.querySelector('.visually-hidden').getBoundingClientRect().width") <= 1
    second.click()
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(
        "Along with the twitch, do you have weakness, trouble speaking, or changes in vision or balance?"
    )
    expect(page).to_have_url(re.compile(rf"#{CHART}:2$"))
    expect(page.locator(STEP).get_by_label("No", exact=True)).to_be_checked()  # the answer given before
    expect(lines).to_have_count(1)  # the later answers are dropped
    assert page.evaluate("document.activeElement.classList.contains('flow-step__title')")
    # The browser's Back returns to the outcome the reader changed from.
    wait_for_offset_write(page)
    page.go_back()
    expect(page.locator(".flow-outcome:not([hidden]) .care-card")).to_have_attribute("data-care-label", "Urgent")
    assert watch.external == [] and watch.console_errors == []


# True when the element's top line is on screen below Material's header.
CLEAR_OF_HEADER = """(selector) => {
  const top = document.querySelector(selector).getBoundingClientRect().top;
  return top >= document.querySelector(".md-header").getBoundingClientRect().bottom && top < innerHeight - 40;
}"""

# The id of the text version's step or outcome furthest down that some lead links to.
FURTHEST_LEAD = """() => [...document.querySelectorAll(".flow__text a[href*='#']")]
  .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
  .filter(Boolean).sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top)[0].id"""


def test_the_text_version_is_flat_and_short_on_a_phone(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + PAGE)
    page.locator("summary", has_text="The whole flowchart as text").click()
    details = page.locator("details.flow__text")
    # The call buttons are narrow on purpose: three to a row.
    narrow = details.evaluate("""(d) => [...d.querySelectorAll('p, li:not(.call-buttons > li), a, strong')]
        .map((el) => [el.textContent.trim().slice(0, 40), el.getBoundingClientRect().width, el.tagName])
        .filter(([, w, tag]) => tag === 'P' || tag === 'LI' ? w < 160 : false)""")
    assert narrow == []
    box = details.bounding_box()
    assert box["height"] < 3200, box  # nested, it was about 10,000 px at 360 px wide
    steps = details.locator(".flow-text__steps > li")
    expect(steps).to_have_count(5)
    assert details.inner_text().count("..") == 0
    # "go to step 4" is a link that brings step 4 into view, its title clear of the header, and focuses it.
    details.get_by_role("link", name="go to step 4").click()
    expect(steps.nth(3)).to_be_focused()
    expect(steps.nth(3)).to_contain_text("Step 4: Has the twitch lasted for weeks or months")
    assert page.evaluate(CLEAR_OF_HEADER, "#" + steps.nth(3).get_attribute("id")), "step 4's title is hidden"
    # The lead that goes furthest down the page scrolls to its place: at the top, not under the header.
    far = page.evaluate(FURTHEST_LEAD)
    details.locator(f'a[href$="#{far}"]').first.click()
    expect(page.locator(f"#{far}")).to_be_focused()
    assert page.evaluate(CLEAR_OF_HEADER, f"#{far}"), f"{far} is not where the link leads"
    expect(page).to_have_url(re.compile(f"#{far}$"))
    page.go_back()  # the browser's Back undoes the jump
    expect(page).to_have_url(re.compile(f"#{steps.nth(3).get_attribute('id')}$"))
    expect(page.locator(f"{STEP} .flow-step__title")).to_have_text(FIRST)  # the wizard stays where it was


# The diagram as drawn: each text's size on screen, each line's corners inside
# its shape's fill (not on its line), and answers clear of every box.
DIAGRAM_GEOMETRY = """() => {
  const svg = document.querySelector(".flow__diagram svg");
  const scale = svg.getScreenCTM().a;
  const out = {scale, small: [], outside: [], clash: [], lines: 0};
  for (const text of svg.querySelectorAll("text")) {
    const px = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (px < 12) out.small.push([text.textContent, px]);
  }
  const boxes = [];
  for (const node of svg.querySelectorAll(".flow-svg__node")) {
    const path = node.querySelector("path"), text = node.querySelector("text");
    const p = path.getBBox(), t = text.getBBox();
    boxes.push(p);
    if (t.x < p.x || t.y < p.y || t.x + t.width > p.x + p.width || t.y + t.height > p.y + p.height) {
      out.outside.push([text.textContent, "bounding box"]);
    }
    for (const line of text.querySelectorAll("tspan")) {
      out.lines += 1;
      const first = line.getExtentOfChar(0), last = line.getExtentOfChar(line.getNumberOfChars() - 1);
      const left = first.x, right = last.x + last.width;
      const top = Math.min(first.y, last.y), bottom = Math.max(first.y + first.height, last.y + last.height);
      for (const [x, y] of [[left, top], [right, top], [left, bottom], [right, bottom]]) {
        const point = new DOMPoint(x, y);
        if (!path.isPointInFill(point) || path.isPointInStroke(point)) out.outside.push([line.textContent, x, y]);
      }
    }
  }
  for (const label of svg.querySelectorAll(".flow-svg__label")) {
    const b = label.getBBox();
    if (boxes.some((r) => b.x < r.x + r.width && r.x < b.x + b.width && b.y < r.y + r.height && r.y < b.y + b.height)) {
      out.clash.push(label.textContent);
    }
  }
  return out;
}"""
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_diagram_is_readable_on_a_phone_and_its_text_stays_in_its_shapes(
    watched: tuple[Page, Watch], site_url: str
) -> None:
    page, watch = watched  # 360 x 740
    page.goto(site_url + PAGE)
    drawn = page.evaluate(DIAGRAM_GEOMETRY)
    assert drawn["lines"] > 30 and drawn["scale"] >= 1, drawn
    assert (drawn["small"], drawn["outside"], drawn["clash"]) == ([], [], [])
    region = page.get_by_role("region", name="Flowchart diagram")
    hint = page.locator(".flow__diagram-hint")
    # At 360 px the whole diagram fits at full size: nothing to scroll, no hint.
    assert region.evaluate("(r) => r.scrollWidth <= r.clientWidth")
    expect(hint).to_be_hidden()
    assert page.evaluate(SIDEWAYS) <= 0
    # At 320 px (400% zoom) it keeps its size and scrolls inside its region,
    # which says so and is scrolled from the keyboard; the page does not.
    page.set_viewport_size({"width": 320, "height": 640})
    expect(hint).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(DIAGRAM_GEOMETRY)["small"] == []
    assert region.evaluate("(r) => r.scrollWidth > r.clientWidth")
    region.focus()
    assert region.evaluate("(r) => getComputedStyle(r).outlineStyle") == "solid"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.flow__diagram-scroll').scrollLeft > 0")
    assert violations(page) == [], "a scrollable region is focusable and named"
    # On a desktop it is a little bigger than its own size.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(hint).to_be_hidden()
    assert page.evaluate(DIAGRAM_GEOMETRY)["scale"] > 1
    assert watch.external == [] and watch.console_errors == []
