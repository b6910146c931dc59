"""MkDocs glue: warn (a failure under --strict) about anything a page would fetch from another site."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from external_loads import external_loads
from source_lines import line_of

log = logging.getLogger("mkdocs.plugins.external_loads")

# Addresses already reported this build: a theme-wide one is on every page.
_reported: set[str] = set()

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Start each build (and each rebuild under mkdocs serve) with nothing reported."""
    _reported.clear()
    if config.extra.get("analytics"):
        # Material's analytics partial injects the provider's script at run time.
        log.warning(
            "mkdocs.yml, extra.analytics: the analytics script is fetched from another site on every page, "
            "and tells it who is reading. Fix: remove extra.analytics"
        )


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Check the finished page; name the Markdown line when the address is written there."""
    for load in external_loads(output, config.site_url or ""):
        if load.url in _reported:
            continue
        _reported.add(load.url)
        line = line_of(page.file.content_string, load.clue)
        where = f"docs/{page.file.src_uri}" + (f", line {line}" if line else "")
        origin = "" if line else " (not written in this page: look in mkdocs.yml, overrides/ or a snippet)"
        log.warning(
            f"{where}: {load.problem}{origin}, so the page needs the internet and tells that site who is reading. "
            f"Fix: {load.fix}"
        )
    return output
