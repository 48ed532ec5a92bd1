"""Silenced checks must name a check that exists and an item that exists, so that a typo does not
silence nothing without anyone knowing. The loader reads their shape (`noticegen.source.silencing`)."""

from __future__ import annotations

from noticegen.checks.core import RULES
from noticegen.errors import Problem, UserError
from noticegen.model import Notice
from noticegen.source.schema import did_you_mean
from noticegen.walk import item_paths


def silence_problems(notice: Notice) -> list[Problem]:
    problems = []
    known = [k for k, v in RULES.items() if v.silenceable]
    paths = None
    for silence in notice.silenced:
        if silence.rule not in known:
            problems.append(
                Problem(
                    silence.rule_loc,
                    "error",
                    f"there is no check '{silence.rule}'{did_you_mean(silence.rule, known)}: "
                    "the checks are listed in docs/checks.md",
                )
            )
            continue
        if silence.item is None:
            continue
        paths = paths or item_paths(notice)
        if silence.item not in paths:
            problems.append(
                Problem(
                    silence.loc,
                    "error",
                    f"there is no item '{silence.item}' in this notice"
                    f"{did_you_mean(silence.item, paths)}: name it by the ids from the "
                    "top, like 'facts/legislation/<id>' or 'sections/<section>/<block>'",
                )
            )
    return problems


def check_silences(notices: list[Notice]) -> None:
    """Raise one UserError listing every silence that names no check or no item."""
    problems = [p for notice in notices for p in silence_problems(notice)]
    if problems:
        raise UserError(problems)
