"""`<!-- KIND: ID -->` lines that place data-driven widgets in a page, and fixed ones like `<!-- glossary -->`."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import unescape

from loading.author_errors import AuthorError
from loading.line_lookup import line_of
from loading.word_scan import ascii_lower


@dataclass(frozen=True)
class Placement:
    """One placement: which widget, and the exact text to replace."""

    id: str
    text: str


def pattern(kind: str) -> re.Pattern[str]:
    """Matches `<!-- kind: id -->` as Markdown passes it through to HTML."""
    return re.compile(rf"<!--\s*{re.escape(kind)}\s*:\s*(?P<id>[^\s>]*)\s*-->")


def near_miss(kind: str) -> re.Pattern[str]:
    """Comments an author meant as a directive: the word, then at most two short tokens."""
    # Wider than pattern(): `<!-- Quiz: x -->`, `<!-- quiz x -->` or `<!-- quiz: a b -->`
    # would otherwise stay a silent comment and the widget would be missing.
    return re.compile(rf"<!--\s*{re.escape(kind)}(?!\w|-(?!->))\s*[:=]?\s*[^\s>]*(?:\s+[^\s>]+)?\s*-->", re.IGNORECASE)


def mentions(text: str, word: str) -> bool:
    """Whether the word's first part is in the text at all, in any case: where not, no directive of it can be."""
    # Every check below scans the whole page with a case-blind pattern, about a
    # millisecond a page for all of them; most pages name no directive's word.
    return word.split("-")[0].lower().encode() in ascii_lower(text)


def unclosed(text: str, word: str) -> str | None:
    """A directive written without its closing --> (`<!-- quiz: id ->`), as the author typed it."""
    if not mentions(text, word):
        return None
    # Markdown shows such a comment as text, and the widget is silently missing.
    # The shape is kept tight (the word, then at most two short tokens, then the
    # line's end) so a longer note like `<!-- quiz ideas for later:` is left alone.
    words = r"[-_\s]?".join(map(re.escape, word.split("-")))
    loose = re.compile(
        rf"(?:<!--|&lt;!--)[ \t]*{words}(?![\w-])[ \t]*[:=]?[ \t]*[^\s<>&`]*(?:[ \t]+[^\s<>&`]+)?"
        r"[ \t]*[-\u2013\u2014]*(?:>|&gt;)?[ \t]*(?=$|</p>)",
        re.IGNORECASE | re.MULTILINE,
    )
    for match in loose.finditer(text):
        found = unescape(match.group(0)).strip()
        # A comment may close on a later line: `<!-- quiz: id` then `-->`.
        closed = found.endswith("-->") or text[match.end() :].lstrip().startswith(("-->", "--&gt;"))
        if not closed and not _inside_code(text, match.start()):
            return found
    return None


# What word processors and other scripts put in place of the ASCII a directive
# needs: typographic dashes, angle quotes, full-width signs, and Cyrillic or
# Greek letters that look Latin. One character for one, so positions hold.
LOOK_ALIKES = str.maketrans(
    "‹〈＜›〉＞！：‐‑‒–—―−﹣－"
    "аеорсухіјѕԛԝАЕОРСХІЈЅКМНТВаονικαυρτ",
    "<<<>>>!:---------"
    "aeopcyxijsqwAEOPCXIJSKMHTBaovikaupt",
)


# Any one of the look-alikes: a page with none (nearly every page) needs no folding,
# which on a long page cost more than every other directive check together.
_ANY_LOOK_ALIKE = re.compile("[" + re.escape("".join(chr(code) for code in LOOK_ALIKES)) + "]")


@functools.lru_cache(maxsize=4)
def _has_look_alike(text: str) -> bool:
    return _ANY_LOOK_ALIKE.search(text) is not None


def look_alike(text: str, word: str) -> tuple[str, str] | None:
    """A directive typed with look-alike characters: (what was typed, the characters' names), if any."""
    if not _has_look_alike(text):
        return None
    folded = text.translate(LOOK_ALIKES)
    words = r"[-_\s]?".join(map(re.escape, word.split("-")))
    shape = re.compile(rf"(?:<|&lt;)!-{{1,2}}\s*{words}(?![\w-])[^<>\n]{{0,80}}?-{{1,2}}\s*(?:>|&gt;)", re.IGNORECASE)
    for match in shape.finditer(folded):
        typed = text[match.start() : match.end()]
        odd = sorted({char for char in typed if char != char.translate(LOOK_ALIKES)})
        if odd:
            return unescape(typed), ", ".join(f"'{char}' ({unicodedata.name(char, 'unknown').lower()})" for char in odd)
    return None


def _refuse_look_alikes(text: str, word: str, file: str, source: PageText, fix: str) -> None:
    found = look_alike(text, word)
    if found:
        typed, names = found
        raise AuthorError(
            *_at(file, source, typed, 0),
            f"'{typed}' is typed with look-alike characters ({names}), so it places nothing",
            f"type it again with plain characters: {fix} (a word processor turns -- into a dash)",
        )


def find_directives(html: str, kind: str, known: set[str], file: str, source: PageText) -> list[Placement]:
    """The page's directives of one kind, checked against the known ids."""
    _refuse_look_alikes(html, kind, file, source, f"<!-- {kind}: ID -->")
    broken = unclosed(html, kind)
    if broken:
        raise AuthorError(
            *_at(file, source, broken, 0), f"'{broken}' is not closed with -->, so the page would show it as text",
            f"end it with -->, like <!-- {kind}: ID -->",
        )
    strict = pattern(kind)
    found: list[Placement] = []
    seen: list[str] = []
    for match in near_miss(kind).finditer(html) if mentions(html, kind) else ():
        text = match.group(0)
        at = _at(file, source, text, seen.count(text))
        seen.append(text)
        exact = strict.fullmatch(text)
        if exact is None:
            raise AuthorError(
                *at, f"'{text}' looks like a {kind} directive but is not in its form",
                f"write <!-- {kind}: ID --> in lower case, with one id",
            )
        if _inside_comment(html, match):
            raise AuthorError(
                *at, f"the {kind} directive '{text}' is inside another HTML comment, which it would break open",
                f"to hide the {kind}, delete the directive line; HTML comments cannot be nested",
            )
        if not _on_own_line(html, match):
            raise AuthorError(
                *at, f"the {kind} directive '{text}' is inside running text (a paragraph, heading or table)",
                "put it on a line of its own, with a blank line before and after",
            )
        directive = Placement(exact["id"], text)
        if not directive.id:
            raise AuthorError(
                *at, f"this {kind} directive names no {kind}",
                f"write <!-- {kind}: ID --> with the id from the YAML file",
            )
        if directive.id not in known:
            guess = difflib.get_close_matches(directive.id, sorted(known), n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            choices = ", ".join(sorted(known)) or "none yet: add a file to quiz_data/"
            raise AuthorError(*at, f"there is no {kind} with the id '{directive.id}'", f"{hint}known ids: {choices}")
        if any(earlier.id == directive.id for earlier in found):
            raise AuthorError(
                *at, f"the {kind} '{directive.id}' is placed twice on this page", "keep one of the two lines",
            )
        found.append(directive)
    return found


def not_placed(kind: str, item_id: str, data_file: str, sources: Iterable[tuple[str, str]]) -> str:
    """The warning for an item no page places, naming a page that has its directive as code, if one does."""
    directive = f"<!-- {kind}: {item_id} -->"
    for file, source in sources:
        line = line_of(source, directive, 0)
        if line:
            # In the source but not among the page's comments: Markdown made it code.
            return (
                f"{data_file}: the {kind} '{item_id}' is not placed on any page: {file}, line {line} has {directive}, "
                "but Markdown shows it as code (indented by 4 spaces, or "
                "inside backticks or a ``` fence), which places nothing. "
                "Fix: start the line with <!--, outside any code, with a blank line before and after"
            )
    return (
        f"{data_file}: the {kind} '{item_id}' is not placed on any page. "
        f"Fix: add {directive} to a page, or delete the file"
    )


def count_fixed_directive(text: str, directive: str, file: str, source: PageText) -> int:
    """How often a fixed directive (`<!-- glossary -->`) is placed; AuthorError on a misshapen or misplaced one."""
    word = directive.removeprefix("<!--").removesuffix("-->").strip()
    _refuse_look_alikes(text, word, file, source, directive)
    broken = unclosed(text, word)
    if broken:
        raise AuthorError(
            *_at(file, source, broken, 0), f"'{broken}' is not closed with -->, so the page would show it as text",
            f"write it exactly as {directive}",
        )
    # `<!-- Glossary -->`, `<!--print all-->` or `<!-- site-qr: x -->` would stay a silent comment.
    loose = re.compile(
        r"<!--\s*" + r"[-_\s]?".join(map(re.escape, word.split("-"))) + r"(?!\w|-(?!->))[^>]*?-->", re.IGNORECASE
    )
    count = 0
    seen: list[str] = []
    for match in loose.finditer(text) if mentions(text, word) else ():
        found = match.group(0)
        at = _at(file, source, found, seen.count(found))
        seen.append(found)
        if found != directive:
            raise AuthorError(
                *at, f"'{found}' looks like {directive} but is not in its form", f"write it exactly as {directive}",
            )
        if _inside_comment(text, match):
            raise AuthorError(
                *at, f"{directive} is inside another HTML comment, which it would break open",
                "to leave it out, delete the directive line; HTML comments cannot be nested",
            )
        if not _on_own_line(text, match):
            raise AuthorError(
                *at, f"{directive} is inside running text (a paragraph, heading or table)",
                "put it on a line of its own, with a blank line before and after",
            )
        count += 1
    return count


def _inside_comment(html: str, match: re.Match[str]) -> bool:
    """True when an earlier <!-- is still open: the widget would land inside a comment."""
    # The browser would then hide the widget and everything after it up to the next -->.
    return html.rfind("<!--", 0, match.start()) > html.rfind("-->", 0, match.start())


def _inside_code(html: str, position: int) -> bool:
    """True inside <code>...</code>: an example shown to readers, not a directive."""
    return html.rfind("<code", 0, position) > html.rfind("</code>", 0, position)


def _on_own_line(html: str, match: re.Match[str]) -> bool:
    """True when Markdown left the comment as a block, not inside a <p> or <h2>."""
    before = html[: match.start()].rstrip(" \t")
    after = html[match.end() :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


# The page's Markdown, or the page's first and then each snippet it includes,
# as (shown name, text): a directive may be written in either.
PageText = str | Sequence[tuple[str, str]]


def _at(file: str, source: PageText, text: str, occurrence: int) -> tuple[str, str]:
    """(file, place) of a directive as written: the page's line, or a snippet's, naming the page that includes it."""
    if isinstance(source, str):
        source = [(file, source)]
    for index, (name, body) in enumerate(source):
        line = line_of(body, text, occurrence if index == 0 else 0)
        if line:
            return (name, f"line {line}") if index == 0 else (name, f"line {line} (included by {file})")
    return file, ""
