# Mitmach-Hub — the entry points. `make run` and `make test` work on a fresh machine with Python 3.11, 3.12 or 3.13.

SUPPORTED_PYTHONS := 3.13 3.12 3.11
# The newest supported Python that actually runs: a name on the PATH may be a pyenv shim for a version that is
# installed but not selected, so each candidate is started once. PYTHON=/path/to/python overrides the choice.
ifndef PYTHON
PYTHON := $(shell for name in $(addprefix python,$(SUPPORTED_PYTHONS)) python3; do \
	"$$name" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1 \
	&& command -v "$$name" && break; done)
endif
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# The German catalogue (English is the source language). Needs GNU gettext (xgettext, msgmerge, msgfmt); the
# compiled django.mo is committed, so running the hub needs none of them.
MESSAGES_IGNORE := -i 'tests/*' -i '.venv*' -i 'node_modules/*' -i 'staticfiles/*' -i 'var/*' -i 'benchmarks/*'

.PHONY: messages catalogue-stats run test test-fast lint format install install-dev assets migrate demo lock clean help search-engine search-engine-stop screenshots

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

$(VENV)/.python-ok:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Mitmach-Hub needs Python 3.11, 3.12 or 3.13; none of python3.13, python3.12, python3.11 or python3 on the PATH is one of them." >&2; \
		exit 1; \
	fi
	@$(PYTHON) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' || { \
		echo "Mitmach-Hub needs Python 3.11, 3.12 or 3.13; $(PYTHON) is $$($(PYTHON) --version 2>&1)." >&2; exit 1; }
	@echo "==> Creating $(VENV) with $$($(PYTHON) --version) ($(PYTHON))"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.installed: requirements.lock $(VENV)/.python-ok
	@echo "==> Installing the locked dependencies"
	$(BIN)/pip install --quiet -r requirements.lock
	@rm -f $(VENV)/.installed-dev
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.python-ok
	@echo "==> Installing the locked dependencies (with test tools)"
	$(BIN)/pip install --quiet -r requirements-dev.lock
	@touch $@ $(VENV)/.installed

# Leaflet and its marker clustering come from the npm registry at build time (package-lock.json pins them);
# the pages load them from static/vendor/, never from a CDN. The source maps come along: the scripts name them, and
# collectstatic's manifest storage refuses a script whose map is missing.
VENDOR := static/vendor
$(VENDOR)/.installed: package.json package-lock.json Makefile
	@echo "==> Installing the map libraries (npm ci) into $(VENDOR)/"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR)/leaflet $(VENDOR)/leaflet.markercluster
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/leaflet.markercluster
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css node_modules/leaflet.markercluster/MIT-LICENCE.txt $(VENDOR)/leaflet.markercluster/
	@touch $@

assets: $(VENDOR)/.installed  ## Copy Leaflet and Leaflet.markercluster (npm, pinned) into static/vendor/

install: $(VENV)/.installed assets  ## Create .venv and install the locked dependencies and map libraries

install-dev: $(VENV)/.installed-dev assets  ## The same, plus test and lint tools

migrate: install  ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

demo: migrate  ## Load the demo content (idempotent)
	$(BIN)/python manage.py load_demo_content

run: demo  ## Set everything up and start the hub with demo content on http://127.0.0.1:8000
	@echo ""
	@echo "==> Mitmach-Hub:  http://$(HOST):$(PORT)/"
	@echo "==> Admin:        http://$(HOST):$(PORT)/admin/   (Login: admin / mitmachen)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev  ## Run the whole test suite (lint, checks, tests); DATABASE_URL picks the database
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py check
	@$(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: the suite is broken, not green."; fi; \
	exit $$status

# The tests that need no browser and no production setup, for the other supported Pythons (CI runs it on the oldest).
FAST_TESTS ?= tests/home tests/demo tests/members tests/news tests/events tests/actions tests/background
test-fast: install-dev  ## A fast part of the suite (no browser, no production setup): FAST_TESTS
	$(BIN)/pytest -q $(FAST_TESTS)

messages: install  ## Extract the interface strings into locale/de/LC_MESSAGES/django.po and compile it (needs gettext)
	$(BIN)/python manage.py makemessages -l de --no-obsolete --no-location $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages -l de --ignore '.venv*'

catalogue-stats: install  ## Messages, translated and fuzzy entries per language (English is the source: complete)
	$(BIN)/python tools/catalogue.py

lint: install-dev  ## ruff check and the import contracts of docs/architecture.md (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: install-dev  ## ruff format and autofix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install-dev  ## Re-pin requirements*.lock from pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-header --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --no-header --no-emit-find-links --extra dev -o requirements-dev.lock pyproject.toml

search-engine: install  ## Start OpenSearch on 127.0.0.1:9201 (OpenSearch Runner from Maven Central; needs Java 21+, mvn)
	$(BIN)/python manage.py search_engine

search-engine-stop: install  ## Stop the OpenSearch started by make search-engine
	$(BIN)/python manage.py search_engine --stop

clean:  ## Remove the virtual environment, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles var node_modules $(VENDOR)

screenshots: install-dev  ## Renew the README's screenshots in docs/screenshots/ (demo content, Debian's Chromium)
	$(BIN)/python tools/screenshots.py
