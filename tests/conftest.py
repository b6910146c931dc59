"""Shared setup: import paths for the hooks' pure core and the test helpers."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

# The pure core lives beside the hook files; MkDocs puts that folder on
# sys.path only while loading hooks, so tests add it themselves.
for path in (ROOT / "hooks", TESTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

pytest_plugins = ["support.fixtures"]


# On the other worker, beside the browser tests rather than after them: the
# 1,000-page offline test (mostly two builds of that site) and the tests of the
# hosted copy, which share its build (so it is made there alone). The unit tests
# and fixture builds fill in wherever a worker is free, so both finish together.
BESIDE_THE_BROWSER_TESTS = (
    "tests/browser/test_keep_offline.py",
    "tests/browser/test_print.py",
    "tests/browser/test_service_worker.py",
    "tests/browser/test_sub_path.py",
)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Under pytest-xdist, two groups of browser tests, each in order on a worker of its own; the rest between them."""
    # Each group runs in order, one Chromium per worker, as in a serial run; the
    # unit tests and fixture builds take whatever time the groups leave.
    # (xdist's own loadgroup cannot do this under pytest 9: its group suffix no longer reaches the ids.)
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]

    class BrowserTestsTogether(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(BESIDE_THE_BROWSER_TESTS):
                return "beside the browser tests"
            return "browser" if nodeid.startswith("tests/browser/") else nodeid

    return BrowserTestsTogether(config, log)


# Property tests: no per-example deadline (a 2-core CI box is slow, not wrong).
# In CI the examples are fixed by the test's name, so a red build can be re-run
# and seen again; locally each run explores new ones.
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "local")


@pytest.fixture(scope="module")
def fixture_site_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., object]:
    """fixture_site for tests that only read what was built: the same arguments
    give the same site, built once per module in a folder of its own.

    The files written are fixture_site's (support.fixtures.build_fixture).
    """
    from support.fixtures import build_fixture

    built: dict[str, object] = {}

    def make(
        pages: dict[str, str | bytes] | None = None, data: dict[str, str | bytes] | None = None, **config: object
    ) -> object:
        key = repr((pages, data, sorted(config.items())))
        if key not in built:
            built[key] = build_fixture(tmp_path_factory.mktemp("fixture-site"), pages, data, **config)
        return built[key]

    return make
