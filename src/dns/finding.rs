//! Findings about DNS outcomes. Sentences: `i18n/en/dns.rs`, `i18n/fr/dns.rs`.

use crate::findings::Severity;

use super::{DnsError, RecordType};

/// A lookup that did not give a usable answer, with what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// A query failed in a way that may be transient (becomes `temperror`).
    LookupFailed {
        /// Queried name.
        name: String,
        /// Queried type.
        rtype: RecordType,
        /// What happened.
        error: DnsError,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::LookupFailed { .. } => "dns_lookup_failed",
        }
    }
    fn severity(&self) -> Severity {
        match self {
            Finding::LookupFailed { .. } => Severity::Warning,
        }
    }
}

crate::serialize_as_finding!(Finding);
