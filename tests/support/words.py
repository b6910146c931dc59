"""The shipped English catalogue, for tests that render what readers see."""

from __future__ import annotations

from language.catalogue import load_catalogue

ENGLISH = load_catalogue("en", None)
