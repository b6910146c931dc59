"""What our hooks need from the theme: the custom_dir files, Material's language, sane app settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from loading.author_errors import AuthorError

CONFIG_FILE = "mkdocs.yml"

# Every file of overrides/ that a hook or template loads: a deleted one would
# otherwise crash a template, or build pages that fetch a file that is not there.
REQUIRED = (
    "main.html",
    "base.html",
    "404.html",
    "sw.js",
    "partials/header.html",
    "partials/page-review.html",
    "partials/search.html",
    "partials/quiz.html",
    "partials/flowchart.html",
    "assets/stylesheets/site.css",
    "assets/stylesheets/print.css",
    "assets/stylesheets/quiz.css",
    "assets/stylesheets/flowchart.css",
    "assets/javascripts/offline.js",
    "assets/javascripts/offline-keep.js",
    "assets/stylesheets/offline-keep.css",
    "assets/javascripts/print.js",
    "assets/javascripts/quiz.js",
    "assets/javascripts/flowchart.js",
    "assets/javascripts/widget-kit.js",
    "assets/javascripts/vendor/iframe-worker-shim.js",
)

# A CSS colour a manifest and a meta tag accept: #rgb, #rrggbb (with alpha).
COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def check_theme_files(custom_dir: Path, shown: str) -> None:
    """Stop on the first file of REQUIRED missing from custom_dir."""
    for name in REQUIRED:
        if not (custom_dir / name).is_file():
            raise AuthorError(
                CONFIG_FILE, "theme.custom_dir", f"'{shown}/{name}' is missing, and pages need it",
                f"restore it (git checkout -- {shown}/{name}), or point custom_dir at a folder that has it",
            )


def check_language(language: object, known: list[str]) -> None:
    """theme.language must be one Material has interface texts for."""
    if isinstance(language, str) and language in known:
        return
    close = [
        code for code in known if isinstance(language, str) and code.split("-")[0] == language.split("-")[0].lower()
    ]
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise AuthorError(
        CONFIG_FILE, "theme.language", f"{language!r} is not a language Material for MkDocs knows",
        f"{hint}use a code such as en, de, fr or es (Material's list: {', '.join(known[:12])}, …)",
    )


def check_app(app: dict[str, Any]) -> None:
    """extra.app values are text, and theme_color a colour."""
    for key, value in app.items():
        if not isinstance(value, str):
            fix = f'quote it: {key}: "{value}"' if value is not None else (
                f'give it a quoted value, e.g. {key}: "#4051b5"'
            )
            # `theme_color: #4051b5` unquoted: YAML reads a comment, so the value is empty.
            why = " (in YAML an unquoted # starts a comment)" if value is None else ""
            raise AuthorError(CONFIG_FILE, f"extra.app.{key}", f"expected text, found {value!r}{why}", fix)
    colour = app.get("theme_color")
    if colour is not None and not COLOUR.fullmatch(colour):
        raise AuthorError(
            CONFIG_FILE, "extra.app.theme_color", f"'{colour}' is not a colour",
            'write it as a quoted hex colour, e.g. theme_color: "#4051b5"',
        )


def material_languages(material_dir: Path) -> list[str]:
    """The language codes Material ships interface texts for."""
    return sorted(path.stem for path in (material_dir / "templates/partials/languages").glob("*.html"))
