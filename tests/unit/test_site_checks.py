"""Site-wide checks: review dates, descriptions, paths, and the error wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from author_errors import AuthorError
from site_checks import Review, anchor_paths, check_description, check_print_hide, format_date, parse_review
from source_lines import line_of


def test_author_error_names_file_place_problem_and_fix() -> None:
    error = AuthorError("quiz_data/a.yml", "questions[2].options", "only one option", "add a second option")
    assert str(error) == "quiz_data/a.yml, questions[2].options: only one option. Fix: add a second option"


def test_author_error_without_place() -> None:
    assert str(AuthorError("docs/a.md", "", "empty", "write something")) == "docs/a.md: empty. Fix: write something"


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ({"last_reviewed": dt.date(2026, 1, 2), "next_review_due": dt.date(2027, 1, 2)}, Review(dt.date(2026, 1, 2), dt.date(2027, 1, 2))),
        ({"last_reviewed": "2026-01-02", "next_review_due": "2026-07-01"}, Review(dt.date(2026, 1, 2), dt.date(2026, 7, 1))),
        ({"last_reviewed": dt.datetime(2026, 1, 2, 9), "next_review_due": dt.date(2027, 1, 2)}, Review(dt.date(2026, 1, 2), dt.date(2027, 1, 2))),
    ],
)
def test_parse_review_accepts_dates(review: dict, expected: Review) -> None:
    assert parse_review({"review": review}) == expected


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "mkdocs.yml, extra.review: the review dates are missing. Fix: add extra: review: with last_reviewed: and next_review_due: (YYYY-MM-DD)"),
        ({"review": "soon"}, "mkdocs.yml, extra.review: the review dates are missing. Fix: add extra: review: with last_reviewed: and next_review_due: (YYYY-MM-DD)"),
        ({"review": {"last_reviewed": "2026-01-01"}}, "mkdocs.yml, extra.review.next_review_due: this date is missing. Fix: add next_review_due: YYYY-MM-DD under extra: review:"),
        ({"review": {"last_reviewed": "01/02/2026", "next_review_due": "2027-01-01"}}, "mkdocs.yml, extra.review.last_reviewed: '01/02/2026' is not a date. Fix: write the date as YYYY-MM-DD, for example 2026-11-24"),
        ({"review": {"last_reviewed": 2026, "next_review_due": "2027-01-01"}}, "mkdocs.yml, extra.review.last_reviewed: 2026 is not a date. Fix: write the date as YYYY-MM-DD, for example 2026-11-24"),
        ({"review": {"last_reviewed": "2026-01-01", "next_review_due": "2026-01-01"}}, "mkdocs.yml, extra.review.next_review_due: 2026-01-01 is not after last_reviewed 2026-01-01. Fix: set the next review after the last one (usually a year later)"),
        ({"review": {"last_reviewed": "2026-01-01", "next_review_due": "2027-01-01", "reviewer": "me"}}, "mkdocs.yml, extra.review.reviewer: unknown key. Fix: use only last_reviewed and next_review_due"),
    ],
)
def test_parse_review_rejects_mistakes(extra: dict, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        parse_review(extra)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("day", "text"),
    [(dt.date(2026, 11, 24), "24 November 2026"), (dt.date(2027, 1, 5), "5 January 2027")],
)
def test_format_date(day: dt.date, text: str) -> None:
    assert format_date(day) == text


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({}, "docs/a.md, front matter: the page has no description. Fix: add a 'description:' line (one sentence, under 160 characters) to the front matter"),
        ({"description": "   "}, "docs/a.md, front matter: the page has no description. Fix: add a 'description:' line (one sentence, under 160 characters) to the front matter"),
        ({"description": ["a"]}, "docs/a.md, front matter, description: expected one sentence of text, found ['a']. Fix: write it as description: followed by the sentence, on one line"),
        ({"description": "x" * 161}, "docs/a.md, front matter, description: the description is 161 characters long. Fix: shorten it to 160 characters or fewer so search results show it whole"),
    ],
)
def test_check_description_rejects(meta: dict, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        check_description(meta, "a.md")
    assert str(caught.value) == message


def test_check_description_accepts_a_sentence() -> None:
    check_description({"description": "x" * 160}, "a.md")


def test_anchor_paths(tmp_path: Path) -> None:
    absolute = str(tmp_path / "elsewhere")
    assert anchor_paths(["docs/snippets", absolute], tmp_path) == [str(tmp_path / "docs/snippets"), absolute]


@pytest.mark.parametrize(
    ("text", "needle", "occurrence", "line"),
    [("a\nb\nc", "b", 0, 2), ("a\nb\nb", "b", 0, 2), ("a\nb\nb", "b", 1, 3), ("bb\nb", "b", 1, 1),
     ("a\nb", "b", 1, None), ("a", "z", 0, None), ("", "a", 0, None), ("!!! care-x", "care-x", 0, 1)],
)
def test_line_of(text: str, needle: str, occurrence: int, line: int | None) -> None:
    assert line_of(text, needle, occurrence) == line


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({}, None),
        ({"print_hide": []}, None),
        ({"print_hide": ["quiz", "flowchart"]}, None),
        ({"print_hide": "quiz"}, "docs/p.md, front matter print_hide: expected a list, found 'quiz'. Fix: write it as a list, e.g. print_hide: [quiz]"),
        ({"print_hide": ["Quiz"]},
         "docs/p.md, front matter print_hide: 'Quiz' is not something that can be left off the printed page. Fix: use quiz or flowchart, e.g. print_hide: [quiz]"),
        ({"print_hide": [None]},
         "docs/p.md, front matter print_hide: None is not something that can be left off the printed page. Fix: use quiz or flowchart, e.g. print_hide: [quiz]"),
    ],
)
def test_check_print_hide(meta: dict, message: str | None) -> None:
    if message is None:
        check_print_hide(meta, "p.md", ["quiz", "flowchart"])
        return
    with pytest.raises(AuthorError) as caught:
        check_print_hide(meta, "p.md", ["quiz", "flowchart"])
    assert str(caught.value) == message
