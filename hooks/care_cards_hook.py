"""MkDocs glue for care cards: register the extension, fail the build on misuse."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from call_buttons import DIRECTIVE as CALL_DIRECTIVE
from call_buttons import call_buttons_html, read_numbers
from care_cards import TYPE_PREFIX, CareCardExtension
from source_lines import find_in_snippets, line_of, snippet_names
from widget_glue import count_placed


# One instance for the whole build; MkDocs renders pages one after another.
_extension = CareCardExtension()
# This build's tel: buttons (from extra.emergency_numbers), for <!-- call-buttons -->.
_buttons = ""

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add the extension; its problems are read back after each page."""
    try:
        numbers = read_numbers(config.extra.get("emergency_numbers"))
    except AuthorError as error:
        raise PluginError(str(error)) from None
    global _buttons
    _buttons = call_buttons_html(numbers)
    _extension.setConfig("call_buttons", _buttons)
    config.markdown_extensions.append(_extension)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop the build on a card the author has to fix; draw <!-- call-buttons -->."""
    for problem in _extension.problems:
        needle = f"{TYPE_PREFIX}{problem.level}"
        line = line_of(page.file.content_string, needle)
        if line:
            raise PluginError(f"docs/{page.file.src_uri}, line {line}: {problem.message}")
        # Cards shared by several pages live in a snippet: name the snippet's line.
        snippets = config.mdx_configs.get("pymdownx.snippets") or {}
        names = snippet_names(page.file.content_string) + list(snippets.get("auto_append") or [])
        root = Path(config.config_file_path).parent
        found = find_in_snippets(names, snippet_bases(snippets, root), needle)
        if found:
            path, line = found
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            raise PluginError(f"{shown}, line {line} (included by docs/{page.file.src_uri}): {problem.message}")
        raise PluginError(f"docs/{page.file.src_uri} (in a snippet it includes): {problem.message}")
    if count_placed(html, CALL_DIRECTIVE, page):
        if not _buttons:
            raise PluginError(
                f"docs/{page.file.src_uri}: {CALL_DIRECTIVE} has no numbers to show. "
                "Fix: list them under extra: emergency_numbers: in mkdocs.yml, or remove the line"
            )
        html = html.replace(CALL_DIRECTIVE, _buttons)
    return html


def snippet_bases(snippets: dict[str, object], root: Path) -> list[Path]:
    """pymdownx.snippets' base_path folders, anchored at the project."""
    base = snippets.get("base_path") or ["."]
    bases = [base] if isinstance(base, str) else list(base)  # type: ignore[call-overload]
    return [root / str(b) for b in bases]
