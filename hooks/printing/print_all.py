"""The print-all page: several rendered pages in one document, each on a new sheet."""

from __future__ import annotations

import re

DIRECTIVE = "<!-- print-all -->"
ID = re.compile(r'\b(id|for|aria-labelledby|aria-describedby|name)="([^"]+)"')
HREF = re.compile(r'href="#([^"]+)"')
# Landmarks a page names itself; in the booklet their names get the page title
# in front, so four quizzes all called "Check your understanding" stay apart.
LANDMARK = re.compile(r'(<(?:section|aside|nav|form)\b[^>]*?\baria-labelledby=")([^"]+")')


def prefixed(html: str, prefix: str) -> str:
    """Give every id (and what points at one) a prefix, so pages can share a document."""

    def ids(match: re.Match[str]) -> str:
        values = " ".join(f"{prefix}-{value}" for value in match[2].split())
        return f'{match[1]}="{values}"'

    return HREF.sub(lambda m: f'href="#{prefix}-{m[1]}"', ID.sub(ids, html))


def titled_landmarks(html: str, title_id: str) -> str:
    """Put the page title's id first in every named landmark's aria-labelledby."""
    return LANDMARK.sub(lambda m: f"{m[1]}{title_id} {m[2]}", html)


def print_all_html(sections: list[tuple[str, str, str]]) -> str:
    """(id prefix, title, content HTML) per page, each a section starting a new sheet."""
    return "\n".join(
        f'<section class="booklet__page" aria-labelledby="{prefix}-booklet-title">'
        f'<h2 class="booklet__title" id="{prefix}-booklet-title">{title}</h2>'
        f"{titled_landmarks(prefixed(content, prefix), f'{prefix}-booklet-title')}</section>"
        for prefix, title, content in sections
    )
