"""The source article a site is made from: every one of its sentences must be on some page, word for word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape

# A sentence ends at . ! or ? followed by a space and a capital letter (of any script).
_MAYBE_END = re.compile(r"(?<=[.!?])\s+(?=\w)")
_TAG = re.compile(r"<[^>]+>")
# A question this short, alone in its paragraph, is a heading (the article's title).
_HEADING_QUESTION = 60


@dataclass(frozen=True)
class Sentence:
    """One sentence of the source, and the line its paragraph starts on."""

    line: int
    text: str


def squash(text: str) -> str:
    """Fold whitespace and typographic apostrophes, so layout cannot hide a match."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def article_sentences(text: str) -> list[Sentence]:
    """The source's sentences, paragraph by paragraph; headings (no end punctuation) are skipped."""
    sentences: list[Sentence] = []
    line = 1
    for block in re.split(r"(\n\s*\n)", text):
        paragraph = squash(block)
        is_text = paragraph.endswith((".", "?", "!"))
        if is_text and not (paragraph.endswith("?") and len(paragraph) < _HEADING_QUESTION):
            sentences += [Sentence(line, part) for part in _split(paragraph)]
        line += block.count("\n")
    return sentences


def _split(paragraph: str) -> list[str]:
    parts, start = [], 0
    for match in _MAYBE_END.finditer(paragraph):
        if paragraph[match.end()].isupper():
            parts.append(paragraph[start : match.start()])
            start = match.end()
    return [*parts, paragraph[start:]]


def page_text(html: str) -> str:
    """What a page says, tags dropped, as squash() folds it."""
    return squash(unescape(_TAG.sub(" ", html)))


def missing_sentences(sentences: Iterable[Sentence], pages: Iterable[str]) -> list[Sentence]:
    """The sentences no page holds word for word (pages as page_text gives them)."""
    # Tags became spaces, so inline markup may leave " ," or "( word": fold those too.
    texts = [re.sub(r" (?=[,.;:!?)])|(?<=\() ", "", text) for text in pages]
    return [sentence for sentence in sentences if not any(sentence.text in text for text in texts)]


def missing_message(file: str, missing: list[Sentence], shown: int = 5) -> str:
    """The warning: how many are missing, each with its line, and the fix."""
    listed = "; ".join(f'line {s.line}: "{s.text}"' for s in missing[:shown])
    more = f"; and {len(missing) - shown} more" if len(missing) > shown else ""
    count = "1 sentence" if len(missing) == 1 else f"{len(missing)} sentences"
    return (
        f"{file}: {count} of the source article {'is' if len(missing) == 1 else 'are'} on no page ({listed}{more}). "
        "Fix: put each back on a page word for word, or correct the source article"
    )
