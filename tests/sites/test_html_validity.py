"""Every built page and our own stylesheets pass the Nu HTML Checker: no error, no warning."""

from __future__ import annotations

import pytest

from support.browser import in_ci
from support.html_checker import check, checker_command
from support.sitebuild import ROOT, BuildResult

OWN_STYLESHEETS = sorted((ROOT / "overrides/assets/stylesheets").glob("*.css"))
# A page and a stylesheet with a known error each, checked in the same run:
# they guard the gate itself (and show the stylesheets are read as CSS).
GUARD = "checker-guard-known-error.html"
CSS_GUARD = "checker-guard-known-error.css"


@pytest.fixture(scope="module")
def checker() -> list[str]:
    command = checker_command()
    if isinstance(command, str):
        if in_ci():
            pytest.fail(f"the HTML checker cannot run: {command}")
        pytest.skip(command)
    return command


@pytest.fixture(scope="module")
def findings(checker: list[str], real_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """One run of the checker (Java's start-up is most of its time) over every page,
    our stylesheets (as CSS) and the guard page, its messages sorted by file."""
    folder = tmp_path_factory.mktemp("checker")
    guard, css_guard = folder / GUARD, folder / CSS_GUARD
    guard.write_text(
        '<!doctype html><html lang="en"><title>x</title><input type="checkbox" autocomplete="off">', encoding="utf-8",
    )
    css_guard.write_text("a { colr: red; }\n", encoding="utf-8")
    pages = real_site.pages()
    assert {GUARD, CSS_GUARD}.isdisjoint(path.name for path in [*pages, *OWN_STYLESHEETS])
    groups = {GUARD: "guard", CSS_GUARD: "css guard"}
    found: dict[str, list] = {"pages": [], "stylesheets": [], "guard": [], "css guard": []}
    for message in check(checker, [*pages, *OWN_STYLESHEETS, guard, css_guard], mode="--also-check-css"):
        group = groups.get(message.file) or ("stylesheets" if message.file.endswith(".css") else "pages")
        found[group].append(message)
    found["checked pages"] = pages
    return found


def test_every_page_is_valid_html(findings: dict[str, list]) -> None:
    assert len(findings["checked pages"]) >= 10
    assert [str(message) for message in findings["pages"]] == []


def test_our_stylesheets_are_valid_css(findings: dict[str, list]) -> None:
    assert OWN_STYLESHEETS
    assert [str(message) for message in findings["stylesheets"]] == []


def test_the_checker_does_catch_errors(findings: dict[str, list]) -> None:
    # Guards the gate itself: a page with a known error must be reported,
    # and so must a stylesheet (checked as CSS in the same run).
    assert [m.kind for m in findings["guard"]] == ["error"]
    assert [m.kind for m in findings["css guard"]] == ["error"]
