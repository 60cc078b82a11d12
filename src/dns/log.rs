//! The record of every query a session made, shown in the "DNS queries" panel.

use serde::Serialize;

use super::{DnsError, RecordType};

/// How one query ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum QueryOutcome {
    /// Records came back.
    Answer {
        /// How many records (CNAMEs included).
        records: usize,
    },
    /// The name exists but has no record of that type.
    NoData,
    /// Another outcome.
    Error {
        /// Why.
        error: DnsError,
    },
}

/// One query as the panel shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueryRecord {
    /// Queried name.
    pub name: String,
    /// Queried type.
    pub rtype: RecordType,
    /// Resolver URL, or `zone:<file>` for a zone-file source.
    pub resolver: String,
    /// How it ended.
    #[serde(flatten)]
    pub outcome: QueryOutcome,
    /// Wall-clock duration in milliseconds (0 for the cache and zone files).
    pub duration_ms: u32,
    /// DNSSEC Authenticated Data flag of the response.
    pub authenticated: bool,
    /// Served from the page's cache.
    pub cached: bool,
}
