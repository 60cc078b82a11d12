//! DKIM-Signature tag lists (RFC 6376 §3.5, RFC 8463 §3): parsing and syntax checks.
//!
//! [`parse`] turns the value of a `DKIM-Signature` field into a typed [`Signature`], or
//! a precise [`SignatureError`]. [`tag_list`] is the lenient first step, also used to
//! read `d=` and `s=` from a signature that does not parse, so a result can still say
//! whose signature it was.

use std::fmt;

use base64::Engine;
use serde::Serialize;

/// A signing algorithm (`a=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Algorithm {
    /// `rsa-sha256` (RFC 6376).
    #[serde(rename = "rsa-sha256")]
    RsaSha256,
    /// `rsa-sha1`: verifiable, but RFC 8301 forbids accepting it.
    #[serde(rename = "rsa-sha1")]
    RsaSha1,
    /// `ed25519-sha256` (RFC 8463).
    #[serde(rename = "ed25519-sha256")]
    Ed25519Sha256,
}

impl Algorithm {
    /// The `a=` keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 => "rsa-sha256",
            Algorithm::RsaSha1 => "rsa-sha1",
            Algorithm::Ed25519Sha256 => "ed25519-sha256",
        }
    }

    /// Parses an `a=` keyword case-insensitively.
    pub fn parse(s: &str) -> Option<Algorithm> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rsa-sha256" => Some(Algorithm::RsaSha256),
            "rsa-sha1" => Some(Algorithm::RsaSha1),
            "ed25519-sha256" => Some(Algorithm::Ed25519Sha256),
            _ => None,
        }
    }

    /// The key type (`k=` of the key record) this algorithm needs.
    pub fn key_type(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 | Algorithm::RsaSha1 => "rsa",
            Algorithm::Ed25519Sha256 => "ed25519",
        }
    }

    /// The hash name (`h=` of the key record) this algorithm uses.
    pub fn hash(self) -> &'static str {
        match self {
            Algorithm::RsaSha1 => "sha1",
            Algorithm::RsaSha256 | Algorithm::Ed25519Sha256 => "sha256",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A canonicalisation algorithm (RFC 6376 §3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Canonicalization {
    /// `simple`: bytes as they are (RFC 6376 §3.4.1, §3.4.3).
    #[default]
    Simple,
    /// `relaxed`: white space and header-name case normalised (RFC 6376 §3.4.2, §3.4.4).
    Relaxed,
}

impl Canonicalization {
    fn parse(s: &str) -> Option<Canonicalization> {
        match s.trim().to_ascii_lowercase().as_str() {
            "simple" => Some(Canonicalization::Simple),
            "relaxed" => Some(Canonicalization::Relaxed),
            _ => None,
        }
    }

    /// The `c=` keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Canonicalization::Simple => "simple",
            Canonicalization::Relaxed => "relaxed",
        }
    }
}

/// Why a DKIM-Signature (or ARC signature) tag list cannot be used. Every variant is a
/// `permerror` for the signature (RFC 6376 §6.1.1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureError {
    /// A part of the tag list is not `name=value`, or the name is not a valid tag name.
    MalformedTag {
        /// The offending part, trimmed.
        text: String,
    },
    /// Two semicolons with nothing between them (only one final `;` is allowed).
    EmptyTagSpec,
    /// The same tag appears twice (RFC 6376 §3.2: a permerror).
    DuplicateTag {
        /// The tag name.
        tag: String,
    },
    /// A required tag is missing.
    MissingTag {
        /// The tag name.
        tag: &'static str,
    },
    /// `v=` is not `1`.
    BadVersion {
        /// The value found.
        version: String,
    },
    /// `a=` names an algorithm Sceau does not know.
    UnknownAlgorithm {
        /// The value found.
        value: String,
    },
    /// `c=` is not `simple` or `relaxed` (optionally `/simple` or `/relaxed`).
    BadCanonicalization {
        /// The value found.
        value: String,
    },
    /// `q=` does not offer `dns/txt`.
    UnsupportedQueryMethod {
        /// The value found.
        value: String,
    },
    /// A tag that must hold base64 does not.
    BadBase64 {
        /// The tag name (`b` or `bh`).
        tag: &'static str,
    },
    /// A tag that must hold a decimal number does not (or it is too large).
    BadNumber {
        /// The tag name (`l`, `t`, `x`, `i` for ARC).
        tag: &'static str,
        /// The value found.
        value: String,
    },
    /// A tag that must not be empty is (`d=`, `s=`, `h=`, `b=`, `bh=`).
    EmptyTag {
        /// The tag name.
        tag: &'static str,
    },
    /// `i=` is not in `d=` or one of its subdomains (RFC 6376 §6.1.1).
    IdentityOutsideDomain {
        /// The `i=` value.
        identity: String,
        /// The `d=` value.
        domain: String,
    },
    /// `h=` does not include `From` (RFC 6376 §6.1.1).
    FromNotSigned,
    /// `x=` is not after `t=` (RFC 6376 §3.5).
    ExpiresBeforeSigned {
        /// The `t=` value.
        t: u64,
        /// The `x=` value.
        x: u64,
    },
}

/// A parsed DKIM-Signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// `a=`.
    pub algorithm: Algorithm,
    /// `b=` decoded.
    #[serde(skip)]
    pub signature: Vec<u8>,
    /// `bh=` decoded.
    #[serde(skip)]
    pub body_hash: Vec<u8>,
    /// `c=`, header part.
    pub header_canon: Canonicalization,
    /// `c=`, body part.
    pub body_canon: Canonicalization,
    /// `d=`, lower case.
    pub domain: String,
    /// `h=`, names as written, in order (duplicates kept: over-signing).
    pub signed_headers: Vec<String>,
    /// `i=` as written; `None` when absent (the default is `@d`).
    pub identity: Option<String>,
    /// `l=`: how many bytes of the canonicalised body are signed.
    pub body_length: Option<u64>,
    /// `s=`.
    pub selector: String,
    /// `t=`: signing time, seconds since the epoch.
    pub timestamp: Option<u64>,
    /// `x=`: expiry time, seconds since the epoch.
    pub expiration: Option<u64>,
    /// `z=`: copied header fields, as written.
    pub copied_headers: Option<String>,
}

impl Signature {
    /// The domain part of `i=` (or `d=` when `i=` is absent), lower case.
    pub fn identity_domain(&self) -> String {
        match &self.identity {
            Some(i) => i.rsplit('@').next().unwrap_or("").to_ascii_lowercase(),
            None => self.domain.clone(),
        }
    }
}

/// Splits a tag list (RFC 6376 §3.2) into `(name, value)` pairs, in order. Names are
/// kept as written; values are trimmed of surrounding white space. Folding CRLFs are
/// treated as white space. Duplicate names are an error.
pub fn tag_list(value: &str) -> Result<Vec<(String, String)>, SignatureError> {
    let mut out: Vec<(String, String)> = Vec::new();
    let parts: Vec<&str> = value.split(';').collect();
    let last = parts.len().saturating_sub(1);
    for (n, part) in parts.into_iter().enumerate() {
        // tag-list = tag-spec *( ";" tag-spec ) [ ";" ]: only the last may be empty.
        if part.trim().is_empty() {
            if n == last {
                continue;
            }
            return Err(SignatureError::EmptyTagSpec);
        }
        let Some((name, v)) = part.split_once('=') else {
            return Err(SignatureError::MalformedTag {
                text: part.trim().to_string(),
            });
        };
        let name = name.trim();
        let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(SignatureError::MalformedTag {
                text: part.trim().to_string(),
            });
        }
        if out.iter().any(|(n, _)| n == name) {
            return Err(SignatureError::DuplicateTag {
                tag: name.to_string(),
            });
        }
        out.push((name.to_string(), v.trim().to_string()));
    }
    Ok(out)
}

/// Reads one tag from a tag list without checking the rest (for context on errors).
pub fn lenient_tag(value: &str, tag: &str) -> Option<String> {
    value.split(';').find_map(|part| {
        let (n, v) = part.split_once('=')?;
        (n.trim() == tag).then(|| v.trim().to_string())
    })
}

pub(crate) fn decode_b64(v: &str, tag: &'static str) -> Result<Vec<u8>, SignatureError> {
    let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact.as_bytes())
        .map_err(|_| SignatureError::BadBase64 { tag })
}

pub(crate) fn number(v: &str, tag: &'static str) -> Result<u64, SignatureError> {
    let bad = || SignatureError::BadNumber {
        tag,
        value: v.to_string(),
    };
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    v.parse::<u64>().map_err(|_| bad())
}

/// Splits `h=` into header names.
pub(crate) fn header_list(v: &str) -> Vec<String> {
    v.split(':')
        .map(|h| h.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|h| !h.is_empty())
        .collect()
}

/// Parses the value of a DKIM-Signature field (unfolded or not).
pub fn parse(value: &str) -> Result<Signature, SignatureError> {
    let tags = tag_list(value)?;
    let get = |t: &str| tags.iter().find(|(n, _)| n == t).map(|(_, v)| v.as_str());
    let required = |t: &'static str| get(t).ok_or(SignatureError::MissingTag { tag: t });
    let non_empty = |t: &'static str| {
        required(t).and_then(|v| {
            if v.trim().is_empty() {
                Err(SignatureError::EmptyTag { tag: t })
            } else {
                Ok(v)
            }
        })
    };

    let version = required("v")?;
    if version != "1" {
        return Err(SignatureError::BadVersion {
            version: version.to_string(),
        });
    }
    let a = required("a")?;
    let algorithm = Algorithm::parse(a).ok_or_else(|| SignatureError::UnknownAlgorithm {
        value: a.to_string(),
    })?;
    let signature = decode_b64(non_empty("b")?, "b")?;
    let body_hash = decode_b64(non_empty("bh")?, "bh")?;
    let domain = non_empty("d")?.to_ascii_lowercase();
    let selector = non_empty("s")?.to_string();
    let signed_headers = header_list(non_empty("h")?);
    if signed_headers.is_empty() {
        return Err(SignatureError::EmptyTag { tag: "h" });
    }
    let (header_canon, body_canon) = match get("c") {
        None => (Canonicalization::Simple, Canonicalization::Simple),
        Some(c) => {
            let bad = || SignatureError::BadCanonicalization {
                value: c.to_string(),
            };
            let (h, b) = match c.split_once('/') {
                Some((h, b)) => (h, Some(b)),
                None => (c, None),
            };
            let h = Canonicalization::parse(h).ok_or_else(bad)?;
            let b = match b {
                Some(b) => Canonicalization::parse(b).ok_or_else(bad)?,
                None => Canonicalization::Simple,
            };
            (h, b)
        }
    };
    if let Some(q) = get("q") {
        let ok = q
            .split(':')
            .any(|m| m.trim().eq_ignore_ascii_case("dns/txt"));
        if !ok {
            return Err(SignatureError::UnsupportedQueryMethod {
                value: q.to_string(),
            });
        }
    }
    let identity = get("i").map(str::to_string);
    if let Some(i) = &identity {
        let idom = i.rsplit('@').next().unwrap_or("").to_ascii_lowercase();
        let inside = idom == domain
            || idom
                .strip_suffix(domain.as_str())
                .is_some_and(|p| p.ends_with('.'));
        if !i.contains('@') || !inside {
            return Err(SignatureError::IdentityOutsideDomain {
                identity: i.clone(),
                domain,
            });
        }
    }
    let body_length = get("l").map(|v| number(v, "l")).transpose()?;
    let timestamp = get("t").map(|v| number(v, "t")).transpose()?;
    let expiration = get("x").map(|v| number(v, "x")).transpose()?;
    if let (Some(t), Some(x)) = (timestamp, expiration)
        && x <= t
    {
        return Err(SignatureError::ExpiresBeforeSigned { t, x });
    }
    if !signed_headers
        .iter()
        .any(|h| h.eq_ignore_ascii_case("from"))
    {
        return Err(SignatureError::FromNotSigned);
    }
    Ok(Signature {
        algorithm,
        signature,
        body_hash,
        header_canon,
        body_canon,
        domain,
        signed_headers,
        identity,
        body_length,
        selector,
        timestamp,
        expiration,
        copied_headers: get("z").map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "v=1; a=rsa-sha256; d=example.net; s=brisbane;\r\n c=relaxed/simple; q=dns/txt; i=foo@eng.example.net;\r\n t=1117574938; x=1118006938; l=200;\r\n h=from:to:subject:date;\r\n bh=MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=;\r\n b=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZ\r\n VoG4ZHRNiYzR";

    #[test]
    fn parses_every_tag() {
        let s = parse(GOOD).unwrap();
        assert_eq!(s.algorithm, Algorithm::RsaSha256);
        assert_eq!(s.header_canon, Canonicalization::Relaxed);
        assert_eq!(s.body_canon, Canonicalization::Simple);
        assert_eq!(s.domain, "example.net");
        assert_eq!(s.selector, "brisbane");
        assert_eq!(s.signed_headers, ["from", "to", "subject", "date"]);
        assert_eq!(s.identity.as_deref(), Some("foo@eng.example.net"));
        assert_eq!(s.identity_domain(), "eng.example.net");
        assert_eq!(
            (s.body_length, s.timestamp, s.expiration),
            (Some(200), Some(1117574938), Some(1118006938))
        );
        assert_eq!(s.body_hash, b"12345678901234567890123456789012");
        assert!(!s.signature.is_empty());
    }

    #[test]
    fn defaults() {
        let s =
            parse("v=1; a=ed25519-sha256; d=Example.COM; s=x; h=From; bh=; b=AAAA").unwrap_err();
        assert_eq!(s, SignatureError::EmptyTag { tag: "bh" });
        let s =
            parse("v=1; a=ed25519-sha256; d=Example.COM; s=x; h=From; bh=AAAA; b=AAAA;").unwrap();
        assert_eq!(s.domain, "example.com");
        assert_eq!(
            (s.header_canon, s.body_canon),
            (Canonicalization::Simple, Canonicalization::Simple)
        );
        assert_eq!(s.identity_domain(), "example.com");
        let s = parse("v=1; a=rsa-sha1; c=relaxed; d=e.com; s=x; h=From; bh=AAAA; b=AAAA").unwrap();
        assert_eq!(
            (s.header_canon, s.body_canon),
            (Canonicalization::Relaxed, Canonicalization::Simple)
        );
    }

    #[test]
    fn errors_table() {
        let base = "a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=AAAA; b=AAAA";
        let cases: Vec<(String, SignatureError)> = vec![
            (base.to_string(), SignatureError::MissingTag { tag: "v" }),
            (
                format!("v=2; {base}"),
                SignatureError::BadVersion {
                    version: "2".into(),
                },
            ),
            (
                format!("v=1; v=1; {base}"),
                SignatureError::DuplicateTag { tag: "v".into() },
            ),
            (
                format!("v=1; {}", base.replace("rsa-sha256", "rsa-md5")),
                SignatureError::UnknownAlgorithm {
                    value: "rsa-md5".into(),
                },
            ),
            (
                format!("v=1; {}", base.replace("b=AAAA", "b=A!A")),
                SignatureError::BadBase64 { tag: "b" },
            ),
            (
                format!("v=1; {}", base.replace("bh=AAAA", "bh=A")),
                SignatureError::BadBase64 { tag: "bh" },
            ),
            (
                format!("v=1; {}", base.replace("s=sel", "s=")),
                SignatureError::EmptyTag { tag: "s" },
            ),
            (
                format!("v=1; {}", base.replace("d=example.com; ", "")),
                SignatureError::MissingTag { tag: "d" },
            ),
            (
                format!("v=1; i=joe@badexample.com; {base}"),
                SignatureError::IdentityOutsideDomain {
                    identity: "joe@badexample.com".into(),
                    domain: "example.com".into(),
                },
            ),
            (
                format!("v=1; {}", base.replace("h=from:to", "h=to:subject")),
                SignatureError::FromNotSigned,
            ),
            (
                format!("v=1; c=fancy/simple; {base}"),
                SignatureError::BadCanonicalization {
                    value: "fancy/simple".into(),
                },
            ),
            (
                format!("v=1; q=http/well-known; {base}"),
                SignatureError::UnsupportedQueryMethod {
                    value: "http/well-known".into(),
                },
            ),
            (
                format!("v=1; l=12a; {base}"),
                SignatureError::BadNumber {
                    tag: "l",
                    value: "12a".into(),
                },
            ),
            (
                format!("v=1; t=20; x=10; {base}"),
                SignatureError::ExpiresBeforeSigned { t: 20, x: 10 },
            ),
            (
                format!("v=1; garbage; {base}"),
                SignatureError::MalformedTag {
                    text: "garbage".into(),
                },
            ),
            (format!("v=1;; {base}"), SignatureError::EmptyTagSpec),
            (
                format!("v=1; 9x=1; {base}"),
                SignatureError::MalformedTag {
                    text: "9x=1".into(),
                },
            ),
        ];
        assert!(parse(&format!("v=1; i=@mail.example.com; {base}")).is_ok());
        for (input, want) in cases {
            assert_eq!(parse(&input), Err(want), "{input}");
        }
    }

    #[test]
    fn lenient_reads_context_from_broken_lists() {
        let v = "v=9; d=example.org; s=sel; garbage";
        assert!(parse(v).is_err());
        assert_eq!(lenient_tag(v, "d").as_deref(), Some("example.org"));
        assert_eq!(lenient_tag(v, "s").as_deref(), Some("sel"));
    }
}
