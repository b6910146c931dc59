"""Anything a page would fetch from another site fails a strict build, naming the page, the line and the fix."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from support.sitebuild import ROOT, BuildResult

Build = Callable[..., BuildResult]
CONSEQUENCE = "so the page needs the internet and tells that site who is reading"
ELSEWHERE = "(not written in this page: look in mkdocs.yml, overrides/ or a snippet)"


def page(body: str) -> str:
    return f"---\ndescription: A page.\n---\n\n# A page\n\n{body}\n"


def only_warning(result: BuildResult) -> str:
    assert result.aborted, "a strict build must stop"
    assert len(result.warnings) == 1, result.warnings
    assert [p for p in result.site_dir.rglob("*") if p.is_file()] == [], "nothing is left to publish"
    return result.warnings[0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Text.\n\n![A chart](https://cdn.example/chart.png)",
         f"docs/index.md, line 9: an <img> fetches https://cdn.example/chart.png from another site, {CONSEQUENCE}. "
         "Fix: save the file under docs/ (e.g. docs/assets/) and point to it there"),
        ('<iframe title="Video" src="https://www.youtube.com/embed/abc"></iframe>',
         "docs/index.md, line 7: an embedded <iframe> fetches "
         f"https://www.youtube.com/embed/abc from another site, {CONSEQUENCE}. "
         "Fix: link to it instead, with a normal [link](address), so readers choose to go there"),
    ],
    ids=["a Markdown image", "an embedded video"],
)
def test_a_page_that_fetches_from_elsewhere(fixture_site: Build, body: str, message: str) -> None:
    assert only_warning(fixture_site({"index.md": page(body)})) == message


def test_a_theme_setting_that_fetches_from_elsewhere_is_reported_once(fixture_site: Build) -> None:
    pages = {"index.md": page("Home."), "other.md": page("Other.")}
    result = fixture_site(pages, extra_javascript=["https://cdn.example/maths.js"])
    assert only_warning(result) == (
        f"docs/index.md: a <script> fetches https://cdn.example/maths.js from another site {ELSEWHERE}, {CONSEQUENCE}. "
        "Fix: save the script under docs/ and list it in extra_javascript"
    )


def test_google_fonts_are_caught(fixture_site: Build) -> None:
    result = fixture_site(theme={"name": "material", "custom_dir": str(ROOT / "overrides"), "font": {"text": "Roboto"}})
    assert result.aborted
    assert any(
        "fetches https://fonts.googleapis.com/css?family=Roboto" in w and "theme: font: false" in w
        for w in result.warnings
    )


def test_analytics_are_caught(fixture_site: Build) -> None:
    result = fixture_site(extra={
        "disclaimer": "Not advice.", "review": {"last_reviewed": "2026-01-15", "next_review_due": "2027-01-15"},
        "analytics": {"provider": "google", "property": "G-XXXX"},
    })
    assert only_warning(result) == (
        "mkdocs.yml, extra.analytics: the analytics script is fetched from another site on every page, "
        "and tells it who is reading. Fix: remove extra.analytics"
    )


def test_links_and_the_sites_own_address_are_fine(fixture_site: Build) -> None:
    body = "[NHS](https://www.nhs.uk/) and ![Logo](https://site.example/logo.png)"
    result = fixture_site({"index.md": page(body)}, site_url="https://site.example/")
    assert not result.aborted, result.warnings
    assert result.warnings == []

