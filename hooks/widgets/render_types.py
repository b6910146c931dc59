"""Small values every widget renderer shares: resolved sections and asset URLs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from loading.section_refs import SectionRef


@dataclass(frozen=True)
class Section:
    """Where something is taught: the exact section, and the page it is on."""

    title: str
    url: str
    page_title: str
    page_url: str


@dataclass(frozen=True)
class Assets:
    """URLs of a widget's own CSS and JS, relative to the page, and of widget-kit.js ("": already there)."""

    css: str
    js: str
    kit_js: str = ""


# Turns a `page.md#anchor` reference into the section it names.
SectionResolver = Callable[[SectionRef], Section]
