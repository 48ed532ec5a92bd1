"""One module per CLI command; each has `register(commands, common)` and sets `run`."""

# The order here is the order in `noticegen --help`.
COMMANDS = ("build", "check", "release", "diff", "serve", "new", "i18n", "import_docx", "print_file")
