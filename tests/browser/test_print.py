"""Paper: page counts on A4 and Letter, clean text, the handout's QR code, no-JS print."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from support.browser import serve
from support.sitebuild import ROOT, BuildResult, build_site
from test_every_page import PAGES

ARTICLES = ["how-twitches-happen.html", "everyday-triggers.html", "medical-conditions.html", "when-to-seek-help.html"]
INTERFACE = ["Skip to content", "Check answer", "Search", "Start again", "Print this page", "Show answer", "Continue"]
PREFIX = "/printed-site/"


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for a real address (so the handout has its QR code), served there."""
    site_dir = tmp_path_factory.mktemp("print") / "site"
    with serve(site_dir, PREFIX) as url:
        result = build_site(ROOT / "mkdocs.yml", site_dir, site_url=url)
        assert not result.aborted, result.errors
        yield url


@pytest.fixture(scope="module")
def printer(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def pdf_text(page: Page, paper: str = "A4") -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format=paper))).pages]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_handout_is_exactly_one_page(printer: Page, hosted: str, paper: str) -> None:
    printer.goto(hosted + "handout.html", wait_until="networkidle")
    texts = pdf_text(printer, paper)
    assert len(texts) == 1, f"{len(texts)} pages on {paper}"
    text = " ".join(texts[0].split())  # line breaks fall anywhere
    for fact in ("Call an ambulance", "Contact a doctor today", "weeks or months", "caffeine", "magnesium and potassium",
                 "Last reviewed: 24 November 2026", "What Does It Mean When Your Mouth Twitches?", hosted):
        assert fact in text, fact


@pytest.mark.parametrize("name", ARTICLES)
def test_each_article_fits_two_a4_pages(printer: Page, hosted: str, name: str) -> None:
    printer.goto(hosted + name, wait_until="networkidle")
    assert len(pdf_text(printer)) <= 2


@pytest.mark.parametrize("name", [name for name in PAGES if name != "404.html"])
def test_printed_pages_carry_content_not_interface(printer: Page, hosted: str, name: str) -> None:
    printer.goto(hosted + name, wait_until="networkidle")
    texts = pdf_text(printer)
    text = "\n".join(texts)
    for word in INTERFACE:
        assert word not in text, word
    # Every sheet says where it comes from and how current it is.
    for sheet in texts:
        assert "Mouth twitches explained" in sheet and "Last reviewed 24 November 2026" in sheet
    assert "Next review due: 24 November 2027" in text


def test_the_handout_qr_code_decodes_to_the_site(printer: Page, hosted: str) -> None:
    printer.set_viewport_size({"width": 800, "height": 1000})
    printer.goto(hosted + "handout.html")
    shot = printer.locator(".site-qr svg").screenshot()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert [r.text for r in results] == [hosted]
    assert printer.locator(".site-qr svg").get_attribute("aria-label") == f"QR code for {hosted}"


def test_without_site_url_the_qr_code_is_left_out(real_site: BuildResult) -> None:
    handout = BeautifulSoup(real_site.html("handout.html"), "html.parser")
    assert handout.select(".site-qr") == [] and "<!-- site-qr -->" not in str(handout)
    assert "Scan for the full guide" not in handout.get_text()


def test_print_without_javascript_shows_answers_and_open_details(browser: Browser, hosted: str) -> None:
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(hosted + "quiz.html")
    assert "Answer key: Mouth twitches quiz" in "\n".join(pdf_text(page))
    page.goto(hosted + "should-i-see-a-doctor.html")
    text = "\n".join(pdf_text(page))
    assert "If you answer Yes or I’m not sure" in text, "the closed text-version details print open"
    page.context.close()


def test_external_links_print_their_address_and_site_links_do_not(printer: Page, hosted: str) -> None:
    printer.goto(hosted + "when-to-seek-help.html")
    text = "\n".join(pdf_text(printer)).replace("\n", "")
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


def test_the_whole_guide_prints_each_part_on_a_new_sheet(printer: Page, hosted: str) -> None:
    printer.goto(hosted + "print-all.html", wait_until="networkidle")
    texts = pdf_text(printer)
    titles = ["How twitches happen", "Everyday triggers", "Medical conditions", "When to seek help"]
    # Below each sheet's running header (two lines), the part's title comes first.
    openings = [" ".join(text.split("\n")[2:3]) for text in texts]
    starts = [next(i for i, opening in enumerate(openings) if opening.startswith(title)) for title in titles]
    assert starts == sorted(starts) and len(set(starts)) == 4, openings
    text = "\n".join(texts)
    assert "Check your understanding" not in text, "the quizzes stay on screen"
