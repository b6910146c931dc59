"""MkDocs glue for print: `<!-- print-all -->` gathers pages into one, `<!-- site-qr -->` links the site."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import escape

from loading.author_errors import AuthorError
from loading.page_glue import page_path
from loading.slugs import slug
from printing.print_all import DIRECTIVE as PRINT_ALL
from printing.print_all import print_all_html
from printing.site_qr import DIRECTIVE as SITE_QR
from printing.site_qr import qr_figure

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)


def draw_print_all(html: str, page: Page, files: Files) -> str:
    """Replace the directive with the pages listed in front matter `print_all`, in order, as drawn."""
    listed = page.meta.get("print_all")
    if not isinstance(listed, list) or not listed:
        raise AuthorError(
            page_path(page), "", f"{PRINT_ALL} has no pages to gather",
            "list them in front matter, e.g. print_all: [first.md, second.md]",
        )
    repeated = next((path for index, path in enumerate(listed) if path in listed[:index]), None)
    if repeated is not None:
        # Each page's ids are prefixed once; twice would repeat every id.
        raise AuthorError(
            page_path(page), "front matter print_all", f"'{repeated}' is listed twice", "list each page once",
        )
    sections = []
    for path in listed:
        target = files.get_file_from_path(str(path))
        if target is None or target.page is None or target is page.file:
            raise AuthorError(
                page_path(page), "front matter print_all", f"'{path}' is not another page of the site",
                "use the path of a page inside docs/",
            )
        # The page's own h1 becomes the section title, so it is dropped here.
        content = _FIRST_H1.sub("", target.page.content or "", count=1)
        # markupsafe's escape: a front matter title is escaped already (safety glue).
        sections.append((slug(target.src_uri.removesuffix(".md")), str(escape(target.page.title or path)), content))
    return html.replace(PRINT_ALL, print_all_html(sections))


def draw_site_qr(html: str, site_url: str | None) -> str:
    """Replace the directive with a QR code of site_url; an offline build without one drops it cleanly."""
    return html.replace(SITE_QR, qr_figure(site_url))
