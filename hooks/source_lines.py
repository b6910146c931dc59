"""Find where something sits in a source text, for error messages."""

from __future__ import annotations


def line_of(text: str, needle: str, occurrence: int = 0) -> int | None:
    """The 1-based line holding the needle's n-th appearance (0 = first), or None."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        seen += line.count(needle)
        if seen > occurrence:
            return number
    return None
