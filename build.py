"""`python build.py ARGS` is `noticegen build ARGS`."""

import sys

from noticegen.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["build", *sys.argv[1:]]))
