"""Checks on site-wide settings and page front matter; no MkDocs needed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from author_errors import AuthorError

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


def parse_review(extra: dict[str, Any]) -> Review:
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
    return parsed


def check_disclaimer(extra: dict[str, Any]) -> None:
    """Health pages must say they are not advice: extra.disclaimer is required text."""
    disclaimer = extra.get("disclaimer")
    if not isinstance(disclaimer, str) or not disclaimer.strip():
        found = "it is missing" if disclaimer is None else "it is blank" if isinstance(disclaimer, str) else f"expected text, found {disclaimer!r}"
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


def check_description(meta: dict[str, Any], src_path: str) -> None:
    """Every page needs its own meta description for search engines and sharing."""
    description = meta.get("description")
    if description is not None and not isinstance(description, str):
        raise AuthorError(
            f"docs/{src_path}", "front matter, description", f"expected one sentence of text, found {description!r}",
            "write it as description: followed by the sentence, on one line",
        )
    if not isinstance(description, str) or not description.strip():
        raise AuthorError(
            f"docs/{src_path}",
            "front matter",
            "the page has no description",
            "add a 'description:' line (one sentence, under 160 characters) to the front matter",
        )
    if len(description) > 160:
        raise AuthorError(
            f"docs/{src_path}",
            "front matter, description",
            f"the description is {len(description)} characters long",
            "shorten it to 160 characters or fewer so search results show it whole",
        )


def check_print_hide(meta: dict[str, Any], src_path: str, kinds: list[str]) -> None:
    """front matter print_hide: a list of widget kinds to leave off the printed page."""
    if "print_hide" not in meta:
        return
    value = meta["print_hide"]
    example = f"print_hide: [{kinds[0]}]"
    if not isinstance(value, list):
        # The template would walk a string letter by letter and hide nothing.
        raise AuthorError(f"docs/{src_path}", "front matter print_hide", f"expected a list, found {value!r}", f"write it as a list, e.g. {example}")
    for item in value:
        if item not in kinds:
            raise AuthorError(
                f"docs/{src_path}", "front matter print_hide", f"{item!r} is not something that can be left off the printed page",
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
