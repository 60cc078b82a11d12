#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit and conformance tests (with the
# live DoH server), the release web build, and the browser tests in Chromium.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -f "$root/../shared/corpus/README.md" ]; then
  echo "test: the conformance corpus is missing at ../shared/corpus (it sits beside the repository)" >&2
  exit 1
fi

"$root/scripts/setup.sh"
. "$root/scripts/env.sh"

app_port=${SCEAU_APP_PORT:-8090}
cleanup() {
  [ -n "${http_pid:-}" ] && kill "$http_pid" 2>/dev/null || true
  "$root/scripts/doh-server.sh" stop || true
}
trap cleanup EXIT

say "DoH test server (knot + dnsdist)"
SCEAU_DOH_URL=$("$root/scripts/doh-server.sh" start | tail -1)
export SCEAU_DOH_URL
echo "$SCEAU_DOH_URL"
# Faulty resolvers (HTTP 500, wrong type, truncated, garbage, no CORS, SERVFAIL, timeout).
SCEAU_DOH_FAULTS=$("$root/scripts/doh-server.sh" faults-url)
export SCEAU_DOH_FAULTS

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --quiet -- -D warnings

say "cargo test (native: unit, golden, conformance, CLI, live DoH)"
mkdir -p "$root/.tmp"
cargo test 2>&1 | tee "$root/.tmp/cargo-test.log"

say "DKIM differential test against dkimpy (fresh keys, tampered copies)"
SCEAU_PROFILE=dev "$root/scripts/dkim-differential.sh" 2>&1 | tee "$root/.tmp/dkim-differential.log"

say "trunk build --release"
trunk build --release --offline

say "browser tests (Playwright + Chromium)"
python3 -m http.server --bind 127.0.0.1 "$app_port" --directory dist >/dev/null 2>&1 &
http_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$app_port/" && break; sleep 0.1; done
export SCEAU_APP_URL="http://127.0.0.1:$app_port/"
(cd tests/browser && node --test --test-concurrency=1) 2>&1 | tee "$root/.tmp/browser-test.log"

# A short fuzz run of every target: the quick build (opt-level 1, no sanitizer), seeded
# from the fixtures, the corpus and the DoH server; a crash fails the run. SCEAU_FUZZ=0
# skips it on a developer's machine, never in CI.
fuzz_line="fuzz: skipped (SCEAU_FUZZ=0)"
if [ "${SCEAU_FUZZ:-1}" != 0 ] || [ -n "${CI:-}" ]; then
  say "fuzz (quick build, ${FUZZ_SECONDS:=5}s per target)"
  FUZZ_BUILD=quick FUZZ_SECONDS=$FUZZ_SECONDS "$root/scripts/fuzz.sh" 2>&1 | tee "$root/.tmp/fuzz.log"
  fuzz_line=$(tail -1 "$root/.tmp/fuzz.log")
fi

say "all tests passed"
# One closing line with the totals of both runners and the fuzz run's outcome.
native_pass=$(grep -o '[0-9]* passed' "$root/.tmp/cargo-test.log" | awk '{s+=$1} END {print s+0}')
native_fail=$(grep -o '[0-9]* failed' "$root/.tmp/cargo-test.log" | awk '{s+=$1} END {print s+0}')
browser_pass=$(awk '/^# pass/ {print $3}' "$root/.tmp/browser-test.log")
browser_fail=$(awk '/^# fail/ {print $3}' "$root/.tmp/browser-test.log")
echo "tests: $((native_pass + browser_pass)) passed, $((native_fail + browser_fail)) failed; $fuzz_line"
