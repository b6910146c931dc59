"""What a reader sees or hears on a built page, and the English interface phrases another language must not show."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator, Mapping
from typing import Any

from bs4 import BeautifulSoup

from language.catalogue import read_catalogue
from offline.keep_control import SAID

ENGLISH = read_catalogue("en") or {}


def forms(entry: Any) -> list[str]:
    return [str(text) for text in entry.values()] if isinstance(entry, Mapping) else [str(entry)]


def english_phrases(language: str = "de") -> set[str]:
    """The words of every English string that `language` says differently, between the {names} it fills in."""
    other = read_catalogue(language) or {}
    phrases = set()
    for key, entry in ENGLISH.items():
        if key == "locale" or other[key] == entry:
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
    script = BeautifulSoup(template.decode_contents(), "html.parser").script
    assert script is not None and script.string is not None, "the widget's data script is missing"
    return json.loads(script.string)


def reader_texts(html: str) -> list[str]:
    """Everything of a page a reader sees or hears: text, names, printed headers, the scripts' words."""
    soup = BeautifulSoup(html, "html.parser")
    texts = [json.dumps(list(json_strings(json.loads(str(s["data-words"])))), ensure_ascii=False)
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




def english_on_pages(pages: list[Any], language: str = "de") -> dict[str, list[str]]:
    """{page file name: the English interface phrases it shows}, for the pages that show any."""
    phrases = english_phrases(language)
    found = {}
    for path in pages:
        text = "\n".join(reader_texts(path.read_text(encoding="utf-8")))
        hits = sorted(p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))
        if hits:
            found[path.name] = hits
    return found
