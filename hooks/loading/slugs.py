"""One way to turn a name into the letters-digits-and-dashes form used in ids and file names."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans("", "", "'’")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DASHES = re.compile(r"-+")


def slug(text: str) -> str:
    """'Bell’s palsy' -> 'bells-palsy'; '' when nothing is left."""
    return _NOT_SLUG.sub("-", text.casefold().translate(_APOSTROPHES)).strip("-")


def _kept(char: str) -> bool:
    # Letters, the marks that belong to them (Hindi's vowel signs), and digits.
    return unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd"


def file_slug(text: str) -> str:
    """A file name's form, in any script: 'Augenlidzucken erklärt' -> 'augenlidzucken-erklärt'; '' when nothing is left.

    The same as slug() for ASCII; other letters and digits are kept, NFC-normalised and lower-cased.
    """
    lowered = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower().translate(_APOSTROPHES))
    return _DASHES.sub("-", "".join(char if _kept(char) else "-" for char in lowered)).strip("-")
