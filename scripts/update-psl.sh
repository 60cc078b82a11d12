#!/usr/bin/env bash
# Refreshes data/public_suffix_list.dat (used only for RFC 7489 organisational-domain
# discovery) from the copy PyPI's `publicsuffixlist` package ships: comments and blank
# lines are stripped to keep the web app small; section markers stay.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pip download --no-deps -q -d "$tmp" publicsuffixlist
(cd "$tmp" && python3 -m zipfile -e ./*.whl x >/dev/null)
src="$tmp/x/publicsuffixlist/public_suffix_list.dat"
{
  echo "// Public Suffix List, Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/)."
  grep -E '^// (VERSION|COMMIT):' "$src"
  echo "// Comments stripped by scripts/update-psl.sh; rules and section markers kept."
  awk '/^\/\/ ===(BEGIN|END)/ {print; next} /^\/\// || /^[[:space:]]*$/ {next} {print $1}' "$src"
} > "$root/data/public_suffix_list.dat"
grep -E '^// VERSION' "$root/data/public_suffix_list.dat"
