"""MkDocs glue for site-wide checks: review dates, descriptions, snippet paths."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from site_checks import anchor_paths, check_description, check_disclaimer, format_date, parse_review

log = logging.getLogger("mkdocs.plugins.site_checks")

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Require the disclaimer, validate the review dates and give templates ready-made date strings."""
    try:
        check_disclaimer(config.extra)
        review = parse_review(config.extra)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    config.extra["review"] = {
        "last_reviewed": review.last_reviewed.isoformat(),
        "last_reviewed_text": format_date(review.last_reviewed),
        "next_review_due": review.next_review_due.isoformat(),
        "next_review_due_text": format_date(review.next_review_due),
    }
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        base = snippets["base_path"]
        base = [base] if isinstance(base, str) else list(base)
        snippets["base_path"] = anchor_paths(base, Path(config.config_file_path).parent)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Warn (a failure under --strict) about a page without a description."""
    try:
        check_description(page.meta, page.file.src_uri)
    except AuthorError as error:
        log.warning(str(error))
    return markdown
