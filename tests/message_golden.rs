//! Golden tests for `sceau message`: every `tests/fixtures/messages/*.eml` (a real-world
//! header shape of one provider or path, anonymised) goes through the CLI with the
//! fixture zone and a fixed clock, and a stable projection of its JSON is compared with
//! `NAME.json`. `UPDATE_EXPECT=1` re-blesses the expected files (and regenerates the
//! DKIM/ARC-signed fixtures, see [`signed`]); on a mismatch the actual projection is
//! written beside the expected one as `NAME.actual.json`.
//!
//! Each fixture also runs in French: no English sentence may leak into the findings.

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/messages");
/// 2024-06-11T10:00:00Z: a day or so after the fixtures were "delivered".
const NOW: &str = "1718100000";

fn zone() -> String {
    format!("{DIR}/dns.zone")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1")
}

fn analyse(path: &Path, lang: &str) -> Value {
    let p = path.to_str().unwrap();
    common::json(&[
        "message",
        p,
        "--json",
        "--dns-zone",
        &zone(),
        "--now",
        NOW,
        "--lang",
        lang,
    ])
}

/// Keeps only `keys` of an object, in that order.
fn pick(v: &Value, keys: &[&str]) -> Value {
    let mut m = serde_json::Map::new();
    for k in keys {
        m.insert((*k).to_string(), v.get(*k).cloned().unwrap_or(Value::Null));
    }
    Value::Object(m)
}

fn each(v: &Value, f: impl Fn(&Value) -> Value) -> Value {
    Value::Array(
        v.as_array()
            .map(|a| a.iter().map(f).collect())
            .unwrap_or_default(),
    )
}

/// The part of the JSON a human expert checks: who, route, receiver's results,
/// antispam, findings, and what Sceau re-checked.
fn projection(v: &Value) -> Value {
    let s = &v["summary"];
    json!({
        "body_present": v["body_present"],
        "input_notes": each(&v["input_notes"], |n| n["note"].clone()),
        "summary": {
            "from": each(&s["from"], |a| a["address"].clone()),
            "subject": s["subject"]["text"],
            "date": s["date"]["rfc3339"],
            "return_path": s["return_path"],
            "list_unsubscribe": s["list_unsubscribe"],
        },
        "hops": each(&v["hops"], |h| pick(h, &[
            "from_host", "from_ip", "by_host", "protocol", "timestamp", "delay_seconds",
        ])),
        "connecting_ip": pick(&v["connecting_ip"], &["ip", "source", "helo", "hop"]),
        "authentication_results": each(&v["authentication_results"], |a| json!({
            "authserv_id": a["authserv_id"],
            "trusted": a["trusted"],
            "instance": a.get("instance").cloned().unwrap_or(Value::Null),
            "results": each(&a["results"], |m| {
                Value::String(format!(
                    "{}={}",
                    m["method"].as_str().unwrap_or(""),
                    m["result"].as_str().unwrap_or("")
                ))
            }),
        })),
        "antispam": each(&v["antispam"], |a| Value::String(format!(
            "{} {} {}",
            a["header"].as_str().unwrap_or(""),
            a["key"].as_str().unwrap_or(""),
            a["meaning"]["kind"].as_str().unwrap_or("")
        ))),
        "findings": each(&v["findings"], |f| f["code"].clone()),
        "dkim": each(&v["dkim"], |d| pick(d, &[
            "domain", "selector", "result", "body_hash", "reasons",
        ])),
        "arc": pick(&v["arc"], &["result", "reasons"]),
        "spf": pick(&v["spf"], &["result", "ip", "domain", "identity"]),
        "dmarc": pick(&v["dmarc"], &[
            "result", "from_domain", "org_domain", "policy", "disposition", "alignment",
        ]),
        "comparison": each(&v["comparison"], |c| pick(c, &[
            "method", "claimed", "rechecked", "agree",
        ])),
    })
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("fixture folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    v.sort();
    v
}

/// A line-by-line diff, short enough to read in a test failure.
fn diff(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!(
                "  line {}:\n    - {}\n    + {}\n",
                i + 1,
                x.unwrap_or(&""),
                y.unwrap_or(&"")
            ));
            if out.len() > 3000 {
                out.push_str("  …\n");
                break;
            }
        }
    }
    out
}

#[test]
fn every_fixture_matches_its_expected_json() {
    if updating() {
        signed::generate();
    }
    let cases = fixtures();
    assert!(cases.len() >= 25, "only {} message fixtures", cases.len());
    let mut failures = Vec::new();
    for path in &cases {
        let got = projection(&analyse(path, "en"));
        let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
        let expected_path = path.with_extension("json");
        let actual_path = path.with_extension("actual.json");
        if updating() {
            std::fs::write(&expected_path, &text).unwrap();
            let _ = std::fs::remove_file(&actual_path);
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected == text {
            let _ = std::fs::remove_file(&actual_path);
        } else {
            std::fs::write(&actual_path, &text).unwrap();
            failures.push(format!(
                "{}:\n{}",
                path.file_name().unwrap().to_string_lossy(),
                diff(&expected, &text)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ (actual output written beside as NAME.actual.json; \
         UPDATE_EXPECT=1 re-blesses):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// English words that must not appear in a French finding message.
const ENGLISH: &[&str] = &[
    " the ", " is ", " was ", " not ", " from ", " with ", " and ", "The ", "This ",
];

#[test]
fn findings_are_french_with_lang_fr() {
    let cases = fixtures();
    assert!(!cases.is_empty());
    let mut checked = 0;
    for path in &cases {
        let v = analyse(path, "fr");
        let name = path.file_name().unwrap().to_string_lossy();
        let messages = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .chain(v["comparison"].as_array().unwrap())
            .map(|f| {
                f.get("message")
                    .or_else(|| f.get("explanation"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            });
        for m in messages {
            assert!(!m.is_empty(), "{name}: empty message");
            let padded = format!(" {m} ");
            for w in ENGLISH {
                assert!(!padded.contains(w), "{name}: English {w:?} in {m:?}");
            }
            assert!(
                !m.contains(" :") && !m.contains(" ?") && !m.contains(" ;"),
                "{name}: ordinary space before French punctuation in {m:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn french_findings_use_french_typography() {
    let v = analyse(&Path::new(DIR).join("phishing.eml"), "fr");
    let all: String = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        all.contains('\u{a0}') || all.contains('\u{202f}'),
        "no no-break space in {all}"
    );
}

/// The DKIM- and ARC-signed fixtures, made with the corpus test keys. The committed
/// `.eml` files are static; this only runs with `UPDATE_EXPECT=1` and rewrites them
/// byte for byte (RSA PKCS#1 v1.5 and Ed25519 signatures are deterministic).
mod signed {
    use std::path::PathBuf;

    use base64::Engine;
    use base64::engine::general_purpose::STANDARD as B64;
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use sceau::dkim::canon;
    use sceau::dkim::signature::Canonicalization;
    use sceau::dkim::verify::pkcs1v15;
    use sceau::headers::raw;
    use sha2::Digest;

    use super::DIR;

    fn corpus() -> PathBuf {
        std::env::var_os("SCEAU_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
            })
    }

    fn read(name: &str) -> String {
        let path = corpus().join("dkim").join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}): set SCEAU_CORPUS to the corpus root",
                path.display()
            )
        })
    }

    fn rsa_key(name: &str) -> rsa::RsaPrivateKey {
        let b64: String = read(name)
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .flat_map(|l| l.trim().chars())
            .collect();
        rsa::RsaPrivateKey::from_pkcs1_der(&B64.decode(b64).unwrap()).expect("PKCS#1")
    }

    enum Key {
        Rsa(rsa::RsaPrivateKey),
        Ed(ed25519_dalek::SigningKey),
    }

    /// RFC 6376 appendix C key: gmail.test, example.com.
    fn appc() -> Key {
        Key::Rsa(rsa_key("rfc6376-appC-private.pem"))
    }

    /// RFC 8463 "test" RSA key: example.org rsa2024, lists.example.net, amazonses.test.
    fn rsa2() -> Key {
        Key::Rsa(rsa_key("rfc8463-test-selector-rsa-private.pem"))
    }

    /// RFC 8463 Ed25519 key: example.org ed2024.
    fn ed() -> Key {
        let seed = B64
            .decode(read("rfc8463-brisbane-ed25519-seed.b64").trim())
            .unwrap();
        Key::Ed(ed25519_dalek::SigningKey::from_bytes(
            &seed.try_into().expect("32 bytes"),
        ))
    }

    fn sign_bytes(key: &Key, data: &[u8]) -> String {
        let digest = sha2::Sha256::digest(data);
        B64.encode(match key {
            Key::Rsa(k) => k
                .sign(
                    pkcs1v15(sceau::dkim::signature::Algorithm::RsaSha256),
                    &digest,
                )
                .unwrap(),
            Key::Ed(k) => {
                use ed25519_dalek::Signer;
                k.sign(&digest).to_bytes().to_vec()
            }
        })
    }

    fn body_hash(message: &str) -> String {
        let body = message.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        B64.encode(sha2::Sha256::digest(canon::body(
            Canonicalization::Relaxed,
            body.as_bytes(),
        )))
    }

    fn names(tags: &str) -> Vec<String> {
        sceau::dkim::signature::lenient_tag(tags, "h")
            .expect("h=")
            .split(':')
            .map(|h| h.trim().to_string())
            .collect()
    }

    /// Adds a relaxed/relaxed DKIM-Signature (or ARC-Message-Signature when `field`
    /// says so) with `tags` (all but `bh=`, `b=`) on top of `message`.
    fn sign(message: &str, field: &str, tags: &str, key: &Key) -> String {
        let head = format!("{field}: {tags};\r\n\tbh={};\r\n\tb=", body_hash(message));
        let msg = raw::parse(format!("{head}\r\n{message}").as_bytes());
        let fields = canon::select_fields(&msg, &names(tags), &[0]);
        let block = canon::header_block(&msg, &fields, Canonicalization::Relaxed, &msg.fields[0]);
        format!("{head}{}\r\n{message}", sign_bytes(key, &block))
    }

    /// Adds ARC set `i=1` (results, message signature, seal) on top of `message`.
    fn arc_seal(
        message: &str,
        domain: &str,
        selector: &str,
        t: u64,
        aar: &str,
        key: &Key,
    ) -> String {
        let with_aar = format!("ARC-Authentication-Results: i=1; {aar}\r\n{message}");
        let with_ams = sign(
            &with_aar,
            "ARC-Message-Signature",
            &format!(
                "i=1; a=rsa-sha256; c=relaxed/relaxed; d={domain}; s={selector};\r\n\tt={t};\r\n\th=from:to:subject:date:message-id:list-id:list-unsubscribe"
            ),
            key,
        );
        let head = format!(
            "ARC-Seal: i=1; a=rsa-sha256; t={t}; cv=none; d={domain}; s={selector};\r\n\tb="
        );
        let msg = raw::parse(format!("{head}\r\n{with_ams}").as_bytes());
        // The seal covers ARC-Authentication-Results, ARC-Message-Signature, then itself.
        let mut data = Vec::new();
        for i in [2, 1] {
            data.extend(canon::header(Canonicalization::Relaxed, &msg.fields[i]));
        }
        let mut own = canon::header(
            Canonicalization::Relaxed,
            &raw::RawField {
                raw: canon::strip_b_value(&msg.fields[0].raw),
                ..msg.fields[0].clone()
            },
        );
        own.truncate(own.len() - 2);
        data.extend(own);
        format!("{head}{}\r\n{with_ams}", sign_bytes(key, &data))
    }

    fn crlf(s: &str) -> String {
        s.replace("\r\n", "\n").replace('\n', "\r\n")
    }

    fn write(name: &str, text: &str) {
        std::fs::write(format!("{DIR}/{name}.eml"), text).unwrap();
    }

    const GMAIL_ORIGINAL: &str = "MIME-Version: 1.0
From: Alice Bernard <alice.bernard@gmail.test>
Date: Mon, 10 Jun 2024 13:11:58 +0200
Message-ID: <CAF7xq0anonymised5Kd3Q1Zp9yLw0v2mQ@mail.gmail.test>
Subject: =?UTF-8?Q?D=C3=A9jeuner_jeudi_=3F?=
To: Camille Martin <camille.martin@gmail.test>
Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3061a8f5d2e\"

--000000000000a1b2c3061a8f5d2e
Content-Type: text/plain; charset=\"UTF-8\"

Salut Camille, on d=C3=A9jeune jeudi ?

--000000000000a1b2c3061a8f5d2e
Content-Type: text/html; charset=\"UTF-8\"

<div dir=3D\"ltr\">Salut Camille, on d=C3=A9jeune jeudi ?</div>

--000000000000a1b2c3061a8f5d2e--
";

    const GMAIL_TRACE: &str = "Delivered-To: camille.martin@gmail.test
Received: by 2001:db8:6520:3b0e:b0:27a:1d2b:5f21 with SMTP id q14csp1170011lkr;
        Mon, 10 Jun 2024 04:12:01 -0700 (PDT)
X-Received: by 2001:db8:2e0b:9a1:b0:2eb:1c2d:3e4f with SMTP id 38308e7fff4ca-2ebd0a1b2c3mr64118271fa.37.1718017921123;
        Mon, 10 Jun 2024 04:12:01 -0700 (PDT)
Return-Path: <alice.bernard@gmail.test>
Received: from mail-sor-f41.google.test (mail-sor-f41.google.test. [192.0.2.141])
        by mx.google.test with SMTPS id 38308e7fff4ca-2ebd0a1b2c3sor1127751fa.2.2024.06.10.04.12.00
        for <camille.martin@gmail.test>
        (Google Transport Security);
        Mon, 10 Jun 2024 04:12:01 -0700 (PDT)
Received-SPF: pass (google.test: domain of alice.bernard@gmail.test designates 192.0.2.141 as permitted sender) client-ip=192.0.2.141;
Authentication-Results: mx.google.test;
       dkim=pass header.i=@gmail.test header.s=20230601 header.b=Ab1Cd2Ef;
       spf=pass (google.test: domain of alice.bernard@gmail.test designates 192.0.2.141 as permitted sender) smtp.mailfrom=alice.bernard@gmail.test;
       dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.test;
       dara=pass header.i=@gmail.test
";

    fn gmail() -> String {
        let signed = sign(
            &crlf(GMAIL_ORIGINAL),
            "DKIM-Signature",
            "v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=gmail.test; s=20230601; t=1718017920; x=1718622720; darn=gmail.test;\r\n\th=to:subject:message-id:date:from:mime-version:from:to:cc:subject\r\n\t :date:message-id:reply-to",
            &appc(),
        );
        let x = "X-Google-Smtp-Source: AGHT+IGanonymised0000000000000000000000000000000000000000\r\nX-Received: by 2001:db8:2e0b:9a1:b0:2eb:1c2d:3e4f with SMTP id 38308e7fff4ca-2ebd0a1b2c3mr64118270fa.37.1718017920567;\r\n        Mon, 10 Jun 2024 04:12:00 -0700 (PDT)\r\nX-Gm-Message-State: AOJu0YwAnonymisedState000000000000000000\r\n";
        format!("{}{x}{signed}", crlf(GMAIL_TRACE))
    }

    const EXIM_ORIGINAL: &str = "From: Anna Weber <anna@example.org>
To: Max Keller <max@example.test>
Subject: Meeting on Thursday
Date: Mon, 10 Jun 2024 15:20:00 +0200
Message-ID: <20240610132000.GA4711@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hi Max,

let's meet on Thursday at 10:00 in room 2.

Anna
";

    fn exim_signed() -> String {
        let h = "h=from:to:subject:date:message-id:mime-version:content-type";
        let once = sign(
            &crlf(EXIM_ORIGINAL),
            "DKIM-Signature",
            &format!(
                "v=1; a=rsa-sha256; q=dns/txt; c=relaxed/relaxed; d=example.org;\r\n\ts=rsa2024; t=1718025600; {h}"
            ),
            &rsa2(),
        );
        sign(
            &once,
            "DKIM-Signature",
            &format!(
                "v=1; a=ed25519-sha256; q=dns/txt; c=relaxed/relaxed; d=example.org;\r\n\ts=ed2024; t=1718025600; {h}"
            ),
            &ed(),
        )
    }

    const EXIM_TRACE: &str = "Return-path: <anna@example.org>
Envelope-to: max@example.test
Delivery-date: Mon, 10 Jun 2024 13:20:03 +0000
Authentication-Results: mx1.example.test;
\tiprev=pass (out.example.org) smtp.remote-ip=198.51.100.27;
\tspf=pass smtp.mailfrom=example.org;
\tdkim=pass header.d=example.org header.s=ed2024 header.a=ed25519-sha256;
\tdkim=pass header.d=example.org header.s=rsa2024 header.a=rsa-sha256;
\tdmarc=pass header.from=example.org;
\tarc=none
Received: from out.example.org ([198.51.100.27]:51234)
\tby mx1.example.test with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
\t(Exim 4.97)
\t(envelope-from <anna@example.org>)
\tid 1sGjKl-00CdEf-3y
\tfor max@example.test;
\tMon, 10 Jun 2024 13:20:02 +0000
Received: from [2001:db8:77::5] (helo=[192.168.178.20])
\tby out.example.org with esmtpsa  (TLS1.3) tls TLS_AES_128_GCM_SHA256
\t(Exim 4.97)
\t(envelope-from <anna@example.org>)
\tid 1sGjKk-0001Ab-0z
\tfor max@example.test;
\tMon, 10 Jun 2024 15:20:01 +0200
";

    const LIST_ORIGINAL: &str = "From: Julie Fabre <julie@example.com>
To: devs@lists.example.net
Subject: Release 2.4 branch is open
Date: Mon, 10 Jun 2024 08:30:00 +0000
Message-ID: <release-24@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello all,

the 2.4 branch is open for fixes only.

Julie
";

    const LIST_HEADERS: &str = "Received: from mail.example.com (mail.example.com [192.0.2.10])
\tby lists.example.net (Postfix) with ESMTPS id 4VyF0n1Rq7z3Kk2
\tfor <devs@lists.example.net>; Mon, 10 Jun 2024 08:30:02 +0000 (UTC)
Message-ID-Hash: Q2W3E4R5T6Y7U8I9O0P1A2S3D4F5G6H7
X-Message-ID-Hash: Q2W3E4R5T6Y7U8I9O0P1A2S3D4F5G6H7
X-MailFrom: julie@example.com
X-Mailman-Rule-Misses: dmarc-mitigation; no-senders; approved; emergency; loop; banned-address; member-moderation; nonmember-moderation; administrivia; implicit-dest; max-recipients; max-size; news-moderation; no-subject; digests; suspicious-header
X-Mailman-Version: 3.3.9
Precedence: list
List-Id: Developers <devs.lists.example.net>
Archived-At: <https://lists.example.net/archives/list/devs@lists.example.net/message/Q2W3E4R5T6Y7U8I9O0P1A2S3D4F5G6H7/>
List-Archive: <https://lists.example.net/archives/list/devs@lists.example.net/>
List-Help: <mailto:devs-request@lists.example.net?subject=help>
List-Owner: <mailto:devs-owner@lists.example.net>
List-Post: <mailto:devs@lists.example.net>
List-Subscribe: <mailto:devs-join@lists.example.net>
List-Unsubscribe: <mailto:devs-leave@lists.example.net>
";

    const LIST_FOOTER: &str = "_______________________________________________
devs mailing list -- devs@lists.example.net
To unsubscribe send an email to devs-leave@lists.example.net
";

    const LIST_DELIVERY: &str = "Delivered-To: thomas.garnier@gmail.test
Received: by 2001:db8:6520:3b0e:b0:27a:1d2b:5f21 with SMTP id q14csp1160022lkr;
        Mon, 10 Jun 2024 01:30:05 -0700 (PDT)
Return-Path: <devs-bounces@lists.example.net>
Received: from lists.example.net (lists.example.net. [203.0.113.40])
        by mx.google.test with ESMTPS id 5b1f17b1804b1-4215c2b1a3fsi288011e9.121.2024.06.10.01.30.04
        for <thomas.garnier@gmail.test>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Mon, 10 Jun 2024 01:30:05 -0700 (PDT)
Received-SPF: pass (google.test: domain of devs-bounces@lists.example.net designates 203.0.113.40 as permitted sender) client-ip=203.0.113.40;
Authentication-Results: mx.google.test;
       dkim=fail header.i=@example.com header.s=sel2024 header.b=Xy9Zw8Vu;
       arc=pass (i=1 spf=pass spfdomain=example.com dkim=pass dkdomain=example.com dmarc=pass fromdomain=example.com);
       spf=pass (google.test: domain of devs-bounces@lists.example.net designates 203.0.113.40 as permitted sender) smtp.mailfrom=devs-bounces@lists.example.net;
       dmarc=fail (p=REJECT sp=REJECT dis=NONE) arc=pass header.from=example.com
";

    fn mailing_list() -> String {
        let signed = sign(
            &crlf(LIST_ORIGINAL),
            "DKIM-Signature",
            "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel2024;\r\n\tt=1718008200; h=from:to:subject:date:message-id",
            &appc(),
        );
        // Mailman adds its headers and a footer: the author's body hash breaks.
        let relayed = format!("{}{signed}{}", crlf(LIST_HEADERS), crlf(LIST_FOOTER));
        let sealed = arc_seal(
            &relayed,
            "lists.example.net",
            "arc-2024",
            1718008203,
            "lists.example.net;\r\n\tdkim=pass header.d=example.com header.s=sel2024;\r\n\tspf=pass smtp.mailfrom=example.com;\r\n\tdmarc=pass header.from=example.com",
            &rsa2(),
        );
        format!("{}{sealed}", crlf(LIST_DELIVERY))
    }

    const FORWARD_ORIGINAL: &str = "From: Anna Weber <anna@example.org>
To: max@alumni.example.net
Subject: Class reunion photos
Date: Mon, 10 Jun 2024 17:00:00 +0200
Message-ID: <20240610150000.GB4711@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Hi Max, the photos are online.
";

    const FORWARD_TRACE: &str = "Delivered-To: max.keller@gmail.test
Received: by 2001:db8:6520:3b0e:b0:27a:1d2b:5f21 with SMTP id q14csp1177033lkr;
        Mon, 10 Jun 2024 08:00:06 -0700 (PDT)
Return-Path: <anna@example.org>
Received: from mail.alumni.example.net (mail.alumni.example.net. [203.0.113.60])
        by mx.google.test with ESMTPS id a640c23a62f3a-a6f0e3b2c1dsi611234966b.77.2024.06.10.08.00.05
        for <max.keller@gmail.test>
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);
        Mon, 10 Jun 2024 08:00:06 -0700 (PDT)
Received-SPF: fail (google.test: domain of anna@example.org does not designate 203.0.113.60 as permitted sender) client-ip=203.0.113.60;
Authentication-Results: mx.google.test;
       dkim=pass header.i=@example.org header.s=ed2024 header.b=Qw3Er4Ty;
       spf=fail (google.test: domain of anna@example.org does not designate 203.0.113.60 as permitted sender) smtp.mailfrom=anna@example.org;
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=example.org
Received: from out.example.org (out.example.org [198.51.100.27])
\tby mail.alumni.example.net (Postfix) with ESMTPS id 4VyL3s0Mq2z7Lp4
\tfor <max@alumni.example.net>; Mon, 10 Jun 2024 15:00:04 +0000 (UTC)
";

    fn forwarded() -> String {
        let signed = sign(
            &crlf(FORWARD_ORIGINAL),
            "DKIM-Signature",
            "v=1; a=ed25519-sha256; q=dns/txt; c=relaxed/relaxed; d=example.org;\r\n\ts=ed2024; t=1718031600; h=from:to:subject:date:message-id",
            &ed(),
        );
        format!("{}{signed}", crlf(FORWARD_TRACE))
    }

    const SES_ORIGINAL: &str = "From: Example Orders <orders@example.com>
To: nina@example.net
Subject: Your order has shipped
Date: Mon, 10 Jun 2024 19:30:00 +0000
Message-ID: <0100018fff2a1b2c-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000@email.amazonses.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 7bit
Feedback-ID: 1.us-east-1.AnonymisedFeedbackId000000000=:AmazonSES
X-SES-Outgoing: 2024.06.10-198.51.100.13

Your order 5521 is on its way.
";

    const SES_TRACE: &str = "Delivered-To: nina@example.net
Authentication-Results: mx.example.net;
\tdkim=pass (1024-bit key; unprotected) header.d=example.com header.i=@example.com header.a=rsa-sha256 header.s=sel2024 header.b=Ab12Cd34;
\tdkim=pass (1024-bit key; unprotected) header.d=amazonses.test header.i=@amazonses.test header.a=rsa-sha256 header.s=ug7nbtf4gccmlpwj322ax3p6ow6yfsug header.b=Ef56Gh78;
\tspf=pass (mx.example.net: domain of 0100018fff2a1b2c-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000@amazonses.test designates 198.51.100.13 as permitted sender) smtp.mailfrom=0100018fff2a1b2c-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000@amazonses.test;
\tdmarc=pass (policy=reject) header.from=example.com
Return-Path: <0100018fff2a1b2c-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d-000000@amazonses.test>
Received: from a8-13.smtp-out.amazonses.test (a8-13.smtp-out.amazonses.test [198.51.100.13])
\tby mx.example.net (Postfix) with ESMTPS id 4VyM7w2Xc1z2Fg5
\tfor <nina@example.net>; Mon, 10 Jun 2024 19:30:01 +0000 (UTC)
";

    fn ses() -> String {
        let h =
            "h=From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:Content-Transfer-Encoding";
        let once = sign(
            &crlf(SES_ORIGINAL),
            "DKIM-Signature",
            &format!(
                "v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\r\n\ts=ug7nbtf4gccmlpwj322ax3p6ow6yfsug; d=amazonses.test; t=1718047800;\r\n\t{h}:Feedback-ID"
            ),
            &rsa2(),
        );
        let twice = sign(
            &once,
            "DKIM-Signature",
            &format!(
                "v=1; a=rsa-sha256; q=dns/txt; c=relaxed/simple;\r\n\ts=sel2024; d=example.com; t=1718047800;\r\n\t{h}"
            ),
            &appc(),
        );
        format!("{}{twice}", crlf(SES_TRACE))
    }

    /// What copy-paste does to a message.
    fn lf(s: &str) -> String {
        s.replace("\r\n", "\n")
    }

    /// Gmail's "Show original" page, copied with the message under it.
    const SHOW_ORIGINAL: &str = "Original Message
Message ID\t<CAF7xq0anonymised5Kd3Q1Zp9yLw0v2mQ@mail.gmail.test>
Created at:\tMon, Jun 10, 2024 at 1:12\u{202f}PM (Delivered after 3 seconds)
From:\tAlice Bernard <alice.bernard@gmail.test>
To:\tCamille Martin <camille.martin@gmail.test>
Subject:\tDéjeuner jeudi ?
SPF:\tPASS with IP 192.0.2.141 Learn more
DKIM:\t'PASS' with domain gmail.test Learn more
DMARC:\t'PASS' Learn more
Download original\tCopy to clipboard\t

";

    pub fn generate() {
        let g = gmail();
        write("gmail-to-gmail", &g);
        write("paste-gmail-lf-only", &lf(&g));
        write(
            "paste-gmail-show-original",
            &format!("{SHOW_ORIGINAL}{}", lf(&g)),
        );
        let indented: String = lf(&g).lines().map(|l| format!("    {l}\n")).collect();
        write("paste-gmail-indented", &indented);
        let trailing: String = g
            .split("\r\n")
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{l}  ")
                }
            })
            .collect::<Vec<_>>()
            .join("\r\n");
        write("paste-gmail-trailing-spaces", &trailing);
        let headers_only = g.split_once("\r\n\r\n").unwrap().0.to_string() + "\r\n";
        write("headers-only", &headers_only);

        let e = format!("{}{}", crlf(EXIM_TRACE), exim_signed());
        write("exim-dual-signed", &e);
        write(
            "exim-dual-signed-tampered",
            &e.replace("Thursday at 10:00", "Thursday at 11:00"),
        );
        write("mailing-list", &mailing_list());
        write("forwarded", &forwarded());
        write("amazon-ses", &ses());
    }
}
