"""Find where something sits in a source text, for error messages."""

from __future__ import annotations


def line_of(text: str, needle: str) -> int | None:
    """Return the 1-based line of the first line containing needle, or None."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return None
