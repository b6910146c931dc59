"""Find what a built page would fetch from another site: the site must work with no network."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from loading.word_scan import ascii_lower

# Elements and the attributes through which a browser fetches something on its own.
# Links (<a>, <area>) and forms only go somewhere when the reader chooses to.
LOADING_ATTRIBUTES = {
    "audio": ("src",),
    "embed": ("src",),
    "feimage": ("href", "xlink:href"),
    "frame": ("src",),
    "iframe": ("src",),
    "image": ("href", "xlink:href"),
    "img": ("src", "srcset"),
    "input": ("src",),
    "link": ("href", "imagesrcset"),
    "object": ("data",),
    "script": ("src",),
    "source": ("src", "srcset"),
    "track": ("src",),
    "use": ("href", "xlink:href"),
    "video": ("src", "poster"),
}
# <link rel=canonical>, alternate, author... name a page; these make the browser connect.
LOADING_RELS = {
    "apple-touch-icon", "dns-prefetch", "icon", "manifest", "mask-icon", "modulepreload",
    "preconnect", "prefetch", "preload", "prerender", "shortcut", "stylesheet",
}

# The lookahead lets the engine skip "</" and "<!" at once: a library page's menu has thousands.
CANDIDATE_TAG = re.compile(r"<(?=[a-zA-Z])(" + "|".join(LOADING_ATTRIBUTES) + r")\b[^>]*>", re.IGNORECASE)
CANDIDATE_BYTES = re.compile(rb"<(?=[a-z])(" + "|".join(LOADING_ATTRIBUTES).encode() + rb")\b[^>]*>")
STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)["']?\s*((?:https?:)?//[^"')\s;]+)""", re.IGNORECASE)
# Material fetches Mermaid from unpkg.com when a page holds a diagram, and
# repository facts (stars, forks) from the forge's API for the header link.
MERMAID = re.compile(r"""<(?:pre|div)\b[^>]*\bclass\s*=\s*["'][^"']*\bmermaid\b""", re.IGNORECASE)
REPO_LINK = re.compile(r"""<a\b[^>]*\bdata-md-component\s*=\s*["']source["'][^>]*>""", re.IGNORECASE)
REPO_WORD = re.compile(rb"""data-md-component\s*=\s*["']?source""")
HREF = re.compile(r"""\bhref\s*=\s*["']([^"']+)""", re.IGNORECASE)
MERMAID_SOURCE = "https://unpkg.com/mermaid"


@dataclass(frozen=True)
class ExternalLoad:
    """One thing the page would fetch from elsewhere: the address, what fetches it, how to avoid it."""

    url: str
    problem: str  # a sentence that names the address
    fix: str
    needle: str = ""  # what to look for in the Markdown source, if not the address

    @property
    def clue(self) -> str:
        """The text that shows where the page's source asks for this."""
        return self.needle or self.url


FIX_FILE = "save the file under docs/ (e.g. docs/assets/) and point to it there"
FIX_FRAME = "link to it instead, with a normal [link](address), so readers choose to go there"
FIX_STYLE = "save the file under docs/ and list it in extra_css, or use the system fonts (theme: font: false)"


def is_external(url: str, own_site: str = "") -> bool:
    """An http(s) or protocol-relative address outside this site."""
    url = url.strip()
    if own_site and url.startswith(own_site):
        return False
    return url.startswith("//") or re.match(r"https?:", url, re.IGNORECASE) is not None


def external_loads(html: str, own_site: str = "") -> list[ExternalLoad]:
    """Everything in a finished page that a browser would fetch from another site, in page order."""
    found: list[tuple[int, ExternalLoad]] = []
    lower = ascii_lower(html)
    ascii_only = len(lower) == len(html)
    # Tags are found in the lower-cased bytes, which a case-blind pattern over the
    # text took twice as long to scan; only a tag that may hold an external address
    # is then read from the text itself, by the case-blind pattern, as before.
    for candidate in CANDIDATE_BYTES.finditer(lower):
        tag = candidate.group(0)
        if b"//" not in tag and b"&" not in tag and b"http" not in tag:
            # No value in it can be external (entities need '&'): the parser, which cost
            # most of this check on a page with a library-sized menu, is skipped.
            continue
        start = candidate.start() if ascii_only else len(lower[: candidate.start()].decode("utf-8", "surrogatepass"))
        written = CANDIDATE_TAG.match(html, start)
        for url, load in _tag_loads(written.group(0)) if written else ():
            if is_external(url, own_site):
                found.append((start, load))
    # Each pattern below scans the whole page, most of a millisecond on a
    # library page: only where its word is on the page at all.
    block, attribute = _style_words(lower)
    styles = [pattern for pattern, present in ((STYLE_BLOCK, block), (STYLE_ATTRIBUTE, attribute)) if present]
    for pattern in styles:
        for match in pattern.finditer(html):
            css = next(group for group in match.groups() if group is not None)
            for url in CSS_URL.findall(css):
                if is_external(url, own_site):
                    found.append(
                        (match.start(), ExternalLoad(url, f"a style fetches {url} from another site", FIX_STYLE)),
                    )
    for match in MERMAID.finditer(html) if b"mermaid" in lower else ():
        found.append((match.start(), ExternalLoad(
            MERMAID_SOURCE, f"a Mermaid diagram makes Material's script fetch Mermaid from {MERMAID_SOURCE}",
            "draw the diagram as an SVG or PNG file under docs/assets/, or as a flowchart in quiz_data/",
            needle="mermaid",
        )))
    for match in REPO_LINK.finditer(html) if REPO_WORD.search(lower) else ():
        href = HREF.search(match.group(0))
        if href and is_external(href.group(1), own_site):
            found.append((match.start(), ExternalLoad(
                href.group(1),
                f"the header's link to {href.group(1)} makes Material's script fetch the repository's stars and forks",
                "remove repo_url from mkdocs.yml, and link to the repository from a page instead",
            )))
    return [load for _, load in sorted(found, key=lambda item: item[0])]


def _style_words(lower: bytes) -> tuple[bool, bool]:
    """Whether the page has a <style> element, and a style attribute, as far as the word "style" shows."""
    # One walk over the word's few places: testing each spelling against the
    # whole page took three times as long.
    block = attribute = False
    at = lower.find(b"style")
    while at != -1:
        block = block or (at > 0 and lower[at - 1] == ord("<"))
        after = lower[at + 5 : at + 7]
        if after[:1] == b"=":
            attribute = True
        elif after == b" =" or after[:1] in (b"\t", b"\n", b"\r"):
            return True, True  # spaced out, as hand-written HTML may be
        at = lower.find(b"style", at + 5)
    return block, attribute


def _tag_loads(tag_html: str) -> list[tuple[str, ExternalLoad]]:
    """(address, load) for each address one start tag fetches (external_loads passes only a tag that may hold one)."""
    parsed = _parse_tag(tag_html)
    if parsed is None:
        return []
    name, attributes = parsed
    if name == "link" and not (set((attributes.get("rel") or "").lower().split()) & LOADING_RELS):
        return []
    loads: list[tuple[str, ExternalLoad]] = []
    for attribute in LOADING_ATTRIBUTES[name]:
        value = attributes.get(attribute)
        if not value:
            continue
        urls = _srcset_urls(value) if attribute.endswith("srcset") else [value]
        loads.extend((url, _describe(name, attributes, url)) for url in urls)
    return loads


def _describe(name: str, attributes: dict[str, str | None], url: str) -> ExternalLoad:
    fetches = f"fetches {url} from another site"
    if name == "script":
        return ExternalLoad(url, f"a <script> {fetches}", "save the script under docs/ and list it in extra_javascript")
    if name == "link":
        return ExternalLoad(url, f"a <link rel=\"{attributes.get('rel')}\"> {fetches}", FIX_STYLE)
    if name in {"iframe", "frame", "embed", "object"}:
        return ExternalLoad(url, f"an embedded <{name}> {fetches}", FIX_FRAME)
    article = "an" if name[0] in "aeiou" else "a"
    return ExternalLoad(url, f"{article} <{name}> {fetches}", FIX_FILE)


def _srcset_urls(srcset: str) -> list[str]:
    # "a.png 1x, https://b/c.png 2x": the address is the first word of each candidate.
    return [part.split()[0] for part in srcset.split(",") if part.split()]


class _TagParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag = (tag, dict(attrs))

    handle_startendtag = handle_starttag


def _parse_tag(tag_html: str) -> tuple[str, dict[str, str | None]] | None:
    """(lower-case name, attributes with entities decoded) of one start tag."""
    parser = _TagParser()
    parser.feed(tag_html)
    parser.close()
    if parser.tag is None or parser.tag[0] not in LOADING_ATTRIBUTES:
        return None
    return parser.tag
