"""MkDocs glue for page content: care cards, tap-to-call buttons, the glossary and the source article."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, cast

from content.call_buttons import DIRECTIVE as CALL_BUTTONS
from content.call_buttons import EmergencyNumber, call_buttons_html, read_numbers
from content.care_cards import DEFAULT_LEVELS, TYPE_PREFIX, CareCardExtension
from content.glossary import DIRECTIVE as GLOSSARY
from content.glossary import Entry, parse_glossary, render_glossary
from content.source_article import article_sentences, missing_message, missing_sentences, page_text
from language.catalogue import Catalogue
from loading.author_errors import AuthorError
from loading.line_lookup import line_of
from loading.page_glue import PageSources, page_path

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.content")


def read_call_buttons(config: MkDocsConfig, words: Catalogue) -> tuple[tuple[EmergencyNumber, ...], str]:
    """The numbers under extra.emergency_numbers (checked), and their buttons' HTML ('' for none)."""
    numbers = read_numbers(config.extra.get("emergency_numbers"))
    return numbers, call_buttons_html(numbers, words.text("call.button", number="{number}"))


def level_names(words: Catalogue) -> dict[str, str]:
    """The site's one name for each care level (catalogue levels:, or extra.strings.levels in mkdocs.yml)."""
    return {level: words.text(f"levels.{level}") for level in DEFAULT_LEVELS}


def add_care_cards(config: MkDocsConfig, call_buttons: str, levels: dict[str, str]) -> CareCardExtension:
    """Register this build's card extension; its problems are read back after each page."""
    extension = CareCardExtension()
    extension.setConfig("call_buttons", call_buttons)
    extension.setConfig("levels", levels)
    # MkDocs types the list as names, but Markdown, which gets it, takes instances too.
    cast("list[object]", config.markdown_extensions).append(extension)
    return extension


def raise_card_problems(extension: CareCardExtension, page: Page, sources: PageSources) -> None:
    """Stop the build on a card the author has to fix, at the line it is written on."""
    for card in extension.problems:
        problem, _, fix = card.message.partition(". Fix: ")
        needle = f"{TYPE_PREFIX}{card.level}"
        line = line_of(page.file.content_string, needle)
        if line:
            raise AuthorError(page_path(page), f"line {line}", problem, fix)
        # Cards shared by several pages live in a snippet: name the snippet's line.
        for shown, text in sources.page_source(page)[1:]:
            line = line_of(text, needle)
            if line:
                raise AuthorError(shown, f"line {line} (included by {page_path(page)})", problem, fix)
        raise AuthorError(f"{page_path(page)} (in a snippet it includes)", "", problem, fix)


def draw_call_buttons(html: str, page: Page, buttons: str) -> str:
    """Replace <!-- call-buttons --> with this build's tel: buttons."""
    if not buttons:
        raise AuthorError(
            page_path(page), "", f"{CALL_BUTTONS} has no numbers to show",
            "list them under extra: emergency_numbers: in mkdocs.yml, or remove the line",
        )
    return html.replace(CALL_BUTTONS, buttons)


def read_glossary(sources: PageSources) -> list[Entry] | None:
    """Read and check the glossary even with no glossary page: its lines become tooltips on every page."""
    path = glossary_path(sources)
    return parse_glossary(path.read_text(encoding="utf-8"), sources.shown(path)) if path else None


def draw_glossary(markdown: str, page: Page, placed: int, entries: list[Entry] | None) -> str:
    """Replace <!-- glossary --> with every term of the auto-appended glossary."""
    if placed > 1:
        line = line_of(page.file.content_string, GLOSSARY)
        raise AuthorError(page_path(page), f"line {line}", "the glossary is placed twice", f"keep one {GLOSSARY} line")
    if entries is None:
        raise AuthorError(
            page_path(page), "", f"{GLOSSARY} needs a glossary file",
            "list it under pymdownx.snippets auto_append in mkdocs.yml",
        )
    return markdown.replace(GLOSSARY, render_glossary(entries))


def glossary_path(sources: PageSources) -> Path | None:
    """The first auto-appended snippet file that exists."""
    for name in sources.appended:
        for base in sources.snippet_folders:
            if (base / name).is_file():
                return base / name
    return None


SOURCE_KEY = "extra.source_article"


def check_source_article(
    config: MkDocsConfig, files: Files, sources: PageSources, known: Mapping[str, str],
) -> dict[str, str]:
    """Warn (a failure under --strict) about each sentence of extra.source_article that no page keeps; return
    each page's words. known: the words of pages a quick rebuild does not draw again."""
    name = config.extra.get("source_article")
    if not name:
        return {}
    if not isinstance(name, str):
        raise AuthorError(
            "mkdocs.yml", SOURCE_KEY, f"expected a file's path, found {name!r}", "write the path in quotes",
        )
    path = sources.root / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthorError(
            "mkdocs.yml", SOURCE_KEY, f"'{name}' does not exist",
            "give the path of the article's text file, from the folder mkdocs.yml is in",
        ) from None
    except UnicodeDecodeError:
        raise AuthorError("mkdocs.yml", SOURCE_KEY, f"'{name}' is not UTF-8 text", "save it as UTF-8") from None
    pages = {
        file.src_uri: page_text(file.page.content) if file.page.content is not None else known.get(file.src_uri, "")
        for file in files.documentation_pages() if file.page is not None
    }
    missing = missing_sentences(article_sentences(text), pages.values())
    if missing:
        log.warning(missing_message(sources.shown(path), missing))
    return pages
