"""MkDocs glue for care cards: register the extension, fail the build on misuse."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from call_buttons import DIRECTIVE as CALL_DIRECTIVE
from call_buttons import call_buttons_html, read_numbers
from care_cards import TYPE_PREFIX, CareCardExtension
from source_lines import line_of
from widget_glue import count_placed, page_source


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
        for shown, text in page_source(page)[1:]:
            line = line_of(text, needle)
            if line:
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
