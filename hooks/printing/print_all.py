"""The print-all page: several rendered pages in one document, each on a new sheet."""

from __future__ import annotations

import re
from typing import Any

from loading.author_errors import AuthorError

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


FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)


def listed_pages(listed: Any, file: str) -> list[str]:
    """Front matter `print_all` of the page `file`, checked: a list of page paths, each once."""
    if not isinstance(listed, list) or not listed:
        raise AuthorError(
            file, "", f"{DIRECTIVE} has no pages to gather",
            "list them in front matter, e.g. print_all: [first.md, second.md]",
        )
    repeated = next((path for index, path in enumerate(listed) if path in listed[:index]), None)
    if repeated is not None:
        # Each page's ids are prefixed once; twice would repeat every id.
        raise AuthorError(file, "front matter print_all", f"'{repeated}' is listed twice", "list each page once")
    return [str(path) for path in listed]


def print_all_html(sections: list[tuple[str, str, str]]) -> str:
    """(id prefix, title, content HTML) per page, each a section starting a new sheet; each page's own h1
    is dropped, as its title heads the section."""
    return "\n".join(
        f'<section class="booklet__page" aria-labelledby="{prefix}-booklet-title">'
        f'<h2 class="booklet__title" id="{prefix}-booklet-title">{title}</h2>'
        f"{titled_landmarks(prefixed(FIRST_H1.sub('', content, count=1), prefix), f'{prefix}-booklet-title')}</section>"
        for prefix, title, content in sections
    )
