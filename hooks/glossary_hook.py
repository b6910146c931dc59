"""MkDocs glue for the glossary page: `<!-- glossary -->` becomes the term list."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from glossary import DIRECTIVE, parse_glossary, render_glossary
from source_lines import line_of
from widget_glue import count_placed


# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Check the glossary even with no glossary page: its lines become tooltips on every page."""
    path = glossary_path(config)
    if path is None:
        return
    try:
        parse_glossary(path.read_text(encoding="utf-8"), _shown(path, config))
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
    path = glossary_path(config)
    if path is None:
        raise PluginError(
            f"docs/{source}: {DIRECTIVE} needs a glossary file. "
            "Fix: list it under pymdownx.snippets auto_append in mkdocs.yml"
        )
    try:
        entries = parse_glossary(path.read_text(encoding="utf-8"), _shown(path, config))
    except AuthorError as error:
        raise PluginError(str(error)) from None
    return markdown.replace(DIRECTIVE, render_glossary(entries))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def glossary_path(config: MkDocsConfig) -> Path | None:
    """The first auto-appended snippet file that exists."""
    snippets = config.mdx_configs.get("pymdownx.snippets") or {}
    bases = snippets.get("base_path") or ["."]
    bases = [bases] if isinstance(bases, str) else bases
    root = Path(config.config_file_path).parent
    for name in snippets.get("auto_append") or []:
        for base in bases:
            candidate = root / base / name
            if candidate.is_file():
                return candidate
    return None


def _shown(path: Path, config: MkDocsConfig) -> str:
    """A path relative to the project, as authors know it."""
    root = Path(config.config_file_path).parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
