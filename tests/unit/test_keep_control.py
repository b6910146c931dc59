"""The "Keep the whole site offline" control: its words, its states, its placeholder."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from language.catalogue import load_catalogue
from offline.keep_control import SAID, TOKEN, fill_keep, keep_html, script_html
from support.words import ENGLISH


class Elements(HTMLParser):
    """(tag, attributes) of every start tag, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


def test_the_control_shows_the_size_first_and_has_every_state_in_its_words() -> None:
    html = keep_html(ENGLISH, "74.0 MB", 1000, everything=False)
    found = parse(html)
    root = found.tags[0][1]
    # Hidden until offline-keep.js knows a worker runs; out of search; the page count for "all 1,000 pages".
    assert root["data-offline-keep"] == "1000" and "hidden" in root and "data-search-exclude" in root
    buttons = [attrs for tag, attrs in found.tags if tag == "button"]
    assert [b["type"] for b in buttons] == ["button", "button"]  # native buttons, keyboard and screen reader alike
    assert "Keep the whole site offline (74.0 MB)" in found.text and "Stop keeping it offline" in found.text
    status = next(attrs for tag, attrs in found.tags if attrs.get("role") == "status")
    assert status["data-progress"] == "Saving: {done} of {total} pages"
    assert status["data-done"] == "Kept offline: all {total} pages are on this device."
    assert {f"data-{key}" for key in SAID} <= set(status)
    bar = next(attrs for tag, attrs in found.tags if tag == "progress")
    assert bar["aria-label"] == "Saving pages for offline use" and "hidden" in bar


def test_a_site_stored_whole_only_says_so() -> None:
    found = parse(keep_html(ENGLISH, "970 KB", 12, everything=True))
    assert not [tag for tag, _ in found.tags if tag in {"button", "progress"}]
    status = next(attrs for tag, attrs in found.tags if attrs.get("role") == "status")
    assert status["data-ready"] == "This whole site is on this device: every page and search work without a connection."


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_the_control_speaks_the_sites_language(language: str) -> None:
    words = load_catalogue(language, None)
    html = keep_html(words, "74,0 MB", 1000, everything=False)
    assert words.text("offline.keep.start", size="74,0 MB") in parse(html).text
    assert "Keep the whole" not in html and "Saving" not in html


def test_the_words_are_escaped() -> None:
    words = load_catalogue("en", {"offline": {"keep": {"stop": "Stop <now>", "done": 'All "{total}" & done'}}})
    html = keep_html(words, "<1 MB>", 3, everything=False)
    assert "Stop &lt;now&gt;" in html and "(&lt;1 MB&gt;)" in html
    assert 'data-done="All &#34;{total}&#34; &amp; done"' in html


def test_the_placeholder_is_filled_once_the_size_is_known(tmp_path: Path) -> None:
    page = tmp_path / "about.html"
    page.write_text(f"<p>before</p>{TOKEN}<p>after</p>", encoding="utf-8")
    fill_keep(page, "<div>control</div>")
    assert page.read_text(encoding="utf-8") == "<p>before</p><div>control</div><p>after</p>"


def test_the_tags_load_the_controls_own_files() -> None:
    # Deferred on a first load; instant navigation runs it as it arrives. The style comes first, so the
    # script (which a pending stylesheet holds back) never shows the control unstyled.
    tags = script_html("../assets/javascripts/offline-keep.js?v=abc&x", "../assets/stylesheets/offline-keep.css?v=d")
    assert tags == (
        '<link rel="stylesheet" href="../assets/stylesheets/offline-keep.css?v=d">'
        '<script src="../assets/javascripts/offline-keep.js?v=abc&amp;x" defer></script>'
    )
