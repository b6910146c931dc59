"""Author Markdown: the fast path for plain text gives what the converter gives; folded lists are caught."""

from __future__ import annotations

import pytest

from loading.author_errors import AuthorError
from loading.yaml_source import flattened_markdown, load_yaml
from support.topics import QUIZ
from widgets.quiz_model import parse_quiz
from widgets.safe_markdown import LEADING_BLOCK, PLAIN, MarkdownRenderer, _escape_block_mark

SAMPLES = [
    "Plain words, with commas and a full stop.",
    "Question 3 of 10?",
    "Bell’s palsy “quoted” – dash",
    "1. Looks like a list",
    "- a dash list",
    "# a heading",
    "Tom & Jerry",
    "**bold** and _em_",
    "a <b>tag</b>",
    "[link](page.md#x)",
    "two\nlines",
    "Yes",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("inline", [True, False])
def test_fast_path_matches_the_converter(text: str, inline: bool) -> None:
    fast = MarkdownRenderer()(text, inline=inline)
    md, _ = MarkdownRenderer._converter()
    source = LEADING_BLOCK.sub(_escape_block_mark, text.strip(), count=1) if inline else text.strip()
    full_html = md.reset().convert(source)
    if inline and full_html.startswith("<p>") and full_html.endswith("</p>") and full_html.count("<p>") == 1:
        full_html = full_html[3:-4]
    assert str(fast) == full_html


@pytest.mark.parametrize(
    ("text", "plain"),
    [("Plain text.", True), ("Yes / I’m not sure", True), ("1. list", False), ("* bullet", False),
     ("a *b*", False), ("a & b", False), ("x\ny", False), ("a_b", False), ("See [x](y)", False)],
)
def test_plain_detection(text: str, plain: bool) -> None:
    assert bool(PLAIN.match(text)) is plain


# --- Block Markdown that YAML folded into one line (yaml_source) --------------

FLATTENED = [
    "These help: - **Stress:** rest. - **Sleep:** sleep.",
    "- **Stress:** find ways to rest and relax. - **Sleep:** get enough sleep.",
    "- Stress: rest. - Sleep: sleep.",
    "Try: * one. * two.",
    "Eat well - **really** well - **and** drink.",
    "1. Rest. 2. Sleep.",
    "Steps: 1) Rest 2) Sleep",
    "Read this. ## Warning signs",
    "Intro text ### Heading",
    "Look. # Heading",
]
PROSE = [
    "Rest - and sleep - help.",
    "A 5-10 minute walk - or a 20 - 30 minute one.",
    "Bell’s palsy – a dash – and more",
    "- a dash list",
    "# a heading",
    "Smile. - said nobody",
    "Rest. - **Really** rest.",
    "Call 999. 2 people can help.",
    "Take 1 tablet. Then 2 more.",
    "It is item 2. It is 1. Fine",
    "Press # to continue.",
    "C# and C++ are languages.",
    "Use `- a. - b` literally.",
    "- one\n- two\n",
    "1. a\n2. b\n",
    "## Heading\n\ntext\n",
    "Yes / I’m not sure",
]


@pytest.mark.parametrize("text", FLATTENED)
def test_flattened_block_markdown_is_found(text: str) -> None:
    assert flattened_markdown(text)


@pytest.mark.parametrize("text", PROSE)
def test_prose_with_dashes_and_numbers_is_left_alone(text: str) -> None:
    assert flattened_markdown(text) is None


FOLDED_ADVICE = """\
advice: >-
  These often help:

  - **Stress:** find ways to rest and relax.
  - **Sleep:** get enough sleep.
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (FOLDED_ADVICE,
         "f.yml, line 1 (advice): the list items here run together "
         "on one line, because a folded block (>-) joins its lines. "
         "Fix: use | instead of >- so the lines stay apart"),
        ("nodes:\n  a:\n    help: >\n      Steps:\n      1. Rest.\n      2. Sleep.\n",
         "f.yml, line 3 (nodes.a.help): the numbered list items here run "
         "together on one line, because a folded block (>-) joins its lines. "
         "Fix: use | instead of >- so the lines stay apart"),
        ('intro: "Read this first.\n  ## Warning signs\n  are below."\n',
         "f.yml, line 1 (intro): a heading here runs on in one line with other text, "
         "because text written over several lines without | is joined into one. "
         "Fix: start the text with | on the key's line and indent it below, so the lines stay apart"),
        ("a:\n  - text: '- **One:** a. - **Two:** b.'\n",
         "f.yml, line 2 (a[0].text): the list items here run together on one line, "
         "and Markdown only sees a list item or heading at the start of a line. "
         "Fix: put each item or heading on a line of its own, in a block that starts with | on the key's line"),
    ],
    ids=["folded list", "folded numbered list", "plain text over lines", "one quoted line"],
)
def test_folded_block_markdown_stops_with_a_fix(text: str, message: str) -> None:
    with pytest.raises(AuthorError) as caught:
        load_yaml(text, "f.yml")
    assert str(caught.value) == message


def test_the_same_list_kept_apart_with_a_literal_block_is_fine() -> None:
    data = load_yaml(FOLDED_ADVICE.replace(">-", "|"), "f.yml").data
    assert "<li><strong>Sleep:</strong> get enough sleep.</li>" in MarkdownRenderer()(data["advice"])


def test_a_quiz_explanation_is_checked_too() -> None:
    # Quizzes and flowcharts share the loader.
    quiz = QUIZ.replace("    explanation: See [the list](facts.md#sizes).\n",
                        "    explanation: >-\n      Sizes:\n\n      - **Jupiter:** big.\n      - **Mars:** small.\n")
    with pytest.raises(AuthorError) as caught:
        parse_quiz(quiz, "quiz_data/planets.quiz.yml")
    assert str(caught.value) == (
        "quiz_data/planets.quiz.yml, line 16 (questions[0].explanation): the list items here run together on one line, "
        "because a folded block (>-) joins its lines. Fix: use | instead of >- so the lines stay apart"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [("#1 trigger: stress", "#1 trigger: stress"), ("3. What does it mean?", "3. What does it mean?"),
     ("2) Two", "2) Two"),
     ("- not a bullet", "- not a bullet"), ("+ plus", "+ plus"), ("> not a quote", "&gt; not a quote"),
     ("**Bold** lead", "<strong>Bold</strong> lead"), ("1999 was a year", "1999 was a year")],
)
def test_one_line_fields_never_become_headings_or_lists(text: str, shown: str) -> None:
    # A question's legend or an option is one line: its first mark is text, as typed.
    assert str(MarkdownRenderer()(text, inline=True)) == shown


def test_block_fields_keep_their_lists() -> None:
    assert str(MarkdownRenderer()("3. a\n4. b")).startswith('<ol start="3">')


def test_renderers_of_two_pages_keep_their_own_links() -> None:
    first = MarkdownRenderer(lambda href: "one/" + href)
    second = MarkdownRenderer(lambda href: "two/" + href)
    assert 'href="two/a.html"' in second("See [a](a.html)")
    assert 'href="one/a.html"' in first("See [a](a.html)")  # the shared converter follows the renderer in use
