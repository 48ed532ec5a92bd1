"""`noticegen build`: validate the sources and build every notice into dist/."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from noticegen.builders import FORMATS
from noticegen.errors import UserError


def _formats(value: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    for name in chosen:
        if name not in FORMATS:
            raise argparse.ArgumentTypeError(f"unknown format '{name}': choose from {', '.join(FORMATS)}")
    return chosen


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    b = commands.add_parser(
        "build",
        parents=[common],
        help="build every notice into dist/",
        description="Validate the sources and build every notice, language and format "
        "into dist/ (or --out). dist/ is replaced only when the whole build worked.",
    )
    b.add_argument(
        "--notice", action="append", default=[], metavar="ID", help="build only this notice (repeatable)"
    )
    b.add_argument(
        "--lang", action="append", default=[], metavar="L", help="build only this language (repeatable)"
    )
    b.add_argument(
        "--format",
        action="append",
        type=_formats,
        default=[],
        metavar="F[,F]",
        help=f"build only these formats: {', '.join(FORMATS)} (default: all)",
    )
    b.add_argument("--out", type=Path, metavar="DIR", help="write here instead of dist/")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument(
        "--publish",
        action="store_true",
        help="make the whole site to upload: stops on check errors, values still to confirm and "
        "unreleased changes; leaves draft translations out",
    )
    b.add_argument("--force", action="store_true", help="render everything again, even what has not changed")
    b.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="render N files at once (default: the number of processor cores)",
    )
    b.set_defaults(run=run)


def _unreleased(root: Path, project) -> list[str]:
    """A line for each notice whose source differs from its latest release, or has none."""
    from noticegen.changes import diff_versions
    from noticegen.releases import WORKING, list_releases

    lines = []
    for notice in project.notices:
        if notice.status == "draft":
            continue  # left out of the site to publish
        releases = list_releases(root, notice.id)
        if not releases:
            lines.append(
                f"{notice.loc.path}: error: {notice.id} has never been released: release it first with "
                f"'noticegen release {notice.id} --major --summary \"…\"'"
            )
            continue
        changes = diff_versions(root, notice.id, releases[-1].version, WORKING)
        if not changes.is_empty:
            lines.append(
                f"{notice.loc.path}: error: {notice.id} has changes since release {releases[-1].version} "
                f"({changes.summary.split(': ', 1)[-1].rstrip('.')}): raise its version and release it, or undo them "
                f"(see 'noticegen diff {notice.id}')"
            )
    return lines


def run(args: argparse.Namespace) -> int:
    from noticegen.checks import run as run_checks
    from noticegen.pipeline import BuildOptions, build
    from noticegen.pipeline.tasks import default_workers
    from noticegen.progress import Progress
    from noticegen.source import load_project

    formats = tuple(f for group in args.format for f in group) or FORMATS
    options = BuildOptions(
        root=args.root.resolve(),
        notices=tuple(args.notice),
        langs=tuple(args.lang),
        formats=tuple(dict.fromkeys(formats)),
        out=args.out.resolve() if args.out else None,
        strict=args.strict,
        publish=args.publish,
        force=args.force,
        workers=args.jobs if args.jobs and args.jobs > 0 else default_workers(),
    )
    # The checks run first (loading the sources is quick): with --strict or --publish an error
    # stops the build before anything is written. Only the checks look at today's date.
    if args.publish and (args.notice or args.lang or args.format):
        raise UserError(
            "--publish makes the whole site to upload: it cannot be combined with --notice, "
            "--lang or --format (build without them)"
        )
    loaded = load_project(options.root, strict=args.strict or args.publish)
    project = loaded[0]
    checks = run_checks(project, options.notices, dt.date.today())
    # A site to publish must not state as fact a value the council has not confirmed; a draft
    # notice is left out of it, so its findings do not stop it.
    drafts = {n.id: n for n in project.notices if n.status == "draft"} if args.publish else {}
    blocking = [
        f
        for f in checks.findings
        if ((args.strict or args.publish) and f.level == "error" or args.publish and f.rule == "to-confirm")
        and f.notice not in drafts
    ]
    for draft in drafts.values():
        print(
            f"{draft.loc.path}: note: {draft.id} is a draft (status: draft): left out of the site to publish"
        )
    unreleased = _unreleased(options.root, project) if args.publish else []
    for line in [*map(str, blocking), *unreleased]:
        print(line, file=sys.stderr)
    if blocking:
        print(
            f"checks: {checks.summary_line()}: nothing was built; fix the findings above "
            "(see 'noticegen check' and docs/checks.md)",
            file=sys.stderr,
        )
        return 1
    if unreleased:
        print(
            "nothing was built: the website must show released versions only, so that the council "
            "can say what a family was told and when (see docs/releasing.md)",
            file=sys.stderr,
        )
        return 1
    with Progress() as progress:
        result = build(options, progress.step, loaded)
    for problem in result.report.problems:
        print(problem, file=sys.stderr)
    out = os.path.relpath(result.out, Path.cwd())
    if out.startswith(".."):
        out = str(result.out)
    kept = f"; {result.summary.kept} more kept from the last build" if result.summary.kept else ""
    print(
        f"built {result.files} files into {out}/ ({result.summary.written} written, "
        f"{result.summary.unchanged} unchanged{kept}; {result.rendered} rendered) in {result.seconds:.1f} s"
    )
    print(f"checks: {checks.summary_line()} (run 'noticegen check' for details)")
    return 0
