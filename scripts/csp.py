#!/usr/bin/env python3
"""Trunk post-build hook: adds a Content-Security-Policy meta tag to index.html.

Only the app's own files may run or load; Trunk's one inline bootstrap script is allowed
by its SHA-256 hash (computed here, since it changes with each build's file names);
WebAssembly compilation is allowed ('wasm-unsafe-eval'); network connections may go to
HTTPS resolvers (the user picks one, or types a URL) and to loopback for local testing.
The same policy, as HTTP headers, is in the README for hosts that can set headers.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()

hashes = []
for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = hashlib.sha256(m.group(1).encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode())

policy = "; ".join([
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?', "", html)
html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1)
open(path, "w", encoding="utf-8").write(html)
print("csp: %d inline script(s) hashed" % len(hashes))
