"""Site-wide checks: review dates, descriptions, paths, and the error wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from loading.author_errors import AuthorError
from loading.line_lookup import line_of
from safety.site_checks import (
    Review,
    anchor_paths,
    check_description,
    check_front_matter,
    check_print_hide,
    check_snippets,
    check_utf8,
    escape_front_matter,
    format_date,
    is_overdue,
    nav_paths,
    nav_problems,
    parse_review,
    site_url_from_env,
)


def test_author_error_names_file_place_problem_and_fix() -> None:
    error = AuthorError("quiz_data/a.yml", "questions[2].options", "only one option", "add a second option")
    assert str(error) == "quiz_data/a.yml, questions[2].options: only one option. Fix: add a second option"


def test_author_error_without_place() -> None:
    assert str(AuthorError("docs/a.md", "", "empty", "write something")) == "docs/a.md: empty. Fix: write something"


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        ({"last_reviewed": dt.date(2026, 1, 2), "next_review_due": dt.date(2027, 1, 2)}, Review(
            dt.date(2026, 1, 2), dt.date(2027, 1, 2),
        )),
        ({"last_reviewed": "2026-01-02", "next_review_due": "2026-07-01"}, Review(
            dt.date(2026, 1, 2), dt.date(2026, 7, 1),
        )),
        ({"last_reviewed": dt.datetime(2026, 1, 2, 9), "next_review_due": dt.date(2027, 1, 2)}, Review(
            dt.date(2026, 1, 2), dt.date(2027, 1, 2),
        )),
    ],
)
def test_parse_review_accepts_dates(review: dict[str, Any], expected: Review) -> None:
    assert parse_review({"review": review}) == expected


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "mkdocs.yml, extra.review: the review dates are missing. Fix: add "
             "extra: review: with last_reviewed: and next_review_due: (YYYY-MM-DD)"),
        ({"review": "soon"}, "mkdocs.yml, extra.review: the review dates are missing. Fix: add "
                             "extra: review: with last_reviewed: and next_review_due: (YYYY-MM-DD)"),
        ({"review": {"last_reviewed": "2026-01-01"}}, "mkdocs.yml, extra.review.next_review_due: this date is missing. "
                                                      "Fix: add next_review_due: YYYY-MM-DD under extra: review:"),
        ({"review": {"last_reviewed": "01/02/2026", "next_review_due": "2027-01-01"}},
         "mkdocs.yml, extra.review.last_reviewed: '01/02/2026' is not a date. "
         "Fix: write the date as YYYY-MM-DD, for example 2026-11-24"),
        ({"review": {"last_reviewed": 2026, "next_review_due": "2027-01-01"}},
         "mkdocs.yml, extra.review.last_reviewed: 2026 is not a date. "
         "Fix: write the date as YYYY-MM-DD, for example 2026-11-24"),
        ({"review": {"last_reviewed": "2026-01-01", "next_review_due": "2026-01-01"}},
         "mkdocs.yml, extra.review.next_review_due: 2026-01-01 is not after last_reviewed 2026-01-01. "
         "Fix: set the next review after the last one (usually a year later)"),
        ({"review": {"last_reviewed": "2026-01-01", "next_review_due": "2027-01-01", "reviewer": "me"}},
         "mkdocs.yml, extra.review.reviewer: unknown key. Fix: use only last_reviewed and next_review_due"),
    ],
)
def test_parse_review_rejects_mistakes(extra: dict[str, Any], message: str) -> None:
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
        ({}, "docs/a.md, front matter: the page has no description. Fix: add a "
             "'description:' line (one sentence, under 160 characters) to the front matter"),
        ({"description": "   "}, "docs/a.md, front matter: the page has no description. Fix: add a "
                                 "'description:' line (one sentence, under 160 characters) to the front matter"),
        ({"description": ["a"]}, "docs/a.md, front matter, description: expected one sentence of text, found "
                                 "['a']. Fix: write it as description: followed by the sentence, on one line"),
        ({"description": "x" * 161}, "docs/a.md, front matter, description: the description is 161 characters long. "
                                     "Fix: shorten it to 160 characters or fewer so search results show it whole"),
    ],
)
def test_check_description_rejects(meta: dict[str, Any], message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        check_description(meta, "docs/a.md")
    assert str(caught.value) == message


def test_check_description_accepts_a_sentence() -> None:
    check_description({"description": "x" * 160}, "docs/a.md")


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
        ({"print_hide": "quiz"}, "docs/p.md, front matter print_hide: expected a list, found "
                                 "'quiz'. Fix: write it as a list, e.g. print_hide: [quiz]"),
        ({"print_hide": ["Quiz"]},
         "docs/p.md, front matter print_hide: 'Quiz' is not something that can be left "
         "off the printed page. Fix: use quiz or flowchart, e.g. print_hide: [quiz]"),
        ({"print_hide": [None]},
         "docs/p.md, front matter print_hide: None is not something that can be left "
         "off the printed page. Fix: use quiz or flowchart, e.g. print_hide: [quiz]"),
    ],
)
def test_check_print_hide(meta: dict[str, Any], message: str | None) -> None:
    if message is None:
        check_print_hide(meta, "docs/p.md", ["quiz", "flowchart"])
        return
    with pytest.raises(AuthorError) as caught:
        check_print_hide(meta, "docs/p.md", ["quiz", "flowchart"])
    assert str(caught.value) == message


# --- review dates against today -------------------------------------------------

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("due", "overdue"), [(dt.date(2026, 11, 30), True), (TODAY, False), (dt.date(2027, 6, 1), False)],
)
def test_a_review_is_overdue_once_its_day_has_passed(due: dt.date, overdue: bool) -> None:
    assert is_overdue(Review(dt.date(2025, 12, 1), due), TODAY) is overdue


def test_a_last_review_in_the_future_is_a_typo() -> None:
    with pytest.raises(AuthorError, match=r"extra.review.last_reviewed: 2027-11-24 is "
                                          r"in the future\. Fix: .*\(2026-12-01\)"):
        parse_review({"review": {"last_reviewed": "2027-11-24", "next_review_due": "2028-11-24"}}, TODAY)


# --- source files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ndescription: Tics: what\n---\n# T\n", "docs/a.md, line 2, front matter: the front matter is "
                                                     "not valid YAML (mapping values are not allowed here)"),
        ("---\ntitle: T\ndescription: [x\n---\n# T\n", "docs/a.md, line 4, front matter: the "
                                                       "front matter is not valid YAML"),
        ("---\n- a\n---\n# T\n", "docs/a.md, line 2, front matter: the front matter is not a list of key: value lines"),
    ],
)
def test_unreadable_front_matter_is_named_with_its_line(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        check_front_matter(text, "docs/a.md")
    assert str(caught.value).startswith(message) and "Fix:" in str(caught.value)


@pytest.mark.parametrize("text", ["# No front matter\n", "---\ndescription: Fine.\n---\n# T\n", "---\n---\n# Empty\n"])
def test_readable_front_matter_passes(text: str) -> None:
    check_front_matter(text, "docs/a.md")


def test_a_page_that_is_not_utf8_names_the_line() -> None:
    with pytest.raises(AuthorError, match=r"^docs/a\.md, line 3: this file is not UTF-8 text \(byte 0xe9"):
        check_utf8(b"one\ntwo\ncaf" + b"\xe9\n", "docs/a.md")
    check_utf8("café\n".encode(), "docs/a.md")


def test_a_missing_snippet_is_named_with_the_line_that_includes_it(tmp_path: Path) -> None:
    (tmp_path / "here.md").write_text("x")
    check_snippets([("here.md", 3)], [tmp_path], "docs/a.md", "docs/snippets")
    with pytest.raises(
        AuthorError, match=r"^docs/a\.md, line 7: the snippet 'gone\.md' is not in docs/snippets\. Fix:"
    ):
        check_snippets([("here.md", 3), ("gone.md", 7)], [tmp_path], "docs/a.md", "docs/snippets")


def test_front_matter_is_escaped_once() -> None:
    meta = {"title": 'A "b" <i>', "description": "x & y", "other": "<keep>"}
    escape_front_matter(meta)
    escape_front_matter(meta)  # a second pass (mkdocs serve) adds nothing
    assert meta == {"title": "A &#34;b&#34; &lt;i&gt;", "description": "x &amp; y", "other": "<keep>"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/guide/", "https://example.org/guide/"),
        ("https://x.github.io/repo", "https://x.github.io/repo/"),
        (" http://a.b/ ", "http://a.b/"),
    ],
)
def test_site_url_from_the_environment(value: str, expected: str) -> None:
    assert site_url_from_env(value) == expected


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ("example.org/guide/", "SITE_URL=https://example.org/guide/"),
        ("ftp://a.b/", "SITE_URL=https://a.b/"),
        ("https://", "SITE_URL=https://"),
    ],
)
def test_a_site_url_without_scheme_or_host_names_the_variable(value: str, fix: str) -> None:
    with pytest.raises(AuthorError) as caught:
        site_url_from_env(value)
    message = str(caught.value)
    assert message.startswith(f"SITE_URL (environment variable): '{value}' is not a whole web address")
    assert f"Fix: set it as {fix}" in message


def test_nav_paths_walk_titles_and_sections_and_skip_links() -> None:
    nav = ["index.md", {"Guide": ["a.md", {"B": "sub/b.md"}]}, {"Out": "https://example.org/"}]
    assert nav_paths(nav) == ["index.md", "a.md", "sub/b.md"]


def test_nav_problems_name_the_missing_and_the_left_out() -> None:
    problems = nav_problems(["index.md", "triger.md"], ["index.md", "trigger.md", "extra.md"], {"extra.md"})
    assert problems == [
        ("not_found", "mkdocs.yml, nav: 'triger.md' is not a page in docs/ (renamed or deleted?). Fix: "
                      "did you mean 'trigger.md'? correct the path under nav:, or restore the page"),
        ("omitted_files", "docs/trigger.md: this page is not in nav, so no menu leads to it. Fix: add it under "
                          "nav: in mkdocs.yml (e.g. - Title: trigger.md), or list it under not_in_nav:"),
    ]
