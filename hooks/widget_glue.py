"""MkDocs glue shared by page directives: data-driven widgets (quiz, flowchart) and fixed ones."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from author_errors import AuthorError
from directives import Directive, count_fixed_directive, find_directives, not_placed
from page_links import link_resolver, section_resolver
from source_lines import snippet_names
from render_types import Assets

DATA_FOLDER = "quiz_data"


# This build's snippet folders and auto-appended files (pymdownx.snippets): a
# directive written in a snippet is reported at the snippet's own line.
_snippets: tuple[list[Path], list[str], Path] = ([], [], Path("."))


def snippet_folders(config: MkDocsConfig) -> list[Path]:
    """pymdownx.snippets' base_path folders, anchored at the project."""
    settings = config.mdx_configs.get("pymdownx.snippets") or {}
    base = settings.get("base_path") or ["."]
    root = Path(config.config_file_path).parent
    return [root / str(b) for b in ([base] if isinstance(base, str) else base)]


def shown_path(path: Path, config: MkDocsConfig) -> str:
    """A path as editors know it: relative to the project when inside it."""
    root = Path(config.config_file_path).parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def remember_snippets(config: MkDocsConfig) -> None:
    """Note where this build's snippets live; site_checks_hook calls it before any page is read."""
    global _snippets
    settings = config.mdx_configs.get("pymdownx.snippets") or {}
    _snippets = (snippet_folders(config), list(settings.get("auto_append") or []), Path(config.config_file_path).parent)


def page_source(page: Page) -> list[tuple[str, str]]:
    """The page's Markdown, then each snippet it includes, as (shown name, text)."""
    bases, appended, root = _snippets
    sources = [(f"docs/{page.file.src_uri}", page.file.content_string)]
    for name in snippet_names(page.file.content_string) + appended:
        path = next((base / name for base in bases if (base / name).is_file()), None)
        if path is not None:
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            sources.append((shown, path.read_text(encoding="utf-8", errors="replace")))
    return sources


class _LazySource(Sequence[tuple[str, str]]):
    """page_source(page), read only if a problem needs its line: most pages have none."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._items: list[tuple[str, str]] | None = None

    def _read(self) -> list[tuple[str, str]]:
        if self._items is None:
            self._items = page_source(self._page)
        return self._items

    def __getitem__(self, index):  # type: ignore[override]
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())


def count_placed(text: str, directive: str, page: Page) -> int:
    """How often a fixed directive (`<!-- glossary -->`) is on the page; a misshapen one stops the build."""
    try:
        return count_fixed_directive(text, directive, f"docs/{page.file.src_uri}", _LazySource(page))
    except AuthorError as error:
        raise PluginError(str(error)) from None


@dataclass(frozen=True)
class Widget:
    """What differs between widgets: their word, data, template and assets."""

    kind: str  # the directive word: <!-- kind: id -->
    suffix: str  # its data files: quiz_data/**/*suffix
    template: str
    css: str
    js: str
    load: Callable[[Path], dict[str, Any]]  # folder -> items by id; raises AuthorError
    render: Callable[..., str]  # (template, item, sections, links, assets, **options) -> HTML
    # Site settings the renderer needs (mkdocs.yml extra:), read once per build; raises AuthorError.
    options: Callable[[MkDocsConfig], dict[str, Any]] = lambda config: {}


@dataclass
class Placer:
    """One widget's state through a build: loaded items and where they are placed."""

    widget: Widget
    log: logging.Logger
    items: dict[str, Any] = field(default_factory=dict)
    placed: dict[str, list[Directive]] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    def load(self, config: MkDocsConfig) -> None:
        """Read and check every data file before any page is rendered."""
        folder = Path(config.config_file_path).parent / DATA_FOLDER
        self.placed = {}
        # ?v=HASH (from offline_hook, if loaded) keeps cached copies in step with pages.
        self.versions = config.extra.get("asset_versions") or {}
        try:
            self.options = self.widget.options(config)
            self.items = self.widget.load(folder) if folder.is_dir() else {}
        except AuthorError as error:
            raise PluginError(str(error)) from None

    def find(self, html: str, page: Page) -> None:
        """Note the page's directives; they are drawn once every page is known."""
        try:
            found = find_directives(html, self.widget.kind, set(self.items), f"docs/{page.file.src_uri}", _LazySource(page))
        except AuthorError as error:
            raise PluginError(str(error)) from None
        if found:
            self.placed[page.file.src_uri] = found

    def draw(self, env: Environment, files: Files) -> None:
        """Replace each directive with its HTML; all pages are rendered, none written."""
        kind = self.widget.kind
        placed_ids = {d.id for directives in self.placed.values() for d in directives}
        for item_id, item in self.items.items():
            if item_id not in placed_ids:
                sources = ((f"docs/{file.src_uri}", file.content_string) for file in files.documentation_pages())
                self.log.warning(not_placed(kind, item_id, item.file, sources))
        if not self.placed:
            return
        try:
            template = env.get_template(self.widget.template)
        except TemplateNotFound:
            # The widgets' templates, scripts and styles live in our custom_dir.
            raise PluginError(
                f"mkdocs.yml, theme.custom_dir: the {kind} template '{self.widget.template}' is not in the theme. "
                f"Fix: set custom_dir: overrides under theme: (the folder that holds {self.widget.template})"
            ) from None
        try:
            for src_uri, directives in self.placed.items():
                page = files.get_file_from_path(src_uri).page
                assets = Assets(self._url(self.widget.css, page), self._url(self.widget.js, page))
                for index, directive in enumerate(directives):
                    item = self.items[directive.id]
                    html = self.widget.render(
                        template,
                        item,
                        section_resolver(page, files, item.file),
                        link_resolver(page, files, item.file),
                        assets if index == 0 else None,
                        **self.options,
                    )
                    page.content = page.content.replace(directive.text, html, 1)
        except AuthorError as error:
            raise PluginError(str(error)) from None

    def _url(self, path: str, page: Page) -> str:
        version = self.versions.get(path)
        return get_relative_url(path, page.url) + (f"?v={version}" if version else "")
