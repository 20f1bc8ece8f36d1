# The two commands a new user needs:
#   make run   install, migrate, load demo data, start the job worker and serve on http://127.0.0.1:5000
#   make test  install with dev extras and run every test on SQLite and PostgreSQL
# While working:
#   make check lint, type-check the engines and run the fast tests on SQLite (no slow,
#              no browser tests); make test before pushing

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HTMX := claimtrack/static/vendor/htmx.min.js
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test check install install-dev assets migrate demo serve bench clean

run: install migrate demo serve

test: install-dev
	scripts/test-all $(PYTEST_ARGS)

check: install-dev
	$(BIN)/ruff check claimtrack tests benchmarks
	$(BIN)/ruff format --check claimtrack tests benchmarks
	$(BIN)/bandit -q -c pyproject.toml -r claimtrack
	$(BIN)/mypy
	env -u CLAIMTRACK_TEST_DATABASE_URL $(BIN)/python -m pytest -p no:cacheprovider -q -n $${TEST_WORKERS:-auto} \
		-m "not slow and not browser" $(PYTEST_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(VENV)/.installed assets
install-dev: $(VENV)/.installed-dev assets

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# htmx comes from the npm registry, pinned in package-lock.json, served from our static folder.
assets: $(HTMX)
$(HTMX): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(dir $(HTMX))
	cp node_modules/htmx.org/dist/htmx.min.js $(HTMX)

migrate: install
	$(BIN)/claimtrack db upgrade

demo: install
	$(BIN)/claimtrack demo

# The job worker (feed polling, fetches, browser imports) runs beside the web server and
# stops with it.
serve: install
	$(BIN)/claimtrack worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/claimtrack serve --host $(HOST) --port $(PORT)

bench: install-dev
	$(BIN)/python benchmarks/bench_extraction.py

clean:
	rm -rf $(VENV) node_modules claimtrack/static/vendor dist build
