"""Author Markdown: the fast path for plain text gives what the converter gives."""

from __future__ import annotations

import pytest

from safe_markdown import PLAIN, MarkdownRenderer

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
    full = MarkdownRenderer()
    full_html = full.md.reset().convert(text.strip())
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
