#!/usr/bin/env bash
# A real DNS-over-HTTPS server on loopback for the tests: knot (authoritative for
# tests/dns/*.zone) on 127.0.0.1:5300 behind dnsdist, which serves RFC 8484 on
# http://127.0.0.1:8053/dns-query with Access-Control-Allow-Origin: *.
#
# Beside it, for the fault tests, a resolver that misbehaves on purpose:
#   - a second dnsdist (DoH on 127.0.0.1:8055, same knot behind it) whose rules answer
#     SERVFAIL for servfail.sceau.test and everything under it, and never answer for
#     timeout.sceau.test (sent to a pool whose only server, a UDP sink in doh-faults.py,
#     reads and never answers: dnsdist's DoH front end answers a DropAction with HTTP
#     403, and a closed port with 502, not with silence);
#   - scripts/doh-faults.py on http://127.0.0.1:8054, with one path per HTTP fault
#     (/500, /type, /trunc, /garbage, /nocors + /dns-query) and /dns-query proxying to
#     that dnsdist.
#   scripts/doh-server.sh start|stop|status|url|faults-url
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="$root/.tmp/doh"
url="http://127.0.0.1:8053/dns-query"
knot_port=5300
faults_url="http://127.0.0.1:8054"
faults_doh_port=8055
faults_sink_port=5357

need() { command -v "$1" >/dev/null 2>&1 || { echo "doh-server: $1 is missing (install Debian packages knot and dnsdist: scripts/setup.sh)" >&2; exit 1; }; }

# True when the DoH endpoint $1 answers a TXT query for split.sceau.test (ID 0, RD,
# RFC 8484 base64url) with HTTP 200.
probe_url() {
  local q="AAABAAABAAAAAAAABXNwbGl0BXNjZWF1BHRlc3QAABAAAQ"
  curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'accept: application/dns-message' "$1?dns=$q" 2>/dev/null | grep -q '^200$'
}
probe() { probe_url "$url"; }
probe_faults() { probe_url "$faults_url/dns-query"; }

# Waits up to 10 s for PROBE to succeed; otherwise says WHAT did not answer, shows the
# end of the LOG files and exits.
await_up() {
  local probe=$1 what=$2; shift 2
  for _ in $(seq 1 50); do
    if "$probe"; then return 0; fi
    sleep 0.2
  done
  echo "doh-server: $what did not answer; logs in $run" >&2
  tail -5 "$@" >&2 || true
  exit 1
}

# True when something listens on 127.0.0.1:$1 (TCP).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

zones_sum() { cat "$root"/tests/dns/*.zone | sha256sum | cut -d' ' -f1; }

start() {
  start_main
  start_faults
  echo "$url"
}

start_main() {
  # A server already running is reused only if it serves the current zone files; one
  # started by another checkout (no pid file here) is reused as it is, never stopped.
  if probe; then
    if [ "$(cat "$run/zones.sum" 2>/dev/null)" = "$(zones_sum)" ]; then return 0; fi
    if [ ! -f "$run/dnsdist.pid" ]; then
      echo "doh-server: reusing the DoH server on $url started elsewhere (its zones may differ)" >&2
      return 0
    fi
    stop_main; sleep 0.5
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
  # Under load a probe can time out while the servers run (here or from another
  # checkout): never start a second copy on a port already taken.
  if port_open "$knot_port"; then
    echo "doh-server: reusing the server on port $knot_port" >&2
  else
    knotd -c "$run/knot.conf" -d
  fi
  if port_open 8053; then
    echo "doh-server: reusing the server on port 8053" >&2
  else
    nohup dnsdist -C "$run/dnsdist.conf" --supervised > "$run/dnsdist.log" 2>&1 &
    echo $! > "$run/dnsdist.pid"
  fi
  await_up probe "the DoH server" "$run/dnsdist.log" "$run/knot.log"
}

start_faults() {
  if probe_faults; then return 0; fi
  need dnsdist; need python3
  mkdir -p "$run"
  cat > "$run/dnsdist-faults.conf" <<CONF
setSecurityPollSuffix('')
setLocal('127.0.0.1:5355')
newServer({address='127.0.0.1:$knot_port', checkType='SOA', checkName='sceau.test.'})
-- A server that never answers (doh-faults.py's UDP sink), kept "up".
newServer({address='127.0.0.1:$faults_sink_port', pool='blackhole', checkInterval=3600})
getServer(1):setUp()
setUDPTimeout(30)
addAction(makeRule('servfail.sceau.test.'), RCodeAction(DNSRCode.SERVFAIL))
addAction(makeRule('timeout.sceau.test.'), PoolAction('blackhole'))
addDOHLocal('127.0.0.1:$faults_doh_port', nil, nil, '/dns-query', {customResponseHeaders={['access-control-allow-origin']='*'}})
CONF
  if ! port_open "$faults_doh_port"; then
    nohup dnsdist -C "$run/dnsdist-faults.conf" --supervised > "$run/dnsdist-faults.log" 2>&1 &
    echo $! > "$run/dnsdist-faults.pid"
  fi
  if ! port_open "${faults_url##*:}"; then
    nohup python3 "$root/scripts/doh-faults.py" --port "${faults_url##*:}" \
      --upstream "http://127.0.0.1:$faults_doh_port/dns-query" --sink-port "$faults_sink_port" \
      > "$run/doh-faults.log" 2>&1 &
    echo $! > "$run/doh-faults.pid"
  fi
  await_up probe_faults "the fault server" "$run/dnsdist-faults.log" "$run/doh-faults.log"
}

kill_pidfile() {
  [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null || true
  rm -f "$1"
}

stop_main() {
  kill_pidfile "$run/dnsdist.pid"
  kill_pidfile "$run/knot.pid"
}

stop() {
  kill_pidfile "$run/doh-faults.pid"
  kill_pidfile "$run/dnsdist-faults.pid"
  stop_main
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if probe; then echo "running: $url"; else echo "stopped: $url"; fi
    if probe_faults; then echo "running: $faults_url (faults)"; else echo "stopped: $faults_url (faults)"; fi
    probe && probe_faults ;;
  url) echo "$url" ;;
  faults-url) echo "$faults_url" ;;
  *) echo "usage: $0 start|stop|status|url|faults-url" >&2; exit 2 ;;
esac
