"""MkDocs glue for flowcharts: load quiz_data/*.flow.yml, place `<!-- flowchart: ID -->`."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from flow_model import load_flowcharts
from flow_render import TEMPLATE, render_flowchart
from widget_glue import Placer, Widget

log = logging.getLogger("mkdocs.plugins.flowchart")

_flowcharts = Placer(
    Widget(
        "flowchart",
        TEMPLATE,
        "assets/stylesheets/flowchart.css",
        "assets/javascripts/flowchart.js",
        load_flowcharts,
        render_flowchart,
    ),
    log,
)

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    """Load and check every flowchart, safety included, before any page is rendered."""
    _flowcharts.load(config)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Note where flowcharts are placed."""
    _flowcharts.find(html, page)
    return html


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Draw every placed flowchart, with links checked against the rendered pages."""
    _flowcharts.draw(env, files)
    return env
