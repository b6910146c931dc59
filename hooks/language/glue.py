"""MkDocs glue for the reader's language: the catalogue theme.language picks, with mkdocs.yml's extra.strings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from language.catalogue import CONFIG_KEY, FALLBACK, Catalogue, load_catalogue

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.language")

# How many missing strings a warning names before it counts the rest.
SHOWN = 8


def read_words(config: MkDocsConfig) -> Catalogue:
    """Load this build's catalogue; warn (a failure under --strict) about every string left in English."""
    language = str(config.theme.get("language") or FALLBACK)
    words = load_catalogue(language, config.extra.get("strings"))
    if words.missing:
        more = len(words.missing) - SHOWN
        names = ", ".join(words.missing[:SHOWN]) + (f" and {more} more" if more > 0 else "")
        log.warning(
            f"mkdocs.yml, theme.language: {len(words.missing)} interface strings have no '{language}' translation "
            f"and are shown in English ({names}). Fix: add them under {CONFIG_KEY} in mkdocs.yml, "
            f"or to hooks/language/catalogues/{language}.yml"
        )
    return words


def give_templates(env: Environment, words: Catalogue) -> None:
    """Templates say `{{ t('page.print') }}` (escaped HTML); Material's own strings stay its own."""
    env.globals["t"] = words.html
    env.globals["words"] = words
