"""Shared setup: import paths for the hooks' pure core and the test helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

# The pure core lives beside the hook files; MkDocs puts that folder on
# sys.path only while loading hooks, so tests add it themselves.
for path in (ROOT / "hooks", TESTS):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

pytest_plugins = ["support.fixtures"]

# Property tests: no per-example deadline (a 2-core CI box is slow, not wrong).
# In CI the examples are fixed by the test's name, so a red build can be re-run
# and seen again; locally each run explores new ones.
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() in {"1", "true", "yes"} else "local")
