"""Rows of figures, printed as one plain-text table per section."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One figure: what was measured, its value, and what it is held against."""

    label: str
    value: str
    note: str = ""


def render(sections: dict[str, list[Row]]) -> str:
    """Sections in order, each a heading and aligned columns."""
    rows = [row for section in sections.values() for row in section]
    width = max((len(row.label) for row in rows), default=0)
    value_width = max((len(row.value) for row in rows), default=0)
    out = []
    for title, section in sections.items():
        out.append(f"== {title}")
        out.extend(f"{row.label:<{width}}  {row.value:>{value_width}}  {row.note}".rstrip() for row in section)
        out.append("")
    return "\n".join(out)
