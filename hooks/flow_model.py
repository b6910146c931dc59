"""Decision flowcharts (quiz_data/*.flow.yml): read, checked for shape and safety."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Union

from author_errors import AuthorError
from care_cards import DEFAULT_LEVELS
from data_files import check_kind, load_data_files
from same_text import first_repeat
from schema_check import check_against_schema
from sources import Source, read_source
from yaml_source import YamlDocument, load_yaml

SCHEMA = "flowchart.schema.json"
SUFFIX = ".flow.yml"

# Ways from the start to an outcome; the site's own chart has 11.
MAX_PATHS = 1000


@dataclass(frozen=True)
class Level:
    """A care level; a higher rank means more urgent care."""

    id: str
    label: str
    rank: int


@dataclass(frozen=True)
class Answer:
    """One answer to a question, and the node it leads to."""

    label: str
    next: str
    red_flag: bool
    not_sure: bool
    place: str


@dataclass(frozen=True)
class Question:
    """A node that asks; help is Markdown."""

    id: str
    text: str
    help: str | None
    answers: tuple[Answer, ...]
    place: str


@dataclass(frozen=True)
class Outcome:
    """A node that ends a path with advice at one care level."""

    id: str
    level: Level
    action: str
    who: str
    when: str
    advice: str
    links: tuple[Source, ...]
    place: str


Node = Union[Question, Outcome]


@dataclass(frozen=True)
class Flowchart:
    """A whole decision tree."""

    id: str
    title: str
    intro: str | None
    start: str
    levels: tuple[Level, ...]
    red_flag_minimum: Level
    emergency_signs: str
    not_a_diagnosis: str
    nodes: dict[str, Node]
    file: str


@dataclass(frozen=True)
class Route:
    """One way through: (question id, answer) steps, then the outcome reached."""

    steps: tuple[tuple[str, Answer], ...]
    outcome: Outcome

    def describe(self) -> str:
        """start-question [Yes] → next-question [No] → outcome (Level)."""
        parts = [f"{node} [{answer.label}]" for node, answer in self.steps]
        return " → ".join([*parts, f"{self.outcome.id} ({self.outcome.level.label})"])


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


def parse_flowchart(text: str, file: str) -> Flowchart:
    """Parse one flowchart file and run every check; raise AuthorError on a mistake."""
    doc = load_yaml(text, file)
    check_kind(doc, SUFFIX, "nodes", {"questions": ("quiz", ".quiz.yml")})
    check_against_schema(doc, SCHEMA)
    data = doc.data
    levels = _levels(doc)
    by_id = {level.id: level for level in levels}
    nodes: dict[str, Node] = {}
    for node_id, raw in data["nodes"].items():
        path = ("nodes", node_id)
        place = doc.place(path)
        if "question" in raw:
            _unique_labels(doc, raw["answers"], path)
            _flag_not_sure(doc, raw["answers"], path)
            answers = tuple(
                Answer(a["label"], a["next"], a.get("red_flag", False), a.get("not_sure", False),
                       doc.place((*path, "answers", i, "next")))
                for i, a in enumerate(raw["answers"])
            )
            nodes[node_id] = Question(node_id, raw["question"], raw.get("help"), answers, place)
        else:
            level = _known_level(doc, by_id, raw["level"], (*path, "level"))
            links = tuple(read_source(doc, (*path, "links", i)) for i in range(len(raw["links"])))
            nodes[node_id] = Outcome(node_id, level, raw["action"], raw["who"], raw["when"], raw["advice"], links, place)
    minimum = _known_level(doc, by_id, data["red_flag_minimum"], ("red_flag_minimum",))
    if minimum.rank == 0:
        # The safety rule would then let a warning sign end at "no need to see anyone".
        raise doc.error(
            ("red_flag_minimum",),
            f"'{minimum.id}' is the lowest care level (the first under levels:), so a red-flag answer could end there",
            "list the levels from the lowest to the most urgent, and set red_flag_minimum to one where the reader sees someone",
        )
    chart = Flowchart(
        data["id"], data["title"], data.get("intro"), data["start"], levels, minimum,
        data["emergency_signs"], data["not_a_diagnosis"], nodes, file,
    )
    check_graph(chart, doc)
    check_safety(chart)
    return chart


def load_flowcharts(folder: Path) -> dict[str, Flowchart]:
    """Every *.flow.yml under folder, by id; ids must be unique."""
    return load_data_files(folder, SUFFIX, parse_flowchart, "flowchart")


def _levels(doc: YamlDocument) -> tuple[Level, ...]:
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["levels"]):
        if raw["id"] in seen:
            raise doc.error(("levels", index, "id"), f"the level id '{raw['id']}' is used twice", "give each level its own id")
        seen[raw["id"]] = index
    repeat = first_repeat(raw["label"] for raw in doc.data["levels"])
    if repeat:
        # The level's label is all a reader sees of it: two alike hide which is more urgent.
        raise doc.error(("levels", repeat[0], "label"), f"two levels are both labelled '{doc.data['levels'][repeat[0]]['label']}'", "give each level its own label")
    ids = [raw["id"] for raw in doc.data["levels"]]
    for index, level_id in enumerate(ids):
        if level_id not in THEME_LEVELS:
            # A level the theme does not style builds a card with no badge, icon or border.
            guess = difflib.get_close_matches(level_id, THEME_LEVELS, n=1)
            raise doc.error(
                ("levels", index, "id"), f"'{level_id}' is not a care level the theme styles",
                (f"did you mean '{guess[0]}'? " if guess else "") + f"use ids from: {', '.join(THEME_LEVELS)} (lowest first)",
            )
    ranks = [THEME_LEVELS.index(level_id) for level_id in ids]
    if ranks != sorted(ranks):
        # The order is the safety rule's scale: reversed, "safer" would mean less care.
        reversed_scale = ranks == sorted(ranks, reverse=True)
        problem = "the levels are listed most urgent first" if reversed_scale else f"the levels are out of order ({', '.join(ids)})"
        raise doc.error(
            ("levels",), problem,
            f"list them from the lowest to the most urgent: {', '.join(sorted(ids, key=THEME_LEVELS.index))}",
        )
    return tuple(Level(raw["id"], raw["label"], rank) for rank, raw in enumerate(doc.data["levels"]))


# The care levels the theme styles (site.css), lowest first: the safety scale.
THEME_LEVELS = list(DEFAULT_LEVELS)

# Answers that mean "I don't know", in the words readers use; the not-sure
# safety rule must not depend on the author remembering the flag.
NOT_SURE_WORDS = re.compile(r"\b(not sure|unsure|don'?t know|do not know|not certain|uncertain|maybe|perhaps|can'?t tell|cannot tell)\b", re.I)


def _flag_not_sure(doc: YamlDocument, answers: list[dict], path: tuple) -> None:
    for index, answer in enumerate(answers):
        if NOT_SURE_WORDS.search(answer["label"].replace("’", "'")) and not answer.get("not_sure"):
            raise doc.error(
                (*path, "answers", index, "label"),
                f"the answer '{answer['label']}' reads as not sure, but has no not_sure: true, "
                "so it could lead somewhere less careful than the question's other answers",
                "add not_sure: true to this answer",
            )


def _unique_labels(doc: YamlDocument, answers: list[dict], path: tuple) -> None:
    # Two buttons with one label leave the reader no way to tell them apart.
    repeat = first_repeat(answer["label"] for answer in answers)
    if repeat:
        index, first = repeat
        raise doc.error(
            (*path, "answers", index, "label"),
            f"the answer '{answers[index]['label']}' appears twice in this question (first on line {doc.line((*path, 'answers', first, 'label'))})",
            "give each answer its own label",
        )


def _known_level(doc: YamlDocument, levels: dict[str, Level], value: str, path: tuple) -> Level:
    if value in levels:
        return levels[value]
    guess = difflib.get_close_matches(value, list(levels), n=1)
    raise doc.error(
        path,
        f"'{value}' is not a care level of this flowchart",
        (f"did you mean '{guess[0]}'? " if guess else "") + f"use one of the levels: {', '.join(levels)}",
    )


# -----------------------------------------------------------------------------
# Shape: every path starts at `start`, ends at an outcome, and never loops
# -----------------------------------------------------------------------------


def check_graph(chart: Flowchart, doc: YamlDocument | None = None) -> None:
    """Missing start, unknown targets, cycles, unreachable nodes and dead ends."""
    file = chart.file
    if chart.start not in chart.nodes:
        raise AuthorError(file, _place(doc, ("start",)), f"the start node '{chart.start}' does not exist", _suggest(chart.start, chart.nodes))
    if isinstance(chart.nodes[chart.start], Outcome):
        raise AuthorError(file, _place(doc, ("start",)), f"the start node '{chart.start}' is an outcome", "start at a question")
    for node in chart.nodes.values():
        if isinstance(node, Question):
            for answer in node.answers:
                if answer.next not in chart.nodes:
                    raise AuthorError(file, answer.place, f"the answer '{answer.label}' leads to '{answer.next}', which does not exist", _suggest(answer.next, chart.nodes))
    _check_cycles(chart)
    _check_path_count(chart, doc)
    reached = _reachable(chart)
    for node in chart.nodes.values():
        if node.id not in reached:
            raise AuthorError(file, node.place, f"the node '{node.id}' cannot be reached from the start '{chart.start}'", f"lead an answer to '{node.id}', or delete it")
    for node in chart.nodes.values():
        if isinstance(node, Question) and not node.answers:
            raise AuthorError(file, node.place, f"the question '{node.id}' is a dead end: it has no answers", "give it answers that lead on, ending at outcomes")


def _place(doc: YamlDocument | None, path: tuple) -> str:
    return doc.place(path) if doc else ".".join(str(p) for p in path)


def _suggest(name: str, nodes: dict[str, Node]) -> str:
    guess = difflib.get_close_matches(name, list(nodes), n=1)
    return (f"did you mean '{guess[0]}'? " if guess else "") + "use the id of a node under nodes:"


def _check_cycles(chart: Flowchart) -> None:
    state: dict[str, str] = {}  # "open" while on the current path, "done" after

    def visit(node_id: str, trail: list[str]) -> None:
        if state.get(node_id) == "done":
            return
        if state.get(node_id) == "open":
            loop = trail[trail.index(node_id):] + [node_id]
            node = chart.nodes[loop[-2]]
            raise AuthorError(chart.file, node.place, f"the answers loop: {' → '.join(loop)}", "lead one of these answers to a later question or an outcome")
        state[node_id] = "open"
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                visit(answer.next, [*trail, node_id])
        state[node_id] = "done"

    for node_id in chart.nodes:
        visit(node_id, [])


def _check_path_count(chart: Flowchart, doc: YamlDocument | None) -> None:
    # Safety checks and the text version walk every path; paths multiply with
    # each shared branch, so a tangle would stall the build instead of failing it.
    @cache
    def count(node_id: str) -> int:
        node = chart.nodes[node_id]
        return 1 if isinstance(node, Outcome) else sum(count(a.next) for a in node.answers)

    total = count(chart.start)
    if total > MAX_PATHS:
        raise AuthorError(
            chart.file, _place(doc, ("nodes",)),
            f"there are {total} different ways through this flowchart, more than the {MAX_PATHS} a reader can be offered",
            "merge questions that lead to the same outcomes, or split it into smaller flowcharts",
        )


def _reachable(chart: Flowchart) -> set[str]:
    seen, todo = set(), [chart.start]
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            todo.extend(answer.next for answer in node.answers)
    return seen


def all_paths(chart: Flowchart, node_id: str | None = None) -> list[Route]:
    """Every way from a node (default: the start) to an outcome, in answer order."""
    node = chart.nodes[node_id or chart.start]
    if isinstance(node, Outcome):
        return [Route((), node)]
    return [
        Route(((node.id, answer), *rest.steps), rest.outcome)
        for answer in node.answers
        for rest in all_paths(chart, answer.next)
    ]


# -----------------------------------------------------------------------------
# Safety: warning signs never lead below the minimum; "not sure" never lowers care
# -----------------------------------------------------------------------------


def check_safety(chart: Flowchart) -> None:
    """Check the two safety rules on every path; name the first offending one."""
    minimum = chart.red_flag_minimum
    for path in all_paths(chart):
        flags = [answer for _, answer in path.steps if answer.red_flag]
        if flags and path.outcome.level.rank < minimum.rank:
            raise AuthorError(
                chart.file,
                flags[0].place,
                f"a red-flag answer ends below '{minimum.label}' on the path {path.describe()}",
                f"lead '{flags[0].label}' to an outcome at '{minimum.label}' or higher",
            )

    @cache
    def worst(node_id: str) -> int:
        return max(path.outcome.level.rank for path in all_paths(chart, node_id))

    for node in chart.nodes.values():
        if not isinstance(node, Question):
            continue
        for answer in (a for a in node.answers if a.not_sure):
            floor = max((worst(other.next) for other in node.answers if other is not answer), default=-1)
            for rest in all_paths(chart, answer.next):
                if rest.outcome.level.rank < floor:
                    lead = _path_to(chart, node.id)
                    path = Route((*lead, (node.id, answer), *rest.steps), rest.outcome)
                    label = chart.levels[floor].label
                    raise AuthorError(
                        chart.file,
                        answer.place,
                        f"'{answer.label}' can end lower than another answer to this question ('{label}') on the path {path.describe()}",
                        f"lead '{answer.label}' where the most careful answer here leads",
                    )


def _path_to(chart: Flowchart, target: str) -> tuple[tuple[str, Answer], ...]:
    """The first steps (in answer order) from the start to a question."""

    def search(node_id: str, steps: tuple) -> tuple | None:
        if node_id == target:
            return steps
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                found = search(answer.next, (*steps, (node_id, answer)))
                if found is not None:
                    return found
        return None

    return search(chart.start, ()) or ()
