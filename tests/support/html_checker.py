"""The Nu HTML Checker (vnu-jar from npm, run with Java): find it, run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from support.sitebuild import ROOT

# Where `make setup-test` installs it; $VNU_JAR points at another copy.
INSTALLED = ROOT / ".venv/npm-test/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Message:
    """One finding: file, line and what is wrong."""

    file: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.text}"


def checker_command() -> list[str] | str:
    """The command line that runs the checker, or why it cannot run."""
    java = shutil.which("java")
    jar = Path(os.environ.get("VNU_JAR") or INSTALLED)
    if not java:
        return "no Java runtime (apt-get install default-jre-headless)"
    if not jar.is_file():
        return f"no vnu.jar at {jar} (make setup-test installs it)"
    return [java, "-Xss8m", "-jar", str(jar)]


def check(command: list[str], paths: list[Path], *, mode: str = "--html") -> list[Message]:
    """Every error and warning the checker reports for these files."""
    done = subprocess.run(
        [*command, mode, "--format", "json", "--exit-zero-always", *map(str, paths)],
        capture_output=True, text=True, check=True, timeout=300,
    )
    report = json.loads(done.stderr or done.stdout)
    return [
        Message(
            Path(m.get("url", "?").removeprefix("file:")).name, m.get("lastLine", 0), m.get("subType", m["type"]),
            m["message"],
        )
        for m in report["messages"]
    ]
