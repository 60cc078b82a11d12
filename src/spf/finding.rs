//! Findings of the SPF lint. Sentences: `i18n/en/spf.rs`, `i18n/fr/spf.rs`.

use crate::dns::{DnsError, RecordType};
use crate::findings::Severity;

use super::record::SyntaxError;

/// A typed cause found while linting a domain's SPF, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// No SPF record at the domain.
    NoRecord {
        /// The domain.
        domain: String,
    },
    /// Several SPF records at one name: receivers return permerror (RFC 7208 §4.5).
    SeveralRecords {
        /// The name.
        domain: String,
        /// How many.
        count: usize,
    },
    /// A record that is not valid SPF.
    Syntax {
        /// The name.
        domain: String,
        /// What and where.
        error: SyntaxError,
    },
    /// More than 10 DNS-querying terms in the whole tree (RFC 7208 §4.6.4).
    TooManyLookups {
        /// How many the tree needs.
        count: u32,
    },
    /// More than 2 lookups that find nothing.
    TooManyVoidLookups {
        /// How many.
        count: u32,
    },
    /// `+all`: anyone may send as the domain.
    PassAll {
        /// The domain.
        domain: String,
    },
    /// `?all`: SPF says nothing about other senders.
    NeutralAll {
        /// The domain.
        domain: String,
    },
    /// `~all` left in place: other senders only soft-fail.
    SoftfailAll {
        /// The domain.
        domain: String,
    },
    /// No `all` and no `redirect`: the default result is neutral.
    NoAll {
        /// The domain.
        domain: String,
    },
    /// The `ptr` mechanism (slow, unreliable, discouraged by RFC 7208 §5.5).
    PtrUsed {
        /// The domain.
        domain: String,
    },
    /// `redirect=` beside an `all` term is never used (RFC 7208 §6.1).
    RedirectIgnored {
        /// The domain.
        domain: String,
    },
    /// An include or redirect target without an SPF record (permerror).
    TargetWithoutRecord {
        /// The target.
        domain: String,
    },
    /// A term whose lookup finds nothing.
    VoidLookup {
        /// The term.
        term: String,
        /// In the record of.
        domain: String,
    },
    /// The record is longer than one 255-byte TXT string: it must be split in the zone.
    LongRecord {
        /// The domain.
        domain: String,
        /// Its length in bytes.
        length: usize,
    },
    /// The TXT answer at the domain exceeds 512 bytes: it needs EDNS or TCP (RFC 7208 §3.4).
    AnswerTooLarge {
        /// The domain.
        domain: String,
        /// The estimated DNS response size in bytes.
        size: usize,
    },
    /// The MX hosts have IPv6 addresses but SPF authorises no IPv6 sender.
    Ipv6Missing {
        /// The domain.
        domain: String,
    },
    /// A lookup failed: the lint is incomplete.
    Dns {
        /// The name.
        name: String,
        /// The type.
        rtype: RecordType,
        /// What happened.
        error: DnsError,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::NoRecord { .. } => "spf_no_record",
            Finding::SeveralRecords { .. } => "spf_several_records",
            Finding::Syntax { .. } => "spf_syntax",
            Finding::TooManyLookups { .. } => "spf_too_many_lookups",
            Finding::TooManyVoidLookups { .. } => "spf_too_many_void_lookups",
            Finding::PassAll { .. } => "spf_pass_all",
            Finding::NeutralAll { .. } => "spf_neutral_all",
            Finding::SoftfailAll { .. } => "spf_softfail_all",
            Finding::NoAll { .. } => "spf_no_all",
            Finding::PtrUsed { .. } => "spf_ptr",
            Finding::RedirectIgnored { .. } => "spf_redirect_ignored",
            Finding::TargetWithoutRecord { .. } => "spf_target_without_record",
            Finding::VoidLookup { .. } => "spf_void_lookup",
            Finding::LongRecord { .. } => "spf_long_record",
            Finding::AnswerTooLarge { .. } => "spf_answer_too_large",
            Finding::Ipv6Missing { .. } => "spf_ipv6_missing",
            Finding::Dns { .. } => "spf_dns_error",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::SoftfailAll { .. } | Finding::LongRecord { .. } => Severity::Info,
            Finding::NeutralAll { .. }
            | Finding::AnswerTooLarge { .. }
            | Finding::NoAll { .. }
            | Finding::PtrUsed { .. }
            | Finding::RedirectIgnored { .. }
            | Finding::VoidLookup { .. }
            | Finding::Ipv6Missing { .. }
            | Finding::Dns { .. } => Severity::Warning,
            Finding::NoRecord { .. }
            | Finding::SeveralRecords { .. }
            | Finding::Syntax { .. }
            | Finding::TooManyLookups { .. }
            | Finding::TooManyVoidLookups { .. }
            | Finding::PassAll { .. }
            | Finding::TargetWithoutRecord { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);
