"""The site QR code figure: present with an address, absent without, always escaped."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from printing.site_qr import qr_figure
from support.words import ENGLISH


@pytest.mark.parametrize("url", ["", None])
def test_no_address_no_figure(url: str | None) -> None:
    assert qr_figure(url, ENGLISH) == ""


def test_figure_scales_and_speaks() -> None:
    figure = BeautifulSoup(qr_figure("https://user.github.io/repo/", ENGLISH), "html.parser").figure
    svg = figure.svg
    assert str(svg["viewbox"]).startswith("0 0 ") and "width" not in svg.attrs  # CSS sizes it whole
    assert svg["role"] == "img" and svg["aria-label"] == "QR code for https://user.github.io/repo/"
    assert figure.figcaption.a["href"] == "https://user.github.io/repo/"


def test_an_odd_address_stays_text() -> None:
    html = qr_figure('https://x.org/"><script>alert(1)</script>', ENGLISH)
    assert "<script>" not in html
