"""Problems a user can cause, reported as `path[:line[:col]]: level: message`."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field

from noticegen.model import Loc


@dataclass(frozen=True)
class Problem:
    loc: Loc
    level: str  # "error", "warning" or "info"
    message: str

    def __str__(self) -> str:
        where = str(self.loc)
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.level}: {self.message}"


class UserError(Exception):
    """Bad input or usage: the CLI prints the problems and exits with code 2."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(Loc(""), "error", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # a worker's UserError reaches the parent with its problems intact
        return (type(self), (self.problems,))

    @classmethod
    def at(cls, path: object, message: str) -> UserError:
        """One error about a file or folder as a whole."""
        return cls(Problem(Loc(str(path)), "error", message))


class Refused(Exception):
    """The command found the problems it was asked to look for and did nothing (exit code 1):
    `lines` say what they are, `advice` what to do."""

    def __init__(self, lines: list[str], advice: str) -> None:
        self.lines = list(lines)
        self.advice = advice
        super().__init__("\n".join([*self.lines, advice]))


@dataclass
class Reporter:
    """Collects every problem found, so all of them are reported at once."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(loc, "error", message))

    def warning(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(loc, "warning", message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    def raise_if_errors(self, strict: bool = False) -> None:
        """Abort with every error (and, when strict, every warning turned into an error)."""
        if strict:
            self.problems = [
                Problem(p.loc, "error", p.message) if p.level == "warning" else p for p in self.problems
            ]
        if self.errors:
            raise UserError(sorted(self.problems, key=_order))


def _order(problem: Problem) -> tuple[str, int, int]:
    return (problem.loc.path, problem.loc.line, problem.loc.col)


ENVIRONMENT = {
    errno.ENOSPC: "the disk is full: free some space, then run the command again",
    errno.EDQUOT: "your disk quota is used up: free some space, then run the command again",
    errno.EROFS: "this is on a read-only disk: choose a folder that can be written (--out)",
    errno.EACCES: "noticegen may not write or read this: check its permissions, or choose another folder",
    errno.EPERM: "noticegen may not change this: check its permissions, or choose another folder",
    errno.EIO: "the disk reported an error: check the disk, then run the command again",
    errno.EMFILE: "too many files are open: close some programs, then run the command again",
}


def environment_problem(exc: OSError) -> str | None:
    """`path: error: what happened: what to do` for a fault of the machine, not of noticegen."""
    advice = ENVIRONMENT.get(exc.errno or 0)
    if advice is None:
        return None
    where = exc.filename or "noticegen"
    return f"{where}: error: {exc.strerror or 'cannot be used'}: {advice} (dist/ was left as it was)"
