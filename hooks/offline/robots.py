"""robots.txt for the site, pointing crawlers at the sitemap; no MkDocs needed."""

from __future__ import annotations


def robots_txt(site_url: str | None) -> str:
    """Allow everything; name the sitemap when the site knows its address."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"
