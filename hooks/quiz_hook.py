"""MkDocs glue for quizzes: load quiz_data/, place `<!-- quiz: ID -->`, check sources."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from author_errors import AuthorError
from directives import Directive, find_directives
from page_links import link_resolver, section_resolver
from quiz_model import Quiz, load_quizzes
from quiz_render import TEMPLATE, Assets, render_quiz

log = logging.getLogger("mkdocs.plugins.quiz")

KIND = "quiz"
CSS = "assets/stylesheets/quiz.css"
JS = "assets/javascripts/quiz.js"


@dataclass
class _Build:
    """What one build has learned so far; reset at every (re)build."""

    quizzes: dict[str, Quiz] = field(default_factory=dict)
    placed: dict[str, list[Directive]] = field(default_factory=dict)


_build = _Build()

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and check every quiz file before any page is rendered."""
    global _build
    folder = Path(config.config_file_path).parent / "quiz_data"
    try:
        _build = _Build(quizzes=load_quizzes(folder) if folder.is_dir() else {})
    except AuthorError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where quizzes are placed; they are drawn once every page is known."""
    try:
        found = find_directives(html, KIND, set(_build.quizzes), f"docs/{page.file.src_uri}", page.file.content_string)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    if found:
        _build.placed[page.file.src_uri] = found
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Draw every placed quiz; all pages are rendered, none is written yet."""
    template = env.get_template(TEMPLATE)
    placed_ids = {d.id for directives in _build.placed.values() for d in directives}
    for quiz in _build.quizzes.values():
        if quiz.id not in placed_ids:
            log.warning(f"{quiz.file}: the quiz '{quiz.id}' is not placed on any page. Fix: add <!-- quiz: {quiz.id} --> to a page, or delete the file")
    try:
        for src_uri, directives in _build.placed.items():
            page = files.get_file_from_path(src_uri).page
            assets = Assets(get_relative_url(CSS, page.url), get_relative_url(JS, page.url))
            for index, directive in enumerate(directives):
                quiz = _build.quizzes[directive.id]
                html = render_quiz(
                    template,
                    quiz,
                    section_resolver(page, files, quiz.file),
                    link_resolver(page, files, quiz.file),
                    assets if index == 0 else None,
                )
                page.content = page.content.replace(directive.text, html, 1)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    return env
