"""MkDocs glue for care cards: register the extension, fail the build on misuse."""

from __future__ import annotations


from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from care_cards import TYPE_PREFIX, CareCardExtension
from source_lines import line_of


# One instance for the whole build; MkDocs renders pages one after another.
_extension = CareCardExtension()

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Add the extension; its problems are read back after each page."""
    config.markdown_extensions.append(_extension)
    return config


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop the build on a card the author has to fix."""
    for problem in _extension.problems:
        line = line_of(page.file.content_string, f"{TYPE_PREFIX}{problem.level}")
        where = f"docs/{page.file.src_uri}" + (
            f", line {line}" if line else " (in a snippet it includes)"
        )
        raise PluginError(f"{where}: {problem.message}")
    return html
