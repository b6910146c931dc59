"""Every word the site shows readers, from one catalogue per language, with the site's own overrides."""

from __future__ import annotations

import difflib
import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from markupsafe import Markup, escape

from loading.author_errors import AuthorError

CATALOGUES = Path(__file__).parent / "catalogues"
FALLBACK = "en"
CONFIG_KEY = "extra.strings"
# Groups a built page never shows: words for `make new-site` and for the build's own checks.
NOT_SHOWN = ("starter.", "checks.")
# Plural forms a catalogue entry may give, as CLDR names them (Babel, Intl.PluralRules).
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """{'quiz': {'check': 'Check answer'}} -> {'quiz.check': 'Check answer'}; plural forms stay one entry."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and not set(value) <= set(PLURAL_FORMS):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def read_catalogue(language: str, folder: Path = CATALOGUES) -> dict[str, Any] | None:
    """The shipped catalogue of one language, flattened; None when we have none."""
    path = folder / f"{language}.yml"
    if not path.is_file():
        return None
    # safe_load's rules, read by libyaml where PyYAML has it: a tenth of a second less per build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {})


@functools.cache
def _plain_fields(text: str) -> bool:
    """Every field in text is a bare {name}: no format spec, conversion or index."""
    try:
        return all(
            name is None or (spec == "" and conversion is None and name.isidentifier())
            for _, name, spec, conversion in string.Formatter().parse(text)
        )
    except ValueError:
        return False  # a lone { or }: let Markup.format say so, as before


def placeholders(text: str) -> set[str]:
    """The {names} a string fills in; a lone { or } is a ValueError."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@dataclass(frozen=True)
class Catalogue:
    """One language's words: the shipped catalogue, English for what it lacks, the site's overrides on top."""

    language: str
    words: Mapping[str, Any]
    locale: Locale
    missing: tuple[str, ...] = field(default=())  # keys taken from English
    _plain_html: dict[str, Markup] = field(default_factory=dict, compare=False, repr=False)
    _groups: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def text(self, key: str, /, **values: object) -> str:
        """The plain text of `key`, its {names} filled in (a plural entry picks its form by `count`)."""
        return self._pick(key, values).format(**values)

    def html(self, key: str, /, **values: object) -> Markup:
        """`key` as HTML: the words escaped, each value escaped unless it is Markup already."""
        if not values:
            # Most calls fill in nothing, a quiz's dozens on each of a library's pages.
            cached = self._plain_html.get(key)
            if cached is None:
                cached = self._plain_html[key] = Markup(escape(self._pick(key, values))).format()
            return cached
        picked = self._pick(key, values)
        if _plain_fields(picked):
            # What Markup.format gives for {name} fields, without its formatter's cost per field: the
            # values escaped (Markup kept as it is), then filled in. A quiz fills in a dozen per page.
            return Markup(str(escape(picked)).format(**{name: escape(value) for name, value in values.items()}))
        return Markup(escape(picked)).format(**values)

    def group(self, prefix: str) -> dict[str, Any]:
        """Every entry under `prefix.`, keys shortened: what a script gets to say (plural forms kept whole)."""
        found = self._groups.get(prefix)
        if found is None:
            start = f"{prefix}."
            found = {key.removeprefix(start): value for key, value in self.words.items() if key.startswith(start)}
            self._groups[prefix] = found
        # A copy: the caller may change its own, and the next page's must be as the catalogue has it.
        return dict(found)

    def date(self, day: date) -> str:
        """A date as the reader's language writes it in full: 24 November 2026, 24. November 2026."""
        return format_date(day, format="long", locale=self.locale)

    def either(self, words: Iterable[str]) -> str:
        """Yes; Yes or No; Yes, Not sure or No, in the reader's language."""
        return format_list(list(words), style="or", locale=self.locale)

    def _pick(self, key: str, values: Mapping[str, object]) -> str:
        entry = self.words[key]
        if isinstance(entry, Mapping):
            count = values.get("count")
            form = self.locale.plural_form(count) if isinstance(count, int) else "other"
            return str(entry.get(form, entry["other"]))
        return str(entry)


def load_catalogue(language: str, overrides: Mapping[str, Any] | None, folder: Path = CATALOGUES) -> Catalogue:
    """The catalogue for theme.language with mkdocs.yml's extra.strings on top (raises AuthorError)."""
    english = read_catalogue(FALLBACK, folder) or {}
    own = read_catalogue(language, folder)
    words = {**english, **(own or {})}
    given = flatten(overrides or {})
    untranslated = set(english) - set(own or {}) - set(given) - {"locale"} if language != FALLBACK else set()
    missing = tuple(sorted(key for key in untranslated if not key.startswith(NOT_SHOWN)))
    for key, value in given.items():
        if key not in english:
            raise AuthorError(
                "mkdocs.yml", f"{CONFIG_KEY}.{key}", "there is no such string",
                _closest(key, english) + f"see the keys in hooks/language/catalogues/{FALLBACK}.yml",
            )
        _check_override(key, value, english[key])
        words[key] = value
    try:
        # English's own locale (en_GB) is no guess for another language: Babel knows most by their code.
        locale = Locale.parse(str((own or {}).get("locale") or (given.get("locale") or language)).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise AuthorError(
            "mkdocs.yml", "theme.language",
            f"'{language}' is not a language Babel knows, so dates cannot be written in it",
            "use a language code Material for MkDocs supports, e.g. en, de, fr, es",
        ) from None
    return Catalogue(language, words, locale, missing)


def _check_override(key: str, value: Any, english: Any) -> None:
    where = f"{CONFIG_KEY}.{key}"
    forms = set(english) if isinstance(english, Mapping) else None
    if forms is None and not isinstance(value, str):
        raise AuthorError("mkdocs.yml", where, f"expected text, found {value!r}", "write the words in quotes")
    if forms is not None and not (isinstance(value, Mapping) and "other" in value and set(value) <= set(PLURAL_FORMS)):
        raise AuthorError(
            "mkdocs.yml", where, "this string changes with a number, so it needs its plural forms",
            "give at least one: and other:, each with the words",
        )
    texts = [value] if isinstance(value, str) else [str(v) for v in value.values()]
    expected = placeholders(english if isinstance(english, str) else str(english["other"]))
    for text in texts:
        try:
            unknown = placeholders(text) - expected
        except ValueError:
            raise AuthorError(
                "mkdocs.yml", where, f"'{text}' has a {{ or }} that opens or closes nothing",
                "write {name} only for the names the string fills in, and no other braces",
            ) from None
        if unknown:
            raise AuthorError(
                "mkdocs.yml", where, f"{{{sorted(unknown)[0]}}} is not filled in here",
                f"use only {', '.join('{' + n + '}' for n in sorted(expected)) or 'no {…} names'}",
            )


def _closest(key: str, keys: Iterable[str]) -> str:
    guess = difflib.get_close_matches(key, list(keys), n=1)
    return f"did you mean '{guess[0]}'? " if guess else ""
