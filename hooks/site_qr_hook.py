"""MkDocs glue: `<!-- site-qr -->` becomes a QR code of site_url (or nothing)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_qr import DIRECTIVE, qr_figure
from widget_glue import count_placed

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the directive; an offline build without site_url drops it cleanly."""
    if not count_placed(html, DIRECTIVE, page):
        return html
    return html.replace(DIRECTIVE, qr_figure(config.site_url))
