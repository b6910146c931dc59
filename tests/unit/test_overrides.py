"""Our template overrides: in step with Material, and free of any one topic."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"


def without_banner(text: str) -> str:
    """Drop the leading Jinja comment, which differs by design."""
    return re.sub(r"^\{#-.*?-#\}\s*", "", text, count=1, flags=re.S)


def test_search_partial_is_materials_plus_a_dialog_name() -> None:
    ours = without_banner((ROOT / "overrides/partials/search.html").read_text(encoding="utf-8"))
    theirs = without_banner((MATERIAL / "partials/search.html").read_text(encoding="utf-8"))
    named = theirs.replace('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">", 1)
    assert named != theirs, "Material changed the search dialog markup: re-copy the partial"
    assert ours == named


def test_base_template_is_materials_minus_checkbox_autocomplete_plus_an_escaped_title() -> None:
    ours = without_banner((ROOT / "overrides/base.html").read_text(encoding="utf-8"))
    theirs = (MATERIAL / "base.html").read_text(encoding="utf-8")
    fixed = theirs.replace('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">', 1)
    fixed = fixed.replace('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">', 1)
    removed = theirs.count("autocomplete") - fixed.count("autocomplete")
    assert removed == 2, "Material changed the toggles: re-copy base.html"
    # The bundle loads as Material loads it: a plain script at the end of the body (see base.html).
    assert re.search(r'<script src="\{\{ \'assets/javascripts/bundle\.\w+\.min\.js\' \| url \}\}"></script>', ours)
    # striptags un-escapes a Markdown title: `# A </title><script>` would break out.
    title = "<title>{{ page.title | striptags }} - {{ config.site_name }}</title>"
    assert fixed.count(title) == 1, "Material changed its <title>: re-copy base.html"
    fixed = fixed.replace(title, "<title>{{ page.title | striptags | e }} - {{ config.site_name | e }}</title>")
    assert ours == fixed


def test_header_is_materials_with_its_two_buttons_in_the_tab_order() -> None:
    ours = without_banner((ROOT / "overrides/partials/header.html").read_text(encoding="utf-8"))
    theirs = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    fixed = theirs.replace(
        '<label class="md-header__button md-icon" for="__drawer">',
        '<label class="md-header__button md-icon" for="__drawer" tabindex="0">\n'
        '      <span class="visually-hidden">{{ lang.t("nav") }}</span>', 1,
    ).replace(
        '<label class="md-header__button md-icon" for="__search">',
        '<label class="md-header__button md-icon" for="__search" tabindex="0">\n'
        '          <span class="visually-hidden">{{ lang.t("search") }}</span>', 1,
    )
    assert fixed.count('tabindex="0"') == theirs.count('tabindex="0"') + 2, "Material changed the header: re-copy it"
    assert ours == fixed


# Words of this site's subject. The hooks and templates must serve any article.
TOPIC = re.compile(r"\b(twitch\w*|mouth|fascicul\w*|muscle\w*|nerve\w*|caffeine|ambulance|doctors?)\b", re.I)


@pytest.mark.parametrize(
    "path",
    sorted(
        p for folder in ("hooks", "overrides") for p in (ROOT / folder).rglob("*")
        if p.is_file() and p.suffix in {".py", ".html", ".css", ".js", ".json"}
    ),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_code_and_templates_do_not_name_the_topic(path: Path) -> None:
    assert TOPIC.findall(path.read_text(encoding="utf-8")) == []
