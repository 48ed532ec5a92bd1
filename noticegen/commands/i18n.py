"""`noticegen i18n …`: the translators' workflow with gettext PO files."""

from __future__ import annotations

import argparse
import sys


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = commands.add_parser(
        "i18n",
        parents=[common],
        help="translations: extract, init, update, status, check",
        description="Keep the translators' PO files in step with the notices.",
    )
    sub = top.add_subparsers(dest="i18n_command", metavar="STEP", required=True, parser_class=type(top))
    sub.add_parser("extract", parents=[common], help="write locales/notices.pot and locales/interface.pot")
    init = sub.add_parser("init", parents=[common], help="start the catalogs of a new language")
    init.add_argument("lang", metavar="LANG", help="a language code such as pl, ar or uk")
    sub.add_parser("update", parents=[common], help="merge the latest English into every language's catalogs")
    status = sub.add_parser("status", parents=[common], help="how much of each notice is translated")
    status.add_argument(
        "--min-coverage",
        type=float,
        metavar="N",
        default=None,
        help="exit with code 1 when a language has less than N %% translated",
    )
    sub.add_parser(
        "check", parents=[common], help="check every catalog: msgfmt, links, emphasis, placeholders"
    )
    top.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.i18n import workflow

    root = args.root
    step = args.i18n_command
    if step == "extract":
        for path, changed, count in workflow.extract(root):
            print(f"{path.relative_to(root)}: {count} messages" + ("" if changed else " (unchanged)"))
        return 0
    if step == "init":
        for path in workflow.init(root, args.lang):
            print(f"{path.relative_to(root)}: created")
        print(
            f"notice_src/site.yaml lists '{args.lang}' as a draft language (change its status when approved)"
        )
        return 0
    if step == "update":
        for path, changed in workflow.update(root):
            print(f"{path.relative_to(root)}: " + ("updated" if changed else "unchanged"))
        return 0
    if step == "status":
        return _status(workflow.status(root), args.min_coverage)
    problems = workflow.check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if p.level == "error")
    print(f"{errors} problem{'s' if errors != 1 else ''} found in the catalogs")
    return 1 if errors else 0


def _status(rows, minimum: float | None) -> int:
    print(
        f"{'language':<9} {'notice':<28} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} {'done':>6}"
        "  up to date with release (texts changed since)"
    )
    below = set()
    for row in rows:
        c = row.counts
        lag = ""
        if row.notice != "(interface)":
            lag = f"  {row.up_to_date_with or 'none'} ({row.changed_since})"
        print(
            f"{row.lang:<9} {row.notice:<28} {c.translated:>10} {c.fuzzy:>6} {c.untranslated:>12} {c.percent:>5.0f}%"
            + lag
        )
        if minimum is not None and c.percent < minimum:
            below.add(row.lang)
    for lang in sorted(below):
        print(f"locales/{lang}: error: less than {minimum:g}% translated", file=sys.stderr)
    return 1 if below else 0
