"""Author Markdown to HTML with raw HTML, unsafe links and images turned off."""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

# Links may go to the web, to mail, or within the site; nothing that runs code.
SAFE_URL = re.compile(r"^(https?:|mailto:|#|[^:]*$)", re.I)

LinkResolver = Callable[[str], str]

# One-line fields (a prompt, a label, a question) are never blocks: "#1 trigger"
# is not a heading, "3. What does…" not a list, "- x" not a bullet. The mark
# is escaped so the words show as the author typed them.
LEADING_BLOCK = re.compile(r"^(?:(?P<mark>#{1,6}|>|[-+*](?=\s))|\d{1,9}(?P<dot>[.)])(?=\s|$))")

# One line with none of Markdown's marks (nor & or a list start) converts to
# itself, escaped: most option and label text. Skips the converter.
PLAIN = re.compile(r"^(?!\s*(\d+[.)]|[-+*>]|#)\s)[^\\`*_\[\]<>&!#|~\n]*$")


class _LinkGuard(Treeprocessor):
    """Drop images and unsafe links; let the caller rewrite site links."""

    def __init__(self, md: markdown.Markdown, resolve: LinkResolver) -> None:
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    # An image could load from outside the site: keep its words only.
                    span = etree.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.insert(list(parent).index(child), span)
                    parent.remove(child)
        for link in root.iter("a"):
            href = link.get("href", "")
            if not SAFE_URL.match(href.strip()):
                del link.attrib["href"]
            else:
                link.set("href", self.resolve(href))


class MarkdownRenderer:
    """A Markdown converter for snippets of author text, links resolved for one page."""

    def __init__(self, resolve: LinkResolver = lambda href: href) -> None:
        self.resolve = resolve

    @staticmethod
    @functools.cache
    def _converter() -> tuple[markdown.Markdown, _LinkGuard]:
        # One converter for the whole build: setting one up costs more than
        # converting a quiz's texts, and a library has a quiz on every page.
        md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Raw HTML in author text is shown as text, never passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        guard = _LinkGuard(md, lambda href: href)
        md.treeprocessors.register(guard, "link_guard", 1)
        return md, guard

    def __call__(self, text: str, *, inline: bool = False) -> Markup:
        """Markdown to HTML; `inline` drops the wrapping paragraph for one-line text."""
        text = text.strip()
        if inline:
            text = LEADING_BLOCK.sub(_escape_block_mark, text, count=1)
        if PLAIN.match(text):
            escaped = html.escape(text, quote=False)
            return Markup(escaped if inline else f"<p>{escaped}</p>")
        md, guard = self._converter()
        guard.resolve = self.resolve  # this renderer's page, whichever renderer ran last
        html_out = md.reset().convert(text)
        if inline and html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
            html_out = html_out[3:-4]
        return Markup(html_out)


def _escape_block_mark(match: re.Match[str]) -> str:
    if match["mark"]:
        return "\\" + match["mark"]
    return match.group(0)[:-1] + "\\" + match["dot"]
