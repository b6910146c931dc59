"""Property tests: whatever YAML an author writes, the validators accept it or say clearly why not.

Random trees and randomly broken good files go through the whole pure core:
parse, shape and safety checks, then rendering with the real templates. The
only outcomes allowed are a rendered widget or an AuthorError worded the house
way; and rendered author text never becomes a script.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jinja2
from bs4 import BeautifulSoup
from fastjsonschema import JsonSchemaException
from hypothesis import given
from hypothesis import strategies as st

from loading.author_errors import AuthorError
from loading.schema_check import fast_check, load_schema
from loading.yaml_source import load_yaml
from support.sitebuild import ROOT
from support.topics import CHART, QUIZ
from support.words import ENGLISH
from support.yaml_fuzz import broken_data, broken_text, dump, good_files, trees
from widgets import flow_render, quiz_render
from widgets.flow_model import parse_flowchart
from widgets.quiz_model import parse_quiz
from widgets.render_types import Section

ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
FILE = "quiz_data/fuzz.yml"
# "quiz_data/fuzz.yml[, place]: problem. Fix: how", on one line.
MESSAGE = re.compile(r"quiz_data/fuzz\.yml(, [^\n]+)?: [^\n]+\. Fix: [^\n]+")

QUIZZES = good_files(".quiz.yml", QUIZ)
CHARTS = good_files(".flow.yml", CHART)


def section(source: Any) -> Section:
    """Any source resolves: the build's page checks are tested elsewhere."""
    return Section("Section", f"page.html#{source.anchor}", "Page", "page.html")


def render_quiz(quiz: Any) -> str:
    template = ENV.get_template(quiz_render.TEMPLATE)
    return quiz_render.render_quiz(template, quiz, section, lambda href: href, None, words=ENGLISH)


def render_flowchart(chart: Any) -> str:
    template = ENV.get_template(flow_render.TEMPLATE)
    return flow_render.render_flowchart(template, chart, section, lambda href: href, None, words=ENGLISH)


def accepted_or_explained(text: str, parse: Callable[[str, str], Any], render: Callable[[Any], str]) -> None:
    """The one property: a rendered widget with no author script, or our own clear error."""
    try:
        item = parse(text, FILE)
    except AuthorError as error:
        assert MESSAGE.fullmatch(str(error)), str(error)
        return
    html = render(item)
    scripts = BeautifulSoup(html, "html.parser").find_all("script")
    assert all(script.get("type") == "application/json" for script in scripts), html
    assert "javascript:" not in html.lower()


@given(trees)
def test_any_yaml_tree_as_a_quiz(tree: Any) -> None:
    accepted_or_explained(dump(tree), parse_quiz, render_quiz)


@given(trees)
def test_any_yaml_tree_as_a_flowchart(tree: Any) -> None:
    accepted_or_explained(dump(tree), parse_flowchart, render_flowchart)


@given(st.sampled_from(QUIZZES).flatmap(broken_data))
def test_quizzes_with_changed_structure(text: str) -> None:
    accepted_or_explained(text, parse_quiz, render_quiz)


@given(st.sampled_from(CHARTS).flatmap(broken_data))
def test_flowcharts_with_changed_structure(text: str) -> None:
    accepted_or_explained(text, parse_flowchart, render_flowchart)


@given(st.sampled_from(QUIZZES).flatmap(broken_text))
def test_quizzes_with_mistyped_text(text: str) -> None:
    accepted_or_explained(text, parse_quiz, render_quiz)


@given(st.sampled_from(CHARTS).flatmap(broken_text))
def test_flowcharts_with_mistyped_text(text: str) -> None:
    accepted_or_explained(text, parse_flowchart, render_flowchart)


@given(st.text(max_size=200))
def test_any_text_at_all(text: str) -> None:
    accepted_or_explained(text, parse_quiz, render_quiz)
    accepted_or_explained(text, parse_flowchart, render_flowchart)


def same_verdict(text: str, schema: str) -> None:
    """The quick check passes a file exactly when jsonschema finds no problem in it."""
    try:
        data = load_yaml(text, FILE).data
    except AuthorError:
        return
    full = not any(True for _ in load_schema(schema).iter_errors(data))
    try:
        fast_check(schema)(data)
        fast = True
    except JsonSchemaException:
        fast = False
    assert fast == full, text


@given(st.sampled_from(QUIZZES).flatmap(broken_data))
def test_the_quick_schema_check_agrees_with_jsonschema_on_quizzes(text: str) -> None:
    same_verdict(text, "quiz.schema.json")


@given(st.sampled_from(CHARTS).flatmap(broken_data))
def test_the_quick_schema_check_agrees_with_jsonschema_on_flowcharts(text: str) -> None:
    same_verdict(text, "flowchart.schema.json")


@given(trees)
def test_the_quick_schema_check_agrees_with_jsonschema_on_any_tree(tree: Any) -> None:
    same_verdict(dump(tree), "quiz.schema.json")
    same_verdict(dump(tree), "flowchart.schema.json")
