#!/usr/bin/env bash
# Fuzzes the parsers with cargo-fuzz (libFuzzer) on stable Rust: RUSTC_BOOTSTRAP=1 lets
# stable rustc take the -Z flags cargo-fuzz passes (sanitizer, coverage).
#   scripts/fuzz.sh [TARGET...]       each target FUZZ_SECONDS seconds (default 20)
#   FUZZ_SECONDS=600 scripts/fuzz.sh  the long run
#   FUZZ_BUILD=quick FUZZ_SECONDS=5 scripts/fuzz.sh   the test command's short run
# FUZZ_BUILD picks the build of the fuzz crate (both `cargo fuzz build -O`: debug
# assertions and overflow checks in Sceau's code only, see fuzz/Cargo.toml):
#   full (default)  opt-level 3, one codegen unit, AddressSanitizer: for long runs
#                   (about 2.5 CPU-minutes to build from nothing)
#   quick           opt-level 1, 16 codegen units, no sanitizer: the test command's run
#                   (under 2 CPU-minutes). The crate forbids unsafe code, so
#                   AddressSanitizer would only watch the dependencies.
# Both are real libFuzzer runs, coverage-guided by cargo-fuzz's SanitizerCoverage flags,
# each in its own target directory (target/fuzz-full, target/fuzz-quick).
# Targets (fuzz/fuzz_targets/): headers dkim spf dmarc reports dns_wire zone.
# Seeds come from the fixtures and the conformance corpus (../shared/corpus, or
# SCEAU_CORPUS); the growing corpus stays in fuzz/corpus/<target>, crashes in
# fuzz/artifacts/<target>. Exits non-zero if any target found a crash.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/env.sh"
seconds=${FUZZ_SECONDS:-20}
corpus_root=${SCEAU_CORPUS:-$root/../shared/corpus}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(headers dkim spf dmarc reports dns_wire zone)

case ${FUZZ_BUILD:=full} in
  full) build_flags=(--release --sanitizer address) ;;
  quick) build_flags=(--release --sanitizer none --codegen-units 16)
    export CARGO_PROFILE_RELEASE_OPT_LEVEL=1 ;;
  *) echo "fuzz: FUZZ_BUILD is full or quick, not $FUZZ_BUILD" >&2; exit 2 ;;
esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is missing: scripts/setup.sh installs it" >&2
  exit 1
fi

# Copies files into a target's corpus, optionally prefixed by one byte.
seed() {
  local target=$1 prefix=$2; shift 2
  local dir="$root/fuzz/corpus/$target"
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    local out
    out="$dir/seed-$(basename "$f" | tr -c 'A-Za-z0-9._-' _)"
    if [ -z "$prefix" ]; then cp "$f" "$out"; else { printf "\\x$prefix"; cat "$f"; } > "$out"; fi
  done
}

seeds() {
  shopt -s nullglob globstar
  local zones=(tests/dns/*.zone tests/fixtures/**/*.zone "$corpus_root"/dkim/zone.txt)
  seed headers "" tests/fixtures/messages/*.eml tests/browser/fixtures/*.eml "$corpus_root"/dkim/*.eml
  seed zone "" "${zones[@]}"
  # Record texts: the TXT strings of the zones, one per file.
  for t in dkim spf dmarc; do mkdir -p "fuzz/corpus/$t"; done
  local i=0
  while IFS= read -r line; do
    i=$((i + 1))
    case "$line" in
      *v=DKIM1*|*k=rsa*|*k=ed25519*) printf '%s' "$line" > "fuzz/corpus/dkim/seed-txt-$i" ;;
      *v=spf1*) printf '%s' "$line" > "fuzz/corpus/spf/seed-txt-$i" ;;
      *v=DMARC1*) printf '%s' "$line" > "fuzz/corpus/dmarc/seed-txt-$i" ;;
    esac
  done < <(grep -ho '"[^"]*"' "${zones[@]}" 2>/dev/null | tr -d '"' | sort -u)
  # DKIM-Signature values from the messages.
  grep -h -A3 '^DKIM-Signature:' tests/fixtures/messages/*.eml 2>/dev/null \
    | sed 's/^DKIM-Signature: *//' | split -l 4 - fuzz/corpus/dkim/seed-sig- || true
  # Reports: the first byte picks the name (0 .xml, 1 .xml.gz, 2 .zip, 3 .eml, 4 .json).
  local reports=("$corpus_root"/reports/**/*)
  for f in "${reports[@]}"; do
    case "$f" in
      *.xml) seed reports 00 "$f" ;;
      *.gz) seed reports 01 "$f" ;;
      *.zip) seed reports 02 "$f" ;;
      *.eml|*.msg) seed reports 03 "$f" ;;
      *.json) seed reports 04 "$f" ;;
    esac
  done
  # DNS wire: real answers from the test zone, when the DoH server runs.
  mkdir -p fuzz/corpus/dns_wire
  local q
  for q in AAABAAABAAAAAAAABXNwbGl0BXNjZWF1BHRlc3QAABAAAQ AAABAAABAAAAAAAABXNjZWF1BHRlc3QAAA8AAQ; do
    curl -s -m 2 -H 'accept: application/dns-message' "${SCEAU_DOH_URL:-$("$root/scripts/doh-server.sh" url)}?dns=$q" \
      -o "fuzz/corpus/dns_wire/seed-$q" 2>/dev/null || true
  done
}
seeds

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}/fuzz-$FUZZ_BUILD
mkdir -p "$root/.tmp"
# Every target in one build (the library once, then seven links); the runs reuse it.
printf '\n\033[1m== fuzz build (%s: %s)\033[0m\n' "$FUZZ_BUILD" "${build_flags[*]}"
build_start=$SECONDS
if ! (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build "${build_flags[@]}") \
    > "$root/.tmp/fuzz-build.log" 2>&1; then
  tail -30 "$root/.tmp/fuzz-build.log" >&2
  echo "fuzz: the build failed; full log in $root/.tmp/fuzz-build.log" >&2
  exit 1
fi
echo "built in $((SECONDS - build_start))s"

failed=()
for t in "${targets[@]}"; do
  printf '\n\033[1m== fuzz %s (%ss)\033[0m\n' "$t" "$seconds"
  log="$root/.tmp/fuzz-$t.log"
  # -rss_limit_mb: the report reader may legitimately hold a few MB per input.
  if (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "${build_flags[@]}" "$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1) > "$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  else
    failed+=("$t")
    grep -E '(==[0-9]+==|SUMMARY|panicked|Test unit written|Reproduce with|error)' "$log" | head -20 || true
    echo "fuzz: $t failed; full log in $log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash in ${targets[*]} (${seconds}s each)"
