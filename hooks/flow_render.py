"""Flowchart to HTML (wizard, SVG diagram, text version) through a Jinja template."""

from __future__ import annotations

import jinja2

from flow_layout import FONT_SIZE, LINE_HEIGHT, PADDING, Box, layout
from flow_model import Flowchart, Outcome, Question
from render_types import Assets, SectionResolver
from safe_markdown import LinkResolver, MarkdownRenderer

TEMPLATE = "partials/flowchart.html"


def shape(box: Box, levels: int) -> str:
    """An SVG path for a box; outcome shapes grow sharper as care grows urgent."""
    x, y, w, h = box.x, box.y, box.width, box.height
    if box.kind == "question":
        return _rounded(x, y, w, h, 3)
    step = round(box.rank * 3 / max(levels - 1, 1))
    if step == 0:
        return _rounded(x, y, w, h, h / 2)  # a pill: the mildest
    if step == 1:
        return _rounded(x, y, w, h, 0)  # a plain rectangle, drawn with a heavy line
    cut = 8 if step == 2 else 14  # cut corners, then an octagon: a stop sign
    return (
        f"M{x + cut},{y} H{x + w - cut} L{x + w},{y + cut} V{y + h - cut} L{x + w - cut},{y + h} "
        f"H{x + cut} L{x},{y + h - cut} V{y + cut} Z"
    )


def _rounded(x: float, y: float, w: float, h: float, r: float) -> str:
    r = min(r, h / 2, w / 2)
    return (
        f"M{x + r},{y} H{x + w - r} A{r},{r} 0 0 1 {x + w},{y + r} V{y + h - r} "
        f"A{r},{r} 0 0 1 {x + w - r},{y + h} H{x + r} A{r},{r} 0 0 1 {x},{y + h - r} "
        f"V{y + r} A{r},{r} 0 0 1 {x + r},{y} Z"
    )


def text_tree(chart: Flowchart, node_id: str, md: MarkdownRenderer) -> dict:
    """The whole tree from a node, nested, for the text version."""
    node = chart.nodes[node_id]
    if isinstance(node, Outcome):
        return {"outcome": node}
    targets: dict[str, list[str]] = {}
    for answer in node.answers:
        targets.setdefault(answer.next, []).append(answer.label)
    return {
        "html": md(node.text, inline=True),
        "branches": [{"labels": labels, "child": text_tree(chart, target, md)} for target, labels in targets.items()],
    }


def render_flowchart(
    template: jinja2.Template,
    chart: Flowchart,
    resolve_section: SectionResolver,
    resolve_link: LinkResolver,
    assets: Assets | None,
) -> str:
    """The flowchart's HTML: works without JS, on paper, and as a step-by-step wizard."""
    md = MarkdownRenderer(resolve_link)
    base = f"flow-{chart.id}"
    questions = [n for n in chart.nodes.values() if isinstance(n, Question)]
    outcomes = [n for n in chart.nodes.values() if isinstance(n, Outcome)]
    diagram = layout(chart)
    return template.render(
        flow={
            "id": chart.id,
            "dom_id": base,
            "title": chart.title,
            "intro": md(chart.intro) if chart.intro else None,
            "emergency": md(chart.emergency_signs),
            "not_a_diagnosis": md(chart.not_a_diagnosis),
            "questions": [
                {
                    "id": q.id,
                    "dom_id": f"{base}-{q.id}",
                    "text": md(q.text, inline=True),
                    "help": md(q.help) if q.help else None,
                    "answers": [{"index": i, "label": a.label, "dom_id": f"{base}-{q.id}-{i}"} for i, a in enumerate(q.answers)],
                }
                for q in questions
            ],
            "outcomes": [
                {
                    "id": o.id,
                    "dom_id": f"{base}-{o.id}",
                    "level": o.level,
                    "action": o.action,
                    "who": o.who,
                    "when": o.when,
                    "advice": md(o.advice),
                    "links": [resolve_section(link) for link in o.links],
                }
                for o in outcomes
            ],
            "tree": text_tree(chart, chart.start, md),
            "diagram": diagram,
            "shapes": {box.id: shape(box, len(chart.levels)) for box in diagram.boxes},
            "metrics": {"font": FONT_SIZE, "line": LINE_HEIGHT, "padding": PADDING},
            "counts": {"questions": len(questions), "outcomes": len(outcomes)},
            "data": {
                "id": chart.id,
                "start": chart.start,
                "next": {
                    node.id: [a.next for a in node.answers] if isinstance(node, Question) else None
                    for node in chart.nodes.values()
                },
            },
        },
        assets=assets,
    )
