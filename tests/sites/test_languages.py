"""theme.language picks the catalogue: a German site shows no English interface string; a language with no
catalogue warns (under --strict: fails), naming what it would show in English."""

from __future__ import annotations

import json
import re
import string
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from bs4 import BeautifulSoup

from language.catalogue import read_catalogue
from offline.keep_control import SAID
from support.german_site import THEME, german_site
from support.sitebuild import BuildResult

Build = Callable[..., BuildResult]

ENGLISH = read_catalogue("en") or {}
GERMAN = read_catalogue("de") or {}


def forms(entry: Any) -> list[str]:
    return [str(text) for text in entry.values()] if isinstance(entry, Mapping) else [str(entry)]


def english_phrases() -> set[str]:
    """The words of every English string that German says differently, between the {names} it fills in."""
    phrases = set()
    for key, entry in ENGLISH.items():
        if key == "locale" or GERMAN[key] == entry:
            continue
        for text in forms(entry):
            for literal, *_ in string.Formatter().parse(text):
                phrase = literal.strip(" ,.:;!?·–")
                if re.search(r"[A-Za-z]", phrase):
                    phrases.add(phrase)
    return phrases


def json_strings(value: Any) -> Iterator[str]:
    """The words of a script's strings, without the {names} it fills in."""
    if isinstance(value, str):
        yield re.sub(r"\{\w+\}", " ", value)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


# Attributes a reader hears or sees (the keep control's status line says its data-* words).
NAMES = ("aria-label", "title", "alt", "data-care-label", *(f"data-{state}" for state in (*SAID, "ready")))


def script_data(template: Any) -> Any:
    """The JSON in a widget's <template>."""
    return json.loads(BeautifulSoup(template.decode_contents(), "html.parser").script.string)


def reader_texts(html: str) -> list[str]:
    """Everything of a page a reader sees or hears: text, names, printed headers, the scripts' words."""
    soup = BeautifulSoup(html, "html.parser")
    texts = [json.dumps(list(json_strings(json.loads(s["data-words"]))), ensure_ascii=False)
             for s in soup.select("script[data-words]")]
    for template in soup.select("template"):
        texts += json_strings(script_data(template).get("strings", {}))
    for style in soup.select("style"):
        texts += re.findall(r'"((?:[^"\\]|\\.)*)"', style.get_text())
    for element in soup.find_all(True):
        texts += [str(element[name]) for name in NAMES if element.has_attr(name)]
    for element in soup.select("script, style, template"):
        element.decompose()
    texts.append(soup.get_text(" "))
    return texts


def test_a_german_site_shows_no_english_interface_string(fixture_site: Build) -> None:
    result = german_site(fixture_site)
    assert not result.aborted, result.errors
    assert result.warnings == []
    phrases = english_phrases()
    assert {"Check answer", "Who", "Print this page", "Trying again", "Dismiss", "Page not found"} <= phrases
    found = {}
    for path in result.pages():
        text = "\n".join(reader_texts(path.read_text(encoding="utf-8")))
        hits = sorted(p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))
        if hits:
            found[path.name] = hits
    assert found == {}
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
