"""Quizzes in tiny sites: placed, linked and styled; broken data stops the build."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from support.sitebuild import BuildResult

Build = Callable[..., BuildResult]

QUIZ = """\
# yaml-language-server: $schema=../hooks/schemas/quiz.schema.json
id: planets
title: Planets quiz
questions:
  - id: biggest
    type: single
    prompt: Which planet is biggest?
    options:
      - id: jupiter
        text: Jupiter
        correct: true
        feedback: It is the largest.
      - id: mars
        text: Mars
        feedback: Mars is small.
    explanation: See [the list](facts.md#sizes).
    source: facts.md#sizes
"""

FACTS = "---\ndescription: Facts.\n---\n\n# Facts\n\n## Sizes\n\nJupiter is big.\n"
QUIZ_PAGE = "---\ndescription: Quiz.\n---\n\n# Quiz\n\n<!-- quiz: planets -->\n"


def pages(quiz_page: str = QUIZ_PAGE) -> dict[str, str]:
    return {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "facts.md": FACTS, "sub/quiz.md": quiz_page}


def test_another_topic_builds_into_a_working_quiz(fixture_site: Build) -> None:
    result = fixture_site(pages(), {"planets.quiz.yml": QUIZ})
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("sub/quiz.html"), "html.parser")
    quiz = page.select_one("section.quiz#quiz-planets")
    assert quiz.select_one("legend").get_text() == "Which planet is biggest?"
    # Links are relative to the page, to the exact section.
    assert quiz.select_one(".quiz-answer__more a")["href"] == "../facts.html#sizes"
    assert quiz.select_one(".quiz-answer__more a").get_text() == "Read more: Sizes"
    assert quiz.select_one(".quiz-answer__explanation a")["href"] == "../facts.html#sizes"
    assert page.select_one('link[href="../assets/stylesheets/quiz.css"]')
    assert page.select_one('script[src="../assets/javascripts/quiz.js"]')
    assert (result.site_dir / "assets/javascripts/quiz.js").is_file()


def test_quiz_assets_stay_off_pages_without_a_quiz(fixture_site: Build) -> None:
    result = fixture_site(pages(), {"planets.quiz.yml": QUIZ})
    for name in ("index.html", "facts.html"):
        assert "quiz.js" not in result.html(name) and "quiz.css" not in result.html(name)


def test_quiz_text_is_searchable(fixture_site: Build) -> None:
    result = fixture_site(pages(), {"planets.quiz.yml": QUIZ}, plugins=["search"])
    assert "Which planet is biggest?" in result.html("search/search_index.json")


BROKEN = [
    (
        "missing anchor",
        QUIZ.replace("source: facts.md#sizes", "source: facts.md#size"),
        QUIZ_PAGE,
        "quiz_data/planets.quiz.yml, line 17 (questions[0].source): 'facts.md' has no section '#size'. "
        "Fix: did you mean '#sizes'? its sections are: #facts, #sizes",
    ),
    (
        "missing page",
        QUIZ.replace("source: facts.md#sizes", "source: fact.md#sizes"),
        QUIZ_PAGE,
        "quiz_data/planets.quiz.yml, line 17 (questions[0].source): the page 'fact.md' does not exist. "
        "Fix: did you mean 'facts.md'? use a page's path inside docs/",
    ),
    (
        "broken link in author Markdown",
        QUIZ.replace("[the list](facts.md#sizes)", "[the list](facts.md#nope)"),
        QUIZ_PAGE,
        "quiz_data/planets.quiz.yml, a link to 'facts.md#nope': 'facts.md' has no section '#nope'. "
        "Fix: its sections are: #facts, #sizes",
    ),
    (
        "unknown quiz",
        QUIZ,
        QUIZ_PAGE.replace("planets", "planet"),
        "docs/sub/quiz.md, line 7: there is no quiz with the id 'planet'. Fix: did you mean 'planets'? known ids: planets",
    ),
    (
        "same quiz twice",
        QUIZ,
        QUIZ_PAGE + "\nMore.\n\n<!-- quiz: planets -->\n",
        "docs/sub/quiz.md, line 11: the quiz 'planets' is placed twice on this page. Fix: keep one of the two lines",
    ),
    (
        "bad quiz data",
        QUIZ.replace("        correct: true\n", ""),
        QUIZ_PAGE,
        "quiz_data/planets.quiz.yml, line 8 (questions[0].options): this single-choice question has no correct option. "
        "Fix: add 'correct: true' to the one right option",
    ),
]


@pytest.mark.parametrize(("quiz", "quiz_page", "message"), [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_broken_input_stops_the_build_with_one_clear_message(fixture_site: Build, quiz: str, quiz_page: str, message: str) -> None:
    result = fixture_site(pages(quiz_page), {"planets.quiz.yml": quiz})
    assert result.aborted
    assert message in result.errors
    assert not any("Traceback" in error for error in result.errors)
    assert not list(result.site_dir.rglob("*.html")), "a failed build writes no page"


def test_an_unplaced_quiz_fails_a_strict_build(fixture_site: Build) -> None:
    result = fixture_site(pages("---\ndescription: Quiz.\n---\n\n# Quiz\n"), {"planets.quiz.yml": QUIZ})
    assert result.aborted
    assert result.warnings == [
        "quiz_data/planets.quiz.yml: the quiz 'planets' is not placed on any page. "
        "Fix: add <!-- quiz: planets --> to a page, or delete the file"
    ]
