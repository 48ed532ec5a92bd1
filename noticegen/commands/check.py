"""`noticegen check`: does each notice tell people what the law requires, in plain words?

Prints one line per finding, `path:line:col: level: rule: message (source: …)`, then what is
silenced and why, then a summary. Exit code 1 when an error is found (with --strict, a warning
too), 0 otherwise; a source that cannot be read is exit code 2, like every command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from noticegen.checks import CheckResult


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: write it as YYYY-MM-DD") from None


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    c = commands.add_parser(
        "check",
        parents=[common],
        help="check the notices against the law and plain English",
        description="Check every notice (or only those named): what UK GDPR Articles 13 "
        "and 14 require, the legislation cited, plain language, and stale facts. "
        "Every check is explained in docs/checks.md.",
    )
    c.add_argument("notices", nargs="*", metavar="NOTICE-ID", help="check only these notices (default: all)")
    c.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for other programs",
    )
    c.add_argument(
        "--strict", action="store_true", help="fail (exit code 1) on warnings too, not only errors"
    )
    c.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="check dates as if today were this date (default: today)",
    )
    c.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.checks import run as run_checks
    from noticegen.source import load_project

    project, report = load_project(args.root)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    result = run_checks(project, tuple(args.notices), args.today or dt.date.today())
    if args.format == "json":
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
    else:
        for line in as_text(result):
            print(line)
    failed = result.count("error") or (args.strict and result.count("warning"))
    return 1 if failed else 0


def as_text(result: CheckResult) -> list[str]:
    lines = [str(finding) for finding in result.findings]
    for entry in result.silenced:
        silence = entry.silence
        what = f" for '{silence.item}'" if silence.item else ""
        hid = "1 finding" if entry.hidden == 1 else f"{entry.hidden} findings"
        lines.append(
            f"{_where(silence.loc)}: silenced: {silence.rule}{what} in {entry.notice}: "
            f"{silence.reason} (hides {hid})"
        )
    lines.append(result.summary_line())
    return lines


def as_json(result: CheckResult) -> dict:
    return {
        "findings": [
            {
                "path": f.loc.path,
                "line": f.loc.line,
                "col": f.loc.col,
                "level": f.level,
                "rule": f.rule,
                "message": f.message,
                "source": f.source,
                "notice": f.notice,
                "item": f.item,
            }
            for f in result.findings
        ],
        "silenced": [
            {
                "path": s.silence.loc.path,
                "line": s.silence.loc.line,
                "col": s.silence.loc.col,
                "notice": s.notice,
                "rule": s.silence.rule,
                "item": s.silence.item,
                "reason": s.silence.reason,
                "hidden": s.hidden,
            }
            for s in result.silenced
        ],
        "summary": result.summary(),
    }


def _where(loc) -> str:
    return f"{loc.path}:{loc.line}:{loc.col}" if loc.line and loc.col else str(loc)
