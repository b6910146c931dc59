"""Load author YAML safely, keeping where each value sits for error messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from loading.author_errors import AuthorError

# libyaml's parser when PyYAML has it (its wheels do): several times faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathPart = str | int

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
INT_TAG = "tag:yaml.org,2002:int"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


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

    def written(self, path: tuple[PathPart, ...]) -> str | None:
        """The value at path as typed in the file, if it is a single value (not a list or mapping)."""
        node = self.root
        for part in path:
            found = _child(node, part)
            if found is None:
                return None
            node = found[1]
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def place(self, path: tuple[PathPart, ...]) -> str:
        """Where path is, for messages: 'line 12 (questions[2].source)'."""
        return place(self.line(path), path)

    def error(self, path: tuple[PathPart, ...], problem: str, fix: str) -> AuthorError:
        """An AuthorError placed at path."""
        return AuthorError(self.file, self.place(path), problem, fix)


def printable(text: str) -> str:
    """Text as it can be shown on one line: control characters written as escapes."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def format_path(path: tuple[PathPart, ...]) -> str:
    """questions[2].options[0].text, the way an author reads the file."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{printable(str(part))}" if text else printable(str(part)))
    return text


def place(line: int, path: tuple[PathPart, ...]) -> str:
    """'line 12 (questions[2].source)', or just the line at the top level."""
    return f"line {line} ({format_path(path)})" if path else f"line {line}"


# Quiz and flowchart files need a handful of levels; far more is a runaway
# indent or a generated file, and would exhaust Python's stack further on.
MAX_DEPTH = 40
MAX_FLOW_BRACKETS = 1000
MAX_NUMBER_LENGTH = 100

# Markdown's marks and spaces; text made of nothing else shows nothing.
MARKS_ONLY = re.compile(r"[\s\[\]()*_`~#>|\\-]+")
# [](page.md): a link a screen reader can only call "link".
EMPTY_LINK = re.compile(r"(?<!!)\[\s*\]\(")
# ![alt](src): data text shows no images (they could load from elsewhere).
IMAGE = re.compile(r"!\[[^\]]*\]\(")
# [x](page.html#a), [x](page/) or [x](page): a link to a built page is published
# unchecked; the .md one is checked. Files with another ending (a .pdf) pass.
BUILT_PAGE_LINK = re.compile(
    r"\]\(\s*(?P<href>(?![a-z][a-z0-9+.-]*:|//|#)(?:[^)\s#]*?\.html?|[^)\s#]*/|(?:[^)\s#]*/)?[^)\s#./]+)"
    r"(?:#[^)\s]*)?)\s*\)",
    re.I,
)

# Block Markdown that only works at the start of a line, found mid-line: what
# folding (>-, or plain text over several lines) makes of a list or heading.
# A new item starts a line or follows a sentence's end; a bare " - " in prose
# is a dash, unless a bold lead-in ("- **Sleep:**") shows it is an item.
_ITEM_START = r"(?:^[ \t]*|[.:;!?)](?:\*\*|__)?[ \t]+)"
_BULLET = re.compile(_ITEM_START + r"(?P<mark>[-*+])[ \t]+\S")
_BOLD_BULLET = re.compile(r"(?<=\s)(?P<mark>[-*+])[ \t]+(?:\*\*|__)\S")
_NUMBER = re.compile(_ITEM_START + r"(\d{1,3})[.)][ \t]+\S")
_MID_HEADING = re.compile(r"\S[ \t]+(?:#{2,6}|(?<=[.:!?][ \t])#)[ \t]+\S")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# Unicode's control characters (Cc) and lone surrogates (Cs), but tab and newline.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# What every mistake _check_text and flattened_markdown look for contains: a
# link's "](", a list mark or "#" before a space, a number's "1." or "1)", a
# control character. Text without any of them needs neither check.
_TEXT_CLUE = re.compile(r"\]\(|[-*+#][ \t]|\d[.)][ \t]|" + CONTROL.pattern)


def load_yaml(text: str, file: str) -> YamlDocument:
    """Parse with yaml.safe_load semantics; reject empty files, duplicate keys and aliases."""
    deep = _runaway_brackets(text)
    if deep:
        raise AuthorError(
            file, f"line {deep}", f"the data is nested more than {MAX_DEPTH} levels deep",
            "check the indentation and brackets",
        )
    loader = SafeLoader(text)
    root: yaml.Node | None
    try:
        # One parse: the node tree (with lines) first, checked, then data built from it.
        root = loader.get_single_node()
        if root is not None:
            _check_tree(root, file)
        data = _construct(loader, root) if root is not None else None
    except yaml.YAMLError as error:
        raise _syntax_error(error, file, text) from None
    except (ValueError, OverflowError):
        # 2026-02-30 or a !!float tag on a word: the parser accepts it, Python cannot build it.
        raise _unreadable_value(root, file) from None
    except RecursionError:
        raise AuthorError(
            file, "", f"the data is nested more than {MAX_DEPTH} levels deep", "check the indentation and brackets"
        ) from None
    finally:
        loader.dispose()
    if root is None:
        raise AuthorError(file, "", "the file is empty", "add the data, or delete the file")
    return YamlDocument(file, data, root)


def _construct(loader: Any, node: yaml.Node) -> Any:
    """The data of a checked tree: what loader.construct_document builds, in a third of the time."""
    # Plain mappings, lists and text are built here; every other value (numbers,
    # dates, true, null, tagged collections) by PyYAML's safe constructor. The
    # tree's keys are known to be text, so a merge key (<<) never gets here.
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value if node.tag == STR_TAG else loader.construct_object(node)
    if kind is yaml.MappingNode and node.tag == MAP_TAG:
        return {key.value: _construct(loader, value) for key, value in node.value}
    if kind is yaml.SequenceNode and node.tag == SEQ_TAG:
        return [_construct(loader, item) for item in node.value]
    return loader.construct_object(node, deep=True)


def _runaway_brackets(text: str) -> int | None:
    """The line where [ and { pile up past any sane depth, if they do."""
    # libyaml recurses in C for each level; tens of thousands crash the process
    # outright, before any Python check could run. Brackets inside quoted text
    # count too, which is harmless at this limit.
    if text.count("[") + text.count("{") <= MAX_FLOW_BRACKETS:
        return None  # never that deep: the common case, without a walk through every character
    depth, line = 0, 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_FLOW_BRACKETS:
                return line
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "\n":
            line += 1
    return None


def _syntax_error(error: yaml.YAMLError, file: str, text: str) -> AuthorError:
    """The parser's complaint, placed and worded for an author."""
    if isinstance(error, yaml.reader.ReaderError):
        # A control or other unprintable character, invisible in most editors.
        line = text.count("\n", 0, error.position) + 1
        return AuthorError(
            file, f"line {line}", f"the text holds a character YAML does not allow (code {error.character:#06x})",
            "delete it; it is often invisible, so retype the line",
        )
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = (getattr(error, "problem", None) or str(error)).replace("\n", " ")
    for clue, (what, fix) in SYNTAX_HINTS.items():
        if clue in problem:
            return AuthorError(file, where, what, fix)
    return AuthorError(
        file,
        where,
        f"this is not valid YAML ({problem})",
        "check the indentation and quoting here; a value containing ': ' or starting with a symbol needs quotes",
    )


# Parser complaints whose usual fix is not about indentation or quoting.
SYNTAX_HINTS = {
    "could not determine a constructor for the tag": (
        "a YAML tag (a word starting with '!') is not supported here",
        "remove the tag, or put the whole value in quotes if the '!' belongs to the text",
    ),
    "but found another document": (
        "the file holds a second YAML document after a '---' line",
        "keep one quiz or flowchart per file: delete the '---' line and what follows, or move it to a file of its own",
    ),
    "invalid Unicode character escape": (
        "a \\u or \\U escape in double-quoted text is not a valid character",
        "type the character itself, or fix the code after the backslash",
    ),
}


def _child(node: yaml.Node, part: PathPart) -> tuple[yaml.Node, yaml.Node] | None:
    """(node marking where the child is written, the child's value node)."""
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        return next(((key, value) for key, value in node.value if key.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], node.value[part]
    return None


def _walk(root: yaml.Node) -> Iterator[tuple[yaml.Node, tuple[PathPart, ...], int, int]]:
    """Every node in document order, with its path, the line that names it and its depth."""
    # Children pushed in reverse so they come off in document order. Lazy: a
    # caller that stops at an alias's repeat never walks a looping alias.
    stack: list[tuple[yaml.Node, tuple[PathPart, ...], int, int]] = [(root, (), root.start_mark.line + 1, 0)]
    while stack:
        node, path, line, depth = stack.pop()
        yield node, path, line, depth
        if isinstance(node, yaml.MappingNode):
            children = [
                (value, (*path, str(key.value)), key.start_mark.line + 1, depth + 1) for key, value in node.value
            ]
        elif isinstance(node, yaml.SequenceNode):
            children = [
                (item, (*path, index), item.start_mark.line + 1, depth + 1) for index, item in enumerate(node.value)
            ]
        else:
            children = []
        stack.extend(reversed(children))


def _check_tree(root: yaml.Node, file: str) -> None:
    """Reject duplicate keys, aliases and runaway nesting, first in document order."""
    # A lean pass first: no paths, and the text checks only where a clue to a
    # mistake is in the text. It costs a fifth of the placed pass, which runs
    # only when this one finds something, and then says where.
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        kind = type(node)
        if id(node) in seen or depth > MAX_DEPTH:
            break
        seen.add(id(node))
        if kind is yaml.MappingNode:
            keys = node.value
            if any(type(key) is not yaml.ScalarNode or key.tag != STR_TAG for key, _ in keys) or len(
                {key.value for key, _ in keys}
            ) != len(keys):
                break
            stack.extend((value, depth + 1) for _, value in reversed(keys))
        elif kind is yaml.SequenceNode:
            stack.extend((item, depth + 1) for item in reversed(node.value))
        elif node.tag == STR_TAG:
            value = node.value
            if _TEXT_CLUE.search(value) or (value and (not value.strip() or MARKS_ONLY.fullmatch(value))):
                break
        elif node.tag == INT_TAG and len(node.value) > MAX_NUMBER_LENGTH:
            break
    else:
        return
    _check_tree_placed(root, file)


def _check_tree_placed(root: yaml.Node, file: str) -> None:
    """Reject duplicate keys, aliases and runaway nesting, first in document order, with each mistake's place."""
    seen: set[int] = set()
    for node, path, line, depth in _walk(root):
        if id(node) in seen:
            # The composer hands back the anchored node itself for `*name`.
            raise AuthorError(
                file, place(line, path),
                f"this value repeats the one on line {node.start_mark.line + 1} through a YAML alias (*name)",
                "write the value out in full; anchors (&) and aliases (*) are not supported in these files",
            )
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise AuthorError(
                file, f"line {line}", f"the data is nested more than {MAX_DEPTH} levels deep",
                "check the indentation and brackets",
            )
        if isinstance(node, yaml.MappingNode):
            _check_keys(node, path, file)
        elif isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            try:
                _check_text(node.value, file, "")
                _check_unflattened(node, file, "")
            except AuthorError as error:
                # The place is written only for a mistake: for every scalar of a
                # large file it would cost more than the checks themselves.
                raise AuthorError(file, place(line, path), error.problem, error.fix) from None
        elif isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG and len(node.value) > MAX_NUMBER_LENGTH:
            # Python refuses to read integers of thousands of digits (a ValueError).
            raise AuthorError(
                file, place(line, path), f"this number is {len(node.value)} characters long",
                "shorten it; if it is meant as text, put it in quotes",
            )


def _check_keys(node: yaml.MappingNode, path: tuple[PathPart, ...], file: str) -> None:
    """Every key is text, and none appears twice."""
    keys: set[str] = set()
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag != STR_TAG:
            # `1:`, `yes:`, `2024-01-01:` or `? [a]` would not be text once loaded.
            where = place(key.start_mark.line + 1, path)
            if isinstance(key, yaml.ScalarNode):
                raise AuthorError(
                    file, where, f"the key '{printable(key.value)}' is not read as text",
                    f"quote it, like '{printable(key.value)}', or use a word",
                )
            raise AuthorError(file, where, "a key here is a list or a mapping", "use a word as the key")
        if key.value in keys:
            # PyYAML keeps the last of two equal keys without a word; that hides typos.
            raise AuthorError(
                file, place(key.start_mark.line + 1, (*path, key.value)),
                f"the key '{printable(key.value)}' appears twice here", "keep one of them",
            )
        keys.add(key.value)


def _unreadable_value(root: yaml.Node | None, file: str) -> AuthorError:
    """The value YAML recognised (a date, a number) but could not build, like 2026-02-30."""
    for node, path, line, _ in _walk(root) if root is not None else ():
        if isinstance(node, yaml.ScalarNode) and node.tag != STR_TAG:
            try:
                SafeConstructor().construct_object(node)
            except (ValueError, OverflowError):
                what = "a date or time" if node.tag == TIMESTAMP_TAG else "a number"
                return AuthorError(
                    file, place(line, path),
                    f"YAML reads '{printable(node.value)}' as {what}, but it is not a real one",
                    "correct it, or put it in quotes if it is meant as text",
                )
    return AuthorError(file, "", "a value cannot be read", "check the dates and numbers in the file")


def _check_text(value: str, file: str, where: str) -> None:
    """Reject text no reader could see: blank, or holding control characters from escapes like \\0."""
    if value and not value.strip():
        raise AuthorError(
            file, where, "the text is blank (only spaces or empty lines)",
            "write the text, or remove the field if it is optional",
        )
    if value and not MARKS_ONLY.sub("", value):
        # '**' or '[]()' render as nothing: an option or button with no name.
        raise AuthorError(
            file, where, f"the text {printable(value)!r} shows nothing once its Markdown is applied",
            "write the words a reader should see",
        )
    if EMPTY_LINK.search(value):
        raise AuthorError(
            file, where, "a link here has no text between [ and ]",
            "write the words a reader clicks between the brackets, like [Read more](page.md#section)",
        )
    if IMAGE.search(value):
        raise AuthorError(
            file, where, "the text holds an image (![...](...)), and quiz and flowchart text shows no images",
            "say it in words, or put the image on a page and link to that page",
        )
    built = BUILT_PAGE_LINK.search(value)
    if built:
        href = built["href"]
        path, _, anchor = href.partition("#")
        page = re.sub(r"\.html?$", "", path, flags=re.I).rstrip("/") or "index"
        md = f"{page}.md" + (f"#{anchor}" if anchor else "")
        raise AuthorError(
            file, where, f"the link to '{href}' names the built page, so the build cannot check it",
            f"link to the Markdown file instead: ({md})",
        )
    control = CONTROL.search(value)
    if control:
        # The reader refuses these typed raw; "\\0" or "\\x07" in double quotes still makes one.
        raise AuthorError(
            file, where, f"the text holds an invisible control character (code {ord(control.group()):#06x})",
            "remove the backslash escape that makes it",
        )


def flattened_markdown(text: str) -> str | None:
    """What block Markdown runs together on one line of the text, said for a message, if any."""
    for line in _CODE_SPAN.sub("``", text).splitlines():
        items = {m.start("mark") for pattern in (_BULLET, _BOLD_BULLET) for m in pattern.finditer(line)}
        if len(items) >= 2:
            return "the list items here run together on one line"
        first = _NUMBER.search(line)
        if first and re.search(rf"\s{int(first.group(1)) + 1}[.)][ \t]+\S", line[first.end():]):
            return "the numbered list items here run together on one line"
        if _MID_HEADING.search(line):
            return "a heading here runs on in one line with other text"
    return None


def _check_unflattened(node: yaml.ScalarNode, file: str, where: str) -> None:
    """Reject a list or heading that YAML folded into one line, which Markdown then shows as one run-on paragraph."""
    what = flattened_markdown(node.value)
    if what is None:
        return
    if node.style == ">":
        fix = "use | instead of >- so the lines stay apart"
        cause = "because a folded block (>-) joins its lines"
    elif node.start_mark.line != node.end_mark.line:
        fix = "start the text with | on the key's line and indent it below, so the lines stay apart"
        cause = "because text written over several lines without | is joined into one"
    else:
        fix = "put each item or heading on a line of its own, in a block that starts with | on the key's line"
        cause = "and Markdown only sees a list item or heading at the start of a line"
    raise AuthorError(file, where, f"{what}, {cause}", fix)
