"""Widget HTML held back from search, then put where its marker is."""

from __future__ import annotations

from widgets.late_html import LateHtml


def test_each_marker_gets_its_own_html_on_its_own_page() -> None:
    late = LateHtml()
    first = late.hold("a.md", "<section>one</section>")
    second = late.hold("a.md", "<section>two</section>")
    other = late.hold("b.md", "<section>three</section>")
    assert first != second and first == other  # markers count per page
    assert late.fill("a.md", f"<p>x</p>{first}<p>y</p>{second}") == (
        "<p>x</p><section>one</section><p>y</p><section>two</section>"
    )
    assert late.fill("b.md", f"<main>{other}</main>") == "<main><section>three</section></main>"
    assert late.pending("a.md") == "<section>one</section><section>two</section>"
    assert late.fill("c.md", "<p>nothing held</p>") == "<p>nothing held</p>"
