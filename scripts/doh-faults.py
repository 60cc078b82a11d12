#!/usr/bin/env python3
"""A DNS-over-HTTPS server that misbehaves on purpose, for the fault tests.

Started and stopped by scripts/doh-server.sh on 127.0.0.1:8054. Each path prefix is one
fault; the plain path proxies to the fault dnsdist (which answers SERVFAIL for
servfail.sceau.test and never answers for timeout.sceau.test):

  /500/dns-query      HTTP 500
  /type/dns-query     200 with Content-Type: text/html
  /trunc/dns-query    200 application/dns-message, the real answer cut short
  /garbage/dns-query  200 application/dns-message, bytes that are no DNS message
  /nocors/dns-query   the real answer without Access-Control-Allow-Origin
  /dns-query          the real answer (proxied)

It also holds a UDP "sink" (127.0.0.1:5357) that reads DNS queries and never answers:
the fault dnsdist's backend for timeout.sceau.test (a closed port would not do: the
ICMP refusal makes dnsdist answer 502 at once).

Every other response carries Access-Control-Allow-Origin: * so that the browser lets
the page read it. Standard library only.

  doh-faults.py [--port 8054] [--upstream http://127.0.0.1:8055/dns-query] [--sink-port 5357]
"""

import argparse
import socket
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

GARBAGE = b"\x13\x37not a DNS message at all\xff\xfe\x00\x01" * 3


class Handler(BaseHTTPRequestHandler):
    upstream = "http://127.0.0.1:8055/dns-query"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: one line per request on stderr
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def fetch(self, query):
        """The upstream answer: (status, content type, body)."""
        url = self.upstream + ("?" + query if query else "")
        req = urllib.request.Request(url, headers={"accept": "application/dns-message"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers.get("content-type", ""), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("content-type", ""), e.read()
        except OSError:
            return 504, "text/plain", b"upstream did not answer\n"

    def reply(self, status, ctype, body, cors=True):
        self.send_response(status)
        if ctype:
            self.send_header("content-type", ctype)
        if cors:
            self.send_header("access-control-allow-origin", "*")
        self.send_header("cache-control", "no-store")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = urlsplit(self.path)
        fault = parts.path[: -len("/dns-query")].strip("/") if parts.path.endswith("/dns-query") else None
        if fault is None:
            return self.reply(404, "text/plain", b"not found\n")
        if fault == "500":
            return self.reply(500, "text/plain", b"internal error (on purpose)\n")
        if fault == "type":
            return self.reply(200, "text/html; charset=utf-8", b"<!doctype html><p>not DNS</p>\n")
        if fault == "garbage":
            return self.reply(200, "application/dns-message", GARBAGE)
        if fault not in ("", "trunc", "nocors"):
            return self.reply(404, "text/plain", b"no such fault\n")
        status, ctype, body = self.fetch(parts.query)
        if fault == "trunc" and status == 200:
            # The header and most of the question: counts promise more than is there.
            body = body[: max(12, min(len(body) - 1, 17))]
        self.reply(status, ctype, body, cors=fault != "nocors")


def sink(port):
    """Reads UDP datagrams on 127.0.0.1:port forever, answering none."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", port))
    while True:
        sock.recvfrom(65535)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8054)
    ap.add_argument("--upstream", default=Handler.upstream)
    ap.add_argument("--sink-port", type=int, default=5357)
    a = ap.parse_args()
    threading.Thread(target=sink, args=(a.sink_port,), daemon=True).start()
    Handler.upstream = a.upstream
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    ThreadingHTTPServer(("127.0.0.1", a.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
