"""Paper: page counts on A4 and Letter, no empty sheets, clean text, the handout's QR code, no-JS print."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from support.browser import WORKER_INSTALLED, load_page
from support.sitebuild import BuildResult
from test_every_page import PAGES

ARTICLES = ["how-twitches-happen.html", "everyday-triggers.html", "medical-conditions.html", "when-to-seek-help.html"]
READ_NEXT = ["how-twitches-happen.html", "everyday-triggers.html", "medical-conditions.html"]
PRINTABLE = [name for name in PAGES if name != "404.html"]
INTERFACE = ["Skip to content", "Check answer", "Search", "Start again", "Print this page", "Show answer", "Continue"]
PAPERS = ["A4", "Letter"]
# A sheet with fewer words than this below its running header holds a stray
# heading, or nothing: paper wasted, and a reader left wondering what is missing.
MIN_WORDS = 20


@pytest.fixture(scope="module")
def hosted(hosted_site: tuple[BuildResult, str]) -> str:
    """The site built for a real address (so the handout has its QR code), served there over http."""
    return hosted_site[1]


@pytest.fixture(scope="module")
def printer(browser: Browser) -> Iterator[Page]:
    """One page for the file; no service worker, whose notice would show on whichever page came first."""
    context = browser.new_context(service_workers="block")
    yield context.new_page()
    context.close()


def pdf_text(page: Page, paper: str = "A4") -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


def body_words(sheet: str) -> list[str]:
    """A sheet's words below its running header (site and title, then URL, review date and page number)."""
    lines = sheet.split("\n")
    assert len(lines) > 1 and re.search(r"Page \d+ of \d+", lines[1]), f"running header not where expected: {lines[:3]}"
    return " ".join(lines[2:]).split()


@dataclass
class Printout:
    """One page as printed on each paper size, and what its screen showed."""

    sheets: dict[str, list[str]]
    prose: str  # the page's own text, outside its controls
    read_next: list[str]  # its "Read next" links, as shown on screen


Printed = Callable[[str], Printout]


@pytest.fixture(scope="module")
def printed(printer: Page, hosted: str) -> Printed:
    """printed(page): each page visited and printed once, shared by the tests that read it."""
    seen: dict[str, Printout] = {}

    def get(name: str) -> Printout:
        if name not in seen:
            load_page(printer, hosted + name, hosted)
            read_next = printer.locator("#read-next + ul > li")
            seen[name] = Printout(
                {paper: pdf_text(printer, paper) for paper in PAPERS},
                " ".join(printer.locator("article :is(p, li):not(:has(button, input))").all_inner_texts()),
                read_next.all_inner_texts() if printer.locator("#read-next").is_visible() else [],
            )
        return seen[name]

    return get


@pytest.mark.parametrize("paper", PAPERS)
def test_the_handout_is_exactly_one_page(printed: Printed, hosted: str, paper: str) -> None:
    texts = printed("handout.html").sheets[paper]
    assert len(texts) == 1, f"{len(texts)} pages on {paper}"
    text = " ".join(texts[0].split())  # line breaks fall anywhere
    for fact in ("Call an ambulance", "Contact a doctor today", "weeks or months", "caffeine",
                 "magnesium and potassium", "Last reviewed: 24 November 2026",
                 "What Does It Mean When Your Mouth Twitches?", hosted):
        assert fact in text, fact


@pytest.mark.parametrize("name", ARTICLES)
def test_each_article_fits_two_a4_pages(printed: Printed, name: str) -> None:
    assert len(printed(name).sheets["A4"]) <= 2


@pytest.mark.parametrize("name", ["handout.html", "how-twitches-happen.html", "about.html"])
def test_the_offline_notice_changes_nothing_on_paper(
    browser: Browser, printed: Printed, hosted: str, name: str
) -> None:
    # A reader's first visit, on a phone: the worker installs, and the notice
    # shows and pads the page so nothing on screen hides beneath it.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    load_page(page, hosted + name, hosted)
    expect(page.locator(".offline-note")).to_contain_text("Available offline", timeout=WORKER_INSTALLED)
    assert page.evaluate("document.body.style.paddingBottom") != "", "the notice keeps room for itself on screen"
    if name == "about.html":
        expect(page.locator(".offline-keep")).to_be_visible()
    with_notice = {paper: pdf_text(page, paper) for paper in PAPERS}
    context.close()
    for paper, sheets in with_notice.items():
        words = [len(body_words(sheet)) for sheet in sheets]
        without = len(printed(name).sheets[paper])
        assert len(sheets) <= without, f"{paper}: {len(sheets)} sheets with the notice, {without} without"
        assert min(words) >= MIN_WORDS, f"{paper}: a blank sheet, words per sheet {words}"
    if name == "handout.html":
        assert [len(with_notice[paper]) for paper in PAPERS] == [1, 1]
    elif name == "about.html":
        # The keep control, shown once the worker runs, is about this device, not the paper.
        assert "This whole site is on this device" not in " ".join(" ".join(with_notice["A4"]).split())
    else:
        assert len(with_notice["A4"]) <= 2


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", PRINTABLE)
def test_no_printed_sheet_is_blank_or_only_a_heading(printed: Printed, name: str, paper: str) -> None:
    words = [len(body_words(sheet)) for sheet in printed(name).sheets[paper]]
    assert min(words) >= MIN_WORDS, f"words per sheet: {words}"


@pytest.mark.parametrize("name", READ_NEXT)
def test_read_next_stays_on_screen(printed: Printed, name: str) -> None:
    # Its links are for the screen; printed, it could end up alone on a sheet.
    page = printed(name)
    text = " ".join(" ".join(sheet.split()) for sheets in page.sheets.values() for sheet in sheets)
    assert page.read_next, "the Read next links show on screen"
    assert "Read next" not in text
    for link in page.read_next:
        assert " ".join(link.split()) not in text, link


@pytest.mark.parametrize("name", PRINTABLE)
def test_printed_pages_carry_content_not_interface(printed: Printed, name: str) -> None:
    texts = printed(name).sheets["A4"]
    text = "\n".join(texts)
    # A control's label may print only where the page's own text names it
    # (the About page tells readers about the Print this page button).
    for word in INTERFACE:
        assert text.count(word) <= printed(name).prose.count(word), word
    # Every sheet says where it comes from and how current it is.
    for sheet in texts:
        assert "Mouth twitches explained" in sheet and "Last reviewed 24 November 2026" in sheet
    assert "Next review due: 24 November 2027" in text


def test_the_handout_qr_code_decodes_to_the_site(browser: Browser, hosted: str) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 1000})
    page.goto(hosted + "handout.html")
    shot = page.locator(".site-qr svg").screenshot()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert [r.text for r in results] == [hosted]
    assert page.locator(".site-qr svg").get_attribute("aria-label") == f"QR code for {hosted}"
    page.close()


def test_without_site_url_the_qr_code_is_left_out(real_site: BuildResult) -> None:
    handout = BeautifulSoup(real_site.html("handout.html"), "html.parser")
    assert handout.select(".site-qr") == [] and "<!-- site-qr -->" not in str(handout)
    assert "Scan for the full guide" not in handout.get_text()


def test_print_without_javascript_shows_answers_and_open_details(browser: Browser, hosted: str) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(hosted + "quiz.html")
    assert "Answer key: Mouth twitches quiz" in "\n".join(pdf_text(page))
    page.goto(hosted + "should-i-see-a-doctor.html")
    closed = page.locator("details:not([open])")
    expect(closed.first).to_be_attached()
    # The closed text version's last line, which nothing else on the page repeats.
    last = " ".join(closed.first.locator("li").last.text_content().split())
    text = " ".join(" ".join(pdf_text(page)).split())
    assert last and last in text, "the closed text-version details print open"
    page.context.close()


def test_external_links_print_their_address_and_site_links_do_not(printed: Printed, hosted: str) -> None:
    text = "\n".join(printed("when-to-seek-help.html").sheets["A4"]).replace("\n", "")
    assert "(https://www.nhs.uk/conditions/stroke/symptoms/)" in text
    assert f"({hosted}" not in text, "links within the site print no address"


def test_the_print_button_prints_only_with_javascript(browser: Browser, hosted: str) -> None:
    page = browser.new_page()
    page.goto(hosted + "about.html")
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed") is True
    page.close()
    quiet = browser.new_context(java_script_enabled=False).new_page()
    quiet.goto(hosted + "about.html")
    expect(quiet.get_by_role("button", name="Print this page")).to_be_hidden()
    quiet.context.close()


@pytest.mark.parametrize("paper", PAPERS)
def test_the_whole_guide_prints_each_part_on_a_new_sheet(printed: Printed, paper: str) -> None:
    texts = printed("print-all.html").sheets[paper]
    titles = ["How twitches happen", "Everyday triggers", "Medical conditions", "When to seek help"]
    # Below each sheet's running header (two lines), the part's title comes
    # first; on sheet one, after the guide's own title line and the emergency
    # card a GP wants on top, so no sheet holds only a title and the screen's
    # instructions.
    lines = [text.split("\n")[2:4] for text in texts]
    assert lines[0] == ["The whole guide", "EMERGENCY"], lines[0]
    first = texts[0].split("\n")
    assert "Call 999 (UK)" in texts[0] and titles[0] in first, first[:12]
    lines[0] = ["The whole guide", titles[0]]
    openings = [titles[0]] + [line[0] for line in lines[1:]]
    starts = [next(i for i, opening in enumerate(openings) if opening.startswith(title)) for title in titles]
    assert starts[0] == 0 and starts == sorted(starts) and len(set(starts)) == 4, openings
    text = "\n".join(texts)
    assert "Check your understanding" not in text, "the quizzes stay on screen"
    assert "Print it to get a booklet" not in text and "Read next" not in text, "screen-only text stays on screen"
