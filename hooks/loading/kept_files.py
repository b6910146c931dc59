"""Files a build keeps in .cache/ for the next one: written whole or not at all; no MkDocs needed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Beside mkdocs.yml, as Material's own plugins keep their caches; safe to delete.
CACHE = ".cache"


def keep(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file renamed into place; a folder that cannot be written is no error."""
    # Builds running side by side may keep the same file: each reader sees a
    # whole one, or none. Without the folder, the next build only redoes the work.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
