"""Every page: phone and desktop, light and dark, capped and first screen; and without JavaScript."""

from __future__ import annotations

from pathlib import Path

import yaml
from playwright.sync_api import Browser, Page

import capture
from sheet import Sheet

VIEWPORTS = [(360, 740), (1280, 800)]
SCHEMES = ["light", "dark"]


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml for its nav, ignoring tags such as !ENV."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)


def page_names(config: Path, site: Path) -> list[str]:
    """The built pages in nav order, then any page the nav leaves out (404.html)."""
    def flatten(items: object) -> list[str]:
        found: list[str] = []
        for item in items if isinstance(items, list) else []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                found += flatten(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(value[:-3] + ".html")
        return found

    nav = flatten(yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTag).get("nav"))
    built = sorted(path.relative_to(site).as_posix() for path in site.glob("*.html"))
    return [name for name in nav if name in built] + [name for name in built if name not in nav]


def stem(name: str) -> str:
    return name.removesuffix(".html").replace("/", "-")


def first_visit(page: Page, url: str, sheet: Sheet) -> None:
    """The home page on a reader's first visit, when the offline notice appears."""
    group = sheet.section("First visit", "The home page as a new reader first sees it: the service worker "
                          "installs and the offline notice appears (phone, light).").group("index.html")

    def make() -> bytes:
        page.goto(url + "index.html")
        page.locator(".offline-note").filter(has_text="Available offline").wait_for(timeout=15_000)
        return capture.screen(page)

    sheet.add(group, "First screen with the offline notice", "first-visit/index-360-light.png", make)
    # Later shots are of a returning reader: no notice.
    page.evaluate("document.querySelector('.offline-note')?.remove()")


def every_page(page: Page, url: str, names: list[str], sheet: Sheet) -> None:
    """Each page at each size and scheme: down to three screens (first screen marked), and the first screen alone."""
    section = sheet.section(
        "Every page",
        f"Each page on a phone (360×740) and a desktop (1280×800), light and dark. 'Page' shots stop after "
        f"{capture.SCREENS} screens; the dashed line marks where the first screen ends.",
    )
    for name in names:
        group = section.group(name)
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                label = f"{width}×{height} {scheme}"
                try:
                    page.goto(url + name)
                    tall = capture.page_height(page)
                except Exception as error:  # a page that will not load is a cell, not a crash
                    sheet.fail(group, f"{label}: page", error)
                    continue
                shown = min(tall, capture.SCREENS * height)
                more = f", {tall} px tall, first {shown} shown" if tall > shown else f", {tall} px tall"
                base = f"pages/{stem(name)}-{width}-{scheme}"
                sheet.add(group, f"{label}: page{more}", f"{base}-page.png", lambda: capture.capped_page(page))
                sheet.add(group, f"{label}: first screen", f"{base}-first.png", lambda: capture.screen(page))
        print(f"  {name}", flush=True)
    page.emulate_media(color_scheme="light")


def without_javascript(browser: Browser, url: str, names: list[str], sheet: Sheet) -> None:
    """Each page as it reads with JavaScript off, on a phone."""
    group = sheet.section("JavaScript off", "Each page with JavaScript turned off, on a phone (360×740, light), "
                          f"down to {capture.SCREENS} screens.").group("All pages")
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, color_scheme="light",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        for name in names:
            def make(name: str = name) -> bytes:
                page.goto(url + name)
                return capture.capped_page(page)

            sheet.add(group, name, f"no-js/{stem(name)}-360-light.png", make)
    finally:
        context.close()
