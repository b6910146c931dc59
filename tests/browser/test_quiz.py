"""The quiz as a reader uses it: keyboard, feedback, saved progress, retry, print."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from conftest import BOTH_SCHEMES, WITHOUT_OFFLINE_JS, Judge, SchemeWalk, Walk
from support.browser import Watch, settle_scroll
from support.sitebuild import BuildResult
from test_every_page import violations

QUIZ_PAGE = "quiz.html"
CURRENT = ".quiz-question:not([hidden])"


# The tests here drive the widget: without offline.js, whose notice would take a tap (conftest).
OFFLINE_JS = False


def quiz_data(page: Page) -> dict:
    return json.loads(
        page.locator("#quiz-mouth-twitches .quiz__data").evaluate(
            "(t) => t.content.querySelector('script').textContent",
        ),
    )


def focused(page: Page) -> str:
    """A short description of the focused element, for assertions."""
    return page.evaluate("(() => { const e = document.activeElement; return e.tagName "
                         "+ ':' + (e.textContent || '').trim().slice(0, 40); })()")


def answer_by_keyboard(page: Page, question: dict, *, right: bool) -> None:
    """From the question's heading, choose with Tab, arrows and Space, then check."""
    options = page.locator(f"{CURRENT} input").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    if question["multiple"]:
        wanted = question["correct"] if right else [next(o for o in options if o not in question["correct"])]
        for value in options:
            page.keyboard.press("Tab")
            if value in wanted:
                page.keyboard.press("Space")
    else:
        wanted = question["correct"][0] if right else next(o for o in options if o not in question["correct"])
        page.keyboard.press("Tab")  # onto the radio group
        index = options.index(wanted)
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        # Arrow keys only move the choice: nothing is checked yet.
        expect(page.locator(f"{CURRENT} .quiz-answer")).to_be_hidden()
    page.keyboard.press("Tab")
    assert focused(page) == "BUTTON:Check answer"
    page.keyboard.press("Enter")


def test_the_whole_quiz_by_keyboard(watched: tuple[Page, Watch], site_url: str) -> None:
    page, watch = watched
    page.goto(site_url + QUIZ_PAGE)
    data = quiz_data(page)
    missed = {data["questions"][1]["id"], data["questions"][-1]["id"]}
    page.locator(f"{CURRENT} .quiz-question__title").focus()  # where Tab from the page top lands
    for number, question in enumerate(data["questions"], start=1):
        expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text(
            f"Question {number} of {len(data['questions'])}",
        )
        answer_by_keyboard(page, question, right=question["id"] not in missed)
        assert focused(page).startswith("BUTTON:"), "focus moves to the next step"
        page.keyboard.press("Enter")
        if number < len(data["questions"]):
            assert focused(page) == f"H3:Question {number + 1} of {len(data['questions'])}"
    results = page.locator(".quiz__results")
    expect(results).to_be_visible()
    assert page.evaluate("document.activeElement.classList.contains('quiz__results')")
    settle_scroll(page)  # the scroll up to the results, then Material's fade-in
    assert page.evaluate(COVERED_BY_BACK_TO_TOP) is None, "Back to top covers the results"
    total = len(data["questions"])
    expect(results.locator(".quiz__score")).to_have_text(f"You got {total - 2} of {total} right.")
    rows = results.locator("tbody tr")
    expected = {}
    for question in data["questions"]:
        right, count = expected.get(question["page"], (0, 0))
        expected[question["page"]] = (right + (question["id"] not in missed), count + 1)
    assert rows.count() == len(expected) == 4
    for index in range(rows.count()):
        section, score, review = rows.nth(index).locator("td").all_inner_texts()
        right, count = expected[section]
        assert score == f"{right} of {count}"
        if right == count:
            assert review == "All right"
        else:  # shows "Review" beside the section's name; says which when read out alone
            link = rows.nth(index).locator("td a")
            expect(link).to_have_accessible_name(f"Review {section}")
            assert link.evaluate("(a) => a.firstChild.textContent") == "Review"
        # At 360 px a score stays on one line: one box for its text, not "5 of" over "6".
        lines = rows.nth(index).locator("td").nth(1).evaluate("(td) => { const r = document.createRange(); "
                                                              "r.selectNodeContents(td); return "
                                                              "r.getClientRects().length; }")
        assert lines == 1, f"{section}: the score wraps"
    assert watch.external == [] and watch.console_errors == []


def test_a_wrong_answer_explains_itself_out_loud(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + QUIZ_PAGE)
    question = quiz_data(page)["questions"][0]
    page.locator(f"{CURRENT} .quiz-question__title").focus()
    answer_by_keyboard(page, question, right=False)
    current = page.locator(CURRENT)
    expect(page.locator(".quiz__status")).to_have_text("Not quite. The answer is: A "
                                                       "fasciculation. Score so far: 0 of 1.")
    expect(current.locator(".quiz-answer__verdict")).to_have_text("Not quite.")
    expect(current.locator(".quiz-option.is-wrong .quiz-option__mark")).to_have_text("✗ Your answer: wrong")
    expect(current.locator(".quiz-option.is-right .quiz-option__mark")).to_have_text("✓ Right answer")
    expect(current.locator(".quiz-answer__explanation")).to_be_visible()
    expect(current.locator(".quiz-answer__more a")).to_have_attribute(
        "href", re.compile(r"(^|/)how-twitches-happen\.html#how-a-nerve-makes-a-muscle-move$")
    )
    # The explanation comes first, then the way on: in reading order and on screen.
    feedback, next_button = current.locator(".quiz-answer"), current.locator('[data-quiz-action="next"]')
    assert feedback.evaluate(
        "(a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
        next_button.element_handle(),
    )
    above, below = feedback.bounding_box(), next_button.bounding_box()
    assert above and below and above["y"] + above["height"] <= below["y"]
    expect(page.locator('.quiz__reset [data-quiz-action="restart"]')).to_be_visible()  # now there is an answer


def in_viewport(page: Page, selector: str) -> dict:
    """The element's box, asserted non-empty and wholly inside the viewport."""
    box = page.locator(selector).bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, f"{selector} has no size"
    view = page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0, f"{selector} starts outside the viewport"
    inside = box["x"] + box["width"] <= view["width"] and box["y"] + box["height"] <= view["height"]
    assert inside, f"{selector} ends outside the viewport"
    return box


def test_checking_with_nothing_chosen_shows_an_error_by_the_question(
    watched: tuple[Page, Watch], site_url: str
) -> None:
    page, _ = watched
    page.goto(site_url + QUIZ_PAGE)
    fieldset = page.locator(f"{CURRENT} fieldset")
    error = page.locator(f"{CURRENT} .widget-error__message")
    expect(error).to_be_hidden()
    expect(page.locator(".quiz__reset")).to_be_hidden()  # nothing to start again yet
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    expect(error).to_be_visible()
    in_viewport(page, f"{CURRENT} .widget-error__message")
    # Not colour alone: the words, bold, a bar beside the question, and "Error:" for screen readers.
    expect(error).to_have_text("Error: Choose an answer, then check it.")
    expect(error.locator(".visually-hidden")).to_have_text("Error:")
    assert error.evaluate("(e) => getComputedStyle(e).fontWeight") == "700"
    assert fieldset.evaluate("(e) => parseFloat(getComputedStyle(e).borderInlineStartWidth)") >= 3
    ids = fieldset.get_attribute("aria-describedby").split()
    assert error.get_attribute("id") in ids and ids[0].endswith("-hint")
    expect(page.locator(".quiz__status")).to_have_text("Error: Choose an answer, then check it.")
    expect(page.locator(f"{CURRENT} .quiz-answer")).to_be_hidden()
    # Choosing clears it, from the fieldset's description too.
    page.locator(f"{CURRENT} input").first.check()
    expect(error).to_be_hidden()
    assert error.get_attribute("id") not in fieldset.get_attribute("aria-describedby").split()
    assert fieldset.evaluate("(e) => parseFloat(getComputedStyle(e).borderInlineStartWidth)") == 0


# What of the focused element Material's "Back to top" button covers, if it shows.
COVERED_BY_BACK_TO_TOP = """() => {
  const top = document.querySelector(".md-top");
  const style = top && getComputedStyle(top);
  if (!top || top.hidden || style.visibility === "hidden" || parseFloat(style.opacity) === 0) return null;
  const a = top.getBoundingClientRect(), b = document.activeElement.getBoundingClientRect();
  const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return overlap ? document.activeElement.outerHTML.slice(0, 80) : null;
}"""


@pytest.mark.parametrize("viewport", [(360, 740), (1280, 800)], ids=["phone", "desktop"])
def test_back_to_top_never_covers_where_focus_lands(browser: Browser, site_url: str, viewport: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    context.add_init_script(WITHOUT_OFFLINE_JS)
    page = context.new_page()
    page.goto(site_url + "everyday-triggers.html")
    quiz = page.locator("#quiz-everyday-triggers")
    data = json.loads(quiz.locator(".quiz__data").evaluate("(t) => t.content.querySelector('script').textContent"))
    current = quiz.locator(".quiz-question:not([hidden])")
    for number, question in enumerate(data["questions"], start=1):
        current.locator(f'input[value="{question["correct"][0]}"]').check()
        for action in ("check", "next"):
            current.locator(f'[data-quiz-action="{action}"]').click()
            settle_scroll(page)  # the scroll, then Material's fade-in
            assert page.evaluate(COVERED_BY_BACK_TO_TOP) is None, f"question {number}, after {action}"
    expect(quiz.locator(".quiz__results")).to_be_focused()
    context.close()


def click_answer(page: Page, value: str) -> None:
    """Answer the question shown with value, check it, and go on; each step seen to take effect."""
    question = page.locator(CURRENT, has=page.locator(f'input[value="{value}"]'))
    asked = question.get_attribute("data-question")
    shown = page.locator(f'.quiz-question[data-question="{asked}"]')
    shown.locator(f'input[value="{value}"]').check()
    shown.locator('[data-quiz-action="check"]').click()
    expect(shown.locator(".quiz-answer__verdict")).to_be_visible()
    shown.locator('[data-quiz-action="next"]').click()
    expect(shown).to_be_hidden()


def test_reload_restores_progress_and_reset_clears_it(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + QUIZ_PAGE)
    data = quiz_data(page)
    for question in data["questions"][:3]:
        click_answer(page, question["correct"][0])
    page.reload()
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text(f"Question 4 of {len(data['questions'])}")
    expect(page.locator(".quiz__progress")).to_have_attribute("value", "3")
    page.locator('.quiz__reset [data-quiz-action="restart"]').click()
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text(f"Question 1 of {len(data['questions'])}")
    assert page.evaluate("localStorage.getItem('quiz:mouth-twitches')") is not None  # the fresh start is saved
    page.reload()
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text(f"Question 1 of {len(data['questions'])}")
    expect(page.locator(f"{CURRENT} input:checked")).to_have_count(0)


def test_retry_asks_only_the_missed_questions(watched: tuple[Page, Watch], site_url: str) -> None:
    page, _ = watched
    page.goto(site_url + "how-twitches-happen.html")
    quiz = page.locator("#quiz-how-twitches-happen")
    data = json.loads(quiz.locator(".quiz__data").evaluate("(t) => t.content.querySelector('script').textContent"))
    for index, question in enumerate(data["questions"]):
        options = quiz.locator(".quiz-question:not([hidden]) input").evaluate_all("(i) => i.map((x) => x.value)")
        value = question["correct"][0] if index != 1 else next(o for o in options if o not in question["correct"])
        quiz.locator(f'.quiz-question:not([hidden]) input[value="{value}"]').check()
        quiz.locator('.quiz-question:not([hidden]) [data-quiz-action="check"]').click()
        quiz.locator('.quiz-question:not([hidden]) [data-quiz-action="next"]').click()
    quiz.locator('[data-quiz-action="retry"]').click()
    current = quiz.locator(".quiz-question:not([hidden])")
    expect(current).to_have_attribute("data-question", data["questions"][1]["id"])
    expect(current.locator(".quiz-question__title")).to_have_text("Question 1 of 1")
    current.locator(f'input[value="{data["questions"][1]["correct"][0]}"]').check()
    current.locator('[data-quiz-action="check"]').click()
    current.locator('[data-quiz-action="next"]').click()
    expect(quiz.locator(".quiz__score")).to_have_text("You got 1 of 1 right.")
    expect(quiz.locator('[data-quiz-action="retry"]')).to_be_hidden()
    expect(quiz.locator('[data-quiz-action="restart"]:visible')).to_have_count(1)


@pytest.mark.parametrize(
    "stored",
    ["{not json", '{"order": ["nope"], "at": 0, "answers": {}}', '"just a string"', '{"order": [], "at": -1}'],
)
def test_corrupt_saved_progress_is_ignored(watched: tuple[Page, Watch], site_url: str, stored: str) -> None:
    page, watch = watched
    page.goto(site_url + "index.html")
    page.evaluate("(value) => localStorage.setItem('quiz:mouth-twitches', value)", stored)
    page.goto(site_url + QUIZ_PAGE)
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text("Question 1 of 20")
    click_answer(page, quiz_data(page)["questions"][0]["correct"][0])
    assert watch.console_errors == []


def test_the_quiz_works_without_storage(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(WITHOUT_OFFLINE_JS)
    # As in some private modes: every use of localStorage throws.
    context.add_init_script("Object.defineProperty(window, 'localStorage', { get() { throw new Error('denied'); } });")
    page = context.new_page()
    errors: list[str] = []
    # Material's own scripts stumble too; only errors from the quiz count here.
    page.on("pageerror", lambda error: "quiz.js" in (error.stack or "") and errors.append(str(error)))
    page.goto(site_url + QUIZ_PAGE)
    click_answer(page, quiz_data(page)["questions"][0]["correct"][0])
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text("Question 2 of 20")
    assert errors == []
    context.close()


def quiz_states(page: Page, site_url: str, judge: Judge) -> None:
    page.goto(site_url + QUIZ_PAGE)
    data = quiz_data(page)
    judge("fresh", violations)
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    expect(page.locator(f"{CURRENT} .widget-error__message")).to_be_visible()
    judge("checked with nothing chosen", violations)
    page.locator(f'{CURRENT} input[value="{data["questions"][0]["correct"][0]}"]').check()
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    judge("answered right", violations)
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    values = page.locator(f"{CURRENT} input").evaluate_all("(i) => i.map((x) => x.value)")
    wrong = next(v for v in values if v not in data["questions"][1]["correct"])
    page.locator(f'{CURRENT} input[value="{wrong}"]').check()
    page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
    judge("answered wrong", violations)
    page.locator(f'{CURRENT} [data-quiz-action="next"]').click()
    for question in data["questions"][2:]:
        click_answer(page, question["correct"][0])
    expect(page.locator(".quiz__results")).to_be_visible()
    judge("results", violations)


@BOTH_SCHEMES
def test_no_axe_violations_in_any_state(in_both_schemes: Callable[[Walk], SchemeWalk], scheme: str) -> None:
    for state, found in in_both_schemes(quiz_states).found[scheme]:
        assert found == [], state


def test_without_javascript_every_answer_is_one_click_away(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + QUIZ_PAGE)
    questions = page.locator("li.quiz-question")
    expect(questions).to_have_count(20)
    for index in range(questions.count()):
        expect(questions.nth(index)).to_be_visible()
    first = questions.first
    expect(first.locator(".quiz-answer__correct")).to_be_hidden()
    first.locator("summary", has_text="Show answer").click()
    expect(first.locator(".quiz-answer__correct")).to_have_text("Answer: A fasciculation")
    expect(page.locator('[data-quiz-action="check"]').first).to_be_hidden()
    context.close()


def test_the_quiz_works_from_disk(browser: Browser, real_site: BuildResult) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((real_site.site_dir / QUIZ_PAGE).as_uri())
    click_answer(page, quiz_data(page)["questions"][0]["correct"][0])
    expect(page.locator(f"{CURRENT} .quiz-question__title")).to_have_text("Question 2 of 20")
    assert errors == []
    page.close()


def pdf_pages(page: Page) -> list[str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [p.extract_text() for p in reader.pages]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_it_prints_as_a_worksheet_then_an_answer_key(browser: Browser, site_url: str, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    context.add_init_script(WITHOUT_OFFLINE_JS)
    page = context.new_page()
    page.goto(site_url + QUIZ_PAGE)
    if javascript:  # an answered question still prints as an empty worksheet, with no error left over
        click_answer(page, quiz_data(page)["questions"][0]["correct"][0])
        page.locator(f'{CURRENT} [data-quiz-action="check"]').click()
        expect(page.locator(f"{CURRENT} .widget-error__message")).to_be_visible()
    texts = pdf_pages(page)
    text = "\n".join(texts)
    key_page = next(i for i, t in enumerate(texts) if "Answer key: Mouth twitches quiz" in t)
    last_question = next(i for i, t in enumerate(texts) if "What should you do?" in t)
    assert key_page > last_question, "the answer key starts after the questions"
    assert "What is the scientific name" not in texts[key_page], "the key starts on a page of its own"
    for interface in ("Check answer", "Next question", "Start again", "Show answer", "Your answer:", "Right answer",
                      "Retry", "Choose an answer, then"):
        assert interface not in text, interface
    context.close()
