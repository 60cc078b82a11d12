//! Findings of the `dkim` area. Sentences: `i18n/en/dkim.rs`, `i18n/fr/dkim.rs`.

use crate::findings::Severity;

use super::record::KeyError;

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
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::KeyRevoked { .. } => Severity::Info,
            Finding::WeakKey { .. } | Finding::TestingMode { .. } => Severity::Warning,
            Finding::KeyTooShort { .. } | Finding::Sha1Only { .. } | Finding::BadKey { .. } => {
                Severity::Problem
            }
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
