"""The command line: the only place where problems become messages and exit codes."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from noticegen import __version__
from noticegen.commands import COMMANDS
from noticegen.errors import Refused, UserError, environment_problem
from noticegen.stopping import Stopped, stop_on_signals

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets these be given before or after the command without one hiding the other.
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show a Python traceback on errors (for developers)",
    )
    common.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS,
        help="the project folder (default: the current folder)",
    )
    top = _Parser(
        prog="noticegen",
        description="Build a council's privacy notices from their YAML sources.",
        parents=[common],
        epilog="Exit codes: 0 ok, 1 problems found, 2 bad input, usage or environment (disk full, no permission), 3 a fault inside noticegen; stopped by Ctrl-C 130, SIGTERM 143, SIGHUP 129.",
    )
    top.add_argument("--version", action="version", version=f"noticegen {__version__}")
    commands = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f".commands.{name.replace('-', '_')}", __package__).register(commands, common)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args, "command", None):
        parser().print_help(sys.stderr)
        return EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    args.root = getattr(args, "root", Path(".")).resolve()
    args.debug = getattr(args, "debug", False)
    try:
        with stop_on_signals():
            return run(args)
    except UserError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    except Refused as exc:
        for line in [*exc.lines, exc.advice]:
            print(line, file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt as exc:
        stopped = exc if isinstance(exc, Stopped) else Stopped()
        print(f"noticegen: stopped by {stopped.name}; dist/ was left as it was", file=sys.stderr)
        return stopped.exit_code
    except OSError as exc:
        problem = environment_problem(exc)
        if problem is None:
            return _fault(args.debug)
        if args.debug:
            traceback.print_exc()
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    except Exception:
        return _fault(args.debug)


def _fault(debug: bool) -> int:
    """A fault inside noticegen: exit 3, with the traceback under --debug."""
    if debug:
        traceback.print_exc()
    else:
        print(
            "noticegen: error: something went wrong inside noticegen (not in your files); "
            "run again with --debug and send the output to the developers",
            file=sys.stderr,
        )
    return EXIT_BUG
