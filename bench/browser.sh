#!/usr/bin/env bash
# Message analysis timed in headless Chromium (wasm, release profile): parsing plus the
# DKIM/ARC/SPF/DMARC re-check with DNS answered from memory. Prints one line of figures.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/env.sh"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=300
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test --profile web --target wasm32-unknown-unknown --test browser_bench -- --nocapture 2>&1 \
  | grep -o 'browser-bench: .*' || { echo "browser bench failed" >&2; exit 1; }
