# Veikart: the two commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
export OMP_NUM_THREADS ?= 1
export PYTHONUNBUFFERED := 1

.PHONY: install demo test test-sqlite test-postgres lint serve worker bench clean messages

install: $(STAMP)

$(STAMP): pyproject.toml
	@PY=$$(scripts/find-python) || exit 1; \
	if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  echo "Creating $(VENV) with $$PY"; rm -rf $(VENV); $$PY -m venv $(VENV) || exit 1; fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

demo: install
	$(BIN)/veikart migrate --noinput
	$(BIN)/veikart demo
	@echo ""
	@echo "Veikart serves the Borgen demo at http://127.0.0.1:$(PORT)/  (staff login: see README)"
	@echo "(with a background worker for Konsolider runs, large imports and digests)"
	@$(BIN)/veikart db_worker >$(VENV)/demo-worker.log 2>&1 & worker=$$!; \
	$(BIN)/veikart runserver 127.0.0.1:$(PORT) --noreload & server=$$!; \
	trap 'kill $$worker $$server 2>/dev/null' EXIT INT TERM HUP; \
	wait $$server

serve: install
	$(BIN)/veikart runserver 127.0.0.1:$(PORT)

worker: install
	$(BIN)/veikart db_worker

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --severity-level low -r veikart config -x '*/tests/*,*/migrations/*' 2>&1 | grep -v '^\[' ; test $${PIPESTATUS[0]} -eq 0

# The whole suite on SQLite, and again on PostgreSQL when DATABASE_URL names one.
test: install lint
	$(BIN)/veikart makemigrations --check --dry-run >/dev/null || { echo "Model changes without a migration: run 'veikart makemigrations'"; exit 1; }
	DATABASE_URL= $(BIN)/pytest
	@if [[ "$${DATABASE_URL:-}" == postgres* ]]; then \
	  echo "== again on PostgreSQL ($${DATABASE_URL%%@*}@...) =="; \
	  VEIKART_SKIP_BROWSER=1 $(BIN)/pytest || exit 1; \
	fi

bench: install
	$(BIN)/python bench/run_all.py

messages: install
	cd veikart && ../$(BIN)/django-admin makemessages -l nb -l en --ignore 'tests/*' && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache
