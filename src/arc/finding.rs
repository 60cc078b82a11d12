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
