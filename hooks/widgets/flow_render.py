"""Flowchart to HTML (wizard, SVG diagram, text version) through a Jinja template."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from content.call_buttons import EmergencyNumber, call_buttons_html
from content.care_cards import TITLE_CLASS, card_classes
from language.catalogue import Catalogue
from widgets.flow_layout import LINE_HEIGHT, Box, describe, layout
from widgets.flow_model import Flowchart, FlowQuestion, Outcome
from widgets.render_types import Assets, SectionResolver
from widgets.safe_markdown import LinkResolver, MarkdownRenderer

TEMPLATE = "partials/flowchart.html"

# What flowchart.js shows and says (catalogue keys under flow.), sent in the chart's data.
SCRIPT_WORDS = ("change", "change_what", "result")

# The shared care level (see README) whose outcome gets the call buttons.
EMERGENCY = "emergency"


def shape(box: Box) -> str:
    """An SVG path for a box, as flow_layout shaped it (and fitted its text to)."""
    x, y, w, h, c = box.x, box.y, box.width, box.height, box.corner
    if box.shape == "round":
        return _rounded(x, y, w, h, c)
    return _path(
        "M", x + c, ",", y, " H", x + w - c, " L", x + w, ",", y + c, " V", y + h - c,
        " L", x + w - c, ",", y + h, " H", x + c, " L", x, ",", y + h - c, " V", y + c, " Z",
    )


def _rounded(x: float, y: float, w: float, h: float, r: float) -> str:
    r = min(r, h / 2, w / 2)
    arc = ("A", r, ",", r, " 0 0 1 ")
    return _path(
        "M", x + r, ",", y, " H", x + w - r, " ", *arc, x + w, ",", y + r, " V", y + h - r, " ",
        *arc, x + w - r, ",", y + h, " H", x + r, " ", *arc, x, ",", y + h - r, " V", y + r, " ",
        *arc, x + r, ",", y, " Z",
    )


def _path(*parts: str | float) -> str:
    """Path data with numbers to 2 decimals: sums of floats would print 17 digits."""
    return "".join(part if isinstance(part, str) else f"{part:.2f}".rstrip("0").rstrip(".") for part in parts)


def sentence(text: str) -> str:
    """The text with a full stop, unless it already ends a sentence (no "pass..")."""
    return text if text.rstrip().rstrip(")\"'”’»").endswith((".", "!", "?", "…")) else text + "."


def reading_order(chart: Flowchart) -> tuple[list[FlowQuestion], list[Outcome]]:
    """Questions and outcomes breadth-first from the start: the order the text version numbers them."""
    questions: list[FlowQuestion] = []
    outcomes: list[Outcome] = []
    seen, queue = {chart.start}, [chart.start]
    while queue:
        node = chart.nodes[queue.pop(0)]
        if isinstance(node, Outcome):
            outcomes.append(node)
            continue
        questions.append(node)
        for answer in node.answers:
            if answer.next not in seen:
                seen.add(answer.next)
                queue.append(answer.next)
    return questions, outcomes


def text_steps(chart: Flowchart, base: str, md: MarkdownRenderer, words: Catalogue) -> dict[str, Any]:
    """The text version, flat: numbered steps whose answers say where they lead, then each outcome once."""
    questions, outcomes = reading_order(chart)
    # Outcomes that read the same here (two "Urgent" ones differing only in
    # their advice) are listed once, and every answer leading to either links there.
    shown: dict[tuple[str, str, str, str], Outcome] = {}
    anchor = {q.id: f"{base}-text-{q.id}" for q in questions}
    for o in outcomes:
        first = shown.setdefault((o.level.id, o.action, o.who, o.when), o)
        anchor[o.id] = f"{base}-text-{first.id}"
    number = {q.id: index for index, q in enumerate(questions, 1)}
    steps = []
    for q in questions:
        targets: dict[str, list[str]] = {}
        for answer in q.answers:
            targets.setdefault(answer.next, []).append(answer.label)
        leads = []
        for target, labels in targets.items():
            node = chart.nodes[target]
            text = (
                words.text("flow.level_action", level=node.level.label, action=node.action)
                if isinstance(node, Outcome) else words.text("flow.go_to_step", number=number[target])
            )
            leads.append({"labels": labels, "href": f"#{anchor[target]}", "text": text})
        steps.append({
            "id": anchor[q.id], "number": number[q.id], "html": md(q.text, inline=True),
            "help": md(q.help) if q.help else None, "leads": leads,
        })
    return {
        "steps": steps,
        "outcomes": [
            {"id": anchor[o.id], "level": o.level.label, "action": sentence(o.action), "who": sentence(o.who),
             "when": sentence(o.when), "emergency": is_emergency(o)}
            for o in shown.values()
        ],
    }


def is_emergency(outcome: Outcome) -> bool:
    """The outcome that sends the reader to call: tap-to-call buttons, nothing else to read first."""
    return outcome.level.id == EMERGENCY


def render_flowchart(
    template: jinja2.Template,
    chart: Flowchart,
    resolve_section: SectionResolver,
    resolve_link: LinkResolver,
    assets: Assets | None,
    emergency_numbers: tuple[EmergencyNumber, ...] = (),
    *,
    words: Catalogue,
) -> str:
    """The flowchart's HTML, in the reader's language: works without JS, on paper, and as a step-by-step wizard."""
    md = MarkdownRenderer(resolve_link)
    base = f"flow-{chart.id}"
    questions = [n for n in chart.nodes.values() if isinstance(n, FlowQuestion)]
    outcomes = [n for n in chart.nodes.values() if isinstance(n, Outcome)]
    diagram = layout(chart)
    script_words = words.group("flow")
    return template.render(
        flow={
            "id": chart.id,
            "dom_id": base,
            "title": chart.title,
            "intro": md(chart.intro) if chart.intro else None,
            "emergency": md(chart.emergency_signs) if chart.emergency_signs else "",
            "call_buttons": Markup(call_buttons_html(emergency_numbers, words.text("call.button", number="{number}"))),
            "not_a_diagnosis": md(chart.not_a_diagnosis),
            "questions": [
                {
                    "id": q.id,
                    "dom_id": f"{base}-{q.id}",
                    "text": md(q.text, inline=True),
                    "help": md(q.help) if q.help else None,
                    "help_id": f"{base}-{q.id}-help",
                    "error_id": f"{base}-{q.id}-error",
                    "answers": [
                        {"index": i, "label": a.label, "dom_id": f"{base}-{q.id}-{i}"} for i, a in enumerate(q.answers)
                    ],
                }
                for q in questions
            ],
            "outcomes": [
                {
                    "id": o.id,
                    "dom_id": f"{base}-{o.id}",
                    "level": o.level,
                    "card_class": " ".join(["admonition", *card_classes(o.level.id)]),
                    "title_class": TITLE_CLASS,
                    "action": o.action,
                    "who": o.who,
                    "when": o.when,
                    "advice": md(o.advice),
                    "links": [resolve_section(link) for link in o.links],
                    "emergency": is_emergency(o),
                }
                for o in outcomes
            ],
            "text": text_steps(chart, base, md, words),
            "diagram": diagram,
            "shapes": {box.id: shape(box) for box in diagram.boxes},
            "metrics": {"line": LINE_HEIGHT},
            "desc": describe(chart, words),
            "data": {
                "id": chart.id,
                "start": chart.start,
                "next": {
                    node.id: [a.next for a in node.answers] if isinstance(node, FlowQuestion) else None
                    for node in chart.nodes.values()
                },
                "strings": {key: script_words[key] for key in SCRIPT_WORDS},
            },
        },
        assets=assets,
        t=words.html,
    )
