"""MkDocs glue for quizzes: load quiz_data/*.quiz.yml, place `<!-- quiz: ID -->`."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from quiz_model import load_quizzes
from quiz_render import TEMPLATE, render_quiz
from widget_glue import Placer, Widget

log = logging.getLogger("mkdocs.plugins.quiz")

_quizzes = Placer(
    Widget("quiz", TEMPLATE, "assets/stylesheets/quiz.css", "assets/javascripts/quiz.js", load_quizzes, render_quiz),
    log,
)

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and check every quiz file before any page is rendered."""
    _quizzes.load(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where quizzes are placed."""
    _quizzes.find(html, page)
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Draw every placed quiz, with links checked against the rendered pages."""
    _quizzes.draw(env, files)
    return env
