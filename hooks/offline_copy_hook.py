"""MkDocs glue for the offline copy: `<!-- offline-download -->` links a zip of site/."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from offline_copy import DIRECTIVE, FOLDER, download_html, fill_size, format_size, write_zip, zip_name
from widget_glue import count_placed

log = logging.getLogger("mkdocs.plugins.offline_copy")

# Pages (site-relative paths) that link the download; reset every build.
_pages: list[str] = []

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Forget the last build's pages (mkdocs serve rebuilds in one process)."""
    _pages.clear()


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the directive with the download link."""
    if not count_placed(html, DIRECTIVE, page):
        return html
    _pages.append(page.file.dest_uri)
    href = get_relative_url(f"{FOLDER}/{zip_name(config.site_name)}", page.url)
    return html.replace(DIRECTIVE, download_html(href))


# After the offline plugin (-100), which writes the inlined search index.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    """Zip the finished site, then tell readers how big the download is."""
    site = Path(config.site_dir)
    size = write_zip(site, site / FOLDER / zip_name(config.site_name))
    for dest in _pages:
        fill_size(site / dest, f"ZIP file, {format_size(size)}")
    log.info(f"Offline copy: {FOLDER}/{zip_name(config.site_name)} ({format_size(size)})")
