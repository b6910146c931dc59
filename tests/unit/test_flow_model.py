"""Flowcharts: the golden path table, every shape check, and the safety rules."""

from __future__ import annotations

import dataclasses
import re

import pytest

from author_errors import AuthorError
from support.messages import assert_message
from flow_model import Flowchart, Question, all_paths, check_graph, parse_flowchart
from support.sitebuild import ROOT

SITE_CHART = ROOT / "quiz_data/should-i-see-a-doctor.flow.yml"

# Every way through the site's flowchart, with where it ends. If the data
# changes, this table must be changed with it, on purpose.
GOLDEN = [
    ("stroke-signs=Yes", "emergency", "emergency"),
    ("stroke-signs=I’m not sure", "emergency", "emergency"),
    ("stroke-signs=No deficit-signs=Yes", "urgent-deficit", "urgent"),
    ("stroke-signs=No deficit-signs=I’m not sure", "urgent-deficit", "urgent"),
    ("stroke-signs=No deficit-signs=No spreading=Yes", "urgent-spreading", "urgent"),
    ("stroke-signs=No deficit-signs=No spreading=I’m not sure", "urgent-spreading", "urgent"),
    ("stroke-signs=No deficit-signs=No spreading=No persistence=Yes", "routine-persistent", "routine"),
    ("stroke-signs=No deficit-signs=No spreading=No persistence=I’m not sure", "routine-persistent", "routine"),
    ("stroke-signs=No deficit-signs=No spreading=No persistence=No other-causes=Yes", "routine-other", "routine"),
    ("stroke-signs=No deficit-signs=No spreading=No persistence=No other-causes=I’m not sure", "routine-other", "routine"),
    ("stroke-signs=No deficit-signs=No spreading=No persistence=No other-causes=No", "self-care", "self-care"),
]


def test_every_path_matches_the_golden_table() -> None:
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    found = [
        (" ".join(f"{node}={answer.label}" for node, answer in path.steps), path.outcome.id, path.outcome.level.id)
        for path in all_paths(chart)
    ]
    assert found == GOLDEN


GOOD = """\
id: demo
title: Demo
start: first
levels:
  - id: self-care
    label: Low
  - id: urgent
    label: High
red_flag_minimum: urgent
emergency_signs: Call for help.
not_a_diagnosis: Not a diagnosis.
nodes:
  first:
    question: Is it bad?
    answers:
      - label: "Yes"
        next: bad
        red_flag: true
      - label: Not sure
        next: bad
        not_sure: true
      - label: "No"
        next: fine
  bad:
    level: urgent
    action: Get help
    who: A doctor
    when: Now
    advice: Go.
    links: [page.md#a]
  fine:
    level: self-care
    action: Rest
    who: Nobody
    when: Later
    advice: Rest.
    links: [page.md#b]
"""


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_a_good_flowchart_parses() -> None:
    chart = parse_flowchart(GOOD, "f.yml")
    assert [(p.outcome.id, p.outcome.level.rank) for p in all_paths(chart)] == [("bad", 1), ("bad", 1), ("fine", 0)]
    assert chart.nodes["bad"].links[0].place == "line 30 (nodes.bad.links[0])"


EXTRA_QUESTION = """\
  second:
    question: Again?
    answers:
      - label: "Yes"
        next: bad
      - label: "No"
        next: fine
"""

CASES = [
    ("unknown target", edit("        next: fine", "        next: fien"),
     "f.yml, line 23 (nodes.first.answers[2].next): the answer 'No' leads to 'fien', which does not exist. Fix: did you mean 'fine'? use the id of a node under nodes:"),
    ("missing start", edit("start: first", "start: frist"),
     "f.yml, line 3 (start): the start node 'frist' does not exist. Fix: did you mean 'first'? use the id of a node under nodes:"),
    ("start at an outcome", edit("start: first", "start: fine") + EXTRA_QUESTION.replace("  second", "  unused"),
     "f.yml, line 3 (start): the start node 'fine' is an outcome. Fix: start at a question"),
    ("duplicate id", GOOD + "  fine:\n    level: self-care\n    action: A\n    who: B\n    when: C\n    advice: D\n    links: [page.md#c]\n",
     "f.yml, line 38 (nodes.fine): the key 'fine' appears twice here. Fix: keep one of them"),
    ("unreachable node", GOOD + EXTRA_QUESTION,
     "f.yml, line 38 (nodes.second): the node 'second' cannot be reached from the start 'first'. Fix: lead an answer to 'second', or delete it"),
    ("cycle", edit("        next: fine", "        next: second") + EXTRA_QUESTION.replace("        next: fine", "        next: first"),
     "f.yml, line 38 (nodes.second): the answers loop: first → second → first. Fix: lead one of these answers to a later question or an outcome"),
    ("one answer", edit("      - label: Not sure\n        next: bad\n        not_sure: true\n      - label: \"No\"\n        next: fine\n", ""),
     "f.yml, line 15 (nodes.first.answers): has 1 item, needs at least 2. Fix: give the question at least two answers"),
    ("bad care level", edit("    level: urgent", "    level: urgnet"),
     "f.yml, line 25 (nodes.bad.level): 'urgnet' is not a care level of this flowchart. Fix: did you mean 'urgent'? use one of the levels: self-care, urgent"),
    ("outcome without level", edit("    level: urgent\n", ""),
     "f.yml, line 24 (nodes.bad): 'level' is missing. Fix: add level: (One of the ids in levels.)"),
    ("bad red-flag minimum", edit("red_flag_minimum: urgent", "red_flag_minimum: top"),
     "f.yml, line 9 (red_flag_minimum): 'top' is not a care level of this flowchart. Fix: use one of the levels: self-care, urgent"),
    ("missing anchor form", edit("    links: [page.md#a]", "    links: [page.md]"),
     "f.yml, line 30 (nodes.bad.links[0]): 'page.md' is not in the right form. Fix: write it as page.md#anchor: the page file in docs/ and the id of the section heading"),
    ("unknown field", edit("    question: Is it bad?", "    question: Is it bad?\n    hlep: Think."),
     "f.yml, line 15 (nodes.first.hlep): unknown field 'hlep'. Fix: did you mean 'help'? allowed here: answers, help, question"),
    ("red flag to a low outcome", edit("        next: bad\n        red_flag: true", "        next: fine\n        red_flag: true"),
     "f.yml, line 17 (nodes.first.answers[0].next): a red-flag answer ends below 'High' on the path first [Yes] → fine (Low). Fix: lead 'Yes' to an outcome at 'High' or higher"),
    ("not sure lower than a sibling", edit("        next: bad\n        not_sure: true", "        next: fine\n        not_sure: true").replace("        red_flag: true\n", ""),
     "f.yml, line 19 (nodes.first.answers[1].next): 'Not sure' can end lower than another answer to this question ('High') on the path first [Not sure] → fine (Low). Fix: lead 'Not sure' where the most careful answer here leads"),
    ("a level the theme does not style", edit("  - id: urgent\n", "  - id: ambulance\n").replace("red_flag_minimum: urgent", "red_flag_minimum: ambulance").replace("    level: urgent", "    level: ambulance"),
     "f.yml, line 7 (levels[1].id): 'ambulance' is not a care level the theme styles. Fix: use ids from: self-care, routine, urgent, emergency (lowest first)"),
    ("levels most urgent first", edit("  - id: self-care\n    label: Low\n  - id: urgent\n    label: High\n", "  - id: urgent\n    label: High\n  - id: self-care\n    label: Low\n"),
     "f.yml, line 4 (levels): the levels are listed most urgent first. Fix: list them from the lowest to the most urgent: self-care, urgent"),
    ("a not-sure answer without its flag", edit("      - label: Not sure\n        next: bad\n        not_sure: true\n", "      - label: I’m not sure\n        next: fine\n"),
     "f.yml, line 19 (nodes.first.answers[1].label): the answer 'I’m not sure' reads as not sure, but has no not_sure: true, so it could lead somewhere less careful than the question's other answers. Fix: add not_sure: true to this answer"),
    ("duplicate level", edit("  - id: urgent\n    label: High", "  - id: self-care\n    label: High"),
     "f.yml, line 7 (levels[1].id): the level id 'self-care' is used twice. Fix: give each level its own id"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_flowchart_mistakes(text: str, message: str | re.Pattern[str]) -> None:
    with pytest.raises(AuthorError) as caught:
        parse_flowchart(text, "f.yml")
    assert_message(caught.value, message)


def test_a_question_without_answers_is_a_dead_end() -> None:
    # The schema already demands two answers; the graph check stands on its own.
    chart = parse_flowchart(GOOD, "f.yml")
    first = chart.nodes["first"]
    empty = dataclasses.replace(first, answers=())
    broken = dataclasses.replace(chart, nodes={**chart.nodes, "first": empty, "fine": chart.nodes["fine"], "bad": chart.nodes["bad"]})
    with pytest.raises(AuthorError) as caught:
        check_graph(broken)
    # With no answers the outcomes are unreachable too; the first problem found is named.
    assert "cannot be reached" in str(caught.value) or "dead end" in str(caught.value)
    lonely = dataclasses.replace(broken, nodes={"first": empty})
    with pytest.raises(AuthorError) as caught:
        check_graph(lonely)
    assert str(caught.value) == "f.yml, line 13 (nodes.first): the question 'first' is a dead end: it has no answers. Fix: give it answers that lead on, ending at outcomes"


def test_the_site_chart_puts_red_flags_first() -> None:
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    first = chart.nodes[chart.start]
    assert isinstance(first, Question)
    assert all(p.outcome.level.id == "emergency" for p in all_paths(chart) if p.steps[0][1].label != "No")
    assert isinstance(chart, Flowchart)


# The shared care vocabulary (README, "Care cards"): level label and action.
VOCABULARY = {
    "self-care": ("Self-care", "Look after yourself at home"),
    "routine": ("Routine", "Book an appointment with your doctor"),
    "urgent": ("Urgent", "Contact a doctor today"),
    "emergency": ("Emergency", "Call an ambulance now"),
}


def test_the_site_chart_uses_the_shared_care_vocabulary() -> None:
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    assert {level.id: level.label for level in chart.levels} == {key: label for key, (label, _) in VOCABULARY.items()}
    outcomes = [node for node in chart.nodes.values() if not isinstance(node, Question)]
    assert {(o.level.id, o.action) for o in outcomes} == {(key, action) for key, (_, action) in VOCABULARY.items()}


def test_each_stroke_sign_alone_is_a_yes() -> None:
    # FAST: any ONE sign is an emergency, so the question must not join them with "with" or "and".
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    first = chart.nodes[chart.start]
    assert first.text.startswith("Has any one of these started suddenly: ")
    signs = first.text.removeprefix("Has any one of these started suddenly: ").rstrip("?")
    assert re.split(r", or |, ", signs) == ["a face drooping on one side", "a weak or numb arm", "slurred speech"]
    assert "One sign alone is enough" in first.help
    assert "https://www.nhs.uk/conditions/stroke/symptoms/" in first.help
