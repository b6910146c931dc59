"""Flowchart layout and HTML: boxes never overlap, arrows join boxes, text is safe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import combinations, pairwise
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup
from hypothesis import event, given, settings
from hypothesis import strategies as st

from content.call_buttons import EmergencyNumber
from loading.author_errors import AuthorError
from support.words import ENGLISH
from test_flow_model import GOOD, SITE_CHART, parse
from widgets.flow_font import text_width
from widgets.flow_layout import (
    LABEL_SIZE,
    LINE_BOTTOM,
    LINE_HEIGHT,
    LINE_TOP,
    Box,
    describe,
    layout,
    line_width,
    plain_text,
)
from widgets.flow_model import Flowchart, parse_flowchart
from widgets.flow_render import TEMPLATE, render_flowchart, sentence
from widgets.render_types import Section

ROOT = Path(__file__).resolve().parents[2]
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))


def site_chart() -> Flowchart:
    return parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")


def render(text: str = GOOD) -> BeautifulSoup:
    chart = parse(text, "f.yml")
    section = lambda s: Section(f"About {s.anchor}", f"{s.page[:-3]}.html#{s.anchor}", "Page", f"{s.page[:-3]}.html")  # noqa: E731
    html = render_flowchart(ENV.get_template(TEMPLATE), chart, section, lambda h: h, None, words=ENGLISH)
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("chart", [site_chart(), parse(GOOD, "f.yml")], ids=["site", "small"])
def test_boxes_do_not_overlap_and_arrows_join_boxes(chart: Flowchart) -> None:
    diagram = layout(chart)
    for a, b in combinations(diagram.boxes, 2):
        apart = a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y
        assert apart, (a.id, b.id)
    tops = {(box.x, box.x + box.width, box.y) for box in diagram.boxes}
    bottoms = {(box.x, box.x + box.width, box.y + box.height) for box in diagram.boxes}
    for edge in diagram.edges:
        (x0, y0), (x1, y1) = edge.points[0], edge.points[-1]
        assert any(left < x0 < right and y0 == y for left, right, y in bottoms), "leaves a box's bottom"
        assert any(left < x1 < right and y1 == y for left, right, y in tops), "enters a box's top"
        assert all(x == x2 or y == y2 for (x, y), (x2, y2) in pairwise(edge.points)), "straight segments"
    assert all(box.x >= 0 and box.x + box.width <= diagram.width for box in diagram.boxes)
    assert all(box.y >= 0 and box.y + box.height <= diagram.height for box in diagram.boxes)


def test_the_site_diagram_is_portrait_for_a_page() -> None:
    diagram = layout(site_chart())
    assert diagram.height > diagram.width  # fits A4 portrait and a phone


def test_svg_has_real_text_and_an_accessible_name() -> None:
    svg = render().select_one("figure.flow__diagram svg")
    assert svg["role"] == "img"
    title_id, desc_id = str(svg["aria-labelledby"]).split()
    assert svg.find(id=title_id).get_text() == "Flowchart: Demo"
    assert svg.find(id=desc_id).get_text().startswith("1 question, asked in order,")
    texts = " ".join(t.get_text(" ") for t in svg.select("text"))
    for word in ("Is it bad?", "HIGH", "Get help", "LOW", "Rest", "Yes / Not sure", "No"):
        assert word in texts


def test_outcome_shapes_differ_by_level() -> None:
    soup = render()
    high = soup.select_one(".flow-svg__node--urgent path")["d"]
    low = soup.select_one(".flow-svg__node--self-care path")["d"]
    question = soup.select_one(".flow-svg__node--question path")["d"]
    assert len({high, low, question}) == 3
    assert "A" in low and "A" not in high  # a rounded pill, a cornered octagon


def test_text_version_lists_every_branch() -> None:
    text = render().select_one("details.flow__text")
    leads = [li.get_text("", strip=True) for li in text.select(".flow-text__leads > li")]
    assert text.select_one(".flow-text__question").get_text() == "Step 1: Is it bad?"
    assert leads == ["YesorNot sure:High: Get help.", "No:Low: Rest."]
    outcomes = [li.get_text(" ", strip=True) for li in text.select(".flow-text__outcome")]
    assert outcomes == ["High: Get help. Who: A doctor. When: Now.", "Low: Rest. Who: Nobody. When: Later."]


@pytest.mark.parametrize(
    ("text", "full"),
    [("Now", "Now."), ("Now. Do not wait to see if the signs pass.", "Now. Do not wait to see if the signs pass."),
     ("Today!", "Today!"), ("Is it?", "Is it?"), ("(Soon.)", "(Soon.)"), ("Your doctor (GP)", "Your doctor (GP).")],
)
def test_a_full_stop_is_added_only_where_none_is(text: str, full: str) -> None:
    assert sentence(text) == full


def site_render(numbers: tuple[EmergencyNumber, ...] = ()) -> BeautifulSoup:
    section = lambda s: Section(f"About {s.anchor}", f"{s.page[:-3]}.html#{s.anchor}", "Page", f"{s.page[:-3]}.html")  # noqa: E731
    template = ENV.get_template(TEMPLATE)
    html = render_flowchart(template, site_chart(), section, lambda h: h, None, numbers, words=ENGLISH)
    return BeautifulSoup(html, "html.parser")


def test_the_site_text_version_is_flat_numbered_steps_then_outcomes() -> None:
    text = site_render().select_one("details.flow__text")
    steps = text.select(".flow-text__steps > li")
    questions = [step.select_one(".flow-text__question").get_text() for step in steps]
    assert [q.split(":")[0] for q in questions] == ["Step 1", "Step 2", "Step 3", "Step 4", "Step 5"]
    assert questions[0] == (
        "Step 1: Has any one of these started suddenly: "
        "a face drooping on one side, a weak or numb arm, or slurred speech?"
    )
    # Flat: nothing nests a step inside a step, whatever the chart's depth.
    assert all(not step.select(".flow-text__step, .flow-text__steps") for step in steps)
    first = [li.get_text("", strip=True) for li in steps[0].select(".flow-text__leads > li")]
    assert first == ["YesorI’m not sure:Emergency: Call an ambulance now.", "No:go to step 2."]
    # Every "go to" is an in-page link to a step or an outcome of the list.
    ids = {el["id"] for el in text.select("[id]")}
    hrefs = [a["href"] for a in text.select(".flow-text__leads a")]
    assert len(hrefs) == 10 and all(href[0] == "#" and href[1:] in ids for href in hrefs)
    assert steps[0].select_one('a[href$="-text-stroke-signs"]') is None
    # Outcomes once each: the two urgent ones read the same here, so they are one entry.
    outcomes = [li.select_one("p strong").get_text() for li in text.select(".flow-text__outcome")]
    assert outcomes == ["Emergency: Call an ambulance now.", "Urgent: Contact a doctor today.",
                        "Routine: Book an appointment with your doctor.",
                        "Routine: Book an appointment with your doctor.",
                        "Self-care: Look after yourself at home."]
    assert ".." not in text.get_text()


NUMBERS = (EmergencyNumber("999", "UK"), EmergencyNumber("112", "EU"))


def test_the_emergency_outcome_leads_with_call_buttons_and_nothing_else_to_read() -> None:
    soup = site_render(NUMBERS)
    card = soup.select_one('.flow-outcome[data-node="emergency"] .care-card')
    after_heading = card.select_one(".care-card__title").find_next_sibling()
    assert after_heading["class"] == ["flow-outcome__call"]
    assert [a["href"] for a in after_heading.select("a.call-button")] == ["tel:999", "tel:112"]
    assert card.select(".flow-outcome__more, .flow-outcome__emergency") == []
    assert "even if it passes" not in card.get_text()
    for other in soup.select('.flow-outcome:not([data-node="emergency"]) .care-card'):
        assert not other.select(".call-button")
        assert len(other.select(".flow-outcome__emergency")) == 1 and other.select_one(".flow-outcome__more a")
    # The text version (the page without JavaScript) can call too.
    outcome = soup.select_one("details.flow__text .flow-text__outcome")
    assert [a["href"] for a in outcome.select("a.call-button")] == ["tel:999", "tel:112"]
    assert not site_render().select(".call-button"), "no numbers configured, no buttons"


def test_interface_parts_are_left_out_of_search() -> None:
    soup = site_render(NUMBERS)
    excluded = {" ".join(el.get("class") or [el.name]) for el in soup.select("[data-search-exclude]")}
    assert {"flow__summary", "flow__nav", "flow__status visually-hidden", "flow__data", "flow-step",
            "flow-outcome__call", "flow-outcome__emergency", "flow-outcome__note"} <= excluded
    assert not soup.select("details.flow__text[data-search-exclude], details.flow__text [data-search-exclude]")
    # A heading with an id becomes a search result of its own: none in the wizard, whose steps are hidden.
    assert soup.select(".flow__wizard :is(h2, h3, h4)[id]") == []


def test_outcomes_are_care_cards_with_everything_a_reader_needs() -> None:
    card = render().select_one('.flow-outcome[data-node="bad"] .care-card')
    assert "care-card--urgent" in card["class"]
    heading = card.select_one("h3.care-card__title")
    assert heading.get_text() == "High: Get help"
    text = card.get_text(" ", strip=True)
    for part in ("Who A doctor", "When Now", "Go.", "Call for help.", "Not a diagnosis."):
        assert part in text
    assert card.select_one(".flow-outcome__more a")["href"] == "page.html#a"


def test_wizard_steps_are_radio_fieldsets() -> None:
    step = render().select_one('fieldset.flow-step[data-node="first"]')
    assert step.select_one("legend h3").get_text() == "Is it bad?"
    assert [i["type"] for i in step.select("input")] == ["radio"] * 3
    assert [label.get_text() for label in step.select("label")] == ["Yes", "Not sure", "No"]
    # GOV.UK's error message, hidden until Continue is pressed with no answer.
    error = step.select_one(".widget-error__message")
    assert error.has_attr("hidden") and error.get_text(" ", strip=True) == "Error: Choose an answer to continue."
    assert error.select_one(".visually-hidden").get_text() == "Error: "
    assert "aria-describedby" not in step.attrs  # no help text here; the script adds the error's id
    helped = site_render().select_one('fieldset.flow-step[data-node="stroke-signs"]')
    assert helped["aria-describedby"] == helped.select_one(".flow-step__help")["id"]


def test_data_for_the_script() -> None:
    data = json.loads(render().select_one("template.flow__data").find("script").string)
    assert data == {
        "id": "demo", "start": "first", "next": {"first": ["bad", "bad", "fine"], "bad": None, "fine": None},
        "strings": {"change": "Change", "change_what": "your answer to: {question}", "result": "Result: {result}"},
    }


@pytest.mark.parametrize(
    "attack", ["<script>alert(1)</script>", "</script><img src=x onerror=alert(2)>", "[x](javascript:alert(3))"],
)
def test_author_text_stays_text(attack: str) -> None:
    quoted = json.dumps(attack)
    soup = render(
        GOOD.replace("question: Is it bad?", f"question: {quoted}")
        .replace("advice: Go.", f"advice: {quoted}")
        .replace("title: Demo", f"title: {quoted}"),
    )
    assert [s.get("type") for s in soup.find_all("script")] == ["application/json"]
    assert not soup.select("img, [onerror]")
    assert all(not str(a.get("href", "")).startswith("javascript") for a in soup.select("a"))
    json.loads(soup.select_one("template.flow__data").find("script").string)


# -----------------------------------------------------------------------------
# The diagram: text fits its shapes, Markdown shows as words, a true description
# -----------------------------------------------------------------------------

# Every care level, long German labels, Markdown and a word longer than a box.
GERMAN = """\
id: de
title: Sollte ich zum Arzt?
start: q1
levels:
  - id: self-care
    label: Selbstbehandlung zu Hause
  - id: routine
    label: Hausärztliche Sprechstunde
  - id: urgent
    label: Dringend, noch heute
  - id: emergency
    label: NOTFALL – SOFORT ANRUFEN
red_flag_minimum: routine
emergency_signs: Rufen Sie 112.
not_a_diagnosis: Keine Diagnose.
nodes:
  q1:
    question: Hängt **plötzlich** eine Gesichtshälfte herab? Siehe [Schlaganfall](page.md#a).
    answers:
      - label: Ja
        next: notfall
        red_flag: true
      - label: Ich bin mir nicht sicher
        next: notfall
        not_sure: true
      - label: Nein
        next: q2
  q2:
    question: Breitet sich das Zucken _immer weiter_ aus, über Wochen oder Monate hinweg?
    answers:
      - label: Ja
        next: dringend
        red_flag: true
      - label: Nein
        next: q3
  q3:
    question: Hält es seit Wochen an? `Donaudampfschifffahrtsgesellschaftskapitän`
    answers:
      - label: Ja
        next: praxis
      - label: Nein
        next: zuhause
  notfall:
    level: emergency
    action: Rufen Sie sofort einen Rettungswagen
    who: Rettungsdienst
    when: Sofort
    advice: Los.
    links: [page.md#a]
  dringend:
    level: urgent
    action: Wenden Sie sich noch heute an eine Ärztin oder einen Arzt
    who: Praxis
    when: Heute
    advice: Los.
    links: [page.md#a]
  praxis:
    level: routine
    action: Vereinbaren Sie einen Termin in Ihrer Hausarztpraxis
    who: Praxis
    when: Bald
    advice: Los.
    links: [page.md#a]
  zuhause:
    level: self-care
    action: Achten Sie zu Hause auf sich und beobachten Sie das Zucken
    who: Niemand
    when: Später
    advice: Los.
    links: [page.md#a]
"""
STROKE = 1.25  # half the outcome shapes' heavy line: text must clear it too


def inside_shape(box: Box, px: float, py: float) -> bool:
    """Whether a point is inside a box's outline by more than half its line, worked out afresh."""
    x, y = px - box.x, py - box.y
    w, h, c = box.width, box.height, box.corner
    if not (STROKE <= x <= w - STROKE and STROKE <= y <= h - STROKE):
        return False
    dx, dy = min(x, w - x), min(y, h - y)  # distance from the nearest sides
    if box.shape == "cut":
        return dx + dy >= c + STROKE * 2**0.5
    r = min(c, h / 2, w / 2)
    if dx >= r or dy >= r:
        return True
    from_corner: float = ((r - dx) ** 2 + (r - dy) ** 2) ** 0.5
    return from_corner <= r - STROKE


def line_boxes(box: Box) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """Each line of a box with its corners, as the browser draws it."""
    for index, line in enumerate(box.lines):
        baseline = box.baseline + index * LINE_HEIGHT
        width = line_width(line, level=index < box.level_lines)
        yield line, [(box.text_x + dx, baseline + dy) for dx in (0, width) for dy in (-LINE_TOP, LINE_BOTTOM)]


@pytest.mark.parametrize(
    "text", [GERMAN, GOOD, SITE_CHART.read_text(encoding="utf-8")], ids=["german", "small", "site"],
)
def test_every_line_fits_inside_its_shape(text: str) -> None:
    diagram = layout(parse(text, "f.flow.yml"))
    shapes = {(box.shape, box.corner > 3) for box in diagram.boxes}
    for box in diagram.boxes:
        for line, corners in line_boxes(box):
            assert all(inside_shape(box, px, py) for px, py in corners), (box.id, line, box.shape, box.corner)
    if text == GERMAN:
        assert shapes == {("round", False), ("round", True), ("cut", True)}  # plain, pill, cut and octagon
        assert {box.corner for box in diagram.boxes if box.shape == "cut"} == {8, 14}


def test_long_level_labels_wrap_as_bold_capitals() -> None:
    diagram = layout(parse(GERMAN, "f.flow.yml"))
    boxes = {box.id: box for box in diagram.boxes}
    emergency = boxes["notfall"]
    assert " ".join(emergency.lines[: emergency.level_lines]) == "NOTFALL – SOFORT ANRUFEN"
    assert emergency.level_lines >= 2, "too wide for one line in bold capitals"
    # A word longer than the box is broken with a hyphen, not left to overflow.
    assert "".join(line.removesuffix("-") for line in boxes["zuhause"].lines[:2]).startswith("SELBSTBEHANDLUNG")
    assert any(line.endswith("-") for line in boxes["q3"].lines)
    soup = render(GERMAN)
    levels = [t.get_text() for t in soup.select(".flow-svg__node--emergency tspan.flow-svg__level")]
    assert levels == list(emergency.lines[: emergency.level_lines])
    first_words = soup.select_one(".flow-svg__node--emergency tspan:not(.flow-svg__level)").get_text()
    assert first_words == emergency.lines[emergency.level_lines]


def test_the_width_measure_knows_bold_capitals_are_wider() -> None:
    assert line_width("NOTFALL", level=True) > line_width("NOTFALL") > line_width("notfall")
    assert line_width("ab") == pytest.approx(line_width("a") + line_width("b"))


def test_answer_labels_clear_boxes_and_arrows() -> None:
    for text in (GERMAN, SITE_CHART.read_text(encoding="utf-8"), GOOD.replace(
        "label: Not sure", "label: I am really not at all sure",
    )):
        diagram = layout(parse(text, "f.flow.yml"))
        segments = [(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
                    for edge in diagram.edges for a, b in pairwise(edge.points)]
        rects = segments + [(b.x, b.y, b.x + b.width, b.y + b.height) for b in diagram.boxes]
        for edge in diagram.edges:
            x, first = edge.label_at
            assert " ".join(edge.label_lines) == edge.label
            width = max(text_width(line, LABEL_SIZE) for line in edge.label_lines)
            top, bottom = first - LINE_TOP, first + (len(edge.label_lines) - 1) * LINE_HEIGHT + LINE_BOTTOM
            assert x >= 0 and x + width <= diagram.width, edge.label
            hits = [r for r in rects if r[0] < x + width and r[2] > x and r[1] < bottom and r[3] > top]
            assert hits == [], edge.label


def test_a_label_with_no_room_wraps_and_the_layer_makes_room() -> None:
    long = GOOD.replace("label: Not sure", "label: I am not sure, or it comes and goes")
    diagram = layout(parse(long, "f.flow.yml"))
    edge = next(e for e in diagram.edges if "goes" in e.label)
    assert len(edge.label_lines) >= 2
    short = layout(parse(GOOD, "f.flow.yml"))
    assert diagram.height >= short.height + (len(edge.label_lines) - 1) * LINE_HEIGHT


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [("Has it lasted **weeks**?", "Has it lasted weeks?"), ("An _odd_ *one*", "An odd one"),
     ("See [the NHS page](https://www.nhs.uk/) now", "See the NHS page now"),
     ("`code` and \\*stars\\*", "code and *stars*"),
     ("Tom & Jerry <b>", "Tom & Jerry <b>"), ("snake_case_word", "snake_case_word"), ("Plain text", "Plain text")],
)
def test_markdown_shows_as_plain_words(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain


def test_the_diagram_shows_no_markdown_marks_and_escapes_what_is_left() -> None:
    question = "Is it **bad** or _worse_? See [the page](page.md#a) <img src=x onerror=alert(1)>"
    soup = render(GOOD.replace("question: Is it bad?", f"question: {json.dumps(question)}"))
    words = " ".join(t.get_text() for t in soup.select(".flow-svg__node--question tspan"))
    assert words.startswith("Is it bad or worse? See the page")
    assert not any(mark in words for mark in ("**", "_", "[", "]("))
    assert "<img" in words and not soup.select("svg img, [onerror]")  # shown as text, never as markup


def test_the_description_is_written_from_the_data() -> None:
    assert describe(site_chart(), ENGLISH) == (
        "5 questions, asked in order, each answered Yes, I’m not sure or No, lead to "
        "6 possible outcomes at care levels from Self-care to Emergency."
    )
    assert describe(parse(GERMAN, "f.flow.yml"), ENGLISH) == (
        "3 questions, asked in order, answered Ja, Ich bin mir nicht sicher or Nein, lead to "
        "4 possible outcomes at care levels from Selbstbehandlung zu Hause to NOTFALL – SOFORT ANRUFEN."
    )
    # Yes or No only, and no emergency level: the words follow.
    yes_no = GOOD.replace("      - label: Not sure\n        next: bad\n        not_sure: true\n", "")
    assert describe(parse(yes_no, "f.flow.yml"), ENGLISH) == (
        "1 question, asked in order, each answered Yes or No, lead "
        "to 2 possible outcomes at care levels from Low to High."
    )
    desc = render().select_one("svg desc").get_text()
    assert desc.startswith(describe(parse(GOOD, "f.yml"), ENGLISH) + " ")


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # YAML reads JSON strings; no \u escapes to refuse


WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None)
@given(question=WORDS, label=WORDS, action=WORDS, answer=WORDS)
def test_any_words_fit_their_shapes(question: str, label: str, action: str, answer: str) -> None:
    text = (GOOD.replace("question: Is it bad?", f"question: {quoted(question)}")
            .replace("label: High", f"label: {quoted(label)}").replace("action: Get help", f"action: {quoted(action)}")
            .replace("label: Not sure", f"label: {quoted(answer)}"))
    try:
        chart = parse(text, "f.flow.yml")
    except AuthorError:
        event("refused by the model")
        return  # e.g. blank after trimming, or the same as another label: the model says so
    diagram = layout(chart)
    for box in diagram.boxes:
        for line, corners in line_boxes(box):
            assert all(inside_shape(box, px, py) for px, py in corners), (box.id, line)
    assert all(edge.label_at[0] >= 0 for edge in diagram.edges)
