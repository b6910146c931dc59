"""One `mkdocs build` in its own process: prints its seconds and peak memory as JSON.

A fresh process per build, so every build pays for importing the hooks (as
`mkdocs build` does), no cache survives from the last one, and ru_maxrss is
this build's own peak.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_file: str, site_dir: str) -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    # Loading the config imports the hooks: part of what our hooks cost.
    build(load_config(config_file=config_file, site_dir=site_dir, strict=True))
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
