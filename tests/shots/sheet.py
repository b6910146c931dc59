"""The contact sheet: screenshots filed by section and group, thumbnails, one HTML page."""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

# Thumbnails: phone-wide shots at 160 px, wider ones at 320 px; a printed
# sheet (already small at 50 dpi) is shown scaled by the browser instead.
PHONE_THUMB = 160
WIDE_THUMB = 320
PRINT_THUMB = 206


@dataclass
class Shot:
    """One cell of the sheet: a PNG and its thumbnail, or the reason there is none."""

    caption: str
    file: str | None = None
    thumb: str | None = None
    size: tuple[int, int] = (0, 0)
    thumb_size: tuple[int, int] = (0, 0)
    error: str | None = None
    pending: Future[tuple[tuple[int, int], tuple[int, int]]] | None = None


@dataclass
class Group:
    """Shots that belong together: one page, one widget in one setting."""

    title: str
    note: str = ""
    shots: list[Shot] = field(default_factory=list)


@dataclass
class Section:
    """A heading on the sheet."""

    title: str
    intro: str
    groups: list[Group] = field(default_factory=list)

    def group(self, title: str, note: str = "") -> Group:
        """A new group at the end of this section."""
        self.groups.append(Group(title, note))
        return self.groups[-1]


def short_error(error: BaseException) -> str:
    """The first lines of an error: Playwright's call logs run to dozens."""
    lines = [line for line in str(error).splitlines() if line.strip()][:4]
    text = " / ".join(lines) or repr(error)
    return f"{type(error).__name__}: {text[:500]}"


def _thumbnail(full: Path, thumb: Path, width: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Write a scaled copy; return the full and thumbnail sizes."""
    with Image.open(full) as image:
        size = image.size
        height = max(1, round(size[1] * width / size[0]))
        thumb.parent.mkdir(parents=True, exist_ok=True)
        image.convert("RGB").resize((width, height), Image.Resampling.BILINEAR, reducing_gap=2.0).save(
            thumb, optimize=False, compress_level=6,
        )
    return size, (width, height)


class Sheet:
    """Collects shots into out/ and writes out/index.html."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.sections: list[Section] = []
        # Thumbnails are made beside the browser work: Pillow frees the GIL
        # while it decodes, scales and encodes.
        self.pool = ThreadPoolExecutor(max_workers=1)

    def section(self, title: str, intro: str) -> Section:
        self.sections.append(Section(title, intro))
        return self.sections[-1]

    def add(self, group: Group, caption: str, name: str, make: Callable[[], bytes | tuple[bytes, str]]) -> Shot:
        """File make()'s PNG (and any words it adds to the caption) as name, or a placeholder if it fails."""
        try:
            made = make()
        except Exception as error:  # one unreachable state must not end the run
            return self.fail(group, caption, error)
        png, more = made if isinstance(made, tuple) else (made, "")
        caption += more
        path = self.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        return self.add_file(group, caption, path)

    def add_file(self, group: Group, caption: str, path: Path, *, printed: bool = False) -> Shot:
        """File a PNG already written under out/."""
        shot = Shot(caption, file=path.relative_to(self.out).as_posix())
        if printed:
            with Image.open(path) as image:
                shot.size = image.size
            shot.thumb = shot.file
            shot.thumb_size = (PRINT_THUMB, round(shot.size[1] * PRINT_THUMB / shot.size[0]))
        else:
            thumb = self.out / "thumbs" / shot.file
            with Image.open(path) as image:
                width = PHONE_THUMB if image.size[0] <= 500 else WIDE_THUMB
            shot.thumb = thumb.relative_to(self.out).as_posix()
            shot.pending = self.pool.submit(_thumbnail, path, thumb, width)
        group.shots.append(shot)
        return shot

    def fail(self, group: Group, caption: str, error: BaseException | str) -> Shot:
        """A placeholder cell saying why a state could not be shown."""
        text = error if isinstance(error, str) else short_error(error)
        print(f"  could not show {group.title}: {caption}: {text}", flush=True)
        shot = Shot(caption, error=text)
        group.shots.append(shot)
        return shot

    def shots(self) -> list[Shot]:
        return [shot for section in self.sections for group in section.groups for shot in group.shots]

    def write(self, started: float, facts: list[str]) -> Path:
        """Wait for the thumbnails, then write index.html; return its path."""
        for shot in self.shots():
            if shot.pending is None:
                continue
            try:
                shot.size, shot.thumb_size = shot.pending.result()
            except Exception as error:  # a broken PNG shows as a placeholder
                shot.error, shot.file, shot.thumb = f"thumbnail failed: {short_error(error)}", None, None
            shot.pending = None
        self.pool.shutdown()
        page = self.out / "index.html"
        page.write_text(
            _render(self.sections, [*facts, f"made in {time.perf_counter() - started:.0f} s"]), encoding="utf-8",
        )
        return page


CSS = """
:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.4; }
body { margin: 0 auto; padding: 1rem 1.5rem 4rem; max-width: 110rem; color: #1a1a1a; background: #f4f4f4; }
h1 { margin-bottom: 0.2rem; }
h2 { margin-top: 2.5rem; padding-top: 0.5rem; border-top: 3px solid #333; }
h3 { margin: 1.5rem 0 0.3rem; font-size: 1.05rem; }
p.intro, p.note { max-width: 60rem; margin: 0.2rem 0 0.6rem; }
.facts { color: #444; }
nav ul { columns: 2 18rem; padding-left: 1.2rem; }
.row { display: flex; flex-wrap: wrap; gap: 0.9rem; align-items: flex-start; }
figure {
  display: flex; flex-direction: column; margin: 0; padding: 0.4rem;
  background: #fff; border: 1px solid #bbb; border-radius: 4px;
}
figure img { display: block; border: 1px solid #ddd; }
/* The caption wraps at the thumbnail's width (or 10rem), instead of widening the cell. */
figcaption { contain: inline-size; min-width: 10rem; margin-top: 0.3rem; font-size: 0.8rem; }
a:focus-visible { outline: 3px solid #0050c8; outline-offset: 2px; }
figure.missing { width: 14rem; border: 2px dashed #b00020; background: #fff4f4; }
.missing .why { margin: 0; font: 0.75rem/1.3 ui-monospace, monospace; overflow-wrap: anywhere; color: #7a0016; }
.problems { padding: 0.5rem 1rem; border: 2px solid #b00020; background: #fff4f4; }
"""


def _cell(shot: Shot) -> str:
    caption = html.escape(shot.caption)
    if shot.error or not shot.file or not shot.thumb:
        why = html.escape(shot.error or "no image")
        return (f'<figure class="missing"><p class="why"><strong>Not shown.</strong> {why}</p>'
                f"<figcaption>{caption}</figcaption></figure>")
    width, height = shot.thumb_size
    full = f"{shot.size[0]}×{shot.size[1]}"
    return (f'<figure><a href="{html.escape(shot.file)}"><img src="{html.escape(shot.thumb)}" width="{width}" '
            f'height="{height}" loading="lazy" alt="{caption}"></a>'
            f"<figcaption>{caption} <small>({full})</small></figcaption></figure>")


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def _render(sections: list[Section], facts: list[str]) -> str:
    shots = [shot for section in sections for group in section.groups for shot in group.shots]
    missing = [(group, shot) for section in sections for group in section.groups for shot in group.shots
               if shot.error or not shot.file]
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Contact sheet: {len(shots) - len(missing)} screenshots</title><style>{CSS}</style></head><body>",
        "<h1>Contact sheet</h1>",
        f'<p class="facts">{html.escape("; ".join(facts))}. Select a thumbnail for the full-size PNG.</p>',
    ]
    if missing:
        parts.append(f'<div class="problems"><p><strong>{len(missing)} state(s) could not be shown</strong>; '
                     "their cells say why:</p><ul>")
        parts += [f"<li>{html.escape(group.title)}, {html.escape(shot.caption)}: "
                  f"{html.escape(shot.error or 'no image')}</li>"
                  for group, shot in missing]
        parts.append("</ul></div>")
    parts.append('<nav aria-label="Sections"><ul>')
    parts += [f'<li><a href="#{_slug(s.title)}">{html.escape(s.title)}</a></li>' for s in sections]
    parts.append("</ul></nav>")
    for section in sections:
        parts.append(f'<section aria-labelledby="{_slug(section.title)}"><h2 '
                     f'id="{_slug(section.title)}">{html.escape(section.title)}</h2>')
        parts.append(f'<p class="intro">{html.escape(section.intro)}</p>')
        for group in section.groups:
            parts.append(f"<h3>{html.escape(group.title)}</h3>")
            if group.note:
                parts.append(f'<p class="note">{html.escape(group.note)}</p>')
            parts.append('<div class="row">' + "".join(_cell(shot) for shot in group.shots) + "</div>")
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
