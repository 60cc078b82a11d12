#!/usr/bin/env python3
"""Deterministic synthetic DMARC aggregate reports (RFC 7489 Appendix C) for bench/reports.sh.

    python3 bench/gen_reports.py OUT_DIR [--mb 300] [--seed 7]

Writes report files into OUT_DIR/files/ (plain .xml, .xml.gz and .zip, named the way
reporters name them) and OUT_DIR/manifest.json with what was generated: files, reports,
records, messages, bytes uncompressed (the XML) and on disk. The same arguments always
give the same bytes; an existing set with the same parameters is kept.

Sources come from the documentation ranges only (192.0.2.0/24, 198.51.100.0/24,
203.0.113.0/24, 2001:db8::/32); domains are example.com/.net/.org and .example.
The senders are a realistic mix: the domain's own servers and an ESP (aligned, pass),
services signing with their own domain (DKIM pass unaligned), forwarders and mailing
lists (SPF fail, DKIM pass or broken), and spoofers (both fail, quarantined or rejected
by policy). A few records have a policy evaluation that disagrees with the raw results.
"""

import argparse
import gzip
import hashlib
import io
import json
import math
import os
import random
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape

VERSION = 1  # bump when the output changes, so a cached set is regenerated
DAY = 86400
START = 1735689600  # 2025-01-01T00:00:00Z
DAYS = 30

POLICY_DOMAINS = [
    # (domain, p, sp, adkim, aspf, pct, weight)
    ("example.com", "reject", "reject", "r", "r", 100, 5),
    ("example.org", "quarantine", "none", "r", "r", 100, 3),
    ("example.net", "none", "none", "r", "r", 100, 3),
    ("shop.example", "quarantine", "quarantine", "s", "r", 50, 2),
    ("bank.example", "reject", "reject", "s", "s", 100, 1),
    ("news.example.com", "none", "none", "r", "r", 100, 2),
]

# Well-known receivers, then a long tail of smaller ones. Weighted: the big ones send
# more and larger reports.
BIG_REPORTERS = [
    ("google.com", "noreply-dmarc-support@google.com", 12),
    ("Yahoo", "dmarchelp@yahooinc.com", 6),
    ("Outlook.com", "dmarcreport@microsoft.com", 8),
    ("Enterprise Outlook", "dmarcreport@microsoft.com", 5),
    ("Mail.Ru", "dmarc_support@corp.mail.ru", 2),
    ("AT&T", "dmarc_rua@att.example", 2),
    ("comcast.net", "dmarc_support@comcast.example", 2),
    ("GMX", "dmarc@gmx.example", 2),
    ("WEB.DE", "dmarc@web.example", 2),
    ("Fastmail Pty Ltd", "dmarc-reports@fastmail.example", 1),
    ("Proton AG", "dmarc@proton.example", 1),
    ("Orange", "dmarc@orange.example", 1),
]


def tail_reporters(rng, n):
    words = ["Mail", "Net", "Telecom", "Hosting", "Cloud", "Secure", "Post", "Mx",
             "Systems", "Online", "Provider", "Filter", "Gateway", "Relay", "Com"]
    out = []
    for i in range(n):
        name = f"{rng.choice(words)} {rng.choice(words)} {i:03d}"
        dom = f"reporter{i:03d}.example"
        out.append((name if i % 3 else dom, f"dmarc-noreply@{dom}", 0.3))
    return out


def v4(rng):
    net = rng.choice(["192.0.2", "198.51.100", "203.0.113"])
    return f"{net}.{rng.randrange(1, 255)}"


def v6(rng):
    return f"2001:db8:{rng.randrange(1, 0xffff):x}:{rng.randrange(0, 0xffff):x}::{rng.randrange(1, 0xffff):x}"


def make_senders(rng):
    """Sending sources per policy domain: (kind, ip, weight)."""
    senders = {}
    for dom, *_ in POLICY_DOMAINS:
        lst = []
        for _ in range(rng.randrange(4, 9)):  # own outbound servers
            lst.append(("own", v4(rng), 30))
        for _ in range(rng.randrange(20, 40)):  # ESP, aligned (d= and bounce in the domain)
            lst.append(("esp", v6(rng) if rng.random() < 0.5 else v4(rng), 8))
        for _ in range(rng.randrange(30, 80)):  # SaaS signing with its own domain
            lst.append(("unaligned", v4(rng) if rng.random() < 0.6 else v6(rng), 2))
        for _ in range(rng.randrange(150, 300)):  # forwarders, mailing lists
            lst.append(("forward", v4(rng) if rng.random() < 0.4 else v6(rng), 1))
        for _ in range(rng.randrange(1500, 3000)):  # spoofing, botnets: many IPs, few messages
            lst.append(("spoof", v6(rng) if rng.random() < 0.7 else v4(rng), 0.2))
        senders[dom] = lst
    return senders


# Neither under a policy domain, so never aligned.
SAAS = ["crm.example", "tickets.example", "mailer.example", "survey.example",
        "invoices.example", "bulk-esp.example"]
FORWARDERS = ["lists.example", "forward.example", "alumni.example", "univ.example"]


def record(rng, dom, policy, kind, ip):
    """One <record> as XML and its message count."""
    p = policy
    sub = rng.random()
    header_from = dom if sub < 0.85 else f"{rng.choice(['mail', 'news', 'info'])}.{dom}"
    if dom.startswith("news."):
        header_from = dom
    if kind in ("own", "esp"):
        count = max(1, int(rng.paretovariate(1.2) * (8 if kind == "own" else 4)))
    elif kind == "spoof":
        count = rng.choice([1, 1, 1, 1, 2, 2, 3, 5])
    else:
        count = max(1, int(rng.paretovariate(1.5) * 2))
    count = min(count, 250000)
    dkim = []  # (domain, selector, result)
    spf = []   # (domain, scope, result)
    envelope_from = None
    reasons = []
    strict_dkim = p["adkim"] == "s"
    strict_spf = p["aspf"] == "s"
    if kind == "own":
        dkim.append((header_from if strict_dkim else dom, f"s{rng.randrange(2024, 2026)}", "pass"))
        envelope_from = header_from if strict_spf else dom
        spf.append((envelope_from, "mfrom", "pass"))
        ev_dkim, ev_spf = "pass", "pass"
        if rng.random() < 0.05:  # a DKIM key rotation gone wrong: body hash mismatch
            dkim[0] = (dkim[0][0], dkim[0][1], "fail")
            ev_dkim = "fail"
    elif kind == "esp":
        dkim.append((header_from if strict_dkim else dom, "esp1", "pass"))
        dkim.append(("esp-mail.example", "esp-sig", "pass"))
        bounce = f"bounces.{dom}"
        envelope_from = bounce
        spf.append((bounce, "mfrom", "pass"))
        ev_dkim = "pass"
        ev_spf = "fail" if strict_spf else "pass"
    elif kind == "unaligned":
        saas = SAAS[zlib.crc32(ip.encode()) % len(SAAS)]
        dkim.append((saas, "k1", "pass"))
        envelope_from = saas
        spf.append((saas, "mfrom", "pass"))
        ev_dkim, ev_spf = "fail", "fail"
    elif kind == "forward":
        fw = FORWARDERS[zlib.crc32(ip.encode()) % len(FORWARDERS)]
        envelope_from = fw if rng.random() < 0.5 else dom
        spf.append((envelope_from, "mfrom", "fail" if envelope_from == dom else "pass"))
        if rng.random() < 0.7:  # the signature survived forwarding
            dkim.append((dom, "s2025", "pass"))
            ev_dkim = "pass"
        else:  # a list footer broke it
            dkim.append((dom, "s2025", "fail"))
            dkim.append((fw, "list", "pass"))
            ev_dkim = "fail"
        ev_spf = "fail"
    else:  # spoof
        envelope_from = dom if rng.random() < 0.5 else f"{rng.randrange(10**6)}.invalid"
        spf.append((envelope_from, "mfrom", rng.choice(["fail", "softfail", "none", "neutral"])))
        if rng.random() < 0.3:
            dkim.append((dom, "s2025", "fail"))
        ev_dkim, ev_spf = "fail", "fail"
    if rng.random() < 0.004:  # the reporter's evaluation disagrees with its raw results
        ev_spf = "pass" if ev_spf == "fail" else "fail"
    passes = ev_dkim == "pass" or ev_spf == "pass"
    if passes:
        disposition = "none"
    else:
        pol = p["sp"] if header_from != dom else p["p"]
        sampled = rng.random() * 100 >= p["pct"]
        disposition = "none" if sampled or pol == "none" else pol
        if sampled and pol != "none":
            reasons.append(("sampled_out", None))
        if kind == "forward" and disposition != "none" and rng.random() < 0.5:
            disposition = "none"
            reasons.append(("forwarded" if rng.random() < 0.5 else "mailing_list", "arc=pass"))
    x = ["    <record>\n      <row>\n",
         f"        <source_ip>{ip}</source_ip>\n        <count>{count}</count>\n",
         "        <policy_evaluated>\n",
         f"          <disposition>{disposition}</disposition>\n",
         f"          <dkim>{ev_dkim}</dkim>\n          <spf>{ev_spf}</spf>\n"]
    for kind_, comment in reasons:
        x.append(f"          <reason>\n            <type>{kind_}</type>\n")
        if comment:
            x.append(f"            <comment>{comment}</comment>\n")
        x.append("          </reason>\n")
    x.append("        </policy_evaluated>\n      </row>\n      <identifiers>\n")
    if rng.random() < 0.3:
        x.append(f"        <envelope_to>{dom}</envelope_to>\n")
    if envelope_from and rng.random() < 0.6:
        x.append(f"        <envelope_from>{envelope_from}</envelope_from>\n")
    x.append(f"        <header_from>{header_from}</header_from>\n      </identifiers>\n"
             "      <auth_results>\n")
    for d, sel, res in dkim:
        x.append(f"        <dkim>\n          <domain>{d}</domain>\n"
                 f"          <selector>{sel}</selector>\n          <result>{res}</result>\n")
        if res == "fail" and rng.random() < 0.3:
            x.append("          <human_result>body hash did not verify</human_result>\n")
        x.append("        </dkim>\n")
    for d, scope, res in spf:
        x.append(f"        <spf>\n          <domain>{d}</domain>\n"
                 f"          <scope>{scope}</scope>\n          <result>{res}</result>\n        </spf>\n")
    x.append("      </auth_results>\n    </record>\n")
    return "".join(x), count


def report_head(n, org, email, dom, policy, begin, end):
    """A report's metadata and published policy, up to the first record."""
    head = (
        '<?xml version="1.0" encoding="UTF-8" ?>\n<feedback>\n  <version>1.0</version>\n'
        "  <report_metadata>\n"
        f"    <org_name>{escape(org)}</org_name>\n    <email>{escape(email)}</email>\n"
        f"    <extra_contact_info>https://{email.split('@')[1]}/dmarc</extra_contact_info>\n"
        f"    <report_id>{n}.{hashlib.sha1(f'{org}{dom}{begin}{n}'.encode()).hexdigest()[:16]}</report_id>\n"
        f"    <date_range>\n      <begin>{begin}</begin>\n      <end>{end}</end>\n    </date_range>\n"
        "  </report_metadata>\n  <policy_published>\n"
        f"    <domain>{dom}</domain>\n    <adkim>{policy['adkim']}</adkim>\n    <aspf>{policy['aspf']}</aspf>\n"
        f"    <p>{policy['p']}</p>\n    <sp>{policy['sp']}</sp>\n    <pct>{policy['pct']}</pct>\n"
        "    <fo>1</fo>\n  </policy_published>\n"
    )
    return head


def generate(out, mb, seed):
    rng = random.Random(seed)
    files_dir = os.path.join(out, "files")
    os.makedirs(files_dir, exist_ok=True)
    for f in os.listdir(files_dir):
        os.remove(os.path.join(files_dir, f))
    reporters = [(o, e, w) for o, e, w in BIG_REPORTERS] + tail_reporters(rng, 120)
    rep_weights = [w for _, _, w in reporters]
    senders = make_senders(rng)
    dom_weights = [d[6] for d in POLICY_DOMAINS]
    target = mb * 1_000_000
    total = dict(files=0, reports=0, records=0, messages=0, xml_bytes=0, disk_bytes=0,
                 gz=0, zip=0, xml=0)
    reporter_names = set()
    sources = set()
    n = 0
    while total["xml_bytes"] < target:
        n += 1
        org, email, weight = rng.choices(reporters, rep_weights)[0]
        dom, p, sp, adkim, aspf, pct, _ = rng.choices(POLICY_DOMAINS, dom_weights)[0]
        policy = dict(p=p, sp=sp, adkim=adkim, aspf=aspf, pct=pct)
        day = rng.randrange(DAYS)
        begin, end = START + day * DAY, START + (day + 1) * DAY
        # Records per report: log-uniform, larger for the big receivers.
        top = 4000 if weight >= 5 else 600 if weight >= 1 else 60
        nrec = max(1, int(math.exp(rng.uniform(0, math.log(top)))))
        pool = senders[dom]
        pw = [s[2] for s in pool]
        picked = rng.choices(pool, pw, k=nrec)
        parts = [report_head(n, org, email, dom, policy, begin, end)]
        msgs = 0
        for kind, ip, _ in picked:
            xml, count = record(rng, dom, policy, kind, ip)
            parts.append(xml)
            msgs += count
            sources.add(ip)
        parts.append("</feedback>\n")
        data = "".join(parts).encode()
        rid = hashlib.sha1(f"{org}{n}".encode()).hexdigest()[:8]
        base = f"{org.replace(' ', '_').replace('&', '')}!{dom}!{begin}!{end}!{rid}"
        r = rng.random()
        if r < 0.35:
            name, blob = base + ".xml.gz", gzip.compress(data, 6, mtime=0)
            total["gz"] += 1
        elif r < 0.5:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                info = zipfile.ZipInfo(base + ".xml", date_time=(2025, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
            name, blob = base + ".zip", buf.getvalue()
            total["zip"] += 1
        else:
            name, blob = base + ".xml", data
            total["xml"] += 1
        with open(os.path.join(files_dir, name), "wb") as f:
            f.write(blob)
        total["files"] += 1
        total["reports"] += 1
        total["records"] += nrec
        total["messages"] += msgs
        total["xml_bytes"] += len(data)
        total["disk_bytes"] += len(blob)
        reporter_names.add(org)
    total["reporters"] = len(reporter_names)
    total["policy_domains"] = len(POLICY_DOMAINS)
    total["sources"] = len(sources)
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=300, help="uncompressed XML, MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    params = dict(version=VERSION, mb=a.mb, seed=a.seed, python=sys.version_info[:2])
    manifest = os.path.join(a.out, "manifest.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            old = json.load(f)
        if old.get("params") == json.loads(json.dumps(params)):
            print(f"gen_reports: kept {a.out} ({old['files']} files)", file=sys.stderr)
            return
    os.makedirs(a.out, exist_ok=True)
    if os.path.exists(manifest):
        os.remove(manifest)
    total = generate(a.out, a.mb, a.seed)
    total["params"] = params
    with open(manifest, "w") as f:
        json.dump(total, f, indent=1)
    print(f"gen_reports: wrote {a.out}: {json.dumps(total)}", file=sys.stderr)


if __name__ == "__main__":
    main()
