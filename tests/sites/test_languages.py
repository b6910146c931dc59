"""theme.language picks the catalogue: a German site shows no English interface string; a language with no
catalogue warns (under --strict: fails), naming what it would show in English."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable

from bs4 import BeautifulSoup

from support.german_site import THEME, german_site
from support.interface_text import english_on_pages, english_phrases, script_data
from support.sitebuild import BuildResult

Build = Callable[..., BuildResult]


def test_a_german_site_shows_no_english_interface_string(fixture_site: Build) -> None:
    result = german_site(fixture_site)
    assert not result.aborted, result.errors
    assert result.warnings == []
    assert {"Check answer", "Who", "Print this page", "Trying again", "Dismiss", "Page not found"} <= english_phrases()
    assert english_on_pages(result.pages()) == {}
    # The offline copy's banner, inside the zip.
    with zipfile.ZipFile(next((result.site_dir / "downloads").glob("*.zip"))) as archive:
        inside = archive.read("pflanzenhilfe/offline.html").decode()
    assert "Sie lesen die Offline-Kopie dieser Website." in inside


def test_a_german_site_speaks_german_where_it_counts(fixture_site: Build) -> None:
    result = german_site(fixture_site, strings={"page": {"print": "Ausdrucken"}})
    assert not result.aborted, result.errors
    quiz = BeautifulSoup(result.html("quiz.html"), "html.parser")
    assert quiz.select_one(".quiz-question__title").get_text() == "Frage 1 von 3"
    assert [label.get_text() for label in quiz.select('[data-question="umtopfen"] label')] == ["Stimmt", "Stimmt nicht"]
    assert quiz.select_one(".quiz__key h3").get_text() == "Lösungen: Pflanzenquiz"
    strings = script_data(quiz.select_one("template.quiz__data"))["strings"]
    assert strings["retrying"] == {"one": "Noch einmal: {count} Frage.", "other": "Noch einmal: {count} Fragen."}
    # Dates in German: March is März.
    dates = quiz.select_one(".page-review__dates").get_text(" ", strip=True)
    assert "1. März 2025" in dates and "15. März 2026" in dates
    assert quiz.select_one(".review-overdue").get_text(" ", strip=True).startswith("Überprüfung überfällig:")
    footer = re.search(r"@bottom-right \{\s*content: ([^;]*);", result.html("quiz.html"))
    assert footer and footer[1] == '"Zuletzt geprüft am 1. März 2025 · Seite " counter(page) " von " counter(pages)'
    # The override wins over the shipped German.
    assert quiz.select_one("[data-print-page]").get_text() == "Ausdrucken"
    flow = BeautifulSoup(result.html("hilfe.html"), "html.parser")
    assert flow.select_one("svg title").get_text() == "Entscheidungsdiagramm: Braucht meine Pflanze Hilfe?"
    assert flow.select_one("svg desc").get_text().startswith(
        "1 Frage, der Reihe nach gestellt und jeweils mit Ja, Unsicher oder Nein beantwortet, führt zu "
        "2 möglichen Ergebnissen auf Dringlichkeitsstufen von Gießen und abwarten bis Sofort handeln."
    )
    assert [a.get_text(" ", strip=True) for a in flow.select(".flow-outcome__call a")] == ["112 anrufen (EU)"]
    offline = BeautifulSoup(result.html("offline.html"), "html.parser")
    assert re.fullmatch(r"\(ZIP-Datei, \d+ KB\)", offline.select_one(".offline-download__size").get_text())
    # A small site is stored whole on a first visit: the keep control only says so, in German.
    assert offline.select_one(".offline-keep__status")["data-ready"] == (
        "Die ganze Website ist auf diesem Gerät: Alle Seiten und die Suche funktionieren ohne Internetverbindung."
    )
    assert offline.select_one(".site-qr svg")["aria-label"] == "QR-Code für https://example.org/pflanzen/"
    assert BeautifulSoup(result.html("404.html"), "html.parser").h1.get_text() == "Seite nicht gefunden"


def test_a_language_without_a_catalogue_warns_naming_the_strings_and_strict_fails(fixture_site: Build) -> None:
    result = fixture_site(theme={**THEME, "language": "it"})  # fixture builds are strict
    message = next((w for w in result.warnings if "theme.language" in w), "")
    assert message.startswith("mkdocs.yml, theme.language: "), result.warnings
    assert "have no 'it' translation and are shown in English (call.button, flow.as_text, " in message
    assert "Fix: add them under extra.strings in mkdocs.yml, or to hooks/language/catalogues/it.yml" in message
    assert result.aborted
