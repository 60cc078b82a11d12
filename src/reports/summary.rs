//! Batch analysis of the reports read: totals, days, reporters, sources, alignment
//! re-checked from the raw results, what `p=reject` would do, the way to enforcement,
//! and CSV/JSON exports.
//!
//! Identical aggregate reports (same organisation and report ID, e.g. delivered twice
//! or to two addresses) count once.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use super::aggregate::PolicyPublished;
use super::batch::{Batch, RecordRef, StoredAggregate, StoredReport};
use super::filter::Filter;
use super::{FileResult, FileStatus, Finding};
use crate::dmarc::evaluate::Mode;
use crate::i18n::Lang;

/// Messages by result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ResultCounts {
    /// Passed.
    pub pass: u64,
    /// Failed.
    pub fail: u64,
    /// Anything else or missing.
    pub other: u64,
}

impl ResultCounts {
    fn add(&mut self, result: &str, n: u64) {
        match result {
            "pass" => self.pass += n,
            "fail" => self.fail += n,
            _ => self.other += n,
        }
    }
}

/// Messages by which DMARC mechanism passed aligned, as the reporters evaluated it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AlignmentBreakdown {
    /// DKIM and SPF both aligned and passing.
    pub both: u64,
    /// Only DKIM.
    pub dkim_only: u64,
    /// Only SPF.
    pub spf_only: u64,
    /// Neither: DMARC fails.
    pub neither: u64,
}

/// Batch totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Files given.
    pub files: usize,
    /// Files with an error.
    pub files_with_errors: usize,
    /// Distinct aggregate reports.
    pub reports: usize,
    /// Aggregate reports left out as duplicates.
    pub duplicates: usize,
    /// Records in the distinct aggregate reports.
    pub records: usize,
    /// Messages (sum of record counts).
    pub messages: u64,
    /// Messages passing DMARC (policy-evaluated DKIM or SPF pass).
    pub dmarc_pass: u64,
    /// Messages by policy-evaluated (aligned) DKIM result.
    pub dkim: ResultCounts,
    /// Messages by policy-evaluated (aligned) SPF result.
    pub spf: ResultCounts,
    /// Messages by aligned mechanism.
    pub alignment: AlignmentBreakdown,
    /// Failure reports read.
    pub failure_reports: usize,
    /// SMTP TLS reports read.
    pub tls_reports: usize,
    /// TLS sessions counted, successful and failed.
    pub tls_sessions: u64,
    /// TLS sessions that failed.
    pub tls_failed_sessions: u64,
}

/// Messages on one day (UTC), a report's messages spread evenly over its period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Messages.
    pub messages: u64,
    /// Messages passing DMARC.
    pub dmarc_pass: u64,
}

/// One reporting organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reporter {
    /// Organisation name (may be empty when the reporter left it out).
    pub org_name: String,
    /// Contact address.
    pub email: String,
    /// Distinct reports.
    pub reports: usize,
    /// Records.
    pub records: usize,
    /// Messages.
    pub messages: u64,
    /// Messages passing DMARC.
    pub dmarc_pass: u64,
}

/// Messages for one authenticated domain and result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DomainResult {
    /// Domain (empty when the reporter gave none).
    pub domain: String,
    /// Result.
    pub result: String,
    /// Messages.
    pub messages: u64,
}

/// One sending IP address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The address, as reported.
    pub ip: String,
    /// Reverse DNS name (the page looks it up over DoH; the core leaves it empty).
    pub ptr: Option<String>,
    /// Organisational domain of the PTR name, to group sources by operator.
    pub base_domain: Option<String>,
    /// Messages.
    pub messages: u64,
    /// Messages passing DMARC.
    pub dmarc_pass: u64,
    /// Messages by disposition (`none`, `quarantine`, `reject`).
    pub dispositions: BTreeMap<String, u64>,
    /// `header_from` domains seen.
    pub header_from: Vec<String>,
    /// Raw DKIM results by domain.
    pub dkim: Vec<DomainResult>,
    /// Raw SPF results by domain.
    pub spf: Vec<DomainResult>,
}

/// A record where the reporter's policy evaluation differs from the alignment
/// Sceau computes from the record's own raw results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// Reporter.
    pub org_name: String,
    /// Report.
    pub report_id: String,
    /// Source.
    pub source_ip: String,
    /// `header_from`.
    pub header_from: String,
    /// `dkim` or `spf`.
    pub method: &'static str,
    /// What the reporter wrote in `policy_evaluated`.
    pub reported: String,
    /// What the raw results give (`pass` or `fail`).
    pub recomputed: String,
    /// Messages in the record.
    pub messages: u64,
}

/// A failing source that passes DKIM with a domain not aligned with the From domain:
/// most likely a legitimate service (newsletter, CRM, ticketing) to configure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnalignedSource {
    /// Source address.
    pub ip: String,
    /// The DKIM domain that passed.
    pub dkim_domain: String,
    /// The `header_from` domain.
    pub header_from: String,
    /// Messages.
    pub messages: u64,
}

/// What `p=reject` would have done to the messages reported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WhatIf {
    /// Messages failing DMARC, which `p=reject` would reject.
    pub rejected_messages: u64,
    /// Distinct sources of those messages.
    pub rejected_sources: usize,
    /// Of those messages, how many pass DKIM with an unaligned domain.
    pub dkim_unaligned_messages: u64,
    /// The sources behind them, most messages first.
    pub dkim_unaligned_sources: Vec<UnalignedSource>,
    /// Of the failing messages, how many the receivers already rejected.
    pub already_rejected: u64,
}

/// One failure report, as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FailureRow {
    /// Who sent the report.
    pub reporter: String,
    /// When the failing message arrived, UNIX seconds.
    pub arrival_date: Option<i64>,
    /// The failing message's source address.
    pub source_ip: String,
    /// The domain the report is about.
    pub reported_domain: String,
    /// The failing message's envelope sender.
    pub original_mail_from: String,
    /// What failed (`dkim`, `spf`, `dmarc`…).
    pub auth_failure: Vec<String>,
    /// DKIM signing domain, with the selector, when given (`d=`, `s=`).
    pub dkim_domain: String,
    /// Selector.
    pub dkim_selector: String,
    /// What the receiver did (`reject`, `spam`, `delivered`…).
    pub delivery_result: String,
}

/// One policy of one SMTP TLS report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TlsRow {
    /// Reporting organisation.
    pub reporter: String,
    /// Start of the period, UNIX seconds.
    pub begin: Option<i64>,
    /// The policy's domain.
    pub policy_domain: String,
    /// `sts`, `tlsa` or `no-policy-found`.
    pub policy_type: String,
    /// Sessions that negotiated TLS as the policy requires.
    pub successful: u64,
    /// Sessions that failed.
    pub failed: u64,
    /// Failed sessions by result type (`certificate-expired`, `starttls-not-supported`…).
    pub result_types: BTreeMap<String, u64>,
}

/// Batch analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Totals.
    pub totals: Totals,
    /// Messages per day.
    pub days: Vec<Day>,
    /// Per reporter, most messages first.
    pub reporters: Vec<Reporter>,
    /// Per source IP, most messages first.
    pub sources: Vec<Source>,
    /// Records where the reporter's evaluation disagrees with the raw results.
    pub disagreements: Vec<Disagreement>,
    /// What `p=reject` would do.
    pub what_if: WhatIf,
    /// Policy domains seen in the reports.
    pub policy_domains: Vec<String>,
    /// Failure reports, the latest first.
    pub failures: Vec<FailureRow>,
    /// Policies of the TLS reports, most failed sessions first.
    pub tls: Vec<TlsRow>,
    /// The next steps towards `p=reject`, in order.
    pub readiness: Vec<Finding>,
    /// Findings about the batch (duplicates, disagreements, what-if).
    pub findings: Vec<Finding>,
}

fn mode(v: Option<&str>) -> Mode {
    if v.is_some_and(|m| m.starts_with('s')) {
        Mode::Strict
    } else {
        Mode::Relaxed
    }
}

/// DMARC identifier alignment ([`crate::dmarc::evaluate::aligned`]) with the organisational domain of each
/// distinct text looked up once: a batch repeats the same few domains in every record.
#[derive(Default)]
pub(crate) struct Aligner<'a> {
    org: HashMap<&'a str, String>,
}

impl<'a> Aligner<'a> {
    fn cache(&mut self, domain: &'a str) {
        self.org
            .entry(domain)
            .or_insert_with(|| crate::dmarc::psl::organizational_domain(domain));
    }

    /// True when `a` and `b` are aligned in `mode`.
    pub(crate) fn aligned(&mut self, a: &'a str, b: &'a str, mode: Mode) -> bool {
        let same = a
            .trim()
            .trim_end_matches('.')
            .eq_ignore_ascii_case(b.trim().trim_end_matches('.'));
        match mode {
            Mode::Strict => same,
            Mode::Relaxed => {
                same || {
                    self.cache(a);
                    self.cache(b);
                    self.org.get(a) == self.org.get(b)
                }
            }
        }
    }

    /// Alignment recomputed from a record's raw results: (DKIM, SPF).
    pub(crate) fn recompute(
        &mut self,
        policy: &PolicyPublished,
        r: &RecordRef<'a>,
    ) -> (bool, bool) {
        let from = r.header_from();
        if from.is_empty() {
            return (false, false);
        }
        let dkim_mode = mode(policy.adkim.as_deref());
        let spf_mode = mode(policy.aspf.as_deref());
        let dkim = r.dkim_results().any(|d| {
            d.result == "pass" && !d.domain.is_empty() && self.aligned(d.domain, from, dkim_mode)
        });
        let spf = r.spf_results().any(|s| {
            s.result == "pass"
                && s.scope.is_none_or(|sc| sc == "mfrom")
                && !s.domain.is_empty()
                && self.aligned(s.domain, from, spf_mode)
        });
        (dkim, spf)
    }

    /// True when the record fails DMARC: by the reporter's evaluation, or, when the
    /// reporter gave none, by the recomputed alignment.
    fn fails(&mut self, policy: &PolicyPublished, r: &RecordRef<'a>) -> bool {
        if r.dkim().is_empty() && r.spf().is_empty() {
            let (d, s) = self.recompute(policy, r);
            !(d || s)
        } else {
            !r.dmarc_pass()
        }
    }
}

/// `YYYY-MM-DD` of a day number since 1970-01-01.
fn date_of_day(day: u64) -> String {
    crate::headers::date::utc_day(i64::try_from(day.saturating_mul(86_400)).unwrap_or(0))
}

/// Splits `n` over the days of `[begin, end]`, in proportion to the seconds each
/// day covers (an `end` at midnight belongs to the day before).
fn spread(begin: u64, end: u64, n: u64) -> Vec<(u64, u64)> {
    let end = if end > begin { end - 1 } else { begin };
    let (first, last) = (begin / 86_400, end / 86_400);
    if first == last || last - first > 366 {
        return vec![(first, n)];
    }
    let total = (end - begin + 1) as u128;
    let mut out = Vec::new();
    let mut given = 0u64;
    for day in first..=last {
        let lo = begin.max(day * 86_400);
        let hi = end.min(day * 86_400 + 86_399);
        let part = ((hi - lo + 1) as u128 * n as u128 / total) as u64;
        out.push((day, part));
        given += part;
    }
    // Rounding leftovers go to the first days.
    let mut left = n - given;
    for (_, v) in out.iter_mut() {
        if left == 0 {
            break;
        }
        *v += 1;
        left -= 1;
    }
    out
}

fn add_result(list: &mut Vec<DomainResult>, domain: &str, result: &str, n: u64) {
    match list
        .iter_mut()
        .find(|d| d.domain == domain && d.result == result)
    {
        Some(d) => d.messages += n,
        None => list.push(DomainResult {
            domain: domain.to_string(),
            result: result.to_string(),
            messages: n,
        }),
    }
}

/// Analyses a batch of file results (read elsewhere; they are copied into a [`Batch`]).
pub fn summarize(files: &[FileResult]) -> Summary {
    Batch::from_results(files.iter().cloned()).summary()
}

/// Analyses the reports of `batch` that `filter` keeps.
pub fn summarize_batch(batch: &Batch, filter: &Filter) -> Summary {
    let mut s = Summary::default();
    let t = &mut s.totals;
    t.files = batch.files().len();
    t.files_with_errors = batch
        .files()
        .iter()
        .filter(|f| f.status == FileStatus::Error)
        .count();
    let mut reports: Vec<&StoredAggregate> = Vec::new();
    for f in batch.files() {
        for r in f.reports.iter().filter(|r| filter.keeps(batch, r)) {
            match r {
                StoredReport::Aggregate(i) => {
                    let a = &batch.aggregates()[*i];
                    if a.duplicate {
                        s.totals.duplicates += 1;
                        s.findings.push(Finding::DuplicateReport {
                            org_name: a.report.org_name.clone(),
                            report_id: a.report.report_id.clone(),
                            file: f.name.clone(),
                        });
                        continue;
                    }
                    reports.push(a);
                }
                StoredReport::Failure(f) => {
                    s.totals.failure_reports += 1;
                    let own = |v: &Option<String>| v.clone().unwrap_or_default();
                    s.failures.push(FailureRow {
                        reporter: own(&f.reporter),
                        arrival_date: f.arrival_date,
                        source_ip: own(&f.source_ip),
                        reported_domain: own(&f.reported_domain),
                        original_mail_from: own(&f.original_mail_from),
                        auth_failure: f.auth_failure.clone(),
                        dkim_domain: own(&f.dkim_domain),
                        dkim_selector: own(&f.dkim_selector),
                        delivery_result: own(&f.delivery_result),
                    });
                }
                StoredReport::Tls(tls) => {
                    s.totals.tls_reports += 1;
                    for p in &tls.policies {
                        let mut result_types = BTreeMap::new();
                        for d in &p.failure_details {
                            *result_types.entry(d.result_type.clone()).or_default() +=
                                d.failed_session_count;
                        }
                        s.tls.push(TlsRow {
                            reporter: tls.organization_name.clone(),
                            begin: tls.begin,
                            policy_domain: p.policy_domain.clone(),
                            policy_type: p.policy_type.clone(),
                            successful: p.successful,
                            failed: p.failed,
                            result_types,
                        });
                    }
                    s.totals.tls_sessions += tls.sessions();
                    s.totals.tls_failed_sessions += tls.failed();
                    for p in tls.policies.iter().filter(|p| p.failed > 0) {
                        s.findings.push(Finding::TlsFailures {
                            policy_domain: p.policy_domain.clone(),
                            reporter: tls.organization_name.clone(),
                            failed: p.failed,
                            total: p.failed.saturating_add(p.successful),
                            result_types: p
                                .failure_details
                                .iter()
                                .map(|d| d.result_type.clone())
                                .collect::<BTreeSet<_>>()
                                .into_iter()
                                .collect(),
                        });
                    }
                }
            }
        }
    }
    let mut align = Aligner::default();
    let mut days: BTreeMap<u64, (u64, u64)> = BTreeMap::new();
    let mut reporters: BTreeMap<String, Reporter> = BTreeMap::new();
    let mut sources: HashMap<&str, Source> = HashMap::new();
    let mut domains = BTreeSet::new();
    let mut rejected_sources = HashSet::new();
    let mut unaligned: BTreeMap<(&str, &str, &str), u64> = BTreeMap::new();
    // Failing sources with a passing DKIM or SPF result (not aligned): likely
    // legitimate, to fix before enforcing.
    let mut legit: HashMap<&str, u64> = HashMap::new();
    for a in &reports {
        let policy = &a.report.policy;
        let t = &mut s.totals;
        t.reports += 1;
        t.records += a.records;
        if !policy.domain.is_empty() {
            domains.insert(policy.domain.clone());
        }
        let rep = reporters
            .entry(a.report.org_name.to_lowercase())
            .or_insert_with(|| Reporter {
                org_name: a.report.org_name.clone(),
                email: a.report.email.clone(),
                reports: 0,
                records: 0,
                messages: 0,
                dmarc_pass: 0,
            });
        rep.reports += 1;
        rep.records += a.records;
        let period = spread(a.report.begin, a.report.end, 1).len() > 1;
        for r in batch.records(a) {
            let n = r.count();
            let pass = !align.fails(policy, &r);
            let pass_n = if pass { n } else { 0 };
            t.messages += n;
            t.dmarc_pass += pass_n;
            t.dkim.add(r.dkim(), n);
            t.spf.add(r.spf(), n);
            match (r.dkim() == "pass", r.spf() == "pass") {
                (true, true) => t.alignment.both += n,
                (true, false) => t.alignment.dkim_only += n,
                (false, true) => t.alignment.spf_only += n,
                (false, false) => t.alignment.neither += n,
            }
            rep.messages += n;
            rep.dmarc_pass += pass_n;
            if period {
                for (day, part) in spread(a.report.begin, a.report.end, n) {
                    let e = days.entry(day).or_default();
                    e.0 += part;
                    if pass {
                        e.1 += part;
                    }
                }
            } else {
                let e = days.entry(a.report.begin / 86_400).or_default();
                e.0 += n;
                e.1 += pass_n;
            }
            let ip = r.source_ip();
            let src = sources.entry(ip).or_insert_with(|| Source {
                ip: ip.to_string(),
                ptr: None,
                base_domain: None,
                messages: 0,
                dmarc_pass: 0,
                dispositions: BTreeMap::new(),
                header_from: Vec::new(),
                dkim: Vec::new(),
                spf: Vec::new(),
            });
            src.messages += n;
            src.dmarc_pass += pass_n;
            let disposition = match r.disposition() {
                "" => "none",
                d => d,
            };
            match src.dispositions.get_mut(disposition) {
                Some(v) => *v += n,
                None => {
                    src.dispositions.insert(disposition.to_string(), n);
                }
            }
            let from = r.header_from();
            if !from.is_empty() && !src.header_from.iter().any(|h| h == from) {
                src.header_from.push(from.to_string());
            }
            for d in r.dkim_results() {
                add_result(&mut src.dkim, d.domain, d.result, n);
            }
            for x in r.spf_results() {
                add_result(&mut src.spf, x.domain, x.result, n);
            }
            // The reporter's evaluation against the raw results.
            let (dkim_ok, spf_ok) = align.recompute(policy, &r);
            for (method, reported, ok) in [("dkim", r.dkim(), dkim_ok), ("spf", r.spf(), spf_ok)] {
                if reported.is_empty() || from.is_empty() {
                    continue;
                }
                if (reported == "pass") != ok {
                    s.disagreements.push(Disagreement {
                        org_name: a.report.org_name.clone(),
                        report_id: a.report.report_id.clone(),
                        source_ip: ip.to_string(),
                        header_from: from.to_string(),
                        method,
                        reported: reported.to_string(),
                        recomputed: if ok { "pass" } else { "fail" }.into(),
                        messages: n,
                    });
                }
            }
            // What p=reject would do.
            if !pass {
                s.what_if.rejected_messages += n;
                rejected_sources.insert(ip);
                if r.disposition() == "reject" {
                    s.what_if.already_rejected += n;
                }
                let unaligned_pass = r.dkim_results().find(|d| {
                    d.result == "pass"
                        && !d.domain.is_empty()
                        && !from.is_empty()
                        && !align.aligned(d.domain, from, Mode::Relaxed)
                });
                if let Some(d) = unaligned_pass {
                    s.what_if.dkim_unaligned_messages += n;
                    *unaligned.entry((ip, d.domain, from)).or_default() += n;
                }
                if r.dkim_results().any(|d| d.result == "pass")
                    || r.spf_results().any(|x| x.result == "pass")
                {
                    *legit.entry(ip).or_default() += n;
                }
            }
        }
    }
    s.what_if.rejected_sources = rejected_sources.len();
    let mut un: Vec<UnalignedSource> = unaligned
        .into_iter()
        .map(
            |((ip, dkim_domain, header_from), messages)| UnalignedSource {
                ip: ip.to_string(),
                dkim_domain: dkim_domain.to_string(),
                header_from: header_from.to_string(),
                messages,
            },
        )
        .collect();
    un.sort_by(|a, b| b.messages.cmp(&a.messages).then_with(|| a.ip.cmp(&b.ip)));
    s.what_if.dkim_unaligned_sources = un;
    s.days = days
        .into_iter()
        .map(|(d, (messages, dmarc_pass))| Day {
            date: date_of_day(d),
            messages,
            dmarc_pass,
        })
        .collect();
    s.reporters = reporters.into_values().collect();
    s.reporters.sort_by(|a, b| {
        b.messages
            .cmp(&a.messages)
            .then_with(|| a.org_name.cmp(&b.org_name))
    });
    s.sources = sources.into_values().collect();
    s.sources
        .sort_by(|a, b| b.messages.cmp(&a.messages).then_with(|| a.ip.cmp(&b.ip)));
    s.policy_domains = domains.into_iter().collect();
    s.failures
        .sort_by_key(|f| std::cmp::Reverse(f.arrival_date));
    s.tls.sort_by(|a, b| {
        b.failed
            .cmp(&a.failed)
            .then_with(|| a.policy_domain.cmp(&b.policy_domain))
    });
    for d in &s.disagreements {
        s.findings.push(Finding::EvaluationDisagrees {
            org_name: d.org_name.clone(),
            source_ip: d.source_ip.clone(),
            header_from: d.header_from.clone(),
            method: d.method,
            reported: d.reported.clone(),
            recomputed: d.recomputed.clone(),
            messages: d.messages,
        });
    }
    if s.what_if.rejected_messages > 0 {
        s.findings.push(Finding::WhatIfReject {
            messages: s.what_if.rejected_messages,
            sources: s.what_if.rejected_sources,
            dkim_unaligned: s.what_if.dkim_unaligned_messages,
        });
    }
    for u in s.what_if.dkim_unaligned_sources.iter().take(10) {
        s.findings.push(Finding::UnalignedService {
            ip: u.ip.clone(),
            dkim_domain: u.dkim_domain.clone(),
            header_from: u.header_from.clone(),
            messages: u.messages,
        });
    }
    let latest = reports
        .iter()
        .max_by_key(|r| r.report.end)
        .map(|a| &a.report.policy);
    s.readiness = readiness(latest, legit, &s);
    s
}

/// The steps from the current policy (the one of the latest report) towards
/// `p=reject`; `legit` gives the failing sources that pass DKIM or SPF unaligned.
fn readiness(
    latest: Option<&PolicyPublished>,
    legit: HashMap<&str, u64>,
    s: &Summary,
) -> Vec<Finding> {
    let Some(policy) = latest else {
        return Vec::new();
    };
    let p = policy.p.as_deref().unwrap_or("none");
    let pct = policy.pct.unwrap_or(100).min(100);
    let mut steps = Vec::new();
    let mut legit: Vec<(&str, u64)> = legit.into_iter().collect();
    legit.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    if p != "reject" && !legit.is_empty() {
        steps.push(Finding::FixSourcesFirst {
            sources: legit.iter().take(5).map(|(ip, _)| ip.to_string()).collect(),
            messages: legit.iter().map(|(_, n)| n).sum(),
        });
    }
    match p {
        "reject" => steps.push(Finding::AtReject {
            domain: policy.domain.clone(),
        }),
        "quarantine" if pct < 100 => steps.push(Finding::RaiseQuarantine {
            from: pct,
            to: if pct < 50 { 50 } else { 100 },
        }),
        "quarantine" => steps.push(Finding::MoveToReject),
        _ => {
            if s.totals.messages > 0 {
                steps.push(Finding::StartQuarantine { pct: 25 });
            }
        }
    }
    steps
}

/// One CSV field, quoted when needed; a leading `= + - @` is defused so that a
/// spreadsheet never runs report content as a formula.
fn csv_field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Every record of every distinct aggregate report, one CSV line each, with the
/// alignment Sceau recomputes beside the reporter's.
pub fn records_csv(batch: &Batch) -> String {
    let mut out = csv_line(
        &[
            "file",
            "org_name",
            "report_id",
            "begin",
            "end",
            "policy_domain",
            "policy",
            "source_ip",
            "count",
            "disposition",
            "dkim",
            "spf",
            "header_from",
            "envelope_from",
            "dkim_results",
            "spf_results",
            "dkim_aligned_recomputed",
            "spf_aligned_recomputed",
        ]
        .map(String::from),
    );
    let mut align = Aligner::default();
    for f in batch.files() {
        for r in &f.reports {
            let StoredReport::Aggregate(i) = r else {
                continue;
            };
            let a = &batch.aggregates()[*i];
            let policy = &a.report.policy;
            for rec in batch.records(a) {
                let (d, s) = align.recompute(policy, &rec);
                let dkim = rec
                    .dkim_results()
                    .map(|x| format!("{}={}", x.domain, x.result))
                    .collect::<Vec<_>>()
                    .join(" ");
                let spf = rec
                    .spf_results()
                    .map(|x| format!("{}={}", x.domain, x.result))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&csv_line(&[
                    f.name.clone(),
                    a.report.org_name.clone(),
                    a.report.report_id.clone(),
                    a.report.begin.to_string(),
                    a.report.end.to_string(),
                    policy.domain.clone(),
                    policy.p.clone().unwrap_or_default(),
                    rec.source_ip().to_string(),
                    rec.count().to_string(),
                    rec.disposition().to_string(),
                    rec.dkim().to_string(),
                    rec.spf().to_string(),
                    rec.header_from().to_string(),
                    rec.envelope_from().unwrap_or_default().to_string(),
                    dkim,
                    spf,
                    if d { "pass" } else { "fail" }.into(),
                    if s { "pass" } else { "fail" }.into(),
                ]));
            }
        }
    }
    out
}

/// The per-source table of a summary as CSV.
pub fn sources_csv(summary: &Summary) -> String {
    let mut out = csv_line(
        &[
            "ip",
            "ptr",
            "base_domain",
            "messages",
            "dmarc_pass",
            "dispositions",
            "header_from",
            "dkim",
            "spf",
        ]
        .map(String::from),
    );
    let results = |l: &[DomainResult]| {
        l.iter()
            .map(|d| format!("{}={}:{}", d.domain, d.result, d.messages))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for s in &summary.sources {
        out.push_str(&csv_line(&[
            s.ip.clone(),
            s.ptr.clone().unwrap_or_default(),
            s.base_domain.clone().unwrap_or_default(),
            s.messages.to_string(),
            s.dmarc_pass.to_string(),
            s.dispositions
                .iter()
                .map(|(k, v)| format!("{k}:{v}"))
                .collect::<Vec<_>>()
                .join(" "),
            s.header_from.join(" "),
            results(&s.dkim),
            results(&s.spf),
        ]));
    }
    out
}

/// The summary as pretty JSON, finding messages in `lang`.
pub fn summary_json(summary: &Summary, lang: Lang) -> String {
    crate::i18n::to_json(summary, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_over_days() {
        assert_eq!(spread(0, 86_399, 10), vec![(0, 10)]);
        assert_eq!(spread(0, 86_400, 10), vec![(0, 10)]);
        let two = spread(43_200, 129_600, 10);
        assert_eq!(two, vec![(0, 5), (1, 5)]);
        let three = spread(0, 3 * 86_400, 10);
        assert_eq!(three.iter().map(|x| x.1).sum::<u64>(), 10);
        assert_eq!(date_of_day(19_723), "2024-01-01");
    }

    #[test]
    fn csv_defuses_formulas() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
