"""MkDocs glue for quick rebuilds under `mkdocs serve --dirty`: plan them, stand in for pages not drawn again,
and keep the search index whole."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import _populate_page
from mkdocs.utils import clean_directory

from loading.kept_files import CACHE
from rebuild.compiled_templates import CompiledTemplates
from rebuild.plan import Memory, PageMemo, Plan, plan_rebuild, still_true

if TYPE_CHECKING:
    from collections.abc import Iterable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.rebuild")

class _ExactDirtyBuilds(logging.Filter):
    """Drop MkDocs' warning that --dirty builds show wrong menus and links: ours redraw every page that would."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_warning() -> None:
    """Keep MkDocs' --dirty warning out of the log (and out of --strict's count): once per process."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _ExactDirtyBuilds) for f in logger.filters):
        logger.addFilter(_ExactDirtyBuilds())


# Older than any source: MkDocs' --dirty then draws the page again (it compares the two files' times).
_STALE = (0, 0)


def start(
    files: Files, config: MkDocsConfig, memory: Memory | None, inputs: dict[str, int], filled: Iterable[str],
) -> Plan:
    """Plan this --dirty build: empty site/ for a full one, else mark the pages to draw again for MkDocs, and
    the theme files a build fills in where they are written (`filled`), so MkDocs copies them afresh."""
    pages = {f.src_uri: (Path(f.abs_src_path or ""), Path(f.abs_dest_path)) for f in files.documentation_pages()}
    root = Path(config.config_file_path).parent
    plan = plan_rebuild(memory, config.site_dir, inputs, pages, root, every_file(files))
    if plan.redraw is None:
        # What is in site/ was drawn from other sources: none of it may stay.
        clean_directory(config.site_dir)
        log.info(f"Rebuilding every page: {plan.why}")
        return plan
    for written in [*(pages[uri][1] for uri in plan.redraw), *(Path(config.site_dir) / name for name in filled)]:
        if written.exists():
            os.utime(written, ns=_STALE)
    log.info(f"Rebuilding {len(plan.redraw)} of {len(pages)} pages")
    return plan


def stand_in(files: Files, plan: Plan, memory: Memory | None) -> None:
    """Give pages not drawn again what other pages show of them: title, front matter, anchors."""
    if plan.redraw is None or memory is None:
        return
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri in plan.redraw:
            continue
        memo = memory.pages[file.src_uri]
        page.title = memo.title  # a weak_property: MkDocs lets it be set for good
        page.meta = dict(memo.meta)
        page.present_anchor_ids = set(memo.anchors)


def check_shown(files: Files, config: MkDocsConfig, plan: Plan, memory: Memory | None) -> Plan:
    """If a redrawn page's title, anchors or front matter changed, other pages show it: read and draw them all."""
    if plan.redraw is None or memory is None:
        return plan
    changed = [
        file.src_uri for file in files.documentation_pages()
        if file.page is not None and file.src_uri in plan.redraw
        and not still_true(
            memory.pages[file.src_uri], file.page.title, frozenset(file.page.present_anchor_ids or ()), file.page.meta,
        )
    ]
    if not changed:
        return plan
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri not in plan.redraw:
            _populate_page(file.page, config, files)
            if os.path.exists(file.abs_dest_path):
                os.utime(file.abs_dest_path, ns=_STALE)
    log.info(f"Rebuilding every page: the title, headings or front matter of docs/{changed[0]} changed")
    return Plan(None, f"docs/{changed[0]} changed its title, headings or front matter")


def _search(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, which keeps the last index for --dirty rebuilds."""
    return next((p for p in config.plugins.values() if hasattr(p, "search_index_prev")), None)


def take_search_entries(config: MkDocsConfig, files: Files, plan: Plan) -> list[dict[str, Any]] | None:
    """The last index's entries for pages not drawn again (None on a full build); Material then indexes only
    the pages drawn, since it would keep the others' old entries, or, when the home page is redrawn, none."""
    plugin = _search(config)
    if plugin is None:
        return None
    previous, plugin.search_index_prev = plugin.search_index_prev, None
    if plan.redraw is None or previous is None:
        return None
    redrawn = {f.url for f in files.documentation_pages() if f.src_uri in plan.redraw}
    return [entry for entry in previous.entries if entry["location"].split("#")[0] not in redrawn]


def write_search_index(config: MkDocsConfig, files: Files, kept: list[dict[str, Any]] | None) -> None:
    """Write the whole index, kept entries and the redrawn pages', in page order as a full build writes it,
    and its inlined copy for file:// search."""
    plugin = _search(config)
    if plugin is None or kept is None:
        return
    index = plugin.search_index
    order = {file.url: place for place, file in enumerate(files.documentation_pages())}
    # A stable sort: each page's own entries (the page, then its sections) stay in their order.
    index.entries = sorted(kept + index.entries, key=lambda entry: order.get(entry["location"].split("#")[0], -1))
    data = index.generate_search_index(None)
    folder = Path(config.site_dir) / "search"
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    inlined = folder / "search_index.js"
    if inlined.exists():  # Material's offline plugin made it from the part Material wrote
        inlined.write_text(f"var __index = {data}", encoding="utf-8")


def remember(
    files: Files, memory: Memory | None, site_dir: str, inputs: dict[str, int], memos: Iterable[tuple[str, PageMemo]],
) -> Memory:
    """What this build leaves for the next: the pages drawn now, and the others as they were."""
    pages = dict(memos)
    old = memory.pages if memory is not None else {}
    uris = (f.src_uri for f in files.documentation_pages())
    kept = {uri: old[uri] for uri in uris if uri not in pages and uri in old}
    return Memory(site_dir, inputs, {**kept, **pages}, every_file(files))


def every_file(files: Files) -> frozenset[str]:
    """Every file the build writes into site/, as where it comes from and where it goes."""
    return frozenset(f"{file.src_uri} {file.dest_uri}" for file in files)


_COMPILED = CompiledTemplates()
# The compiled templates, under the build cache.
TEMPLATES_FOLDER = f"{CACHE}/templates"


def reuse_compiled_templates(config: MkDocsConfig) -> None:
    """Give each of this build's theme environments (the build's, the search plugin's) the templates compiled
    before: in this process, or by an earlier build of this project."""
    theme = config.theme
    make_env = theme.get_env
    _COMPILED.folder = Path(config.config_file_path).parent / TEMPLATES_FOLDER

    def get_env() -> Environment:
        env = make_env()
        if env.bytecode_cache is None:  # (the tests give theirs)
            env.bytecode_cache = _COMPILED
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
