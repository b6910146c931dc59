"""The project's own site: every fact of the article, and the page furniture readers rely on."""

from __future__ import annotations

import json
import posixpath
import re
import zipfile

import pytest
from bs4 import BeautifulSoup, Tag

from content import source_article
from support import budgets
from support.sitebuild import ROOT, BuildResult

ARTICLE = ROOT / "tests/data/source-article.txt"
ARTICLE_PAGES = [
    "how-twitches-happen.html",
    "everyday-triggers.html",
    "medical-conditions.html",
    "when-to-seek-help.html",
]
GLOSSARY_TERMS = [
    "Fasciculation", "Motor unit", "Motor neuron", "Neuromuscular junction", "Action potential",
    "Depolarize", "Cortisol", "Electrolytes", "Hemifacial spasm", "Tic", "Synkinesis",
    "Bell’s palsy", "Cranial nerve",
]


def squash(text: str) -> str:
    """Fold whitespace and typographic quotes so layout cannot hide a match."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def article_sentences() -> list[str]:
    """Sentences of the source article, split as the build's own check splits them."""
    return [sentence.text for sentence in source_article.article_sentences(ARTICLE.read_text(encoding="utf-8"))]


def content(result: BuildResult, name: str) -> Tag:
    """The article element of a built page (no navigation or footer)."""
    return BeautifulSoup(result.html(name), "html.parser").select_one("article.md-content__inner")


def words(sentence: str) -> int:
    return len(sentence.split())


@pytest.fixture(scope="module")
def pages(real_site: BuildResult) -> dict[str, BeautifulSoup]:
    return {
        path.name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in real_site.pages()
    }


def test_the_site_builds_strictly_without_a_warning(real_site: BuildResult) -> None:
    assert real_site.warnings == []
    assert not real_site.aborted


@pytest.mark.parametrize("sentence", article_sentences(), ids=lambda s: s[:40])
def test_every_article_sentence_is_kept_word_for_word(real_site: BuildResult, sentence: str) -> None:
    # Stricter than the build's own check (any page): on the article pages themselves.
    text = " ".join(squash(content(real_site, name).get_text()) for name in ARTICLE_PAGES)
    assert sentence in text


def test_every_page_has_its_own_description(pages: dict[str, BeautifulSoup]) -> None:
    descriptions = {}
    for name, page in pages.items():
        if name == "404.html":
            continue
        meta = page.select_one('meta[name="description"]')
        assert meta and meta["content"].strip(), name
        descriptions[name] = meta["content"]
    assert len(set(descriptions.values())) == len(descriptions), "descriptions must differ"


@pytest.mark.parametrize(
    "name",
    [*ARTICLE_PAGES, "index.html", "about.html", "quiz.html", "handout.html", "should-i-see-a-doctor.html", "404.html"],
)
def test_every_page_ends_with_the_disclaimer_and_review_dates(real_site: BuildResult, name: str) -> None:
    article = content(real_site, name)
    review = article.select_one("aside.page-review")
    assert review is not None
    assert "not medical advice" in review.get_text()
    assert [time["datetime"] for time in review.select("time")] == ["2026-11-24", "2027-11-24"]
    # Near the end of the content, not in the footer: it is the article's last block.
    assert article.find_all(recursive=False)[-1] is review


@pytest.mark.parametrize("name", ARTICLE_PAGES)
def test_article_pages_open_with_plain_key_points(real_site: BuildResult, name: str) -> None:
    article = content(real_site, name)
    first_block = article.find("h1").find_next_sibling()
    assert "key-points" in first_block["class"], "Key points must come straight after the title"
    bullets = first_block.select("li")
    assert 1 <= len(bullets) <= 5
    for bullet in bullets:
        for sentence in re.split(r"(?<=[.!?])\s+", squash(bullet.get_text())):
            assert words(sentence) <= 20, sentence


def test_home_fits_the_brief(real_site: BuildResult) -> None:
    article = content(real_site, "index.html")
    intro = article.select_one("p.home-intro").get_text()
    assert len(re.findall(r"[.!?](\s|$)", intro)) == 2, "what a twitch is, in two sentences"
    assert len(article.select(".key-points li")) <= 5
    links = {a["href"] for a in article.select(".home-links a")}
    assert links == {"quiz.html", "should-i-see-a-doctor.html", "handout.html"}


def test_glossary_terms_have_tooltips(real_site: BuildResult) -> None:
    titles = set()
    for name in ARTICLE_PAGES:
        titles |= {abbr["title"].split(":")[0] for abbr in content(real_site, name).select("abbr")}
    assert set(GLOSSARY_TERMS) <= titles, set(GLOSSARY_TERMS) - titles


def test_care_cards_go_from_emergency_to_routine(real_site: BuildResult) -> None:
    cards = content(real_site, "when-to-seek-help.html").select(".care-card")
    assert [card["data-care-label"] for card in cards] == ["Emergency", "Urgent", "Routine", "Self-care"]
    for card in cards:
        heading = card.select_one(".care-card__title")
        assert heading.name in {"h2", "h3", "h4"}
        assert heading.select_one(".visually-hidden").get_text() == card["data-care-label"] + ": "
        assert len(card.select("ul:not(.call-buttons) > li")) <= 5


def test_the_stroke_card_cites_a_public_source(real_site: BuildResult) -> None:
    card = content(real_site, "when-to-seek-help.html").select_one(".care-card--emergency")
    text = squash(card.get_text())
    for sign in ("droops", "arm", "slurred"):
        assert sign in text
    sources = [a["href"] for a in card.select(".care-card__source a")]
    assert any(href.startswith("https://www.nhs.uk/") for href in sources)


# One name and one action per care level, wherever a reader meets it.
VOCABULARY = {
    "self-care": ("Self-care", "Look after yourself at home"),
    "routine": ("Routine", "Book an appointment with your doctor"),
    "urgent": ("Urgent", "Contact a doctor today"),
    "emergency": ("Emergency", "Call an ambulance now"),
}


def card_action(card: Tag) -> str:
    """A card's call to action: its heading, less the spoken level and the ¶."""
    heading = card.select_one(".care-card__title")
    return squash(
        "".join(
            t for t in heading.find_all(string=True)
            if t.parent.name != "span" and t.parent.get("class") != ["headerlink"] and t != "¶"
        ),
    )


def test_every_care_level_has_one_name_and_one_action(real_site: BuildResult) -> None:
    names: dict[str, set[str]] = {level: set() for level in VOCABULARY}
    actions: dict[str, set[str]] = {level: set() for level in VOCABULARY}
    for path in real_site.pages():
        article = content(real_site, path.name)
        if article is None:
            continue
        for card in article.select(".care-card"):
            level = next(c.removeprefix("care-card--") for c in card["class"] if c.startswith("care-card--"))
            names[level].add(card["data-care-label"])
            actions[level].add(card_action(card))
        for node in article.select(".flow-svg__node--outcome"):
            level = next(
                c.removeprefix("flow-svg__node--")
                for c in node["class"]
                if c.removeprefix("flow-svg__node--") in VOCABULARY
            )
            # The diagram sets its level in capitals, wrapped over lines if it must.
            label = " ".join(line.get_text() for line in node.select(".flow-svg__level"))
            names[level].add(squash(label.replace("- ", "")).capitalize())
    for level, (name, action) in VOCABULARY.items():
        assert names[level] <= {name, name.capitalize()}, f"{level} is called {names[level]}"
        assert actions[level] <= {action}, f"{level} asks readers to {actions[level]}"
    # The flowchart shows every level, so each name is in use somewhere.
    assert all(names.values()), names


@pytest.mark.parametrize(
    "name", ["index.html", "when-to-seek-help.html", "handout.html", "should-i-see-a-doctor.html", "about.html"],
)
def test_each_stroke_sign_alone_is_an_emergency(real_site: BuildResult, name: str) -> None:
    # FAST: a droop, a weak arm or slurred speech, any one on its own, means call now.
    text = squash(content(real_site, name).get_text()).lower()
    assert re.search(r"any one of these|any one\b", text), f"{name} must say any one sign alone is enough"
    for joined in (
        "droop, arm weakness or slurred", "droops and one arm", "droop and arm weakness", "with a weak arm or slurred",
    ):
        assert joined not in text, f"{name} still joins the signs: {joined!r}"


# Words meant for editors, not for a worried reader (sources go on a sources line).
EDITORS_TALK = re.compile(
    r"the article (these pages come from |)does not cover|this site adds|we add|pages come from", re.I,
)


def test_reader_facing_cards_and_outcomes_hold_no_editors_commentary(real_site: BuildResult) -> None:
    offenders = []
    for path in real_site.pages():
        article = content(real_site, path.name)
        for block in article.select(".care-card, .flow-outcome, .flow-text__outcome") if article else []:
            if EDITORS_TALK.search(squash(block.get_text())):
                offenders.append(f"{path.name}: {squash(block.get_text())[:80]}")
    assert offenders == []


def test_about_page_covers_what_readers_need(real_site: BuildResult) -> None:
    article = content(real_site, "about.html")
    headings = [squash(h.get_text()).rstrip("¶").strip() for h in article.select("h2")]
    for section in (
        "Sources", "Who publishes this site", "Medical disclaimer", "How we keep it up to date", "Print a page",
        "Read it offline",
    ):
        assert section in headings
    first_source = article.select_one("h2#sources + ol > li")
    assert "What Does It Mean When Your Mouth Twitches?" in first_source.get_text()


EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["'](?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
)


def test_nothing_is_loaded_from_outside_the_site(real_site: BuildResult) -> None:
    offenders = []
    for path in real_site.site_dir.rglob("*"):
        if path.suffix not in {".html", ".css", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            page = BeautifulSoup(text, "html.parser")
            for tag in page.select(
                "script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]",
            ):
                url = tag.get("src") or tag.get("href")
                rel = tag.get("rel") or []
                if re.match(r"(https?:)?//", url) and not {"canonical", "alternate"} & set(rel):
                    offenders.append(f"{path.name}: {url}")
        elif path.suffix == ".css" and EXTERNAL.search(text):
            offenders.append(f"{path.name}: {EXTERNAL.search(text).group(0)}")
    assert offenders == []


def test_no_google_fonts_or_cdn_anywhere(real_site: BuildResult) -> None:
    for path in real_site.pages():
        text = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "cdnjs"):
            assert host not in text, f"{path.name} names {host}"


def test_glossary_page_defines_every_term(real_site: BuildResult) -> None:
    headwords = [dt.get_text() for dt in content(real_site, "glossary.html").select("dl.glossary dt")]
    assert set(GLOSSARY_TERMS) <= set(headwords)
    assert headwords == sorted(headwords, key=str.casefold)


def test_the_offline_precache_fits_its_budget(real_site: BuildResult) -> None:
    worker = real_site.html("sw.js")
    urls = json.loads(re.search(r"^const PRECACHE = (.*);$", worker, re.M).group(1))
    assert "index.html" in urls and "search/search_index.json" in urls
    assert any(url.startswith("assets/stylesheets/site.css?v=") for url in urls)
    size = budgets.precache_bytes(real_site.site_dir)
    assert size <= budgets.PRECACHE, f"precache is {size} bytes; budget {budgets.PRECACHE}"


@pytest.mark.parametrize(("name", "budget"), [("offline.js", budgets.OFFLINE_JS), ("offline-keep.js", budgets.KEEP_JS)])
def test_the_offline_scripts_fit_their_budgets(name: str, budget: int) -> None:
    # offline.js is on every page: the keep control's script stays in a file of its own.
    size = budgets.gzipped(ROOT / "overrides/assets/javascripts" / name)
    assert size <= budget, f"{name} is {size} bytes gzipped; the budget is {budget}"


def test_the_keep_script_and_style_load_only_where_the_control_is(real_site: BuildResult) -> None:
    with_control = set()
    for path in real_site.pages():
        text = path.read_text(encoding="utf-8")
        assert "javascripts/offline.js?v=" in text, path.name
        assert ("javascripts/offline-keep.js?v=" in text) == ("data-offline-keep" in text), path.name
        assert ("stylesheets/offline-keep.css?v=" in text) == ("data-offline-keep" in text), path.name
        if "data-offline-keep" in text:
            with_control.add(path.name)
    assert with_control == {"about.html"}


def test_the_precache_holds_every_url_a_page_loads_as_the_page_asks(real_site: BuildResult) -> None:
    # Offline, the worker answers only the URLs it holds, ?v=HASH and all.
    worker = real_site.html("sw.js")
    urls = set(json.loads(re.search(r"^const PRECACHE = (.*);$", worker, re.M).group(1)))
    # What Material's scripts fetch on every page: the sitemap (instant navigation), the search index.
    assert {"sitemap.xml", "search/search_index.json"} <= urls
    # English search loads none of lunr's language files.
    assert not any(url.startswith("assets/javascripts/lunr/") for url in urls)
    missing = set()
    # Not 404.html: a server sends it for any missing address, so it links from the root.
    for path in (page for page in real_site.pages() if page.name != "404.html"):
        base = posixpath.dirname(path.relative_to(real_site.site_dir).as_posix())
        for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
            "script[src], link[href], img[src]",
        ):
            url = tag.get("src") or tag.get("href")
            if {"canonical", "alternate", "prev", "next"} & set(tag.get("rel") or []) or re.match(
                r"(https?:)?//|data:", url,
            ):
                continue
            if posixpath.normpath(posixpath.join(base, url)) not in urls:
                missing.add(f"{path.name}: {url}")
    assert missing == set()


def test_the_about_page_names_the_offline_copys_folder(real_site: BuildResult) -> None:
    (archive,) = (real_site.site_dir / "downloads").glob("*-offline.zip")
    with zipfile.ZipFile(archive) as copy:
        (folder,) = {name.split("/")[0] for name in copy.namelist()}
    assert folder == archive.name.removesuffix("-offline.zip")
    assert f"Open the {folder} folder" in squash(content(real_site, "about.html").get_text())


def test_every_page_first_load_fits_its_budget(real_site: BuildResult) -> None:
    weights = {page.name: budgets.page_weight(real_site.site_dir, page) for page in real_site.pages()}
    assert len(weights) >= 10
    # The measure counts what a page links: Material's bundle at least.
    assert all(weight > 30_000 for weight in weights.values()), weights
    over = {name: weight for name, weight in weights.items() if weight > budgets.PAGE}
    assert over == {}, f"gzipped first load over {budgets.PAGE} bytes"


def test_manifest_and_icons(real_site: BuildResult) -> None:
    data = json.loads(real_site.html("manifest.webmanifest"))
    assert data["name"] == "Mouth twitches explained" and data["theme_color"] == "#4051b5"
    for icon in data["icons"]:
        png = (real_site.site_dir / icon["src"]).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]
    assert any(icon.get("purpose") == "maskable" for icon in data["icons"])
