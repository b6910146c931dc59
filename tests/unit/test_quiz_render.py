"""Quiz HTML from the real template: structure, and author text kept harmless."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from support.words import ENGLISH
from widgets.quiz_model import parse_quiz
from widgets.quiz_render import TEMPLATE, render_quiz
from widgets.render_types import Assets, Section

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))

QUIZ = """\
id: demo
title: Demo quiz
intro: Read **this** first.
questions:
  - id: pick
    type: multiple
    prompt: Pick the {x}
    options:
      - id: a
        text: Option {x}
        correct: true
        feedback: Feedback {x}
      - id: b
        text: Other
        feedback: No.
    explanation: Explained {x}
    source: page.md#section
  - id: tf
    type: true-false
    prompt: True?
    answer: true
    when_true: Yes.
    when_false: No.
    explanation: Because.
    source: other.md#there
"""

ATTACKS = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "[click](javascript:alert(4))",
]


def render(text: str, assets: Assets | None = None) -> BeautifulSoup:
    quiz = parse_quiz(text, "quiz_data/demo.quiz.yml")
    section = lambda source: Section(  # noqa: E731
        f"Title of {source.anchor}", f"{source.page[:-3]}.html#{source.anchor}", "Page", f"{source.page[:-3]}.html"
    )
    html = render_quiz(TEMPLATE_ENV.get_template(TEMPLATE), quiz, section, lambda href: href, assets, words=ENGLISH)
    return BeautifulSoup(html, "html.parser")


def test_questions_are_native_controls_in_fieldsets() -> None:
    soup = render(QUIZ.replace("{x}", "x"))
    multiple, true_false = soup.select("li.quiz-question")
    assert multiple.select_one("fieldset > legend").get_text() == "Pick the x"
    assert [i["type"] for i in multiple.select("input")] == ["checkbox", "checkbox"]
    assert [i["type"] for i in true_false.select("input")] == ["radio", "radio"]
    assert [label.get_text() for label in true_false.select("label")] == ["True", "False"]
    for input_ in soup.select("input"):
        assert soup.select_one(f'label[for="{input_["id"]}"]'), "every control has a label"
    assert multiple.select_one("h3").get_text() == "Question 1 of 2"


def test_answers_sit_behind_show_answer_details() -> None:
    question = render(QUIZ.replace("{x}", "x")).select_one("li.quiz-question")
    details = question.select_one("details.quiz-answer")
    assert details.select_one("summary").get_text() == "Show answer"
    assert details.select_one(".quiz-answer__correct").get_text() == "Answer: Option x"
    assert [li.get_text() for li in details.select(".quiz-answer__feedback li")] == [
        "✓ Right: Option x. Feedback x",
        "✗ Wrong: Other. No.",
    ]
    more = details.select_one(".quiz-answer__more a")
    assert (more["href"], more.get_text()) == ("page.html#section", "Read more: Title of section")


def test_answer_key_lists_every_answer() -> None:
    key = render(QUIZ.replace("{x}", "x")).select_one("section.quiz__key")
    assert [li.strong.get_text() for li in key.select("ol > li")] == ["Option x", "True"]


def test_data_block_holds_what_the_script_needs() -> None:
    data = json.loads(render(QUIZ.replace("{x}", "x")).select_one("template.quiz__data").find("script").string)
    strings = data.pop("strings")
    assert data == {
        "id": "demo",
        "questions": [
            {"id": "pick", "multiple": True, "correct": ["a"], "page": "Page", "pageUrl": "page.html"},
            {"id": "tf", "multiple": False, "correct": ["true"], "page": "Page", "pageUrl": "other.html"},
        ],
    }
    # The script's words, from the catalogue: plural entries keep their forms for the script to pick.
    assert strings["question"] == "Question {number} of {total}"
    assert strings["retrying"] == {
        "one": "Trying again: {count} question.", "other": "Trying again: {count} questions.",
    }


def test_assets_come_with_the_first_quiz_only() -> None:
    with_assets = render(QUIZ.replace("{x}", "x"), Assets("a.css", "a.js"))
    assert with_assets.select_one('link[rel="stylesheet"]')["href"] == "a.css"
    assert with_assets.select_one("script[src]")["src"] == "a.js"
    without = render(QUIZ.replace("{x}", "x"))
    assert not without.select('link[rel="stylesheet"], script[src]')


@pytest.mark.parametrize("attack", ATTACKS)
def test_author_text_never_becomes_markup(attack: str) -> None:
    quoted = json.dumps(attack)  # a YAML double-quoted string
    soup = render(QUIZ.replace("{x}", quoted[1:-1]).replace("title: Demo quiz", f"title: {quoted}"))
    scripts = soup.find_all("script")  # unlike select(), also inside <template>
    assert [s.get("type") or s.get("src") for s in scripts] == ["application/json"], "no script from data"
    assert not soup.select("img, [onerror]")
    assert all(not str(a.get("href", "")).lower().startswith("javascript") for a in soup.select("a"))
    # The JSON block survives intact: nothing broke out of it.
    json.loads(scripts[0].string)
    assert attack.split("(")[0].replace("[click]", "click") in soup.get_text()


def test_each_question_has_a_hidden_error_message_in_its_fieldset() -> None:
    multiple, true_false = render(QUIZ.replace("{x}", "x")).select("li.quiz-question")
    for question, words in (
        (multiple, "Choose at least one answer, then check it."), (true_false, "Choose an answer, then check it."),
    ):
        error = question.select_one("fieldset > p.widget-error__message")
        assert error.has_attr("hidden"), "shown only by the script, after an empty check"
        assert error.get_text() == f"Error: {words}"
        assert error.select_one(".visually-hidden").get_text() == "Error: "
        assert error["id"] == f"{question['id']}-error"


def test_the_explanation_comes_before_the_buttons() -> None:
    question = render(QUIZ.replace("{x}", "x")).select_one("li.quiz-question")
    order = [child["class"][0] for child in question.find_all(recursive=False)]
    assert order.index("quiz-answer") < order.index("quiz-question__actions")


def test_material_search_indexes_nothing_of_the_quiz() -> None:
    """Run Material's own search parser over a page holding the quiz.

    It matches excluded elements by tag alone, so nested lists in author text
    and the quiz's inner sections are what would break a naive exclusion."""
    from material.plugins.search.plugin import Parser

    nested = "Explained x\\n\\n1. one\\n2. two\\n\\n- a\\n- b"
    quiz = str(render(QUIZ.replace("Explained {x}", f'"{nested}"').replace("{x}", "x")))
    page = f'<h1 id="page">Page</h1><p>Before.</p>{quiz}<h2 id="after">After</h2><p>After the quiz.</p>'
    parser = Parser()
    parser.feed(page)
    parser.close()
    indexed = {"".join(s.title): "".join(s.text) for s in parser.data if not s.is_excluded()}
    assert list(indexed) == ["Page", "After"]
    assert indexed["Page"].strip() == "<p>Before.</p>"
    assert indexed["After"].strip() == "<p>After the quiz.</p>"
