//! Findings of the `arc` area. Sentences: `i18n/en/arc.rs`, `i18n/fr/arc.rs`.

use crate::dkim::record::KeyError;
use crate::dns::DnsError;
use crate::findings::Severity;

use super::signature::{ArcSyntax, ChainValue};

/// A typed cause found by the `arc` area, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An ARC field's instance (`i=`) cannot be read.
    BadInstance {
        /// The field name.
        header: &'static str,
        /// Why.
        error: ArcSyntax,
    },
    /// A set lacks one of its three fields.
    MissingHeader {
        /// The instance.
        instance: u32,
        /// The missing field.
        header: &'static str,
    },
    /// A set has one of its fields twice.
    DuplicateHeader {
        /// The instance.
        instance: u32,
        /// The repeated field.
        header: &'static str,
    },
    /// An ARC-Seal or ARC-Message-Signature cannot be parsed.
    Syntax {
        /// The instance.
        instance: u32,
        /// The field name.
        header: &'static str,
        /// Why.
        error: ArcSyntax,
    },
    /// The latest seal already says `cv=fail`.
    ChainMarkedFailed {
        /// The instance.
        instance: u32,
    },
    /// A seal's `cv=` is not what its position requires (`none` for 1, `pass` after).
    WrongChainValue {
        /// The instance.
        instance: u32,
        /// What it should be.
        expected: ChainValue,
        /// What it is.
        found: ChainValue,
    },
    /// The body changed since the latest ARC-Message-Signature.
    BodyHashMismatch {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
    },
    /// The latest ARC-Message-Signature does not verify.
    MessageSignatureInvalid {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
    },
    /// An older ARC-Message-Signature does not verify: expected when a later
    /// intermediary modified the message, informative only.
    OlderMessageSignatureInvalid {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
    },
    /// An ARC-Seal does not verify.
    SealInvalid {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
    },
    /// No key at `selector._domainkey.domain`.
    KeyNotFound {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
    },
    /// The key record cannot be used (syntax, revoked, wrong type, under 1024 bits).
    KeyUnusable {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// Why, when the record itself is wrong; `None` for revoked, wrong type or too short.
        error: Option<KeyError>,
        /// Key length when known.
        bits: Option<u32>,
    },
    /// The key lookup failed for a transient reason.
    DnsError {
        /// The instance.
        instance: u32,
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// What the resolver said.
        error: DnsError,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::BadInstance { .. } => "arc_bad_instance",
            Finding::MissingHeader { .. } => "arc_missing_header",
            Finding::DuplicateHeader { .. } => "arc_duplicate_header",
            Finding::Syntax { .. } => "arc_syntax",
            Finding::ChainMarkedFailed { .. } => "arc_chain_marked_failed",
            Finding::WrongChainValue { .. } => "arc_wrong_cv",
            Finding::BodyHashMismatch { .. } => "arc_body_hash_mismatch",
            Finding::MessageSignatureInvalid { .. } => "arc_ams_invalid",
            Finding::OlderMessageSignatureInvalid { .. } => "arc_older_ams_invalid",
            Finding::SealInvalid { .. } => "arc_seal_invalid",
            Finding::KeyNotFound { .. } => "arc_key_not_found",
            Finding::KeyUnusable { .. } => "arc_key_unusable",
            Finding::DnsError { .. } => "arc_dns_error",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::OlderMessageSignatureInvalid { .. } => Severity::Info,
            Finding::DnsError { .. } => Severity::Warning,
            _ => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding as _;
    use crate::i18n::{Lang, Translate};

    #[test]
    fn codes_are_unique_and_sentences_follow_typography() {
        let d = || "example.org".to_string();
        let s = || "sel".to_string();
        let all = vec![
            Finding::BadInstance {
                header: "ARC-Seal",
                error: ArcSyntax::BadInstance { value: "0".into() },
            },
            Finding::MissingHeader {
                instance: 1,
                header: "ARC-Seal",
            },
            Finding::DuplicateHeader {
                instance: 1,
                header: "ARC-Seal",
            },
            Finding::Syntax {
                instance: 1,
                header: "ARC-Seal",
                error: ArcSyntax::SealWithHeaderList,
            },
            Finding::ChainMarkedFailed { instance: 2 },
            Finding::WrongChainValue {
                instance: 1,
                expected: ChainValue::None,
                found: ChainValue::Pass,
            },
            Finding::BodyHashMismatch {
                instance: 1,
                domain: d(),
            },
            Finding::MessageSignatureInvalid {
                instance: 1,
                domain: d(),
            },
            Finding::OlderMessageSignatureInvalid {
                instance: 1,
                domain: d(),
            },
            Finding::SealInvalid {
                instance: 1,
                domain: d(),
            },
            Finding::KeyNotFound {
                instance: 1,
                domain: d(),
                selector: s(),
            },
            Finding::KeyUnusable {
                instance: 1,
                domain: d(),
                selector: s(),
                error: Some(KeyError::NoKey),
                bits: None,
            },
            Finding::DnsError {
                instance: 1,
                domain: d(),
                selector: s(),
                error: DnsError::ServFail,
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(|f| f.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
        for f in &all {
            assert!(f.code().starts_with("arc_"));
            let fr = f.text(Lang::Fr);
            assert!(!f.text(Lang::En).is_empty());
            for p in [" :", " ;", " !", " ?"] {
                assert!(!fr.contains(p), "plain space before {p}: {fr}");
            }
        }
    }
}
