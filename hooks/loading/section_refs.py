"""`page.md#anchor` references written in data files, and where they were written."""

from __future__ import annotations

from dataclasses import dataclass

from loading.yaml_source import PathPart, YamlDocument


@dataclass(frozen=True)
class SectionRef:
    """A page section named by a data file, with its place for error messages."""

    page: str
    anchor: str
    place: str


def read_section_ref(doc: YamlDocument, path: tuple[PathPart, ...]) -> SectionRef:
    """The reference at path (already checked by the schema to be page.md#anchor)."""
    node = doc.data
    for part in path:
        node = node[part]
    page, _, anchor = node.partition("#")
    return SectionRef(page, anchor, doc.place(path))

