#!/usr/bin/env bash
# DMARC aggregate report throughput (issue 6): Sceau natively (`sceau report DIR --json`,
# release build), Sceau in headless Chromium (the Reports tab's Web Worker, release
# dist/) and parsedmarc (PyPI, offline), on the same synthetic set in the same run.
#
#   bench/reports.sh                 # ~300 MB of XML (about 1,300 files)
#   REPORTS_MB=50 bench/reports.sh   # a quick run
#
# Environment: REPORTS_MB (default 300), REPORTS_SEED (7), REPORTS_PORT (8112, for the
# http.server serving dist/), REPORTS_NO_BUILD=1 (use the existing release builds),
# REPORTS_SKIP="browser parsedmarc" (leave tools out).
#
# The set (bench/gen_reports.py, deterministic) is kept in .tmp/bench-reports/ and
# reused by later runs of the same size. The generator counts the messages it writes;
# every tool must find that total (and parsedmarc every report), or the script fails.
# MB are 10^6 bytes of XML (uncompressed); "disk" is the files' size (some .xml.gz, .zip).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/env.sh"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
MB=${REPORTS_MB:-300}
SEED=${REPORTS_SEED:-7}
PORT=${REPORTS_PORT:-8112}
SKIP=${REPORTS_SKIP:-}
PARSEDMARC_VERSION=11.1.0
set_dir=$root/.tmp/bench-reports/set-$MB-$SEED
out=$root/.tmp/bench-reports/out
mkdir -p "$out"
say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
skipped() { [[ " $SKIP " == *" $1 "* ]]; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

say "generating ${MB} MB of aggregate reports (seed $SEED)"
python3 bench/gen_reports.py "$set_dir" --mb "$MB" --seed "$SEED"
files=$set_dir/files
read -r n_files n_reports n_records messages xml_bytes disk_bytes n_sources n_reporters < <(
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["files"], m["reports"], m["records"], m["messages"], m["xml_bytes"], m["disk_bytes"], m["sources"], m["reporters"])' \
    "$set_dir/manifest.json")
mb=$(python3 -c "print(f'{$xml_bytes/1e6:.1f}')")
disk_mb=$(python3 -c "print(f'{$disk_bytes/1e6:.1f}')")
say "$n_files files, $n_reports reports, $n_records records, $messages messages, $n_reporters reporters, $n_sources source IPs; $mb MB XML, $disk_mb MB on disk"

if [ "${REPORTS_NO_BUILD:-0}" != 1 ]; then
  say "cargo build --release --bin sceau"
  cargo build --release --bin sceau 2>&1 | tail -1 >&2
  if ! skipped browser; then
    say "trunk build --release --offline"
    trunk build --release --offline >/dev/null 2>&1
  fi
fi

fail=0
results=()   # "tool seconds cpu_seconds rss_mb"

# --- Sceau, native -----------------------------------------------------------------
say "sceau report --json (native)"
# A first run writes the JSON for the correctness check (and warms the page cache)…
"$CARGO_TARGET_DIR/release/sceau" report "$files" --json > "$out/sceau.json"
got=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["messages"], t["reports"], t["records"], t["files_with_errors"])' "$out/sceau.json")
if [ "$got" != "$messages $n_reports $n_records 0" ]; then
  echo "FAIL native: messages reports records errors = $got, expected $messages $n_reports $n_records 0" >&2
  fail=1
fi
# …the timed run writes to /dev/null.
/usr/bin/time -f '%e %U %S %M' -o "$out/native.time" \
  "$CARGO_TARGET_DIR/release/sceau" report "$files" --json > /dev/null
read -r secs user sys rss_kb < "$out/native.time"
results+=("sceau-native $secs $(python3 -c "print($user + $sys)") $((rss_kb / 1024))")

# --- Sceau, Chromium ---------------------------------------------------------------
if ! skipped browser; then
  say "Chromium: the Reports tab (http.server on 127.0.0.1:$PORT)"
  [ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  if curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
    echo "port $PORT is in use: set REPORTS_PORT" >&2; exit 1
  fi
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist >/dev/null 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.1; done
  kill -0 "$server" 2>/dev/null || { echo "http.server could not listen on port $PORT" >&2; exit 1; }
  if node bench/reports-browser.mjs "http://127.0.0.1:$PORT/" "$files" "$messages" > "$out/browser.json"; then :; else
    echo "FAIL browser: $(cat "$out/browser.json")" >&2
    fail=1
  fi
  kill "$server" 2>/dev/null || true
  trap - EXIT
  if [ -s "$out/browser.json" ]; then
    read -r secs cpu rss read view lat_read lat_view narrow heap wasm table < <(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print("%.2f %.2f %d %.2f %.2f %d %d %.2f %d %d %d" % (b["seconds"], b["cpu_seconds"], b["renderer_rss_mb"], b["read_seconds"], b["view_seconds"], b["max_latency_reading_ms"], b["max_latency_view_ms"], b["narrow_seconds"], b["page_js_heap_mb"], b["worker_wasm_mb"], b["worker_table_mb"]))' "$out/browser.json")
    results+=("sceau-chromium $secs $cpu $rss")
    say "Chromium: worker read ${read} s, then the view ${view} s; narrowing to one reporter ${narrow} s; page round trip max ${lat_read} ms while reading, ${lat_view} ms from the view on; page JS heap ${heap} MB; renderer RSS ${rss} MB, of which the worker's wasm memory ${wasm} MB (record table ${table} MB)"
  fi
fi

# --- parsedmarc ----------------------------------------------------------------------
if ! skipped parsedmarc; then
  venv=$root/.tmp/parsedmarc-venv
  if ! "$venv/bin/parsedmarc" --version 2>/dev/null | grep -qx "$PARSEDMARC_VERSION"; then
    say "pip install parsedmarc==$PARSEDMARC_VERSION (venv in .tmp/)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "parsedmarc==$PARSEDMARC_VERSION"
  fi
  say "parsedmarc $PARSEDMARC_VERSION --offline (one process, its default)"
  rm -rf "$out/parsedmarc"
  # --offline: no DNS, no downloads (bundled IP database and maps); output to files.
  /usr/bin/time -f '%e %U %S %M' -o "$out/parsedmarc.time" \
    "$venv/bin/parsedmarc" --offline --silent --no-prettify-json -o "$out/parsedmarc" "$files" \
    > "$out/parsedmarc.log" 2>&1 || { echo "FAIL parsedmarc: see $out/parsedmarc.log" >&2; fail=1; }
  got=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(r["count"] for x in d for r in x["records"]), len(d), sum(len(x["records"]) for x in d))' "$out/parsedmarc/aggregate.json" 2>/dev/null || echo none)
  if [ "$got" != "$messages $n_reports $n_records" ]; then
    echo "FAIL parsedmarc: messages reports records = $got, expected $messages $n_reports $n_records" >&2
    fail=1
  fi
  read -r secs user sys rss_kb < "$out/parsedmarc.time"
  results+=("parsedmarc $secs $(python3 -c "print($user + $sys)") $((rss_kb / 1024))")
fi

# --- Summary -------------------------------------------------------------------------
python3 - "$mb" "$disk_mb" "${results[@]}" <<'EOF'
import sys
mb, disk = float(sys.argv[1]), float(sys.argv[2])
rows = [r.split() for r in sys.argv[3:]]
ref = {t: float(s) for t, s, _, _ in rows}.get("parsedmarc")
print(f"\n{mb:.0f} MB of XML ({disk:.0f} MB on disk)\n")
print("| tool | MB | seconds | MB/s | MB/s on disk | CPU seconds | peak RSS MB | vs parsedmarc |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for tool, secs, cpu, rss in rows:
    s = float(secs)
    ratio = f"{ref / s:.1f}x" if ref else "-"
    print(f"| {tool} | {mb:.0f} | {s:.2f} | {mb / s:.1f} | {disk / s:.1f} | {float(cpu):.1f} | {rss} | {ratio} |")
print("\nseconds: wall clock. CPU seconds: user + system (Chromium: all its processes).")
print("Peak RSS: native and parsedmarc from /usr/bin/time; Chromium: the renderer process (page and worker).")
EOF
if [ "$fail" != 0 ]; then echo "correctness check FAILED" >&2; exit 1; fi
echo "correctness: every tool found $messages messages in $n_reports reports"
