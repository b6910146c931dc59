"""Starting a site from an article's text: headings, pages, names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from content.source_article import article_sentences
from starter.new_site import Section, is_heading, new_site, page_names, split_article

ARTICLE = """\
Why Do Eyelids Twitch?

An eyelid twitch is common. It is usually harmless.

Common triggers

Stress and tiredness can set it off.

Common triggers

Caffeine can too.
"""


def test_headings_are_short_lines_without_end_punctuation() -> None:
    assert is_heading("Common triggers") and is_heading("When to see a doctor?")
    assert not is_heading("It is usually harmless.") and not is_heading("Note: this matters,")
    assert not is_heading("A long question that goes on and on, well past any heading's length?")


def test_the_article_splits_at_its_headings() -> None:
    title, sections = split_article(ARTICLE)
    assert title == "Why Do Eyelids Twitch?"
    assert sections == [
        Section("Why Do Eyelids Twitch?", ("An eyelid twitch is common. It is usually harmless.",)),
        Section("Common triggers", ("Stress and tiredness can set it off.",)),
        Section("Common triggers", ("Caffeine can too.",)),
    ]
    assert page_names(sections) == ["index.md", "common-triggers.md", "common-triggers-2.md"]
    assert Section("Häufige Auslöser", ()).name == "haufige-ausloser.md"


def test_every_sentence_is_on_a_page_and_the_starters_point_at_a_real_section(tmp_path: Path) -> None:
    files = new_site(ARTICLE, Path("/project"), tmp_path / "site", "de", dt.date(2026, 3, 1))
    pages = "\n".join(text for name, text in files.items() if name.startswith("docs/"))
    assert all(sentence.text in pages for sentence in article_sentences(ARTICLE))
    config = yaml.safe_load(files["mkdocs.yml"])
    assert config["theme"]["language"] == "de" and config["extra"]["source_article"] == "source-article.txt"
    assert config["extra"]["review"] == {"last_reviewed": "2026-03-01", "next_review_due": "2027-03-01"}
    assert config["nav"][1] == {"Common triggers": "common-triggers.md"}
    assert "source: common-triggers.md#common-triggers" in files["quiz_data/starter.quiz.yml"]
    assert files["quiz_data/starter.quiz.yml"].startswith("# yaml-language-server: $schema=")
    assert "quiz.schema.json" in files["quiz_data/starter.quiz.yml"].splitlines()[0]
