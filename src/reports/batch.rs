//! The reports of a batch, kept compactly while more files come in.
//!
//! A parsed aggregate record holds a dozen strings (about 1.5 KB with their heap
//! blocks); a batch of hundreds of megabytes holds hundreds of thousands of them. The
//! [`Batch`] keeps each report's metadata as parsed, but moves its records into one
//! table of fixed-size rows whose texts (addresses, domains, results, selectors) are
//! interned: each distinct text is stored once and a row points to it with a 4-byte
//! [`Sym`]. A row is 48 bytes, plus 20 per raw DKIM/SPF result or reason.
//!
//! The file being read is the only one whose bytes and parsed records exist in full:
//! [`Batch::add`] reads it, folds it in, and lets it go. Views are computed from the
//! table ([`Batch::summary`], [`Batch::records_of`], [`Batch::records_csv`]), and a
//! record is rebuilt as an [`aggregate::Record`] only when it is shown.

use std::collections::HashMap;
use std::sync::Arc;

use super::aggregate::{AggregateReport, DkimAuth, Reason, Record, SpfAuth};
use super::filter::Filter;
use super::{
    FailureReport, FileResult, FileStatus, Finding, Limits, Overview, Report, ReportError,
    TlsReport,
};

/// An interned text: an index into the batch's string table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

impl Sym {
    /// No value (an absent optional element).
    const NONE: Sym = Sym(u32::MAX);
}

/// Each distinct text once.
#[derive(Debug, Default)]
struct Interner {
    texts: Vec<Arc<str>>,
    index: HashMap<Arc<str>, u32>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> Sym {
        if let Some(&i) = self.index.get(text) {
            return Sym(i);
        }
        let i = u32::try_from(self.texts.len()).unwrap_or(u32::MAX - 1);
        let text: Arc<str> = Arc::from(text);
        self.texts.push(text.clone());
        self.index.insert(text, i);
        Sym(i)
    }

    fn opt(&mut self, text: Option<&str>) -> Sym {
        text.map_or(Sym::NONE, |t| self.intern(t))
    }

    fn get(&self, s: Sym) -> &str {
        self.texts.get(s.0 as usize).map_or("", |t| t)
    }

    fn get_opt(&self, s: Sym) -> Option<&str> {
        (s != Sym::NONE).then(|| self.get(s))
    }
}

/// One aggregate record, its texts interned.
#[derive(Clone, Copy, Debug)]
struct Row {
    ip: Sym,
    count: u64,
    disposition: Sym,
    dkim: Sym,
    spf: Sym,
    header_from: Sym,
    envelope_from: Sym,
    envelope_to: Sym,
    /// First of the row's entries in [`Batch::auth`].
    auth: u32,
    /// How many entries.
    auth_len: u32,
}

/// A raw result or an override reason of a row.
#[derive(Clone, Copy, Debug)]
enum Auth {
    Dkim {
        domain: Sym,
        selector: Sym,
        result: Sym,
        human: Sym,
    },
    Spf {
        domain: Sym,
        scope: Sym,
        result: Sym,
        human: Sym,
    },
    Reason {
        kind: Sym,
        comment: Sym,
    },
}

/// One aggregate report: its metadata as parsed (without records) and where its
/// records are in the table.
#[derive(Clone, Debug)]
pub struct StoredAggregate {
    /// The report; its `records` are in the batch's table, so this list is empty.
    pub report: AggregateReport,
    /// Records in the report.
    pub records: usize,
    /// Messages in the report (sum of the record counts).
    pub messages: u64,
    /// Another report with the same organisation and ID came first: this one counts
    /// for nothing, and its records are not stored.
    pub duplicate: bool,
    rows: std::ops::Range<u32>,
}

/// One report of a stored file.
#[derive(Clone, Debug)]
pub enum StoredReport {
    /// An aggregate report: an index into [`Batch::aggregates`].
    Aggregate(usize),
    /// A failure report, as parsed.
    Failure(Box<FailureReport>),
    /// A TLS report, as parsed.
    Tls(Box<TlsReport>),
}

/// What one file gave, its aggregate records moved into the table.
#[derive(Clone, Debug)]
pub struct StoredFile {
    /// The file's name.
    pub name: String,
    /// `ok`, or `error` when [`StoredFile::error`] is set.
    pub status: FileStatus,
    /// Why the file (or a part of it) could not be read.
    pub error: Option<ReportError>,
    /// Notes on how the file was read.
    pub findings: Vec<Finding>,
    /// Its reports, in the order found.
    pub reports: Vec<StoredReport>,
}

/// One record of the table, borrowed: the texts as `&str`, the raw results on demand.
#[derive(Clone, Copy)]
pub struct RecordRef<'a> {
    batch: &'a Batch,
    row: &'a Row,
}

/// A raw DKIM result of a [`RecordRef`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DkimRef<'a> {
    /// Signing domain.
    pub domain: &'a str,
    /// Selector.
    pub selector: Option<&'a str>,
    /// Result.
    pub result: &'a str,
}

/// A raw SPF result of a [`RecordRef`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpfRef<'a> {
    /// Domain checked.
    pub domain: &'a str,
    /// `mfrom` or `helo`.
    pub scope: Option<&'a str>,
    /// Result.
    pub result: &'a str,
}

impl<'a> RecordRef<'a> {
    fn text(&self, s: Sym) -> &'a str {
        self.batch.strings.get(s)
    }

    /// Sending IP address, as written.
    pub fn source_ip(&self) -> &'a str {
        self.text(self.row.ip)
    }

    /// Number of messages.
    pub fn count(&self) -> u64 {
        self.row.count
    }

    /// `none`, `quarantine`, `reject` (or empty).
    pub fn disposition(&self) -> &'a str {
        self.text(self.row.disposition)
    }

    /// Policy-evaluated DKIM result.
    pub fn dkim(&self) -> &'a str {
        self.text(self.row.dkim)
    }

    /// Policy-evaluated SPF result.
    pub fn spf(&self) -> &'a str {
        self.text(self.row.spf)
    }

    /// RFC5322.From domain.
    pub fn header_from(&self) -> &'a str {
        self.text(self.row.header_from)
    }

    /// RFC5321.MailFrom domain.
    pub fn envelope_from(&self) -> Option<&'a str> {
        self.batch.strings.get_opt(self.row.envelope_from)
    }

    /// True when the reporter found DKIM or SPF aligned and passing.
    pub fn dmarc_pass(&self) -> bool {
        self.dkim() == "pass" || self.spf() == "pass"
    }

    fn entries(&self) -> &'a [Auth] {
        let start = self.row.auth as usize;
        self.batch
            .auth
            .get(start..start + self.row.auth_len as usize)
            .unwrap_or(&[])
    }

    /// Raw DKIM results.
    pub fn dkim_results(&self) -> impl Iterator<Item = DkimRef<'a>> + 'a {
        let strings = &self.batch.strings;
        self.entries().iter().filter_map(move |a| match *a {
            Auth::Dkim {
                domain,
                selector,
                result,
                ..
            } => Some(DkimRef {
                domain: strings.get(domain),
                selector: strings.get_opt(selector),
                result: strings.get(result),
            }),
            _ => None,
        })
    }

    /// Raw SPF results.
    pub fn spf_results(&self) -> impl Iterator<Item = SpfRef<'a>> + 'a {
        let strings = &self.batch.strings;
        self.entries().iter().filter_map(move |a| match *a {
            Auth::Spf {
                domain,
                scope,
                result,
                ..
            } => Some(SpfRef {
                domain: strings.get(domain),
                scope: strings.get_opt(scope),
                result: strings.get(result),
            }),
            _ => None,
        })
    }

    /// The record as parsed.
    pub fn to_record(&self) -> Record {
        let s = &self.batch.strings;
        let own = |x: Sym| s.get(x).to_string();
        let own_opt = |x: Sym| s.get_opt(x).map(str::to_string);
        let mut r = Record {
            source_ip: own(self.row.ip),
            count: self.row.count,
            disposition: own(self.row.disposition),
            dkim: own(self.row.dkim),
            spf: own(self.row.spf),
            reasons: Vec::new(),
            header_from: own(self.row.header_from),
            envelope_from: own_opt(self.row.envelope_from),
            envelope_to: own_opt(self.row.envelope_to),
            dkim_results: Vec::new(),
            spf_results: Vec::new(),
        };
        for a in self.entries() {
            match *a {
                Auth::Dkim {
                    domain,
                    selector,
                    result,
                    human,
                } => r.dkim_results.push(DkimAuth {
                    domain: own(domain),
                    selector: own_opt(selector),
                    result: own(result),
                    human_result: own_opt(human),
                }),
                Auth::Spf {
                    domain,
                    scope,
                    result,
                    human,
                } => r.spf_results.push(SpfAuth {
                    domain: own(domain),
                    scope: own_opt(scope),
                    result: own(result),
                    human_result: own_opt(human),
                }),
                Auth::Reason { kind, comment } => r.reasons.push(Reason {
                    kind: own(kind),
                    comment: own_opt(comment),
                }),
            }
        }
        r
    }
}

/// The reports read so far, file by file, for a caller that receives files one at a
/// time (the CLI, or a Web Worker posting progress after each file).
#[derive(Debug, Default)]
pub struct Batch {
    files: Vec<StoredFile>,
    aggregates: Vec<StoredAggregate>,
    rows: Vec<Row>,
    auth: Vec<Auth>,
    strings: Interner,
    /// (organisation in lower case, report ID) → the first report with them.
    seen: HashMap<(String, String), usize>,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Self {
        Batch::default()
    }

    /// A batch of results read elsewhere.
    pub fn from_results(results: impl IntoIterator<Item = FileResult>) -> Self {
        let mut b = Batch::new();
        for r in results {
            b.push(r);
        }
        b
    }

    /// Reads one more file and keeps what it gave; returns its status.
    pub fn add(&mut self, name: &str, bytes: &[u8], limits: &Limits) -> FileStatus {
        self.push(super::read_file(name, bytes, limits))
    }

    /// Keeps a result read elsewhere; returns its status.
    pub fn push(&mut self, result: FileResult) -> FileStatus {
        let FileResult {
            name,
            status,
            error,
            reports,
            findings,
        } = result;
        let reports = reports
            .into_iter()
            .map(|r| match r {
                Report::Aggregate(a) => StoredReport::Aggregate(self.store(a)),
                Report::Failure(f) => StoredReport::Failure(Box::new(f)),
                Report::Tls(t) => StoredReport::Tls(Box::new(t)),
            })
            .collect();
        self.files.push(StoredFile {
            name,
            status,
            error,
            findings,
            reports,
        });
        status
    }

    fn store(&mut self, mut report: AggregateReport) -> usize {
        let index = self.aggregates.len();
        let records = std::mem::take(&mut report.records);
        let key = (report.org_name.to_lowercase(), report.report_id.clone());
        let duplicate = !report.report_id.is_empty() && self.seen.contains_key(&key);
        if !duplicate && !report.report_id.is_empty() {
            self.seen.insert(key, index);
        }
        let start = self.row_index();
        if !duplicate {
            for r in &records {
                self.store_record(r);
            }
        }
        self.aggregates.push(StoredAggregate {
            records: records.len(),
            messages: records.iter().map(|r| r.count).sum(),
            duplicate,
            rows: start..self.row_index(),
            report,
        });
        index
    }

    fn row_index(&self) -> u32 {
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX)
    }

    fn store_record(&mut self, r: &Record) {
        let s = &mut self.strings;
        let auth = u32::try_from(self.auth.len()).unwrap_or(u32::MAX);
        for d in &r.dkim_results {
            self.auth.push(Auth::Dkim {
                domain: s.intern(&d.domain),
                selector: s.opt(d.selector.as_deref()),
                result: s.intern(&d.result),
                human: s.opt(d.human_result.as_deref()),
            });
        }
        for x in &r.spf_results {
            self.auth.push(Auth::Spf {
                domain: s.intern(&x.domain),
                scope: s.opt(x.scope.as_deref()),
                result: s.intern(&x.result),
                human: s.opt(x.human_result.as_deref()),
            });
        }
        for x in &r.reasons {
            self.auth.push(Auth::Reason {
                kind: s.intern(&x.kind),
                comment: s.opt(x.comment.as_deref()),
            });
        }
        let auth_len = u32::try_from(self.auth.len()).unwrap_or(u32::MAX) - auth;
        self.rows.push(Row {
            ip: s.intern(&r.source_ip),
            count: r.count,
            disposition: s.intern(&r.disposition),
            dkim: s.intern(&r.dkim),
            spf: s.intern(&r.spf),
            header_from: s.intern(&r.header_from),
            envelope_from: s.opt(r.envelope_from.as_deref()),
            envelope_to: s.opt(r.envelope_to.as_deref()),
            auth,
            auth_len,
        });
    }

    /// The files, in the order they were added.
    pub fn files(&self) -> &[StoredFile] {
        &self.files
    }

    /// Every aggregate report, duplicates included.
    pub fn aggregates(&self) -> &[StoredAggregate] {
        &self.aggregates
    }

    /// The records of an aggregate report (none for a duplicate).
    pub fn records<'a>(&'a self, a: &'a StoredAggregate) -> impl Iterator<Item = RecordRef<'a>> {
        let range = a.rows.start as usize..a.rows.end as usize;
        self.rows
            .get(range)
            .unwrap_or(&[])
            .iter()
            .map(move |row| RecordRef { batch: self, row })
    }

    /// The overview of a stored report.
    pub fn overview(&self, r: &StoredReport) -> Overview {
        match r {
            StoredReport::Aggregate(i) => {
                let a = &self.aggregates[*i];
                Overview::of_aggregate(&a.report, a.records, a.messages)
            }
            StoredReport::Failure(f) => Overview::of_failure(f),
            StoredReport::Tls(t) => Overview::of_tls(t),
        }
    }

    /// The batch analysis of every report read so far.
    pub fn summary(&self) -> super::summary::Summary {
        super::summary::summarize_batch(self, &Filter::default())
    }

    /// The batch analysis of the reports `filter` keeps.
    pub fn summary_of(&self, filter: &Filter) -> super::summary::Summary {
        super::summary::summarize_batch(self, filter)
    }

    /// Bytes held by the record table (rows, results, texts), for the benchmarks.
    pub fn table_bytes(&self) -> usize {
        self.rows.capacity() * std::mem::size_of::<Row>()
            + self.auth.capacity() * std::mem::size_of::<Auth>()
            + self
                .strings
                .texts
                .iter()
                .map(|t| t.len() + 16 + 2 * std::mem::size_of::<Arc<str>>() + 4)
                .sum::<usize>()
    }
}
