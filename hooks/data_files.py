"""Find and parse every data file of one kind in quiz_data/, with unique ids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from author_errors import AuthorError


class _HasId(Protocol):
    id: str
    file: str


Item = TypeVar("Item", bound=_HasId)


def load_data_files(
    folder: Path, suffix: str, parse: Callable[[str, str], Item], kind: str, shown_as: str = "quiz_data"
) -> dict[str, Item]:
    """Every `*suffix` file under folder, parsed, by id; raises AuthorError on a clash."""
    items: dict[str, Item] = {}
    for path in sorted(folder.glob(f"**/*{suffix}")):
        file = f"{shown_as}/{path.relative_to(folder).as_posix()}"
        item = parse(path.read_text(encoding="utf-8"), file)
        if item.id in items:
            raise AuthorError(file, "id", f"the {kind} id '{item.id}' is already used by {items[item.id].file}", f"give each {kind} its own id")
        items[item.id] = item
    return items
