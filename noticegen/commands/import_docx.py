"""`noticegen import FILE.docx`: make a notice source file from an existing Word privacy notice."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "import",
        parents=[common],
        help="make a notice source file from a Word privacy notice (.docx)",
        description="Read a Word privacy notice and write notice_src/ID.yaml: sections, nested and "
        "numbered lists, tables, label/value blocks, links, contacts, the controllers and DPO it "
        "names, and the structured facts (categories, sources, recipients, "
        "lawful bases, legislation, retention, rights). Also writes ID.import-report.txt beside "
        "it, listing what could not be mapped, and prints it. See docs/comms-team.md.",
    )
    p.add_argument("docx", type=Path, metavar="FILE.docx", help="the Word document to import")
    p.add_argument("--id", metavar="ID", help="the new notice's id (default: from the file name)")
    p.add_argument(
        "--out", type=Path, metavar="PATH", help="where to write the notice (default: notice_src/ID.yaml)"
    )
    p.add_argument("--force", action="store_true", help="replace the notice file if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from noticegen.errors import UserError
    from noticegen.importer import ImportBug, import_docx
    from noticegen.importer.clean import slug
    from noticegen.source.schema import SLUG

    root: Path = args.root
    notice_id = args.id or (args.out.stem if args.out else slug(args.docx.stem, 60))
    if not notice_id or not SLUG.match(notice_id):
        raise UserError(
            f"'{notice_id}' is not a valid notice id: use lower-case letters, digits and single "
            "hyphens, like --id library-membership"
        )
    out = args.out.resolve() if args.out else root / "notice_src" / f"{notice_id}.yaml"
    if out.name != f"{notice_id}.yaml":
        raise UserError.at(
            _show(out), f"a notice file must be named after its id: call it {notice_id}.yaml, or change --id"
        )
    report_path = out.with_name(f"{notice_id}.import-report.txt")
    if out.exists() and not args.force:
        raise UserError.at(
            _show(out),
            "there is already a notice file here: nothing was written. Use --force to replace it, "
            "or --id to give the new notice another id",
        )
    try:
        result = import_docx(args.docx, root, notice_id, _show(out))
    except ImportBug as bug:
        for problem in bug.problems:
            print(problem, file=sys.stderr)
        print(
            "noticegen: error: the importer made a notice that does not validate; this is a bug in "
            "noticegen, not in your document: nothing was written. Please send the document and "
            "these lines to the developers",
            file=sys.stderr,
        )
        return 3
    out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, result.yaml)
    _write(report_path, result.report)
    print(result.report, end="")
    print(f"\nwrote {_show(out)} and {_show(report_path)}")
    if out.parent.resolve() != (root / "notice_src").resolve():
        print(f"note: {_show(out)} is not in {_show(root / 'notice_src')}: move it there to build it")
    return 0


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside the target, then renamed over it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _show(path: Path) -> str:
    shown = os.path.relpath(path, Path.cwd())
    return str(path) if shown.startswith("..") else shown
