"""Quizzes in tiny sites: placed, linked, styled, kept out of search (broken ones: test_broken_inputs)."""

from __future__ import annotations

import json
from collections.abc import Callable

from bs4 import BeautifulSoup

from support.sitebuild import BuildResult
from support.topics import FACTS, QUIZ, QUIZ_PAGE

Build = Callable[..., BuildResult]


def pages(quiz_page: str = QUIZ_PAGE) -> dict[str, str]:
    return {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "facts.md": FACTS, "sub/quiz.md": quiz_page}


def test_another_topic_builds_into_a_working_quiz(fixture_site_once: Build) -> None:
    result = fixture_site_once(pages(), {"planets.quiz.yml": QUIZ})
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("sub/quiz.html"), "html.parser")
    quiz = page.select_one("section.quiz#quiz-planets")
    assert quiz.select_one("legend").get_text() == "Which planet is biggest?"
    # Links are relative to the page, to the exact section.
    assert quiz.select_one(".quiz-answer__more a")["href"] == "../facts.html#sizes"
    assert quiz.select_one(".quiz-answer__more a").get_text() == "Read more: Sizes"
    assert quiz.select_one(".quiz-answer__explanation a")["href"] == "../facts.html#sizes"
    assert page.select_one('link[href^="../assets/stylesheets/quiz.css?v="]')
    assert page.select_one('script[src^="../assets/javascripts/quiz.js?v="]')
    assert (result.site_dir / "assets/javascripts/quiz.js").is_file()


def test_quiz_assets_stay_off_pages_without_a_quiz(fixture_site_once: Build) -> None:
    result = fixture_site_once(pages(), {"planets.quiz.yml": QUIZ})
    for name in ("index.html", "facts.html"):
        assert "quiz.js" not in result.html(name) and "quiz.css" not in result.html(name)


def test_search_finds_the_quiz_page_but_not_the_quiz(fixture_site: Build) -> None:
    """A search lands on the article that teaches, not on questions, buttons and answers."""
    result = fixture_site(pages(), {"planets.quiz.yml": QUIZ}, plugins=["search"])
    docs = json.loads(result.html("search/search_index.json"))["docs"]
    text = json.dumps(docs)
    for quiz_text in ("Which planet is biggest?", "Check answer", "Answer key", "Your results"):
        assert quiz_text not in text, quiz_text
    assert [doc["location"] for doc in docs if doc["location"].startswith("sub/quiz.html")] == ["sub/quiz.html"]
    assert "Jupiter is big." in text


def test_an_unplaced_quiz_fails_a_strict_build(fixture_site: Build) -> None:
    result = fixture_site(pages("---\ndescription: Quiz.\n---\n\n# Quiz\n"), {"planets.quiz.yml": QUIZ})
    assert result.aborted
    assert result.warnings == [
        "quiz_data/planets.quiz.yml: the quiz 'planets' is not placed on any page. "
        "Fix: add <!-- quiz: planets --> to a page, or delete the file"
    ]


def test_a_quiz_without_our_theme_folder_is_a_clear_error(fixture_site: Build) -> None:
    result = fixture_site(pages(), {"planets.quiz.yml": QUIZ}, theme={"name": "material", "font": False})
    assert result.aborted
    assert (
        "mkdocs.yml, theme.custom_dir: the quiz template 'partials/quiz.html' is not in the theme. "
        "Fix: set custom_dir: overrides under theme: (the folder that holds partials/quiz.html)"
    ) in result.errors
