#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Sceau on Debian/Ubuntu.
# Idempotent: on a machine that has everything it only checks versions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { printf '\033[1m== %s\033[0m\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# Debian packages: Chromium for browser tests, knot + dnsdist for the DoH test server.
pkgs=()
for p in chromium chromium-driver knot dnsdist curl brotli time python3-venv; do
  dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p")
done
if [ ${#pkgs[@]} -gt 0 ]; then
  say "apt-get install ${pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi
# The packaged services are not wanted running: the tests start their own.
for s in knot dnsdist; do $SUDO systemctl disable --now "$s" >/dev/null 2>&1 || true; done

if ! rustup target list --installed | grep -q wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

trunk_version=0.21.14
if ! trunk --version 2>/dev/null | grep -q "$trunk_version"; then
  say "cargo install trunk $trunk_version (about 6 minutes)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$wb_version"; then
  say "cargo install wasm-bindgen-cli $wb_version (about 2 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$wb_version"
fi

# npm: a current wasm-opt (binaryen 132) and playwright-core for the browser tests.
if [ ! -x tests/browser/node_modules/.bin/wasm-opt ] || [ ! -d tests/browser/node_modules/playwright-core ]; then
  say "npm ci (tests/browser)"
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
# cargo-fuzz for the short fuzz run of the test command (SCEAU_FUZZ=0 skips it, not in
# CI). It only drives cargo, so a dev build does: half the CPU time of a release one.
cargo_fuzz_version=0.13.2
if { [ "${SCEAU_FUZZ:-1}" != 0 ] || [ -n "${CI:-}" ]; } \
    && ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $cargo_fuzz_version"; then
  say "cargo install cargo-fuzz $cargo_fuzz_version (under a minute)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --locked --debug cargo-fuzz --version "$cargo_fuzz_version"
fi
