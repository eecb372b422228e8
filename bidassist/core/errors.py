"""One exception family for everything a user can get wrong.

Library code raises these; the CLI turns them into one line per problem and exit status 2.
`where` names the place: a file, `Sheet!E17`, `bid.yaml:12 pricing.seed`, `contract.docx 第七条`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem at one place."""

    where: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class BidassistError(Exception):
    """Base of every error bidassist reports to a user (never a bug)."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    @property
    def problems(self) -> list[Problem]:
        return [Problem(self.where, self.message)]

    def __str__(self) -> str:
        return str(Problem(self.where, self.message))


class InputError(BidassistError):
    """The user's input (file, option, value) cannot be used."""


class OutputExistsError(BidassistError):
    """Refusing to overwrite an existing file without --force."""


class OutputError(BidassistError):
    """An output cannot be written where asked: a missing folder, a symbolic link, an input of the
    same command, a full disk or no permission."""


class ProblemsError(InputError):
    """Several problems found in one pass; all are reported, not only the first."""

    def __init__(self, problems: list[Problem], summary: str = "input has problems") -> None:
        if not problems:
            raise ValueError("ProblemsError needs at least one problem")
        super().__init__(summary, None)
        self._problems = list(problems)

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self._problems)


class Interrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt, not an error
    """Ctrl-C during a command (raised by the CLI's SIGINT handler; not caught by `except
    Exception`, and not turned into "Aborted!" by click)."""
