"""Which pages a `mkdocs serve --dirty` rebuild must draw again, from file times and what the last build left.

MkDocs' own --dirty redraws a page only when its Markdown is newer than its HTML, so a quiz_data/ edit
would change nothing, and pages it does not redraw lose their titles in the menu. The last good build
in this process leaves a PageMemo per page: what other pages show of it, and what it was drawn from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PageMemo:
    """What a finished page leaves for the next rebuild, to stand in for it while it is not drawn again."""

    title: str | None  # as menus and print-all show it
    meta: dict[str, Any]  # its front matter, which templates of other pages may read
    anchors: frozenset[str]  # ids other pages' links may point at
    uses: frozenset[str]  # data files it draws, from the project folder
    site_wide: bool  # it shows something of every page (print-all, the site's size): drawn on every rebuild
    text: str  # its words, for the source-article check
    placed: Mapping[str, tuple[Any, ...]]  # widget kind: the page's directives of that kind
    first: bool  # the worker stores it first
    printed: str | None = None  # its finished content, when a print-all page gathers it


@dataclass
class Memory:
    """What the last good build in this process left."""

    site_dir: str
    inputs: dict[str, int]  # each file whose change redraws every page: its mtime in ns
    pages: dict[str, PageMemo] = field(default_factory=dict)  # by src_uri
    files: frozenset[str] = frozenset()  # every file of docs/ (and the theme's): one gone would stay in site/


@dataclass(frozen=True)
class Plan:
    """A rebuild's pages: `redraw` is None for every page, with `why`."""

    redraw: frozenset[str] | None
    why: str = ""


def mtime_ns(path: Path) -> int | None:
    """The file's modification time, or None when it is gone."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def input_stamps(paths: Iterable[Path]) -> dict[str, int]:
    """Every file under these files and folders, with its mtime; a missing path is left out."""
    stamps: dict[str, int] = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _generated(p)) if path.is_dir() else [path]
        for file in files:
            stamp = mtime_ns(file)
            if stamp is not None:
                stamps[str(file)] = stamp
    return stamps


def _generated(path: Path) -> bool:
    # Python writes bytecode on a first import, which is no edit of ours.
    return "__pycache__" in path.parts or path.name.startswith(".")


def plan_rebuild(
    memory: Memory | None, site_dir: str, inputs: dict[str, int], pages: Mapping[str, tuple[Path, Path]], root: Path,
    files: frozenset[str] = frozenset(),
) -> Plan:
    """The pages to draw again: pages is src_uri: (Markdown file, HTML file), files every file's src_uri;
    data files are found from root."""
    if memory is None:
        return Plan(None, "the first build")
    if memory.site_dir != site_dir:
        return Plan(None, "a new site folder")
    if inputs != memory.inputs:
        changed = sorted(set(inputs) ^ set(memory.inputs) | {k for k in inputs if memory.inputs.get(k) != inputs[k]})
        return Plan(None, f"{changed[0]} changed")
    if set(pages) != set(memory.pages):
        return Plan(None, "a page was added or removed")
    if files != memory.files:
        # MkDocs' --dirty copies new and changed files, but never removes one from site/.
        return Plan(None, "a file was added to docs/ or removed")
    redraw: set[str] = set()
    for uri, (source, written) in pages.items():
        built = mtime_ns(written)
        used = [source, *(root / name for name in memory.pages[uri].uses)]
        if built is None or any((stamp := mtime_ns(path)) is None or stamp >= built for path in used):
            redraw.add(uri)
    if redraw:
        redraw |= {uri for uri, memo in memory.pages.items() if memo.site_wide}
    return Plan(frozenset(redraw))


def still_true(memo: PageMemo, title: str | None, anchors: frozenset[str], meta: Mapping[str, Any]) -> bool:
    """Whether what other pages show of a redrawn page is as they were drawn with: its title and anchors, and
    its front matter (templates may read it, and a print-all page's list of pages is there)."""
    return memo.title == title and memo.anchors == anchors and memo.meta == meta
