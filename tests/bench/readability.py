"""Reading grade of the plain-language parts: each page's Key points and the handout."""

from __future__ import annotations

from pathlib import Path

import textstat
from bs4 import BeautifulSoup

from table import Row

TARGET = 8  # US school grade; advice, not a test
PARTS = {".key-points": "Key points", ".handout": "handout"}


def sentences(element) -> str:
    """Text with each block (heading, list item, paragraph) ended as a sentence."""
    for hidden in element.select(".visually-hidden, .admonition-title, .headerlink, img, svg, figure"):
        hidden.decompose()
    blocks = [block.get_text(" ", strip=True) for block in element.select("p, li, h2, h3, td, dd, dt")]
    return " ".join(text if text.endswith((".", "!", "?", ":")) else text + "." for text in blocks if text)


def grade(site: Path) -> list[Row]:
    """Flesch-Kincaid grade and SMOG for each plain-language part of the site."""
    textstat.set_lang("en_US")
    rows, seen = [], set()
    for page in sorted(site.glob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for selector, name in PARTS.items():
            for element in soup.select(f"article {selector}"):
                if element.find_parent(class_="booklet__page"):  # the booklet repeats the other pages
                    continue
                text = sentences(element)
                if text in seen:
                    continue
                seen.add(text)
                fk, smog = textstat.flesch_kincaid_grade(text), textstat.smog_index(text)
                words = textstat.lexicon_count(text)
                verdict = "ok" if max(fk, smog) <= TARGET else "above target"
                rows.append(Row(f"{page.name}: {name}", f"FK {fk:4.1f} / SMOG {smog:4.1f}",
                                f"{words} words; target <= {TARGET}: {verdict}"))
    return rows
