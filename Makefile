# Thi Đua Số — every command. `make run` and `make test` install what they need on a fresh clone.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV := $(PYTHON) -m uv
UV_RUN := $(UV) run --locked
FRONTEND := frontend
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src $(FRONTEND)/public -type f 2>/dev/null) \
	$(wildcard $(FRONTEND)/index.html $(FRONTEND)/vite.config.* $(FRONTEND)/tsconfig*.json)
IS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo yes)

.PHONY: help run test fuzz backup restore test-python test-frontend test-browser gen-client gen-client-check xapi-conformance lint fmt migrate seed bench deps deps-python deps-system deps-browser frontend

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: deps frontend ## Install, build, start PostgreSQL + the three services + the gateway on http://127.0.0.1:8080
	$(UV_RUN) python -m devstack run

test: deps deps-browser frontend ## Every suite: service, cross-service (real PostgreSQL and nginx), frontend unit, browser
	$(MAKE) --no-print-directory test-python test-frontend test-browser

test-python:
	$(UV_RUN) pytest

fuzz: deps frontend ## schemathesis over the three services for longer (FUZZ_EXAMPLES, FUZZ_MAX_SECONDS, FUZZ_SEED)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100} FUZZ_MAX_SECONDS=$${FUZZ_MAX_SECONDS:-840} $(UV_RUN) pytest tests/e2e/test_api_conformance.py -p no:cacheprovider

test-frontend: gen-client-check
	cd $(FRONTEND) && npm test

gen-client: deps-python $(FRONTEND)/node_modules/.package-lock.json ## Regenerate the dashboard's API types from the services' OpenAPI
	$(FRONTEND)/scripts/gen-client.sh

gen-client-check: deps-python $(FRONTEND)/node_modules/.package-lock.json
	$(FRONTEND)/scripts/gen-client.sh --check

test-browser:
	cd $(FRONTEND) && E2E_RETRIES=$${E2E_RETRIES:-1} npm run test:e2e

lint: deps-python $(FRONTEND)/node_modules/.package-lock.json ## ruff, mypy, import contracts, eslint, tsc
	$(UV_RUN) ruff check .
	$(UV_RUN) ruff format --check .
	$(UV_RUN) mypy services/service-kit/src services/reference-data/src services/campaign-api/src services/scoring-api/src services/digital-literacy-api/src infra/devstack
	$(UV_RUN) lint-imports
	cd $(FRONTEND) && npm run lint && npm run typecheck

fmt: deps-python ## Format and auto-fix the Python code
	$(UV_RUN) ruff format .
	$(UV_RUN) ruff check --fix .

migrate: deps-python ## Create the roles and schemas and run every service's migrations
	$(UV_RUN) python -m devstack migrate

seed: deps-python ## Migrate, then load the demo data (idempotent)
	$(UV_RUN) python -m devstack seed

backup: deps-python ## pg_dump every service schema into .data/backups/<time>/ (the keys stay in .data/secrets)
	$(UV_RUN) python -m devstack backup

restore: deps-python ## Replace every service schema with the latest backup (or FROM=<folder>), then migrate
	$(UV_RUN) python -m devstack restore $(if $(FROM),--from $(FROM))

bench: deps frontend ## Benchmarks in tests/perf (ratios against references measured in the same run); BENCH_SCALE=0.05 for a quick run
	$(call apt_install,command -v wrk,wrk)
	$(UV_RUN) python tests/perf/run.py

xapi-conformance: deps-python ## The ADL LRS conformance suite (a checkout at XAPI_CONFORMANCE_DIR, outside the repo) against a throw-away stack
	$(UV_RUN) python tests/conformance/xapi_suite.py

# --- installing -----------------------------------------------------------------------------------

deps: deps-system deps-python $(FRONTEND)/node_modules/.package-lock.json

deps-browser: ## Debian's Chromium for the browser tests (Playwright drives it; no browser downloads)
	$(call apt_install,test -x /usr/bin/chromium,chromium)

deps-python:
	@$(UV) --version >/dev/null 2>&1 || { echo "Installing uv with pip"; $(PYTHON) -m pip install --quiet --disable-pip-version-check uv; }
	$(UV) sync --locked --quiet

# $(call apt_install,<command that proves it is there>,<Debian package>)
define apt_install
	@if ! $(1) >/dev/null 2>&1; then \
	  if [ "$(IS_ROOT)" = yes ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing $(2) with apt"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(2) >/dev/null; \
	  else \
	    echo "$(2) is missing: install it (e.g. 'sudo apt-get install $(2)') and run make again" >&2; exit 1; \
	  fi; \
	fi
endef

deps-system:
	$(call apt_install,test -x "$$(command -v nginx || echo /usr/sbin/nginx)",nginx-light)
	$(call apt_install,test -x "$$(command -v pgbouncer || echo /usr/sbin/pgbouncer)",pgbouncer)
	@command -v node >/dev/null 2>&1 || { echo "Node.js 20+ is missing: install it and run make again" >&2; exit 1; }

$(FRONTEND)/node_modules/.package-lock.json: $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error

frontend: $(FRONTEND)/dist/index.html ## Build the dashboard

$(FRONTEND)/dist/index.html: $(FRONTEND)/node_modules/.package-lock.json $(FRONTEND_SOURCES) $(FRONTEND)/package.json
	cd $(FRONTEND) && npm run build
