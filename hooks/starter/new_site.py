"""A new site from an article's text: pages split at its headings, nav, starter quiz and flowchart (no MkDocs)."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify as toc_slug

from content.source_article import squash
from language.catalogue import Catalogue, load_catalogue
from loading.slugs import slug

ARTICLE_FILE = "source-article.txt"
# The starter pages and data, their words from the catalogues' starter group
# in the site's language: {w[key]} as Markdown text, {q[key]} as a YAML string.
TEMPLATES = Path(__file__).parent / "templates"
# Each starter page's template and the catalogue entry that titles it; the
# page's file is named after that title, in the site's language.
STARTER_PAGES = {"quiz.md": "quiz.menu", "flowchart.md": "flow.menu"}
# A heading is a short line on its own with no end punctuation; a question
# this short alone in its paragraph is one too (the article's title).
HEADING_LENGTH = 80
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class Section:
    """One heading of the article and the paragraphs under it."""

    title: str
    paragraphs: tuple[str, ...]

    @property
    def name(self) -> str:
        """The page's file name: 'Häufige Auslöser' -> 'haufige-ausloser.md'."""
        # Accents dropped, so addresses stay plain ASCII on any server and from disk.
        plain = unicodedata.normalize("NFKD", self.title).encode("ascii", "ignore").decode("ascii")
        return f"{slug(plain) or 'page'}.md"


def is_heading(paragraph: str) -> bool:
    """A title or heading line, not a paragraph of text."""
    text = squash(paragraph)
    if "\n" in paragraph.strip() or len(text) > HEADING_LENGTH:
        return False
    return not text.endswith((".", "!", ":", ";", ",")) and not (text.endswith("?") and len(text) >= 60)


def split_article(text: str, home: str = "Home") -> tuple[str, list[Section]]:
    """(the article's title, its sections); text before the first heading is the home page's."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not paragraphs:
        raise ValueError("the article is empty")
    title = squash(paragraphs[0]) if is_heading(paragraphs[0]) else home
    rest = paragraphs[1:] if is_heading(paragraphs[0]) else paragraphs
    sections = [Section(title, ())]
    for paragraph in rest:
        if is_heading(paragraph):
            sections.append(Section(squash(paragraph), ()))
        else:
            last = sections[-1]
            sections[-1] = Section(last.title, (*last.paragraphs, paragraph))
    return title, sections


def page_names(sections: list[Section], taken_already: Iterable[str] = ()) -> list[str]:
    """Each section's page file, the first one index.md; a repeated heading gets -2, -3."""
    taken = {"index.md", *taken_already}
    names = ["index.md"]
    for section in sections[1:]:
        name, number = section.name, 2
        while name in taken:
            name, number = f"{section.name.removesuffix('.md')}-{number}.md", number + 1
        taken.add(name)
        names.append(name)
    return names


def description(paragraphs: tuple[str, ...], title: str) -> str:
    """One sentence for search results: the first one, if short enough, else the title."""
    first = squash(paragraphs[0]).split(". ")[0].rstrip(".") + "." if paragraphs else ""
    return first if 0 < len(first) <= DESCRIPTION_LENGTH else f"{title}."[:DESCRIPTION_LENGTH]


def page_markdown(section: Section, heading: str) -> str:
    """A page: front matter, its heading, its paragraphs word for word."""
    front = yaml.safe_dump({"description": description(section.paragraphs, section.title)}, allow_unicode=True)
    body = "\n\n".join(squash(p) for p in section.paragraphs)
    return f"---\n{front}---\n\n# {heading}\n\n{body}\n"


def new_site(
    article: str, project: Path, target: Path, language: str = "en", today: dt.date | None = None
) -> dict[str, str]:
    """Every file of the new site, by path inside target: mkdocs.yml, pages, quiz and flowchart, the article.

    Raises AuthorError for a language Babel does not know.
    """
    words = starter_words(load_catalogue(language, None))
    title, sections = split_article(article, words["home"])
    starters = {template: Section(words[key], ()).name for template, key in STARTER_PAGES.items()}
    names = page_names(sections, starters.values())
    today = today or dt.date.today()
    home, pages = sections[0], list(zip(sections[1:], names[1:], strict=True))
    files: dict[str, str] = {ARTICLE_FILE: article if article.endswith("\n") else article + "\n"}
    contents = "".join(f"- [{section.title}]({name})\n" for section, name in pages)
    files["docs/index.md"] = page_markdown(home, title) + (f"\n{contents}" if contents else "")
    for section, name in pages:
        files[f"docs/{name}"] = page_markdown(section, section.title)
    # The starters point at the first section, so their links work from the start.
    # Anchors as Python-Markdown's toc makes them (the new site keeps its default slugify).
    first, anchor = (pages[0][1], toc_slug(pages[0][0].title, "-")) if pages else ("index.md", toc_slug(title, "-"))
    schemas = Path(os.path.relpath(project / "hooks/schemas", target / "quiz_data")).as_posix()
    # The starter pages and data are templates (templates/), each {page}, {anchor} and {schemas} filled in.
    for template in sorted(TEMPLATES.iterdir()):
        data = template.name.endswith((".quiz.yml", ".flow.yml"))
        path = f"quiz_data/{template.name}" if data else f"docs/{starters[template.name]}"
        text = template.read_text(encoding="utf-8")
        files[path] = text.format(
            page=first, anchor=anchor, schemas=schemas, w=words, q={k: json.dumps(v, ensure_ascii=False)
                                                                   for k, v in words.items()},
        )
    relative = Path(os.path.relpath(project, target)).as_posix()
    config = {
        "site_name": title,
        "site_description": description(home.paragraphs, title),
        "site_url": "",
        "use_directory_urls": False,
        "nav": [{words["home"]: "index.md"}, *({section.title: name} for section, name in pages),
                *({words[key]: starters[template]} for template, key in STARTER_PAGES.items())],
        "theme": {"name": "material", "custom_dir": f"{relative}/overrides", "language": language, "font": False,
                  "features": ["navigation.instant", "navigation.prune", "navigation.top", "search.highlight"]},
        "plugins": ["search", "offline"],
        "hooks": [f"{relative}/hooks/main.py"],
        "watch": ["quiz_data", f"{relative}/hooks"],
        "extra": {
            "generator": False,
            "polyfills": ["assets/javascripts/vendor/iframe-worker-shim.js"],
            "source_article": ARTICLE_FILE,
            "disclaimer": words["disclaimer"],
            "review": {"last_reviewed": today.isoformat(),
                       "next_review_due": (today + dt.timedelta(days=365)).isoformat()},
        },
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", {"toc": {"permalink": True}},
                                "pymdownx.details", "pymdownx.superfences"],
    }
    files["mkdocs.yml"] = (
        "# Made by `make new-site`. The hooks and theme are the generator's, unchanged; edit docs/ and quiz_data/.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    )
    return files


def starter_words(catalogue: Catalogue) -> dict[str, str]:
    """The starter group's words in the site's language (English where it has none)."""
    return {key: str(value) for key, value in catalogue.group("starter").items()}
