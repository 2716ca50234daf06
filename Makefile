# Motorpool — two commands on a fresh machine:
#   make demo   installs everything, migrates, seeds the demo brand, serves http://127.0.0.1:8000
#   make test   installs everything, starts PostgreSQL/NATS/Redis when down, runs the whole suite
#               (and Chromium for the browser tests; checks the UI bundles match their sources)
#   make ui     rebuilds the web components' bundles (needs Node.js; commit the result)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install services lint check pytest bench clean ui ui-check browser screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/motorpool demo

services:
	bash scripts/services.sh

lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(STAMP) services browser
	$(BIN)/pytest -q

# The components' bundles are built from src/motorpool/**/web/ by web/build.mjs and committed,
# so installing the package needs no Node.js. With Node.js present, the test run rebuilds
# them in memory and fails if the shipped bundles differ from their sources.
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund

ui: web/node_modules/.package-lock.json
	cd web && node build.mjs

ui-check:
	@if command -v node >/dev/null && command -v npm >/dev/null; then \
		$(MAKE) --no-print-directory web/node_modules/.package-lock.json && cd web && node build.mjs --check; \
	else echo "ui-check: SKIPPED, no Node.js here (the shipped bundles are not verified)"; fi

# The browser tests drive Debian's Chromium (tests/e2e); install it when missing.
browser:
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
		else sudo apt-get update -q && sudo apt-get install -y -q chromium; fi; }

test: $(STAMP) services lint ui-check pytest

# Retake the README's screenshots from the demo data (tests/e2e).
screenshots: $(STAMP) browser
	MOTORPOOL_SCREENSHOTS=1 $(BIN)/pytest -q tests/e2e -k screenshot

bench: $(STAMP) services
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
