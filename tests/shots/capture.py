"""Taking one PNG in Chromium: a screen, a page capped in height, or one region."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# How many screens of a long page the sheet keeps: what a reader meets first.
SCREENS = 3

# Shots wait for running transitions and fonts, as a reader's eye would.
SETTLE = """() => Promise.all([document.fonts.ready, ...document.getAnimations()
    .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => null))])"""

# A dashed line where the first screen ends, labelled with its height. It is
# absolutely placed on the page, so it moves nothing.
FOLD = """(y) => {
  const line = document.createElement("div");
  line.dataset.shotsFold = "";
  line.setAttribute("aria-hidden", "true");
  line.style.cssText = `position:absolute;left:0;right:0;top:${y}px;height:0;border-top:3px dashed #e0003c;`
    + "z-index:2147483647;pointer-events:none;text-align:right;font:bold 12px/1 sans-serif";
  const label = document.createElement("span");
  label.textContent = `first screen ends: ${y} px`;
  label.style.cssText = "position:relative;top:-3px;padding:2px 6px;color:#fff;background:#e0003c";
  line.append(label);
  document.body.append(line);
}"""
UNFOLD = "() => document.querySelectorAll('[data-shots-fold]').forEach((el) => el.remove())"

# Where an element sits on the page (not the screen), with some room around it.
REGION = """(el, pad) => {
  const box = el.getBoundingClientRect();
  const x = Math.max(0, box.left + scrollX - pad), y = Math.max(0, box.top + scrollY - pad);
  return { x, y, width: Math.min(document.documentElement.scrollWidth - x, box.width + 2 * pad),
           height: box.height + 2 * pad };
}"""


def settle(page: Page) -> None:
    """Wait for fonts and transitions to finish."""
    page.evaluate(SETTLE)


def page_height(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def screen(page: Page) -> bytes:
    """The first screen exactly as the viewport shows it."""
    settle(page)
    return page.screenshot()


def capped_page(page: Page, *, fold: bool = True) -> bytes:
    """The whole page down to SCREENS screens, with the first screen's end marked."""
    settle(page)
    viewport = page.viewport_size or {"width": 360, "height": 740}
    height = min(page_height(page), SCREENS * viewport["height"])
    if fold and height > viewport["height"]:
        page.evaluate(FOLD, viewport["height"])
    try:
        return page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
    finally:
        if fold:
            page.evaluate(UNFOLD)


def region(page: Page, target: Locator, *, pad: int = 12, top: bool = True) -> bytes:
    """One element and a margin around it, capped at SCREENS screens."""
    # Scrolled to the top first: a sticky header drawn at the reader's scroll
    # position would otherwise sit across a full-page shot.
    target.first.wait_for(state="visible")
    if top:
        page.evaluate("window.scrollTo({ top: 0, behavior: 'instant' })")
    settle(page)
    box = target.first.evaluate(REGION, pad)
    viewport = page.viewport_size or {"width": 360, "height": 740}
    box["height"] = min(box["height"], SCREENS * viewport["height"])
    return page.screenshot(full_page=True, clip=box)
