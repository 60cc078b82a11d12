//! DKIM against the external corpus (`../shared/corpus/dkim/`, see its README): every
//! `.eml` there is verified with the keys of `zone.txt`, and its expected outcome
//! checked. The corpus root can be moved with `SCEAU_CORPUS`; a missing corpus fails.

use std::path::PathBuf;

use sceau::dkim::{BodyHash, DkimResult, DkimStatus, HeaderSignature, verify_message};
use sceau::dns::zone::ZoneSource;
use sceau::headers::raw;

/// A time after every `t=` of the corpus.
const NOW: u64 = 1_700_000_000;

fn corpus() -> PathBuf {
    std::env::var_os("SCEAU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "the DKIM corpus file {} is missing ({e}): set SCEAU_CORPUS to the corpus root (see ../shared/corpus/README.md)",
            path.display()
        )
    })
}

fn zone() -> ZoneSource {
    let text = String::from_utf8(read(corpus().join("dkim/zone.txt"))).expect("zone.txt is UTF-8");
    let mut z = ZoneSource::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (name, value) = line.split_once(' ').expect("zone.txt line: NAME VALUE");
        z.insert_txt(name, value.trim());
    }
    z
}

fn verify(file: &str) -> Vec<DkimResult> {
    let msg = raw::parse(&read(corpus().join("dkim").join(file)));
    futures::executor::block_on(verify_message(&msg, &zone(), NOW))
}

/// What each file must give, per signature in header order.
fn expected(file: &str) -> Option<Vec<(DkimStatus, &'static str)>> {
    use DkimStatus::*;
    Some(match file {
        "rfc6376-A.2.eml" => vec![(Pass, "")],
        "rfc6376-A.2-body_modified.eml" => vec![(Fail, "dkim_body_hash_mismatch")],
        "rfc6376-A.2-header_subject_modified.eml" => vec![(Fail, "dkim_signature_mismatch")],
        "rfc8463-A.3.eml" => vec![(Pass, ""), (Pass, "")],
        "rfc8463-A.3-key_algo_mismatch.eml" => vec![
            (Fail, "dkim_key_algorithm_mismatch"),
            (Fail, "dkim_key_algorithm_mismatch"),
        ],
        _ => return None,
    })
}

#[test]
fn every_corpus_message_gives_its_expected_result() {
    let dir = corpus().join("dkim");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the DKIM corpus {} is missing ({e}): set SCEAU_CORPUS to the corpus root",
            dir.display()
        )
    });
    let mut files: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".eml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .eml in {}", dir.display());
    for file in &files {
        let want = expected(file).unwrap_or_else(|| panic!("no expectation for {file}"));
        let got = verify(file);
        assert_eq!(got.len(), want.len(), "{file}: number of signatures");
        for (r, (status, code)) in got.iter().zip(want) {
            assert_eq!(r.result, status, "{file} {}: {:?}", r.selector, r.reasons());
            if code.is_empty() {
                assert_eq!(r.body_hash, BodyHash::Match, "{file}");
                assert_eq!(r.header_signature, HeaderSignature::Valid, "{file}");
            } else {
                assert_eq!(
                    r.reasons().first().copied(),
                    Some(code),
                    "{file}: {:?}",
                    r.reasons()
                );
            }
        }
    }
    assert_eq!(files.len(), 5, "corpus files: {files:?}");
}

#[test]
fn a2_details() {
    let r = &verify("rfc6376-A.2.eml")[0];
    assert_eq!(
        (r.domain.as_str(), r.selector.as_str()),
        ("example.com", "brisbane")
    );
    assert_eq!(r.key_bits, Some(1024));
    assert_eq!(r.computed_body_hash, r.signed_body_hash);
    assert!(r.reasons().contains(&"dkim_weak_key"), "{:?}", r.reasons());
    let r = &verify("rfc6376-A.2-body_modified.eml")[0];
    assert_eq!(r.header_signature, HeaderSignature::Valid);
    assert_eq!(r.body_hash, BodyHash::Mismatch);
    let r = &verify("rfc6376-A.2-header_subject_modified.eml")[0];
    assert_eq!(r.body_hash, BodyHash::Match);
    assert_eq!(r.header_signature, HeaderSignature::Invalid);
}

#[test]
fn rfc8463_details() {
    let rs = verify("rfc8463-A.3.eml");
    assert_eq!(rs[0].algorithm.map(|a| a.as_str()), Some("ed25519-sha256"));
    assert_eq!(rs[0].key_bits, Some(256));
    assert_eq!(rs[1].algorithm.map(|a| a.as_str()), Some("rsa-sha256"));
    // Over-signed From and Subject: no advice to over-sign them.
    assert!(!rs[0].reasons().contains(&"dkim_not_over_signed"));
    let json = sceau::i18n::to_json(&rs, sceau::i18n::Lang::Fr);
    assert!(json.contains("\"result\": \"pass\""), "{json}");
    assert!(json.contains("\"body_hash\": \"match\""), "{json}");
}

#[test]
fn headers_only_checks_the_header_signature() {
    let bytes = read(corpus().join("dkim/rfc8463-A.3.eml"));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let headers = text.split("\n\n").next().expect("a header block");
    let msg = raw::parse(headers.as_bytes());
    assert!(msg.body.is_none());
    let rs = futures::executor::block_on(verify_message(&msg, &zone(), NOW));
    assert_eq!(rs.len(), 2);
    for r in rs {
        assert_eq!(r.body_hash, BodyHash::NotChecked);
        assert_eq!(r.header_signature, HeaderSignature::Valid);
        assert_eq!(r.result, DkimStatus::Neutral);
        assert!(r.reasons().contains(&"dkim_body_not_checked"));
    }
}

#[test]
fn what_was_signed() {
    let msg = raw::parse(&read(corpus().join("dkim/rfc6376-A.2.eml")));
    let sig = sceau::dkim::signature::parse(&msg.fields[0].value()).expect("signature");
    let data = sceau::dkim::canon::signed_data(&msg, 0, &sig).expect("signed data");
    let names: Vec<Option<usize>> = data.fields.iter().map(|f| f.field_index).collect();
    assert_eq!(
        names,
        [Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]
    );
    let headers = String::from_utf8(data.headers).expect("ASCII");
    assert!(
        headers.starts_with("Received: from client1.football.example.com  [192.0.2.1]\r\n      by")
    );
    assert!(headers.contains(
        "\r\nMessage-ID: <20030712040037.46341.5F8J@football.example.com>\r\nDKIM-Signature: v=1;"
    ));
    assert!(headers.ends_with("bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n      b=;"));
    assert_eq!(
        data.body.as_deref(),
        Some(&b"Hi.\r\n\r\nWe lost the game. Are you hungry yet?\r\n\r\nJoe.\r\n"[..])
    );
}
