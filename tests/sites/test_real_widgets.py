"""The site's own quizzes: coverage, placement, and the weight budget."""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from support import budgets
from support.sitebuild import ROOT, BuildResult
from widgets.quiz_model import load_quizzes

ARTICLE_PAGES = ["how-twitches-happen", "everyday-triggers", "medical-conditions", "when-to-seek-help"]
QUIZZES = load_quizzes(ROOT / "quiz_data")


def test_the_full_quiz_covers_every_section_and_type() -> None:
    quiz = QUIZZES["mouth-twitches"]
    assert len(quiz.questions) >= 15
    assert set(Counter(q.type for q in quiz.questions)) == {"single", "multiple", "true-false"}
    assert {q.source.page for q in quiz.questions} == {f"{page}.md" for page in ARTICLE_PAGES}


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_each_article_page_ends_with_a_short_quiz(real_site: BuildResult, page: str) -> None:
    html = BeautifulSoup(real_site.html(f"{page}.html"), "html.parser")
    quizzes = html.select("article section.quiz")
    assert [q["data-quiz"] for q in quizzes] == [page]
    assert 2 <= len(quizzes[0].select("li.quiz-question")) <= 3
    assert quizzes[0].select_one("h2").get_text() == "Check your understanding"
    # Nothing of the article comes after it but the "Read next" links.
    later = [
        h.get_text().rstrip("¶")
        for h in quizzes[0].find_all_next("h2")
        if not h.find_parent("section", class_="quiz") and "page-review__title" not in h.get("class", [])
    ]
    assert later in ([], ["Read next"])


def test_every_explanation_links_to_an_exact_section(real_site: BuildResult) -> None:
    for page in ["quiz", *ARTICLE_PAGES]:
        html = BeautifulSoup(real_site.html(f"{page}.html"), "html.parser")
        for link in html.select(".quiz-answer__more a"):
            target, _, anchor = link["href"].partition("#")
            assert anchor, link
            assert BeautifulSoup(real_site.html(target or f"{page}.html"), "html.parser").find(id=anchor), link["href"]


def test_quiz_assets_load_only_where_a_quiz_is(real_site: BuildResult) -> None:
    # The whole-guide page gathers the article pages, their quizzes included.
    with_quiz = {f"{page}.html" for page in ["quiz", "print-all", *ARTICLE_PAGES]}
    for path in real_site.pages():
        text = path.read_text(encoding="utf-8")
        assert ("assets/javascripts/quiz.js" in text) == (path.name in with_quiz), path.name


@pytest.mark.parametrize("widget", ["quiz", "flowchart"])
def test_widget_js_and_css_fit_the_budget(widget: str) -> None:
    assets = ROOT / "overrides/assets"
    # The shared kit counts too: a page with one widget loads it as well.
    names = (f"javascripts/{widget}.js", f"stylesheets/{widget}.css", "javascripts/widget-kit.js")
    size = sum(budgets.gzipped(assets / name) for name in names)
    assert size <= budgets.WIDGET, (
        f"{widget} JS + CSS (with widget-kit.js) are {size} bytes gzipped; the budget is {budgets.WIDGET}"
    )


def test_the_flowchart_is_only_on_its_page(real_site: BuildResult) -> None:
    for path in real_site.pages():
        text = path.read_text(encoding="utf-8")
        assert ("flowchart.js" in text) == (path.name == "should-i-see-a-doctor.html"), path.name
