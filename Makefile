# Derma Consent: every target calls a script in scripts/, which say what they do.
SHELL := /bin/bash
.PHONY: run run-release test setup migrate seed db-start db-stop db-status mail psql sqlx-prepare fmt clippy e2e bench

run: ## build and serve at http://127.0.0.1:3000 on the private PostgreSQL
	scripts/run

run-release: ## the same with optimised builds
	scripts/run --release

test: ## every test: fmt, clippy, unit, integration, wasm, browser
	scripts/test

setup: ## install missing build tools (idempotent)
	scripts/setup --browser

migrate: ## apply database migrations (the server also does this at start)
	scripts/migrate

seed: ## the demo practice (prints its sign-in details)
	scripts/seed

db-start: ## create (once) and start the private PostgreSQL
	scripts/db start

db-stop: ## stop the private PostgreSQL
	scripts/db stop

db-status: ## say whether the private PostgreSQL runs
	@scripts/db status || true

mail: ## the newest mail in the local development outbox (N=5 for more)
	scripts/mail $(N)

psql: ## a psql shell on the app database
	scripts/db psql

sqlx-prepare: ## regenerate the committed sqlx offline data in .sqlx/
	scripts/sqlx-prepare

fmt:
	cargo fmt --all

clippy:
	. scripts/lib.sh && cargo_dev clippy --workspace --exclude frontend --exclude patient-frontend --all-targets -- -D warnings

e2e: ## browser tests against a debug build
	. scripts/lib.sh && cargo_leptos build && scripts/build-bundles && scripts/e2e target/debug/server

bench: ## budgets: crypto timings (native, WASM) and the patient page's render rate and first-load size; fails when one is missed
	scripts/bench
