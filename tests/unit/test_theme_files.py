"""What the hooks need from the theme: its files, a language Material knows, sane app settings."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from loading.author_errors import AuthorError
from safety.theme_files import REQUIRED, check_app, check_language, check_theme_files, material_languages

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = material_languages(Path(material.__file__).parent)


def test_our_theme_has_every_required_file() -> None:
    check_theme_files(ROOT / "overrides", "overrides")
    assert len(REQUIRED) >= 15


def test_a_missing_theme_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(AuthorError, match=r"^mkdocs\.yml, theme\.custom_dir: 'theme/main\.html' is missing"):
        check_theme_files(tmp_path, "theme")


@pytest.mark.parametrize("code", ["en", "de", "fr", "es", "pt-BR", "zh-Hant"])
def test_material_languages_pass(code: str) -> None:
    assert code in LANGUAGES
    check_language(code, LANGUAGES)


@pytest.mark.parametrize(
    ("code", "hint"),
    [("DE", "did you mean 'de'?"), ("de-XX", "did you mean 'de'?"), ("xx", "use a code"), (None, "use a code")],
)
def test_unknown_languages_are_refused_with_a_hint(code: object, hint: str) -> None:
    with pytest.raises(AuthorError) as caught:
        check_language(code, LANGUAGES)
    assert str(caught.value).startswith("mkdocs.yml, theme.language: ") and hint in str(caught.value)


@pytest.mark.parametrize(
    ("app", "words"),
    [
        ({"theme_color": None}, "found None (in YAML an unquoted # starts a comment)"),
        ({"theme_color": "blue-ish"}, "'blue-ish' is not a colour"),
        ({"short_name": 12}, 'quote it: short_name: "12"'),
    ],
)
def test_app_settings_yaml_misread_are_named(app: dict[str, object], words: str) -> None:
    with pytest.raises(AuthorError) as caught:
        check_app(app)
    assert words in str(caught.value)


def test_good_app_settings_pass() -> None:
    check_app({"theme_color": "#4051b5", "short_name": "Twitches"})
    check_app({})
