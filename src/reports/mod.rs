//! DMARC aggregate (RFC 7489, RFC 9990), failure (RFC 6591, RFC 9991) and SMTP TLS
//! (RFC 8460) reports.
//!
//! Bytes in, results out, no I/O: the caller (the CLI, or a Web Worker in the browser)
//! reads the files and hands their bytes over one at a time.
//!
//! ```text
//!  file bytes ──► input::unpack_each ──► aggregate / failure / tls ──► FileResult ──► Batch
//!               (gzip, zip, .eml,          (each document parsed      (per file,     (compact
//!                mbox, limits)              as soon as it is found)    never fatal)   table, summary)
//! ```
//!
//! * [`read_file`] turns one file into a [`FileResult`]: its status, its error if it is
//!   broken, and every report it carries. A broken file never stops the others.
//! * [`Batch`] folds results in file by file, keeping aggregate records in a compact
//!   table (about a tenth of the XML's size), so that only the file being read exists
//!   in full; [`Batch::summary`] analyses them together ([`summary::Summary`]).
//! * [`read_files`] reads a list of files, calling a progress callback per file.

pub mod aggregate;
pub mod batch;
pub mod failure;
pub mod filter;
pub mod finding;
pub mod input;
pub mod summary;
pub mod tls;

use serde::Serialize;

pub use aggregate::AggregateReport;
pub use batch::Batch;
pub use failure::FailureReport;
pub use finding::Finding;
pub use tls::TlsReport;

/// Limits against decompression bombs and archives built to exhaust memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// Largest total of bytes produced by decompressing one input file.
    pub max_expanded: usize,
    /// Largest size of one decompressed member (a gzip stream or a zip entry).
    pub max_member: usize,
    /// Most entries read from one zip archive.
    pub max_members: usize,
    /// Deepest nesting of containers (a zip in a gzip in a message…).
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_expanded: 200 * 1024 * 1024,
            max_member: 100 * 1024 * 1024,
            max_members: 1000,
            max_depth: 5,
        }
    }
}

/// One report read from a file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Report {
    /// A DMARC aggregate report (`rua`).
    Aggregate(AggregateReport),
    /// A DMARC failure (forensic) report (`ruf`).
    Failure(FailureReport),
    /// An SMTP TLS report (`TLS-RPT`).
    Tls(TlsReport),
}

/// The few facts every kind of report has, for lists and the CLI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Overview {
    /// `aggregate`, `failure` or `tls`.
    pub kind: input::DocumentKind,
    /// Reporting organisation (failure reports: the sender of the report).
    pub org_name: String,
    /// Report ID (failure reports: the report's Message-ID).
    pub report_id: String,
    /// Domain the report is about.
    pub policy_domain: String,
    /// Start of the period, UNIX seconds (failure reports: arrival date).
    pub begin: Option<i64>,
    /// End of the period, UNIX seconds.
    pub end: Option<i64>,
    /// Records (TLS: policies; failure: 1).
    pub records: usize,
    /// Messages (TLS: sessions; failure: 1).
    pub messages: u64,
}

impl Overview {
    /// The overview of an aggregate report with `records` records and `messages`
    /// messages (given apart: a stored report keeps its records elsewhere).
    pub(crate) fn of_aggregate(a: &AggregateReport, records: usize, messages: u64) -> Overview {
        let secs = |v: u64| Some(i64::try_from(v).unwrap_or(i64::MAX));
        Overview {
            kind: input::DocumentKind::Aggregate,
            org_name: a.org_name.clone(),
            report_id: a.report_id.clone(),
            policy_domain: a.policy.domain.clone(),
            begin: secs(a.begin),
            end: secs(a.end),
            records,
            messages,
        }
    }

    pub(crate) fn of_failure(f: &FailureReport) -> Overview {
        Overview {
            kind: input::DocumentKind::Failure,
            org_name: f.reporter.clone().unwrap_or_default(),
            report_id: f.report_message_id.clone().unwrap_or_default(),
            policy_domain: f.reported_domain.clone().unwrap_or_default(),
            begin: f.arrival_date,
            end: f.arrival_date,
            records: 1,
            messages: 1,
        }
    }

    pub(crate) fn of_tls(t: &TlsReport) -> Overview {
        Overview {
            kind: input::DocumentKind::Tls,
            org_name: t.organization_name.clone(),
            report_id: t.report_id.clone(),
            policy_domain: t
                .policies
                .first()
                .map(|p| p.policy_domain.clone())
                .unwrap_or_default(),
            begin: t.begin,
            end: t.end,
            records: t.policies.len(),
            messages: t.sessions(),
        }
    }
}

impl Report {
    /// The report's overview.
    pub fn overview(&self) -> Overview {
        match self {
            Report::Aggregate(a) => Overview::of_aggregate(a, a.records.len(), a.messages()),
            Report::Failure(f) => Overview::of_failure(f),
            Report::Tls(t) => Overview::of_tls(t),
        }
    }
}

/// Whether a file could be read entirely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileStatus {
    /// Every report in the file was read.
    Ok,
    /// The file, or a part of it, could not be read; see [`FileResult::error`].
    Error,
}

/// What one input file gave.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileResult {
    /// The file's name, as given by the caller.
    pub name: String,
    /// `ok`, or `error` when [`FileResult::error`] is set.
    pub status: FileStatus,
    /// Why the file (or one of its parts) could not be read.
    pub error: Option<ReportError>,
    /// The reports read, in the order found (some may have been read before an error).
    pub reports: Vec<Report>,
    /// Notes on how the file was read (trailing bytes, skipped parts…).
    pub findings: Vec<Finding>,
}

/// Why a file, or a document inside it, cannot be read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The file is empty.
    Empty,
    /// Neither XML, JSON, gzip, zip nor a mail message.
    UnknownFormat,
    /// Decompressing the file would produce more than [`Limits::max_expanded`] bytes.
    TooLarge {
        /// The limit, bytes.
        limit: usize,
    },
    /// One decompressed member is larger than [`Limits::max_member`].
    MemberTooLarge {
        /// The member (zip entry name, or `gzip`).
        member: String,
        /// The limit, bytes.
        limit: usize,
    },
    /// A zip archive has more entries than [`Limits::max_members`].
    TooManyMembers {
        /// Entries in the archive.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Containers are nested deeper than [`Limits::max_depth`].
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// The gzip data is corrupt or truncated.
    Gzip {
        /// The decompressor's message.
        detail: String,
    },
    /// The zip archive is corrupt, encrypted or uses an unsupported compression.
    Zip {
        /// The archive reader's message.
        detail: String,
    },
    /// The XML is not well-formed.
    Xml {
        /// Line (from 1).
        line: usize,
        /// Column (from 1, in characters).
        column: usize,
        /// The XML parser's message.
        detail: String,
    },
    /// The XML ends before the report is closed.
    Truncated,
    /// XML, but not a DMARC aggregate report (no `<feedback>` element).
    NotAggregate,
    /// The JSON is not valid.
    Json {
        /// Line (from 1).
        line: usize,
        /// Column (from 1).
        column: usize,
        /// The JSON parser's message.
        detail: String,
    },
    /// JSON, but not an SMTP TLS report (no `policies` or `organization-name`).
    NotTls,
    /// A mail message that carries no report (no attachment or ARF part found).
    NoReportInMessage,
    /// The mail message could not be parsed.
    BadMessage,
}

impl ReportError {
    /// Stable `snake_case` identifier, used in JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::Empty => "empty",
            ReportError::UnknownFormat => "unknown_format",
            ReportError::TooLarge { .. } => "too_large",
            ReportError::MemberTooLarge { .. } => "member_too_large",
            ReportError::TooManyMembers { .. } => "too_many_members",
            ReportError::TooDeep { .. } => "too_deep",
            ReportError::Gzip { .. } => "gzip",
            ReportError::Zip { .. } => "zip",
            ReportError::Xml { .. } => "xml",
            ReportError::Truncated => "truncated",
            ReportError::NotAggregate => "not_aggregate",
            ReportError::Json { .. } => "json",
            ReportError::NotTls => "not_tls",
            ReportError::NoReportInMessage => "no_report_in_message",
            ReportError::BadMessage => "bad_message",
        }
    }
}

impl Serialize for ReportError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use crate::i18n::Translate;
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ReportError", 2)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("message", &self.text(crate::i18n::json_lang()))?;
        st.end()
    }
}

/// Where a batch stands, given to the progress callback after each file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Files read so far.
    pub done: usize,
    /// Files in the batch.
    pub total: usize,
}

/// Reads one file: detects its format from its content, unpacks it within `limits`
/// and parses every report in it. Never panics, whatever the bytes.
pub fn read_file(name: &str, bytes: &[u8], limits: &Limits) -> FileResult {
    let mut result = FileResult {
        name: name.to_string(),
        status: FileStatus::Ok,
        error: None,
        reports: Vec::new(),
        findings: Vec::new(),
    };
    // Each document is parsed as soon as it is unpacked, straight from the input or
    // the decompressed member: nothing is copied.
    let mut error = None;
    let mut reports = Vec::new();
    let outcome = input::unpack_each(bytes, limits, &mut |kind, doc| {
        let parsed = match kind {
            input::DocumentKind::Aggregate => aggregate::parse(doc).map(Report::Aggregate),
            input::DocumentKind::Tls => tls::parse(doc).map(Report::Tls),
            input::DocumentKind::Failure => failure::parse(doc).map(Report::Failure),
        };
        match parsed {
            Ok(r) => reports.push(r),
            Err(e) => {
                if error.is_none() {
                    error = Some(e);
                }
            }
        }
    });
    result.reports = reports;
    result.findings = outcome.findings;
    // An unpacking error comes first (it was met first or stopped the reading).
    let mut error = outcome.error.or(error);
    if error.is_none() && result.reports.is_empty() {
        error = Some(ReportError::UnknownFormat);
    }
    if let Some(e) = error {
        result.status = FileStatus::Error;
        result.error = Some(e);
    }
    result
}

/// Reads several files in order, calling `progress` after each one.
pub fn read_files<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    limits: &Limits,
    mut progress: impl FnMut(Progress, &FileResult),
) -> Vec<FileResult> {
    let files: Vec<_> = files.into_iter().collect();
    let total = files.len();
    let mut out = Vec::with_capacity(total);
    for (i, (name, bytes)) in files.into_iter().enumerate() {
        let r = read_file(name, bytes, limits);
        progress(Progress { done: i + 1, total }, &r);
        out.push(r);
    }
    out
}

/// Lower-cases and trims a value read from a report (`"Pass "` → `"pass"`).
pub(crate) fn norm(value: &str) -> String {
    value.trim().to_ascii_lowercase()
}

/// A domain as written in a report, normalised (trimmed, lower case, no final dot).
pub(crate) fn norm_domain(value: &str) -> String {
    let v = value.trim().trim_end_matches('.').to_ascii_lowercase();
    // Some reporters write an address where a domain is expected.
    match v.rsplit_once('@') {
        Some((_, d)) => d.to_string(),
        None => v,
    }
}

/// Words of the report views (CLI text, UI headings). Text: `i18n/{en,fr}/reports.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    /// Files.
    Files,
    /// Aggregate reports.
    Reports,
    /// Records.
    Records,
    /// Messages.
    Messages,
    /// Messages passing DMARC.
    DmarcPass,
    /// Duplicate reports left out.
    Duplicates,
    /// Per-source table heading.
    Sources,
    /// Per-reporter table heading.
    Reporters,
    /// Failure reports.
    FailureReports,
    /// TLS reports.
    TlsReports,
    /// TLS sessions (failed / all).
    TlsSessions,
    /// Next steps heading.
    NextSteps,
    /// File status: read.
    StatusOk,
    /// File status: error.
    StatusError,
    /// Kind of report: aggregate.
    KindAggregate,
    /// Kind of report: failure.
    KindFailure,
    /// Kind of report: TLS.
    KindTls,
}

/// One file as the CLI prints it and the web app shows it: status, error, findings
/// (the file's and its aggregate reports') and an overview of each report.
#[derive(Serialize)]
pub struct FileView<'a> {
    /// File name.
    pub name: &'a str,
    /// `ok` or `error`.
    pub status: FileStatus,
    /// Why it could not be read.
    pub error: Option<&'a ReportError>,
    /// What was noticed.
    pub findings: Vec<&'a Finding>,
    /// One overview per report in the file.
    pub reports: Vec<Overview>,
}

impl<'a> FileView<'a> {
    /// The view of a stored file, with the reports `filter` keeps.
    pub fn of(batch: &'a Batch, f: &'a batch::StoredFile, filter: &filter::Filter) -> Self {
        let kept: Vec<&batch::StoredReport> = f
            .reports
            .iter()
            .filter(|r| filter.keeps(batch, r))
            .collect();
        FileView {
            name: &f.name,
            status: f.status,
            error: f.error.as_ref(),
            findings: f
                .findings
                .iter()
                .chain(kept.iter().flat_map(|r| match r {
                    batch::StoredReport::Aggregate(i) => {
                        batch.aggregates()[*i].report.findings.as_slice()
                    }
                    _ => &[],
                }))
                .collect(),
            reports: kept.iter().map(|r| batch.overview(r)).collect(),
        }
    }
}

/// The batch as JSON, in `lang`: `files` (see [`FileView`], narrowed by `filter`) and
/// the summary's fields.
pub fn batch_json(
    batch: &Batch,
    filter: &filter::Filter,
    summary: &summary::Summary,
    lang: crate::i18n::Lang,
) -> String {
    #[derive(Serialize)]
    struct Output<'a> {
        files: Vec<FileView<'a>>,
        #[serde(flatten)]
        summary: &'a summary::Summary,
    }
    crate::i18n::to_json(
        &Output {
            files: batch
                .files()
                .iter()
                .map(|f| FileView::of(batch, f, filter))
                .collect(),
            summary,
        },
        lang,
    )
}

/// How much of a batch the page shows at once. Exports and the CLI have everything;
/// the page gets the largest or first items of each long list and the list's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageCaps {
    /// Files listed (those with an error first).
    pub files: usize,
    /// Sources (the summary's order: most messages first).
    pub sources: usize,
    /// Records where the reporter's evaluation disagrees (most messages first).
    pub disagreements: usize,
    /// Findings of one kind (a batch can repeat one kind thousands of times).
    pub findings_per_kind: usize,
    /// Unaligned DKIM sources of the what-if.
    pub unaligned: usize,
    /// Failure reports (the latest first).
    pub failures: usize,
    /// TLS report policies (most failures first).
    pub tls: usize,
}

impl Default for PageCaps {
    fn default() -> Self {
        PageCaps {
            files: 200,
            sources: 1000,
            disagreements: 100,
            findings_per_kind: 5,
            unaligned: 10,
            failures: 100,
            tls: 100,
        }
    }
}

/// The batch for the page, in `lang`: [`batch_json`]'s fields with each long list cut
/// to `caps`, and the full lengths beside them (`files_total`, `sources_total`,
/// `disagreements_total`, `findings_total`, `failures_total`, `tls_total`), so the
/// page can say what it leaves out.
pub fn page_json(
    batch: &Batch,
    filter: &filter::Filter,
    mut summary: summary::Summary,
    caps: &PageCaps,
    lang: crate::i18n::Lang,
) -> String {
    use crate::findings::Finding as _;
    #[derive(Serialize)]
    struct Output<'a> {
        files: Vec<FileView<'a>>,
        files_total: usize,
        sources_total: usize,
        disagreements_total: usize,
        findings_total: usize,
        failures_total: usize,
        tls_total: usize,
        #[serde(flatten)]
        summary: &'a summary::Summary,
    }
    let (broken, read): (Vec<&batch::StoredFile>, Vec<&batch::StoredFile>) = batch
        .files()
        .iter()
        .partition(|f| f.status == FileStatus::Error);
    let files = broken
        .into_iter()
        .chain(read)
        .take(caps.files)
        .map(|f| FileView::of(batch, f, filter))
        .collect();
    let sources_total = summary.sources.len();
    summary.sources.truncate(caps.sources);
    let disagreements_total = summary.disagreements.len();
    summary
        .disagreements
        .sort_by_key(|d| std::cmp::Reverse(d.messages));
    summary.disagreements.truncate(caps.disagreements);
    summary
        .what_if
        .dkim_unaligned_sources
        .truncate(caps.unaligned);
    let failures_total = summary.failures.len();
    summary.failures.truncate(caps.failures);
    let tls_total = summary.tls.len();
    summary.tls.truncate(caps.tls);
    let findings_total = summary.findings.len();
    let mut per_kind: std::collections::HashMap<&'static str, usize> = Default::default();
    summary.findings.retain(|f| {
        let n = per_kind.entry(f.code()).or_default();
        *n += 1;
        *n <= caps.findings_per_kind
    });
    crate::i18n::to_json(
        &Output {
            files,
            files_total: batch.files().len(),
            sources_total,
            disagreements_total,
            findings_total,
            failures_total,
            tls_total,
            summary: &summary,
        },
        lang,
    )
}

#[cfg(test)]
mod tests;
