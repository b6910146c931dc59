"""Decision flowcharts (quiz_data/*.flow.yml): read, checked for shape and safety."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from content.care_cards import CALL_LEVEL, DEFAULT_LEVELS
from loading.author_errors import AuthorError
from loading.data_files import check_kind, load_data_files
from loading.same_text import first_repeat
from loading.schema_check import check_against_schema
from loading.section_refs import SectionRef, read_section_ref
from loading.yaml_source import PathPart, YamlDocument, load_yaml

SCHEMA = "flowchart.schema.json"
SUFFIX = ".flow.yml"


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
class FlowQuestion:
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
    links: tuple[SectionRef, ...]
    place: str


Node = FlowQuestion | Outcome


@dataclass(frozen=True)
class Flowchart:
    """A whole decision tree."""

    id: str
    title: str
    intro: str | None
    start: str
    levels: tuple[Level, ...]
    red_flag_minimum: Level
    emergency_signs: str | None  # needed once an outcome is at the emergency level
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


def parse_flowchart(
    text: str, file: str, level_names: Mapping[str, str] = DEFAULT_LEVELS, not_sure_words: Iterable[str] = (),
) -> Flowchart:
    """Parse one flowchart file and run every check; raise AuthorError on a mistake.

    level_names: the site's name for each care level; not_sure_words: the site language's words for
    "I'm not sure", besides English's."""
    doc = load_yaml(text, file)
    check_kind(doc, SUFFIX, "nodes", {"questions": ("quiz", ".quiz.yml")})
    check_against_schema(doc, SCHEMA)
    data = doc.data
    not_sure = not_sure_pattern([*NOT_SURE_WORDS, *not_sure_words])
    levels = _levels(doc, level_names)
    by_id = {level.id: level for level in levels}
    nodes: dict[str, Node] = {}
    one_node = _one_node_documents(doc)
    for node_id, raw in data["nodes"].items():
        path = ("nodes", node_id)
        node_doc = one_node.get(node_id, doc)
        place = node_doc.place(path)
        if "question" in raw:
            _unique_labels(node_doc, raw["answers"], path)
            _flag_not_sure(node_doc, raw["answers"], path, not_sure)
            answers = tuple(
                Answer(a["label"], a["next"], a.get("red_flag", False), a.get("not_sure", False),
                       node_doc.place((*path, "answers", i, "next")))
                for i, a in enumerate(raw["answers"])
            )
            nodes[node_id] = FlowQuestion(node_id, raw["question"], raw.get("help"), answers, place)
        else:
            level = _known_level(node_doc, by_id, raw["level"], (*path, "level"))
            links = tuple(read_section_ref(node_doc, (*path, "links", i)) for i in range(len(raw["links"])))
            nodes[node_id] = Outcome(
                node_id, level, raw["action"], raw["who"], raw["when"], raw["advice"], links, place,
            )
    minimum = _known_level(doc, by_id, data["red_flag_minimum"], ("red_flag_minimum",))
    if minimum.rank == 0:
        # The safety rule would then let a warning sign end at "no need to see anyone".
        raise doc.error(
            ("red_flag_minimum",),
            f"'{minimum.id}' is the lowest care level (the first under levels:), so a red-flag answer could end there",
            "list the levels from the lowest to the most urgent, and "
            "set red_flag_minimum to one where the reader sees someone",
        )
    emergency = [n.id for n in nodes.values() if isinstance(n, Outcome) and n.level.id == CALL_LEVEL]
    if emergency and not data.get("emergency_signs"):
        # Every other outcome tells readers which signs mean calling instead.
        raise doc.error(
            (), f"the outcome '{emergency[0]}' is an emergency, but emergency_signs is missing",
            "add emergency_signs: with the signs that mean calling the emergency number, shown in every other outcome",
        )
    chart = Flowchart(
        data["id"], data["title"], data.get("intro"), data["start"], levels, minimum,
        data.get("emergency_signs"), data["not_a_diagnosis"], nodes, file,
    )
    check_graph(chart, doc)
    check_safety(chart)
    return chart


def load_flowcharts(
    folder: Path, level_names: Mapping[str, str] = DEFAULT_LEVELS, not_sure_words: Iterable[str] = (),
) -> dict[str, Flowchart]:
    """Every *.flow.yml under folder, by id; ids must be unique."""
    return load_data_files(folder, SUFFIX, _parser(tuple(level_names.items()), tuple(not_sure_words)), "flowchart")


@functools.cache
def _parser(names: tuple[tuple[str, str], ...], not_sure: tuple[str, ...]) -> Callable[[str, str], Flowchart]:
    """One parser per site setting: load_data_files keeps parsed files per parser across rebuilds."""
    return functools.partial(parse_flowchart, level_names=dict(names), not_sure_words=not_sure)


def _one_node_documents(doc: YamlDocument) -> dict[str, YamlDocument]:
    """Per node id, the document cut down to nodes: holding that one node; same data, lines and paths.

    doc.line looks a key up by scanning its mapping, so placing every answer
    of thousands of nodes in the whole document would take quadratic time.
    """
    root = doc.root
    found = next(((key, value) for key, value in root.value if key.value == "nodes"), None)
    if found is None:
        return {}
    nodes_key, nodes = found
    cut: dict[str, YamlDocument] = {}
    for key, value in nodes.value:
        if not isinstance(key, yaml.ScalarNode):
            continue  # not a node id; such a key falls back to the whole document
        one = yaml.MappingNode(nodes.tag, [(key, value)], nodes.start_mark, nodes.end_mark)
        cut.setdefault(
            key.value,
            YamlDocument(
                doc.file, doc.data, yaml.MappingNode(root.tag, [(nodes_key, one)], root.start_mark, root.end_mark),
            ),
        )
    return cut


def _levels(doc: YamlDocument, names: Mapping[str, str]) -> tuple[Level, ...]:
    seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["levels"]):
        if raw["id"] in seen:
            raise doc.error(
                ("levels", index, "id"), f"the level id '{raw['id']}' is used twice", "give each level its own id",
            )
        seen[raw["id"]] = index
    ids = [raw["id"] for raw in doc.data["levels"]]
    for index, level_id in enumerate(ids):
        if level_id not in THEME_LEVELS:
            # A level the theme does not style builds a card with no badge, icon or border.
            guess = difflib.get_close_matches(level_id, THEME_LEVELS, n=1)
            raise doc.error(
                ("levels", index, "id"), f"'{level_id}' is not a care level the theme styles",
                (f"did you mean '{guess[0]}'? " if guess else "")
                + f"use ids from: {', '.join(THEME_LEVELS)} (lowest first)",
            )
    ranks = [THEME_LEVELS.index(level_id) for level_id in ids]
    if ranks != sorted(ranks):
        # The order is the safety rule's scale: reversed, "safer" would mean less care.
        reversed_scale = ranks == sorted(ranks, reverse=True)
        problem = (
            "the levels are listed most urgent first" if reversed_scale
            else f"the levels are out of order ({', '.join(ids)})"
        )
        raise doc.error(
            ("levels",), problem,
            f"list them from the lowest to the most urgent: {', '.join(sorted(ids, key=THEME_LEVELS.index))}",
        )
    # One name per level for the whole site: a flowchart's outcome and a Markdown
    # card at the same level must not call it two things.
    labels = [names.get(raw["id"], raw["id"]) for raw in doc.data["levels"]]
    for index, raw in enumerate(doc.data["levels"]):
        if raw.get("label") is not None and raw["label"] != labels[index]:
            raise doc.error(
                ("levels", index, "label"),
                f"'{raw['label']}' is not the site's name for the level '{raw['id']}' ('{labels[index]}'), "
                "so cards and this flowchart would call one level two things",
                f"delete this label: (the level is then '{labels[index]}'), or rename the level for the whole site "
                f"in mkdocs.yml under extra.strings: levels: {raw['id']}:",
            )
    repeat = first_repeat(labels)
    if repeat:
        # The level's label is all a reader sees of it: two alike hide which is more urgent.
        raise doc.error(
            ("levels", repeat[0], "id"), f"two levels are both named '{labels[repeat[0]]}'",
            "give each level its own name in mkdocs.yml under extra.strings: levels:",
        )
    ids_and_labels = zip(ids, labels, strict=True)
    return tuple(Level(level_id, label, rank) for rank, (level_id, label) in enumerate(ids_and_labels))


# The care levels the theme styles (site.css), lowest first: the safety scale.
THEME_LEVELS = list(DEFAULT_LEVELS)

# Answers that mean "I don't know", in the words readers use; the not-sure
# safety rule must not depend on the author remembering the flag. The site's
# language adds its own words (catalogue checks.not_sure_words).
NOT_SURE_WORDS = ("not sure", "unsure", "don't know", "dont know", "do not know", "not certain", "uncertain", "maybe",
                  "perhaps", "can't tell", "cant tell", "cannot tell")


def not_sure_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of the words, whole, in any case."""
    alternatives = sorted({w.strip().casefold() for w in words if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)", re.I)


def _flag_not_sure(
    doc: YamlDocument, answers: list[dict[str, Any]], path: tuple[PathPart, ...], not_sure: re.Pattern[str],
) -> None:
    for index, answer in enumerate(answers):
        if not_sure.search(answer["label"].replace("’", "'").casefold()) and not answer.get("not_sure"):
            raise doc.error(
                (*path, "answers", index, "label"),
                f"the answer '{answer['label']}' reads as not sure, but has no not_sure: true, "
                "so it could lead somewhere less careful than the question's other answers",
                "add not_sure: true to this answer",
            )


def _unique_labels(doc: YamlDocument, answers: list[dict[str, Any]], path: tuple[PathPart, ...]) -> None:
    # Two buttons with one label leave the reader no way to tell them apart.
    repeat = first_repeat(answer["label"] for answer in answers)
    if repeat:
        index, first = repeat
        raise doc.error(
            (*path, "answers", index, "label"),
            f"the answer '{answers[index]['label']}' appears twice in this question "
            f"(first on line {doc.line((*path, 'answers', first, 'label'))})",
            "give each answer its own label",
        )


def _known_level(doc: YamlDocument, levels: dict[str, Level], value: str, path: tuple[PathPart, ...]) -> Level:
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
        raise AuthorError(
            file, _place(doc, ("start",)), f"the start node '{chart.start}' does not exist",
            _suggest(chart.start, chart.nodes),
        )
    if isinstance(chart.nodes[chart.start], Outcome):
        raise AuthorError(
            file, _place(doc, ("start",)), f"the start node '{chart.start}' is an outcome", "start at a question",
        )
    for node in chart.nodes.values():
        if isinstance(node, FlowQuestion):
            for answer in node.answers:
                if answer.next not in chart.nodes:
                    raise AuthorError(
                        file, answer.place,
                        f"the answer '{answer.label}' leads to '{answer.next}', which does not exist",
                        _suggest(answer.next, chart.nodes),
                    )
    _check_cycles(chart)
    reached = _reachable(chart)
    for node in chart.nodes.values():
        if node.id not in reached:
            raise AuthorError(
                file, node.place, f"the node '{node.id}' cannot be reached from the start '{chart.start}'",
                f"lead an answer to '{node.id}', or delete it",
            )
    for node in chart.nodes.values():
        if isinstance(node, FlowQuestion) and not node.answers:
            raise AuthorError(
                file, node.place, f"the question '{node.id}' is a dead end: it has no answers",
                "give it answers that lead on, ending at outcomes",
            )


def _place(doc: YamlDocument | None, path: tuple[PathPart, ...]) -> str:
    return doc.place(path) if doc else ".".join(str(p) for p in path)


def _suggest(name: str, nodes: dict[str, Node]) -> str:
    guess = difflib.get_close_matches(name, list(nodes), n=1)
    return (f"did you mean '{guess[0]}'? " if guess else "") + "use the id of a node under nodes:"


def _check_cycles(chart: Flowchart) -> None:
    # Depth-first with an explicit stack: a chain thousands of questions deep
    # must not hit Python's recursion limit. Same visiting order as recursion.
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    for root in chart.nodes:
        if root in state:
            continue
        state[root] = "open"
        trail = [root]
        stack = [iter(_targets(chart, root))]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                state[trail.pop()] = "done"
            elif state.get(target) == "open":
                loop = [*trail[trail.index(target):], target]
                node = chart.nodes[loop[-2]]
                raise AuthorError(
                    chart.file, node.place, f"the answers loop: {' → '.join(loop)}",
                    "lead one of these answers to a later question or an outcome",
                )
            elif target not in state:
                state[target] = "open"
                trail.append(target)
                stack.append(iter(_targets(chart, target)))


def _targets(chart: Flowchart, node_id: str) -> list[str]:
    node = chart.nodes[node_id]
    return [answer.next for answer in node.answers] if isinstance(node, FlowQuestion) else []


def _reachable(chart: Flowchart) -> set[str]:
    seen, todo = set(), [chart.start]
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = chart.nodes[node_id]
        if isinstance(node, FlowQuestion):
            todo.extend(answer.next for answer in node.answers)
    return seen


def all_paths(chart: Flowchart, node_id: str | None = None) -> list[Route]:
    """Every way from a node (default: the start) to an outcome, in answer order.

    The count multiplies with every shared branch: for reviewing small charts
    (the golden table), never for checks the build runs.
    """
    node = chart.nodes[node_id or chart.start]
    if isinstance(node, Outcome):
        return [Route((), node)]
    return [
        Route(((node.id, answer), *rest.steps), rest.outcome)
        for answer in node.answers
        for rest in all_paths(chart, answer.next)
    ]


def _children_first(chart: Flowchart) -> list[str]:
    """Every node after all the nodes it leads to (the graph has no loops)."""
    order: list[str] = []
    done: set[str] = set()
    for root in chart.nodes:
        if root in done:
            continue
        done.add(root)
        stack = [(root, iter(_targets(chart, root)))]
        while stack:
            node_id, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                stack.pop()
                order.append(node_id)
            elif target not in done:
                done.add(target)
                stack.append((target, iter(_targets(chart, target))))
    return order


# -----------------------------------------------------------------------------
# Safety: warning signs never lead below the minimum; "not sure" never lowers care
#
# Both rules are decided per node, not per path: paths multiply with every
# shared branch, nodes and answers do not. Each rule names the first offending
# path in answer order (the one all_paths would list first), built step by
# step by taking, at each question, the first answer that can still go wrong.
# -----------------------------------------------------------------------------


def check_safety(chart: Flowchart) -> None:
    """Check the two safety rules over the whole graph; name the first offending path."""
    order = _children_first(chart)
    lowest: dict[str, int] = {}
    highest: dict[str, int] = {}
    for node_id in order:
        node = chart.nodes[node_id]
        if isinstance(node, Outcome):
            lowest[node_id] = highest[node_id] = node.level.rank
        else:
            lowest[node_id] = min((lowest[a.next] for a in node.answers), default=len(chart.levels))
            highest[node_id] = max((highest[a.next] for a in node.answers), default=-1)
    _check_red_flags(chart, order, lowest)
    _check_not_sure(chart, lowest, highest)


def _check_red_flags(chart: Flowchart, order: list[str], lowest: dict[str, int]) -> None:
    minimum = chart.red_flag_minimum.rank

    def goes_wrong(answer: Answer, flagged: bool) -> bool:
        # After a red flag any ending below the minimum will do; before, one must still come.
        return lowest[answer.next] < minimum if flagged or answer.red_flag else unflagged_wrong[answer.next]

    unflagged_wrong: dict[str, bool] = {}  # a path from here passes a red flag, then ends too low
    for node_id in order:
        node = chart.nodes[node_id]
        unflagged_wrong[node_id] = isinstance(node, FlowQuestion) and any(goes_wrong(a, False) for a in node.answers)
    if not unflagged_wrong.get(chart.start):
        return
    steps: list[tuple[str, Answer]] = []
    node, flagged = chart.nodes[chart.start], False
    while isinstance(node, FlowQuestion):
        answer = next(a for a in node.answers if goes_wrong(a, flagged))
        steps.append((node.id, answer))
        flagged = flagged or answer.red_flag
        node = chart.nodes[answer.next]
    path = Route(tuple(steps), node)
    flag = next(answer for _, answer in steps if answer.red_flag)
    label = chart.red_flag_minimum.label
    raise AuthorError(
        chart.file,
        flag.place,
        f"a red-flag answer ends below '{label}' on the path {path.describe()}",
        f"lead '{flag.label}' to an outcome at '{label}' or higher",
    )


def _check_not_sure(chart: Flowchart, lowest: dict[str, int], highest: dict[str, int]) -> None:
    for node in chart.nodes.values():
        if not isinstance(node, FlowQuestion):
            continue
        for answer in (a for a in node.answers if a.not_sure):
            floor = max((highest[other.next] for other in node.answers if other is not answer), default=-1)
            if lowest[answer.next] < floor:
                rest = _first_ending_below(chart, answer.next, floor, lowest)
                path = Route((*_path_to(chart, node.id), (node.id, answer), *rest.steps), rest.outcome)
                raise AuthorError(
                    chart.file,
                    answer.place,
                    f"'{answer.label}' can end lower than another answer to this question "
                    f"('{chart.levels[floor].label}') on the path {path.describe()}",
                    f"lead '{answer.label}' where the most careful answer here leads",
                )


def _first_ending_below(chart: Flowchart, node_id: str, rank: int, lowest: dict[str, int]) -> Route:
    """The first path in answer order from a node to an outcome ranked below `rank`."""
    steps: list[tuple[str, Answer]] = []
    node = chart.nodes[node_id]
    while isinstance(node, FlowQuestion):
        answer = next(a for a in node.answers if lowest[a.next] < rank)
        steps.append((node.id, answer))
        node = chart.nodes[answer.next]
    return Route(tuple(steps), node)


def _path_to(chart: Flowchart, target: str) -> tuple[tuple[str, Answer], ...]:
    """The first steps (in answer order) from the start to a question; none if unreachable."""
    reaches = {target}  # nodes with a way on to the target
    for node_id in _children_first(chart):
        node = chart.nodes[node_id]
        if isinstance(node, FlowQuestion) and any(a.next in reaches for a in node.answers):
            reaches.add(node_id)
    if chart.start not in reaches:
        return ()
    steps: list[tuple[str, Answer]] = []
    node_id = chart.start
    while node_id != target:
        node = chart.nodes[node_id]
        assert isinstance(node, FlowQuestion)  # only questions were added to reaches
        answer = next(a for a in node.answers if a.next in reaches)
        steps.append((node_id, answer))
        node_id = answer.next
    return tuple(steps)
