"""Flowchart layout and HTML: boxes never overlap, arrows join boxes, text is safe."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from flow_layout import layout
from flow_model import parse_flowchart
from flow_render import TEMPLATE, render_flowchart
from render_types import Section
from test_flow_model import GOOD, SITE_CHART

ROOT = Path(__file__).resolve().parents[2]
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))


def site_chart():
    return parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")


def render(text: str = GOOD) -> BeautifulSoup:
    chart = parse_flowchart(text, "f.yml")
    section = lambda s: Section(f"About {s.anchor}", f"{s.page[:-3]}.html#{s.anchor}", "Page", f"{s.page[:-3]}.html")  # noqa: E731
    return BeautifulSoup(render_flowchart(ENV.get_template(TEMPLATE), chart, section, lambda h: h, None), "html.parser")


@pytest.mark.parametrize("chart", [site_chart(), parse_flowchart(GOOD, "f.yml")], ids=["site", "small"])
def test_boxes_do_not_overlap_and_arrows_join_boxes(chart) -> None:
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
        assert all(x == x2 or y == y2 for (x, y), (x2, y2) in zip(edge.points, edge.points[1:])), "straight segments"
    assert all(0 <= box.x and box.x + box.width <= diagram.width for box in diagram.boxes)
    assert all(0 <= box.y and box.y + box.height <= diagram.height for box in diagram.boxes)


def test_the_site_diagram_is_portrait_for_a_page() -> None:
    diagram = layout(site_chart())
    assert diagram.height > diagram.width  # fits A4 portrait and a phone


def test_svg_has_real_text_and_an_accessible_name() -> None:
    svg = render().select_one("figure.flow__diagram svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).get_text() == "Flowchart: Demo"
    assert "questions" in svg.find(id=desc_id).get_text()
    texts = " ".join(t.get_text(" ") for t in svg.select("text"))
    for word in ("Is it bad?", "HIGH", "Get help", "LOW", "Rest", "Yes / Not sure", "No"):
        assert word in texts


def test_outcome_shapes_differ_by_level() -> None:
    soup = render()
    high = soup.select_one(".flow-svg__node--high path")["d"]
    low = soup.select_one(".flow-svg__node--low path")["d"]
    question = soup.select_one(".flow-svg__node--question path")["d"]
    assert len({high, low, question}) == 3
    assert "A" in low and "A" not in high  # a rounded pill, a cornered octagon


def test_text_version_lists_every_branch() -> None:
    text = render().select_one("details.flow__text").get_text(" ", strip=True)
    assert "Is it bad?" in text
    assert "If you answer Yes or Not sure: High: Get help. A doctor. Now." in text
    assert "If you answer No: Low: Rest. Nobody. Later." in text


def test_outcomes_are_care_cards_with_everything_a_reader_needs() -> None:
    card = render().select_one('.flow-outcome[data-node="bad"] .care-card')
    assert "care-card--high" in card["class"]
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


def test_data_for_the_script() -> None:
    data = json.loads(render().select_one("template.flow__data").find("script").string)
    assert data == {"id": "demo", "start": "first", "next": {"first": ["bad", "bad", "fine"], "bad": None, "fine": None}}


@pytest.mark.parametrize("attack", ["<script>alert(1)</script>", "</script><img src=x onerror=alert(2)>", "[x](javascript:alert(3))"])
def test_author_text_stays_text(attack: str) -> None:
    quoted = json.dumps(attack)
    soup = render(GOOD.replace("question: Is it bad?", f"question: {quoted}").replace("advice: Go.", f"advice: {quoted}").replace("title: Demo", f"title: {quoted}"))
    assert [s.get("type") for s in soup.find_all("script")] == ["application/json"]
    assert not soup.select("img, [onerror]")
    assert all(not a.get("href", "").startswith("javascript") for a in soup.select("a"))
    json.loads(soup.select_one("template.flow__data").find("script").string)
