"""MkDocs glue for data-driven widgets: quizzes and flowcharts from quiz_data/, placed by `<!-- kind: id -->`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.utils import get_relative_url

from loading.author_errors import AuthorError
from loading.data_files import stray_files
from loading.directives import Placement, find_directives, not_placed
from loading.kept_files import CACHE
from loading.page_glue import LazySource, PageSources, file_path, page_path
from loading.schema_check import keep_compiled_checks
from widgets import flow_model, flow_render, quiz_model, quiz_render
from widgets.late_html import LateHtml
from widgets.links_glue import link_resolver, section_resolver
from widgets.render_types import Assets

if TYPE_CHECKING:
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.widgets")

DATA_FOLDER = "quiz_data"
KIT_JS = "assets/javascripts/widget-kit.js"  # what every widget's script needs
# Beside mkdocs.yml, with the compiled templates: the schemas' checks as fastjsonschema compiled them.
SCHEMA_CODE_FOLDER = f"{CACHE}/schemas"


@dataclass(frozen=True)
class Widget:
    """What differs between widgets: their word, data, template and assets."""

    kind: str  # the directive word: <!-- kind: id -->
    suffix: str  # its data files: quiz_data/**/*suffix
    template: str
    css: str
    js: str
    load: Callable[..., dict[str, Any]]  # (folder, **load_settings) -> items by id; raises AuthorError
    render: Callable[..., str]  # (template, item, sections, links, assets, **settings) -> HTML
    # The build's settings its renderer takes, by keyword: mkdocs.yml's extra: values, and `words`
    # (the reader's language's catalogue).
    settings: tuple[str, ...] = ()
    # The site settings its loader takes, by keyword.
    load_settings: tuple[str, ...] = ()
    # False when all of its markup is data-search-exclude: it then goes into the
    # page after Material's search has read the page, which so parses less.
    searched: bool = True


QUIZ = Widget(
    "quiz", quiz_model.SUFFIX, quiz_render.TEMPLATE, "assets/stylesheets/quiz.css", "assets/javascripts/quiz.js",
    quiz_model.load_quizzes, quiz_render.render_quiz, ("words",), searched=False,
)
FLOWCHART = Widget(
    "flowchart", flow_model.SUFFIX, flow_render.TEMPLATE,
    "assets/stylesheets/flowchart.css", "assets/javascripts/flowchart.js",
    flow_model.load_flowcharts, flow_render.render_flowchart, ("emergency_numbers", "words"),
    ("level_names", "not_sure_words"),
)


@dataclass
class WidgetPlacements:
    """One widget's build: its loaded items and the pages that place them."""

    widget: Widget
    sources: PageSources
    versions: dict[str, str]  # ?v=HASH per asset, so cached copies stay in step with pages
    settings: dict[str, Any]
    late: LateHtml
    items: dict[str, Any] = field(default_factory=dict)
    placed: dict[str, list[Placement]] = field(default_factory=dict)

    def load(self, folder: Path) -> None:
        """Read and check every data file before any page is rendered (raises AuthorError)."""
        options = {name: self.settings[name] for name in self.widget.load_settings}
        self.items = self.widget.load(folder, **options) if folder.is_dir() else {}

    def find(self, html: str, page: Page) -> None:
        """Note the page's directives; they are drawn once every page is known."""
        found = find_directives(
            html, self.widget.kind, set(self.items), page_path(page), LazySource(self.sources, page),
        )
        if found:
            self.placed[page.file.src_uri] = found

    def draw(self, env: Environment, files: Files) -> None:
        """Replace each directive with its HTML; all pages are rendered, none written."""
        kind = self.widget.kind
        placed_ids = {d.id for directives in self.placed.values() for d in directives}
        for item_id, item in self.items.items():
            if item_id not in placed_ids:
                sources = ((file_path(file), file.content_string) for file in files.documentation_pages())
                log.warning(not_placed(kind, item_id, item.file, sources))
        if not self.placed:
            return
        try:
            template = env.get_template(self.widget.template)
        except TemplateNotFound:
            # The widgets' templates, scripts and styles live in our custom_dir.
            raise AuthorError(
                "mkdocs.yml", "theme.custom_dir", f"the {kind} template '{self.widget.template}' is not in the theme",
                f"set custom_dir: overrides under theme: (the folder that holds {self.widget.template})",
            ) from None
        options = {name: self.settings[name] for name in self.widget.settings}
        for src_uri, directives in self.placed.items():
            file = files.get_file_from_path(src_uri)
            page = file.page if file else None
            if page is None or page.content is None:
                continue
            # One kit per page, in whichever widget is drawn first: widget scripts queue for it.
            kit = self._url(KIT_JS, page)
            kit = "" if f'src="{kit}"' in page.content + self.late.pending(src_uri) else kit
            assets = Assets(self._url(self.widget.css, page), self._url(self.widget.js, page), kit)
            for index, directive in enumerate(directives):
                item = self.items[directive.id]
                html = self.widget.render(
                    template,
                    item,
                    section_resolver(page, files, item.file),
                    link_resolver(page, files, item.file),
                    assets if index == 0 else None,
                    **options,
                )
                if not self.widget.searched:
                    html = self.late.hold(src_uri, html)
                page.content = page.content.replace(directive.text, html, 1)

    def _url(self, path: str, page: Page) -> str:
        version = self.versions.get(path)
        return get_relative_url(path, page.url) + (f"?v={version}" if version else "")


def load_widgets(
    widgets: Iterable[Widget], root: Path, sources: PageSources, versions: dict[str, str], settings: dict[str, Any],
    late: LateHtml,
) -> list[WidgetPlacements]:
    """Read every widget's data files, safety checks included; warn about files no widget reads."""
    folder = root / DATA_FOLDER
    keep_compiled_checks(root / SCHEMA_CODE_FOLDER)
    placements = [WidgetPlacements(widget, sources, versions, settings, late) for widget in widgets]
    for placement in placements:
        placement.load(folder)
    # A misnamed file would otherwise be skipped without a word.
    if folder.is_dir():
        names = " or ".join(f"*{p.widget.suffix} (a {p.widget.kind})" for p in placements)
        for name in stray_files(folder, (p.widget.suffix for p in placements)):
            log.warning(f"{DATA_FOLDER}/{name}: this file is not read. Fix: name it {names}")
    return placements
