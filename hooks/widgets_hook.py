"""MkDocs glue for data-driven widgets: quizzes and flowcharts from quiz_data/."""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import flow_model
import flow_render
import quiz_model
import quiz_render
from author_errors import AuthorError
from call_buttons import read_numbers
from data_files import stray_files
from site_checks import check_print_hide
from widget_glue import DATA_FOLDER, Placer, Widget

log = logging.getLogger("mkdocs.plugins.widgets")


def _flowchart_options(config: MkDocsConfig) -> dict:
    """The emergency numbers for the emergency outcome's call buttons (checked: AuthorError)."""
    return {"emergency_numbers": read_numbers(config.extra.get("emergency_numbers"))}


# Each widget: its directive word, data files, loader, template and assets. A new one is a line here.
_widgets = [
    Placer(
        Widget("quiz", quiz_model.SUFFIX, quiz_render.TEMPLATE, "assets/stylesheets/quiz.css", "assets/javascripts/quiz.js",
               quiz_model.load_quizzes, quiz_render.render_quiz),
        log,
    ),
    Placer(
        Widget("flowchart", flow_model.SUFFIX, flow_render.TEMPLATE, "assets/stylesheets/flowchart.css", "assets/javascripts/flowchart.js",
               flow_model.load_flowcharts, flow_render.render_flowchart, _flowchart_options),
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
    # A misnamed file would otherwise be skipped without a word.
    folder = Path(config.config_file_path).parent / DATA_FOLDER
    if folder.is_dir():
        names = " or ".join(f"*{w.widget.suffix} (a {w.widget.kind})" for w in _widgets)
        for name in stray_files(folder, (w.widget.suffix for w in _widgets)):
            log.warning(f"{DATA_FOLDER}/{name}: this file is not read. Fix: name it {names}")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check front matter print_hide names widget kinds (overrides/main.html hides them in print)."""
    try:
        check_print_hide(page.meta, page.file.src_uri, [w.widget.kind for w in _widgets])
    except AuthorError as error:
        raise PluginError(str(error)) from None
    return markdown


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
