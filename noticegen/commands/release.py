"""`noticegen release`: freeze the version written in a notice's source as a dated snapshot.

Writes notice_src/releases/<notice-id>/<version>.json (see noticegen.releases), then prints
what changed since the release before. Source errors and broken release rules refuse the
release with exit code 2 and nothing written; findings (warnings) are shown but never block.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from noticegen.errors import Problem
from noticegen.model import Loc

if TYPE_CHECKING:
    from noticegen.releases import PreparedRelease


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a date: write it as YYYY-MM-DD, like 2024-09-01"
        ) from None


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = commands.add_parser(
        "release",
        parents=[common],
        help="release the version written in a notice's source",
        description="Validate a notice and freeze the version written in its source (raise `version:` "
        "there first) as notice_src/releases/<notice-id>/<version>.json, to commit with the "
        "source. The version must be higher than the last release's. A major release is "
        "announced, a minor one is not (see docs/releasing.md).",
    )
    r.add_argument("notice", metavar="NOTICE-ID", help="the notice to release, e.g. supporting-families")
    r.add_argument(
        "--summary",
        required=True,
        metavar="TEXT",
        help="the change note: what changed, in plain words, for the notice's history page",
    )
    kind = r.add_mutually_exclusive_group(required=True)
    kind.add_argument(
        "--major",
        dest="kind",
        action="store_const",
        const="major",
        help="changes people need to know about (announced): new data, recipients, purposes, contacts",
    )
    kind.add_argument(
        "--minor",
        dest="kind",
        action="store_const",
        const="minor",
        help="corrections that change nothing people need to know (not announced): typos, style, links",
    )
    r.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the release date (default: today)")
    r.add_argument("--approved-by", metavar="'NAME, ROLE'", help="who approved this version")
    r.add_argument(
        "--allow-no-change",
        action="store_true",
        help="release although nothing people read has changed (dates alone are not a change), "
        "for example to record a re-approval",
    )
    r.set_defaults(run=run)


def stale_translations(prepared: PreparedRelease) -> list[str]:
    """One line per language whose translation of this notice is incomplete or out of date."""
    from noticegen.i18n.workflow import catalog_langs, translation_lag

    out = []
    for lang in catalog_langs(prepared.root):
        if lang == prepared.site.default_language:
            continue
        _, missing = translation_lag(prepared.root, lang, prepared.notice)
        if missing:
            out.append(
                f"the {lang} translation is out of date: {missing} text{'s' if missing != 1 else ''} of "
                f"{prepared.notice.id} {'are' if missing != 1 else 'is'} not translated "
                "(run 'noticegen i18n update' and send the PO file to the translator)"
            )
    return out


def findings(prepared: PreparedRelease) -> list[Problem]:
    """What to show before a release is written: the loader's warnings for this notice and the
    check errors. Findings never block a release (source errors do, before this point)."""

    from noticegen.checks import run as run_checks
    from noticegen.source import load_project

    files = {prepared.notice.loc.path, str(Path("notice_src") / "site.yaml")}
    shown: list[Problem] = [p for p in prepared.report.warnings if p.loc.path in files]
    project, _ = load_project(prepared.root)
    result = run_checks(project, (prepared.notice.id,), dt.date.today())
    shown += [
        Problem(f.loc, f.level, f"{f.rule}: {f.message}") for f in result.findings if f.level == "error"
    ]
    if result.findings:
        summary = f"checks: {result.summary_line()} (they do not stop a release; run 'noticegen check')"
        shown.append(Problem(Loc(""), "info", summary))
    return shown


def run(args: argparse.Namespace) -> int:
    from noticegen.changes import compare
    from noticegen.changes.audience import has_content
    from noticegen.changes.render import to_text
    from noticegen.errors import UserError
    from noticegen.releases import load_release, prepare_release, write_release

    prepared = prepare_release(args.root, args.notice, args.kind, args.summary, args.date, args.approved_by)
    shown = findings(prepared)
    stale = stale_translations(prepared)
    for problem in shown:
        print(problem, file=sys.stderr)
    for line in stale:
        print(f"warning: {line}", file=sys.stderr)
    # Recorded with the release: the check errors that stand, and the translations out of date.
    warnings = [f"{p.loc}: {p.message}".lstrip(": ") for p in shown if p.level == "error"] + stale
    changes = None
    if prepared.previous is not None:
        _, old_site, old_notice = load_release(args.root, args.notice, prepared.previous.version)
        changes = compare(
            old_site,
            old_notice,
            prepared.site,
            prepared.notice,
            from_version=prepared.previous.version,
            to_version=prepared.release.version,
        )
        if not has_content(changes) and not args.allow_no_change:
            raise UserError(
                f"nothing people read in {args.notice} has changed since {prepared.previous.version} "
                "(the text, facts, contacts and controller are as released; dates alone are not a "
                "change): nothing was released. To release it again on purpose, for example after a "
                "re-approval, add --allow-no-change"
            )
    release = replace(prepared.release, warnings=tuple(warnings))
    path = write_release(replace(prepared, release=release))
    shown = os.path.relpath(path, Path.cwd())
    print(
        f"released {args.notice} {release.version} ({release.kind}, {release.date.isoformat()}): wrote {shown}"
    )
    if changes is None:
        print(f"this is the first release of {args.notice}: there is no earlier release to compare it with")
    else:
        print(to_text(changes), end="")
    if release.warnings:
        print(f"{len(release.warnings)} warning(s) recorded with the release (see above)")
    if release.is_major:
        print("a major release: announce it (see docs/releasing.md)")
    return 0
