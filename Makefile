# Audit Readiness Check. The two set-up commands are `make serve` and `make test`; each installs
# whatever is missing first (guarded, so later runs skip straight to the work).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Keep builds lean on 2-core machines.
export CARGO_BUILD_JOBS ?= 2

.PHONY: serve test dist bench setup setup-build setup-release lint test-host test-exports test-wasm build-release test-budget test-e2e fuzz clean

serve: setup-build
	trunk serve

test: setup test-host test-exports test-wasm build-release test-budget test-e2e

dist: setup-release build-release
	@echo "dist/ is a static folder: copy it to any static host, at the root or under a sub-path."

bench: setup build-release
	TOOLS_FEATURES=bench-10x trunk build --release --locked --features bench-10x --dist target/dist-bench
	BENCH_DOMAIN="$$(cargo run --release --locked --quiet --example bench_domain -- target/bench-stored-10x.json)" \
	  BENCH_STORED_10X=target/bench-stored-10x.json node tests/bench/bench.mjs

setup:
	@scripts/setup.sh test

setup-build:
	@scripts/setup.sh build

setup-release:
	@scripts/setup.sh release

test-host: lint
	cargo test --locked

# Formatting, then clippy with warnings as errors on the host (domain, tests, examples) and on the
# browser target with and without the tools bundle's views; each skipped when not installed.
lint:
	@if cargo fmt --version >/dev/null 2>&1; then cargo fmt --check; else echo "rustfmt not installed: format check skipped"; fi
	@if cargo clippy --version >/dev/null 2>&1; then \
	  cargo clippy --locked --all-targets -- -D warnings && \
	  cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings && \
	  cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features tools -- -D warnings; \
	else echo "clippy not installed: lints skipped"; fi

# The export formats, checked by outside tools (compliance-trestle, icalendar, markdown-it-py, csv).
test-exports:
	cargo run --locked --quiet --example export_samples -- target/export-samples
	.tools/venv/bin/python tests/validate_exports.py target/export-samples

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test browser_storage --test browser_screens

build-release:
	trunk build --release --locked

test-budget:
	node tests/budget.mjs

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Ten times the 100,000 inputs `make test` already runs through the stored-state parser.
fuzz:
	FUZZ_ITERATIONS=1000000 cargo test --release --locked --test fuzz_stored_state -- --nocapture

clean:
	cargo clean
	rm -rf dist node_modules
