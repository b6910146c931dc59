"""Find where something sits in a source text, for error messages."""

from __future__ import annotations

import re


def line_of(text: str, needle: str, occurrence: int = 0) -> int | None:
    """The 1-based line holding the needle's n-th appearance (0 = first), or None."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        seen += line.count(needle)
        if seen > occurrence:
            return number
    return None


# pymdownx.snippets' block form: a line of its own, `--8<-- "file.md"`.
SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<name>[^"'\n]+)\1\s*$""", re.MULTILINE)


def snippet_names(page_text: str) -> list[str]:
    """The snippet files a page includes, in order."""
    return [match["name"] for match in SNIPPET_LINE.finditer(page_text)]
