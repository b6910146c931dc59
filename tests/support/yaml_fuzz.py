"""Hypothesis strategies for author data: random YAML trees, and good files broken at random."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import yaml
from hypothesis import strategies as st

from support.sitebuild import ROOT


def _field_names(schema: Any) -> set[str]:
    """Every property name a schema mentions, at any depth."""
    names: set[str] = set()
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for value in schema.values():
            names |= _field_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= _field_names(value)
    return names


FIELDS = sorted(
    set().union(*(_field_names(json.loads(p.read_text())) for p in (ROOT / "hooks/schemas").glob("*.json")))
)

# Values that mean something to the validators, plus text that must never become markup.
MEANINGFUL = [
    "single", "multiple", "true-false", "facts.md#sizes", "care.md#soil", "facts.md", "nowhere.md#x",
    "jupiter", "mars", "repot", "fine", "wilting", "urgent", "self-care", "planets", "plant-check",
    "Yes", "No", "Not sure", "", " ", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", "**bold** and `code`", "line one\nline two", "a: b", "- item",
]

texts = st.one_of(st.sampled_from(MEANINGFUL), st.text(max_size=12))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True, allow_infinity=True), st.dates(), texts
)
keys = st.one_of(
    st.sampled_from(FIELDS), st.sampled_from(MEANINGFUL[:16]), st.text(max_size=6), st.integers(0, 2), st.booleans(),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=40,
)


def dump(value: Any) -> str:
    """YAML text for a tree, in the block style authors write."""
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def broken_data(draw: st.DrawFn, good_text: str) -> str:
    """A good file with one to three structural changes: delete, replace, copy, rename or swap."""
    data = copy.deepcopy(yaml.safe_load(good_text))
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))[1:]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = _at(data, path[:-1]), path[-1]
        operation = draw(st.sampled_from(["delete", "replace", "copy", "rename", "swap"]))
        if operation == "delete":
            del parent[key]
        elif operation == "replace":
            parent[key] = draw(trees)
        elif operation == "copy":
            if isinstance(parent, list):
                parent.insert(key, copy.deepcopy(parent[key]))
            else:
                parent[draw(keys)] = copy.deepcopy(parent[key])
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(key)
        elif operation == "swap" and isinstance(parent, list) and len(parent) > 1:
            other = draw(st.integers(0, len(parent) - 1))
            parent[key], parent[other] = parent[other], parent[key]
    return dump(data)


YAML_MARKS = [*":-[]{}'\"#&*!|>%@,?\t ", "\n", "  ", ": ", "- "]


@st.composite
def broken_text(draw: st.DrawFn, good_text: str) -> str:
    """A good file with one to three edits to its text: lines dropped, copied, re-indented, or marks typed in."""
    lines = good_text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["drop", "copy", "indent", "dedent", "type", "cut"]))
        if operation == "drop":
            del lines[index]
        elif operation == "copy":
            lines.insert(index, lines[index])
        elif operation == "indent":
            lines[index] = "  " + lines[index]
        elif operation == "dedent":
            lines[index] = lines[index][2:] if lines[index].startswith("  ") else lines[index]
        elif operation == "type":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(YAML_MARKS) | st.text(max_size=3)) + line[at:]
        else:
            lines = lines[:index]
    return "".join(lines)


def good_files(suffix: str, *extra: str) -> list[str]:
    """The site's own data files of one kind, plus the given texts."""
    return [*extra, *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "quiz_data").glob(f"*{suffix}")))]

