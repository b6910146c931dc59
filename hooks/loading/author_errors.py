"""One error type for every mistake an author can make, worded the same way."""

from __future__ import annotations


class AuthorError(Exception):
    """A mistake in the site's sources: where it is, what is wrong, how to fix it."""

    def __init__(self, file: str, place: str, problem: str, fix: str) -> None:
        self.file = file
        self.place = place
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}, {self.place}" if self.place else self.file
        return f"{where}: {self.problem}. Fix: {self.fix}"
