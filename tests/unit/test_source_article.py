"""The source article's sentences, and which of them no page keeps."""

from __future__ import annotations

from content.source_article import Sentence, article_sentences, missing_message, missing_sentences, page_text

ARTICLE = """\
Why Do Eyelids Twitch?

An eyelid twitch is common. It is usually harmless!

When to worry

See a doctor if it spreads. Ask: is it new? Über 90 % stop by themselves.
"""


def test_sentences_skip_headings_and_keep_their_paragraph_line() -> None:
    assert article_sentences(ARTICLE) == [
        Sentence(3, "An eyelid twitch is common."),
        Sentence(3, "It is usually harmless!"),
        Sentence(7, "See a doctor if it spreads."),
        # "is it new?" is not split off: a lower-case word follows the colon's question.
        Sentence(7, "Ask: is it new?"),
        Sentence(7, "Über 90 % stop by themselves."),
    ]


def test_the_real_article_has_its_37_sentences() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "data/source-article.txt").read_text(encoding="utf-8")
    sentences = article_sentences(text)
    assert len(sentences) == 37
    assert sentences[0].text.startswith("A sudden, involuntary movement")


def test_page_text_drops_markup_and_folds_quotes() -> None:
    html = "<p>It&#8217;s <abbr title='x'>common</abbr>.\n<strong>Really</strong> ( <em>often</em> ).</p>"
    assert page_text(html) == "It's common . Really ( often )."


def test_missing_sentences_are_those_no_page_keeps_word_for_word() -> None:
    sentences = article_sentences(ARTICLE)
    pages = [page_text("<p>An eyelid twitch is <em>common</em>. It is usually harmless!</p>"),
             page_text("<p>See a doctor if it spreads. Ask: is it new?</p>")]
    assert missing_sentences(sentences, pages) == [Sentence(7, "Über 90 % stop by themselves.")]


def test_the_message_lists_each_missing_sentence_with_its_line() -> None:
    missing = [Sentence(3, "A."), Sentence(7, "B.")]
    assert missing_message("article.txt", missing) == (
        'article.txt: 2 sentences of the source article are on no page (line 3: "A."; line 7: "B."). '
        "Fix: put each back on a page word for word, or correct the source article"
    )
    many = [Sentence(n, f"S{n}.") for n in range(7)]
    assert "; and 2 more)" in missing_message("a.txt", many)
