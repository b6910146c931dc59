"""Every state of the quiz and of the flowchart, reached by clicking as a reader would."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import Locator, Page

import capture
from sheet import Group, Section, Sheet

QUIZ_PAGE = "quiz.html"
QUIZ = ".quiz"
CURRENT = ".quiz-question:not([hidden])"
FLOW_PAGE = "should-i-see-a-doctor.html"
WIZARD = ".flow__wizard"
STEP = ".flow-step:not([hidden])"
OUTCOME = ".flow-outcome:not([hidden])"
# The states are shown on a phone in light mode and on a desktop in dark mode.
SETTINGS = [("Phone 360×740, light", 360, 740, "light"), ("Desktop 1280×800, dark", 1280, 800, "dark")]
FORGET = "Object.keys(localStorage).filter((k) => k.startsWith('quiz:')).forEach((k) => localStorage.removeItem(k))"
# The live regions speak after a short delay (so screen readers hear a change).
SPOKEN = 200
# A local site answers at once: a hook that is not there fails in 5 s, and
# after this many broken paths in a row the walk stops waiting.
TIMEOUT = 5_000
GIVE_UP = 3


def template_json(page: Page, selector: str) -> dict:
    """The JSON a widget carries in its <template>."""
    return json.loads(page.locator(selector).first.evaluate("(t) => t.content.querySelector('script').textContent"))


def press(scope: Locator, hook: str, name: str) -> None:
    """Click a visible button by its data hook, else by its role and name."""
    target = scope.locator(hook).filter(visible=True)
    if target.count() == 0:
        target = scope.get_by_role("button", name=name).filter(visible=True)
    target.first.click()


def spoken(page: Page, selector: str) -> str:
    """What a widget's live region says, for the caption."""
    page.wait_for_timeout(SPOKEN)
    said = " ".join((page.locator(selector).first.text_content() or "").split())
    return f' (live region: "{said}")' if said else " (live region silent)"


# ---------------------------------------------------------------- the quiz


def fresh_quiz(page: Page, url: str) -> dict:
    """The quiz page with no saved progress; its data."""
    # Storage is per site, so forgetting it from whatever page is open saves a load.
    if page.url.startswith(url):
        page.evaluate(FORGET)
        page.goto(url + QUIZ_PAGE)
    else:
        page.goto(url + QUIZ_PAGE)
        page.evaluate(FORGET)
        page.reload()
    page.locator(CURRENT).first.wait_for()
    return template_json(page, f"{QUIZ} .quiz__data")


def answer(page: Page, question: dict, *, right: bool) -> None:
    """Choose the right answer(s), or one wrong one, and check."""
    current = page.locator(QUIZ).first.locator(CURRENT)
    values = current.locator("input").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    wanted = question["correct"] if right else [next(v for v in values if v not in question["correct"])]
    for value in wanted if question["multiple"] else wanted[:1]:
        current.locator(f'input[value="{value}"]').check()
    press(current, '[data-quiz-action="check"]', "Check answer")


def next_question(page: Page) -> None:
    press(page.locator(QUIZ).first.locator(CURRENT), '[data-quiz-action="next"]', "Next question")


def quiz_states(page: Page, url: str, group: Group, sheet: Sheet, tag: str) -> None:
    """Fresh, empty check, right, wrong and results; each reached from a fresh start."""
    quiz = page.locator(QUIZ).first

    def fresh() -> bytes:
        fresh_quiz(page, url)
        return capture.region(page, quiz)

    def empty() -> tuple[bytes, str]:
        fresh_quiz(page, url)
        press(quiz.locator(CURRENT), '[data-quiz-action="check"]', "Check answer")
        return capture.region(page, quiz), spoken(page, ".quiz__status")

    def right() -> tuple[bytes, str]:
        data = fresh_quiz(page, url)
        answer(page, data["questions"][0], right=True)
        return capture.region(page, quiz), spoken(page, ".quiz__status")

    def wrong() -> tuple[bytes, str]:
        data = fresh_quiz(page, url)
        answer(page, data["questions"][0], right=True)
        next_question(page)
        answer(page, data["questions"][1], right=False)
        return capture.region(page, quiz), spoken(page, ".quiz__status")

    def results() -> tuple[bytes, str]:
        data = fresh_quiz(page, url)
        questions = data["questions"]
        # Two misses, so the table shows both "All right" and "Review" rows.
        missed = {questions[1]["id"], questions[-1]["id"]}
        for question in questions:
            answer(page, question, right=question["id"] not in missed)
            next_question(page)
        quiz.locator(".quiz__results").wait_for()
        return capture.region(page, quiz), f" ({len(questions) - len(missed)} of {len(questions)} right)"

    states: list[tuple[str, str, Callable[[], bytes | tuple[bytes, str]]]] = [
        ("fresh", "fresh", fresh), ("empty", "check with nothing chosen", empty),
        ("right", "question 1 answered right", right), ("wrong", "question 2 answered wrong", wrong),
        ("results", "results", results),
    ]
    for number, (name, caption, make) in enumerate(states, start=1):
        sheet.add(group, caption, f"quiz/{tag}-{number}-{name}.png", make)


# ----------------------------------------------------------- the flowchart


def every_path(data: dict) -> list[list[int]]:
    """Every way through the chart, as answer indices (the JSON's next lists)."""
    found: list[list[int]] = []

    def walk(node: str, answers: list[int]) -> None:
        following = data["next"][node]
        if following is None or len(answers) > 50:
            found.append(answers)
            return
        for index, child in enumerate(following):
            walk(child, [*answers, index])

    walk(data["start"], [])
    return found


def fresh_flow(page: Page, url: str, *, load: bool = True) -> dict:
    """The flowchart page at its start; its data. Without load, "Start again" does it if it can."""
    restart = page.locator(f'{WIZARD} [data-flow-action="restart"]').filter(visible=True)
    if load or page.url.split("#")[0] != url + FLOW_PAGE or restart.count() == 0:
        page.goto(url + FLOW_PAGE)  # no hash, so a full load
    else:
        restart.first.click()
    page.locator(WIZARD).first.wait_for()  # flowchart.js has shown the wizard
    return template_json(page, ".flow .flow__data")


def choose(page: Page, index: int) -> str:
    """Choose the answer at index in the current step and continue; return its label."""
    step = page.locator(f"{WIZARD} {STEP}").first
    radio = step.locator('input[type="radio"]').nth(index)
    label = " ".join((step.locator(f'label[for="{radio.get_attribute("id")}"]').text_content() or "").split())
    radio.check()
    press(page.locator(WIZARD).first, '[data-flow-action="continue"]', "Continue")
    return label


def shown_node(page: Page, node: str) -> Locator:
    """Wait until the wizard shows node; return it."""
    shown = page.locator(f'{WIZARD} [data-node="{node}"]:not([hidden])').first
    shown.wait_for()
    return shown


def describe(page: Page, node: Locator) -> str:
    """A question's text, or an outcome's level and action."""
    title = node.locator(".flow-step__title, .care-card__title").first
    return " ".join((title.text_content() or "").split())


def flow_states(page: Page, url: str, section: Section, sheet: Sheet, setting: str, tag: str) -> None:
    """Each step and each outcome along every path, then the summary, an empty Continue, the text version."""
    steps = section.group(f"Steps: {setting}")
    outcomes = section.group(f"Outcomes: {setting}")
    others = section.group(f"Other states: {setting}")
    wizard = page.locator(WIZARD).first
    try:
        data = fresh_flow(page, url)
        paths = every_path(data)
    except Exception as error:  # no data, no walk: say so and carry on
        sheet.fail(steps, "the flowchart's data", error)
        return
    seen: set[str] = set()

    def record(node: str, labels: list[str]) -> None:
        if node in seen:
            return
        seen.add(node)
        shown = shown_node(page, node)
        is_outcome = data["next"].get(node) is None
        path = " → ".join(labels) if labels else "start"
        caption = f"{describe(page, shown)} (after: {path})"
        sheet.add(
            outcomes if is_outcome else steps, caption, f"flow/{tag}-{node}.png", lambda: capture.region(page, wizard),
        )

    failed = 0
    for path in paths:
        if failed == GIVE_UP:
            sheet.fail(outcomes, "the remaining paths", f"not walked: {GIVE_UP} paths in a row failed")
            break
        labels: list[str] = []
        try:
            fresh_flow(page, url, load=False)
            node = data["start"]
            record(node, labels)
            for index in path:
                labels.append(choose(page, index))
                node = data["next"][node][index]
                record(node, labels)
            failed = 0
        except Exception as error:  # one broken path must not hide the others
            failed += 1
            sheet.fail(
                outcomes, f"path {'.'.join(map(str, path))} (stopped after: {' → '.join(labels) or 'start'})", error,
            )

    longest = max(paths, key=len)

    def summary() -> tuple[bytes, str]:
        fresh_flow(page, url, load=False)
        labels = [choose(page, index) for index in longest[:-1]]
        return capture.region(page, wizard.locator(".flow__summary")), f" after {len(labels)} answers"

    def empty() -> tuple[bytes, str]:
        fresh_flow(page, url)
        press(wizard, '[data-flow-action="continue"]', "Continue")
        return capture.region(page, wizard), spoken(page, ".flow__status")

    def text_version() -> bytes:
        fresh_flow(page, url)
        details = page.locator(".flow .flow__text").first
        details.locator("summary").first.click()
        page.wait_for_function("() => document.querySelector('.flow .flow__text').open")
        return capture.region(page, details)

    def diagram() -> bytes:
        fresh_flow(page, url)
        return capture.region(page, page.locator(".flow .flow__diagram").first)

    sheet.add(others, '"Your answers so far" summary', f"flow/{tag}-summary.png", summary)
    sheet.add(others, "Continue with nothing chosen", f"flow/{tag}-empty.png", empty)
    sheet.add(others, "The whole flowchart as text, opened", f"flow/{tag}-text.png", text_version)
    sheet.add(others, "The diagram", f"flow/{tag}-diagram.png", diagram)
    unseen = [node for node in data["next"] if node not in seen]
    if unseen:
        sheet.fail(outcomes, "nodes no path reached", ", ".join(unseen))


def shoot(page: Page, url: str, sheet: Sheet) -> None:
    """Both widgets in each setting, on one reused page."""
    quiz = sheet.section("Quiz states", f"The quiz on {QUIZ_PAGE}, each state reached from a fresh start by "
                         "clicking its radio buttons and buttons. Captions quote the live region.")
    flow = sheet.section("Flowchart states", f"The wizard on {FLOW_PAGE}: every step and outcome, reached by "
                         "walking every path through the chart's JSON with clicks on answers and Continue.")
    page.set_default_timeout(TIMEOUT)
    for setting, width, height, scheme in SETTINGS:
        tag = f"{width}-{scheme}"
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme=scheme)
        quiz_states(page, url, quiz.group(setting), sheet, tag)
        print(f"  quiz: {setting}", flush=True)
        flow_states(page, url, flow, sheet, setting, tag)
        print(f"  flowchart: {setting}", flush=True)
    page.emulate_media(color_scheme="light")
