# Two commands matter: `make serve` (set up + serve) and `make test` (set up + test).
# Every target creates .venv on first use; installs rerun only when a requirements
# file changes, so repeating a command is cheap.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000

# Material prints an end-of-life banner on every run; the README covers it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup setup-test setup-bench serve build new-site lint test test-fast bench shots lock clean

help:
	@echo "make serve   set up and serve the site at http://$(HOST)"
	@echo "make build   set up and build the site into site/ (strict)"
	@echo "make new-site ARTICLE=article.txt DEST=../my-site [LANGUAGE=de]  start a site for another article"
	@echo "make lint    ruff and mypy over hooks/ and tests/"
	@echo "make test    set up and run the whole test suite (lint first)"
	@echo "make test-fast  lint, unit tests and fixture builds (no browser), about a minute"
	@echo "make bench   print build, weight, readability and Lighthouse figures (bench-results.txt)"
	@echo "make shots   screenshot every page, widget state and printed sheet (shots/index.html)"
	@echo "make lock    refresh requirements/constraints.txt from a fresh install"
	@echo "make clean   remove .venv, site/ and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamp files record that a requirements set is installed at its current version.
$(VENV)/.site-installed: requirements/site.txt requirements/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements/site.txt -c requirements/constraints.txt
	@touch $@

$(VENV)/.test-installed: requirements/test.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install -q -r requirements/test.txt -c requirements/constraints.txt
	@touch $@

$(VENV)/.bench-installed: requirements/bench.txt $(VENV)/.test-installed
	$(BIN)/python -m pip install -q -r requirements/bench.txt -c requirements/constraints.txt
	@touch $@

# Node tools, each set locked in requirements/npm/<set>/ and installed into
# .venv/npm-<set>: vnu-jar for the tests, Lighthouse for the bench. Install
# scripts are off: vnu-jar's would try to download a Java runtime.
$(VENV)/npm-%/.installed: requirements/npm/%/package.json requirements/npm/%/package-lock.json | $(BIN)/python
	rm -rf $(VENV)/npm-$* && mkdir -p $(VENV)/npm-$*
	cp requirements/npm/$*/package.json requirements/npm/$*/package-lock.json $(VENV)/npm-$*/
	cd $(VENV)/npm-$* && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.site-installed
setup-test: $(VENV)/.test-installed $(VENV)/npm-test/.installed
setup-bench: setup-test $(VENV)/.bench-installed $(VENV)/npm-bench/.installed

# --dirty: after an edit, only the pages it reaches are drawn again (hooks/rebuild/), so a library of a
# thousand pages rebuilds in about two seconds; the first build is a full one.
serve: setup
	$(BIN)/mkdocs serve --dirty -a $(HOST)

build: setup
	$(BIN)/mkdocs build --strict

# A new site for another article: pages split at its headings, nav, a starter
# quiz and flowchart, using this project's hooks and theme as they are.
LANGUAGE ?= en
new-site: setup
	@test -n "$(ARTICLE)" -a -n "$(DEST)" || { echo "Usage: make new-site ARTICLE=article.txt DEST=../my-site [LANGUAGE=de]"; exit 2; }
	$(BIN)/python hooks/starter/cli.py "$(ARTICLE)" "$(DEST)" --language "$(LANGUAGE)"

# Settings in pyproject.toml: ruff's rules, and mypy strict over hooks/ and tests/.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check hooks tests
	$(BIN)/mypy

# Two workers (pytest-xdist), each with a group of browser tests to run in order
# (tests/conftest.py schedules them): most of them on one; the 1,000-page offline
# test and the hosted-copy tests on the other. The unit tests and fixture builds
# go to whichever worker is free. The browser tests come first so their groups start at once.
test: setup-test lint
	$(BIN)/python -m pytest -n 2 tests/browser tests/unit tests/sites $(PYTEST_ARGS)

# The fast loop while editing: lint, unit tests and fixture builds, no browser.
test-fast: setup-test lint
	$(BIN)/python -m pytest -n 2 tests/unit tests/sites $(PYTEST_ARGS)

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q -r requirements/bench.txt
	{ echo "# Exact versions of everything we install (direct and transitive), tested together."; \
	  echo "# Refresh: make lock"; .lock-venv/bin/pip freeze; } > requirements/constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache

# Figures, not pass/fail: build and serve-rebuild times, weights, readability,
# Lighthouse on every page (LIGHTHOUSE_RUNS=1 for a quicker pass, 0 to skip).
bench: setup-bench
	$(BIN)/python tests/bench/run.py

# A contact sheet to look at, not a test: every page, widget state and printed
# sheet in the system Chromium, written to shots/index.html.
shots: setup-test
	$(BIN)/python tests/shots/run.py
