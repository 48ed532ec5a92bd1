"""`python -m noticegen` runs the command line."""

from noticegen.cli import main

raise SystemExit(main())
