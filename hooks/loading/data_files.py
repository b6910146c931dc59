"""Find and parse every data file of one kind in quiz_data/, with unique ids."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from loading.author_errors import AuthorError
from loading.yaml_source import YamlDocument

YAML_SUFFIXES = (".yml", ".yaml")


class _HasId(Protocol):
    # Read-only, so the frozen dataclasses (Quiz, Flowchart) satisfy it.
    @property
    def id(self) -> str: ...
    @property
    def file(self) -> str: ...


Item = TypeVar("Item", bound=_HasId)


# What the last load of each kind parsed, by (file, text): `mkdocs serve` rebuilds
# in one process, and after one quiz_data/ edit only that file is parsed again.
# Parsing is a pure function of the text and the items are frozen, so reuse is safe.
# Each parse function's entry holds only what that function returned (hence Any).
_parsed: dict[Callable[[str, str], object], dict[tuple[str, str, str], Any]] = {}


def load_data_files(
    folder: Path, suffix: str, parse: Callable[[str, str], Item], kind: str, shown_as: str = "quiz_data"
) -> dict[str, Item]:
    """Every `*suffix` file under folder, parsed, by id; raises AuthorError on a clash."""
    items: dict[str, Item] = {}
    where = str(folder.resolve())
    previous = _parsed.get(parse, {})
    # Only this load's files are kept: an edited file's old text is dropped.
    current: dict[tuple[str, str, str], Item] = {}
    _parsed[parse] = current
    for path in sorted(folder.glob(f"**/*{suffix}")):
        if _hidden(path, folder):
            continue
        file = f"{shown_as}/{path.relative_to(folder).as_posix()}"
        if path.is_dir():
            raise AuthorError(
                file, "", f"this is a folder, but its name ends in {suffix}",
                f"rename the folder; only {kind} files may end in {suffix}",
            )
        text = read_text(path, file)
        item: Item | None = previous.get((where, file, text))
        if item is None:
            item = parse(text, file)
        current[(where, file, text)] = item
        if item.id in items:
            raise AuthorError(
                file, "id", f"the {kind} id '{item.id}' is already used by {items[item.id].file}",
                f"give each {kind} its own id",
            )
        items[item.id] = item
    return items


def check_kind(doc: YamlDocument, suffix: str, own_key: str, others: dict[str, tuple[str, str]]) -> None:
    """A file shaped like another kind (others: its key -> (kind, suffix)) is misnamed, not full of unknown fields."""
    data = doc.data
    if not isinstance(data, dict) or own_key in data:
        return
    for key, (kind, other_suffix) in others.items():
        if key in data:
            stem = doc.file.rsplit("/", 1)[-1].removesuffix(suffix)
            raise doc.error(
                (key,), f"this looks like a {kind} (it has {key}:), but the file name ends in {suffix}",
                f"rename the file to {stem}{other_suffix}",
            )


def read_text(path: Path, file: str) -> str:
    """The file as text; raises AuthorError, with the line, if it is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        # A broken or looping link, or a file without read permission.
        raise AuthorError(
            file, "", f"the file cannot be read ({error.strerror or error})",
            "check that it exists and that you may read it; a link must point to a real file",
        ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise AuthorError(file, f"line {line}", "the file is not UTF-8 text", "save it with UTF-8 encoding") from None


def stray_files(folder: Path, suffixes: Iterable[str]) -> list[str]:
    """YAML files under folder that no loader reads (likely misnamed), relative to it."""
    known = tuple(suffixes)
    return [
        path.relative_to(folder).as_posix()
        for path in sorted(folder.glob("**/*"))
        # .QUIZ.YML is not read either, on a case-sensitive disk.
        if path.is_file()
        and path.name.lower().endswith(YAML_SUFFIXES)
        and not path.name.endswith(known)
        and not _hidden(path, folder)
    ]


def _hidden(path: Path, folder: Path) -> bool:
    """A dot file or folder: an editor's lock, swap or backup file, or a tool's, never data (as MkDocs treats docs/)."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts)
