"""Flowcharts in tiny sites: another topic builds (broken ones: test_broken_inputs)."""

from __future__ import annotations

from collections.abc import Callable

from bs4 import BeautifulSoup

from support.sitebuild import BuildResult
from support.topics import CARE, CHART, FLOW_PAGE

Build = Callable[..., BuildResult]


def site(fixture_site: Build, chart: str = CHART, page: str = FLOW_PAGE) -> BuildResult:
    return fixture_site(
        {"index.md": "---\ndescription: Home.\n---\n\n# Home\n", "care.md": CARE, "check.md": page},
        {"plant.flow.yml": chart},
    )


def test_another_topic_builds_into_a_working_flowchart(fixture_site: Build) -> None:
    result = site(fixture_site)
    assert not result.aborted, result.errors
    assert result.warnings == []
    page = BeautifulSoup(result.html("check.html"), "html.parser")
    flow = page.select_one("section.flow#flow-plant-check")
    assert flow.select_one("svg title").get_text() == "Flowchart: Does my plant need help?"
    assert flow.select_one('.flow-outcome[data-node="repot"] .flow-outcome__more a')["href"] == "care.html#soil"
    assert page.select_one('script[src="assets/javascripts/flowchart.js"]')
    assert "flowchart.js" not in result.html("care.html")
