"""MkDocs glue for the glossary page: `<!-- glossary -->` becomes the term list."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from glossary import DIRECTIVE, Entry, parse_glossary, render_glossary
from source_lines import line_of
from widget_glue import count_placed, shown_path, snippet_folders


# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


# This build's glossary, read once before any page: None when there is none.
_entries: list[Entry] | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    """Read and check the glossary even with no glossary page: its lines become tooltips on every page."""
    global _entries
    path = glossary_path(config)
    try:
        _entries = parse_glossary(path.read_text(encoding="utf-8"), shown_path(path, config)) if path else None
    except AuthorError as error:
        raise PluginError(str(error)) from None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the directive with every term of the auto-appended glossary."""
    placed = count_placed(markdown, DIRECTIVE, page)
    if not placed:
        return markdown
    source = page.file.src_uri
    if placed > 1:
        line = line_of(page.file.content_string, DIRECTIVE)
        raise PluginError(
            f"docs/{source}, line {line}: the glossary is placed twice. Fix: keep one {DIRECTIVE} line"
        )
    if _entries is None:
        raise PluginError(
            f"docs/{source}: {DIRECTIVE} needs a glossary file. "
            "Fix: list it under pymdownx.snippets auto_append in mkdocs.yml"
        )
    return markdown.replace(DIRECTIVE, render_glossary(_entries))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def glossary_path(config: MkDocsConfig) -> Path | None:
    """The first auto-appended snippet file that exists."""
    snippets = config.mdx_configs.get("pymdownx.snippets") or {}
    for name in snippets.get("auto_append") or []:
        for base in snippet_folders(config):
            if (base / name).is_file():
                return base / name
    return None
