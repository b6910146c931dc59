"""What a finished page would fetch from another site: found in every form a browser fetches it."""

from __future__ import annotations

import pytest

from offline.external_loads import external_loads, is_external

LOADS = [
    ("image", '<p><img alt="x" src="https://cdn.example/a.png"></p>', ["https://cdn.example/a.png"]),
    ("protocol-relative image", "<img src=//cdn.example/a.png>", ["//cdn.example/a.png"]),
    ("upper-case tag and scheme", '<IMG SRC="HTTPS://cdn.example/a.png">', ["HTTPS://cdn.example/a.png"]),
    # No '//' or 'http' in the tag as written: only its entities spell the address.
    ("address written as entities", '<img src="&#104;ttps:&#47;&#47;cdn.example/a.png">', ["https://cdn.example/a.png"]),
    ("srcset", '<img src="a.png" srcset="a2.png 2x, https://cdn.example/a3.png 3x">', ["https://cdn.example/a3.png"]),
    ("picture source", '<picture><source srcset="https://cdn.example/a.webp"><img src="a.png"></picture>', ["https://cdn.example/a.webp"]),
    ("script", '<script src="https://cdn.example/x.js" defer></script>', ["https://cdn.example/x.js"]),
    ("stylesheet", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto&amp;display=swap">',
     ["https://fonts.googleapis.com/css?family=Roboto&display=swap"]),
    ("preconnect", '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>', ["https://fonts.gstatic.com"]),
    ("two-word icon rel", '<link rel="shortcut icon" href="https://cdn.example/f.ico">', ["https://cdn.example/f.ico"]),
    ("iframe", '<iframe src="https://www.youtube.com/embed/x"></iframe>', ["https://www.youtube.com/embed/x"]),
    ("video poster and track", '<video src="v.mp4" poster="https://cdn.example/p.jpg"><track '
                               'src="https://cdn.example/t.vtt"></video>',
     ["https://cdn.example/p.jpg", "https://cdn.example/t.vtt"]),
    ("audio", '<audio src="http://cdn.example/s.mp3"></audio>', ["http://cdn.example/s.mp3"]),
    ("object and embed", '<object data="https://cdn.example/o.pdf"></object><embed src="https://cdn.example/e.swf">',
     ["https://cdn.example/o.pdf", "https://cdn.example/e.swf"]),
    ("svg image and use", '<svg><image href="https://cdn.example/i.png"/><use '
                          'xlink:href="https://cdn.example/s.svg#a"/></svg>',
     ["https://cdn.example/i.png", "https://cdn.example/s.svg#a"]),
    ("style attribute", """<div style="background: url('https://cdn.example/bg.png')">x</div>""", ["https://cdn.example/bg.png"]),
    ("style block import", '<style>@import "https://fonts.example/f.css"; p { color: red }</style>', ["https://fonts.example/f.css"]),
    ("mermaid diagram", '<pre class="mermaid"><code>graph TD; A--&gt;B</code></pre>', ["https://unpkg.com/mermaid"]),
    ("repository link", '<a href="https://github.com/o/r" title="Go to repository" '
                        'class="md-source" data-md-component="source">r</a>',
     ["https://github.com/o/r"]),
]

NOT_LOADS = [
    ("links the reader follows", '<a href="https://www.nhs.uk/">NHS</a><area '
                                 'href="https://x.example/"><form action="https://x.example/"></form>'),
    ("canonical and alternate", '<link rel="canonical" href="https://site.example/a.html"><link '
                                'rel="alternate" href="https://site.example/fr/">'),
    ("relative and root addresses", '<img src="assets/a.png"><script src="/js/x.js"></script><link '
                                    'rel="stylesheet" href="../a.css">'),
    ("data addresses", """<img src="data:image/png;base64,AAAA"><div style="background:url('data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22/>')"></div>"""),
    ("svg namespace", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0"/></svg>'),
    ("markup shown as code", "<pre><code>&lt;img src=\"https://cdn.example/a.png\"&gt;</code></pre>"),
    ("an address in text", "<p>See https://cdn.example/a.png or url(https://cdn.example/b.png).</p>"),
    ("a repository link on our own site", '<a href="https://site.example/repo" data-md-component="source">r</a>'),
    ("this site's own absolute address", '<img src="https://site.example/assets/a.png">'),
]


@pytest.mark.parametrize(("html", "urls"), [c[1:] for c in LOADS], ids=[c[0] for c in LOADS])
def test_external_loads_are_found(html: str, urls: list[str]) -> None:
    assert [load.url for load in external_loads(html, "https://site.example/")] == urls


@pytest.mark.parametrize("html", [c[1] for c in NOT_LOADS], ids=[c[0] for c in NOT_LOADS])
def test_what_is_not_fetched_is_not_reported(html: str) -> None:
    assert external_loads(html, "https://site.example/") == []


def test_each_report_says_what_fetches_and_how_to_avoid_it() -> None:
    (image, frame, mermaid) = external_loads(
        '<img src="https://a.example/x.png"><iframe src="https://b.example/v"></iframe><pre class="mermaid">g</pre>'
    )
    assert image.problem == "an <img> fetches https://a.example/x.png from another site"
    assert image.fix == "save the file under docs/ (e.g. docs/assets/) and point to it there"
    assert frame.problem == "an embedded <iframe> fetches https://b.example/v from another site"
    assert frame.fix.startswith("link to it instead")
    assert mermaid.clue == "mermaid"


@pytest.mark.parametrize(
    ("url", "external"),
    [("https://x.example", True), ("HTTP://x", True), ("//x.example/a", True), (" https://x", True),
     ("mailto:a@b.example", False), ("data:,x", False), ("javascript:void(0)", False), ("a/b.png", False),
     ("/a.png", False), ("#top", False), ("https://site.example/a", False)],
)
def test_is_external(url: str, external: bool) -> None:
    assert is_external(url, "https://site.example/") is external
