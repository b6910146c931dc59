"""Tiny sites built with our hooks and templates: good ones build clean, bad ones stop."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.fixtures import DEFAULT_PAGE, FIXTURE_CONFIG
from support.sitebuild import ROOT, BuildResult

FIXTURE_HOOKS = yaml.safe_load(FIXTURE_CONFIG.format(root=ROOT.as_posix()))["hooks"]

# fixture_site builds afresh for each test; fixture_site_once (tests/conftest.py)
# builds a site once per module, for tests that only read it.
Build = Callable[..., BuildResult]

CARD_PAGE = """\
---
description: Cards.
---

# Help

## When to act

!!! care-emergency "Call now"

    - A sign.
"""


def test_a_plain_page_builds_without_warnings(fixture_site_once: Build) -> None:
    result = fixture_site_once()
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("index.html"), "html.parser")
    assert page.select_one('meta[name="description"]')["content"] == "A fixture page."


def test_every_page_shows_the_review_dates(fixture_site_once: Build) -> None:
    result = fixture_site_once()
    review = BeautifulSoup(result.html("index.html"), "html.parser").select_one("aside.page-review")
    dates = {time["datetime"]: time.get_text() for time in review.select("time")}
    assert dates == {"2026-01-15": "15 January 2026", "2027-01-15": "15 January 2027"}
    assert "Last reviewed:" in review.get_text() and "Next review due:" in review.get_text()


def test_disclaimer_comes_from_the_config(fixture_site: Build) -> None:
    result = fixture_site(
        extra={
            "disclaimer": "Not advice <b>at all</b>.",
            "review": {"last_reviewed": "2026-01-15", "next_review_due": "2027-01-15"},
        }
    )
    review = BeautifulSoup(result.html("index.html"), "html.parser").select_one("aside.page-review")
    # Config text is escaped: MkDocs does not autoescape templates.
    assert review.select_one(".page-review__disclaimer").get_text() == "Not advice <b>at all</b>."


def test_care_cards_render_in_another_site(fixture_site: Build) -> None:
    result = fixture_site({"index.md": CARD_PAGE})
    assert not result.aborted, result.errors
    assert result.warnings == []
    card = BeautifulSoup(result.html("index.html"), "html.parser").select_one(".care-card--emergency")
    assert card.select_one("h3").get_text() == "Emergency: Call now"


def test_unknown_care_level_stops_the_build_with_file_and_line(fixture_site: Build) -> None:
    result = fixture_site({"index.md": CARD_PAGE.replace("care-emergency", "care-asap")})
    assert result.aborted
    assert (
        "docs/index.md, line 9: unknown care level 'care-asap'. Fix: "
        "use one of: care-self-care, care-routine, care-urgent, care-emergency"
    ) in result.errors
    assert not list(result.site_dir.rglob("*.html")), "no page may be written by a failed build"


def test_missing_description_fails_a_strict_build(fixture_site: Build) -> None:
    result = fixture_site({"index.md": "# No front matter\n"})
    assert result.aborted
    assert result.warnings == [
        "docs/index.md, front matter: the page has no description. "
        "Fix: add a 'description:' line (one sentence, under 160 characters) to the front matter"
    ]


def test_bad_review_date_stops_the_build(fixture_site: Build) -> None:
    result = fixture_site(
        extra={"disclaimer": "Not advice.", "review": {"last_reviewed": "yesterday", "next_review_due": "2027-01-15"}},
    )
    assert result.aborted
    assert (
        "mkdocs.yml, extra.review.last_reviewed: 'yesterday' is not a date. "
        "Fix: write the date as YYYY-MM-DD, for example 2026-11-24"
    ) in result.errors


@pytest.mark.parametrize(
    ("disclaimer", "found"),
    [(None, "it is missing"), ("  ", "it is blank"), (["Not advice."], "expected text, found ['Not advice.']")],
)
def test_a_missing_disclaimer_stops_the_build(fixture_site: Build, disclaimer: object, found: str) -> None:
    extra = {"review": {"last_reviewed": "2026-01-15", "next_review_due": "2027-01-15"}}
    if disclaimer is not None:
        extra["disclaimer"] = disclaimer
    result = fixture_site(extra=extra)
    assert result.aborted
    assert result.errors[0] == (
        f"mkdocs.yml, extra.disclaimer: every page shows the disclaimer, but {found}. "
        "Fix: add extra: disclaimer: with a sentence or two, e.g. that this is general information, not medical advice"
    )


def test_a_broken_link_fails_a_strict_build(fixture_site: Build) -> None:
    page = "---\ndescription: Links.\n---\n\n# Links\n\n[gone](missing.md) and [bad anchor](#nowhere)\n"
    result = fixture_site(
        {"index.md": page},
        validation={"links": {"not_found": "warn", "anchors": "warn"}},
    )
    assert result.aborted
    assert any("missing.md" in warning for warning in result.warnings)
    assert any("#nowhere" in warning for warning in result.warnings)


GLOSSARY_CONFIG = {
    "markdown_extensions": [
        "abbr",
        {"pymdownx.snippets": {"base_path": ["docs/snippets"], "auto_append": ["terms.md"], "check_paths": True}},
    ],
    "exclude_docs": "snippets/\n",
}
GLOSSARY_PAGE = "---\ndescription: Words.\n---\n\n# Words\n\n<!-- glossary -->\n"


def test_glossary_directive_lists_the_auto_appended_terms(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": GLOSSARY_PAGE, "snippets/terms.md": "*[gizmo]: Gizmo: a small tool.\n"
                                                         "*[gizmos]: Gizmo: a small tool.\n"},
        **GLOSSARY_CONFIG,
    )
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("index.html"), "html.parser")
    assert [(dt["id"], dt.get_text()) for dt in page.select("dl.glossary dt")] == [("gizmo", "Gizmo")]


def test_glossary_mistake_stops_the_build(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": GLOSSARY_PAGE, "snippets/terms.md": "*[gizmo]: Gizmo: a tool.\n*[gizmos]: Gizmo: tools.\n"},
        **GLOSSARY_CONFIG,
    )
    assert result.aborted
    assert (
        "docs/snippets/terms.md, line 2: 'Gizmo' is defined twice, differently. "
        "Fix: give every spelling of 'Gizmo' the same definition"
    ) in result.errors


def test_glossary_directive_without_a_glossary_file(fixture_site: Build) -> None:
    result = fixture_site({"index.md": GLOSSARY_PAGE})
    assert result.aborted
    assert (
        "docs/index.md: <!-- glossary --> needs a glossary file. "
        "Fix: list it under pymdownx.snippets auto_append in mkdocs.yml"
    ) in result.errors


BOOKLET = "---\ndescription: All.\nprint_all: {listed}\n---\n\n# All\n\n<!-- print-all -->\n"


def test_the_booklet_gathers_listed_pages(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": DEFAULT_PAGE, "other.md": "---\ndescription: O.\n---\n\n# Other\n\n## Part\n\nText.\n",
         "all.md": BOOKLET.format(listed="[other.md]")},
    )
    assert not result.aborted, result.errors
    page = BeautifulSoup(result.html("all.html"), "html.parser")
    assert page.select_one("section.booklet__page h2.booklet__title").get_text() == "Other"
    assert page.find(id="other-part")


def test_the_booklet_names_a_missing_page(fixture_site: Build) -> None:
    result = fixture_site(
        {"index.md": DEFAULT_PAGE, "all.md": BOOKLET.format(listed="[gone.md]")},
    )
    assert result.aborted
    assert (
        "docs/all.md, front matter print_all: 'gone.md' is not another "
        "page of the site. Fix: use the path of a page inside docs/"
    ) in result.errors


PROBE = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize("key", ["title", "description"])
def test_front_matter_prints_as_text_never_as_markup(fixture_site: Build, key: str) -> None:
    # A quote would end the meta tag's attribute; a tag would run as script.
    text = f'Tics "and" twitches {PROBE} </title>'
    front = yaml.safe_dump({key: text, "description": "A page."} if key == "title" else {key: text})
    page = f"---\n{front}---\n\n# Tics\n\nHello.\n"
    result = fixture_site({"index.md": page, "other.md": DEFAULT_PAGE})
    assert not result.aborted, result.errors
    for name in ("index.html", "other.html"):
        soup = BeautifulSoup(result.html(name), "html.parser")
        assert soup.select("img[onerror]") == [], f"{name}: the probe became a tag"
    soup = BeautifulSoup(result.html("index.html"), "html.parser")
    if key == "title":
        assert soup.title.get_text().startswith(text)
    else:
        assert soup.select_one('meta[name="description"]')["content"] == text


def test_a_glossary_definition_with_markup_stops_the_build(fixture_site: Build, tmp_path: Path) -> None:
    (tmp_path / "docs/snippets").mkdir(parents=True)
    (tmp_path / "docs/snippets/glossary.md").write_text(f"*[tic]: Tic: a quick movement {PROBE}\n", encoding="utf-8")
    result = fixture_site(
        exclude_docs="snippets/\n",
        markdown_extensions=[
            "abbr", {"pymdownx.snippets": {"base_path": ["docs/snippets"], "auto_append": ["glossary.md"]}},
        ],
    )
    assert result.aborted
    message = next(e for e in result.errors if "glossary" in e)
    assert message.startswith("docs/snippets/glossary.md, line 1: the definition of 'tic' holds HTML markup")
    assert "Fix: write it as plain text" in message


BAD_QUIZ = "id: broken\ntitle: Broken\nquestions: []\n"


def test_a_failed_build_after_a_good_one_leaves_nothing_to_publish(fixture_site: Build, tmp_path: Path) -> None:
    good = fixture_site()
    assert not good.aborted and (good.site_dir / "index.html").is_file()
    # A data mistake is caught in on_pre_build, before MkDocs would clean site/.
    bad = fixture_site(data={"broken.quiz.yml": BAD_QUIZ})
    assert bad.aborted
    assert [p.name for p in bad.site_dir.rglob("*") if p.is_file()] == [], "the last good build is stale: it must go"


@pytest.mark.parametrize("missing", ["sw.js", "partials/page-review.html", "assets/javascripts/quiz.js"])
def test_a_theme_file_deleted_by_mistake_stops_the_build(fixture_site: Build, tmp_path: Path, missing: str) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "overrides", theme)
    (theme / missing).unlink()
    result = fixture_site(theme={"name": "material", "custom_dir": str(theme), "font": False})
    assert result.aborted
    expected = f"mkdocs.yml, theme.custom_dir: 'theme/{missing}' is missing, and pages need it. Fix: restore it"
    assert expected in result.errors[0]
    assert [p for p in (tmp_path / "site").rglob("*") if p.is_file()] == []


def test_an_overdue_review_is_shown_on_every_page_and_logged_but_builds(
    fixture_site: Build, caplog: pytest.LogCaptureFixture,
) -> None:
    # A date passing must not turn an old checkout red: it builds, strictly.
    review = {"last_reviewed": "2020-01-15", "next_review_due": "2021-01-15"}
    with caplog.at_level("INFO", logger="mkdocs.plugins.site_checks"):
        result = fixture_site(
            {"index.md": DEFAULT_PAGE, "other.md": DEFAULT_PAGE}, extra={"disclaimer": "Not advice.", "review": review},
        )
    assert not result.aborted, result.errors
    overdue = "extra.review.next_review_due: the review due on 2021-01-15 is overdue"
    assert any(overdue in r.getMessage() for r in caplog.records)
    for name in ("index.html", "other.html"):
        soup = BeautifulSoup(result.html(name), "html.parser")
        top = soup.select_one("article .review-overdue")
        assert top is not None and "15 January 2021" in top.get_text()
        assert "Overdue for review" in soup.select_one("aside.page-review").get_text()


def test_a_current_review_shows_no_overdue_notice(fixture_site_once: Build) -> None:
    soup = BeautifulSoup(fixture_site_once().html("index.html"), "html.parser")
    assert soup.select(".review-overdue, .page-review__overdue") == []


CALL_PAGE = "---\ndescription: Help.\n---\n\n# Help\n\n<!-- call-buttons -->\n"


def test_call_buttons_anywhere_come_from_the_config(fixture_site: Build) -> None:
    extra = {
        **yaml.safe_load(FIXTURE_CONFIG.format(root=ROOT.as_posix()))["extra"],
        "emergency_numbers": [{"number": "000", "label": "Australia"}],
    }
    result = fixture_site({"index.md": CALL_PAGE}, extra=extra)
    assert not result.aborted, result.errors
    links = BeautifulSoup(result.html("index.html"), "html.parser").select("article a.call-button")
    assert [(a["href"], a.get_text(" ", strip=True)) for a in links] == [("tel:000", "Call 000 (Australia)")]


def test_call_buttons_with_no_numbers_stop_the_build(fixture_site: Build) -> None:
    result = fixture_site({"index.md": CALL_PAGE})
    assert result.aborted
    assert any("docs/index.md: <!-- call-buttons --> has no numbers to show. Fix: list them "
               "under extra: emergency_numbers: in mkdocs.yml" in e for e in result.errors)
