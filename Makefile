# Two commands do all set-up: `make build` and `make test` (see README.md).
# Each installs only what is missing, so running them again is quick.

VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
VNU    := node_modules/vnu-jar/build/dist/vnu.jar
VNU_VERSION := 26.9.27

.PHONY: build test lint format bench clean setup setup-test

build: setup
	$(VENV)/bin/noticegen build

test: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup-test
	tools/ensure-debs.sh bench
	$(PIP) install -q --disable-pip-version-check sphinx  # a peer for the no-op rebuild, for the benchmark only
	$(PY) benchmarks/run.py

setup: $(VENV)/.build-ok

setup-test: $(VENV)/.test-ok $(VNU)

$(VENV)/.build-ok: pyproject.toml tools/ensure-debs.sh
	tools/ensure-debs.sh build
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.test-ok: $(VENV)/.build-ok pyproject.toml
	tools/ensure-debs.sh test
	$(PIP) install -q --disable-pip-version-check -e '.[test]'
	touch $@

# The Nu Html Checker, kept out of git: installed without a lock file.
$(VNU):
	tools/ensure-debs.sh test
	npm install --silent --no-save --no-package-lock --no-audit --no-fund vnu-jar@$(VNU_VERSION)

clean:
	rm -rf dist .noticegen .pytest_cache .ruff_cache
