#!/usr/bin/env bash
# A real DNS-over-HTTPS server on loopback for the tests: knot (authoritative for
# tests/dns/*.zone) on 127.0.0.1:5300 behind dnsdist, which serves RFC 8484 on
# http://127.0.0.1:8053/dns-query with Access-Control-Allow-Origin: *.
#   scripts/doh-server.sh start|stop|status|url
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.tmp/doh"
url="http://127.0.0.1:8053/dns-query"
knot_port=5300

need() { command -v "$1" >/dev/null 2>&1 || { echo "doh-server: $1 is missing (install Debian packages knot and dnsdist: scripts/setup.sh)" >&2; exit 1; }; }

probe() {
  # A TXT query for split.sceau.test, ID 0, RD, in RFC 8484 base64url.
  local q="AAABAAABAAAAAAAABXNwbGl0BXNjZWF1BHRlc3QAABAAAQ"
  curl -s -m 2 -o /dev/null -w '%{http_code}' -H 'accept: application/dns-message' "$url?dns=$q" 2>/dev/null | grep -q '^200$'
}

zones_sum() { cat "$root"/tests/dns/*.zone | sha256sum | cut -d' ' -f1; }

start() {
  # A server already running is reused only if it serves the current zone files.
  if probe; then
    if [ "$(cat "$run/zones.sum" 2>/dev/null)" = "$(zones_sum)" ]; then echo "$url"; return 0; fi
    stop; sleep 0.5
  fi
  need knotd; need dnsdist; need curl
  mkdir -p "$run/zones" "$run/knot-db"
  for z in "$root"/tests/dns/*.zone; do cp "$z" "$run/zones/"; done
  zones_sum > "$run/zones.sum"
  cat > "$run/knot.conf" <<CONF
server:
    rundir: "$run"
    listen: 127.0.0.1@$knot_port
    pidfile: "$run/knot.pid"
database:
    storage: "$run/knot-db"
log:
  - target: "$run/knot.log"
    any: warning
template:
  - id: default
    storage: "$run/zones"
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
zone:
  - domain: sceau.test
    file: "test.zone"
  - domain: test
    file: "tld.zone"
CONF
  cat > "$run/dnsdist.conf" <<CONF
setSecurityPollSuffix('')
setLocal('127.0.0.1:5354')
newServer({address='127.0.0.1:$knot_port', checkType='SOA', checkName='sceau.test.'})
addDOHLocal('127.0.0.1:8053', nil, nil, '/dns-query', {customResponseHeaders={['access-control-allow-origin']='*'}})
CONF
  knotd -c "$run/knot.conf" -d
  nohup dnsdist -C "$run/dnsdist.conf" --supervised > "$run/dnsdist.log" 2>&1 &
  echo $! > "$run/dnsdist.pid"
  for _ in $(seq 1 50); do
    if probe; then echo "$url"; return 0; fi
    sleep 0.2
  done
  echo "doh-server: the DoH server did not answer; logs in $run" >&2
  tail -5 "$run/dnsdist.log" "$run/knot.log" >&2 || true
  exit 1
}

stop() {
  [ -f "$run/dnsdist.pid" ] && kill "$(cat "$run/dnsdist.pid")" 2>/dev/null || true
  [ -f "$run/knot.pid" ] && kill "$(cat "$run/knot.pid")" 2>/dev/null || true
  rm -f "$run/dnsdist.pid" "$run/knot.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if probe; then echo "running: $url"; else echo "stopped"; exit 1; fi ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
