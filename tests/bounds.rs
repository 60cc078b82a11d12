//! Bounds: very large inputs through the CLI must finish in bounded time with a clear
//! result or message — never a crash. Each run has a wall-clock guard (20 s, several
//! times what it takes in a debug build) and prints its time (`--nocapture` to see).
//!
//! - a 10 MB paste (a message with a 10 MB body), and a 17 MB one (over the limit);
//! - 100,000 header lines;
//! - 50,000 `Received` hops;
//! - 10,000 DKIM signatures;
//! - a 10,000-include SPF chain.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const GUARD: Duration = Duration::from_secs(20);

fn dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join(".tmp/bounds");
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes `name` atomically (a temporary file renamed): the tests run in parallel and
/// share the zone file, which must never be read half-written.
fn write(name: &str, bytes: &[u8]) -> String {
    let p = dir().join(name);
    let tmp = dir().join(format!("{name}.{:?}.tmp", std::thread::current().id()));
    std::fs::File::create(&tmp)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    std::fs::rename(&tmp, &p).unwrap();
    p.to_string_lossy().into_owned()
}

/// A small zone: the sender's SPF, DMARC and an Ed25519 key.
fn small_zone() -> String {
    write(
        "small.zone",
        concat!(
            "$ORIGIN sceau.test.\n$TTL 300\n",
            "@ IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n",
            "_dmarc IN TXT \"v=DMARC1; p=reject\"\n",
            "mail2026._domainkey IN TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"\n",
        )
        .as_bytes(),
    )
}

/// Runs `sceau` under the guard: (exit code, stdout, stderr, elapsed).
fn run(label: &str, args: &[&str]) -> (i32, String, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sceau"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sceau");
    // Read the pipes on threads so that a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > GUARD {
            child.kill().ok();
            child.wait().ok();
            panic!("{label}: still running after {GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let out = String::from_utf8_lossy(&out_t.join().unwrap()).into_owned();
    let err = String::from_utf8_lossy(&err_t.join().unwrap()).into_owned();
    eprintln!(
        "bounds: {label}: {:.2} s, exit {:?}, {} bytes out",
        elapsed.as_secs_f64(),
        status.code(),
        out.len()
    );
    assert!(
        status.code().is_some(),
        "{label}: killed by a signal: {err}"
    );
    (status.code().unwrap(), out, err, elapsed)
}

fn message_json(label: &str, file: &str) -> Value {
    let zone = small_zone();
    let (code, out, err, _) = run(
        label,
        &[
            "message",
            file,
            "--dns-zone",
            &zone,
            "--json",
            "--now",
            "1709661700",
        ],
    );
    assert_eq!(code, 0, "{label}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{label}: {e}"))
}

const HEAD: &str = "Received: from mx.sceau.test (mx.sceau.test [192.0.2.25]) by mx.example.org with ESMTPS; Tue, 05 Mar 2024 10:00:02 -0800\r\n\
Return-Path: <bounce@sceau.test>\r\n\
From: Alice <alice@sceau.test>\r\n\
To: Bob <bob@example.org>\r\n\
Subject: big\r\n\
Date: Tue, 5 Mar 2024 19:00:00 +0100\r\n\
Message-ID: <big@sceau.test>\r\n";

#[test]
fn a_10_mb_paste() {
    let mut m = HEAD.to_string();
    m.push_str("\r\n");
    let line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789\r\n";
    while m.len() < 10 * 1024 * 1024 {
        m.push_str(line);
    }
    let file = write("10mb.eml", m.as_bytes());
    let v = message_json("10 MB message", &file);
    assert_eq!(v["body_present"], true);
    assert_eq!(v["spf"]["result"], "pass");
    // Over the 16 MB limit: refused with one line, exit 2.
    while m.len() < 17 * 1024 * 1024 {
        m.push_str(line);
    }
    let file = write("17mb.eml", m.as_bytes());
    let zone = small_zone();
    let (code, out, err, _) = run(
        "17 MB message",
        &["message", &file, "--dns-zone", &zone, "--json"],
    );
    assert_eq!(code, 2, "{out}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn a_hundred_thousand_header_lines() {
    let mut m = HEAD.to_string();
    for i in 0..100_000 {
        m.push_str(&format!("X-Filler-{}: value {i}\r\n", i % 7));
    }
    m.push_str("\r\nbody\r\n");
    let file = write("100k-lines.eml", m.as_bytes());
    let v = message_json("100,000 header lines", &file);
    assert_eq!(v["spf"]["result"], "pass");
    assert_eq!(v["dmarc"]["result"], "pass");
}

#[test]
fn fifty_thousand_received_hops() {
    let mut m = String::new();
    for i in (0..50_000u32).rev() {
        let ip = format!("10.{}.{}.{}", i >> 16, (i >> 8) & 255, i & 255);
        m.push_str(&format!(
            "Received: from h{i}.example.net (h{i}.example.net [{ip}]) by h{}.example.net with SMTP id {i}; Tue, 05 Mar 2024 10:{:02}:{:02} -0800\r\n",
            i + 1,
            (i / 60) % 60,
            i % 60
        ));
    }
    m.push_str(HEAD);
    m.push_str("\r\nbody\r\n");
    let file = write("50k-hops.eml", m.as_bytes());
    let v = message_json("50,000 Received hops", &file);
    // The 1,000 topmost hops are analysed, numbered from the origin, with a finding.
    let hops = v["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 1000);
    // 50,001 in all with the one of the common header.
    assert_eq!(hops[0]["number"], 49_002);
    assert_eq!(hops[999]["number"], 50_001);
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "too_many_hops"),
        "{findings:?}"
    );
    // The only public address is the origin's, left out with the oldest hops: the
    // connecting server is unknown, which the findings say, and SPF is not guessed.
    assert!(
        findings
            .iter()
            .any(|f| f["code"] == "connecting_ip_unknown"),
        "{findings:?}"
    );
    assert!(v["spf"].is_null());
}

#[test]
fn ten_thousand_dkim_signatures() {
    let mut m = String::new();
    for i in 0..10_000 {
        m.push_str(&format!(
            "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=sceau.test; s=mail2026; t=1709661600; h=from:to:subject; bh=iCS6MsmRRQxPDMRTs1bwveQvd9GaSSL2zglC8/gAgyQ=; b=RTogId6PF1bn/U2nFoqldR4qDbIKEkZCi+y//bkUvAOYSgAmxPlIzq7vTXel56d9DGrB+6WWiAD+{i:07}ozCw==\r\n"
        ));
    }
    m.push_str(HEAD);
    m.push_str("\r\nbody\r\n");
    let file = write("10k-dkim.eml", m.as_bytes());
    let v = message_json("10,000 DKIM signatures", &file);
    // The first 50 are verified (RFC 6376 §6.1 allows a limit), with a finding.
    let dkim = v["dkim"].as_array().unwrap();
    assert_eq!(dkim.len(), 50);
    assert!(dkim.iter().all(|d| d["result"] != "pass"));
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "too_many_signatures"),
        "{findings:?}"
    );
}

#[test]
fn a_ten_thousand_include_spf_chain() {
    let mut z = String::from("$ORIGIN chain.test.\n$TTL 300\n");
    for i in 0..10_000 {
        z.push_str(&format!(
            "a{i} IN TXT \"v=spf1 include:a{}.chain.test -all\"\n",
            i + 1
        ));
    }
    z.push_str("a10000 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
    let zone = write("chain.zone", z.as_bytes());
    let (code, out, err, _) = run(
        "10,000-include SPF chain",
        &[
            "spf",
            "--ip",
            "192.0.2.1",
            "--mail-from",
            "x@a0.chain.test",
            "--dns-zone",
            &zone,
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // RFC 7208 §4.6.4: more than 10 lookups is a permerror.
    assert_eq!(v["result"], "permerror", "{}", v["result"]);
    assert!(v["lookups"].as_u64().unwrap() <= 11, "{}", v["lookups"]);
}
