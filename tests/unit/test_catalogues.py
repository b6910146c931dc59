"""The shipped catalogues (one per language) and mkdocs.yml's extra.strings overrides."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from markupsafe import Markup

from language.catalogue import (
    CATALOGUES,
    FALLBACK,
    PLURAL_FORMS,
    Catalogue,
    load_catalogue,
    placeholders,
    read_catalogue,
)
from loading.author_errors import AuthorError

ENGLISH = read_catalogue(FALLBACK) or {}
LANGUAGES = sorted(path.stem for path in CATALOGUES.glob("*.yml"))
SHIPPED = ["de", "en", "es", "fr"]


def forms(entry: Any) -> dict[str, str]:
    """A plain entry as its one form; a plural entry's forms."""
    return dict(entry) if isinstance(entry, Mapping) else {"text": entry}


def names(entry: Any) -> set[str]:
    return set().union(*(placeholders(text) for text in forms(entry).values()))


def test_english_french_german_and_spanish_are_shipped() -> None:
    assert LANGUAGES == SHIPPED
    assert len(ENGLISH) > 80


@pytest.mark.parametrize("language", SHIPPED)
def test_a_catalogue_has_exactly_the_english_keys(language: str) -> None:
    own = read_catalogue(language) or {}
    assert sorted(set(ENGLISH) - set(own)) == [], "missing"
    assert sorted(set(own) - set(ENGLISH)) == [], "not in en.yml"


@pytest.mark.parametrize("language", SHIPPED)
def test_each_string_fills_in_the_same_names(language: str) -> None:
    own = read_catalogue(language) or {}
    for key, english in ENGLISH.items():
        assert names(own[key]) == names(english), key
        # Every form takes only names the site fills in.
        for form, text in forms(own[key]).items():
            assert placeholders(text) <= names(english), (key, form)


@pytest.mark.parametrize("language", SHIPPED)
def test_plural_entries_give_the_forms_their_language_uses(language: str) -> None:
    own = read_catalogue(language) or {}
    locale = Locale.parse(own["locale"])
    assert locale.language == language
    needed = {"other", *locale.plural_form.tags}
    for key, english in ENGLISH.items():
        assert isinstance(own[key], Mapping) == isinstance(english, Mapping), key
        if isinstance(english, Mapping):
            assert needed <= set(own[key]) <= set(PLURAL_FORMS), (key, sorted(own[key]), sorted(needed))


def test_french_and_spanish_have_a_form_for_millions_and_french_counts_zero_as_one() -> None:
    # CLDR: French and Spanish say "de" after a million; French "0 question", like "1 question".
    assert Locale.parse("fr_FR").plural_form.tags == Locale.parse("es_ES").plural_form.tags == {"one", "many"}
    french = load_catalogue("fr", None)
    assert french.text("quiz.retrying", count=0) == "Nouvel essai : 0 question."
    assert french.text("quiz.retrying", count=2) == "Nouvel essai : 2 questions."


@pytest.mark.parametrize("language", SHIPPED)
def test_no_string_is_empty(language: str) -> None:
    own = read_catalogue(language) or {}
    for key, entry in own.items():
        for form, text in forms(entry).items():
            assert isinstance(text, str) and text.strip(), (key, form)


def test_a_plural_entry_picks_its_form_by_count() -> None:
    english = load_catalogue("en", None)
    assert english.text("quiz.retrying", count=1) == "Trying again: 1 question."
    assert english.text("quiz.retrying", count=3) == "Trying again: 3 questions."
    german = load_catalogue("de", None)
    assert german.text("flow.describe.possible_outcomes", count=1) == "1 möglichen Ergebnis"
    assert german.either(["Ja", "Vielleicht", "Nein"]) == "Ja, Vielleicht oder Nein"


def test_html_escapes_what_it_fills_in_unless_it_is_markup() -> None:
    english = load_catalogue("en", None)
    assert english.html("quiz.key", title="<b>A & B</b>") == "Answer key: &lt;b&gt;A &amp; B&lt;/b&gt;"
    assert english.html("quiz.key", title=Markup("<b>A</b>")) == "Answer key: <b>A</b>"
    # The site's own words are escaped too: an override is text, never markup.
    custom = load_catalogue("en", {"quiz": {"key": "Answers <3 & {title}"}})
    assert custom.html("quiz.key", title="x") == "Answers &lt;3 &amp; x"
    assert custom.text("quiz.key", title="x") == "Answers <3 & x"


@pytest.mark.parametrize(
    ("words", "values"),
    [
        ("Question {number} of {total}", {"number": Markup("<span>1</span>"), "total": 3}),
        ("Read <more> & {section}", {"section": "a & <b>"}),
        ("{a}{a} {b}", {"a": "<", "b": 0}),
        ("{count:04} left", {"count": 7}),  # a format spec: Markup.format itself
        ("{title!r}", {"title": "<x>"}),  # a conversion, likewise
        ("No fields", {"unused": "<y>"}),
    ],
)
def test_html_fills_in_as_markup_format_does(words: str, values: dict[str, Any]) -> None:
    catalogue = Catalogue("en", {"key": words}, Locale("en"))
    assert catalogue.html("key", **values) == Markup(Markup.escape(words)).format(**values)


def test_a_group_is_the_callers_own_copy() -> None:
    english = load_catalogue("en", None)
    first = english.group("quiz")
    first["next"] = "changed"
    assert english.group("quiz")["next"] != "changed"


# -----------------------------------------------------------------------------
# extra.strings in mkdocs.yml
# -----------------------------------------------------------------------------


def test_a_site_can_override_any_string() -> None:
    plural = {"one": "{count}x", "other": "{count}y"}
    words = load_catalogue("de", {"quiz": {"check": "Prüfen"}, "quiz.retrying": plural})
    assert words.text("quiz.check") == "Prüfen"
    assert words.text("quiz.retrying", count=1) == "1x"
    assert words.text("quiz.next") == "Nächste Frage"  # the rest stays German


@pytest.mark.parametrize(
    ("overrides", "place", "fix"),
    [
        ({"quiz": {"chek": "Go"}}, "extra.strings.quiz.chek", "did you mean 'quiz.check'?"),
        ({"quiz": {"check": 3}}, "extra.strings.quiz.check", "write the words in quotes"),
        ({"quiz": {"check": ["Go"]}}, "extra.strings.quiz.check", "write the words in quotes"),
        ({"quiz": {"retrying": "Again"}}, "extra.strings.quiz.retrying", "give at least one: and other:"),
        ({"quiz": {"retrying": {"one": "Once"}}}, "extra.strings.quiz.retrying", "give at least one: and other:"),
        ({"quiz": {"key": "Answers to {name}"}}, "extra.strings.quiz.key", "use only {title}"),
        ({"quiz": {"restarted": "Again {count}"}}, "extra.strings.quiz.restarted", "use only no {…} names"),
        (
            {"quiz": {"retrying": {"one": "{count} again", "other": "{number} again"}}},
            "extra.strings.quiz.retrying", "use only {count}",
        ),
    ],
    ids=["unknown key", "number", "list", "text for plural", "plural without other", "unknown name",
         "a name where none is", "unknown name in a form"],
)
def test_a_wrong_override_names_its_place_and_the_fix(overrides: dict[str, Any], place: str, fix: str) -> None:
    with pytest.raises(AuthorError) as caught:
        load_catalogue("en", overrides)
    message = str(caught.value)
    assert message.startswith(f"mkdocs.yml, {place}: "), message
    assert f"Fix: {fix}" in message


# -----------------------------------------------------------------------------
# A language with no catalogue
# -----------------------------------------------------------------------------


def test_a_language_without_a_catalogue_falls_back_to_english_and_lists_every_string() -> None:
    words = load_catalogue("it", None)
    assert words.text("quiz.check") == "Check answer"
    # Every string a page shows; not the new-site starter's words or the checks' (no page shows them).
    interface = {key for key in set(ENGLISH) - {"locale"} if not key.startswith(("starter.", "checks."))}
    assert set(words.missing) == interface
    assert list(words.missing) == sorted(words.missing)


def test_overrides_fill_in_what_a_language_lacks() -> None:
    words = load_catalogue("it", {"quiz": {"check": "Controlla"}})
    assert words.text("quiz.check") == "Controlla"
    assert "quiz.check" not in words.missing and "quiz.next" in words.missing


def test_a_shipped_language_misses_nothing(tmp_path: Path) -> None:
    for language in SHIPPED:
        assert load_catalogue(language, None).missing == (), language
    # A catalogue short of a key is topped up from English, and says so.
    (tmp_path / "en.yml").write_text("locale: en_GB\nquiz:\n  check: Check\n  next: Next\n", encoding="utf-8")
    (tmp_path / "xx.yml").write_text("locale: de_DE\nquiz:\n  check: Prüfen\n", encoding="utf-8")
    words = load_catalogue("xx", None, tmp_path)
    assert words.missing == ("quiz.next",)
    assert words.text("quiz.next") == "Next"
