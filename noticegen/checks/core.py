"""What every check shares: findings, the rule registry and the context a rule reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from noticegen.checks.pieces import Piece, pieces, source_keys
from noticegen.model import Loc, Notice, Project

LEVELS = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing a check found: where, how serious, which rule, what to do, and why (the source)."""

    loc: Loc
    level: str  # error, warning or info
    rule: str
    message: str
    source: str
    notice: str | None = None  # None for site.yaml findings
    item: str | None = None  # the id path of what it is about, e.g. "facts/legislation/children-act"

    def where(self) -> str:
        loc = self.loc
        if loc.line and loc.col:
            return f"{loc.path}:{loc.line}:{loc.col}"
        return str(loc)

    def __str__(self) -> str:
        return f"{self.where()}: {self.level}: {self.rule}: {self.message} (source: {self.source})"


class Hit(NamedTuple):
    """What a rule function yields; the runner adds the rule's level, id and source."""

    loc: Loc
    message: str
    item: str | None = None


@dataclass
class Context:
    """Everything a rule may read about one notice; `today` is injected, never read from the clock here."""

    project: Project
    notice: Notice
    today: dt.date
    keys: dict[str, Loc] = field(default_factory=dict)
    _pieces: list[Piece] | None = None

    @property
    def site(self):
        return self.project.site

    @property
    def pieces(self) -> list[Piece]:
        """Every text of the notice in reading order, placeholders expanded."""
        if self._pieces is None:
            self._pieces = pieces(self.project.site, self.notice)
        return self._pieces

    def anchor(self, *keys: str) -> Loc:
        """Where a missing item belongs: the first of these source keys that exists, else the notice's start."""
        for key in keys:
            if key in self.keys:
                return self.keys[key]
        return self.notice.loc

    def plain(self) -> str:
        """The whole notice as one plain text (for 'does it say X anywhere' checks)."""
        return "\n".join(p.plain for p in self.pieces)


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    source: str
    summary: str
    check: Callable[[Context], Iterable[Hit]]
    site_check: Callable[[Project, dt.date], Iterable[Hit]] | None = None
    silenceable: bool = True


RULES: dict[str, Rule] = {}


def rule(ident: str, level: str, source: str, summary: str, *, site=None, silenceable: bool = True):
    """Register a rule function under `ident` (a stable id people use to silence it)."""
    assert level in LEVELS, level
    assert ident not in RULES, f"duplicate rule id {ident}"

    def register(function: Callable[[Context], Iterable[Hit]]):
        RULES[ident] = Rule(ident, level, source, summary, function, site, silenceable)
        return function

    return register


def make_context(project: Project, notice: Notice, today: dt.date) -> Context:
    return Context(project, notice, today, source_keys(project.root, notice))


def findings_for(rule_: Rule, hits: Iterable[Hit], notice: str | None) -> Iterator[Finding]:
    for hit in hits:
        yield Finding(hit.loc, rule_.level, rule_.id, hit.message, rule_.source, notice, hit.item)
