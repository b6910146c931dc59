"""MkDocs glue for print: `<!-- print-all -->` gathers pages into one, `<!-- site-qr -->` links the site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape

from loading.author_errors import AuthorError
from loading.page_glue import page_path
from loading.slugs import slug
from printing.print_all import DIRECTIVE as PRINT_ALL
from printing.print_all import listed_pages, print_all_html
from printing.site_qr import DIRECTIVE as SITE_QR
from printing.site_qr import qr_figure

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from language.catalogue import Catalogue

def draw_print_all(html: str, page: Page, files: Files, fill: Callable[[str, str | None], str]) -> str:
    """Replace the directive with the pages listed in front matter `print_all`, in order, as drawn.

    fill(src_uri, content): a page's finished content, the widget HTML held back from search put in
    (content None: a page a quick rebuild did not draw again)."""
    listed = listed_pages(page.meta.get("print_all"), page_path(page))
    sections = []
    for path in listed:
        target = files.get_file_from_path(str(path))
        if target is None or target.page is None or target is page.file:
            raise AuthorError(
                page_path(page), "front matter print_all", f"'{path}' is not another page of the site",
                "use the path of a page inside docs/",
            )
        # markupsafe's escape: a front matter title is escaped already (safety glue).
        title = str(escape(target.page.title or path))
        content = fill(target.src_uri, target.page.content)
        sections.append((slug(target.src_uri.removesuffix(".md")), title, content))
    return html.replace(PRINT_ALL, print_all_html(sections))


def draw_site_qr(html: str, site_url: str | None, words: Catalogue) -> str:
    """Replace the directive with a QR code of site_url; an offline build without one drops it cleanly."""
    return html.replace(SITE_QR, qr_figure(site_url, words))
