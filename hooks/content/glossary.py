"""The glossary file (`*[term]: Headword: definition` lines) as data and as a page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from loading.author_errors import AuthorError
from loading.slugs import slug

# Python-Markdown's abbreviation syntax, one definition per line.
LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.*)$")
DIRECTIVE = "<!-- glossary -->"
# What a browser would read as a tag or an entity inside a tooltip.
MARKUP = re.compile(r"[<>]|&#?\w+;?")


@dataclass(frozen=True)
class Entry:
    """One glossary term: the headword readers look up and what it means."""

    headword: str
    definition: str
    spellings: tuple[str, ...]


def parse_glossary(text: str, file: str) -> list[Entry]:
    """Read abbreviation lines; several spellings may share one headword."""
    entries: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = LINE.match(line)
        if not match:
            raise AuthorError(
                file,
                f"line {number}",
                f"{line.strip()[:60]!r} is not a glossary line",
                "write each term as *[term]: Headword: what it means",
            )
        term, body = match["term"].strip(), match["text"].strip()
        markup = MARKUP.search(body)
        if markup:
            # Material's tooltip shows an abbr title as HTML: markup there would run.
            raise AuthorError(
                file,
                f"line {number}",
                f"the definition of '{term}' holds HTML markup ({markup.group(0)!r})",
                "write it as plain text: no <, > or & (say 'less than', 'and')",
            )
        headword, _, definition = body.partition(": ")
        if not definition:
            # `*[HFS]: Hemifacial spasm` spells out a short form: no definition.
            continue
        known = entries.get(headword)
        if known and known.definition != definition:
            raise AuthorError(
                file,
                f"line {number}",
                f"'{headword}' is defined twice, differently",
                f"give every spelling of '{headword}' the same definition",
            )
        spellings = (*known.spellings, term) if known else (term,)
        entries[headword] = Entry(headword, definition, spellings)
    if not entries:
        raise AuthorError(file, "", "the glossary has no terms", "add lines like *[term]: Term: what it means")
    return sorted(entries.values(), key=lambda entry: entry.headword.casefold())


def render_glossary(entries: list[Entry]) -> str:
    """A definition list in HTML; author text is escaped."""
    items = "\n".join(
        f'  <dt id="{slug(entry.headword)}">{html.escape(entry.headword)}</dt>\n'
        f"  <dd>{html.escape(entry.definition)}</dd>"
        for entry in entries
    )
    return f'<dl class="glossary">\n{items}\n</dl>'
