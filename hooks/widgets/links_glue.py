"""Resolve `page.md#anchor` from data files against the built pages (glue: the built pages are MkDocs objects)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from loading.author_errors import AuthorError
from loading.section_refs import SectionRef
from widgets.render_types import Section, SectionResolver
from widgets.safe_markdown import LinkResolver

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink


def section_resolver(page: Page, files: Files, data_file: str) -> SectionResolver:
    """A function from SectionRef to Section, with URLs relative to `page`."""

    def resolve(source: SectionRef) -> Section:
        target = _target_page(files, source.page, data_file, source.place)
        _check_anchor(target, source.anchor, source.page, data_file, source.place)
        page_url = target.file.url_relative_to(page.file)
        title = _toc_title(target.toc, source.anchor) or target.title or source.page
        return Section(title, f"{page_url}#{source.anchor}", target.title or source.page, page_url)

    return resolve


def link_resolver(page: Page, files: Files, data_file: str) -> LinkResolver:
    """Rewrite `other.md#x` links in author Markdown to the built page's URL."""

    def resolve(href: str) -> str:
        path, _, anchor = href.partition("#")
        if not path.endswith(".md") or "://" in path:
            return href
        where = f"a link to '{href}'"
        target = _target_page(files, path, data_file, where)
        if anchor:
            _check_anchor(target, anchor, path, data_file, where)
        url = target.file.url_relative_to(page.file)
        return f"{url}#{anchor}" if anchor else url

    return resolve


def _target_page(files: Files, path: str, data_file: str, place: str) -> Page:
    file = files.get_file_from_path(path)
    if file is None or file.page is None:
        pages = sorted(f.src_uri for f in files.documentation_pages())
        guess = difflib.get_close_matches(path, pages, n=1)
        raise AuthorError(
            data_file,
            place,
            f"the page '{path}' does not exist",
            (f"did you mean '{guess[0]}'? " if guess else "") + "use a page's path inside docs/",
        )
    return file.page


def _check_anchor(target: Page, anchor: str, path: str, data_file: str, place: str) -> None:
    anchors = target.present_anchor_ids or set()
    if anchor in anchors:
        return
    headings = [link.id for link in _walk(target.toc)]
    guess = difflib.get_close_matches(anchor, headings, n=1)
    raise AuthorError(
        data_file,
        place,
        f"'{path}' has no section '#{anchor}'",
        (f"did you mean '#{guess[0]}'? " if guess else "")
        + f"its sections are: {', '.join('#' + h for h in headings) or 'none'}",
    )


def _walk(links: Iterable[AnchorLink]) -> Iterable[AnchorLink]:
    for link in links:
        yield link
        yield from _walk(link.children)


def _toc_title(toc: Iterable[AnchorLink], anchor: str) -> str | None:
    return next((link.title for link in _walk(toc) if link.id == anchor), None)
