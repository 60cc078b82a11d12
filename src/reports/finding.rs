//! Findings of the `reports` area. Sentences: `i18n/en/reports.rs`, `i18n/fr/reports.rs`.

use crate::findings::Severity;

/// A typed cause found by the `reports` area, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The file starts with a byte-order mark, which was skipped.
    ByteOrderMark,
    /// The report is not valid UTF-8; bad bytes were replaced.
    InvalidUtf8 {
        /// Characters replaced.
        replaced: usize,
    },
    /// A `<!DOCTYPE>` was skipped: no DTD is read and no entity defined there expanded.
    DoctypeIgnored,
    /// An entity reference other than the XML predefined ones was kept as written.
    UnknownEntity {
        /// Its name.
        name: String,
    },
    /// Elements wrap `<feedback>` that are not part of the schema.
    StrayElement {
        /// The first such element.
        name: String,
    },
    /// A required element is missing or empty.
    MissingField {
        /// Its path (`org_name`, `report_id`, `policy_published/domain`, `date_range`).
        field: &'static str,
    },
    /// The report's period ends before it begins.
    InvertedPeriod,
    /// The report covers more than a day.
    LongPeriod {
        /// Length, hours (rounded up).
        hours: u64,
    },
    /// The domain's policy is in testing mode (`t=y`, RFC 9990).
    TestingMode {
        /// Policy domain.
        domain: String,
    },
    /// A `source_ip` is not an IP address.
    BadSourceIp {
        /// The value.
        value: String,
    },
    /// A `count` is not a number; the record counts 0 messages.
    BadCount {
        /// The value.
        value: String,
    },
    /// A `<reason>` without type or comment was left out.
    EmptyReason,
    /// Bytes follow the gzip data and were ignored.
    TrailingBytes {
        /// How many.
        bytes: usize,
    },
    /// A report already read (same organisation and report ID) was counted once.
    DuplicateReport {
        /// Reporter.
        org_name: String,
        /// Report ID.
        report_id: String,
        /// The file holding the copy.
        file: String,
    },
    /// TLS sessions to a policy domain failed.
    TlsFailures {
        /// Policy domain.
        policy_domain: String,
        /// Reporter.
        reporter: String,
        /// Failed sessions.
        failed: u64,
        /// All sessions.
        total: u64,
        /// Failure result types.
        result_types: Vec<String>,
    },
    /// The reporter's policy evaluation disagrees with the record's raw results.
    EvaluationDisagrees {
        /// Reporter.
        org_name: String,
        /// Source.
        source_ip: String,
        /// From domain.
        header_from: String,
        /// `dkim` or `spf`.
        method: &'static str,
        /// What the reporter wrote.
        reported: String,
        /// What the raw results give.
        recomputed: String,
        /// Messages.
        messages: u64,
    },
    /// What `p=reject` would do.
    WhatIfReject {
        /// Messages rejected.
        messages: u64,
        /// Sources.
        sources: usize,
        /// Of them, messages passing DKIM with an unaligned domain.
        dkim_unaligned: u64,
    },
    /// A failing source passes DKIM with another domain: probably a service to set up.
    UnalignedService {
        /// Source.
        ip: String,
        /// DKIM domain.
        dkim_domain: String,
        /// From domain.
        header_from: String,
        /// Messages.
        messages: u64,
    },
    /// Next step: make these legitimate-looking sources align before enforcing.
    FixSourcesFirst {
        /// The sources, most messages first (at most five).
        sources: Vec<String>,
        /// Messages from all such sources.
        messages: u64,
    },
    /// Next step: move from `p=none` to `p=quarantine` for a share of messages.
    StartQuarantine {
        /// Suggested percentage.
        pct: u32,
    },
    /// Next step: raise the quarantine percentage.
    RaiseQuarantine {
        /// Current.
        from: u32,
        /// Suggested.
        to: u32,
    },
    /// Next step: move from `p=quarantine` to `p=reject`.
    MoveToReject,
    /// The domain is at `p=reject`: keep reading reports.
    AtReject {
        /// Policy domain.
        domain: String,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::ByteOrderMark => "report_byte_order_mark",
            Finding::InvalidUtf8 { .. } => "report_invalid_utf8",
            Finding::DoctypeIgnored => "report_doctype_ignored",
            Finding::UnknownEntity { .. } => "report_unknown_entity",
            Finding::StrayElement { .. } => "report_stray_element",
            Finding::MissingField { .. } => "report_missing_field",
            Finding::InvertedPeriod => "report_inverted_period",
            Finding::LongPeriod { .. } => "report_long_period",
            Finding::TestingMode { .. } => "report_testing_mode",
            Finding::BadSourceIp { .. } => "report_bad_source_ip",
            Finding::BadCount { .. } => "report_bad_count",
            Finding::EmptyReason => "report_empty_reason",
            Finding::TrailingBytes { .. } => "report_trailing_bytes",
            Finding::DuplicateReport { .. } => "report_duplicate",
            Finding::TlsFailures { .. } => "tls_failures",
            Finding::EvaluationDisagrees { .. } => "evaluation_disagrees",
            Finding::WhatIfReject { .. } => "what_if_reject",
            Finding::UnalignedService { .. } => "unaligned_service",
            Finding::FixSourcesFirst { .. } => "fix_sources_first",
            Finding::StartQuarantine { .. } => "start_quarantine",
            Finding::RaiseQuarantine { .. } => "raise_quarantine",
            Finding::MoveToReject => "move_to_reject",
            Finding::AtReject { .. } => "at_reject",
        }
    }
    fn severity(&self) -> Severity {
        match self {
            Finding::ByteOrderMark
            | Finding::StrayElement { .. }
            | Finding::LongPeriod { .. }
            | Finding::TestingMode { .. }
            | Finding::EmptyReason
            | Finding::TrailingBytes { .. }
            | Finding::DuplicateReport { .. }
            | Finding::WhatIfReject { .. }
            | Finding::StartQuarantine { .. }
            | Finding::RaiseQuarantine { .. }
            | Finding::MoveToReject
            | Finding::AtReject { .. } => Severity::Info,
            Finding::InvalidUtf8 { .. }
            | Finding::DoctypeIgnored
            | Finding::UnknownEntity { .. }
            | Finding::MissingField { .. }
            | Finding::InvertedPeriod
            | Finding::BadSourceIp { .. }
            | Finding::BadCount { .. }
            | Finding::EvaluationDisagrees { .. }
            | Finding::UnalignedService { .. }
            | Finding::FixSourcesFirst { .. } => Severity::Warning,
            Finding::TlsFailures { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);
