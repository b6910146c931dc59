"""Every built page and our own stylesheets pass the Nu HTML Checker: no error, no warning."""

from __future__ import annotations

import pytest

from support.browser import in_ci
from support.html_checker import check, checker_command
from support.sitebuild import ROOT, BuildResult

OWN_STYLESHEETS = sorted((ROOT / "overrides/assets/stylesheets").glob("*.css"))


@pytest.fixture(scope="module")
def checker() -> list[str]:
    command = checker_command()
    if isinstance(command, str):
        if in_ci():
            pytest.fail(f"the HTML checker cannot run: {command}")
        pytest.skip(command)
    return command


def test_every_page_is_valid_html(checker: list[str], real_site: BuildResult) -> None:
    pages = real_site.pages()
    assert len(pages) >= 10
    assert [str(message) for message in check(checker, pages)] == []


def test_our_stylesheets_are_valid_css(checker: list[str]) -> None:
    assert OWN_STYLESHEETS
    assert [str(message) for message in check(checker, OWN_STYLESHEETS, mode="--css")] == []


def test_the_checker_does_catch_errors(checker: list[str], tmp_path) -> None:
    # Guards the gate itself: a page with a known error must be reported.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">', encoding="utf-8",
    )
    assert [m.kind for m in check(checker, [page])] == ["error"]
