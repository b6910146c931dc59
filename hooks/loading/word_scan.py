"""Whether a word is on a page at all, before a slower case-blind pattern scans the page for it (no MkDocs)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=4)
def ascii_lower(text: str) -> bytes:
    """The text as bytes with A-Z lower-cased: for `word in ascii_lower(text)`, asked of one page several times."""
    # str.lower takes milliseconds on a long page with any non-ASCII letter; bytes.lower is a plain table lookup.
    return text.encode("utf-8", "surrogatepass").lower()
