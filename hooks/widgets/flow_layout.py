"""Lay out a flowchart for a static SVG: layers top to bottom, boxes and edges.

Our own small layered layout, so no Graphviz, Mermaid or browser is needed to
draw the diagram at build time. Sizes are in SVG user units, which are CSS px
when the diagram is shown at its own size. Text is measured (flow_font), so
every line fits inside its shape, whatever the shape's corners.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from itertools import pairwise

from language.catalogue import Catalogue
from widgets.flow_font import ASCENT, DESCENT, text_width
from widgets.flow_model import Flowchart, FlowQuestion, Outcome
from widgets.safe_markdown import MarkdownRenderer

FONT_SIZE = 12  # readable at the diagram's own size; flowchart.css shows it no smaller
LABEL_SIZE = 12  # the answers beside the arrows
LEVEL_SPACING = 0.04  # em: the level labels' letter-spacing in flowchart.css
LINE_HEIGHT = 15
PADDING = 8  # between text and the box's edge, on every side
# A diagram this wide fits the text column of a 360 px phone (flowchart.css
# shows the diagram at no less than its own size), so boxes share it.
TARGET_WIDTH = 328
MIN_BOX_WIDTH = 140
MAX_BOX_WIDTH = 200
COLUMN_GAP = 24
LAYER_GAP = 46  # room for the answer labels under each box
MARGIN = 4  # room for the outcome shapes' heavy line
PILL_RADIUS = 23  # a pill's ends; taller pills keep this radius, so text keeps its room
# A line's box from its baseline, as a browser measures it.
LINE_TOP = ASCENT * FONT_SIZE
LINE_BOTTOM = DESCENT * FONT_SIZE


@dataclass(frozen=True)
class Box:
    """One node: its place, shape and lines of text, and what it is."""

    id: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    kind: str  # "question" or "outcome"
    level: str | None
    rank: int | None
    shape: str = "round"  # "round" (corner is a radius) or "cut" (corner is the cut)
    corner: float = 3
    level_lines: int = 0  # how many of the first lines are the level label, in bold capitals
    text_x: float = 0  # where every line starts
    baseline: float = 0  # the first line's baseline; the others follow LINE_HEIGHT apart


@dataclass(frozen=True)
class Edge:
    """An arrow from one box to another, through bends, with its answers."""

    points: tuple[tuple[float, float], ...]
    label: str
    label_at: tuple[float, float]  # the first line's start and baseline
    label_lines: tuple[str, ...] = ()  # the label as drawn, LINE_HEIGHT apart


@dataclass(frozen=True)
class Diagram:
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


class _TextOnly(HTMLParser):
    """Collect the text of an HTML snippet, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@cache
def _markdown() -> MarkdownRenderer:
    return MarkdownRenderer()


def plain_text(markdown_text: str) -> str:
    """Author Markdown as the words a reader sees: marks dropped, link text kept."""
    parser = _TextOnly()
    parser.feed(str(_markdown()(markdown_text, inline=True)))
    parser.close()
    return " ".join("".join(parser.parts).split())


def line_width(text: str, *, level: bool = False) -> float:
    """How wide a line is drawn: level labels are bold, spaced capitals."""
    if level:
        return text_width(text, FONT_SIZE, bold=True, letter_spacing=LEVEL_SPACING)
    return text_width(text, FONT_SIZE)


def level_text(label: str) -> str:
    """A level label as the diagram prints it."""
    return label.upper()


def wrap(text: str, width: float, *, level: bool = False) -> tuple[str, ...]:
    """Break text into lines no wider than width; a word too long is hyphenated."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if line_width(joined, level=level) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        *whole, line = _pieces(word, width, level)
        lines += whole  # the last piece starts a line that later words can join
    if line:
        lines.append(line)
    return tuple(lines) or ("",)


def _pieces(word: str, width: float, level: bool) -> list[str]:
    """A word cut into pieces that fit: at its own hyphens first, else with one added."""
    if line_width(word, level=level) <= width:
        return [word]
    pieces: list[str] = []
    for part in word.replace("-", "-\n").split("\n"):
        while line_width(part, level=level) > width and len(part) > 1:
            cut = len(part) - 1
            while cut > 1 and line_width(part[:cut] + "-", level=level) > width:
                cut -= 1
            pieces.append(part[:cut] + "-")
            part = part[cut:]
        pieces.append(part)
    # Rejoin hyphen-split parts that fit together again, e.g. "SELF-" + "CARE".
    joined: list[str] = []
    for piece in filter(None, pieces):
        if joined and joined[-1].endswith("-") and line_width(joined[-1] + piece, level=level) <= width:
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def box_height(lines: int) -> int:
    """Padding, then the lines, then padding; whole units keep sums of heights exact."""
    return math.ceil(PADDING * 2 + LINE_HEIGHT * (lines - 1) + LINE_TOP + LINE_BOTTOM)


def line_band(index: int) -> tuple[float, float]:
    """Top and bottom of a line's box, from the top of its shape."""
    top = PADDING + LINE_HEIGHT * index
    return top, top + LINE_TOP + LINE_BOTTOM


def edge_inset(shape: str, corner: float, width: float, height: float, y: float) -> float:
    """How far in from the box's side the shape's outline is at height y."""
    if shape == "cut":
        return max(0.0, corner - y, corner - (height - y))
    r = min(corner, height / 2, width / 2)
    depth = r - y if y < r else y - (height - r) if y > height - r else 0.0
    return r - math.sqrt(max(r * r - depth * depth, 0.0))


def outline(node: FlowQuestion | Outcome, levels: int, height: float) -> tuple[str, float]:
    """A box's shape: questions are plain; outcomes grow sharper as care grows urgent."""
    if isinstance(node, FlowQuestion):
        return "round", 3
    step = round(node.level.rank * 3 / max(levels - 1, 1))
    if step == 0:
        return "round", min(PILL_RADIUS, height / 2)  # a pill: the mildest
    if step == 1:
        return "round", 0  # a plain rectangle, drawn with a heavy line
    return "cut", 8 if step == 2 else 14  # cut corners, then an octagon: a stop sign


def fit_text(
    node: FlowQuestion | Outcome, levels: int, width: float
) -> tuple[tuple[str, ...], int, float, str, float, float]:
    """Lines, level lines, height, shape, corner and side inset for one box."""
    inset = float(PADDING)
    for _ in range(20):  # the inset only grows, and is at most PADDING + corner
        room = width - 2 * inset
        if isinstance(node, FlowQuestion):
            top: tuple[str, ...] = ()
            lines = wrap(plain_text(node.text), room)
        else:
            top = wrap(level_text(node.level.label), room, level=True)
            lines = (*top, *wrap(node.action, room))
        height = box_height(len(lines))
        shape, corner = outline(node, levels, height)
        needed = PADDING + max(
            edge_inset(shape, corner, width, height, y) for i in range(len(lines)) for y in line_band(i)
        )
        if needed <= inset + 1e-9:
            break
        inset = math.ceil(needed * 4) / 4
    return lines, len(top), height, shape, corner, inset


def box_width(columns: int) -> int:
    """Boxes share a phone's width, within limits: wide charts scroll sideways."""
    share = (TARGET_WIDTH - MARGIN * 2 - COLUMN_GAP * (columns - 1)) / columns
    return max(MIN_BOX_WIDTH, min(MAX_BOX_WIDTH, math.floor(share)))


def layers(chart: Flowchart) -> dict[str, int]:
    """Each node's layer: the longest path to it from the start."""
    order: list[str] = []  # depth-first post-order = reverse topological
    seen: set[str] = {chart.start}
    # An explicit stack, not recursion: a chart thousands of questions deep
    # must not hit Python's recursion limit.
    stack: list[tuple[str, int]] = [(chart.start, 0)]
    while stack:
        node_id, index = stack.pop()
        node = chart.nodes[node_id]
        targets = [answer.next for answer in node.answers] if isinstance(node, FlowQuestion) else []
        if index < len(targets):
            stack.append((node_id, index + 1))
            if targets[index] not in seen:
                seen.add(targets[index])
                stack.append((targets[index], 0))
        else:
            order.append(node_id)
    depth = {node_id: 0 for node_id in order}
    for node_id in reversed(order):
        node = chart.nodes[node_id]
        if isinstance(node, FlowQuestion):
            for answer in node.answers:
                depth[answer.next] = max(depth[answer.next], depth[node_id] + 1)
    return depth


def merged_edges(chart: Flowchart) -> list[tuple[str, str, str]]:
    """(source, target, label) with answers that go to the same place merged."""
    edges = []
    for node in chart.nodes.values():
        if isinstance(node, FlowQuestion):
            targets: dict[str, list[str]] = {}
            for answer in node.answers:
                targets.setdefault(answer.next, []).append(answer.label)
            edges += [(node.id, target, " / ".join(labels)) for target, labels in targets.items()]
    return edges


def layout(chart: Flowchart) -> Diagram:
    """Place every node and route every edge; room is made for answers that wrap."""
    extra: dict[int, int] = {}
    for _ in range(3):  # the second pass has the room the first found wanting
        diagram, needed = _place(chart, extra)
        if needed == extra:
            break
        extra = needed
    return diagram


def _place(chart: Flowchart, extra: dict[int, int]) -> tuple[Diagram, dict[int, int]]:
    """One layout, with extra label lines' room above some layers; and the room it needed."""
    depth = layers(chart)
    edges = merged_edges(chart)
    rows: dict[int, list[str]] = {}
    # Slots in each layer, in the order answers are written; edges that skip
    # layers get a slot of their own in each layer they pass through.
    virtual: dict[tuple[str, str], list[str]] = {}
    for node_id in _in_answer_order(chart):
        rows.setdefault(depth[node_id], []).append(node_id)
    for source, target, _ in edges:
        passes = []
        for layer in range(depth[source] + 1, depth[target]):
            slot = f"{source}>{target}@{layer}"
            rows.setdefault(layer, []).append(slot)
            passes.append(slot)
        virtual[(source, target)] = passes
    columns = max(len(row) for row in rows.values())
    width_each = box_width(columns)
    fitted = {node_id: fit_text(node, len(chart.levels), width_each) for node_id, node in chart.nodes.items()}

    def column_x(position: float) -> float:
        return MARGIN + position * (width_each + COLUMN_GAP)

    centre: dict[str, tuple[float, float]] = {}
    boxes: list[Box] = []
    y: float = MARGIN
    for layer in sorted(rows):
        y += extra.get(layer, 0) * LINE_HEIGHT
        row = rows[layer]
        row_height = max((fitted[slot][2] for slot in row if slot in fitted), default=0) or LINE_HEIGHT
        # A row with fewer slots than columns sits under its parents' middle.
        offset = (columns - len(row)) / 2 if len(row) < columns else 0
        for position, slot in enumerate(row):
            x = column_x(position + offset)
            if slot in chart.nodes:
                node = chart.nodes[slot]
                lines, level_lines, height, shape, corner, inset = fitted[slot]
                boxes.append(
                    Box(slot, x, y, width_each, height, lines,
                        "question" if isinstance(node, FlowQuestion) else "outcome",
                        node.level.id if isinstance(node, Outcome) else None,
                        node.level.rank if isinstance(node, Outcome) else None,
                        shape, corner, level_lines, round(x + inset, 2), round(y + PADDING + LINE_TOP, 2))
                )
                centre[slot] = (x + width_each / 2, y)
            else:
                centre[slot] = (x + width_each / 2, y + row_height / 2)
        y += row_height + LAYER_GAP
    width = MARGIN * 2 + columns * width_each + (columns - 1) * COLUMN_GAP
    by_id = {box.id: box for box in boxes}
    outgoing: dict[str, list[tuple[str, str, str]]] = {}
    incoming: dict[str, list[str]] = {}
    for edge in edges:
        outgoing.setdefault(edge[0], []).append(edge)
        incoming.setdefault(edge[1], []).append(edge[0])
    routes: list[tuple[list[tuple[float, float]], str, tuple[float, float], str]] = []
    for source, items in outgoing.items():
        box = by_id[source]
        for index, (_, target, label) in enumerate(items):
            # Exits spread along the bottom of the box, entries along the top
            # of the target, so arrows sharing a box do not overlap.
            start = (box.x + box.width * (index + 1) / (len(items) + 1), box.y + box.height)
            end_box = by_id[target]
            senders = incoming[target]
            end = (end_box.x + end_box.width * (senders.index(source) + 1) / (len(senders) + 1), end_box.y)
            bends = [centre[slot] for slot in virtual[(source, target)]]
            points = [(round(px, 2), round(py, 2)) for px, py in _orthogonal([start, *bends, end])]
            routes.append((points, label, end, target))
    obstacles = [
        (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        for points, *_ in routes for (x1, y1), (x2, y2) in pairwise(points)
    ] + [(b.x, b.y, b.x + b.width, b.y + b.height) for b in boxes]
    needed: dict[int, int] = {}
    routed = []
    for points, label, end, target in routes:
        lines, at = _place_label(label, end, obstacles, width)
        layer = depth[target]
        needed[layer] = max(needed.get(layer, 0), len(lines) - 1)
        routed.append(Edge(tuple(points), label, at, lines))
    needed = {layer: lines for layer, lines in needed.items() if lines}
    return Diagram(width, y - LAYER_GAP + MARGIN, tuple(boxes), tuple(routed)), needed


LABEL_GAP = 5  # between an answer and its arrow
LABEL_CLEAR = 3  # between an answer and any other line


def _place_label(
    label: str, end: tuple[float, float], obstacles: list[tuple[float, float, float, float]], width: float,
) -> tuple[tuple[str, ...], tuple[float, float]]:
    """An arrow's answers just above the box it enters: right of the arrow, else left; wrapped if neither has room."""
    x, top = end
    baseline = top - 6
    for count in (1, 2, 3):
        band = (baseline - LINE_TOP - (count - 1) * LINE_HEIGHT - LABEL_CLEAR, baseline + LINE_BOTTOM + LABEL_CLEAR)
        crossing = [o for o in obstacles if o[1] < band[1] and o[3] > band[0]]
        right_end = min([o[0] for o in crossing if o[0] > x + LABEL_GAP] + [width - MARGIN]) - LABEL_CLEAR
        left_end = max([o[2] for o in crossing if o[2] < x - LABEL_GAP] + [MARGIN]) + LABEL_CLEAR
        for side, room in (("right", right_end - x - LABEL_GAP), ("left", x - LABEL_GAP - left_end)):
            lines = wrap(label, room)
            if len(lines) <= count and all(text_width(line, LABEL_SIZE) <= room for line in lines):
                widest = max(text_width(line, LABEL_SIZE) for line in lines)
                start = x + LABEL_GAP if side == "right" else x - LABEL_GAP - widest
                return lines, (round(start, 2), round(baseline - (len(lines) - 1) * LINE_HEIGHT, 2))
    # Nothing fits: on the right, as wrapped as it must be (a diagram this crowded scrolls).
    lines = wrap(label, max(right_end - x - LABEL_GAP, 40))
    return lines, (round(x + LABEL_GAP, 2), round(baseline - (len(lines) - 1) * LINE_HEIGHT, 2))


def describe(chart: Flowchart, words: Catalogue) -> str:
    """The diagram's description, from its data: questions, answers, outcomes, levels, in the reader's language."""
    questions = [node for node in chart.nodes.values() if isinstance(node, FlowQuestion)]
    outcomes = [node for node in chart.nodes.values() if isinstance(node, Outcome)]
    answers = list(dict.fromkeys(answer.label for question in questions for answer in question.answers))
    same = all([a.label for a in q.answers] == answers for q in questions)
    used = sorted({outcome.level for outcome in outcomes}, key=lambda level: level.rank)
    levels = (
        words.text("flow.describe.one_level", level=used[0].label) if len(used) == 1
        else words.text("flow.describe.level_range", lowest=used[0].label, highest=used[-1].label)
    )
    if not answers:  # nothing to ask: the start is an outcome
        return words.text("flow.describe.outcomes_only", count=len(outcomes), levels=levels)
    return words.text(
        "flow.describe.each_answered" if same else "flow.describe.answered",
        count=len(questions),
        answers=words.either(answers),
        outcomes=words.text("flow.describe.possible_outcomes", count=len(outcomes)),
        levels=levels,
    )


def _in_answer_order(chart: Flowchart) -> list[str]:
    """Nodes in breadth-first order from the start, following answers in order."""
    order, queue = [], [chart.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in order:
            continue
        order.append(node_id)
        node = chart.nodes[node_id]
        if isinstance(node, FlowQuestion):
            queue += [answer.next for answer in node.answers]
    return order


def _orthogonal(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Join points with vertical-horizontal-vertical steps, as flowcharts do."""
    route = [points[0]]
    for (x1, y1), (x2, y2) in pairwise(points):
        if x1 != x2:
            middle = y1 + min(LAYER_GAP * 0.55, (y2 - y1) / 2)
            route += [(x1, middle), (x2, middle)]
        route.append((x2, y2))
    return route
