//! DKIM verification of messages signed here with the corpus test keys
//! (`../shared/corpus/dkim/*.pem`, `*.b64`; root overridable with `SCEAU_CORPUS`):
//! l=, over-signing, time, revoked / short / restricted keys, DNS errors, rsa-sha1,
//! headers-only, and robustness on truncated input.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPublicKey};
use sceau::dkim::canon;
use sceau::dkim::signature::Algorithm;
use sceau::dkim::signature::Canonicalization;
use sceau::dkim::verify::pkcs1v15;
use sceau::dkim::{BodyHash, DkimResult, DkimStatus, HeaderSignature, verify_message};
use sceau::dns::zone::ZoneSource;
use sceau::dns::{DnsError, RecordType};
use sceau::headers::raw;
use sha2::Digest;

const NOW: u64 = 1_700_000_000;

/// A throw-away 512-bit RSA key, only for the "key too short" case.
const RSA_512: &str = "MIIBOgIBAAJBAMIu1iACtZmLiXeN8FEzCkGqfBVNy7yNlD8Ze8It7S02yFha98ch
nZClM9qc41vT8yl5tTiDkVNWN+IXQ24MGDUCAwEAAQJAX4dNHehXUJdd5Gv2iuvS
IuXtL0nbbgI0qSovQSL46GGLdr+LrXzvt5IN8qQpFvPPUV+TNlvV4YJqflj8eKJ8
QQIhAPdOIAD8lwHGb7rMWyb7BdB2D4nthnlxtaUnvxorUnllAiEAyQKVdopxeeev
SY1Igs+QWcfSZ0YSwpvathZmNXW1npECIQDLFVLevI5dHNF/unVYK2d46pqUD4QQ
krox59Pc75qIqQIgWdYHyqTxNlRvqOW15JCzqQx/YpyUwdk6FGtKXtYux6ECIBXG
jm5iZyKYsiLQI7h5QZBsIcLwyTvp9jq13YmhSyKI";

const MESSAGE: &str = "Received: from client1.example.com by mx.example.net; Fri, 11 Jul 2003 21:01:54 -0700\r\nFrom: Joe SixPack <joe@example.com>\r\nTo: Suzie Q <suzie@example.net>\r\nSubject: Is dinner ready?\r\nDate: Fri, 11 Jul 2003 21:00:37 -0700\r\nMessage-ID: <1@example.com>\r\n\r\nHi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n";

fn corpus() -> PathBuf {
    std::env::var_os("SCEAU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

fn read(name: &str) -> String {
    let path = corpus().join("dkim").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the DKIM corpus file {} is missing ({e}): set SCEAU_CORPUS to the corpus root",
            path.display()
        )
    })
}

fn pem_der(pem: &str) -> Vec<u8> {
    let b64: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(|l| l.trim().chars())
        .collect();
    B64.decode(b64).expect("PEM base64")
}

enum Key {
    Rsa(rsa::RsaPrivateKey),
    Ed(ed25519_dalek::SigningKey),
}

fn appc_key() -> Key {
    Key::Rsa(
        rsa::RsaPrivateKey::from_pkcs1_der(&pem_der(&read("rfc6376-appC-private.pem")))
            .expect("PKCS#1"),
    )
}

fn short_key() -> rsa::RsaPrivateKey {
    rsa::RsaPrivateKey::from_pkcs1_der(&pem_der(RSA_512)).expect("PKCS#1")
}

fn ed_key() -> Key {
    let seed = B64
        .decode(read("rfc8463-brisbane-ed25519-seed.b64").trim())
        .expect("seed");
    let seed: [u8; 32] = seed.try_into().expect("32 bytes");
    Key::Ed(ed25519_dalek::SigningKey::from_bytes(&seed))
}

fn canon_of(c: &str) -> (Canonicalization, Canonicalization) {
    let parse = |s: &str| {
        if s == "relaxed" {
            Canonicalization::Relaxed
        } else {
            Canonicalization::Simple
        }
    };
    let (h, b) = c.split_once('/').unwrap_or((c, "simple"));
    (parse(h), parse(b))
}

/// Signs `message` (CRLF text) with the tags given (everything but `bh=` and `b=`,
/// which are computed) and returns the message with the DKIM-Signature on top.
fn sign(message: &str, tags: &str, key: &Key) -> String {
    let get = |t: &str| sceau::dkim::signature::lenient_tag(tags, t);
    let algorithm = Algorithm::parse(&get("a").expect("a=")).expect("algorithm");
    let (hc, bc) = canon_of(&get("c").unwrap_or_else(|| "simple/simple".into()));
    let body = message.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    let mut cb = canon::body(bc, body.as_bytes());
    if let Some(l) = get("l") {
        cb.truncate(l.parse().expect("l"));
    }
    let bh = match algorithm {
        Algorithm::RsaSha1 => B64.encode(sha1::Sha1::digest(&cb)),
        _ => B64.encode(sha2::Sha256::digest(&cb)),
    };
    let head = format!("DKIM-Signature: {tags};\r\n bh={bh};\r\n b=");
    let msg = raw::parse(format!("{head}\r\n{message}").as_bytes());
    let names: Vec<String> = get("h")
        .expect("h=")
        .split(':')
        .map(|h| h.trim().to_string())
        .collect();
    let fields = canon::select_fields(&msg, &names, &[0]);
    let block = canon::header_block(&msg, &fields, hc, &msg.fields[0]);
    let sig = match key {
        Key::Rsa(k) => {
            let hash = match algorithm {
                Algorithm::RsaSha1 => sha1::Sha1::digest(&block).to_vec(),
                _ => sha2::Sha256::digest(&block).to_vec(),
            };
            k.sign(pkcs1v15(algorithm), &hash).expect("RSA signature")
        }
        Key::Ed(k) => {
            use ed25519_dalek::Signer;
            k.sign(&sha2::Sha256::digest(&block)).to_bytes().to_vec()
        }
    };
    format!("{head}{}\r\n{message}", B64.encode(sig))
}

fn zone() -> ZoneSource {
    let mut z = ZoneSource::new();
    for line in read("zone.txt").lines().filter(|l| !l.trim().is_empty()) {
        let (name, value) = line.split_once(' ').expect("NAME VALUE");
        z.insert_txt(name, value.trim());
    }
    let appc = pem_der(&read("rfc6376-appC-private.pem"));
    let appc = rsa::RsaPrivateKey::from_pkcs1_der(&appc).expect("key");
    let p = B64.encode(appc.to_public_key().to_pkcs1_der().expect("DER").as_bytes());
    z.insert_txt("revoked._domainkey.example.com", "v=DKIM1; p=");
    z.insert_txt(
        "strict._domainkey.example.com",
        &format!("v=DKIM1; t=s; p={p}"),
    );
    z.insert_txt(
        "testing._domainkey.example.com",
        &format!("v=DKIM1; t=y; p={p}"),
    );
    z.insert_txt(
        "sha1only._domainkey.example.com",
        &format!("v=DKIM1; h=sha1; p={p}"),
    );
    z.insert_txt(
        "web._domainkey.example.com",
        &format!("v=DKIM1; s=web; p={p}"),
    );
    z.insert_txt("broken._domainkey.example.com", "v=DKIM1; p=!!!");
    let short = B64.encode(
        short_key()
            .to_public_key()
            .to_pkcs1_der()
            .expect("DER")
            .as_bytes(),
    );
    z.insert_txt(
        "short._domainkey.example.com",
        &format!("v=DKIM1; p={short}"),
    );
    z.set_error(
        "slow._domainkey.example.com",
        RecordType::Txt,
        DnsError::Timeout { after_ms: 5000 },
    );
    z
}

fn verify(message: &str) -> Vec<DkimResult> {
    futures::executor::block_on(verify_message(
        &raw::parse(message.as_bytes()),
        &zone(),
        NOW,
    ))
}

fn one(message: &str) -> DkimResult {
    let mut v = verify(message);
    assert_eq!(v.len(), 1);
    v.remove(0)
}

const BASE: &str = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=brisbane;\r\n h=from:to:subject:date:message-id:from:subject";

#[test]
fn round_trips_in_every_canonicalisation_and_algorithm() {
    for c in [
        "simple/simple",
        "simple/relaxed",
        "relaxed/simple",
        "relaxed/relaxed",
        "relaxed",
    ] {
        let tags = BASE.replace("relaxed/relaxed", c);
        let r = one(&sign(MESSAGE, &tags, &appc_key()));
        assert_eq!(r.result, DkimStatus::Pass, "{c}: {:?}", r.reasons());
        let r = one(&sign(
            MESSAGE,
            &tags.replace("rsa-sha256", "ed25519-sha256").replace(
                "example.com; s=brisbane",
                "football.example.com; s=brisbane",
            ),
            &ed_key(),
        ));
        assert_eq!(r.result, DkimStatus::Pass, "ed25519 {c}: {:?}", r.reasons());
    }
    // Relaxed survives white-space changes; simple does not.
    let signed = sign(MESSAGE, BASE, &appc_key());
    let r = one(&signed
        .replace("Subject: Is dinner", "Subject:   Is  dinner")
        .replace("game.  Are", "game. Are "));
    assert_eq!(r.result, DkimStatus::Pass, "{:?}", r.reasons());
    let signed = sign(
        MESSAGE,
        &BASE.replace("relaxed/relaxed", "simple/simple"),
        &appc_key(),
    );
    let r = one(&signed.replace("Subject: Is dinner", "Subject:   Is  dinner"));
    assert_eq!(r.reasons()[0], "dkim_signature_mismatch");
}

#[test]
fn body_length_limit() {
    let l = "Hi.\r\n\r\n".len();
    let signed = sign(MESSAGE, &format!("{BASE}; l={l}"), &appc_key());
    let r = one(&format!("{signed}Appended by someone else.\r\n"));
    assert_eq!(r.result, DkimStatus::Pass, "{:?}", r.reasons());
    assert!(r.reasons().contains(&"dkim_partial_body"));
    assert_eq!(r.body_length, Some(l as u64));
    // A body shorter than l= fails.
    let signed = sign(MESSAGE, &format!("{BASE}; l=40"), &appc_key());
    let cut = signed.replace("We lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n", "");
    let r = one(&cut);
    assert_eq!(r.result, DkimStatus::Fail);
    assert!(
        r.reasons().contains(&"dkim_body_shorter_than_length"),
        "{:?}",
        r.reasons()
    );
}

#[test]
fn over_signing() {
    // Over-signed: an added Subject breaks the signature.
    let signed = sign(MESSAGE, BASE, &appc_key());
    let r = one(&signed);
    assert!(!r.reasons().contains(&"dkim_not_over_signed"));
    let added = signed.replace(
        "Subject: Is dinner ready?\r\n",
        "Subject: Is dinner ready?\r\nSubject: Pay now\r\n",
    );
    assert_eq!(one(&added).result, DkimStatus::Fail);
    // Not over-signed: an added Subject above is not noticed, and the advice is given.
    let tags = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=brisbane; h=from:to:subject:date:message-id";
    let signed = sign(MESSAGE, tags, &appc_key());
    let r = one(&signed);
    assert_eq!(r.result, DkimStatus::Pass);
    assert!(r.reasons().contains(&"dkim_not_over_signed"));
    let added = signed.replace("From: Joe", "Subject: Pay now\r\nFrom: Joe");
    assert_eq!(one(&added).result, DkimStatus::Pass);
}

#[test]
fn unsigned_important_headers() {
    let tags = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=brisbane; h=from:from";
    let r = one(&sign(MESSAGE, tags, &appc_key()));
    assert_eq!(r.result, DkimStatus::Pass);
    let unsigned: Vec<String> = r
        .findings
        .iter()
        .filter_map(|f| match f {
            sceau::dkim::finding::Finding::UnsignedImportantHeader { header, .. } => {
                Some(header.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(unsigned, ["Subject", "To", "Date"]);
}

#[test]
fn time_limits() {
    let r = one(&sign(
        MESSAGE,
        &format!("{BASE}; t=1000; x=2000"),
        &appc_key(),
    ));
    assert_eq!(r.result, DkimStatus::Policy);
    assert_eq!(r.header_signature, HeaderSignature::Valid);
    assert!(r.reasons().contains(&"dkim_expired"));
    let r = one(&sign(
        MESSAGE,
        &format!("{BASE}; t={}", NOW + 3600),
        &appc_key(),
    ));
    assert_eq!(r.result, DkimStatus::Policy);
    assert!(r.reasons().contains(&"dkim_future_timestamp"));
    let r = one(&sign(
        MESSAGE,
        &format!("{BASE}; t={}; x={}", NOW - 10, NOW + 10),
        &appc_key(),
    ));
    assert_eq!(r.result, DkimStatus::Pass);
}

#[test]
fn key_conditions() {
    let cases: &[(&str, &str, DkimStatus, &str)] = &[
        ("revoked", "", DkimStatus::Fail, "dkim_key_revoked"),
        (
            "strict",
            "; i=joe@sub.example.com",
            DkimStatus::Fail,
            "dkim_strict_subdomain",
        ),
        ("strict", "; i=joe@example.com", DkimStatus::Pass, ""),
        ("testing", "", DkimStatus::Pass, "dkim_testing"),
        ("sha1only", "", DkimStatus::Fail, "dkim_hash_not_allowed"),
        ("web", "", DkimStatus::Fail, "dkim_key_not_for_email"),
        ("broken", "", DkimStatus::Permerror, "dkim_bad_key"),
        ("nosuch", "", DkimStatus::Permerror, "dkim_key_not_found"),
        ("slow", "", DkimStatus::Temperror, "dkim_dns_temperror"),
    ];
    for (selector, extra, status, code) in cases {
        let tags = format!(
            "{}{extra}",
            BASE.replace("s=brisbane", &format!("s={selector}"))
        );
        let r = one(&sign(MESSAGE, &tags, &appc_key()));
        assert_eq!(r.result, *status, "{selector}{extra}: {:?}", r.reasons());
        if !code.is_empty() {
            assert!(r.reasons().contains(code), "{selector}: {:?}", r.reasons());
        }
    }
    let r = one(&sign(
        MESSAGE,
        &format!("{BASE}; i=joe@sub.example.com"),
        &appc_key(),
    ));
    assert_eq!(r.result, DkimStatus::Pass, "{:?}", r.reasons());
}

#[test]
fn short_key_fails_and_1024_warns() {
    let tags = BASE.replace("s=brisbane", "s=short");
    let r = one(&sign(MESSAGE, &tags, &Key::Rsa(short_key())));
    assert_eq!(r.header_signature, HeaderSignature::Valid);
    assert_eq!(r.result, DkimStatus::Fail);
    assert_eq!(r.key_bits, Some(512));
    assert!(r.reasons().contains(&"dkim_key_too_short"));
    let r = one(&sign(MESSAGE, BASE, &appc_key()));
    assert!(r.reasons().contains(&"dkim_weak_key"));
}

#[test]
fn rsa_sha1_verifies_but_is_not_accepted() {
    let r = one(&sign(
        MESSAGE,
        &BASE.replace("rsa-sha256", "rsa-sha1"),
        &appc_key(),
    ));
    assert_eq!(r.header_signature, HeaderSignature::Valid);
    assert_eq!(r.body_hash, BodyHash::Match);
    assert_eq!(r.result, DkimStatus::Policy);
    assert!(r.reasons().contains(&"dkim_sha1_signature"));
}

#[test]
fn syntax_errors_are_permerrors_with_context() {
    let signed = sign(MESSAGE, BASE, &appc_key());
    let r = one(&signed.replace("a=rsa-sha256", "a=rsa-md5"));
    assert_eq!(r.result, DkimStatus::Permerror);
    assert_eq!(r.domain, "example.com");
    assert_eq!(r.reasons(), ["dkim_syntax_error"]);
    let r = one(&signed.replace("s=brisbane;", "s=brisbane; i=joe@evil.example;"));
    assert_eq!(r.reasons(), ["dkim_identity_outside_domain"]);
    let r = one(&signed
        .replace("h=from:", "h=")
        .replace(":from:subject", ":subject"));
    assert_eq!(r.reasons(), ["dkim_from_not_signed"]);
    for lang in sceau::i18n::Lang::ALL {
        let json = sceau::i18n::to_json(&r, lang);
        assert!(json.contains("\"permerror\""), "{json}");
    }
}

#[test]
fn headers_only_and_multiple_signatures() {
    let once = sign(MESSAGE, BASE, &appc_key());
    let twice = sign(
        &once,
        &BASE
            .replace("rsa-sha256", "ed25519-sha256")
            .replace("d=example.com", "d=football.example.com"),
        &ed_key(),
    );
    let rs = verify(&twice);
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0].domain, "football.example.com");
    assert!(rs.iter().all(|r| r.result == DkimStatus::Pass));
    let headers = twice.split("\r\n\r\n").next().expect("headers");
    let rs = verify(headers);
    assert!(rs.iter().all(|r| r.result == DkimStatus::Neutral
        && r.body_hash == BodyHash::NotChecked
        && r.header_signature == HeaderSignature::Valid));
}

#[test]
fn truncated_and_mangled_input_never_panics() {
    let signed = sign(MESSAGE, BASE, &appc_key());
    let z = zone();
    let bytes = signed.as_bytes();
    for cut in (0..bytes.len()).step_by(3) {
        let msg = raw::parse(&bytes[..cut]);
        let _ = futures::executor::block_on(verify_message(&msg, &z, NOW));
    }
    for garbage in [
        "DKIM-Signature:",
        "DKIM-Signature: ;;;=;",
        "DKIM-Signature: v=1; l=99999999999999999999999",
        "DKIM-Signature: v=1; a=ed25519-sha256; d=football.example.com; s=brisbane; h=from; bh=AAAA; b=AAAA\r\nFrom: x\r\n\r\n",
    ] {
        let rs =
            futures::executor::block_on(verify_message(&raw::parse(garbage.as_bytes()), &z, NOW));
        assert!(rs.iter().all(|r| r.result != DkimStatus::Pass));
    }
}
