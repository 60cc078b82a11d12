//! The typical signed message shared by the native benchmark (`benches/dkim_verify.rs`)
//! and the browser one (`tests/browser_bench.rs`): one RSA-2048 and one Ed25519
//! signature, `c=relaxed/relaxed` over ten header fields, a body of about 10 KB,
//! generated deterministically; the keys answered from an in-memory zone.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use sceau::dkim::canon;
use sceau::dkim::signature::{Algorithm, Canonicalization};
use sceau::dkim::verify::pkcs1v15;
use sceau::dns::zone::ZoneSource;
use sceau::headers::raw;
use sha2::Digest;

/// The clock of the benchmarks (inside every signature's validity).
pub const NOW: u64 = 1_750_000_000;
const DOMAIN: &str = "example.com";

pub enum Key<'a> {
    Rsa(&'a rsa::RsaPrivateKey),
    Ed(&'a ed25519_dalek::SigningKey),
}

pub fn rsa_key() -> rsa::RsaPrivateKey {
    let pem = include_str!("../fixtures/rsa2048-throwaway.pem");
    let b64: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----") && !l.starts_with('#'))
        .flat_map(|l| l.trim().chars())
        .collect();
    let der = B64.decode(b64).expect("fixture base64");
    rsa::RsaPrivateKey::from_pkcs1_der(&der).expect("fixture is a PKCS#1 RSA key")
}

pub fn ed_key() -> ed25519_dalek::SigningKey {
    let mut seed = [0u8; 32];
    for (i, b) in seed.iter_mut().enumerate() {
        *b = (i as u8).wrapping_mul(37).wrapping_add(11);
    }
    ed25519_dalek::SigningKey::from_bytes(&seed)
}

/// About `size` bytes of plain text in lines of up to 76 characters, from a fixed
/// linear congruential generator.
pub fn body(size: usize) -> String {
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

pub fn headers() -> String {
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
pub fn sign(message: &str, selector: &str, key: &Key<'_>) -> String {
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

pub fn zone(rsa: &rsa::RsaPrivateKey, ed: &ed25519_dalek::SigningKey) -> ZoneSource {
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

/// The typical message (both signatures), the two single-signature variants, the zone,
/// and the body length.
pub fn messages() -> (String, String, String, ZoneSource, usize) {
    let rsa = rsa_key();
    let ed = ed_key();
    let zone = zone(&rsa, &ed);
    let unsigned = format!("{}\r\n{}", headers(), body(10 * 1024));
    let body_len = unsigned.len() - headers().len() - 2;
    let (rsa_key, ed_key) = (Key::Rsa(&rsa), Key::Ed(&ed));
    let both = sign(&sign(&unsigned, "ed25519", &ed_key), "rsa2048", &rsa_key);
    let rsa_only = sign(&unsigned, "rsa2048", &rsa_key);
    let ed_only = sign(&unsigned, "ed25519", &ed_key);
    (both, rsa_only, ed_only, zone, body_len)
}
