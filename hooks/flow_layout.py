"""Lay out a flowchart for a static SVG: layers top to bottom, boxes and edges.

Our own small layered layout, so no Graphviz, Mermaid or browser is needed to
draw the diagram at build time. Sizes are in SVG user units.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from flow_model import Flowchart, Outcome, Question

BOX_WIDTH = 200
CHARS_PER_LINE = 30  # about what fits BOX_WIDTH at FONT_SIZE in a sans-serif font
FONT_SIZE = 12
LINE_HEIGHT = 15
PADDING = 8
COLUMN_GAP = 36
LAYER_GAP = 46  # room for the answer labels under each box
MARGIN = 10


@dataclass(frozen=True)
class Box:
    """One node: its place, its lines of text and what it is."""

    id: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    kind: str  # "question" or "outcome"
    level: str | None
    rank: int | None


@dataclass(frozen=True)
class Edge:
    """An arrow from one box to another, through bends, with its answers."""

    points: tuple[tuple[float, float], ...]
    label: str
    label_at: tuple[float, float]


@dataclass(frozen=True)
class Diagram:
    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


def wrap(text: str) -> tuple[str, ...]:
    """Break text into lines that fit a box."""
    return tuple(textwrap.wrap(text, CHARS_PER_LINE, break_long_words=True)) or ("",)


def box_lines(node: Question | Outcome) -> tuple[str, ...]:
    """A question's words; an outcome's level label, then its call to action."""
    if isinstance(node, Question):
        return wrap(node.text)
    return (node.level.label.upper(), *wrap(node.action))


def layers(chart: Flowchart) -> dict[str, int]:
    """Each node's layer: the longest path to it from the start."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(node_id: str) -> None:  # depth-first post-order = reverse topological
        if node_id in seen:
            return
        seen.add(node_id)
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                visit(answer.next)
        order.append(node_id)

    visit(chart.start)
    depth = {node_id: 0 for node_id in order}
    for node_id in reversed(order):
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                depth[answer.next] = max(depth[answer.next], depth[node_id] + 1)
    return depth


def merged_edges(chart: Flowchart) -> list[tuple[str, str, str]]:
    """(source, target, label) with answers that go to the same place merged."""
    edges = []
    for node in chart.nodes.values():
        if isinstance(node, Question):
            targets: dict[str, list[str]] = {}
            for answer in node.answers:
                targets.setdefault(answer.next, []).append(answer.label)
            edges += [(node.id, target, " / ".join(labels)) for target, labels in targets.items()]
    return edges


def layout(chart: Flowchart) -> Diagram:
    """Place every node and route every edge."""
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
    heights = {
        node_id: PADDING * 2 + LINE_HEIGHT * len(box_lines(chart.nodes[node_id]))
        for node_id in chart.nodes
    }
    column_x = lambda position: MARGIN + position * (BOX_WIDTH + COLUMN_GAP)  # noqa: E731
    centre: dict[str, tuple[float, float]] = {}
    boxes: list[Box] = []
    y = MARGIN
    for layer in sorted(rows):
        row = rows[layer]
        row_height = max((heights.get(slot, 0) for slot in row), default=0) or LINE_HEIGHT
        # A row with fewer slots than columns sits under its parents' middle.
        offset = (columns - len(row)) / 2 if len(row) < columns else 0
        for position, slot in enumerate(row):
            x = column_x(position + offset)
            if slot in chart.nodes:
                node = chart.nodes[slot]
                boxes.append(
                    Box(slot, x, y, BOX_WIDTH, heights[slot], box_lines(node),
                        "question" if isinstance(node, Question) else "outcome",
                        node.level.id if isinstance(node, Outcome) else None,
                        node.level.rank if isinstance(node, Outcome) else None)
                )
                centre[slot] = (x + BOX_WIDTH / 2, y)
            else:
                centre[slot] = (x + BOX_WIDTH / 2, y + row_height / 2)
        y += row_height + LAYER_GAP
    by_id = {box.id: box for box in boxes}
    routed = []
    outgoing: dict[str, list[tuple[str, str, str]]] = {}
    incoming: dict[str, list[str]] = {}
    for edge in edges:
        outgoing.setdefault(edge[0], []).append(edge)
        incoming.setdefault(edge[1], []).append(edge[0])
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
            points = _orthogonal([start, *bends, end])
            # The answer sits just above the box it leads to, beside the arrow.
            routed.append(Edge(tuple(points), label, (end[0] + 5, end[1] - 6)))
    width = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * COLUMN_GAP
    return Diagram(width, y - LAYER_GAP + MARGIN, tuple(boxes), tuple(routed))


def _in_answer_order(chart: Flowchart) -> list[str]:
    """Nodes in breadth-first order from the start, following answers in order."""
    order, queue = [], [chart.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in order:
            continue
        order.append(node_id)
        node = chart.nodes[node_id]
        if isinstance(node, Question):
            queue += [answer.next for answer in node.answers]
    return order


def _orthogonal(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Join points with vertical-horizontal-vertical steps, as flowcharts do."""
    route = [points[0]]
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        if x1 != x2:
            middle = y1 + min(LAYER_GAP * 0.55, (y2 - y1) / 2)
            route += [(x1, middle), (x2, middle)]
        route.append((x2, y2))
    return route
