"""Printed sheets: Chromium's print to PDF on A4 and Letter, each sheet as a PNG (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Browser

from sheet import Sheet

DOCS = [
    ("handout.html", "One-page handout"),
    ("how-twitches-happen.html", "An article"),
    ("quiz.html", "The quiz"),
    ("print-all.html", "The whole guide"),
]
PAPERS = ["A4", "Letter"]
DPI = "50"
MISSING = "pdftoppm is missing, so printed sheets are not shown: apt-get install poppler-utils"


def sheets(pdftoppm: str, pdf: Path, prefix: Path) -> list[Path]:
    """Each sheet of a PDF as a PNG, in order (pdftoppm pads the numbers to the page count)."""
    subprocess.run([pdftoppm, "-png", "-r", DPI, str(pdf), str(prefix)], check=True, capture_output=True, timeout=120)
    found = prefix.parent.glob(f"{prefix.name}-*.png")
    return sorted(found, key=lambda path: int(path.stem.rsplit("-", 1)[1]))


def shoot(browser: Browser, url: str, sheet: Sheet) -> None:
    """Each document on a first visit to the hosted build, once the site is available offline."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print(f"  {MISSING}", flush=True)
    section = sheet.section(
        "Printed sheets",
        f"Print to PDF from Chromium on the hosted build (with its address and QR code), on a reader's first "
        f"visit after the offline notice, each sheet at {DPI} dpi. The PDFs are beside the PNGs in print/.",
    )
    folder = sheet.out / "print"
    folder.mkdir(parents=True, exist_ok=True)
    for name, title in DOCS:
        group = section.group(f"{title}: {name}")
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_default_timeout(15_000)
        try:
            page = context.new_page()
            page.goto(url + name)
            try:
                page.locator(".offline-note").filter(has_text="Available offline").wait_for()
            except Exception:  # print anyway, and say so
                group.note = "The offline notice did not appear within 15 s; printed anyway."
            for paper in PAPERS:
                stem = f"{name.removesuffix('.html')}-{paper.lower()}"
                try:
                    pdf = folder / f"{stem}.pdf"
                    pdf.write_bytes(page.pdf(format=paper))
                    if pdftoppm is None:
                        sheet.fail(group, paper, MISSING)
                        continue
                    pngs = sheets(pdftoppm, pdf, folder / stem)
                except Exception as error:  # one paper size failing leaves the other
                    sheet.fail(group, paper, error)
                    continue
                for number, png in enumerate(pngs, start=1):
                    sheet.add_file(group, f"{paper}: sheet {number} of {len(pngs)}", png, printed=True)
        except Exception as error:  # a page that will not load is a cell, not a crash
            sheet.fail(group, "the page", error)
        finally:
            context.close()
        print(f"  {name}", flush=True)
