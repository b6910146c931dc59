"""Widget HTML held back from a page until search has indexed it, then put in its place (no MkDocs)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LateHtml:
    """Per page, the markers left in its content and the HTML each stands for."""

    held: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def hold(self, page: str, html: str) -> str:
        """Keep html for the page; return the marker to put where it goes."""
        pieces = self.held.setdefault(page, [])
        marker = f"<!-- drawn after search: {len(pieces)} -->"
        pieces.append((marker, html))
        return marker

    def pending(self, page: str) -> str:
        """All the HTML held for a page, to look for what it already carries."""
        return "".join(html for _, html in self.held.get(page, ()))

    def fill(self, page: str, text: str) -> str:
        """The page's text (its content or finished HTML) with each marker replaced by its HTML."""
        for marker, html in self.held.get(page, ()):
            text = text.replace(marker, html, 1)
        return text
