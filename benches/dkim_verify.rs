//! Benchmark: verifying a typical signed message natively (`cargo bench --bench
//! dkim_verify`, no network, no extra dependency).
//!
//! The message has the usual pair of signatures, one RSA-2048 (`rsa-sha256`) and one
//! Ed25519 (`ed25519-sha256`), both `c=relaxed/relaxed` over ten header fields, and a
//! body of about 10 KB of text, all generated deterministically. The RSA key is the
//! throw-away fixture `benches/fixtures/rsa2048-throwaway.pem`; the Ed25519 key comes
//! from a fixed seed. Keys are answered from an in-memory zone, as `--dns-zone` does.
//!
//! Each timed iteration parses the raw message and verifies every signature (body
//! canonicalisation and hash, header selection and hash, key record parsing, the
//! public-key operation), which is what checking one message costs. Median and 95th
//! percentile per message are printed, with the single-signature variants for
//! comparison. Benches build with the release profile (`opt-level = "z"`, LTO).

use std::hint::black_box;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use sceau::dkim::canon;
use sceau::dkim::signature::{Algorithm, Canonicalization};
use sceau::dkim::verify::pkcs1v15;
use sceau::dkim::{DkimStatus, verify_message};
use sceau::dns::zone::ZoneSource;
use sceau::headers::raw;
use sha2::Digest;

const NOW: u64 = 1_750_000_000;
const DOMAIN: &str = "example.com";
const ITERATIONS: usize = 2000;
const WARM_UP: usize = 100;

enum Key<'a> {
    Rsa(&'a rsa::RsaPrivateKey),
    Ed(&'a ed25519_dalek::SigningKey),
}

fn rsa_key() -> rsa::RsaPrivateKey {
    let pem = include_str!("fixtures/rsa2048-throwaway.pem");
    let b64: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----") && !l.starts_with('#'))
        .flat_map(|l| l.trim().chars())
        .collect();
    let der = B64.decode(b64).expect("fixture base64");
    rsa::RsaPrivateKey::from_pkcs1_der(&der).expect("fixture is a PKCS#1 RSA key")
}

fn ed_key() -> ed25519_dalek::SigningKey {
    let mut seed = [0u8; 32];
    for (i, b) in seed.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(37).wrapping_add(11);
    }
    ed25519_dalek::SigningKey::from_bytes(&seed)
}

/// About `size` bytes of plain text in lines of up to 76 characters, from a fixed
/// linear congruential generator.
fn body(size: usize) -> String {
    let words: Vec<&str> = "invoice meeting the quarterly report attached please find \
                            regards schedule update we will review tomorrow thanks"
        .split_whitespace()
        .collect();
    let mut state: u64 = 0x5eed_cafe;
    let mut out = String::with_capacity(size + 100);
    let mut line = String::new();
    while out.len() < size {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let word = words[(state >> 60) as usize % words.len()];
        if line.len() + word.len() + 1 > 76 {
            out.push_str(&line);
            out.push_str("\r\n");
            line.clear();
            if (state >> 32).is_multiple_of(9) {
                out.push_str("\r\n");
            }
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push_str("\r\n");
    out
}

fn headers() -> String {
    [
        "Received: from mail.example.com (mail.example.com [192.0.2.10])\r\n\tby mx.example.net with ESMTPS; Mon, 16 Jun 2025 10:00:02 +0000",
        "From: Alice Example <alice@example.com>",
        "To: Bob <bob@example.net>",
        "Subject: Quarterly report and the meeting schedule",
        "Date: Mon, 16 Jun 2025 10:00:00 +0000",
        "Message-ID: <20250616100000.1234@mail.example.com>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 7bit",
        "List-Unsubscribe: <mailto:unsubscribe@example.com>",
    ]
    .iter()
    .map(|h| format!("{h}\r\n"))
    .collect()
}

/// Adds a DKIM-Signature on top of `message`, computed with Sceau's own
/// canonicalisation (the same way as tests/dkim_sign.rs).
fn sign(message: &str, selector: &str, key: &Key<'_>) -> String {
    let algorithm = match key {
        Key::Rsa(_) => Algorithm::RsaSha256,
        Key::Ed(_) => Algorithm::Ed25519Sha256,
    };
    let body = message.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let bh = B64.encode(sha2::Sha256::digest(canon::body(
        Canonicalization::Relaxed,
        body.as_bytes(),
    )));
    let h = "from:to:subject:date:message-id:mime-version:content-type:\r\n \
             content-transfer-encoding:list-unsubscribe:from:subject";
    let head = format!(
        "DKIM-Signature: v=1; a={algorithm}; c=relaxed/relaxed; d={DOMAIN}; s={selector};\r\n \
         t={NOW}; h={h};\r\n bh={bh};\r\n b="
    );
    let msg = raw::parse(format!("{head}\r\n{message}").as_bytes());
    let names: Vec<String> = h
        .split(':')
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let fields = canon::select_fields(&msg, &names, &[0]);
    let block = canon::header_block(&msg, &fields, Canonicalization::Relaxed, &msg.fields[0]);
    let hash = sha2::Sha256::digest(&block);
    let sig = match key {
        Key::Rsa(k) => k
            .sign(pkcs1v15(Algorithm::RsaSha256), &hash)
            .expect("RSA signature"),
        Key::Ed(k) => {
            use ed25519_dalek::Signer;
            k.sign(&hash).to_bytes().to_vec()
        }
    };
    let b = B64.encode(sig);
    let folded: Vec<&str> = b
        .as_bytes()
        .chunks(72)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect();
    format!("{head}{}\r\n{message}", folded.join("\r\n "))
}

fn zone(rsa: &rsa::RsaPrivateKey, ed: &ed25519_dalek::SigningKey) -> ZoneSource {
    let spki = rsa
        .to_public_key()
        .to_public_key_der()
        .expect("SubjectPublicKeyInfo");
    let mut z = ZoneSource::new();
    z.insert_txt(
        &format!("rsa2048._domainkey.{DOMAIN}"),
        &format!("v=DKIM1; k=rsa; p={}", B64.encode(spki.as_bytes())),
    );
    z.insert_txt(
        &format!("ed25519._domainkey.{DOMAIN}"),
        &format!(
            "v=DKIM1; k=ed25519; p={}",
            B64.encode(ed.verifying_key().as_bytes())
        ),
    );
    z
}

fn verify_once(message: &[u8], zone: &ZoneSource) -> Vec<DkimStatus> {
    let msg = raw::parse(message);
    futures::executor::block_on(verify_message(&msg, zone, NOW))
        .into_iter()
        .map(|r| r.result)
        .collect()
}

struct Stats {
    median: Duration,
    p95: Duration,
    min: Duration,
    mean: Duration,
}

fn measure(message: &[u8], zone: &ZoneSource, signatures: usize) -> Stats {
    let results = verify_once(message, zone);
    assert_eq!(
        results,
        vec![DkimStatus::Pass; signatures],
        "the bench message must verify"
    );
    for _ in 0..WARM_UP {
        black_box(verify_once(black_box(message), zone));
    }
    let mut times: Vec<Duration> = (0..ITERATIONS)
        .map(|_| {
            let start = Instant::now();
            black_box(verify_once(black_box(message), zone));
            start.elapsed()
        })
        .collect();
    times.sort();
    let total: Duration = times.iter().sum();
    Stats {
        median: times[times.len() / 2],
        p95: times[(times.len() * 95).div_ceil(100) - 1],
        min: times[0],
        mean: total / times.len() as u32,
    }
}

fn us(d: Duration) -> String {
    format!("{:>8.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let rsa = rsa_key();
    let ed = ed_key();
    let zone = zone(&rsa, &ed);
    let unsigned = format!("{}\r\n{}", headers(), body(10 * 1024));
    let body_len = unsigned.len() - headers().len() - 2;
    let rsa_key = Key::Rsa(&rsa);
    let ed_key = Key::Ed(&ed);
    let both = sign(&sign(&unsigned, "ed25519", &ed_key), "rsa2048", &rsa_key);
    let rsa_only = sign(&unsigned, "rsa2048", &rsa_key);
    let ed_only = sign(&unsigned, "ed25519", &ed_key);

    if quick {
        assert_eq!(verify_once(both.as_bytes(), &zone), [DkimStatus::Pass; 2]);
        println!("dkim_verify: message verifies (run `cargo bench --bench dkim_verify` to time)");
        return;
    }
    println!(
        "dkim_verify: {ITERATIONS} iterations after {WARM_UP} warm-up, message {} bytes (body {body_len} bytes)",
        both.len()
    );
    println!(
        "{:<34} {:>11} {:>11} {:>11} {:>11}",
        "case", "median", "p95", "min", "mean"
    );
    for (name, message, n) in [
        ("RSA-2048 + Ed25519 (typical)", &both, 2),
        ("RSA-2048 only", &rsa_only, 1),
        ("Ed25519 only", &ed_only, 1),
    ] {
        let s = measure(message.as_bytes(), &zone, n);
        println!(
            "{name:<34} {} {} {} {}",
            us(s.median),
            us(s.p95),
            us(s.min),
            us(s.mean)
        );
    }
}
