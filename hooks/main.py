"""The site's one MkDocs hook: every event we handle, in the order the work runs, and one table of directives.

Each event hands its work to a feature's glue (content, widgets, printing, offline, safety); the features'
other modules are a pure core that imports no MkDocs. What one build learns lives in one BuildState,
made anew by on_config, so a rebuild under `mkdocs serve` starts from nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from content import glue as content
from content.call_buttons import DIRECTIVE as CALL_BUTTONS
from content.call_buttons import EmergencyNumber
from content.care_cards import CareCardExtension
from content.glossary import DIRECTIVE as GLOSSARY
from content.glossary import Entry
from language import glue as language
from language.catalogue import Catalogue
from loading.author_errors import AuthorError
from loading.page_glue import PageSources
from offline import glue as offline
from offline.keep_control import DIRECTIVE as OFFLINE_KEEP
from offline.offline_copy import DIRECTIVE as OFFLINE_DOWNLOAD
from offline.zip_writer import Packs
from printing import glue as printing
from printing.print_all import DIRECTIVE as PRINT_ALL
from printing.site_qr import DIRECTIVE as SITE_QR
from rebuild import glue as rebuild
from rebuild.plan import Memory, PageMemo, Plan, input_stamps
from safety import glue as safety
from widgets import glue as widgets
from widgets.late_html import LateHtml

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Build state
# -----------------------------------------------------------------------------


@dataclass
class BuildState:
    """What one build learns as it runs, event by event."""

    config: MkDocsConfig
    site_dir: Path
    serving: bool
    sources: PageSources = field(default_factory=lambda: PageSources(Path(".")))
    files: Files | None = None
    words: Catalogue | None = None  # every word readers see, in theme.language
    levels: dict[str, str] = field(default_factory=dict)  # the site's one name per care level
    nav_levels: dict[str, int] = field(default_factory=dict)
    numbers: tuple[EmergencyNumber, ...] = ()
    call_buttons: str = ""  # the tel: buttons' HTML, for cards and <!-- call-buttons -->
    cards: CareCardExtension | None = None
    asset_versions: dict[str, str] = field(default_factory=dict)
    glossary: list[Entry] | None = None
    widgets: dict[str, widgets.WidgetPlacements] = field(default_factory=dict)
    download_pages: list[str] = field(default_factory=list)  # pages linking the offline copy, to fill in its size
    keep_pages: list[str] = field(default_factory=list)  # pages with "Keep the whole site offline", drawn last
    reading_order: list[str] = field(default_factory=list)  # the nav's pages: the worker stores the first ones first
    first_pages: set[str] = field(default_factory=set)  # pages with an emergency card or a flowchart, as written
    reported_loads: set[str] = field(default_factory=set)  # addresses warned about: a theme-wide one is on every page
    late: LateHtml = field(default_factory=LateHtml)  # widget HTML that goes in after search has read the page
    # Under `mkdocs serve --dirty` (else None): the pages this build draws again, and what it was planned from.
    plan: Plan | None = None
    inputs: dict[str, int] = field(default_factory=dict)
    search_kept: list[dict[str, Any]] | None = None  # the last index's entries for pages not drawn again
    texts: dict[str, str] = field(default_factory=dict)  # each page's words, as the source-article check read them
    gathering: set[str] = field(default_factory=set)  # pages with <!-- print-all -->
    printed: dict[str, str] = field(default_factory=dict)  # the finished content of pages print-all gathers

    @property
    def catalogue(self) -> Catalogue:
        """The words, once on_config has read them (every later event)."""
        assert self.words is not None, "on_config reads the words"
        return self.words


# Whether this process is `mkdocs serve`, and whether with --dirty: set once on startup, before any build.
_serving = False
_dirty = False
# What the last good --dirty build left, so the next draws only the pages an edit reaches.
_memory: Memory | None = None
# The offline zip's members as `mkdocs serve` last packed them: a rebuild deflates only what changed.
_packs: Packs = {}
# The build under way; None before the first and after a failed one.
_state: BuildState | None = None


def _build() -> BuildState:
    if _state is None:
        raise RuntimeError("an event ran before on_config")
    return _state


# -----------------------------------------------------------------------------
# Directives: `<!-- word -->` and `<!-- word: id -->` lines in a page
# -----------------------------------------------------------------------------


class Stage(Enum):
    """When a directive is drawn."""

    MARKDOWN = "in the page's Markdown, before it is rendered"
    CONTENT = "in the page's HTML, once it is rendered"
    SITE = "once every page is rendered (it needs other pages), in the table's order"


@dataclass(frozen=True)
class Directive:
    """One kind of directive: what an editor writes, when it is drawn, and what draws it."""

    text: str  # as written; a widget's is <!-- kind: ID -->
    drawn: Stage
    # (text, page, how often it is placed) -> text; a widget is drawn by its placements instead.
    draw: Callable[[str, Page, int], str] | None = None
    widget: widgets.Widget | None = None


def _glossary(markdown: str, page: Page, placed: int) -> str:
    return content.draw_glossary(markdown, page, placed, _build().glossary)


def _call_buttons(html: str, page: Page, placed: int) -> str:
    return content.draw_call_buttons(html, page, _build().call_buttons)


def _site_qr(html: str, page: Page, placed: int) -> str:
    return printing.draw_site_qr(html, _build().config.site_url, _build().catalogue)


def _offline_download(html: str, page: Page, placed: int) -> str:
    build = _build()
    return offline.draw_download(html, page, build.config.site_name, build.download_pages, build.catalogue)


def _offline_keep(html: str, page: Page, placed: int) -> str:
    build = _build()
    return offline.draw_keep(html, page, build.keep_pages, build.asset_versions)


def _print_all(html: str, page: Page, placed: int) -> str:
    build = _build()
    assert build.files is not None, "on_files runs before any page"
    build.gathering.add(page.file.src_uri)
    return printing.draw_print_all(html, page, build.files, _printed)


def _printed(src_uri: str, content: str | None) -> str:
    """A page's finished content, for print-all; a page not drawn again by a quick rebuild, as last drawn."""
    build = _build()
    if content is None:
        memo = _memory.pages.get(src_uri) if _memory is not None else None
        finished = memo.printed if memo is not None and memo.printed is not None else ""
    else:
        finished = build.late.fill(src_uri, content)
    build.printed[src_uri] = finished
    return finished


DIRECTIVES: tuple[Directive, ...] = (
    Directive(GLOSSARY, Stage.MARKDOWN, _glossary),
    Directive(CALL_BUTTONS, Stage.CONTENT, _call_buttons),
    Directive(SITE_QR, Stage.CONTENT, _site_qr),
    Directive(OFFLINE_DOWNLOAD, Stage.CONTENT, _offline_download),
    Directive(OFFLINE_KEEP, Stage.CONTENT, _offline_keep),
    Directive("<!-- quiz: ID -->", Stage.SITE, widget=widgets.QUIZ),
    Directive("<!-- flowchart: ID -->", Stage.SITE, widget=widgets.FLOWCHART),
    # Last: it gathers other pages as they are finally drawn, widgets included.
    Directive(PRINT_ALL, Stage.SITE, _print_all),
)

WIDGETS = tuple(directive.widget for directive in DIRECTIVES if directive.widget)


def draw_page(stage: Stage, text: str, page: Page) -> str:
    """Draw the page's directives of this stage; note widgets once the page is rendered."""
    build = _build()
    for directive in DIRECTIVES:
        if directive.widget is not None:
            if stage is Stage.CONTENT:
                build.widgets[directive.widget.kind].find(text, page)
        elif directive.drawn is stage and directive.draw is not None:
            placed = build.sources.count_placed(text, directive.text, page)
            if placed:
                text = directive.draw(text, page, placed)
    return text


def draw_site(env: Environment, files: Files) -> None:
    """Draw what needs every page rendered, in the table's order."""
    build = _build()
    for directive in DIRECTIVES:
        if directive.drawn is not Stage.SITE:
            continue
        if directive.widget is not None:
            build.widgets[directive.widget.kind].draw(env, files)
            continue
        for file in files.documentation_pages():
            page = file.page
            if page is None or page.content is None or directive.draw is None:
                continue
            placed = build.sources.count_placed(page.content, directive.text, page)
            if placed:
                page.content = directive.draw(page.content, page, placed)


# -----------------------------------------------------------------------------
# Events, in the order MkDocs calls them
# -----------------------------------------------------------------------------

Params = ParamSpec("Params")
Result = TypeVar("Result")


def _stops_build(event: Callable[Params, Result]) -> Callable[Params, Result]:
    """An editor's mistake (AuthorError) stops the build with its message, and no traceback."""

    @wraps(event)
    def run(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        try:
            return event(*args, **kwargs)
        except AuthorError as error:
            raise PluginError(str(error)) from None

    return run


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, which must never leave a caching worker behind, and whether
    --dirty asks for quick rebuilds."""
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = dirty
    if dirty:
        rebuild.quiet_dirty_warning()


# First of all, before the plugins' own on_config: Material's search plugin
# loads the language's template there, and would crash on an unknown
# theme.language; and the build's site/ must be known before anything fails.
@event_priority(110)
@_stops_build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start this build's state; check mkdocs.yml; register the care cards; version our assets."""
    global _state
    _state = build = BuildState(config, Path(config.site_dir), _serving)
    safety.check_language_known(config)
    build.words = words = language.read_words(config)
    build.nav_levels = safety.check_config(config, words)
    build.sources = PageSources.from_config(config)
    safety.check_appended_snippets(build.sources)
    build.numbers, build.call_buttons = content.read_call_buttons(config, words)
    build.levels = content.level_names(words)
    build.cards = content.add_care_cards(config, build.call_buttons, build.levels)
    build.asset_versions = offline.configure(config, build.serving)
    rebuild.reuse_compiled_templates(config)
    return config


@_stops_build
def on_pre_build(config: MkDocsConfig) -> None:
    """Read and check the glossary and every data file, safety included, before any page is rendered."""
    build = _build()
    build.glossary = content.read_glossary(build.sources)
    root = Path(config.config_file_path).parent
    settings = {
        "emergency_numbers": build.numbers, "words": build.words, "level_names": build.levels,
        "not_sure_words": tuple(build.catalogue.text("checks.not_sure_words").split("|")),
    }
    placements = widgets.load_widgets(WIDGETS, root, build.sources, build.asset_versions, settings, build.late)
    build.widgets = {placement.widget.kind: placement for placement in placements}


@_stops_build
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Refuse a page that is not UTF-8 before MkDocs reads it."""
    safety.check_files(files)
    build = _build()
    build.files = files
    if _dirty:
        build.inputs = input_stamps(_whole_site_inputs(build))
        build.plan = rebuild.start(files, config, _memory, build.inputs, offline.FILLED_IN_SITE)
    return files


def _whole_site_inputs(build: BuildState) -> list[Path]:
    """Files every page is drawn from: a change to any redraws them all."""
    config = build.config
    found = [Path(config.config_file_path), Path(__file__).parent]  # mkdocs.yml, and our hooks and catalogues
    if config.theme.custom_dir:
        found.append(Path(config.theme.custom_dir))
    glossary = content.glossary_path(build.sources)
    if glossary is not None:
        found.append(glossary)
    article = config.extra.get("source_article")
    if isinstance(article, str):
        found.append(build.sources.root / article)
    return found


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Report nav entries with no page and pages with no menu entry, with the fix; note the reading order."""
    build = _build()
    safety.check_nav(nav, config, files, build.nav_levels)
    build.reading_order = [page.file.dest_uri for page in nav.pages]
    if build.plan is not None:
        rebuild.stand_in(files, build.plan, _memory)
    return nav


@_stops_build
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the page's front matter and snippets, then draw its Markdown directives."""
    safety.check_page(markdown, page, _build().sources, [widget.kind for widget in WIDGETS])
    return draw_page(Stage.MARKDOWN, markdown, page)


@_stops_build
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Stop on a care card the author has to fix, then draw the page's HTML directives."""
    build = _build()
    if build.cards is not None:
        content.raise_card_problems(build.cards, page, build.sources)
    return draw_page(Stage.CONTENT, html, page)


# Every page is rendered by now, and none is written yet.
@_stops_build
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Give templates the reader's words, draw widgets and the print-all page (links checked), then check
    that every sentence of the source article is on a page."""
    build = _build()
    language.give_templates(env, build.catalogue)
    known: dict[str, str] = {}
    if build.plan is not None:
        build.plan = rebuild.check_shown(files, config, build.plan, _memory)
        known = _recall_unchanged_pages(build, files)
        build.search_kept = rebuild.take_search_entries(config, files, build.plan)
    draw_site(env, files)
    build.texts = content.check_source_article(config, files, build.sources, known)
    return env


def _recall_unchanged_pages(build: BuildState, files: Files) -> dict[str, str]:
    """What the site-wide checks and drawings need of the pages a quick rebuild leaves as they were; their words."""
    if _memory is None or build.plan is None or build.plan.redraw is None:
        return {}
    known = {}
    for file in files.documentation_pages():
        if file.src_uri in build.plan.redraw:
            continue
        memo = _memory.pages[file.src_uri]
        for kind, placements in build.widgets.items():
            if kind in memo.placed:
                placements.placed.setdefault(file.src_uri, list(memo.placed[kind]))
        if memo.first:
            build.first_pages.add(file.dest_uri)
        known[file.src_uri] = memo.text
    return known


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Put in the widgets search does not read; warn about anything the page would fetch from another site;
    note whether the worker should store it first."""
    build = _build()
    output = build.late.fill(page.file.src_uri, output)
    offline.report_external_loads(output, page, config.site_url or "", build.reported_loads)
    offline.note_first_page(output, page, build.first_pages)
    return output


# After the offline plugin (-100), which writes the inlined search index:
# robots.txt and the manifest, the keep control (it needs the site's size), the
# zip of it all, and last the worker, over every file as readers get it (the
# About page's zip size filled in).
@event_priority(-110)
@_stops_build
def on_post_build(config: MkDocsConfig) -> None:
    """Write robots.txt, the manifest, the keep control, the offline copy, and the service worker and its keep list;
    under --dirty, the whole search index and what the next quick rebuild needs."""
    global _memory
    build = _build()
    if build.search_kept is not None and build.files is not None:
        # First: the zip and the worker's list take the index as readers get it.
        rebuild.write_search_index(config, build.files, build.search_kept)
    offline.write_robots(config)
    offline.write_manifest(config)
    everything = offline.draw_keep_controls(config, build.asset_versions, build.keep_pages, build.catalogue)
    offline.write_offline_copy(config, build.download_pages, build.catalogue, _packs if build.serving else None)
    offline.write_worker(
        config, build.asset_versions, build.serving, build.reading_order, build.first_pages, everything,
    )
    if _dirty:
        assert build.files is not None, "on_files ran"
        _memory = rebuild.remember(build.files, _memory, config.site_dir, build.inputs, _drawn_pages(build))


def _drawn_pages(build: BuildState) -> Iterator[tuple[str, PageMemo]]:
    """A memo of each page this build drew, for the next quick rebuild."""
    assert build.files is not None, "on_files ran"
    site_figures = {*build.download_pages, *build.keep_pages}
    for file in build.files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        uri = file.src_uri
        placed = {kind: tuple(p.placed[uri]) for kind, p in build.widgets.items() if uri in p.placed}
        data = {p.items[d.id].file for kind, p in build.widgets.items() for d in placed.get(kind, ())}
        snippets = {build.sources.shown(path) for path in build.sources.included(page)}
        yield uri, PageMemo(
            title=page.title, meta=dict(page.meta), anchors=frozenset(page.present_anchor_ids or ()),
            uses=frozenset(data | snippets),
            site_wide=uri in build.gathering or file.dest_uri in site_figures,
            text=build.texts.get(uri, ""), placed=placed, first=file.dest_uri in build.first_pages,
            printed=build.printed.get(uri),
        )


# Called for any failure after the config loaded, strict-mode warnings included
# (those abort only once every page is written).
def on_build_error(error: Exception) -> None:
    """Empty site/: what is there is half made, or older than the sources."""
    global _state, _memory
    if _state is not None:
        safety.empty_failed_site(_state.site_dir)
    _state = None
    _memory = None  # site/ is empty: the next build draws every page
