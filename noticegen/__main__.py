"""`python -m noticegen` runs the command line."""

from noticegen.cli import main

if __name__ == "__main__":  # not when a worker process imports it
    raise SystemExit(main())
