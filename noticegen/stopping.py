"""How a command stops: on Ctrl-C, `kill` or a closed terminal, cleanly and never leaving workers.

SIGINT, SIGTERM and SIGHUP all raise `Stopped` (a KeyboardInterrupt) in the main thread, so the
build unwinds as it does for Ctrl-C: the staging folder is removed and dist/ is left as it was.
SIGINT is handled even when a shell started the command in the background with SIGINT ignored.
Worker processes ask the kernel to kill them when their parent dies (PR_SET_PDEATHSIG), so a
build killed with SIGKILL leaves no worker behind holding the build lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1
NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}


class Stopped(KeyboardInterrupt):
    """The command was asked to stop by a signal; the exit code is 128 + its number."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        return NAMES.get(signal.Signals(self.signum), f"signal {self.signum}")


def _raise(signum: int, frame: object) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """While inside, SIGINT, SIGTERM and SIGHUP raise Stopped (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers (a command called from a test)
        return
    previous = {sig: signal.signal(sig, _raise) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def worker_started(parent: int) -> None:
    """In a freshly forked worker: die with the parent, and leave stopping to the parent."""
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols (no library search)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the stale-lock takeover still frees the lock
        pass


def stop_workers(processes: object) -> None:
    """Kill a pool's worker processes now (a stopped build does not wait for their layouts)."""
    for process in list(getattr(processes, "values", dict)() if processes else ()):
        with contextlib.suppress(Exception):
            process.kill()
