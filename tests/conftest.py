"""Shared setup: import paths for the hooks' pure core and the test helpers."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

# The pure core lives beside the hook files; MkDocs puts that folder on
# sys.path only while loading hooks, so tests add it themselves.
for path in (ROOT / "hooks", TESTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

pytest_plugins = ["support.fixtures"]
