//! ARC header fields (RFC 8617 §4.1): ARC-Seal, ARC-Message-Signature and the
//! instance tag of ARC-Authentication-Results.
//!
//! Tag lists follow DKIM's rules ([`crate::dkim::signature::tag_list`]); ARC is
//! stricter on values: `a=` is case-sensitive and SHA-1 is not allowed, `d=` must be
//! a domain name, `i=` is an instance number from 1 to 50.

use serde::Serialize;

use crate::dkim::signature::{self, Algorithm, Canonicalization, SignatureError};

/// The largest instance number RFC 8617 allows.
pub const MAX_INSTANCE: u32 = 50;

/// The chain validation status a sealer recorded (`cv=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChainValue {
    /// `none`: the first set, no chain before it.
    None,
    /// `pass`: the chain validated when this set was added.
    Pass,
    /// `fail`: it did not.
    Fail,
}

impl ChainValue {
    /// The `cv=` keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            ChainValue::None => "none",
            ChainValue::Pass => "pass",
            ChainValue::Fail => "fail",
        }
    }
}

/// Why an ARC header field cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ArcSyntax {
    /// The tag list itself, or a tag shared with DKIM, is wrong.
    Tags {
        /// The DKIM-level error.
        error: SignatureError,
    },
    /// `i=` is missing, not a number, or outside 1–50.
    BadInstance {
        /// The value found (empty when absent).
        value: String,
    },
    /// `a=` is not `rsa-sha256` or `ed25519-sha256` (SHA-1 is not allowed in ARC).
    BadAlgorithm {
        /// The value found.
        value: String,
    },
    /// `d=` is not a domain name.
    BadDomain {
        /// The value found.
        value: String,
    },
    /// `cv=` is not `none`, `pass` or `fail`.
    BadChainValue {
        /// The value found.
        value: String,
    },
    /// The ARC-Seal has an `h=` tag, which RFC 8617 §4.1.3 forbids.
    SealWithHeaderList,
    /// The ARC-Message-Signature signs ARC-Seal fields (RFC 8617 §4.1.2 forbids it).
    SignsSeal,
}

impl From<SignatureError> for ArcSyntax {
    fn from(error: SignatureError) -> Self {
        ArcSyntax::Tags { error }
    }
}

/// An ARC-Message-Signature or an ARC-Seal, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArcSignature {
    /// `i=`.
    pub instance: u32,
    /// `a=`.
    pub algorithm: Algorithm,
    /// `b=` decoded.
    pub signature: Vec<u8>,
    /// `bh=` decoded (AMS only; empty for a seal).
    pub body_hash: Vec<u8>,
    /// `c=` header part (AMS, relaxed when absent; a seal is always relaxed).
    pub header_canon: Canonicalization,
    /// `c=` body part (AMS).
    pub body_canon: Canonicalization,
    /// `d=`, lower case.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// `h=` (AMS; empty for a seal).
    pub signed_headers: Vec<String>,
    /// `t=`.
    pub timestamp: Option<u64>,
    /// `cv=` (seal only).
    pub cv: Option<ChainValue>,
}

/// Reads `i=` of an ARC-Seal or ARC-Message-Signature value.
pub fn instance_of_signature(value: &str) -> Result<u32, ArcSyntax> {
    let tags = signature::tag_list(value)?;
    let v = tags
        .iter()
        .find(|(n, _)| n == "i")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    instance(v)
}

/// Reads the leading `i=N;` of an ARC-Authentication-Results value (RFC 8617 §4.1.1).
pub fn instance_of_results(value: &str) -> Result<u32, ArcSyntax> {
    let bad = || ArcSyntax::BadInstance {
        value: value.trim().chars().take(20).collect(),
    };
    let rest = value.trim_start().strip_prefix("i").ok_or_else(bad)?;
    let rest = rest.trim_start().strip_prefix('=').ok_or_else(bad)?;
    let (num, after) = rest.split_once(';').ok_or_else(bad)?;
    let _ = after;
    instance(num.trim()).map_err(|_| bad())
}

fn instance(v: &str) -> Result<u32, ArcSyntax> {
    let bad = || ArcSyntax::BadInstance {
        value: v.to_string(),
    };
    if v.is_empty() || v.len() > 3 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match v.parse::<u32>() {
        Ok(n) if (1..=MAX_INSTANCE).contains(&n) => Ok(n),
        _ => Err(bad()),
    }
}

/// Which of the two signed ARC fields is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ARC-Message-Signature.
    MessageSignature,
    /// ARC-Seal.
    Seal,
}

/// Parses the value of an ARC-Message-Signature or ARC-Seal field.
pub fn parse(value: &str, kind: Kind) -> Result<ArcSignature, ArcSyntax> {
    let tags = signature::tag_list(value)?;
    let get = |t: &str| tags.iter().find(|(n, _)| n == t).map(|(_, v)| v.as_str());
    let required = |t: &'static str| get(t).ok_or(SignatureError::MissingTag { tag: t });
    let non_empty = |t: &'static str| -> Result<&str, ArcSyntax> {
        let v = required(t)?;
        if v.is_empty() {
            return Err(SignatureError::EmptyTag { tag: t }.into());
        }
        Ok(v)
    };
    let instance = instance(get("i").unwrap_or(""))?;
    let a = required("a")?;
    let algorithm = match a {
        "rsa-sha256" => Algorithm::RsaSha256,
        "ed25519-sha256" => Algorithm::Ed25519Sha256,
        _ => {
            return Err(ArcSyntax::BadAlgorithm {
                value: a.to_string(),
            });
        }
    };
    let signature = signature::decode_b64(non_empty("b")?, "b")?;
    let d = non_empty("d")?;
    if !crate::dns::is_plain_name(d) {
        return Err(ArcSyntax::BadDomain {
            value: d.to_string(),
        });
    }
    let selector = non_empty("s")?.to_string();
    let timestamp = get("t").map(|v| signature::number(v, "t")).transpose()?;
    let mut sig = ArcSignature {
        instance,
        algorithm,
        signature,
        body_hash: Vec::new(),
        header_canon: Canonicalization::Relaxed,
        body_canon: Canonicalization::Simple,
        domain: d.to_ascii_lowercase(),
        selector,
        signed_headers: Vec::new(),
        timestamp,
        cv: None,
    };
    match kind {
        Kind::Seal => {
            if get("h").is_some() {
                return Err(ArcSyntax::SealWithHeaderList);
            }
            let cv = required("cv")?;
            sig.cv = Some(match cv {
                "none" => ChainValue::None,
                "pass" => ChainValue::Pass,
                "fail" => ChainValue::Fail,
                _ => {
                    return Err(ArcSyntax::BadChainValue {
                        value: cv.to_string(),
                    });
                }
            });
        }
        Kind::MessageSignature => {
            sig.body_hash = signature::decode_b64(non_empty("bh")?, "bh")?;
            sig.signed_headers = signature::header_list(required("h")?);
            if sig
                .signed_headers
                .iter()
                .any(|h| h.eq_ignore_ascii_case("arc-seal"))
            {
                return Err(ArcSyntax::SignsSeal);
            }
            // Without c=, DKIM would mean simple/simple; the ARC signers of the
            // ValiMail suite (and dkimpy) use relaxed/relaxed, and its `ams_fields_c_na`
            // case only verifies that way, so ARC takes relaxed/relaxed.
            let (hc, bc) = match get("c") {
                None => (Canonicalization::Relaxed, Canonicalization::Relaxed),
                Some(c) => {
                    let bad = || SignatureError::BadCanonicalization {
                        value: c.to_string(),
                    };
                    let one = |s: &str| match s {
                        "simple" => Ok(Canonicalization::Simple),
                        "relaxed" => Ok(Canonicalization::Relaxed),
                        _ => Err(bad()),
                    };
                    match c.split_once('/') {
                        Some((h, b)) => (one(h)?, one(b)?),
                        None => (one(c)?, Canonicalization::Simple),
                    }
                }
            };
            sig.header_canon = hc;
            sig.body_canon = bc;
        }
    }
    Ok(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instances() {
        assert_eq!(
            instance_of_results(" i=1; lists.example.org; spf=pass"),
            Ok(1)
        );
        assert_eq!(instance_of_results("i = 12 ; x"), Ok(12));
        for bad in [
            "lists.example.org; i=1;",
            "i=1 lists.example.org;",
            "i=0;",
            "i=51;",
            "i=;",
            "i=x;",
            "",
        ] {
            assert!(instance_of_results(bad).is_err(), "{bad}");
        }
        assert_eq!(instance_of_signature("a=x; i=3"), Ok(3));
        assert!(instance_of_signature("a=x").is_err());
    }

    #[test]
    fn seal_and_signature_rules() {
        let seal = "i=1; a=rsa-sha256; cv=none; d=example.org; s=sel; b=AAAA";
        let s = parse(seal, Kind::Seal).unwrap();
        assert_eq!((s.instance, s.cv), (1, Some(ChainValue::None)));
        let cases = [
            (
                seal.replace("cv=none", "cv=None"),
                ArcSyntax::BadChainValue {
                    value: "None".into(),
                },
            ),
            (format!("{seal}; h=from"), ArcSyntax::SealWithHeaderList),
            (
                seal.replace("rsa-sha256", "rsa-sha1"),
                ArcSyntax::BadAlgorithm {
                    value: "rsa-sha1".into(),
                },
            ),
            (
                seal.replace("rsa-sha256", "RSA-SHA256"),
                ArcSyntax::BadAlgorithm {
                    value: "RSA-SHA256".into(),
                },
            ),
            (
                seal.replace("example.org", "example..."),
                ArcSyntax::BadDomain {
                    value: "example...".into(),
                },
            ),
            (
                seal.replace("i=1", "i=0"),
                ArcSyntax::BadInstance { value: "0".into() },
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse(&input, Kind::Seal), Err(want), "{input}");
        }
        let ams = "i=1; a=rsa-sha256; d=example.org; s=sel; h=; bh=AAAA; b=AAAA";
        let s = parse(ams, Kind::MessageSignature).unwrap();
        assert!(s.signed_headers.is_empty());
        assert_eq!(
            parse(
                &ams.replace("; h=;", "; h=from:arc-seal;"),
                Kind::MessageSignature
            ),
            Err(ArcSyntax::SignsSeal)
        );
        assert!(parse(&ams.replace("; h=;", "; c=; h=;"), Kind::MessageSignature).is_err());
    }
}
