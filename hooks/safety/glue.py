"""MkDocs glue for build safety: the site's settings, files, menu and pages checked before they are used,
and a failed build's site/ emptied."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import material

from language.catalogue import Catalogue
from loading.author_errors import AuthorError
from loading.line_lookup import line_of, snippet_names
from loading.page_glue import PageSources, file_path, page_path
from safety.failed_build import empty_site
from safety.site_checks import (
    SITE_URL_VARIABLE,
    anchor_paths,
    check_description,
    check_disclaimer,
    check_front_matter,
    check_print_hide,
    check_snippets,
    check_utf8,
    escape_front_matter,
    is_overdue,
    nav_paths,
    nav_problems,
    parse_review,
    site_url_from_env,
)
from safety.theme_files import check_app, check_language, check_theme_files, material_languages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.site_checks")

NAV_CHECKS = ("omitted_files", "not_found")


def check_language_known(config: MkDocsConfig) -> None:
    """theme.language must be one Material has strings for: its search plugin would crash on another."""
    check_language(config.theme.get("language", "en"), material_languages(Path(material.__file__).parent))


def check_config(config: MkDocsConfig, words: Catalogue) -> dict[str, int]:
    """Check mkdocs.yml (theme files, app, disclaimer, review dates) and give templates dates in the reader's language.

    Returns the levels the site set for MkDocs' own nav checks (validation.nav): ours report at those levels,
    with the fix, and MkDocs' fixless ones go quiet."""
    # Read here, not with !ENV in mkdocs.yml: MkDocs' own check of a bad
    # address names only site_url, and comes before any hook can explain.
    address = os.environ.get(SITE_URL_VARIABLE, "")
    if address.strip() and not config.site_url:
        config.site_url = site_url_from_env(address)
    if config.theme.custom_dir:
        custom = Path(config.theme.custom_dir)
        root = Path(config.config_file_path).parent
        check_theme_files(custom, custom.relative_to(root).as_posix() if custom.is_relative_to(root) else str(custom))
    check_app(config.extra.get("app") or {})
    check_disclaimer(config.extra)
    review = parse_review(config.extra)
    nav_levels = {}
    for kind in NAV_CHECKS:
        nav_levels[kind] = getattr(config.validation.nav, kind)
        setattr(config.validation.nav, kind, logging.DEBUG)
    overdue = is_overdue(review)
    if overdue:
        # Info, not a warning: a date passing must not fail an old checkout's
        # strict build; readers see it on every page (partials/page-review.html).
        log.info(
            f"mkdocs.yml, extra.review.next_review_due: the review due on {review.next_review_due} is overdue; "
            "every page tells readers so. Fix: review the pages, then "
            "set last_reviewed to today and next_review_due to a year on"
        )
    config.extra["review"] = {
        "overdue": overdue,
        "last_reviewed": review.last_reviewed.isoformat(),
        "last_reviewed_text": words.date(review.last_reviewed),
        "next_review_due": review.next_review_due.isoformat(),
        "next_review_due_text": words.date(review.next_review_due),
    }
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets and "base_path" in snippets:
        base = snippets["base_path"]
        base = [base] if isinstance(base, str) else list(base)
        snippets["base_path"] = anchor_paths(base, Path(config.config_file_path).parent)
    return nav_levels


def check_appended_snippets(sources: PageSources) -> None:
    """pymdownx.snippets would crash on a missing auto_append file, deep inside Markdown."""
    check_included(sources, "mkdocs.yml", [(name, None) for name in sources.appended])


def check_files(files: Files) -> None:
    """Refuse a page that is not UTF-8 before MkDocs reads it (its own error is a traceback)."""
    for file in files.documentation_pages():
        check_utf8(file.content_bytes, file_path(file))


def check_nav(nav: Navigation, config: MkDocsConfig, files: Files, levels: dict[str, int]) -> None:
    """Warn (a failure under --strict) about nav entries with no page and pages with no menu entry, with the fix."""
    if not config.nav:
        return
    pages = [file.src_uri for file in files.documentation_pages()]
    left_out = {file.src_uri for file in files.documentation_pages() if file.inclusion.is_not_in_nav()}
    for kind, problem in nav_problems(nav_paths(config.nav), pages, left_out):
        log.log(levels.get(kind, logging.WARNING), problem)


def check_page(markdown: str, page: Page, sources: PageSources, widget_kinds: list[str]) -> None:
    """Stop on front matter MkDocs could not read or a bad print_hide; warn (a failure under --strict)
    about a page without a description; escape front matter for templates; check included snippets."""
    # MkDocs drops front matter it cannot read, leaving page.meta empty:
    # only then is there anything to explain.
    if not page.meta:
        check_front_matter(page.file.content_string, page_path(page))
    try:
        check_description(page.meta, page_path(page))
    except AuthorError as error:
        log.warning(str(error))
    escape_front_matter(page.meta)
    names = snippet_names(markdown)
    if names:
        check_included(sources, page_path(page), [(name, line_of(page.file.content_string, name)) for name in names])
    # overrides/main.html hides these widget kinds in print.
    check_print_hide(page.meta, page_path(page), widget_kinds)


def check_included(sources: PageSources, shown: str, names: list[tuple[str, int | None]]) -> None:
    """Every snippet named (with the line naming it) is in one of the snippet folders."""
    folders = " or ".join(sources.shown(base) for base in sources.snippet_folders)
    check_snippets(names, sources.snippet_folders, shown, folders)


def empty_failed_site(site_dir: Path) -> None:
    """Empty the site folder: what is there is half made, or older than the sources."""
    removed = empty_site(site_dir)
    logging.getLogger("mkdocs.plugins.failed_build").info(f"The build failed: emptied {site_dir} ({removed} files)")
