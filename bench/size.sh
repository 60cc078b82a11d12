#!/usr/bin/env bash
# First-load size of the web app: raw, gzip -9 and brotli bytes of the release wasm,
# js and css. Builds dist/ first unless SIZE_NO_BUILD=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/env.sh"
[ "${SIZE_NO_BUILD:-0}" = 1 ] || trunk build --release --offline >/dev/null 2>&1
printf '%-12s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
# First load: the app's wasm, js and css. The reports worker (sceau-worker*, loader.js)
# is fetched only when reports are dropped; it is listed after the total.
for f in dist/sceau-web*.wasm dist/sceau-web*.js dist/*.css; do
  r=$(stat -c%s "$f"); g=$(gzip -9c "$f" | wc -c); b=$(brotli -c -q 11 "$f" | wc -c)
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  printf '%-12s %10d %10d %10d\n' "${f##*.}" "$r" "$g" "$b"
done
printf '%-12s %10d %10d %10d\n' total "$tr" "$tg" "$tb"
for f in dist/sceau-worker*.wasm dist/sceau-worker*.js; do
  r=$(stat -c%s "$f"); g=$(gzip -9c "$f" | wc -c); b=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-12s %10d %10d %10d\n' "worker ${f##*.}" "$r" "$g" "$b"
done
