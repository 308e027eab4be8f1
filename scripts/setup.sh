#!/usr/bin/env bash
# Installs whatever this project needs that the machine lacks. Every step is guarded, so a second
# run costs nothing. Usage: scripts/setup.sh [build|release|test]
#   build:   Rust wasm target, Trunk, wasm-bindgen CLI, node tools (wasm-opt, Playwright)
#   release: the above plus Debian's Chromium (the release build pre-renders its first view)
#   test:    all of the above plus ChromeDriver and the export validators
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or Trunk tries to download one.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "could not read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  # Not --locked: a locked transitive crate of 0.2.130 is missing from the registry.
  cargo install --force "wasm-bindgen-cli@$bindgen_version"
fi

# Node tools from the committed package-lock: wasm-opt (binaryen 132), Playwright, axe-core.
if [ ! -f node_modules/.stamp ] || [ package-lock.json -nt node_modules/.stamp ]; then
  say "installing node tools from package-lock.json"
  npm ci --no-audit --no-fund
  touch node_modules/.stamp
fi

if [ "$what" = "test" ] || [ "$what" = "release" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver
  fi
fi
if [ "$what" = "test" ]; then
  # Outside validators for the exports (OSCAL, iCalendar, CommonMark), pinned, in a local venv.
  if [ ! -f .tools/venv/.stamp ] || [ tests/requirements-validate.txt -nt .tools/venv/.stamp ]; then
    say "installing the export validators into .tools/venv"
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements-validate.txt
    touch .tools/venv/.stamp
  fi
fi
say "tools ready"
