#!/usr/bin/env python3
"""Differential test of Sceau's DKIM verifier against dkimpy (issue #4).

Run through scripts/dkim-differential.sh, which makes the virtualenv (pinned dkimpy
and PyNaCl) and builds `sceau`. This script:

1. makes fresh keys (RSA 1024 and 2048 with `openssl genrsa`, Ed25519 with PyNaCl) and
   writes every public key into one RFC 1035 zone file, under several domains and
   selectors: plain records, records without v=, with t=y, s=email, PKCS#1 keys,
   base64 with spaces; plus "swap" selectors publishing another key, revoked keys
   (empty p=) and selectors with no record;
2. generates messages from a fixed seed (headers with odd white space, folding, case,
   8-bit text, Received fields; bodies with trailing white space, blank lines, no
   final CRLF, empty bodies, long lines), signs each with 1 to 3 signatures through
   dkimpy (simple/relaxed header and body canonicalisation, rsa-sha256, rsa-sha1,
   ed25519-sha256, l=, i=, over-signed and absent fields in h=, a later signature
   covering an earlier one), then makes tampered copies (body changed or appended,
   white space changed, a signed field changed / re-cased / refolded / removed, a
   second From or Subject added above or below, a field listed in h= but absent
   added, b= or bh= flipped, LF line endings);
3. verifies every signature of every message with dkimpy (its DNS function reads the
   same zone file) and with `sceau message FILE --json --dns-zone ZONE --now NOW`,
   and compares them signature by signature.

Comparison rules (a disagreement on any of them fails the run):

- "verified" on the dkimpy side is `DKIM.verify(idx)` returning True. On the Sceau
  side it is `result == "pass"`, or `result == "policy"` for an `a=rsa-sha1`
  signature whose reasons hold `dkim_sha1_signature`: Sceau verifies SHA-1
  signatures but reports them as `policy` (RFC 8301 forbids accepting them, RFC 8601
  has no "pass but refused"), while dkimpy still accepts them.
- dkimpy runs in "RFC mode", with two departures from RFC 6376 undone:
  * its "extra From" hardening: dkimpy always hashes one more From than h= lists
    (Debian bug 644046), so a From added above the signed one fails there although
    RFC 6376 §5.4.2 picks fields bottom-up and the signature still verifies (Sceau
    flags the case with `dkim_not_over_signed`, and DMARC sees two From fields);
  * relaxed body canonicalisation of a last line without CRLF: dkimpy strips
    trailing white space only before a CRLF, so a body ending in "text \t" (no
    CRLF) hashes as "text \r\n", where §3.4.4 ("ignore all whitespace at the end
    of lines", then add the missing CRLF) gives "text\r\n", as Sceau does. RFC
    mode is used for signing too, so such messages are signed by the RFC.
  The stock dkimpy verdict is recorded as well; where it differs is counted, not
  failed. Only SMTP-less input can end without CRLF.
- Untampered messages must pass in dkimpy where the generator meant them to (and
  fail where it signed with a swapped, revoked or missing key): a check of the
  generator itself, counted as a failure too.
- When dkimpy passes, Sceau's body_hash must be `match`; when dkimpy reports a body
  hash mismatch, Sceau's must be `mismatch`.
- Both must list the same signatures (count, d=, s=), in header order.
- Signing and verification time are fixed: dkimpy's clock is pinned to SIGN_TIME and
  Sceau runs with --now SIGN_TIME + 3600.

Everything (keys, zone, messages, results.json) stays under the work directory, so a
disagreement can be replayed by hand with the printed command.
"""

import argparse
import base64
import concurrent.futures
import json
import os
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field

import dkim
import nacl.encoding
import nacl.signing

SIGN_TIME = 1_750_000_000
NOW = SIGN_TIME + 3600

DOMAINS = ["example.com", "mail.example.org", "news.example.net", "d.sceau-diff.test"]


class _FixedClock:
    """dkimpy reads time.time() for t= when signing and checks t=/x= when verifying."""

    @staticmethod
    def time():
        return SIGN_TIME


dkim.time = _FixedClock


# --- dkimpy in "RFC mode" ------------------------------------------------------------

_stock_relaxed_body = dkim.canonicalization.Relaxed.canonicalize_body


def _rfc_relaxed_body(body):
    """RFC 6376 §3.4.4 relaxed body: white space at the end of every line is ignored,
    the last one included when it has no CRLF. Stock dkimpy only strips WSP before a
    CRLF, so "text \\t" at the very end (no CRLF) hashes as "text \\r\\n" there."""
    c = dkim.canonicalization
    body = re.sub(rb"[\t ]+\Z", b"", body)
    return c.correct_empty_body(c.strip_trailing_lines(
        c.compress_whitespace(c.strip_trailing_whitespace(body))))


def set_rfc_mode(on):
    """On: dkimpy signs and verifies relaxed bodies by the RFC (see _rfc_relaxed_body).
    Off: stock dkimpy."""
    dkim.canonicalization.Relaxed.canonicalize_body = staticmethod(
        _rfc_relaxed_body if on else _stock_relaxed_body)


set_rfc_mode(True)


# --- keys and zone -----------------------------------------------------------------


@dataclass
class Key:
    name: str
    kind: str  # "rsa" or "ed25519"
    bits: int
    private: bytes  # what dkimpy's sign() takes
    public_spki: bytes = b""  # DER (RSA)
    public_pkcs1: bytes = b""  # DER (RSA)
    public_raw: bytes = b""  # 32 bytes (Ed25519)


def openssl(*args, data=None):
    return subprocess.run(
        ["openssl", *args], input=data, capture_output=True, check=True
    ).stdout


def rsa_key(name, bits):
    pem = openssl("genrsa", "-traditional", str(bits))
    spki = openssl("rsa", "-pubout", "-outform", "DER", data=pem)
    pkcs1 = openssl("rsa", "-RSAPublicKey_out", "-outform", "DER", data=pem)
    return Key(name, "rsa", bits, pem, public_spki=spki, public_pkcs1=pkcs1)


def ed_key(name):
    sk = nacl.signing.SigningKey.generate()
    return Key(
        name,
        "ed25519",
        256,
        sk.encode(encoder=nacl.encoding.Base64Encoder),
        public_raw=bytes(sk.verify_key),
    )


def make_keys(n_rsa1024, n_rsa2048, n_ed):
    specs = [("r1k%d" % i, 1024) for i in range(n_rsa1024)]
    specs += [("r2k%d" % i, 2048) for i in range(n_rsa2048)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        keys = list(pool.map(lambda s: rsa_key(*s), specs))
    keys += [ed_key("ed%d" % i) for i in range(n_ed)]
    return keys


def b64(b):
    return base64.b64encode(b).decode()


def key_record(key, rng, variant=None):
    """A TXT record for `key`, in one of several equivalent spellings."""
    if key.kind == "ed25519":
        p = b64(key.public_raw)
        forms = ["v=DKIM1; k=ed25519; p=%s" % p, "v=DKIM1;k=ed25519;p=%s;" % p,
                 "k=ed25519; t=y; p=%s" % p]
    else:
        p = b64(key.public_spki)
        spaced = " ".join(p[i:i + 64] for i in range(0, len(p), 64))
        forms = ["v=DKIM1; k=rsa; p=%s" % p, "v=DKIM1; p=%s" % p, "p=%s" % p,
                 "v=DKIM1; k=rsa; t=y; s=email; p=%s" % p,
                 "v=DKIM1; k=rsa; s=*; p=%s" % spaced,
                 "v=DKIM1; k=rsa; p=%s" % b64(key.public_pkcs1)]
    return forms[variant] if variant is not None else rng.choice(forms)


def zone_txt(name, text):
    """One master-file line; TXT split into quoted strings of at most 255 bytes."""
    raw = text.encode()
    parts = [raw[i:i + 255] for i in range(0, len(raw), 255)] or [b""]
    quoted = " ".join('"%s"' % p.decode().replace("\\", "\\\\").replace('"', '\\"')
                      for p in parts)
    return "%s. 300 IN TXT %s\n" % (name, quoted)


def write_zone(path, keys, rng):
    """Publishes, for each domain: s-KEY (the key), swap-KEY (the next key of the same
    kind, or of the other kind for every third), revoked-KEY (empty p=). Selectors
    gone-KEY have no record."""
    lines = ["; Generated by scripts/dkim_differential.py: fresh throw-away keys.\n",
             "$TTL 300\n"]
    records = {}
    for d in DOMAINS:
        for i, k in enumerate(keys):
            txt = key_record(k, rng)
            same = [o for o in keys if o.kind == k.kind and o is not k]
            other = [o for o in keys if o.kind != k.kind]
            victim = (other if i % 3 == 0 and other else same or other)[0]
            swap = key_record(victim, rng, variant=0)
            revoked = "v=DKIM1; k=%s; p=" % k.kind
            for sel, t in (("s-" + k.name, txt), ("swap-" + k.name, swap),
                           ("revoked-" + k.name, revoked)):
                name = "%s._domainkey.%s" % (sel, d)
                records[name] = t.encode()
                lines.append(zone_txt(name, t))
    with open(path, "w") as f:
        f.writelines(lines)
    return records


def read_zone_txt(path):
    """Reads back the TXT records of the zone file written above (absolute names,
    quoted strings with \\\\ and \\" escapes), for dkimpy's DNS function."""
    out = {}
    with open(path) as f:
        for line in f:
            if line.startswith((";", "$")) or not line.strip():
                continue
            name, _ttl, _cls, rtype, rest = line.split(None, 4)
            if rtype != "TXT":
                continue
            strings = re.findall(r'"((?:[^"\\]|\\.)*)"', rest)
            text = "".join(re.sub(r"\\(.)", r"\1", s) for s in strings)
            out.setdefault(name.rstrip(".").lower(), []).append(text.encode())
    return out


# --- messages ----------------------------------------------------------------------

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "invoice meeting report quarterly déjà vu café naïve Grüße über straße").split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def make_headers(rng, domain):
    """A list of (name, raw field without CRLF) tuples, top to bottom."""
    h = []
    for i in range(rng.choice([0, 0, 1, 2, 3])):
        h.append(("Received", "Received: from relay%d.%s (relay%d.%s [192.0.2.%d])\r\n\tby mx.%s;"
                  " Mon, 16 Jun 2025 10:%02d:00 +0000" % (i, domain, i, domain, i + 1,
                                                            domain, i)))
    user = rng.choice(["alice", "bob", "news", "no-reply"])
    from_forms = ["From: %s <%s@%s>", "From:%s <%s@%s>", "from: \"%s\"  <%s@%s> ",
                  "FROM:\t%s <%s@%s>"]
    h.append(("From", rng.choice(from_forms) % (user.title(), user, domain)))
    h.append(("To", "To: Someone <someone@example.net>"))
    if rng.random() < 0.3:
        h.append(("Cc", "Cc: a@example.net,\r\n b@example.net,\r\n\tc@example.net"))
    subj = rng.choice([
        "Subject: %s" % words(rng, 4),
        "Subject:   %s   \t" % words(rng, 3),
        "Subject: %s\r\n %s\r\n\t%s" % (words(rng, 3), words(rng, 3), words(rng, 2)),
        "subject: =?UTF-8?Q?caf=C3=A9?= %s" % words(rng, 2),
        "Subject: Ünïcödé %s" % words(rng, 2),
        "Subject:%s" % words(rng, 2),
    ])
    h.append(("Subject", subj))
    h.append(("Date", "Date: Mon, 16 Jun 2025 10:%02d:%02d +0000" % (rng.randrange(60),
                                                                     rng.randrange(60))))
    h.append(("Message-ID", "Message-ID: <%08x@%s>" % (rng.getrandbits(32), domain)))
    if rng.random() < 0.5:
        h.append(("MIME-Version", "MIME-Version: 1.0"))
        h.append(("Content-Type", rng.choice([
            "Content-Type: text/plain; charset=utf-8",
            "Content-Type: text/plain;\r\n\tcharset=\"utf-8\";\r\n  format=flowed"])))
    extras = [
        ("X-Spaces", "X-Spaces:   a   b  \t c  "),
        ("X-Empty", "X-Empty:"),
        ("X-Blank", "X-Blank:    "),
        ("X-Tab", "X-Tab:\tvalue\twith\ttabs"),
        ("X-Folded", "X-Folded: one\r\n two\r\n\t three"),
        ("X-Mixed-CASE", "x-MiXeD-case: Value"),
        ("List-Unsubscribe", "List-Unsubscribe: <mailto:unsub@%s>" % domain),
    ]
    for e in rng.sample(extras, rng.randrange(0, 4)):
        h.append(e)
    return h


def make_body(rng):
    kind = rng.random()
    if kind < 0.05:
        return b""
    if kind < 0.08:
        return b"\r\n\r\n\r\n"
    lines = []
    for _ in range(rng.randrange(1, 25)):
        r = rng.random()
        if r < 0.55:
            line = words(rng, rng.randrange(1, 14))
        elif r < 0.65:
            line = ""
        elif r < 0.72:
            line = words(rng, 3) + rng.choice([" ", "  ", "\t", " \t "])
        elif r < 0.79:
            line = rng.choice(["a  b", "a\t\tb", "  leading", "\tleading tab", "x \t y"])
        elif r < 0.83:
            line = rng.choice([" ", "\t", "  \t  "])
        elif r < 0.86:
            line = "long " * 220
        elif r < 0.9:
            line = rng.choice([".", "..", "From the desk of", "-- ", ">quoted"])
        else:
            line = words(rng, 6)
        lines.append(line)
    body = "\r\n".join(lines)
    end = rng.random()
    if end < 0.6:
        body += "\r\n"
    elif end < 0.8:
        body += "\r\n" * rng.randrange(2, 5)
    elif end < 0.9:
        body += "\r\n \r\n\t\r\n"
    # else: no final CRLF
    return body.encode()


def assemble(headers, body):
    return b"".join(raw.encode() + b"\r\n" for _, raw in headers) + b"\r\n" + body


@dataclass
class SigSpec:
    key: Key
    domain: str
    selector: str
    algorithm: bytes
    canon: tuple
    include: list
    length: bool
    identity: bytes = None
    expect: str = "pass"  # what the signer set up: pass, or why not


@dataclass
class Case:
    name: str
    data: bytes
    specs: list
    tamper: str = ""
    notes: list = field(default_factory=list)


def choose_headers(rng, headers, spec_index):
    present = [n.lower() for n, _ in headers if n != "Received"]
    uniq = list(dict.fromkeys(present))
    chosen = ["from"] + [n for n in uniq if n != "from" and rng.random() < 0.7]
    if any(n == "Received" for n, _ in headers) and rng.random() < 0.4:
        chosen += ["received"] * rng.choice([1, 2])
    r = rng.random()
    if r < 0.35:  # over-sign From and Subject (listed once more than they appear)
        chosen += ["from", "subject"]
    elif r < 0.55:  # fields absent from the message
        chosen += rng.sample(["reply-to", "cc", "in-reply-to", "references", "x-absent"], 2)
    elif r < 0.65:
        chosen += ["subject", "subject", "subject"]
    if spec_index > 0 and rng.random() < 0.5:
        chosen.append("dkim-signature")  # cover the earlier signature
    rng.shuffle(chosen)
    if chosen[0] != "from" and rng.random() < 0.5:
        chosen.remove("from")
        chosen.insert(0, "from")
    return chosen


def sign(data, spec):
    d = dkim.DKIM(data, signature_algorithm=spec.algorithm, minkey=1024)
    d.should_not_sign.discard(b"received")
    d.should_not_sign.discard(b"dkim-signature")
    sig = d.sign(spec.selector.encode(), spec.domain.encode(), spec.key.private,
                 canonicalize=spec.canon, include_headers=[h.encode() for h in spec.include],
                 length=spec.length, identity=spec.identity)
    return sig + data


def make_base(rng, idx, keys):
    domain = rng.choice(DOMAINS)
    headers = make_headers(rng, domain)
    body = make_body(rng)
    data = assemble(headers, body)
    specs = []
    n_sigs = rng.choice([1, 1, 2, 2, 3])
    for s in range(n_sigs):
        if s == 0 and n_sigs >= 2:
            # the usual pair: one RSA-2048 and one Ed25519 signature
            pool = [k for k in keys if k.bits == 2048]
        elif s == 1 and n_sigs >= 2:
            pool = [k for k in keys if k.kind == "ed25519"]
        else:
            pool = keys
        key = rng.choice(pool)
        if key.kind == "ed25519":
            alg = b"ed25519-sha256"
        else:
            alg = b"rsa-sha1" if rng.random() < 0.12 else b"rsa-sha256"
        sdom = domain if rng.random() < 0.8 else rng.choice(DOMAINS)
        sel_kind = rng.random()
        expect = "pass"
        if sel_kind < 0.04:
            selector, expect = "swap-" + key.name, "other key"
        elif sel_kind < 0.06:
            selector, expect = "revoked-" + key.name, "revoked"
        elif sel_kind < 0.08:
            selector, expect = "gone-" + key.name, "no key"
        else:
            selector = "s-" + key.name
        canon = (rng.choice([b"simple", b"relaxed"]), rng.choice([b"simple", b"relaxed"]))
        identity = None
        if rng.random() < 0.25:
            identity = rng.choice([b"@", b"user@", b"user@sub."]) + sdom.encode()
        spec = SigSpec(key, sdom, selector, alg, canon, choose_headers(rng, headers, s),
                       rng.random() < 0.25, identity, expect)
        data = sign(data, spec)
        specs.append(spec)
    return Case("m%03d" % idx, data, specs[::-1])  # header order: last signed on top


# --- tampering ---------------------------------------------------------------------


def split_message(data):
    head, sep, body = data.partition(b"\r\n\r\n")
    fields = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\r\n" + line
        else:
            fields.append(line)
    return fields, body, bool(sep)


def join_message(fields, body):
    return b"\r\n".join(fields) + b"\r\n\r\n" + body


def fname(f):
    return f.split(b":", 1)[0].strip().lower()


def find(fields, name, last=False):
    idx = [i for i, f in enumerate(fields) if fname(f) == name]
    return (idx[-1] if last else idx[0]) if idx else None


def t_body_change(rng, fields, body):
    if not body.strip():
        return None
    positions = [i for i, c in enumerate(body) if chr(c).isalpha()]
    if not positions:
        return None
    i = rng.choice(positions)
    return fields, body[:i] + (b"Z" if body[i:i + 1] != b"Z" else b"Y") + body[i + 1:]


def t_body_append(rng, fields, body):
    extra = rng.choice([b"-- \r\nMailing list footer\r\n", b"appended line\r\n"])
    if body and not body.endswith(b"\r\n"):
        extra = b"\r\n" + extra
    return fields, body + extra


def t_body_blank_lines(rng, fields, body):
    if body and not body.endswith(b"\r\n"):
        return None
    return fields, body + b"\r\n\r\n"


def t_body_whitespace(rng, fields, body):
    lines = body.split(b"\r\n")
    cand = [i for i, l in enumerate(lines) if b" " in l.strip()]
    if not cand:
        return None
    i = rng.choice(cand)
    if rng.random() < 0.5:
        lines[i] = lines[i].replace(b" ", b" \t ", 1)
    else:
        lines[i] = lines[i] + b"  "
    return fields, b"\r\n".join(lines)


def t_header_change(rng, fields, body):
    name = rng.choice([b"subject", b"to", b"date"])
    i = find(fields, name)
    if i is None:
        return None
    fields = list(fields)
    fields[i] = fields[i] + b" (changed)"
    return fields, body


def t_header_whitespace(rng, fields, body):
    cand = [i for i, f in enumerate(fields) if fname(f) in (b"subject", b"to", b"from", b"date")]
    if not cand:
        return None
    i = rng.choice(cand)
    fields = list(fields)
    name, _, value = fields[i].partition(b":")
    if rng.random() < 0.5 and b" " in value.strip():
        value = value.replace(b" ", b"\r\n\t", 1) if value.strip().count(b" ") else value
        value = b" " + value.lstrip() if not value.startswith(b"\r\n") else value
    else:
        value = b"  " + value + b" \t"
    fields[i] = name + b":" + value
    return fields, body


def t_header_case(rng, fields, body):
    cand = [i for i, f in enumerate(fields) if fname(f) in (b"subject", b"from", b"to", b"date")]
    if not cand:
        return None
    i = rng.choice(cand)
    fields = list(fields)
    name, _, value = fields[i].partition(b":")
    fields[i] = (name.upper() if name != name.upper() else name.lower()) + b":" + value
    return fields, body


def t_header_remove(rng, fields, body):
    cand = [i for i, f in enumerate(fields) if fname(f) in (b"subject", b"date", b"to",
                                                             b"message-id", b"received")]
    if not cand:
        return None
    i = rng.choice(cand)
    return fields[:i] + fields[i + 1:], body


def _add(fields, body, line, where):
    fields = list(fields)
    if where == "top":
        # above the original field but below the DKIM-Signature fields
        n = 0
        while n < len(fields) and fname(fields[n]) == b"dkim-signature":
            n += 1
        fields.insert(n, line)
    else:
        fields.append(line)
    return fields, body


def t_add_from_top(rng, fields, body):
    return _add(fields, body, b"From: Mallory <mallory@evil.example>", "top")


def t_add_from_bottom(rng, fields, body):
    return _add(fields, body, b"From: Mallory <mallory@evil.example>", "bottom")


def t_add_subject_top(rng, fields, body):
    return _add(fields, body, b"Subject: URGENT: wire the money", "top")


def t_add_subject_bottom(rng, fields, body):
    return _add(fields, body, b"Subject: URGENT: wire the money", "bottom")


def t_add_absent(rng, fields, body):
    line = rng.choice([b"Reply-To: mallory@evil.example", b"Cc: mallory@evil.example",
                       b"In-Reply-To: <x@evil.example>", b"X-Unsigned: harmless"])
    if find(fields, fname(line)) is not None:
        return None
    return _add(fields, body, line, rng.choice(["top", "bottom"]))


def t_reorder_received(rng, fields, body):
    idx = [i for i, f in enumerate(fields) if fname(f) == b"received"]
    if len(idx) < 2:
        return None
    fields = list(fields)
    a, b = idx[0], idx[1]
    fields[a], fields[b] = fields[b], fields[a]
    return fields, body


def _sig_fields(fields):
    return [i for i, f in enumerate(fields) if fname(f) == b"dkim-signature"]


def _flip_tag(rng, fields, tag):
    i = rng.choice(_sig_fields(fields))
    f = fields[i]
    m = re.search(rb"[;\s]" + tag + rb"=\s*([A-Za-z0-9+/\s]{8,})", f)
    if not m:
        return None
    span = [j for j in range(m.start(1), m.end(1)) if chr(f[j]).isalnum()][:-2]
    j = rng.choice(span)
    c = f[j:j + 1]
    new = b"A" if c != b"A" else b"B"
    fields = list(fields)
    fields[i] = f[:j] + new + f[j + 1:]
    return fields, i


def t_flip_b(rng, fields, body):
    r = _flip_tag(rng, fields, b"b")
    return (r[0], body) if r else None


def t_flip_bh(rng, fields, body):
    r = _flip_tag(rng, fields, b"bh")
    return (r[0], body) if r else None


def t_body_truncate(rng, fields, body):
    lines = body.split(b"\r\n")
    cand = [i for i, l in enumerate(lines) if l.strip()]
    if not cand:
        return None
    del lines[cand[-1]]
    return fields, b"\r\n".join(lines)


def t_sig_refold_b(rng, fields, body):
    """Folds inside a b= value: the value is removed before hashing (RFC 6376 §3.7),
    so every canonicalisation still verifies."""
    i = rng.choice(_sig_fields(fields))
    f = fields[i]
    m = re.search(rb"[;\s]b=\s*([A-Za-z0-9+/]{8,})", f)
    if not m:
        return None
    j = rng.randrange(m.start(1) + 1, m.end(1) - 1)
    fields = list(fields)
    fields[i] = f[:j] + rng.choice([b"\r\n ", b"\r\n\t", b" "]) + f[j:]
    return fields, body


def t_sig_refold_tag(rng, fields, body):
    """Refolds a DKIM-Signature between two tags: relaxed header canonicalisation
    still verifies, simple does not."""
    i = rng.choice(_sig_fields(fields))
    f = fields[i]
    semis = [m.end() for m in re.finditer(rb";", f)]
    if not semis:
        return None
    j = rng.choice(semis)
    fields = list(fields)
    fields[i] = f[:j] + rng.choice([b"\r\n\t", b"  ", b"\r\n  "]) + f[j:]
    return fields, body


TAMPERS = [t_body_truncate, t_sig_refold_b, t_sig_refold_tag, t_body_change, t_body_append, t_body_blank_lines, t_body_whitespace,
           t_header_change, t_header_whitespace, t_header_case, t_header_remove,
           t_add_from_top, t_add_from_bottom, t_add_subject_top, t_add_subject_bottom,
           t_add_absent, t_reorder_received, t_flip_b, t_flip_bh]


def tampered_copies(rng, base, n):
    out = []
    for fn in rng.sample(TAMPERS, n):
        fields, body, _ = split_message(base.data)
        r = fn(rng, fields, body)
        if r is None:
            continue
        name = fn.__name__[2:]
        out.append(Case("%s-%s" % (base.name, name), join_message(*r), base.specs, name))
    if rng.random() < 0.15:
        lf = base.data.replace(b"\r\n", b"\n")
        out.append(Case(base.name + "-lf", lf, base.specs, "lf"))
    return out


# --- verification ------------------------------------------------------------------


class _RfcFromList(list):
    """h= list whose append(b'from') is ignored: undoes dkimpy's extra-From hashing."""

    def append(self, x):
        if x != b"from":
            super().append(x)


class RfcDKIM(dkim.DKIM):
    def verify_headerprep(self, idx=0):
        prep = super().verify_headerprep(idx)
        if prep:
            sig, include, sigheaders = prep
            return sig, _RfcFromList(include), sigheaders
        return prep


def dkimpy_verify(data, zone, rfc):
    def dnsfunc(name, timeout=5):
        n = (name.decode() if isinstance(name, bytes) else name).rstrip(".").lower()
        recs = zone.get(n)
        return recs[0] if recs else None

    set_rfc_mode(rfc)
    cls = RfcDKIM if rfc else dkim.DKIM
    n = len([1 for x, _ in cls(data).headers if x.lower() == b"dkim-signature"])
    out = []
    for i in range(n):
        d = cls(data, minkey=1024)
        try:
            ok = bool(d.verify(idx=i, dnsfunc=dnsfunc))
            out.append(("pass" if ok else "fail", ""))
        except Exception as e:  # dkimpy lets e.g. nacl's ValueError through
            out.append(("fail", "%s: %s" % (type(e).__name__, e)))
    set_rfc_mode(True)
    return out


def sceau_verify(sceau, path, zone_path):
    r = subprocess.run([sceau, "message", path, "--json", "--dns-zone", zone_path,
                        "--now", str(NOW)], capture_output=True)
    if r.returncode != 0:
        return None, r.stderr.decode(errors="replace").strip()
    return json.loads(r.stdout)["dkim"], ""


def sceau_verified(s):
    if s["result"] == "pass":
        return True
    return (s["result"] == "policy" and s["algorithm"] == "rsa-sha1"
            and "dkim_sha1_signature" in s["reasons"]
            and not any(r in s["reasons"] for r in ("dkim_expired", "dkim_future_timestamp")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sceau", required=True, help="path to the sceau binary")
    ap.add_argument("--work", required=True, help="work directory (keys, zone, messages)")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--messages", type=int, default=110, help="base (untampered) messages")
    ap.add_argument("--tampers", type=int, default=3, help="tampered copies per message")
    args = ap.parse_args()

    started = time.monotonic()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.work, "messages"), exist_ok=True)
    for f in os.listdir(os.path.join(args.work, "messages")):
        os.unlink(os.path.join(args.work, "messages", f))

    keys = make_keys(3, 4, 4)
    zone_path = os.path.join(args.work, "keys.zone")
    write_zone(zone_path, keys, rng)
    zone = read_zone_txt(zone_path)
    with open(os.path.join(args.work, "keys.json"), "w") as f:
        json.dump({k.name: {"kind": k.kind, "bits": k.bits, "private": k.private.decode()}
                   for k in keys}, f, indent=1)
    t_keys = time.monotonic() - started

    cases = []
    for i in range(args.messages):
        base = make_base(rng, i, keys)
        cases.append(base)
        cases.extend(tampered_copies(rng, base, args.tampers))
    for c in cases:
        c.path = os.path.join(args.work, "messages", c.name + ".eml")
        with open(c.path, "wb") as f:
            f.write(c.data)
    t_sign = time.monotonic() - started - t_keys

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        sceau_results = list(pool.map(lambda c: sceau_verify(args.sceau, c.path, zone_path),
                                      cases))
    t_sceau = time.monotonic() - started - t_keys - t_sign

    passed = failed = 0
    stock_differs = []
    problems = []
    tally = {"dkimpy pass": 0, "dkimpy fail": 0}
    records = []
    for c, (sres, serr) in zip(cases, sceau_results):
        stock = dkimpy_verify(c.data, zone, rfc=False)
        rfc = dkimpy_verify(c.data, zone, rfc=True)
        if sres is None:
            failed += len(rfc) or 1
            problems.append((c, "-", "sceau exited with an error: " + serr))
            continue
        if len(sres) != len(rfc):
            failed += max(len(sres), len(rfc))
            problems.append((c, "-", "signature count: dkimpy %d, Sceau %d" % (len(rfc), len(sres))))
            continue
        for i, (s, (dv, dwhy), (sv, _)) in enumerate(zip(sres, rfc, stock)):
            spec = c.specs[i] if i < len(c.specs) else None
            label = "#%d d=%s s=%s a=%s c=%s%s" % (
                i, s["domain"], s["selector"], s["algorithm"],
                b"/".join(spec.canon).decode() if spec else "?",
                " l=" if s.get("body_length") is not None else "")
            issues = []
            if spec and c.tamper in ("", "lf") and (dv == "pass") != (spec.expect == "pass"):
                # not a Sceau problem: the generator did not make what it meant to
                issues.append("generator: signed to %s, dkimpy says %s" % (spec.expect, dv))
            if spec and (s["domain"], s["selector"]) != (spec.domain, spec.selector):
                issues.append("d=/s= differ from what was signed (%s/%s)" % (spec.domain, spec.selector))
            d_ok = dv == "pass"
            s_ok = sceau_verified(s)
            if d_ok != s_ok:
                issues.append("verdict")
            if d_ok and s["body_hash"] != "match":
                issues.append("body_hash %s while dkimpy passes" % s["body_hash"])
            if "body hash mismatch" in dwhy and s["body_hash"] != "mismatch":
                issues.append("body_hash %s while dkimpy finds a mismatch" % s["body_hash"])
            tally["dkimpy " + dv] += 1
            if sv != dv:
                stock_differs.append((c.name, label, sv, dv))
            rec = {"message": c.name, "signature": label, "tamper": c.tamper,
                   "dkimpy": dv, "dkimpy_detail": dwhy, "dkimpy_stock": sv,
                   "sceau": s["result"], "sceau_body_hash": s["body_hash"],
                   "sceau_reasons": s["reasons"], "agree": not issues}
            records.append(rec)
            if issues:
                failed += 1
                problems.append((c, label, "; ".join(issues) + " | dkimpy %s%s | Sceau %s, body_hash %s, reasons %s" % (
                    dv, " (" + dwhy + ")" if dwhy else "", s["result"], s["body_hash"],
                    ",".join(s["reasons"]))))
            else:
                passed += 1
    t_total = time.monotonic() - started

    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(records, f, indent=1)
    by_tamper = {}
    for r in records:
        t = by_tamper.setdefault(r["tamper"] or "(none)", [0, 0])
        t[0 if r["dkimpy"] == "pass" else 1] += 1
    print("dkim-differential: seed %d, %d keys (%s), %d messages (%d untampered), "
          "%d signatures compared" % (args.seed, len(keys),
                                      ", ".join(sorted({"%s-%d" % (k.kind, k.bits) for k in keys})),
                                      len(cases), args.messages, passed + failed))
    print("  dkimpy verdicts: %d pass, %d fail; per tamper (pass/fail): %s" % (
        tally["dkimpy pass"], tally["dkimpy fail"],
        ", ".join("%s %d/%d" % (k, v[0], v[1]) for k, v in sorted(by_tamper.items()))))
    print("  stock dkimpy differs from dkimpy in RFC mode on %d signatures (extra From "
          "hashed, unterminated last body line; not counted, see the docstring)"
          % len(stock_differs))
    print("  time: keys %.1fs, signing %.1fs, sceau %.1fs, total %.1fs" % (
        t_keys, t_sign, t_sceau, t_total))
    if problems:
        print("DISAGREEMENTS (message, signature, detail) — replay with:\n  %s message %s/messages/NAME.eml"
              " --json --dns-zone %s --now %d" % (args.sceau, args.work, zone_path, NOW))
        for c, label, why in problems:
            print("  %s [%s] %s: %s" % (c.name, c.tamper or "untampered", label, why))
    print("dkim-differential: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
