"""Flowcharts: the golden path table, every shape check, the safety rules, and charts of 5,000 nodes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from content.care_cards import DEFAULT_LEVELS
from loading.author_errors import AuthorError
from loading.yaml_source import load_yaml
from support.big_charts import deep_chain, issue_chart, lattice_chart, path_count_of_lattice
from support.messages import assert_message
from support.sitebuild import ROOT
from widgets.flow_model import (
    Answer,
    Flowchart,
    FlowQuestion,
    Level,
    Outcome,
    Route,
    all_paths,
    check_graph,
    check_safety,
    parse_flowchart,
)

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
    (
        "stroke-signs=No deficit-signs=No spreading=No persistence=No other-causes=I’m not sure",
        "routine-other", "routine",
    ),
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


def named_as_labelled(text: str) -> dict[str, str]:
    """The level names of a site that names its levels as this chart labels them."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return dict(DEFAULT_LEVELS)
    levels = data.get("levels") if isinstance(data, dict) else None
    labelled = {level["id"]: level["label"] for level in levels if isinstance(level, dict) and "label" in level} \
        if isinstance(levels, list) else {}
    return {**DEFAULT_LEVELS, **{k: v for k, v in labelled.items() if isinstance(k, str) and isinstance(v, str)}}


def parse(text: str, file: str = "f.yml") -> Flowchart:
    """A test chart, read for a site that names its levels as the chart labels them."""
    return parse_flowchart(text, file, named_as_labelled(text))


def question_at(chart: Flowchart, node_id: str) -> FlowQuestion:
    node = chart.nodes[node_id]
    assert isinstance(node, FlowQuestion), node_id
    return node


def outcome_at(chart: Flowchart, node_id: str) -> Outcome:
    node = chart.nodes[node_id]
    assert isinstance(node, Outcome), node_id
    return node


def test_a_good_flowchart_parses() -> None:
    chart = parse(GOOD, "f.yml")
    assert [(p.outcome.id, p.outcome.level.rank) for p in all_paths(chart)] == [("bad", 1), ("bad", 1), ("fine", 0)]
    assert outcome_at(chart, "bad").links[0].place == "line 30 (nodes.bad.links[0])"


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
     "f.yml, line 23 (nodes.first.answers[2].next): the answer 'No' leads to 'fien', "
     "which does not exist. Fix: did you mean 'fine'? use the id of a node under nodes:"),
    ("missing start", edit("start: first", "start: frist"),
     "f.yml, line 3 (start): the start node 'frist' does not exist. "
     "Fix: did you mean 'first'? use the id of a node under nodes:"),
    ("start at an outcome", edit("start: first", "start: fine") + EXTRA_QUESTION.replace("  second", "  unused"),
     "f.yml, line 3 (start): the start node 'fine' is an outcome. Fix: start at a question"),
    ("duplicate id", GOOD + "  fine:\n    level: self-care\n    action: A\n    who: B\n"
                            "    when: C\n    advice: D\n    links: [page.md#c]\n",
     "f.yml, line 38 (nodes.fine): the key 'fine' appears twice here. Fix: keep one of them"),
    ("unreachable node", GOOD + EXTRA_QUESTION,
     "f.yml, line 38 (nodes.second): the node 'second' cannot be reached "
     "from the start 'first'. Fix: lead an answer to 'second', or delete it"),
    ("cycle", edit("        next: fine", "        next: second") + EXTRA_QUESTION.replace(
        "        next: fine", "        next: first",
    ),
     "f.yml, line 38 (nodes.second): the answers loop: first → second → first. "
     "Fix: lead one of these answers to a later question or an outcome"),
    ("one answer", edit("      - label: Not sure\n        next: bad\n        not_sure: true\n"
                        "      - label: \"No\"\n        next: fine\n", ""),
     "f.yml, line 15 (nodes.first.answers): has 1 item, needs at least 2. Fix: give the question at least two answers"),
    ("bad care level", edit("    level: urgent", "    level: urgnet"),
     "f.yml, line 25 (nodes.bad.level): 'urgnet' is not a care level of this "
     "flowchart. Fix: did you mean 'urgent'? use one of the levels: self-care, urgent"),
    ("outcome without level", edit("    level: urgent\n", ""),
     "f.yml, line 24 (nodes.bad): 'level' is missing. Fix: add level: (One of the ids in levels.)"),
    ("bad red-flag minimum", edit("red_flag_minimum: urgent", "red_flag_minimum: top"),
     "f.yml, line 9 (red_flag_minimum): 'top' is not a care level of "
     "this flowchart. Fix: use one of the levels: self-care, urgent"),
    ("missing anchor form", edit("    links: [page.md#a]", "    links: [page.md]"),
     "f.yml, line 30 (nodes.bad.links[0]): 'page.md' is not in the right form. Fix: write "
     "it as page.md#anchor: the page file in docs/ and the id of the section heading"),
    ("unknown field", edit("    question: Is it bad?", "    question: Is it bad?\n    hlep: Think."),
     "f.yml, line 15 (nodes.first.hlep): unknown field 'hlep'. Fix: "
     "did you mean 'help'? allowed here: answers, help, question"),
    ("red flag to a low outcome", edit(
        "        next: bad\n        red_flag: true", "        next: fine\n        red_flag: true",
    ),
     "f.yml, line 17 (nodes.first.answers[0].next): a red-flag answer ends below 'High' on "
     "the path first [Yes] → fine (Low). Fix: lead 'Yes' to an outcome at 'High' or higher"),
    ("not sure lower than a sibling", edit(
        "        next: bad\n        not_sure: true", "        next: fine\n        not_sure: true",
    ).replace("        red_flag: true\n", ""),
     "f.yml, line 19 (nodes.first.answers[1].next): 'Not sure' can end lower than "
     "another answer to this question ('High') on the path first [Not sure] → fine "
     "(Low). Fix: lead 'Not sure' where the most careful answer here leads"),
    ("a level the theme does not style", edit("  - id: urgent\n", "  - id: ambulance\n").replace(
        "red_flag_minimum: urgent", "red_flag_minimum: ambulance",
    ).replace("    level: urgent", "    level: ambulance"),
     "f.yml, line 7 (levels[1].id): 'ambulance' is not a care level the theme styles. "
     "Fix: use ids from: self-care, routine, urgent, emergency (lowest first)"),
    ("levels most urgent first", edit(
        "  - id: self-care\n    label: Low\n  - id: urgent\n    label: High\n",
        "  - id: urgent\n    label: High\n  - id: self-care\n    label: Low\n",
    ),
     "f.yml, line 4 (levels): the levels are listed most urgent first. Fix: "
     "list them from the lowest to the most urgent: self-care, urgent"),
    ("a not-sure answer without its flag", edit(
        "      - label: Not sure\n        next: bad\n        not_sure: true\n",
        "      - label: I’m not sure\n        next: fine\n",
    ),
     "f.yml, line 19 (nodes.first.answers[1].label): the answer 'I’m not sure' reads "
     "as not sure, but has no not_sure: true, so it could lead somewhere less careful "
     "than the question's other answers. Fix: add not_sure: true to this answer"),
    ("duplicate level", edit("  - id: urgent\n    label: High", "  - id: self-care\n    label: High"),
     "f.yml, line 7 (levels[1].id): the level id 'self-care' is used twice. Fix: give each level its own id"),
]


@pytest.mark.parametrize(("text", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_flowchart_mistakes(text: str, message: str | re.Pattern[str]) -> None:
    with pytest.raises(AuthorError) as caught:
        parse(text, "f.yml")
    assert_message(caught.value, message)


def test_a_question_without_answers_is_a_dead_end() -> None:
    # The schema already demands two answers; the graph check stands on its own.
    chart = parse(GOOD, "f.yml")
    first = question_at(chart, "first")
    empty = dataclasses.replace(first, answers=())
    broken = dataclasses.replace(
        chart, nodes={**chart.nodes, "first": empty, "fine": chart.nodes["fine"], "bad": chart.nodes["bad"]},
    )
    with pytest.raises(AuthorError) as caught:
        check_graph(broken)
    # With no answers the outcomes are unreachable too; the first problem found is named.
    assert "cannot be reached" in str(caught.value) or "dead end" in str(caught.value)
    lonely = dataclasses.replace(broken, nodes={"first": empty})
    with pytest.raises(AuthorError) as caught:
        check_graph(lonely)
    assert str(caught.value) == (
        "f.yml, line 13 (nodes.first): the question 'first' is a dead end: it has no answers. "
        "Fix: give it answers that lead on, ending at outcomes"
    )


def test_the_site_chart_puts_red_flags_first() -> None:
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    first = chart.nodes[chart.start]
    assert isinstance(first, FlowQuestion)
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
    outcomes = [node for node in chart.nodes.values() if not isinstance(node, FlowQuestion)]
    assert {(o.level.id, o.action) for o in outcomes} == {(key, action) for key, (_, action) in VOCABULARY.items()}


def test_each_stroke_sign_alone_is_a_yes() -> None:
    # FAST: any ONE sign is an emergency, so the question must not join them with "with" or "and".
    chart = parse_flowchart(SITE_CHART.read_text(encoding="utf-8"), "chart.flow.yml")
    first = question_at(chart, chart.start)
    assert first.text.startswith("Has any one of these started suddenly: ")
    signs = first.text.removeprefix("Has any one of these started suddenly: ").rstrip("?")
    assert re.split(r", or |, ", signs) == ["a face drooping on one side", "a weak or numb arm", "slurred speech"]
    assert "One sign alone is enough" in (first.help or "")
    assert "https://www.nhs.uk/conditions/stroke/symptoms/" in (first.help or "")


# -----------------------------------------------------------------------------
# Big charts: the checks are linear in nodes and answers, never per path
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big() -> dict[str, Flowchart]:
    """The three generated charts, parsed once with every check (each takes seconds)."""
    return {
        "issue": parse_flowchart(issue_chart(), "big.flow.yml"),
        "lattice": parse_flowchart(lattice_chart(), "big.flow.yml"),
        "chain": parse_flowchart(deep_chain(), "big.flow.yml"),
    }


def lead(chart: Flowchart, question: str, label: str, target: str) -> Flowchart:
    """The chart with one answer led elsewhere (it keeps its place in the file)."""
    node = chart.nodes[question]
    assert isinstance(node, FlowQuestion)
    assert label in [a.label for a in node.answers], label
    answers = tuple(dataclasses.replace(a, next=target) if a.label == label else a for a in node.answers)
    return dataclasses.replace(chart, nodes={**chart.nodes, question: dataclasses.replace(node, answers=answers)})


def steps(first: int, last: int, label: str) -> str:
    """'q<first> [label] → … → q<last> [label]'."""
    return " → ".join(f"q{number} [{label}]" for number in range(first, last + 1))


def test_big_charts_pass_every_check(big: dict[str, Flowchart]) -> None:
    assert {name: len(chart.nodes) for name, chart in big.items()} == {"issue": 5002, "lattice": 5003, "chain": 5002}
    # Walking every path would never end: that is what the checks no longer do.
    assert path_count_of_lattice(5000) > 10**1000
    assert path_count_of_lattice(3) == len(all_paths(parse_flowchart(lattice_chart(3), "small.flow.yml")))


def test_a_red_flag_to_self_care_at_question_4000_is_found(big: dict[str, Flowchart]) -> None:
    chart = lead(big["issue"], "q4000", "Yes", "self-care")
    line = issue_chart().splitlines().index("  q4000:") + 1 + 4  # question, answers, label, next
    with pytest.raises(AuthorError) as caught:
        check_safety(chart)
    assert_message(
        caught.value,
        f"big.flow.yml, line {line} (nodes.q4000.answers[0].next): a red-flag answer ends below 'Urgent' on the path "
        f"{steps(1, 3999, 'No')} → q4000 [Yes] → self-care (Self-care). "
        "Fix: lead 'Yes' to an outcome at 'Urgent' or higher",
    )


def test_places_found_node_by_node_match_the_whole_file() -> None:
    # parse_flowchart looks each node's lines up in that node alone (linear, not quadratic).
    text = lattice_chart(30)
    doc = load_yaml(text, "big.flow.yml")
    chart = parse_flowchart(text, "big.flow.yml")
    for node in chart.nodes.values():
        assert node.place == doc.place(("nodes", node.id))
        if isinstance(node, FlowQuestion):
            assert [a.place for a in node.answers] == [
                doc.place(("nodes", node.id, "answers", i, "next")) for i in range(len(node.answers))
            ]
        else:
            assert [link.place for link in node.links] == [doc.place(("nodes", node.id, "links", 0))]


def test_a_not_sure_lower_than_its_siblings_deep_down_is_found(big: dict[str, Flowchart]) -> None:
    chart = lead(big["issue"], "q4500", "I'm not sure", "self-care")
    place = question_at(chart, "q4500").answers[1].place
    with pytest.raises(AuthorError) as caught:
        check_safety(chart)
    assert_message(
        caught.value,
        f"big.flow.yml, {place}: 'I'm not sure' can end lower than "
        "another answer to this question ('Urgent') on the path "
        f"{steps(1, 4499, 'No')} → q4500 [I'm not sure] → self-care (Self-care). "
        "Fix: lead 'I'm not sure' where the most careful answer here leads",
    )


def test_violations_behind_merging_branches_name_the_first_path(big: dict[str, Flowchart]) -> None:
    # A red flag led on into the lattice: self-care and routine are one of ~10^1045 paths away.
    chart = lead(big["lattice"], "q4000", "Yes", "q4001")
    with pytest.raises(AuthorError) as caught:
        check_safety(chart)
    assert str(caught.value).endswith(
        f"on the path {steps(1, 3999, 'No, on the left')} → q4000 [Yes] "
        f"→ {steps(4001, 5000, 'No, on the left')} → routine (Routine). "
        "Fix: lead 'Yes' to an outcome at 'Urgent' or higher"
    )
    assert f"{question_at(chart, 'q4000').answers[0].place}: a red-flag answer ends below 'Urgent'" in str(caught.value)
    chart = lead(big["lattice"], "q4500", "I'm not sure", "q4501")
    with pytest.raises(AuthorError) as caught:
        check_safety(chart)
    assert str(caught.value).endswith(
        "than another answer to this question ('Emergency') on the path "
        f"{steps(1, 4499, 'No, on the left')} → q4500 [I'm not sure] → "
        f"{steps(4501, 5000, 'No, on the left')} → routine (Routine). Fix: "
        "lead 'I'm not sure' where the most careful answer here leads"
    )


def test_a_loop_at_the_end_of_a_5000_deep_chain_is_found(big: dict[str, Flowchart]) -> None:
    # Recursion would stop at Python's limit (1,000 frames) long before the loop.
    chart = lead(big["chain"], "q5000", "No", "q1")
    with pytest.raises(AuthorError) as caught:
        check_graph(chart)
    assert_message(
        caught.value,
        f"big.flow.yml, {chart.nodes['q5000'].place}: the answers "
        f"loop: {' → '.join(f'q{n}' for n in range(1, 5001))} → q1. "
        "Fix: lead one of these answers to a later question or an outcome",
    )


# -----------------------------------------------------------------------------
# The linear rules decide as the old all-paths walk did, word for word
# -----------------------------------------------------------------------------


def check_safety_on_every_path(chart: Flowchart) -> None:
    """The rules as first written: walk every path (exponential; the reference for small charts)."""
    minimum = chart.red_flag_minimum
    for path in all_paths(chart):
        flags = [answer for _, answer in path.steps if answer.red_flag]
        if flags and path.outcome.level.rank < minimum.rank:
            raise AuthorError(
                chart.file, flags[0].place,
                f"a red-flag answer ends below '{minimum.label}' on the path {path.describe()}",
                f"lead '{flags[0].label}' to an outcome at '{minimum.label}' or higher",
            )

    @cache
    def worst(node_id: str) -> int:
        return max(path.outcome.level.rank for path in all_paths(chart, node_id))

    for node in chart.nodes.values():
        if not isinstance(node, FlowQuestion):
            continue
        for answer in (a for a in node.answers if a.not_sure):
            floor = max((worst(other.next) for other in node.answers if other is not answer), default=-1)
            for rest in all_paths(chart, answer.next):
                if rest.outcome.level.rank < floor:
                    path = Route((*first_steps_to(chart, node.id), (node.id, answer), *rest.steps), rest.outcome)
                    raise AuthorError(
                        chart.file, answer.place,
                        f"'{answer.label}' can end lower than another answer to this question "
                        f"('{chart.levels[floor].label}') on the path {path.describe()}",
                        f"lead '{answer.label}' where the most careful answer here leads",
                    )


def first_steps_to(chart: Flowchart, target: str) -> tuple[tuple[str, Answer], ...]:
    """The first steps in answer order from the start to a question, by trying every path."""

    def search(node_id: str, steps: tuple[tuple[str, Answer], ...]) -> tuple[tuple[str, Answer], ...] | None:
        if node_id == target:
            return steps
        node = chart.nodes[node_id]
        if isinstance(node, FlowQuestion):
            for answer in node.answers:
                found = search(answer.next, (*steps, (node_id, answer)))
                if found is not None:
                    return found
        return None

    return search(chart.start, ()) or ()


LEVELS = tuple(
    Level(level, level.title(), rank) for rank, level in enumerate(["self-care", "routine", "urgent", "emergency"])
)


@st.composite
def small_charts(draw: st.DrawFn) -> Flowchart:
    """A random loop-free chart of up to 7 questions whose answers merge and skip ahead."""
    questions = draw(st.integers(1, 7))
    outcomes = [f"o{rank}" for rank in sorted(draw(st.sets(st.integers(0, 3), min_size=1)))]
    nodes: dict[str, FlowQuestion | Outcome] = {}
    for number in range(questions):
        later = [f"q{n}" for n in range(number + 1, questions)] + outcomes
        answers = tuple(
            Answer(f"a{i}", draw(st.sampled_from(later)), draw(st.booleans()), draw(st.booleans()), f"q{number}.a{i}")
            for i in range(draw(st.integers(1, 3)))
        )
        nodes[f"q{number}"] = FlowQuestion(f"q{number}", "?", None, answers, f"q{number}")
    for outcome in outcomes:
        nodes[outcome] = Outcome(outcome, LEVELS[int(outcome[1])], "a", "w", "w", "a", (), outcome)
    reached, todo = set(), ["q0"]
    while todo:  # keep what the start reaches, in a shuffled order (the not-sure rule goes by it)
        node_id = todo.pop()
        if node_id not in reached:
            reached.add(node_id)
            node = nodes[node_id]
            todo += [a.next for a in node.answers] if isinstance(node, FlowQuestion) else []
    order = draw(st.permutations(sorted(reached)))
    minimum = LEVELS[draw(st.integers(1, 3))]
    return Flowchart("c", "C", None, "q0", LEVELS, minimum, "e", "n", {n: nodes[n] for n in order}, "c.flow.yml")


def verdict(check: Callable[[Flowchart], None], chart: Flowchart) -> str | None:
    """The message a check gives, or None when the chart passes."""
    try:
        check(chart)
    except AuthorError as error:
        return str(error)
    return None


@settings(max_examples=400)
@given(small_charts())
def test_linear_safety_rules_decide_like_walking_every_path(chart: Flowchart) -> None:
    check_graph(chart)
    assert verdict(check_safety, chart) == verdict(check_safety_on_every_path, chart)


def test_the_reference_walk_finds_something_in_random_charts() -> None:
    # Guard against a generator that only makes safe charts: both verdicts would be None.
    seen: set[str] = set()

    @settings(max_examples=200, database=None)
    @given(small_charts())
    def collect(chart: Flowchart) -> None:
        found = verdict(check_safety_on_every_path, chart)
        seen.add("passes" if found is None else "red flag" if "red-flag" in found else "not sure")

    collect()
    assert seen == {"passes", "red flag", "not sure"}


def test_levels_without_labels_take_the_sites_names() -> None:
    text = GOOD.replace("    label: Low\n", "").replace("    label: High\n", "")
    chart = parse_flowchart(text, "demo.flow.yml", {"self-care": "Selbsthilfe", "urgent": "Dringend"})
    assert [level.label for level in chart.levels] == ["Selbsthilfe", "Dringend"]
    # A label the same as the site's name is allowed; another name for the level is refused.
    same = parse_flowchart(text.replace("  - id: urgent\n", "  - id: urgent\n    label: Dringend\n"), "demo.flow.yml",
                           {"self-care": "Selbsthilfe", "urgent": "Dringend"})
    assert [level.label for level in same.levels] == ["Selbsthilfe", "Dringend"]
    with pytest.raises(AuthorError) as caught:
        parse_flowchart(GOOD.replace("    label: Low\n", ""), "demo.flow.yml", DEFAULT_LEVELS)
    assert str(caught.value) == (
        "demo.flow.yml, line 7 (levels[1].label): 'High' is not the site's name for the level 'urgent' ('Urgent'), "
        "so cards and this flowchart would call one level two things. Fix: delete this label: (the level is then "
        "'Urgent'), or rename the level for the whole site in mkdocs.yml under extra.strings: levels: urgent:"
    )


def test_the_sites_language_adds_its_words_for_not_sure() -> None:
    german = GOOD.replace("      - label: Not sure\n        next: bad\n        not_sure: true\n",
                          "      - label: Ich weiß nicht\n        next: fine\n")
    parse(german)  # English's words alone do not see it
    with pytest.raises(AuthorError) as caught:
        parse_flowchart(german, "f.yml", named_as_labelled(german), ("weiß nicht", "nicht sicher"))
    assert "the answer 'Ich weiß nicht' reads as not sure, but has no not_sure: true" in str(caught.value)


def test_an_emergency_outcome_needs_emergency_signs() -> None:
    text = (GOOD.replace("emergency_signs: Call for help.\n", "")
            .replace("  - id: urgent\n    label: High\n",
                     "  - id: urgent\n    label: High\n  - id: emergency\n    label: Call\n"))
    assert "level: urgent" in text
    text = text.replace("level: urgent", "level: emergency", 1)
    with pytest.raises(AuthorError) as caught:
        parse(text, "demo.flow.yml")
    assert "but emergency_signs is missing" in str(caught.value)
    # Without an emergency level, no signs are needed.
    calm = parse(GOOD.replace("emergency_signs: Call for help.\n", ""), "demo.flow.yml")
    assert calm.emergency_signs is None
