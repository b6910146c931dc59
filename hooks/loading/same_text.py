"""Spot author text that repeats: two choices a reader could not tell apart."""

from __future__ import annotations

from collections.abc import Iterable


def first_repeat(texts: Iterable[str]) -> tuple[int, int] | None:
    """(index of the first text that reads the same as an earlier one, index of that one), or None."""
    # Case and spacing do not make two labels different to a reader.
    seen: dict[str, int] = {}
    for index, text in enumerate(texts):
        key = " ".join(text.split()).casefold()
        if key in seen:
            return index, seen[key]
        seen[key] = index
    return None
