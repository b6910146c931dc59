"""Checks on site-wide settings and page front matter; no MkDocs needed."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from markupsafe import Markup, escape

from loading.author_errors import AuthorError

CONFIG_FILE = "mkdocs.yml"
REVIEW_KEYS = ("last_reviewed", "next_review_due")


@dataclass(frozen=True)
class Review:
    """When the content was last checked, and when it must be checked again."""

    last_reviewed: dt.date
    next_review_due: dt.date


# -----------------------------------------------------------------------------
# Review dates
# -----------------------------------------------------------------------------


def _as_date(value: Any, key: str) -> dt.date:
    """Accept a YAML date or an ISO string; anything else is an author error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AuthorError(
        CONFIG_FILE,
        f"extra.review.{key}",
        f"{value!r} is not a date",
        "write the date as YYYY-MM-DD, for example 2026-11-24",
    )


def parse_review(extra: Mapping[str, Any], today: dt.date | None = None) -> Review:
    """Read extra.review from mkdocs.yml, or explain what is missing."""
    review = extra.get("review")
    if not isinstance(review, dict):
        raise AuthorError(
            CONFIG_FILE,
            "extra.review",
            "the review dates are missing",
            "add extra: review: with last_reviewed: and next_review_due: (YYYY-MM-DD)",
        )
    for key in REVIEW_KEYS:
        if key not in review:
            raise AuthorError(
                CONFIG_FILE,
                f"extra.review.{key}",
                "this date is missing",
                f"add {key}: YYYY-MM-DD under extra: review:",
            )
    unknown = sorted(set(review) - set(REVIEW_KEYS))
    if unknown:
        raise AuthorError(
            CONFIG_FILE,
            f"extra.review.{unknown[0]}",
            "unknown key",
            f"use only {' and '.join(REVIEW_KEYS)}",
        )
    parsed = Review(*(_as_date(review[key], key) for key in REVIEW_KEYS))
    if parsed.next_review_due <= parsed.last_reviewed:
        raise AuthorError(
            CONFIG_FILE,
            "extra.review.next_review_due",
            f"{parsed.next_review_due} is not after last_reviewed {parsed.last_reviewed}",
            "set the next review after the last one (usually a year later)",
        )
    today = today or dt.date.today()
    if parsed.last_reviewed > today:
        raise AuthorError(
            CONFIG_FILE, "extra.review.last_reviewed", f"{parsed.last_reviewed} is in the future",
            f"give the day the pages were last checked, on or before today ({today})",
        )
    return parsed


def is_overdue(review: Review, today: dt.date | None = None) -> bool:
    """The next review's day has passed: readers must be told, the build says so."""
    return review.next_review_due < (today or dt.date.today())


def check_disclaimer(extra: Mapping[str, Any]) -> None:
    """Health pages must say they are not advice: extra.disclaimer is required text."""
    disclaimer = extra.get("disclaimer")
    if not isinstance(disclaimer, str) or not disclaimer.strip():
        found = (
            "it is missing" if disclaimer is None
            else "it is blank" if isinstance(disclaimer, str)
            else f"expected text, found {disclaimer!r}"
        )
        raise AuthorError(
            CONFIG_FILE, "extra.disclaimer", f"every page shows the disclaimer, but {found}",
            "add extra: disclaimer: with a sentence or two, e.g. that this is general information, not medical advice",
        )


def format_date(day: dt.date) -> str:
    """Write a date the way readers say it: 24 November 2026."""
    return f"{day.day} {day:%B %Y}"


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


def check_description(meta: Mapping[str, Any], file: str) -> None:
    """Every page needs its own meta description for search engines and sharing."""
    description = meta.get("description")
    if description is not None and not isinstance(description, str):
        raise AuthorError(
            file, "front matter, description", f"expected one sentence of text, found {description!r}",
            "write it as description: followed by the sentence, on one line",
        )
    if not isinstance(description, str) or not description.strip():
        raise AuthorError(
            file,
            "front matter",
            "the page has no description",
            "add a 'description:' line (one sentence, under 160 characters) to the front matter",
        )
    if len(description) > 160:
        raise AuthorError(
            file,
            "front matter, description",
            f"the description is {len(description)} characters long",
            "shorten it to 160 characters or fewer so search results show it whole",
        )


def check_print_hide(meta: Mapping[str, Any], file: str, kinds: list[str]) -> None:
    """front matter print_hide: a list of widget kinds to leave off the printed page."""
    if "print_hide" not in meta:
        return
    value = meta["print_hide"]
    example = f"print_hide: [{kinds[0]}]"
    if not isinstance(value, list):
        # The template would walk a string letter by letter and hide nothing.
        raise AuthorError(
            file, "front matter print_hide", f"expected a list, found {value!r}",
            f"write it as a list, e.g. {example}",
        )
    for item in value:
        if item not in kinds:
            raise AuthorError(
                file, "front matter print_hide",
                f"{item!r} is not something that can be left off the printed page",
                f"use {' or '.join(kinds)}, e.g. {example}",
            )


# -----------------------------------------------------------------------------
# Paths
# -----------------------------------------------------------------------------


def anchor_paths(paths: list[str], config_dir: Path) -> list[str]:
    """Make relative paths absolute against the folder holding mkdocs.yml."""
    # pymdownx.snippets reads base_path relative to the working directory; this
    # lets `mkdocs build -f some/dir/mkdocs.yml` work from anywhere.
    return [str(path if Path(path).is_absolute() else config_dir / path) for path in paths]


# Front matter keys that Material's templates print as they are.
PRINTED_KEYS = ("title", "description")


def escape_front_matter(meta: MutableMapping[str, Any]) -> None:
    """Escape printed front matter once, as Markup: templates that print it raw stay safe, `| e` adds nothing."""
    for key in PRINTED_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


# -----------------------------------------------------------------------------
# Source files
# -----------------------------------------------------------------------------


def check_utf8(data: bytes, shown: str) -> None:
    """A page must be UTF-8 text; say where the first other byte is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise AuthorError(
            shown, f"line {line}", f"this file is not UTF-8 text (byte {data[error.start]:#04x} cannot be read)",
            "save it with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
        ) from None


def check_snippets(names: list[tuple[str, int | None]], bases: list[Path], shown: str, shown_bases: str) -> None:
    """Every snippet a page includes (name, line) is in one of the snippet folders."""
    for name, line in names:
        found = next((base / name for base in bases if (base / name).is_file()), None)
        if found is None:
            raise AuthorError(
                shown, f"line {line}" if line else "pymdownx.snippets auto_append",
                f"the snippet '{name}' is not in {shown_bases}",
                f"restore {name} there, or correct the name",
            )
        # pymdownx.snippets would crash reading it.
        check_utf8(found.read_bytes(), f"{shown_bases}/{name}")


# MkDocs' own front matter pattern (mkdocs.utils.meta): it drops a block it
# cannot read without a word, leaving the page with no title or description.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def check_front_matter(text: str, shown: str) -> None:
    """A page's front matter, if it has one, is a YAML mapping MkDocs can read."""
    match = FRONT_MATTER.match(text)
    if not match:
        return
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # +2: the block starts on the line after the opening ---.
        place = f"line {mark.line + 2}, front matter" if mark else "front matter"
        raise AuthorError(
            shown, place, f"the front matter is not valid YAML ({error.problem})",
            "quote a value that holds ': ' or starts with a symbol, e.g. description: \"Tics: what they are\"",
        ) from None
    except yaml.YAMLError as error:
        raise AuthorError(
            shown, "front matter", f"the front matter is not valid YAML ({error})", "write it as key: value lines",
        ) from None
    if data is not None and not isinstance(data, dict):
        raise AuthorError(
            shown, "line 2, front matter", "the front matter is not a list of key: value lines",
            "write it as key: value lines, e.g. description: One sentence.",
        )


# -----------------------------------------------------------------------------
# The published address
# -----------------------------------------------------------------------------

SITE_URL_VARIABLE = "SITE_URL"


def site_url_from_env(value: str) -> str:
    """$SITE_URL as MkDocs' site_url: a whole http(s) address ending in /."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        example = "https://" + value.split("://")[-1].lstrip("/") if value else "https://example.org/guide/"
        raise AuthorError(
            f"{SITE_URL_VARIABLE} (environment variable)", "",
            f"'{value}' is not a whole web address (it needs https:// and a host)",
            f"set it as {SITE_URL_VARIABLE}={example}, or leave it unset for a site that works from any folder",
        )
    return value if value.endswith("/") else value + "/"


# -----------------------------------------------------------------------------
# Navigation
# -----------------------------------------------------------------------------


def nav_paths(nav: object) -> list[str]:
    """The page paths an explicit nav lists (links to other sites left out)."""
    if isinstance(nav, str):
        return [] if "://" in nav or nav.startswith(("/", "#")) else [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    return []


def nav_problems(listed: list[str], pages: list[str], left_out: set[str]) -> list[tuple[str, str]]:
    """(kind, message): a listed page that does not exist ("not_found"), a page no menu leads to ("omitted_files")."""
    problems = []
    for path in listed:
        if path not in pages:
            close = difflib.get_close_matches(path, pages, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append((
                "not_found",
                f"{CONFIG_FILE}, nav: '{path}' is not a page in docs/ (renamed or deleted?). "
                f"Fix: {hint}correct the path under nav:, or restore the page",
            ))
    for path in pages:
        if path not in listed and path not in left_out:
            problems.append((
                "omitted_files",
                f"docs/{path}: this page is not in nav, so no menu leads to it. "
                f"Fix: add it under nav: in {CONFIG_FILE} (e.g. - Title: {path}), or list it under not_in_nav:",
            ))
    return problems
