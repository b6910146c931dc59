"""MkDocs glue every feature shares: where a page's text came from, and its fixed directives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, overload

from loading.directives import count_fixed_directive
from loading.line_lookup import snippet_names

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class PageSources:
    """This build's project folder and snippets (pymdownx.snippets), to name the line a mistake is on."""

    root: Path
    snippet_folders: list[Path] = field(default_factory=list)
    appended: list[str] = field(default_factory=list)
    # (shown name, text) of each snippet read so far, or () for one that is not there.
    _snippets: dict[str, tuple[str, str] | tuple[()]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> PageSources:
        """Read once the snippet settings are final (safety glue anchors base_path first)."""
        settings = config.mdx_configs.get("pymdownx.snippets") or {}
        return cls(
            Path(config.config_file_path).parent, snippet_folders(config), list(settings.get("auto_append") or []),
        )

    def shown(self, path: Path) -> str:
        """A path as editors know it: relative to the project when inside it."""
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

    def page_source(self, page: Page) -> list[tuple[str, str]]:
        """The page's Markdown, then each snippet it includes, as (shown name, text)."""
        sources = [(page_path(page), page.file.content_string)]
        for name in snippet_names(page.file.content_string) + self.appended:
            found = self._snippets.get(name)
            if found is None:
                # Read once a build: the appended snippets are asked for on every page of a library.
                path = next((base / name for base in self.snippet_folders if (base / name).is_file()), None)
                found = self._snippets[name] = (
                    (self.shown(path), path.read_text(encoding="utf-8", errors="replace")) if path else ()
                )
            if found:
                sources.append(found)
        return sources

    def included(self, page: Page) -> list[Path]:
        """The snippet files the page includes itself (the appended ones are every page's)."""
        found = (
            next((base / name for base in self.snippet_folders if (base / name).is_file()), None)
            for name in snippet_names(page.file.content_string)
        )
        return [path for path in found if path is not None]

    def count_placed(self, text: str, directive: str, page: Page) -> int:
        """How often a fixed directive (`<!-- glossary -->`) is on the page; a misshapen one raises AuthorError."""
        return count_fixed_directive(text, directive, page_path(page), LazySource(self, page))


def page_path(page: Page) -> str:
    """The page's Markdown file as editors know it, for messages."""
    return file_path(page.file)


def file_path(file: File) -> str:
    """A file of docs/ as editors know it, for messages."""
    return f"docs/{file.src_uri}"


def snippet_folders(config: MkDocsConfig) -> list[Path]:
    """pymdownx.snippets' base_path folders, anchored at the project."""
    settings = config.mdx_configs.get("pymdownx.snippets") or {}
    base = settings.get("base_path") or ["."]
    root = Path(config.config_file_path).parent
    return [root / str(b) for b in ([base] if isinstance(base, str) else base)]


class LazySource(Sequence[tuple[str, str]]):
    """PageSources.page_source(page), read only if a problem needs its line: most pages have none."""

    def __init__(self, sources: PageSources, page: Page) -> None:
        self._sources = sources
        self._page = page
        self._items: list[tuple[str, str]] | None = None

    def _read(self) -> list[tuple[str, str]]:
        if self._items is None:
            self._items = self._sources.page_source(self._page)
        return self._items

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, index: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())
