"""MkDocs glue for data-driven widgets: quizzes and flowcharts from quiz_data/."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import flow_render
import quiz_render
from flow_model import load_flowcharts
from quiz_model import load_quizzes
from widget_glue import Placer, Widget

log = logging.getLogger("mkdocs.plugins.widgets")

# Each widget: its directive word, loader, template and assets. A new one is a line here.
_widgets = [
    Placer(
        Widget("quiz", quiz_render.TEMPLATE, "assets/stylesheets/quiz.css", "assets/javascripts/quiz.js",
               load_quizzes, quiz_render.render_quiz),
        log,
    ),
    Placer(
        Widget("flowchart", flow_render.TEMPLATE, "assets/stylesheets/flowchart.css", "assets/javascripts/flowchart.js",
               load_flowcharts, flow_render.render_flowchart),
        log,
    ),
]

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and check every data file, safety included, before any page is rendered."""
    for widget in _widgets:
        widget.load(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where widgets are placed."""
    for widget in _widgets:
        widget.find(html, page)
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Draw every placed widget, with links checked against the rendered pages."""
    for widget in _widgets:
        widget.draw(env, files)
    return env
