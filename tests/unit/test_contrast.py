"""The contrast ratio the diagram test relies on, against known WCAG values."""

from __future__ import annotations

import pytest

from support.contrast import contrast


@pytest.mark.parametrize(("front", "back", "ratio"), [
    ("rgb(0, 0, 0)", "rgb(255, 255, 255)", 21.0),
    ("rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)", 3.98),
    ("rgb(117, 117, 117)", "rgb(255, 255, 255)", 4.6),
    ("rgb(255, 255, 255)", "rgb(117, 117, 117)", 4.6),
])
def test_contrast_matches_wcag(front: str, back: str, ratio: float) -> None:
    assert contrast(front, back) == pytest.approx(ratio, abs=0.1)
