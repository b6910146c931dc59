"""`<!-- KIND: ID -->` lines that place data-driven widgets in a page."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from author_errors import AuthorError
from source_lines import line_of


@dataclass(frozen=True)
class Directive:
    """One placement: which widget, and the exact text to replace."""

    id: str
    text: str


def pattern(kind: str) -> re.Pattern[str]:
    """Matches `<!-- kind: id -->` as Markdown passes it through to HTML."""
    return re.compile(rf"<!--\s*{re.escape(kind)}\s*:\s*(?P<id>[^\s>]*)\s*-->")


def find_directives(html: str, kind: str, known: set[str], file: str, source: str) -> list[Directive]:
    """The page's directives of one kind, checked against the known ids."""
    found: list[Directive] = []
    for match in pattern(kind).finditer(html):
        directive = Directive(match["id"], match.group(0))
        earlier = sum(1 for d in found if d.text == directive.text)
        where = _where(source, directive.text, earlier)
        if not directive.id:
            raise AuthorError(file, where, f"this {kind} directive names no {kind}", f"write <!-- {kind}: ID --> with the id from the YAML file")
        if directive.id not in known:
            guess = difflib.get_close_matches(directive.id, sorted(known), n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            choices = ", ".join(sorted(known)) or "none yet: add a file to quiz_data/"
            raise AuthorError(file, where, f"there is no {kind} with the id '{directive.id}'", f"{hint}known ids: {choices}")
        if any(earlier.id == directive.id for earlier in found):
            raise AuthorError(file, where, f"the {kind} '{directive.id}' is placed twice on this page", "keep one of the two lines")
        found.append(directive)
    return found


def _where(source: str, text: str, occurrence: int) -> str:
    """The directive's line in the Markdown source, if it is written there as-is."""
    line = line_of(source, text, occurrence)
    return f"line {line}" if line else ""
