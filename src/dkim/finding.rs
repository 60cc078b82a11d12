//! Findings of the `dkim` area. Sentences: `i18n/en/dkim.rs`, `i18n/fr/dkim.rs`.

use crate::findings::Severity;

use super::record::KeyError;
use super::signature::SignatureError;
use crate::dns::DnsError;

/// A typed cause found about a DKIM key or signature, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An RSA key under 1024 bits: RFC 8301 §3.2 says verifiers must not accept it.
    KeyTooShort {
        /// The selector.
        selector: String,
        /// Its length.
        bits: u32,
    },
    /// A 1024-bit RSA key: still accepted, but 2048 is recommended (RFC 8301).
    WeakKey {
        /// The selector.
        selector: String,
        /// Its length.
        bits: u32,
    },
    /// `t=y`: the domain says it is testing DKIM; some receivers ignore failures.
    TestingMode {
        /// The selector.
        selector: String,
    },
    /// An empty `p=`: the key has been revoked.
    KeyRevoked {
        /// The selector.
        selector: String,
    },
    /// `h=sha1` only: RFC 8301 forbids rsa-sha1 signatures.
    Sha1Only {
        /// The selector.
        selector: String,
    },
    /// The key record cannot be used.
    BadKey {
        /// The selector.
        selector: String,
        /// Why.
        error: KeyError,
    },
    /// The body hash computed does not match `bh=`: the body changed after signing.
    BodyHashMismatch {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// Computed hash, base64.
        computed: String,
        /// `bh=`, base64.
        signed: String,
    },
    /// The signature does not verify over the signed header fields: one of them (or
    /// the signature) changed, or the key is not the one that signed.
    SignatureMismatch {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// The `h=` names whose field was present and hashed.
        signed_headers: Vec<String>,
    },
    /// No key at `selector._domainkey.domain` (NXDOMAIN or no TXT record).
    KeyNotFound {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
    },
    /// The key type (`k=`) does not fit the signature algorithm (`a=`).
    KeyAlgorithmMismatch {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// `a=`.
        algorithm: String,
        /// `k=` of the key record.
        key_type: String,
    },
    /// The key record restricts hashes (`h=`) and excludes the one the signature uses.
    HashNotAllowed {
        /// `s=`.
        selector: String,
        /// The hash of `a=`.
        hash: String,
    },
    /// The key record restricts services (`s=`) and email is not one of them.
    KeyNotForEmail {
        /// `s=`.
        selector: String,
    },
    /// `x=` is in the past.
    Expired {
        /// `d=`.
        domain: String,
        /// `x=`.
        x: u64,
        /// The verification time.
        now: u64,
    },
    /// `t=` is in the future (beyond a few minutes of clock skew).
    FutureTimestamp {
        /// `d=`.
        domain: String,
        /// `t=`.
        t: u64,
        /// The verification time.
        now: u64,
    },
    /// `i=` is outside `d=` (RFC 6376 §6.1.1).
    IdentityOutsideDomain {
        /// `i=`.
        identity: String,
        /// `d=`.
        domain: String,
    },
    /// The key has `t=s` but `i=` is in a subdomain of `d=`.
    StrictSubdomainViolated {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// `i=`.
        identity: String,
    },
    /// `h=` does not include From, which RFC 6376 requires.
    FromNotSigned {
        /// `d=`.
        domain: String,
    },
    /// `a=rsa-sha1`: RFC 8301 forbids accepting it, even when it verifies.
    Sha1Signature {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
    },
    /// A field that matters to the reader is in the message but not signed.
    UnsignedImportantHeader {
        /// `d=`.
        domain: String,
        /// The field name.
        header: String,
    },
    /// A signed field is not over-signed: a second instance could be added unnoticed.
    NotOverSigned {
        /// `d=`.
        domain: String,
        /// The field name.
        header: String,
    },
    /// The input had no body, so only the header signature was checked.
    BodyNotChecked {
        /// `d=`.
        domain: String,
    },
    /// `l=`: only part of the body is signed; text can be appended unnoticed.
    PartialBody {
        /// `d=`.
        domain: String,
        /// `l=`.
        signed: u64,
        /// Length of the canonicalised body.
        total: u64,
    },
    /// `l=` is longer than the canonicalised body: the body was shortened.
    BodyShorterThanLength {
        /// `d=`.
        domain: String,
        /// `l=`.
        signed: u64,
        /// Length of the canonicalised body.
        total: u64,
    },
    /// The key lookup failed for a reason that may pass (temperror).
    DnsTempError {
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// What the resolver said.
        error: DnsError,
    },
    /// The DKIM-Signature field cannot be parsed (permerror).
    SyntaxError {
        /// `d=` when it could be read.
        domain: String,
        /// Why.
        error: SignatureError,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::KeyTooShort { .. } => "dkim_key_too_short",
            Finding::WeakKey { .. } => "dkim_weak_key",
            Finding::TestingMode { .. } => "dkim_testing",
            Finding::KeyRevoked { .. } => "dkim_key_revoked",
            Finding::Sha1Only { .. } => "dkim_sha1",
            Finding::BadKey { .. } => "dkim_bad_key",
            Finding::BodyHashMismatch { .. } => "dkim_body_hash_mismatch",
            Finding::SignatureMismatch { .. } => "dkim_signature_mismatch",
            Finding::KeyNotFound { .. } => "dkim_key_not_found",
            Finding::KeyAlgorithmMismatch { .. } => "dkim_key_algorithm_mismatch",
            Finding::HashNotAllowed { .. } => "dkim_hash_not_allowed",
            Finding::KeyNotForEmail { .. } => "dkim_key_not_for_email",
            Finding::Expired { .. } => "dkim_expired",
            Finding::FutureTimestamp { .. } => "dkim_future_timestamp",
            Finding::IdentityOutsideDomain { .. } => "dkim_identity_outside_domain",
            Finding::StrictSubdomainViolated { .. } => "dkim_strict_subdomain",
            Finding::FromNotSigned { .. } => "dkim_from_not_signed",
            Finding::Sha1Signature { .. } => "dkim_sha1_signature",
            Finding::UnsignedImportantHeader { .. } => "dkim_unsigned_header",
            Finding::NotOverSigned { .. } => "dkim_not_over_signed",
            Finding::BodyNotChecked { .. } => "dkim_body_not_checked",
            Finding::PartialBody { .. } => "dkim_partial_body",
            Finding::BodyShorterThanLength { .. } => "dkim_body_shorter_than_length",
            Finding::DnsTempError { .. } => "dkim_dns_temperror",
            Finding::SyntaxError { .. } => "dkim_syntax_error",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::KeyRevoked { .. }
            | Finding::NotOverSigned { .. }
            | Finding::BodyNotChecked { .. } => Severity::Info,
            Finding::WeakKey { .. }
            | Finding::TestingMode { .. }
            | Finding::UnsignedImportantHeader { .. }
            | Finding::PartialBody { .. }
            | Finding::DnsTempError { .. } => Severity::Warning,
            Finding::KeyTooShort { .. }
            | Finding::Sha1Only { .. }
            | Finding::BadKey { .. }
            | Finding::BodyHashMismatch { .. }
            | Finding::SignatureMismatch { .. }
            | Finding::KeyNotFound { .. }
            | Finding::KeyAlgorithmMismatch { .. }
            | Finding::HashNotAllowed { .. }
            | Finding::KeyNotForEmail { .. }
            | Finding::Expired { .. }
            | Finding::FutureTimestamp { .. }
            | Finding::IdentityOutsideDomain { .. }
            | Finding::StrictSubdomainViolated { .. }
            | Finding::FromNotSigned { .. }
            | Finding::Sha1Signature { .. }
            | Finding::BodyShorterThanLength { .. }
            | Finding::SyntaxError { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);

/// Lints a key record found at `selector`.
pub fn lint_key(selector: &str, txt: &str) -> (Option<u32>, Vec<Finding>) {
    let sel = || selector.to_string();
    let key = match super::record::parse(txt) {
        Ok(k) => k,
        Err(error) => {
            return (
                None,
                vec![Finding::BadKey {
                    selector: sel(),
                    error,
                }],
            );
        }
    };
    let mut f = Vec::new();
    if key.revoked() {
        f.push(Finding::KeyRevoked { selector: sel() });
    }
    match key.bits {
        Some(bits) if key.key_type == "rsa" && bits < 1024 => f.push(Finding::KeyTooShort {
            selector: sel(),
            bits,
        }),
        Some(bits) if key.key_type == "rsa" && bits < 2048 => f.push(Finding::WeakKey {
            selector: sel(),
            bits,
        }),
        _ => {}
    }
    if key.testing() {
        f.push(Finding::TestingMode { selector: sel() });
    }
    if key
        .hashes
        .as_ref()
        .is_some_and(|h| !h.iter().any(|x| x == "sha256"))
    {
        f.push(Finding::Sha1Only { selector: sel() });
    }
    (key.bits, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding as _;
    use crate::i18n::{Lang, Translate};

    fn examples() -> Vec<Finding> {
        let d = || "example.com".to_string();
        let s = || "sel".to_string();
        vec![
            Finding::KeyTooShort {
                selector: s(),
                bits: 512,
            },
            Finding::WeakKey {
                selector: s(),
                bits: 1024,
            },
            Finding::TestingMode { selector: s() },
            Finding::KeyRevoked { selector: s() },
            Finding::Sha1Only { selector: s() },
            Finding::BadKey {
                selector: s(),
                error: KeyError::NoKey,
            },
            Finding::BodyHashMismatch {
                domain: d(),
                selector: s(),
                computed: "a".into(),
                signed: "b".into(),
            },
            Finding::SignatureMismatch {
                domain: d(),
                selector: s(),
                signed_headers: vec!["from".into()],
            },
            Finding::KeyNotFound {
                domain: d(),
                selector: s(),
            },
            Finding::KeyAlgorithmMismatch {
                domain: d(),
                selector: s(),
                algorithm: "ed25519-sha256".into(),
                key_type: "rsa".into(),
            },
            Finding::HashNotAllowed {
                selector: s(),
                hash: "sha256".into(),
            },
            Finding::KeyNotForEmail { selector: s() },
            Finding::Expired {
                domain: d(),
                x: 1,
                now: 2,
            },
            Finding::FutureTimestamp {
                domain: d(),
                t: 9,
                now: 2,
            },
            Finding::IdentityOutsideDomain {
                identity: "a@b".into(),
                domain: d(),
            },
            Finding::StrictSubdomainViolated {
                domain: d(),
                selector: s(),
                identity: "a@x.example.com".into(),
            },
            Finding::FromNotSigned { domain: d() },
            Finding::Sha1Signature {
                domain: d(),
                selector: s(),
            },
            Finding::UnsignedImportantHeader {
                domain: d(),
                header: "Subject".into(),
            },
            Finding::NotOverSigned {
                domain: d(),
                header: "From".into(),
            },
            Finding::BodyNotChecked { domain: d() },
            Finding::PartialBody {
                domain: d(),
                signed: 1,
                total: 2,
            },
            Finding::BodyShorterThanLength {
                domain: d(),
                signed: 2,
                total: 1,
            },
            Finding::DnsTempError {
                domain: d(),
                selector: s(),
                error: DnsError::ServFail,
            },
            Finding::SyntaxError {
                domain: d(),
                error: SignatureError::FromNotSigned,
            },
            Finding::SyntaxError {
                domain: String::new(),
                error: SignatureError::MissingTag { tag: "d" },
            },
        ]
    }

    #[test]
    fn codes_are_unique_and_sentences_follow_typography() {
        let all = examples();
        let mut codes: Vec<&str> = all.iter().map(|f| f.code()).collect();
        codes.dedup();
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        for f in &all {
            assert!(f.code().starts_with("dkim_"));
            for lang in Lang::ALL {
                assert!(!f.text(lang).is_empty());
            }
            let fr = f.text(Lang::Fr);
            for p in [" :", " ;", " !", " ?"] {
                assert!(!fr.contains(p), "plain space before {p}: {fr}");
            }
        }
    }
}
