"""The "Keep the whole site offline" control (`<!-- offline-keep -->`), run by offline-keep.js; no MkDocs needed."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from language.catalogue import Catalogue

DIRECTIVE = "<!-- offline-keep -->"
# Where the control goes until the site's size is known, once every file is written.
TOKEN = '<div class="offline-keep" data-offline-keep="__OFFLINE_KEEP__" hidden></div>'
# The control's script: only the pages that place it load it, not every page as they do offline.js.
SCRIPT = "assets/javascripts/offline-keep.js"
STYLE = "assets/stylesheets/offline-keep.css"
# What the status line says, by state; offline-keep.js fills in {done} and {total}.
SAID = ("progress", "done", "stopped", "failed")


def _says(words: Catalogue, keys: tuple[str, ...]) -> Markup:
    """data-KEY="…" for each state: the catalogue's words, their {names} left for offline-keep.js."""
    said = words.group("offline.keep")
    return Markup("").join(Markup(' data-{0}="{1}"').format(key, said[key]) for key in keys)


def keep_html(words: Catalogue, size_text: str, pages: int, everything: bool) -> str:
    """The control, hidden until offline-keep.js knows a worker runs; only a status line for a site stored whole."""
    # Every word from the catalogue, so the script has none.
    status = '<p class="offline-keep__status" role="status"{}></p>'
    if everything:
        return (
            '<div class="offline-keep" data-offline-keep="" data-search-exclude hidden>'
            f"{Markup(status).format(_says(words, ('ready',)))}</div>"
        )
    start = words.html("offline.keep.start", size=size_text)
    saving = escape(words.text("offline.keep.saving"))
    return (
        f'<div class="offline-keep" data-offline-keep="{pages}" data-search-exclude hidden>'
        f'<p>{words.html("offline.keep.intro")}</p>'
        '<p class="offline-keep__actions">'
        f'<button type="button" class="md-button md-button--primary offline-keep__start">{start}</button>'
        f'<button type="button" class="md-button offline-keep__stop" hidden>{words.html("offline.keep.stop")}</button>'
        "</p>"
        f'<progress class="offline-keep__bar" max="1" value="0" aria-label="{saving}" hidden></progress>'
        f"{Markup(status).format(_says(words, SAID))}</div>"
    )


def script_html(src: str, style: str) -> str:
    """The control's stylesheet and script tags, for URLs relative to the page (?v=HASH and all)."""
    # In the page's content, not the theme's: instant navigation brings in what the page holds,
    # and only the pages with the control load it.
    return str(Markup('<link rel="stylesheet" href="{1}"><script src="{0}" defer></script>').format(src, style))


def fill_keep(page: Path, control: str) -> None:
    """Put the finished control into a written page."""
    page.write_text(page.read_text(encoding="utf-8").replace(TOKEN, control), encoding="utf-8")
