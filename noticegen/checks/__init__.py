"""Notice checks: does each notice tell people what the law requires, in words they can read?

Every rule has a stable id, a level (error, warning or info) and the source it comes from; see
docs/checks.md. Rules live in one module per family (completeness, legislation, language,
stale) and register themselves in RULES. `run_checks` never reads the clock unless `today` is
left out; nothing here writes files, so generated files never depend on today's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from noticegen.checks import completeness, completeness_rights, language, legislation, shown, stale  # noqa: F401  (they register the rules)
from noticegen.checks.core import LEVELS, RULES, Finding, Rule, findings_for, make_context, rule
from noticegen.checks.silence import check_silences
from noticegen.errors import UserError
from noticegen.model import Loc, Notice, Project, Silence

__all__ = ["LEVELS", "RULES", "CheckResult", "Finding", "Rule", "SilencedRule", "run", "run_checks"]

UNUSED = "unused-silence"


@rule(
    UNUSED,
    "info",
    "docs/checks.md (silencing a check)",
    "A silence that hides nothing is pointed out, so that it is removed once the problem is fixed.",
    silenceable=False,
)
def _unused(ctx):  # reported by run(), which knows what each silence hid
    return ()


@dataclass(frozen=True)
class SilencedRule:
    notice: str
    silence: Silence
    hidden: int  # how many findings it hid


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    silenced: list[SilencedRule] = field(default_factory=list)

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    def summary(self) -> dict[str, int]:
        return {
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "infos": self.count("info"),
            "silenced": len(self.silenced),
        }

    def summary_line(self) -> str:
        counts = self.summary()
        text = ", ".join(_plural(counts[name], name[:-1]) for name in ("errors", "warnings", "infos"))
        if counts["silenced"]:
            text += f"; {_plural(counts['silenced'], 'rule')} silenced"
        return text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _silencer(notice: Notice, finding: Finding) -> int | None:
    for index, silence in enumerate(notice.silenced):
        if silence.rule != finding.rule:
            continue
        if silence.item is None or (
            finding.item and (finding.item == silence.item or finding.item.startswith(silence.item + "/"))
        ):
            return index
    return None


def select(project: Project, notice_ids=None) -> list[Notice]:
    known = {n.id: n for n in project.notices}
    for wanted in notice_ids or ():
        if wanted not in known:
            raise UserError(f"there is no notice '{wanted}': choose one of {', '.join(known)}")
    return [known[w] for w in notice_ids] if notice_ids else list(project.notices)


def run(project: Project, notice_ids=None, today: dt.date | None = None) -> CheckResult:
    """Every rule on every chosen notice (and the site), with silences applied."""
    today = today or dt.date.today()
    result = CheckResult()
    found: list[Finding] = []
    chosen = select(project, notice_ids)
    check_silences(chosen)
    for notice in chosen:
        ctx = make_context(project, notice, today)
        hidden = [0] * len(notice.silenced)
        for rule_ in RULES.values():
            for finding in findings_for(rule_, rule_.check(ctx), notice.id):
                index = _silencer(notice, finding)
                if index is None:
                    found.append(finding)
                else:
                    hidden[index] += 1
        for silence, count in zip(notice.silenced, hidden, strict=True):
            result.silenced.append(SilencedRule(notice.id, silence, count))
            if not count:
                what = f" for '{silence.item}'" if silence.item else ""
                unused = RULES[UNUSED]
                found.append(
                    Finding(
                        silence.loc,
                        unused.level,
                        UNUSED,
                        f"silencing '{silence.rule}'{what} "
                        "hides nothing: remove it if the problem has been fixed",
                        unused.source,
                        notice.id,
                        None,
                    )
                )
    for rule_ in RULES.values():
        if rule_.site_check is not None:
            found.extend(findings_for(rule_, rule_.site_check(project, today), None))
    unique: dict[tuple, Finding] = {}
    for finding in found:
        unique.setdefault(
            (finding.loc.path, finding.loc.line, finding.loc.col, finding.rule, finding.message), finding
        )
    result.findings = sorted(unique.values(), key=_order)  # stable: a rule's own order is kept
    return result


def _order(finding: Finding) -> tuple:
    loc: Loc = finding.loc
    return (loc.path, loc.line, loc.col, LEVELS.index(finding.level), finding.rule)


def run_checks(project: Project, notice_ids=None, today: dt.date | None = None) -> list[Finding]:
    """The findings that are not silenced, in file and line order."""
    return run(project, notice_ids, today).findings
