"""One way to turn a name into the letters-digits-and-dashes form used in ids and file names."""

from __future__ import annotations

import re

_APOSTROPHES = str.maketrans("", "", "'’")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """'Bell’s palsy' -> 'bells-palsy'; '' when nothing is left."""
    return _NOT_SLUG.sub("-", text.casefold().translate(_APOSTROPHES)).strip("-")
