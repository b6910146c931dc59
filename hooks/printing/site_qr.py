"""A QR code of the site's address, drawn at build time with segno; no MkDocs needed."""

from __future__ import annotations

import html

from markupsafe import Markup

from language.catalogue import Catalogue

DIRECTIVE = "<!-- site-qr -->"


def qr_figure(site_url: str | None, words: Catalogue) -> str:
    """A figure with the code and the printed address; nothing without an address."""
    if not site_url:
        return ""
    import segno  # only a site with an address draws a code: no import cost for the others

    code = segno.make(site_url, error="m")
    # The four-module quiet zone the QR standard asks for: scanners need it.
    # A viewBox (omitsize) so CSS can size it without cropping the code.
    svg = code.svg_inline(scale=4, border=4, dark="#000", light="#fff", omitsize=True)
    label = html.escape(words.text("qr.label", address=site_url))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    address = html.escape(site_url)
    link = Markup(f'<a href="{address}">{address}</a>')
    return f'<figure class="site-qr">{svg}<figcaption>{words.html("qr.caption", address=link)}</figcaption></figure>'
