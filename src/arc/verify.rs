//! ARC chain validation (RFC 8617 §5.2), without I/O: keys come through [`DnsLookup`].
//!
//! Steps: gather the sets by instance and check their structure; the latest seal must
//! not say `cv=fail`, and each `cv=` must fit its position; the latest
//! ARC-Message-Signature must verify (older ones are checked for information only);
//! every ARC-Seal must verify. Canonicalisation and crypto are DKIM's.

use futures::future::join_all;
use serde::Serialize;

use crate::dkim::canon;
use crate::dkim::record::KeyRecord;
use crate::dkim::signature::Canonicalization;
use crate::dkim::verify::{BodyHash, KeyFetch, check_signature, digest, fetch_key};
use crate::dns::DnsLookup;
use crate::headers::raw::RawMessage;

use super::finding::Finding;
use super::signature::{
    self, ArcSignature, ChainValue, Kind, MAX_INSTANCE, instance_of_results, instance_of_signature,
};

/// The chain validation result (RFC 8617 §4.4: `none`, `pass`, `fail`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArcStatus {
    /// No ARC field at all.
    None,
    /// The chain validates.
    Pass,
    /// It does not.
    Fail,
}

/// The check of one ARC signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SigStatus {
    /// It verifies.
    Pass,
    /// It does not (or its key cannot be used).
    Fail,
    /// It was not checked: the chain failed earlier, or the field is missing or unreadable.
    NotChecked,
}

/// One ARC set as found and checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArcSet {
    /// `i=`.
    pub instance: u32,
    /// The ARC-Message-Signature check.
    pub ams: SigStatus,
    /// The ARC-Seal check.
    #[serde(rename = "as")]
    pub seal: SigStatus,
    /// `cv=` of the seal: what the sealer claimed about the chain before it.
    pub claimed: Option<ChainValue>,
    /// `d=` of the ARC-Message-Signature.
    pub ams_domain: Option<String>,
    /// `d=` of the ARC-Seal.
    pub seal_domain: Option<String>,
    /// The body hash of the ARC-Message-Signature.
    pub body_hash: BodyHash,
    /// The ARC-Authentication-Results value after `i=N;` (what the sealer saw).
    pub authentication_results: Option<String>,
}

/// The ARC verdict of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArcResult {
    /// The chain validation result.
    pub result: ArcStatus,
    /// The sets, instance 1 first.
    pub sets: Vec<ArcSet>,
    /// Causes, most decisive first.
    pub findings: Vec<Finding>,
}

impl ArcResult {
    /// The finding codes, in order.
    pub fn reasons(&self) -> Vec<&'static str> {
        use crate::findings::Finding as _;
        self.findings.iter().map(|f| f.code()).collect()
    }
}

impl Serialize for ArcResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ArcResult", 4)?;
        st.serialize_field("result", &self.result)?;
        st.serialize_field("sets", &self.sets)?;
        st.serialize_field("reasons", &self.reasons())?;
        st.serialize_field("findings", &self.findings)?;
        st.end()
    }
}

const AS: &str = "ARC-Seal";
const AMS: &str = "ARC-Message-Signature";
const AAR: &str = "ARC-Authentication-Results";

/// Field indexes of one instance.
#[derive(Default, Clone)]
struct Slots {
    seal: Vec<usize>,
    ams: Vec<usize>,
    aar: Vec<usize>,
}

fn fail(sets: Vec<ArcSet>, findings: Vec<Finding>) -> ArcResult {
    ArcResult {
        result: ArcStatus::Fail,
        sets,
        findings,
    }
}

/// Validates the ARC chain of `msg`. With a headers-only input (`body: None`) the
/// message signatures' body hashes cannot be checked: each set then says
/// [`BodyHash::NotChecked`] and only the header signatures decide.
pub async fn verify_message(msg: &RawMessage, dns: &impl DnsLookup) -> ArcResult {
    let mut findings = Vec::new();
    let mut slots: Vec<Slots> = Vec::new();
    let mut any = false;
    for (idx, f) in msg.fields.iter().enumerate() {
        let (header, inst) = if f.is(AS) {
            (AS, instance_of_signature(&f.value()))
        } else if f.is(AMS) {
            (AMS, instance_of_signature(&f.value()))
        } else if f.is(AAR) {
            (AAR, instance_of_results(&f.value()))
        } else {
            continue;
        };
        any = true;
        match inst {
            Ok(n) => {
                let n = n as usize;
                if slots.len() < n {
                    slots.resize(n, Slots::default());
                }
                if let Some(s) = slots.get_mut(n - 1) {
                    match header {
                        AS => s.seal.push(idx),
                        AMS => s.ams.push(idx),
                        _ => s.aar.push(idx),
                    }
                }
            }
            Err(error) => findings.push(Finding::BadInstance { header, error }),
        }
    }
    if !any {
        return ArcResult {
            result: ArcStatus::None,
            sets: Vec::new(),
            findings,
        };
    }
    let mut sets: Vec<ArcSet> = (1..=slots.len() as u32)
        .map(|instance| ArcSet {
            instance,
            ams: SigStatus::NotChecked,
            seal: SigStatus::NotChecked,
            claimed: None,
            ams_domain: None,
            seal_domain: None,
            body_hash: BodyHash::NotChecked,
            authentication_results: None,
        })
        .collect();
    // Structure: every instance 1..=N has exactly one of each field.
    for (i, s) in slots.iter().enumerate() {
        let instance = i as u32 + 1;
        for (header, v) in [(AAR, &s.aar), (AMS, &s.ams), (AS, &s.seal)] {
            match v.len() {
                0 => findings.push(Finding::MissingHeader { instance, header }),
                1 => {}
                _ => findings.push(Finding::DuplicateHeader { instance, header }),
            }
        }
        if let (Some(set), Some(&a)) = (sets.get_mut(i), s.aar.first())
            && let Some(f) = msg.fields.get(a)
        {
            let v = f.value();
            set.authentication_results =
                Some(v.split_once(';').map_or("", |(_, r)| r).trim().to_string());
        }
    }
    if !findings.is_empty() || slots.len() > MAX_INSTANCE as usize {
        return fail(sets, findings);
    }
    let one = |v: &Vec<usize>| v.first().copied().unwrap_or(0);
    let value = |idx: usize| msg.fields.get(idx).map(|f| f.value()).unwrap_or_default();

    // Parse every seal and message signature.
    let mut seals: Vec<ArcSignature> = Vec::new();
    let mut amss: Vec<ArcSignature> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        let instance = i as u32 + 1;
        match signature::parse(&value(one(&s.seal)), Kind::Seal) {
            Ok(p) => {
                if let Some(set) = sets.get_mut(i) {
                    set.claimed = p.cv;
                    set.seal_domain = Some(p.domain.clone());
                }
                seals.push(p);
            }
            Err(error) => findings.push(Finding::Syntax {
                instance,
                header: AS,
                error,
            }),
        }
        match signature::parse(&value(one(&s.ams)), Kind::MessageSignature) {
            Ok(p) => {
                if let Some(set) = sets.get_mut(i) {
                    set.ams_domain = Some(p.domain.clone());
                }
                amss.push(p);
            }
            Err(error) => findings.push(Finding::Syntax {
                instance,
                header: AMS,
                error,
            }),
        }
    }
    if !findings.is_empty() {
        return fail(sets, findings);
    }
    let n = seals.len();

    // cv= of the latest seal, then of each position.
    if let Some(last) = seals.last()
        && last.cv == Some(ChainValue::Fail)
    {
        findings.push(Finding::ChainMarkedFailed {
            instance: last.instance,
        });
        return fail(sets, findings);
    }
    for s in &seals {
        let expected = if s.instance == 1 {
            ChainValue::None
        } else {
            ChainValue::Pass
        };
        if let Some(found) = s.cv
            && found != expected
        {
            findings.push(Finding::WrongChainValue {
                instance: s.instance,
                expected,
                found,
            });
        }
    }
    if !findings.is_empty() {
        return fail(sets, findings);
    }

    // Every key at once (each name once): none depends on another, so one round trip.
    let mut key_names: Vec<(String, String)> = Vec::new();
    for sig in amss.iter().chain(&seals) {
        let name = (sig.selector.clone(), sig.domain.clone());
        if !key_names.contains(&name) {
            key_names.push(name);
        }
    }
    let fetched = join_all(key_names.iter().map(|(s, d)| fetch_key(dns, s, d))).await;
    let key_of = |sig: &ArcSignature| {
        key_names
            .iter()
            .position(|(s, d)| *s == sig.selector && *d == sig.domain)
            .and_then(|i| fetched.get(i))
            .cloned()
            .unwrap_or(Err(KeyFetch::NotFound))
    };

    // Message signatures, latest first; only the latest decides.
    let mut failed = false;
    for (i, ams) in amss.iter().enumerate().rev() {
        let latest = i + 1 == n;
        // Fields added after this AMS was made: its own seal and every later set.
        let mut skip: Vec<usize> = slots
            .iter()
            .skip(i + 1)
            .flat_map(|s| s.seal.iter().chain(&s.ams).chain(&s.aar).copied())
            .collect();
        let idx = one(&slots[i].ams);
        skip.extend(slots[i].seal.iter().copied());
        skip.push(idx);
        let fields = canon::select_fields(msg, &ams.signed_headers, &skip);
        let Some(field) = msg.fields.get(idx) else {
            continue;
        };
        let headers = canon::header_block(msg, &fields, ams.header_canon, field);
        let body_ok = match &msg.body {
            Some(b) => {
                let ok = digest(ams.algorithm, &canon::body(ams.body_canon, b)) == ams.body_hash;
                if let Some(set) = sets.get_mut(i) {
                    set.body_hash = if ok {
                        BodyHash::Match
                    } else {
                        BodyHash::Mismatch
                    };
                }
                ok
            }
            None => true,
        };
        let key = key_for(key_of(ams), ams, latest, &mut findings);
        let sig_ok = key
            .as_ref()
            .is_some_and(|k| check_signature(ams.algorithm, k, &headers, &ams.signature));
        let ok = body_ok && sig_ok;
        if let Some(set) = sets.get_mut(i) {
            set.ams = if ok { SigStatus::Pass } else { SigStatus::Fail };
        }
        if latest && !ok {
            failed = true;
            if key.is_some() {
                findings.push(if body_ok {
                    Finding::MessageSignatureInvalid {
                        instance: ams.instance,
                        domain: ams.domain.clone(),
                    }
                } else {
                    Finding::BodyHashMismatch {
                        instance: ams.instance,
                        domain: ams.domain.clone(),
                    }
                });
            }
        } else if !ok && key.is_some() {
            findings.push(Finding::OlderMessageSignatureInvalid {
                instance: ams.instance,
                domain: ams.domain.clone(),
            });
        }
    }

    // Seals, latest first: each covers every set up to its own.
    for (i, seal) in seals.iter().enumerate().rev() {
        let mut data = Vec::new();
        for s in slots.iter().take(i + 1) {
            for idx in [one(&s.aar), one(&s.ams)] {
                if let Some(f) = msg.fields.get(idx) {
                    data.extend(canon::header(Canonicalization::Relaxed, f));
                }
            }
            let sidx = one(&s.seal);
            if sidx != one(&slots[i].seal)
                && let Some(f) = msg.fields.get(sidx)
            {
                data.extend(canon::header(Canonicalization::Relaxed, f));
            }
        }
        let Some(field) = msg.fields.get(one(&slots[i].seal)) else {
            continue;
        };
        let stripped = canon::strip_b_value(&field.raw);
        let mut own = canon::header(
            Canonicalization::Relaxed,
            &crate::headers::raw::RawField {
                raw: stripped,
                ..field.clone()
            },
        );
        own.truncate(own.len().saturating_sub(2));
        data.extend(own);
        let key = key_for(key_of(seal), seal, true, &mut findings);
        let ok = key
            .as_ref()
            .is_some_and(|k| check_signature(seal.algorithm, k, &data, &seal.signature));
        if let Some(set) = sets.get_mut(i) {
            set.seal = if ok { SigStatus::Pass } else { SigStatus::Fail };
        }
        if !ok {
            failed = true;
            if key.is_some() {
                findings.push(Finding::SealInvalid {
                    instance: seal.instance,
                    domain: seal.domain.clone(),
                });
            }
        }
    }
    ArcResult {
        result: if failed {
            ArcStatus::Fail
        } else {
            ArcStatus::Pass
        },
        sets,
        findings,
    }
}

/// The key of an ARC signature, as fetched; on failure records why (when `report`) and
/// gives `None`. Keys must fit the algorithm and RSA keys have at least 1024 bits.
fn key_for(
    fetched: Result<KeyRecord, KeyFetch>,
    sig: &ArcSignature,
    report: bool,
    findings: &mut Vec<Finding>,
) -> Option<KeyRecord> {
    let (instance, domain, selector) = (sig.instance, sig.domain.clone(), sig.selector.clone());
    let finding = match fetched {
        Ok(k) => {
            let too_short = k.key_type == "rsa" && k.bits.is_some_and(|b| b < 1024);
            if !k.revoked() && k.key_type == sig.algorithm.key_type() && !too_short {
                return Some(k);
            }
            Finding::KeyUnusable {
                instance,
                domain,
                selector,
                error: None,
                bits: k.bits,
            }
        }
        Err(KeyFetch::NotFound) => Finding::KeyNotFound {
            instance,
            domain,
            selector,
        },
        Err(KeyFetch::Temp(error)) => Finding::DnsError {
            instance,
            domain,
            selector,
            error,
        },
        Err(KeyFetch::Bad(error)) => Finding::KeyUnusable {
            instance,
            domain,
            selector,
            error: Some(error),
            bits: None,
        },
    };
    if report {
        findings.push(finding);
    }
    None
}
