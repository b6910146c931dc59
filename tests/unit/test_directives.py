"""`<!-- kind: id -->` directives: found, checked, and placed once."""

from __future__ import annotations

import pytest

from loading.author_errors import AuthorError
from loading.directives import Placement, count_fixed_directive, find_directives, not_placed

SOURCE = "# Page\n\nText.\n\n<!-- quiz: first -->\n\nMore.\n\n<!--quiz:second-->\n"


def test_directives_are_found_in_order() -> None:
    html = "<p>Text.</p>\n<!-- quiz: first -->\n<p>More.</p>\n<!--quiz:second-->"
    assert find_directives(html, "quiz", {"first", "second"}, "docs/p.md", SOURCE) == [
        Placement("first", "<!-- quiz: first -->"),
        Placement("second", "<!--quiz:second-->"),
    ]


def test_other_kinds_and_comments_are_ignored() -> None:
    html = "<!-- flowchart: first --><!-- a quiz: maybe --><!-- quizzes: no -->"
    assert find_directives(html, "quiz", {"first"}, "docs/p.md", "") == []


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<!-- quiz: frist -->", "docs/p.md: there is no quiz with the id 'frist'. "
                                 "Fix: did you mean 'first'? known ids: first, second"),
        ("<!-- quiz: zzz -->", "docs/p.md: there is no quiz with the id 'zzz'. Fix: known ids: first, second"),
        ("<!-- quiz: -->", "docs/p.md: this quiz directive names no quiz. Fix: write "
                           "<!-- quiz: ID --> with the id from the YAML file"),
        ("<!-- quiz: first -->", None),
        ("<!-- Quiz: first -->", "docs/p.md: '<!-- Quiz: first -->' looks like a quiz directive but is not "
                                 "in its form. Fix: write <!-- quiz: ID --> in lower case, with one id"),
        ("<!--quiz-->", "docs/p.md: '<!--quiz-->' looks like a quiz directive but is not in "
                        "its form. Fix: write <!-- quiz: ID --> in lower case, with one id"),
        ("<!-- quiz first -->", "docs/p.md: '<!-- quiz first -->' looks like a quiz directive but is not "
                                "in its form. Fix: write <!-- quiz: ID --> in lower case, with one id"),
        ("<!-- quiz: first second -->", "docs/p.md: '<!-- quiz: first second -->' looks like a quiz directive but is "
                                        "not in its form. Fix: write <!-- quiz: ID --> in lower case, with one id"),
        ("<p>Try it <!-- quiz: first --></p>", "docs/p.md: the quiz directive '<!-- quiz: first -->' is inside "
                                               "running text (a paragraph, heading or table). Fix: put it on a "
                                               "line of its own, with a blank line before and after"),
        ("<li>\n<!-- quiz: first -->\n</li>", None),
        ("<!--\n<!-- quiz: first -->\n<p>--&gt;</p>", "docs/p.md: the quiz directive '<!-- quiz: first "
                                                      "-->' is inside another HTML comment, which it would "
                                                      "break open. Fix: to hide the quiz, delete the "
                                                      "directive line; HTML comments cannot be nested"),
        ("<!-- an earlier note -->\n<!-- quiz: first -->", None),
        # Prose that merely starts with the word is a comment, not a directive.
        ("<!-- quiz questions are reviewed every year -->", None),
        # Markdown shows an unclosed comment as text; the quiz would silently be missing.
        ("<p>&lt;!-- quiz: first -&gt;</p>", "docs/p.md: '<!-- quiz: first ->' is not closed with -->, so the page "
                                             "would show it as text. Fix: end it with -->, like <!-- quiz: ID -->"),
        ("<p>&lt;!-- quiz: first</p>", "docs/p.md: '<!-- quiz: first' is not closed with -->, so the page "
                                       "would show it as text. Fix: end it with -->, like <!-- quiz: ID -->"),
        # A closing em dash is a word processor's doing: say so, not just "not closed".
        ("<p>&lt;!-- quiz: first —&gt;</p>", "docs/p.md: '<!-- quiz: first —>' is typed with look-alike characters "
                                             "('—' (em dash)), so it places nothing. Fix: type it again with plain "
                                             "characters: <!-- quiz: ID --> (a word processor turns -- into a dash)"),
        ("<p>‹!— quiz: first —&gt;</p>", "docs/p.md: '‹!— quiz: first —>' is typed with look-alike characters "
                                         "('—' (em dash), '‹' (single left-pointing angle quotation mark)), so "
                                         "it places nothing. Fix: type it again with plain characters: <!-- "
                                         "quiz: ID --> (a word processor turns -- into a dash)"),
        ("<!-- quіz: first -->", "docs/p.md: '<!-- quіz: first -->' is typed with look-alike characters ('і' (cyrillic "
                                 "small letter byelorussian-ukrainian i)), so it places nothing. Fix: type it again "
                                 "with plain characters: <!-- quiz: ID --> (a word processor turns -- into a dash)"),
        ("<!-- quiz: first\n-->", None),
        ("<p>Write <code>&lt;!-- quiz: ID</code> and close it.</p>", None),
        ("<p>&lt;!-- quiz ideas to write up later, with sources</p>", None),
    ],
)
def test_directive_mistakes(html: str, message: str | None) -> None:
    if message is None:
        placed = find_directives(html, "quiz", {"first", "second"}, "docs/p.md", "")
        assert [d.id for d in placed] == (["first"] if "quiz: first" in html else [])
        return
    with pytest.raises(AuthorError) as caught:
        find_directives(html, "quiz", {"first", "second"}, "docs/p.md", "")
    assert str(caught.value) == message


def test_the_same_quiz_twice_names_the_line() -> None:
    source = "# Page\n\n<!-- quiz: first -->\n\nText.\n\n<!-- quiz: first -->\n"
    with pytest.raises(AuthorError) as caught:
        find_directives(source, "quiz", {"first"}, "docs/p.md", source)
    assert str(caught.value) == (
        "docs/p.md, line 7: the quiz 'first' is placed twice on this page. Fix: keep one of the two lines"
    )


def test_unknown_directive_names_its_line() -> None:
    with pytest.raises(AuthorError) as caught:
        find_directives("<!-- quiz: nope -->", "quiz", set(), "docs/p.md", "a\nb\n<!-- quiz: nope -->\n")
    assert str(caught.value) == (
        "docs/p.md, line 3: there is no quiz with the id 'nope'. Fix: known ids: none yet: add a file to quiz_data/"
    )


FIXED = [
    ("placed once", "# Words\n\n<!-- glossary -->\n", 1),
    ("not placed", "# Words\n\n<!-- a note about the glossary -->\n", 0),
    ("placed twice", "<!-- glossary -->\n\n<!-- glossary -->\n", 2),
    ("capitalised", "# Words\n\n<!-- Glossary -->\n",
     "docs/p.md, line 3: '<!-- Glossary -->' looks like <!-- glossary --> "
     "but is not in its form. Fix: write it exactly as <!-- glossary -->"),
    ("without spaces", "<!--glossary-->\n",
     "docs/p.md, line 1: '<!--glossary-->' looks like <!-- glossary --> "
     "but is not in its form. Fix: write it exactly as <!-- glossary -->"),
    ("with an id", "<!-- glossary: terms -->\n",
     "docs/p.md, line 1: '<!-- glossary: terms -->' looks like <!-- glossary "
     "--> but is not in its form. Fix: write it exactly as <!-- glossary -->"),
    ("inside running text", "See all: <!-- glossary -->\n",
     "docs/p.md, line 1: <!-- glossary --> is inside running text (a paragraph, heading "
     "or table). Fix: put it on a line of its own, with a blank line before and after"),
    ("not closed", "# Words\n\n<!-- glossary ->\n",
     "docs/p.md, line 3: '<!-- glossary ->' is not closed with -->, so the "
     "page would show it as text. Fix: write it exactly as <!-- glossary -->"),
    ("inside another comment", "<!--\n<!-- glossary -->\n-->\n",
     "docs/p.md, line 2: <!-- glossary --> is inside another HTML comment, which it would break "
     "open. Fix: to leave it out, delete the directive line; HTML comments cannot be nested"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIXED], ids=[c[0] for c in FIXED])
def test_fixed_directives(text: str, expected: int | str) -> None:
    if isinstance(expected, int):
        assert count_fixed_directive(text, "<!-- glossary -->", "docs/p.md", text) == expected
        return
    with pytest.raises(AuthorError) as caught:
        count_fixed_directive(text, "<!-- glossary -->", "docs/p.md", text)
    assert str(caught.value) == expected


@pytest.mark.parametrize("written", ["<!-- print all -->", "<!-- Print_All -->", "<!--print-all-->"])
def test_a_dashed_directive_written_with_spaces_or_underscores(written: str) -> None:
    with pytest.raises(AuthorError, match="looks like <!-- print-all --> but is not in its form"):
        count_fixed_directive(f"{written}\n", "<!-- print-all -->", "docs/p.md", "")


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ([("docs/a.md", "# A\n")],
         "quiz_data/x.quiz.yml: the quiz 'x' is not placed on any page. "
         "Fix: add <!-- quiz: x --> to a page, or delete the file"),
        ([("docs/a.md", "# A\n"), ("docs/b.md", "# B\n\nText:\n\n    <!-- quiz: x -->\n")],
         "quiz_data/x.quiz.yml: the quiz 'x' is not placed on any page: docs/b.md, line 5 has <!-- quiz: x -->, "
         "but Markdown shows it as code (indented by 4 spaces, or "
         "inside backticks or a ``` fence), which places nothing. "
         "Fix: start the line with <!--, outside any code, with a blank line before and after"),
    ],
)
def test_not_placed_points_at_a_directive_left_as_code(sources: list[tuple[str, str]], message: str) -> None:
    assert not_placed("quiz", "x", "quiz_data/x.quiz.yml", sources) == message
