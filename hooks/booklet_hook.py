"""MkDocs glue: `<!-- print-all -->` gathers the pages listed in front matter `print_all`."""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from booklet import DIRECTIVE, booklet
from widget_glue import count_placed

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------


# Every page is rendered (quizzes drawn) by now, and none is written yet.
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Replace the directive with the listed pages' content, in order."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or not count_placed(page.content or "", DIRECTIVE, page):
            continue
        listed = page.meta.get("print_all")
        if not isinstance(listed, list) or not listed:
            raise PluginError(
                f"docs/{file.src_uri}: {DIRECTIVE} has no pages to gather. "
                "Fix: list them in front matter, e.g. print_all: [first.md, second.md]"
            )
        repeated = next((path for index, path in enumerate(listed) if path in listed[:index]), None)
        if repeated is not None:
            # Each page's ids are prefixed once; twice would repeat every id.
            raise PluginError(
                f"docs/{file.src_uri}, front matter print_all: '{repeated}' is listed twice. "
                "Fix: list each page once"
            )
        sections = []
        for path in listed:
            target = files.get_file_from_path(str(path))
            if target is None or target.page is None or target is file:
                raise PluginError(
                    f"docs/{file.src_uri}, front matter print_all: '{path}' is not another page of the site. "
                    "Fix: use the path of a page inside docs/"
                )
            # The page's own h1 becomes the section title, so it is dropped here.
            content = re.sub(r"<h1\b[^>]*>.*?</h1>", "", target.page.content or "", count=1, flags=re.S)
            prefix = re.sub(r"[^a-z0-9]+", "-", target.src_uri.lower().removesuffix(".md")).strip("-")
            # markupsafe's escape: a front matter title is escaped already (site_checks_hook).
            sections.append((prefix, str(escape(target.page.title or path)), content))
        page.content = page.content.replace(DIRECTIVE, booklet(sections))
    return env
