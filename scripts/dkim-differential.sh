#!/usr/bin/env bash
# Differential test of Sceau's DKIM verifier against dkimpy (issue #4).
#
# Makes a virtualenv under .tmp/dkim-differential/ with the pinned dkimpy and PyNaCl
# (scripts/dkim-differential-requirements.txt), builds the release `sceau` once, then
# runs scripts/dkim_differential.py: fresh RSA-1024/2048 and Ed25519 keys in one zone
# file, a few hundred messages generated from a fixed seed and signed by dkimpy, with
# tampered copies, each verified by dkimpy and by `sceau message --json --dns-zone`.
# Prints `dkim-differential: N passed, M failed` and exits non-zero on any
# disagreement. Options are passed on to the Python script (--seed, --messages,
# --tampers); SCEAU_BIN=path skips the build; SCEAU_PROFILE=dev uses the debug build
# (the one `cargo test` already made) instead of the release build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work="$root/.tmp/dkim-differential"
venv="$work/venv"
req="$root/scripts/dkim-differential-requirements.txt"
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s "$req" "$venv/.requirements" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$venv/.requirements"
fi

if [ -z "${SCEAU_BIN:-}" ]; then
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
  profile=${SCEAU_PROFILE:-release}
  cargo build --quiet --profile "$profile" --bin sceau
  case "$profile" in dev) dir=debug ;; *) dir=$profile ;; esac
  SCEAU_BIN="$CARGO_TARGET_DIR/$dir/sceau"
fi

exec "$venv/bin/python" "$root/scripts/dkim_differential.py" \
  --sceau "$SCEAU_BIN" --work "$work" "$@"
