"""Care cards: admonitions whose type names a care level, turned into headed cards."""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# -----------------------------------------------------------------------------
# Levels
# -----------------------------------------------------------------------------

# Author syntax is a plain admonition: `!!! care-emergency "Call 999 now"`.
TYPE_PREFIX = "care-"

# Lowest to highest; the label is read aloud inside the heading and shown as a
# badge, so the level never rests on colour alone.
DEFAULT_LEVELS: dict[str, str] = {
    "self-care": "Self-care",
    "routine": "Routine",
    "urgent": "Urgent",
    "emergency": "Emergency",
}

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

# The level whose cards carry tap-to-call buttons (numbers from mkdocs.yml).
CALL_LEVEL = "emergency"

# A card is read in a hurry: a few signs at most (README, "Care cards").
MAX_BULLETS = 5


@dataclass(frozen=True)
class CardProblem:
    """A care card the author has to fix."""

    level: str
    message: str


# -----------------------------------------------------------------------------
# Tree rewriting
# -----------------------------------------------------------------------------


def card_level(element: etree.Element) -> str | None:
    """Return the care level named by an admonition's classes, if any."""
    if element.tag != "div":
        return None
    classes = element.get("class", "").split()
    if "admonition" not in classes:
        return None
    for name in classes:
        if name.startswith(TYPE_PREFIX):
            return name[len(TYPE_PREFIX) :]
    return None


# What makes a care card look and read as one, whether Markdown wrote it (an
# admonition, rewritten here) or a flowchart outcome (partials/flowchart.html).
TITLE_CLASS = "admonition-title care-card__title"


def card_classes(level: str) -> list[str]:
    """The classes of a card of this care level, besides the admonition's own."""
    return ["care-card", f"care-card--{level}"]


def heading_level_after(previous: int) -> int:
    """Cards sit one level below the heading they follow, never above h2."""
    return min(max(previous + 1, 2), 6)


def rewrite_card(
    card: etree.Element, level: str, label: str, heading_tag: str
) -> None:
    """Turn the admonition title into a heading that speaks the level."""
    classes = card.get("class", "").split()
    card.set("class", " ".join([*classes, *card_classes(level)]))
    card.set("data-care-label", label)
    title = next(
        (child for child in card if "admonition-title" in child.get("class", "")),
        None,
    )
    if title is None:
        # `!!! care-urgent ""` has no title: the card needs its call to action.
        return
    title.tag = heading_tag
    title.set("class", TITLE_CLASS)
    hidden = etree.Element("span", {"class": "visually-hidden"})
    hidden.text = f"{label}: "
    # The spoken level goes first, before the author's call to action.
    hidden.tail = title.text
    title.text = None
    title.insert(0, hidden)


class CareCardTreeprocessor(Treeprocessor):
    """Rewrite every care-level admonition, tracking the heading it follows."""

    def __init__(self, md: Markdown, levels: dict[str, str], call_buttons: str) -> None:
        super().__init__(md)
        self.levels = levels
        self.call_buttons = call_buttons
        self.problems: list[CardProblem] = []

    def run(self, root: etree.Element) -> None:
        self.problems = []
        previous = 1
        # iter() walks in document order, so `previous` is the last heading
        # seen before each card; cards are collected first, then rewritten.
        cards: list[tuple[etree.Element, str, int]] = []
        for element in root.iter():
            if element.tag in HEADINGS:
                previous = int(element.tag[1])
                continue
            level = card_level(element)
            if level is None:
                continue
            if level not in self.levels:
                known = ", ".join(TYPE_PREFIX + name for name in self.levels)
                self.problems.append(
                    CardProblem(level, f"unknown care level '{TYPE_PREFIX}{level}'. "
                        f"Fix: {_guess(level, self.levels)}use one of: {known}")
                )
                continue
            cards.append((element, level, previous))
        for card, level, before in cards:
            # `!!! care-routine Book an appointment` (no quotes): Python-Markdown
            # makes the words CSS classes and the title "Care-routine".
            words = [name for name in card.get("class", "").split() if name not in {"admonition", TYPE_PREFIX + level}]
            if words:
                self.problems.append(
                    CardProblem(level, f"the title of a '{TYPE_PREFIX}{level}' card is not in quotes, so its words "
                        f"({' '.join(words)}) are not shown. Fix: write !!! "
                        f"{TYPE_PREFIX}{level} \"{' '.join(words).capitalize()}\"")
                )
                continue
            bullets = sum(len([li for li in ul if li.tag == "li"]) for ul in card if ul.tag in {"ul", "ol"})
            if bullets > MAX_BULLETS:
                self.problems.append(
                    CardProblem(level, f"a '{TYPE_PREFIX}{level}' card has {bullets} bullets, more than {MAX_BULLETS}. "
                        f"Fix: keep the {MAX_BULLETS} signs that matter most, or split the card in two")
                )
            title = next((c for c in card if "admonition-title" in c.get("class", "")), None)
            # With no title at all, Python-Markdown shows the type itself: "Care-routine".
            if title is None or (
                (title.text or "").strip() == f"{TYPE_PREFIX}{level}".capitalize() and len(title) == 0
            ):
                self.problems.append(
                    CardProblem(level, f"a '{TYPE_PREFIX}{level}' card has no title. "
                        f"Fix: give it its call to action in quotes, e.g. !!! {TYPE_PREFIX}{level} \"What to do\"")
                )
            rewrite_card(card, level, self.levels[level], f"h{heading_level_after(before)}")
            if level == CALL_LEVEL and self.call_buttons:
                self._add_call_buttons(card)

    def _add_call_buttons(self, card: etree.Element) -> None:
        """Put the tel: buttons straight under the title: calling is the first thing to do."""
        holder = etree.Element("p")
        # Stashed raw HTML: the one markup for call buttons lives in call_buttons.py.
        holder.text = self.md.htmlStash.store(self.call_buttons)
        titled = any("admonition-title" in child.get("class", "") for child in card)
        card.insert(1 if titled else 0, holder)


def _guess(level: str, levels: dict[str, str]) -> str:
    """'did you mean ...? ' for a near miss, else nothing."""
    close = difflib.get_close_matches(level, list(levels), n=1)
    return f"did you mean '{TYPE_PREFIX}{close[0]}'? " if close else ""


class CareCardExtension(Extension):
    """Python-Markdown extension; after convert, `problems` lists author mistakes."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "levels": [dict(DEFAULT_LEVELS), "care level -> spoken label"],
            "call_buttons": ["", "HTML of the tel: buttons for emergency cards"],
        }
        super().__init__(**kwargs)
        self.processor: CareCardTreeprocessor | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown's API name
        self.processor = CareCardTreeprocessor(md, self.getConfig("levels"), self.getConfig("call_buttons"))
        # After inline (20) so titles hold their final markup, before toc (5)
        # so the new headings get ids and TOC entries.
        md.treeprocessors.register(self.processor, "care_cards", 8)

    @property
    def problems(self) -> list[CardProblem]:
        """Mistakes found by the last conversion."""
        return self.processor.problems if self.processor else []


def makeExtension(**kwargs: object) -> CareCardExtension:
    """Entry point so `care_cards` can be named in markdown_extensions."""
    return CareCardExtension(**kwargs)
