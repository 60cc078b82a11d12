//! DKIM verification (RFC 6376 §6, RFC 8301, RFC 8463), without I/O: keys come through
//! [`DnsLookup`], the time is a parameter.
//!
//! Every signature gets a [`DkimResult`]: an RFC 8601 result, the state of the body
//! hash and of the header signature checked separately (so a result can say "headers
//! intact, body changed"), and typed findings for every cause.

use base64::Engine;
use serde::Serialize;
use serde::ser::SerializeStruct;
use sha2::Digest;

use crate::dns::{DnsError, DnsLookup, RecordType};
use crate::headers::raw::RawMessage;
use crate::verdict::AuthResult;

use super::canon;
use super::finding::Finding;
use super::record::{self, KeyError, KeyRecord};
use super::signature::{self, Algorithm, Signature, SignatureError};

/// How far in the future `t=` may be before it counts as a clock problem, in seconds.
pub const CLOCK_SKEW: u64 = 300;

/// Fields a reader relies on: present but unsigned, they could be changed unnoticed.
pub const IMPORTANT_HEADERS: [&str; 6] = [
    "Subject",
    "To",
    "Date",
    "Reply-To",
    "Content-Type",
    "List-Unsubscribe",
];

/// Fields that should be over-signed (listed once more than they appear).
pub const OVER_SIGN_HEADERS: [&str; 2] = ["From", "Subject"];

/// The RFC 8601 result of one DKIM signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DkimStatus {
    /// The signature verifies, over the headers and the body.
    Pass,
    /// The signature, the body hash or the key's conditions do not hold.
    Fail,
    /// Nothing decisive could be said: the header signature verifies but the body was
    /// not available to check.
    Neutral,
    /// The signature verifies but is not acceptable: expired, dated in the future, or
    /// rsa-sha1 (RFC 8301).
    Policy,
    /// The key could not be fetched for a transient reason.
    Temperror,
    /// The signature cannot be checked: syntax error, no key, unusable key record.
    Permerror,
}

impl DkimStatus {
    /// The RFC 8601 keyword.
    pub fn as_str(self) -> &'static str {
        self.auth_result().as_str()
    }

    /// The shared result vocabulary.
    pub fn auth_result(self) -> AuthResult {
        match self {
            DkimStatus::Pass => AuthResult::Pass,
            DkimStatus::Fail => AuthResult::Fail,
            DkimStatus::Neutral => AuthResult::Neutral,
            DkimStatus::Policy => AuthResult::Policy,
            DkimStatus::Temperror => AuthResult::Temperror,
            DkimStatus::Permerror => AuthResult::Permerror,
        }
    }
}

/// The body hash check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyHash {
    /// The computed hash equals `bh=`.
    Match,
    /// It does not: the body changed.
    Mismatch,
    /// Not checked: no body in the input, or the signature could not be read.
    NotChecked,
}

/// The header signature check (`b=` over the signed fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderSignature {
    /// The signature verifies with the published key.
    Valid,
    /// It does not.
    Invalid,
    /// Not checked (no usable key, or the signature could not be read).
    NotChecked,
}

/// The outcome of one DKIM-Signature field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DkimResult {
    /// `d=` (as read even when the signature does not parse; empty when absent).
    pub domain: String,
    /// `s=` (same).
    pub selector: String,
    /// `a=`, when known.
    pub algorithm: Option<Algorithm>,
    /// Length of the key in bits (RSA modulus, 256 for Ed25519), when fetched.
    pub key_bits: Option<u32>,
    /// The RFC 8601 result.
    pub result: DkimStatus,
    /// The body hash check.
    pub body_hash: BodyHash,
    /// The header signature check.
    pub header_signature: HeaderSignature,
    /// `h=`, as listed.
    pub signed_headers: Vec<String>,
    /// The body hash computed, base64.
    pub computed_body_hash: Option<String>,
    /// `bh=`, base64.
    pub signed_body_hash: Option<String>,
    /// `i=`, when present.
    pub identity: Option<String>,
    /// `t=`.
    pub timestamp: Option<u64>,
    /// `x=`.
    pub expiration: Option<u64>,
    /// `l=`.
    pub body_length: Option<u64>,
    /// The key record says `t=y` (testing).
    pub testing: bool,
    /// Index of the DKIM-Signature field in [`RawMessage::fields`].
    pub field_index: usize,
    /// First line of the field in the input (0-based).
    pub first_line: usize,
    /// Last line of the field.
    pub last_line: usize,
    /// Every cause found, most decisive first.
    pub findings: Vec<Finding>,
}

impl DkimResult {
    /// The finding codes, in order (for JSON and tests).
    pub fn reasons(&self) -> Vec<&'static str> {
        use crate::findings::Finding as _;
        self.findings.iter().map(|f| f.code()).collect()
    }
}

impl Serialize for DkimResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DkimResult", 20)?;
        st.serialize_field("domain", &self.domain)?;
        st.serialize_field("selector", &self.selector)?;
        st.serialize_field("algorithm", &self.algorithm)?;
        st.serialize_field("key_bits", &self.key_bits)?;
        st.serialize_field("result", &self.result)?;
        st.serialize_field("body_hash", &self.body_hash)?;
        st.serialize_field("header_signature", &self.header_signature)?;
        st.serialize_field("signed_headers", &self.signed_headers)?;
        st.serialize_field("computed_body_hash", &self.computed_body_hash)?;
        st.serialize_field("signed_body_hash", &self.signed_body_hash)?;
        st.serialize_field("identity", &self.identity)?;
        st.serialize_field("timestamp", &self.timestamp)?;
        st.serialize_field("expiration", &self.expiration)?;
        st.serialize_field("body_length", &self.body_length)?;
        st.serialize_field("testing", &self.testing)?;
        st.serialize_field("field_index", &self.field_index)?;
        st.serialize_field("first_line", &self.first_line)?;
        st.serialize_field("last_line", &self.last_line)?;
        st.serialize_field("reasons", &self.reasons())?;
        st.serialize_field("findings", &self.findings)?;
        st.end()
    }
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Hashes `data` with the hash of `algorithm`.
pub(crate) fn digest(algorithm: Algorithm, data: &[u8]) -> Vec<u8> {
    match algorithm {
        Algorithm::RsaSha1 => sha1::Sha1::digest(data).to_vec(),
        Algorithm::RsaSha256 | Algorithm::Ed25519Sha256 => sha2::Sha256::digest(data).to_vec(),
    }
}

/// DER DigestInfo prefixes of PKCS#1 v1.5 signatures (RFC 8017 §9.2, note 1).
const SHA256_PREFIX: [u8; 19] = [
    0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
    0x00, 0x04, 0x20,
];
const SHA1_PREFIX: [u8; 15] = [
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
];

/// The PKCS#1 v1.5 padding scheme for `algorithm` (RSA only).
pub fn pkcs1v15(algorithm: Algorithm) -> rsa::Pkcs1v15Sign {
    let (len, prefix): (usize, &[u8]) = match algorithm {
        Algorithm::RsaSha1 => (20, &SHA1_PREFIX),
        _ => (32, &SHA256_PREFIX),
    };
    rsa::Pkcs1v15Sign {
        hash_len: Some(len),
        prefix: prefix.into(),
    }
}

/// Checks `sig` over the header-hash input `data` with `key`. `false` for any
/// failure, including a key or signature that cannot be decoded.
pub(crate) fn check_signature(
    algorithm: Algorithm,
    key: &KeyRecord,
    data: &[u8],
    sig: &[u8],
) -> bool {
    let hash = digest(algorithm, data);
    match algorithm {
        Algorithm::RsaSha256 | Algorithm::RsaSha1 => {
            use rsa::pkcs1::DecodeRsaPublicKey;
            use rsa::pkcs8::DecodePublicKey;
            let Ok(pk) = rsa::RsaPublicKey::from_public_key_der(&key.public_key)
                .or_else(|_| rsa::RsaPublicKey::from_pkcs1_der(&key.public_key))
            else {
                return false;
            };
            pk.verify(pkcs1v15(algorithm), &hash, sig).is_ok()
        }
        Algorithm::Ed25519Sha256 => {
            use ed25519_dalek::Verifier;
            let Ok(bytes) = <[u8; 32]>::try_from(key.public_key.as_slice()) else {
                return false;
            };
            let Ok(vk) = ed25519_dalek::VerifyingKey::from_bytes(&bytes) else {
                return false;
            };
            let Ok(s) = ed25519_dalek::Signature::from_slice(sig) else {
                return false;
            };
            vk.verify(&hash, &s).is_ok()
        }
    }
}

/// Why no key could be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyFetch {
    /// NXDOMAIN or no TXT record.
    NotFound,
    /// A transient DNS failure.
    Temp(DnsError),
    /// Every record found is unusable; the first error.
    Bad(KeyError),
}

/// Fetches and parses the key at `selector._domainkey.domain`: the first TXT record
/// that parses (RFC 6376 §6.1.2 lets the verifier choose among several).
pub(crate) async fn fetch_key(
    dns: &impl DnsLookup,
    selector: &str,
    domain: &str,
) -> Result<KeyRecord, KeyFetch> {
    let name = format!("{selector}._domainkey.{domain}");
    let answer = match dns.lookup(&name, RecordType::Txt).await {
        Ok(a) => a,
        Err(DnsError::NxDomain) => return Err(KeyFetch::NotFound),
        Err(e) => return Err(KeyFetch::Temp(e)),
    };
    let txts = answer.txt();
    let mut first_error = None;
    for t in &txts {
        match record::parse(t) {
            Ok(k) => return Ok(k),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.map_or(KeyFetch::NotFound, KeyFetch::Bad))
}

/// Most signatures [`verify_message`] verifies: far more than any real message carries
/// (RFC 6376 §6.1 lets verifiers limit them against denial of service).
pub const MAX_SIGNATURES: usize = 50;

/// Verifies the DKIM-Signatures of `msg` (the first [`MAX_SIGNATURES`]), one result
/// each, in header order (top first). `now` is the verification time in seconds since
/// the epoch.
pub async fn verify_message(msg: &RawMessage, dns: &impl DnsLookup, now: u64) -> Vec<DkimResult> {
    let indexes: Vec<usize> = msg
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is("DKIM-Signature"))
        .map(|(i, _)| i)
        .take(MAX_SIGNATURES)
        .collect();
    futures::future::join_all(
        indexes
            .into_iter()
            .map(|i| verify_signature(msg, i, dns, now)),
    )
    .await
}

/// Verifies the DKIM-Signature at `msg.fields[field_index]`.
pub async fn verify_signature(
    msg: &RawMessage,
    field_index: usize,
    dns: &impl DnsLookup,
    now: u64,
) -> DkimResult {
    let (value, first_line, last_line) = msg
        .fields
        .get(field_index)
        .map(|f| (f.value(), f.first_line, f.last_line))
        .unwrap_or_default();
    let mut r = DkimResult {
        domain: signature::lenient_tag(&value, "d")
            .unwrap_or_default()
            .to_ascii_lowercase(),
        selector: signature::lenient_tag(&value, "s").unwrap_or_default(),
        algorithm: signature::lenient_tag(&value, "a").and_then(|a| Algorithm::parse(&a)),
        key_bits: None,
        result: DkimStatus::Permerror,
        body_hash: BodyHash::NotChecked,
        header_signature: HeaderSignature::NotChecked,
        signed_headers: signature::lenient_tag(&value, "h")
            .map(|h| signature::header_list(&h))
            .unwrap_or_default(),
        computed_body_hash: None,
        signed_body_hash: None,
        identity: signature::lenient_tag(&value, "i"),
        timestamp: None,
        expiration: None,
        body_length: None,
        testing: false,
        field_index,
        first_line,
        last_line,
        findings: Vec::new(),
    };
    let sig = match signature::parse(&value) {
        Ok(s) => s,
        Err(error) => {
            r.findings.push(match error {
                SignatureError::IdentityOutsideDomain { identity, domain } => {
                    Finding::IdentityOutsideDomain { identity, domain }
                }
                SignatureError::FromNotSigned => Finding::FromNotSigned {
                    domain: r.domain.clone(),
                },
                error => Finding::SyntaxError {
                    domain: r.domain.clone(),
                    error,
                },
            });
            return r;
        }
    };
    r.domain = sig.domain.clone();
    r.selector = sig.selector.clone();
    r.algorithm = Some(sig.algorithm);
    r.signed_headers = sig.signed_headers.clone();
    r.signed_body_hash = Some(b64(&sig.body_hash));
    r.identity = sig.identity.clone();
    r.timestamp = sig.timestamp;
    r.expiration = sig.expiration;
    r.body_length = sig.body_length;
    check(&mut r, msg, field_index, &sig, dns, now).await;
    r.findings.extend(coverage_findings(msg, &sig));
    r
}

/// Everything after parsing: body hash, key, crypto, time; sets `r.result`.
async fn check(
    r: &mut DkimResult,
    msg: &RawMessage,
    field_index: usize,
    sig: &Signature,
    dns: &impl DnsLookup,
    now: u64,
) {
    let domain = sig.domain.clone();
    let selector = sig.selector.clone();
    let Some(data) = canon::signed_data(msg, field_index, sig) else {
        return;
    };
    let mut fail = Vec::new();
    let mut notes = Vec::new();

    // Body hash (RFC 6376 §6.1.3), checked even if later steps fail, for diagnosis.
    match (&data.body, data.body_total) {
        (Some(body), Some(total)) => {
            let computed = digest(sig.algorithm, body);
            r.computed_body_hash = Some(b64(&computed));
            let total = total as u64;
            if let Some(l) = sig.body_length {
                if l > total {
                    fail.push(Finding::BodyShorterThanLength {
                        domain: domain.clone(),
                        signed: l,
                        total,
                    });
                } else if l < total {
                    notes.push(Finding::PartialBody {
                        domain: domain.clone(),
                        signed: l,
                        total,
                    });
                }
            }
            if computed == sig.body_hash {
                r.body_hash = BodyHash::Match;
            } else {
                r.body_hash = BodyHash::Mismatch;
                fail.push(Finding::BodyHashMismatch {
                    domain: domain.clone(),
                    selector: selector.clone(),
                    computed: b64(&computed),
                    signed: b64(&sig.body_hash),
                });
            }
        }
        _ => notes.push(Finding::BodyNotChecked {
            domain: domain.clone(),
        }),
    }

    // The key (RFC 6376 §6.1.2).
    let key = match fetch_key(dns, &selector, &domain).await {
        Ok(k) => k,
        Err(KeyFetch::NotFound) => {
            r.findings.push(Finding::KeyNotFound { domain, selector });
            r.result = DkimStatus::Permerror;
            r.findings.extend(fail);
            r.findings.extend(notes);
            return;
        }
        Err(KeyFetch::Temp(error)) => {
            r.findings.push(Finding::DnsTempError {
                domain,
                selector,
                error,
            });
            r.result = DkimStatus::Temperror;
            r.findings.extend(fail);
            r.findings.extend(notes);
            return;
        }
        Err(KeyFetch::Bad(error)) => {
            r.findings.push(Finding::BadKey { selector, error });
            r.result = DkimStatus::Permerror;
            r.findings.extend(fail);
            r.findings.extend(notes);
            return;
        }
    };
    r.key_bits = key.bits;
    r.testing = key.testing();
    let mut key_problem = None;
    if key.revoked() {
        key_problem = Some(Finding::KeyRevoked {
            selector: selector.clone(),
        });
    } else if key.key_type != sig.algorithm.key_type() {
        key_problem = Some(Finding::KeyAlgorithmMismatch {
            domain: domain.clone(),
            selector: selector.clone(),
            algorithm: sig.algorithm.as_str().into(),
            key_type: key.key_type.clone(),
        });
    } else if !key.allows_hash(sig.algorithm.hash()) {
        key_problem = Some(Finding::HashNotAllowed {
            selector: selector.clone(),
            hash: sig.algorithm.hash().into(),
        });
    } else if !key.allows_email() {
        key_problem = Some(Finding::KeyNotForEmail {
            selector: selector.clone(),
        });
    } else if key.strict() && sig.identity_domain() != domain {
        key_problem = Some(Finding::StrictSubdomainViolated {
            domain: domain.clone(),
            selector: selector.clone(),
            identity: sig.identity.clone().unwrap_or_default(),
        });
    }
    if let Some(p) = key_problem {
        r.findings.push(p);
        r.result = DkimStatus::Fail;
        r.findings.extend(fail);
        r.findings.extend(notes);
        return;
    }
    if key.testing() {
        notes.push(Finding::TestingMode {
            selector: selector.clone(),
        });
    }

    // The header signature (RFC 6376 §6.1.3 step 4 onward).
    if check_signature(sig.algorithm, &key, &data.headers, &sig.signature) {
        r.header_signature = HeaderSignature::Valid;
    } else {
        r.header_signature = HeaderSignature::Invalid;
        fail.insert(
            0,
            Finding::SignatureMismatch {
                domain: domain.clone(),
                selector: selector.clone(),
                signed_headers: data
                    .fields
                    .iter()
                    .filter(|f| f.field_index.is_some())
                    .map(|f| f.name.clone())
                    .collect(),
            },
        );
    }

    // RFC 8301: key length and SHA-1.
    let mut policy = Vec::new();
    match key.bits {
        Some(bits) if key.key_type == "rsa" && bits < 1024 => fail.push(Finding::KeyTooShort {
            selector: selector.clone(),
            bits,
        }),
        Some(bits) if key.key_type == "rsa" && bits < 2048 => notes.push(Finding::WeakKey {
            selector: selector.clone(),
            bits,
        }),
        _ => {}
    }
    if sig.algorithm == Algorithm::RsaSha1 {
        policy.push(Finding::Sha1Signature {
            domain: domain.clone(),
            selector: selector.clone(),
        });
    }
    // Time (RFC 6376 §3.5 t= and x=).
    if let Some(x) = sig.expiration
        && x < now
    {
        policy.push(Finding::Expired {
            domain: domain.clone(),
            x,
            now,
        });
    }
    if let Some(t) = sig.timestamp
        && t > now.saturating_add(CLOCK_SKEW)
    {
        policy.push(Finding::FutureTimestamp {
            domain: domain.clone(),
            t,
            now,
        });
    }

    r.result = if !fail.is_empty() {
        DkimStatus::Fail
    } else if !policy.is_empty() {
        DkimStatus::Policy
    } else if r.body_hash == BodyHash::NotChecked {
        DkimStatus::Neutral
    } else {
        DkimStatus::Pass
    };
    r.findings.extend(fail);
    r.findings.extend(policy);
    r.findings.extend(notes);
}

/// What the signature leaves open: important fields unsigned, From/Subject not
/// over-signed.
fn coverage_findings(msg: &RawMessage, sig: &Signature) -> Vec<Finding> {
    let mut out = Vec::new();
    let signed = |name: &str| {
        sig.signed_headers
            .iter()
            .filter(|h| h.eq_ignore_ascii_case(name))
            .count()
    };
    let present = |name: &str| msg.all(name).count();
    for h in IMPORTANT_HEADERS {
        if present(h) > 0 && signed(h) == 0 {
            out.push(Finding::UnsignedImportantHeader {
                domain: sig.domain.clone(),
                header: h.to_string(),
            });
        }
    }
    for h in OVER_SIGN_HEADERS {
        let s = signed(h);
        if s > 0 && s <= present(h) {
            out.push(Finding::NotOverSigned {
                domain: sig.domain.clone(),
                header: h.to_string(),
            });
        }
    }
    out
}
