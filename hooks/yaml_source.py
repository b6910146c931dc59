"""Load author YAML safely, keeping where each value sits for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

import yaml

from author_errors import AuthorError

# libyaml's parser when PyYAML has it (its wheels do): several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathPart = Union[str, int]


@dataclass(frozen=True)
class YamlDocument:
    """Parsed data plus the node tree that knows every value's line."""

    file: str
    data: Any
    root: yaml.Node

    def line(self, path: tuple[PathPart, ...]) -> int:
        """1-based line of the key or item at path, or of its nearest existing parent."""
        node, line = self.root, self.root.start_mark.line + 1
        for part in path:
            found = _child(node, part)
            if found is None:
                break
            # A mapping entry is found at its key: `options:` rather than the
            # list that starts on the next line.
            marker, node = found
            line = marker.start_mark.line + 1
        return line

    def place(self, path: tuple[PathPart, ...]) -> str:
        """Where path is, for messages: 'line 12 (questions[2].source)'."""
        return place(self.line(path), path)

    def error(self, path: tuple[PathPart, ...], problem: str, fix: str) -> AuthorError:
        """An AuthorError placed at path."""
        return AuthorError(self.file, self.place(path), problem, fix)


def format_path(path: tuple[PathPart, ...]) -> str:
    """questions[2].options[0].text, the way an author reads the file."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def place(line: int, path: tuple[PathPart, ...]) -> str:
    """'line 12 (questions[2].source)', or just the line at the top level."""
    return f"line {line} ({format_path(path)})" if path else f"line {line}"


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse with yaml.safe_load semantics; reject empty files and duplicate keys."""
    loader = SafeLoader(text)
    try:
        # One parse: the node tree (with lines) first, then data built from it.
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise AuthorError(
            file,
            where,
            f"this is not valid YAML ({problem})",
            "check the indentation and quoting here; a value containing ': ' or starting with a symbol needs quotes",
        ) from None
    finally:
        loader.dispose()
    if root is None:
        raise AuthorError(file, "", "the file is empty", "add the data, or delete the file")
    _reject_duplicate_keys(root, file, ())
    return YamlDocument(file, data, root)


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node, yaml.Node] | None:
    """(node marking where the child is written, the child's value node)."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        return next(((key, value) for key, value in node.value if key.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def _reject_duplicate_keys(node: yaml.Node, file: str, path: tuple[PathPart, ...]) -> None:
    # PyYAML keeps the last of two equal keys without a word; that hides typos.
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise AuthorError(
                    file,
                    place(key.start_mark.line + 1, (*path, key.value)),
                    f"the key '{key.value}' appears twice here",
                    "keep one of them",
                )
            seen.add(key.value)
            _reject_duplicate_keys(value, file, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _reject_duplicate_keys(item, file, (*path, index))
