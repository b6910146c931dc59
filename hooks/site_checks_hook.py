"""MkDocs glue for site-wide checks: review dates, descriptions, snippet paths."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from author_errors import AuthorError
from site_checks import (
    SITE_URL_VARIABLE,
    anchor_paths,
    check_description,
    check_disclaimer,
    check_front_matter,
    check_snippets,
    check_utf8,
    escape_front_matter,
    format_date,
    is_overdue,
    nav_paths,
    nav_problems,
    parse_review,
    site_url_from_env,
)
from source_lines import line_of, snippet_names
from theme_files import check_app, check_language, check_theme_files, material_languages
from widget_glue import remember_snippets, shown_path, snippet_folders

log = logging.getLogger("mkdocs.plugins.site_checks")

# The levels the site set for MkDocs' own nav checks (validation.nav): ours
# report at those levels, with the fix, and MkDocs' fixless ones go quiet.
_nav_levels: dict[str, int] = {}

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


# Before the plugins' own on_config: Material's search plugin loads the
# language's template there, and would crash on an unknown theme.language.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Require the disclaimer, validate the review dates and give templates ready-made date strings."""
    try:
        # Read here, not with !ENV in mkdocs.yml: MkDocs' own check of a bad
        # address names only site_url, and comes before any hook can explain.
        address = os.environ.get(SITE_URL_VARIABLE, "")
        if address.strip() and not config.site_url:
            config.site_url = site_url_from_env(address)
        check_language(config.theme.get("language", "en"), material_languages(Path(material.__file__).parent))
        if config.theme.custom_dir:
            custom = Path(config.theme.custom_dir)
            root = Path(config.config_file_path).parent
            check_theme_files(custom, custom.relative_to(root).as_posix() if custom.is_relative_to(root) else str(custom))
        check_app(config.extra.get("app") or {})
        check_disclaimer(config.extra)
        review = parse_review(config.extra)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    for kind in ("omitted_files", "not_found"):
        _nav_levels[kind] = getattr(config.validation.nav, kind)
        setattr(config.validation.nav, kind, logging.DEBUG)
    overdue = is_overdue(review)
    if overdue:
        # Info, not a warning: a date passing must not fail an old checkout's
        # strict build; readers see it on every page (partials/page-review.html).
        log.info(
            f"mkdocs.yml, extra.review.next_review_due: the review due on {review.next_review_due} is overdue; "
            "every page tells readers so. Fix: review the pages, then set last_reviewed to today and next_review_due to a year on"
        )
    config.extra["review"] = {
        "overdue": overdue,
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
    remember_snippets(config)
    if snippets:
        # pymdownx.snippets would crash on a missing file, deep inside Markdown.
        _check_snippets(config, "mkdocs.yml", [(name, None) for name in snippets.get("auto_append") or []])
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Warn (a failure under --strict) about nav entries with no page and pages with no menu entry, with the fix."""
    if not config.nav:
        return nav
    pages = [file.src_uri for file in files.documentation_pages()]
    left_out = {file.src_uri for file in files.documentation_pages() if file.inclusion.is_not_in_nav()}
    for kind, problem in nav_problems(nav_paths(config.nav), pages, left_out):
        log.log(_nav_levels.get(kind, logging.WARNING), problem)
    return nav


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Refuse a page that is not UTF-8 before MkDocs reads it (its own error is a traceback)."""
    for file in files.documentation_pages():
        try:
            check_utf8(file.content_bytes, f"docs/{file.src_uri}")
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop on front matter MkDocs could not read; warn (a failure under --strict) about a page without a description."""
    try:
        # MkDocs drops front matter it cannot read, leaving page.meta empty:
        # only then is there anything to explain.
        if not page.meta:
            check_front_matter(page.file.content_string, f"docs/{page.file.src_uri}")
    except AuthorError as error:
        raise PluginError(str(error)) from None
    try:
        check_description(page.meta, page.file.src_uri)
    except AuthorError as error:
        log.warning(str(error))
    escape_front_matter(page.meta)
    names = snippet_names(markdown)
    if names:
        _check_snippets(config, f"docs/{page.file.src_uri}", [(name, line_of(page.file.content_string, name)) for name in names])
    return markdown


def _check_snippets(config: MkDocsConfig, shown: str, names: list[tuple[str, int | None]]) -> None:
    bases = snippet_folders(config)
    folders = " or ".join(shown_path(base, config) for base in bases)
    try:
        check_snippets(names, bases, shown, folders)
    except AuthorError as error:
        raise PluginError(str(error)) from None
