//! DMARC aggregate reports: RFC 7489 Appendix C, the older draft schema, and RFC 9990
//! (namespace `urn:ietf:params:xml:ns:dmarc-2.0`: `np`, `testing`,
//! `discovery_method`, `generator`, extensions).
//!
//! Read with quick-xml's streaming reader (no DOM), so memory stays near the size of
//! the file. No DTD is read and no entity is expanded: a `<!DOCTYPE>` is skipped with
//! a finding, and a reference to an entity other than the five predefined ones and
//! character references is kept as written.
//!
//! Leniencies, each because real reporters need it:
//! * byte-order marks (UTF-8 and UTF-16); invalid UTF-8 read lossily, with a finding;
//!   a declared Latin-1 encoding honoured;
//! * values in any case (`Pass`), with spaces around them;
//! * missing or empty elements (an empty `<reason>`, an empty `<org_name>`), noted;
//! * stray wrapper elements around `<feedback>` (even unclosed ones), namespace
//!   prefixes, `<identities>` for `<identifiers>`, text outside elements;
//! * periods longer than a day, noted; fractional UNIX times.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::Serialize;

use super::{Finding, ReportError, norm, norm_domain};

/// Which schema the report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Schema {
    /// RFC 7489 Appendix C (`<version>1.0</version>`).
    Rfc7489,
    /// No `<version>`: the draft schema published before RFC 7489, still sent by many.
    Draft,
    /// RFC 9990 (DMARCbis): its namespace, `<version>2.0`, or its new elements.
    Rfc9990,
}

/// The policy the domain owner published, as the reporter saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PolicyPublished {
    /// The domain the policy was found at.
    pub domain: String,
    /// DKIM alignment mode (`r` or `s`).
    pub adkim: Option<String>,
    /// SPF alignment mode (`r` or `s`).
    pub aspf: Option<String>,
    /// Policy (`none`, `quarantine`, `reject`).
    pub p: Option<String>,
    /// Subdomain policy.
    pub sp: Option<String>,
    /// Non-existent subdomain policy (RFC 9990).
    pub np: Option<String>,
    /// Percentage of messages the policy applies to (RFC 7489; removed by RFC 9990).
    pub pct: Option<u32>,
    /// Testing mode (`t=y`, RFC 9990).
    pub testing: Option<bool>,
    /// Failure reporting options.
    pub fo: Option<String>,
    /// How the policy was discovered (`psl` or `treewalk`, RFC 9990).
    pub discovery_method: Option<String>,
}

/// A `<reason>` the reporter gave for overriding the policy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// `forwarded`, `sampled_out`, `trusted_forwarder`, `mailing_list`, `local_policy`, `other`.
    pub kind: String,
    /// Free text.
    pub comment: Option<String>,
}

/// One DKIM result in `<auth_results>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DkimAuth {
    /// Signing domain (`d=`).
    pub domain: String,
    /// Selector (`s=`).
    pub selector: Option<String>,
    /// `pass`, `fail`, `none`, `neutral`, `policy`, `temperror`, `permerror`.
    pub result: String,
    /// The reporter's explanation.
    pub human_result: Option<String>,
}

/// One SPF result in `<auth_results>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpfAuth {
    /// Domain checked.
    pub domain: String,
    /// `mfrom` or `helo` (absent in the draft schema: MAIL FROM).
    pub scope: Option<String>,
    /// `pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`.
    pub result: String,
    /// The reporter's explanation.
    pub human_result: Option<String>,
}

/// One `<record>`: messages from one source with the same results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    /// Sending IP address, as written.
    pub source_ip: String,
    /// Number of messages.
    pub count: u64,
    /// What the receiver did: `none`, `quarantine`, `reject` (RFC 9990 adds `pass`).
    pub disposition: String,
    /// DMARC-aligned DKIM result the reporter computed (`pass` or `fail`).
    pub dkim: String,
    /// DMARC-aligned SPF result the reporter computed (`pass` or `fail`).
    pub spf: String,
    /// Why the policy was overridden.
    pub reasons: Vec<Reason>,
    /// RFC5322.From domain.
    pub header_from: String,
    /// RFC5321.MailFrom domain.
    pub envelope_from: Option<String>,
    /// RFC5321.RcptTo domain.
    pub envelope_to: Option<String>,
    /// Raw DKIM results.
    pub dkim_results: Vec<DkimAuth>,
    /// Raw SPF results.
    pub spf_results: Vec<SpfAuth>,
}

/// A DMARC aggregate report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AggregateReport {
    /// Schema followed.
    pub schema: Option<Schema>,
    /// `<version>`, if given.
    pub version: Option<String>,
    /// Reporting organisation.
    pub org_name: String,
    /// Reporter's contact address.
    pub email: String,
    /// More contact information.
    pub extra_contact_info: Option<String>,
    /// Report identifier (unique per reporter).
    pub report_id: String,
    /// Start of the period, UNIX seconds.
    pub begin: u64,
    /// End of the period, UNIX seconds.
    pub end: u64,
    /// Errors the reporter met.
    pub errors: Vec<String>,
    /// Software that wrote the report (RFC 9990).
    pub generator: Option<String>,
    /// The published policy.
    pub policy: PolicyPublished,
    /// The records.
    pub records: Vec<Record>,
    /// Names of extension elements found (RFC 9990 `<extension>`), not interpreted.
    pub extensions: Vec<String>,
    /// What was odd in the file.
    pub findings: Vec<Finding>,
}

impl AggregateReport {
    /// Messages in the report (sum of record counts).
    pub fn messages(&self) -> u64 {
        self.records.iter().map(|r| r.count).sum()
    }
}

/// Decodes the bytes to text: BOMs, UTF-16, declared Latin-1, lossy UTF-8. Valid UTF-8
/// (nearly every report) is borrowed, not copied.
fn decode<'a>(bytes: &'a [u8], findings: &mut Vec<Finding>) -> Cow<'a, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        findings.push(Finding::ByteOrderMark);
        return decode(rest, findings);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        findings.push(Finding::ByteOrderMark);
        return Cow::Owned(crate::input::decode_utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        findings.push(Finding::ByteOrderMark);
        return Cow::Owned(crate::input::decode_utf16(rest, false));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
            let declared_latin1 = head.starts_with("<?xml")
                && [
                    "iso-8859-1",
                    "latin1",
                    "latin-1",
                    "windows-1252",
                    "iso-8859-15",
                ]
                .iter()
                .any(|e| head.contains(e));
            if declared_latin1 {
                return Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect());
            }
            let s = String::from_utf8_lossy(bytes).into_owned();
            let replaced = s.matches(char::REPLACEMENT_CHARACTER).count();
            findings.push(Finding::InvalidUtf8 { replaced });
            Cow::Owned(s)
        }
    }
}

/// Line and column (from 1) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// A UNIX time as reporters write it (`1538413632`, `1538413632.0`, ` 1538413632 `).
fn parse_time(v: &str) -> Option<u64> {
    let v = v.trim();
    v.parse::<u64>().ok().or_else(|| {
        v.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0 && *f < 1e15)
            .map(|f| f as u64)
    })
}

fn opt(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

fn opt_norm(v: &str) -> Option<String> {
    let v = norm(v);
    (!v.is_empty()).then_some(v)
}

/// Parses one aggregate report. Malformed XML is an error; everything else is
/// read as far as it makes sense, with findings.
pub fn parse(bytes: &[u8]) -> Result<AggregateReport, ReportError> {
    let mut report = AggregateReport::default();
    let mut findings = Vec::new();
    let text = decode(bytes, &mut findings);
    let mut reader = Reader::from_str(&text);
    {
        let c = reader.config_mut();
        c.trim_text(false);
        c.check_end_names = true;
        c.expand_empty_elements = false;
    }
    // Local names of the open elements, lower case.
    let mut stack: Vec<String> = Vec::new();
    // Index in `stack` of `<feedback>`, when open.
    let mut feedback_at: Option<usize> = None;
    let mut feedback_seen = false;
    let mut feedback_closed = false;
    let mut text_buf = String::new();
    let mut record: Option<Record> = None;
    let mut rfc9990_elements = false;
    let mut namespace_9990 = false;
    let mut stray_noted = false;

    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let (line, column) = position(&text, reader.error_position() as usize);
                return Err(ReportError::Xml {
                    line,
                    column,
                    detail: e.to_string(),
                });
            }
        };
        let (start, empty) = match &event {
            Event::Start(s) => (Some(s), false),
            Event::Empty(s) => (Some(s), true),
            _ => (None, false),
        };
        if let Some(s) = start {
            let name = String::from_utf8_lossy(s.local_name().as_ref()).to_ascii_lowercase();
            text_buf.clear();
            if feedback_at.is_none() && name == "feedback" && !feedback_closed {
                feedback_at = Some(stack.len());
                feedback_seen = true;
                for a in s.attributes().flatten() {
                    let value = String::from_utf8_lossy(&a.value).to_string();
                    if value.contains("urn:ietf:params:xml:ns:dmarc-2.0") {
                        namespace_9990 = true;
                    }
                }
            } else if feedback_at.is_none() && !stray_noted {
                stray_noted = true;
                findings.push(Finding::StrayElement { name: name.clone() });
            }
            stack.push(name);
            if let Some(f) = feedback_at {
                let rel: Vec<&str> = stack[f + 1..].iter().map(String::as_str).collect();
                match rel.as_slice() {
                    ["record"] => record = Some(Record::default()),
                    ["record", "auth_results", "dkim"] => {
                        if let Some(r) = record.as_mut() {
                            r.dkim_results.push(DkimAuth::default());
                        }
                    }
                    ["record", "auth_results", "spf"] => {
                        if let Some(r) = record.as_mut() {
                            r.spf_results.push(SpfAuth::default());
                        }
                    }
                    ["record", "row", "policy_evaluated", "reason"] => {
                        if let Some(r) = record.as_mut() {
                            r.reasons.push(Reason::default());
                        }
                    }
                    ["extension" | "extensions", ext, ..]
                        if !ext.is_empty() && !report.extensions.iter().any(|e| e == ext) =>
                    {
                        report.extensions.push(ext.to_string());
                    }
                    _ => {}
                }
            }
            if !empty {
                continue;
            }
        }
        match event {
            Event::Text(t) => {
                let s = t.xml10_content().unwrap_or_default();
                text_buf.push_str(&s);
            }
            Event::CData(t) => {
                text_buf.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r.clone().into_inner()).to_string();
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text_buf.push(c),
                    _ => match name.as_str() {
                        "lt" => text_buf.push('<'),
                        "gt" => text_buf.push('>'),
                        "amp" => text_buf.push('&'),
                        "apos" => text_buf.push('\''),
                        "quot" => text_buf.push('"'),
                        _ => {
                            if !findings
                                .iter()
                                .any(|f| matches!(f, Finding::UnknownEntity { .. }))
                            {
                                findings.push(Finding::UnknownEntity { name: name.clone() });
                            }
                            text_buf.push('&');
                            text_buf.push_str(&name);
                            text_buf.push(';');
                        }
                    },
                }
            }
            Event::DocType(_) if !findings.contains(&Finding::DoctypeIgnored) => {
                findings.push(Finding::DoctypeIgnored);
            }
            Event::End(_) | Event::Empty(_) => {
                if let Some(f) = feedback_at {
                    let value = std::mem::take(&mut text_buf);
                    let rel: Vec<&str> = stack[f + 1..].iter().map(String::as_str).collect();
                    if rel.is_empty() {
                        feedback_at = None;
                        feedback_closed = true;
                    } else {
                        end_element(
                            &rel,
                            &value,
                            &mut report,
                            &mut record,
                            &mut findings,
                            &mut rfc9990_elements,
                        );
                    }
                }
                text_buf.clear();
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !feedback_seen {
        return Err(ReportError::NotAggregate);
    }
    if !feedback_closed {
        return Err(ReportError::Truncated);
    }
    report.schema = Some(
        if namespace_9990
            || report
                .version
                .as_deref()
                .is_some_and(|v| v.starts_with('2'))
            || rfc9990_elements
        {
            Schema::Rfc9990
        } else if report.version.is_some() {
            Schema::Rfc7489
        } else {
            Schema::Draft
        },
    );
    for (field, missing) in [
        ("org_name", report.org_name.is_empty()),
        ("report_id", report.report_id.is_empty()),
        ("policy_published/domain", report.policy.domain.is_empty()),
        ("date_range", report.begin == 0 && report.end == 0),
    ] {
        if missing {
            findings.push(Finding::MissingField { field });
        }
    }
    if report.end < report.begin {
        findings.push(Finding::InvertedPeriod);
    } else if report.end - report.begin > 86_400 + 3_600 {
        findings.push(Finding::LongPeriod {
            hours: (report.end - report.begin).div_ceil(3_600),
        });
    }
    if report.policy.testing == Some(true) {
        findings.push(Finding::TestingMode {
            domain: report.policy.domain.clone(),
        });
    }
    report.findings = findings;
    Ok(report)
}

/// Stores the text of an element that just closed, by its path under `<feedback>`.
fn end_element(
    rel: &[&str],
    value: &str,
    report: &mut AggregateReport,
    record: &mut Option<Record>,
    findings: &mut Vec<Finding>,
    rfc9990: &mut bool,
) {
    let v = value.trim();
    let p = &mut report.policy;
    match rel {
        ["version"] => report.version = opt(v),
        ["report_metadata", "org_name"] => report.org_name = v.to_string(),
        ["report_metadata", "email"] => report.email = v.to_string(),
        ["report_metadata", "extra_contact_info"] => report.extra_contact_info = opt(v),
        ["report_metadata", "report_id"] => report.report_id = v.to_string(),
        ["report_metadata", "error"] if !v.is_empty() => report.errors.push(v.to_string()),
        ["report_metadata", "generator"] => {
            *rfc9990 = true;
            report.generator = opt(v);
        }
        ["report_metadata", "date_range", "begin"] => report.begin = parse_time(v).unwrap_or(0),
        ["report_metadata", "date_range", "end"] => report.end = parse_time(v).unwrap_or(0),
        ["policy_published", field] => match *field {
            "domain" => p.domain = norm_domain(v),
            "adkim" => p.adkim = opt_norm(v),
            "aspf" => p.aspf = opt_norm(v),
            "p" => p.p = opt_norm(v),
            "sp" => p.sp = opt_norm(v),
            "np" => {
                *rfc9990 = true;
                p.np = opt_norm(v);
            }
            "pct" => p.pct = v.parse().ok(),
            "fo" => p.fo = opt(v),
            "testing" | "t" => {
                *rfc9990 = true;
                p.testing = match norm(v).as_str() {
                    "y" | "yes" | "true" | "1" => Some(true),
                    "n" | "no" | "false" | "0" => Some(false),
                    _ => None,
                };
            }
            "discovery_method" => {
                *rfc9990 = true;
                p.discovery_method = opt_norm(v);
            }
            _ => {}
        },
        ["record"] => {
            if let Some(r) = record.take() {
                report.records.push(r);
            }
        }
        ["record", rest @ ..] => {
            let Some(r) = record.as_mut() else { return };
            match rest {
                ["row", "source_ip"] => {
                    r.source_ip = v.to_string();
                    if v.parse::<std::net::IpAddr>().is_err()
                        && !findings
                            .iter()
                            .any(|f| matches!(f, Finding::BadSourceIp { .. }))
                    {
                        findings.push(Finding::BadSourceIp {
                            value: v.to_string(),
                        });
                    }
                }
                ["row", "count"] => match v.parse::<u64>() {
                    Ok(n) => r.count = n,
                    Err(_) => findings.push(Finding::BadCount {
                        value: v.to_string(),
                    }),
                },
                ["row", "policy_evaluated", "disposition"] => r.disposition = norm(v),
                ["row", "policy_evaluated", "dkim"] => r.dkim = norm(v),
                ["row", "policy_evaluated", "spf"] => r.spf = norm(v),
                ["row", "policy_evaluated", "reason", "type"] => {
                    if let Some(x) = r.reasons.last_mut() {
                        x.kind = norm(v);
                    }
                }
                ["row", "policy_evaluated", "reason", "comment"] => {
                    if let Some(x) = r.reasons.last_mut() {
                        x.comment = opt(v);
                    }
                }
                ["row", "policy_evaluated", "reason"]
                    if r.reasons
                        .last()
                        .is_some_and(|x| x.kind.is_empty() && x.comment.is_none()) =>
                {
                    r.reasons.pop();
                    if !findings.contains(&Finding::EmptyReason) {
                        findings.push(Finding::EmptyReason);
                    }
                }
                ["identifiers" | "identities", field] => match *field {
                    "header_from" => r.header_from = norm_domain(v),
                    "envelope_from" => r.envelope_from = opt(v).map(|d| norm_domain(&d)),
                    "envelope_to" => r.envelope_to = opt(v).map(|d| norm_domain(&d)),
                    _ => {}
                },
                ["auth_results", "dkim", field] => {
                    if let Some(d) = r.dkim_results.last_mut() {
                        match *field {
                            "domain" => d.domain = norm_domain(v),
                            "selector" => d.selector = opt(v),
                            "result" => d.result = norm(v),
                            "human_result" => d.human_result = opt(v),
                            _ => {}
                        }
                    }
                }
                ["auth_results", "spf", field] => {
                    if let Some(s) = r.spf_results.last_mut() {
                        match *field {
                            "domain" => s.domain = norm_domain(v),
                            "scope" => s.scope = opt_norm(v),
                            "result" => s.result = norm(v),
                            "human_result" => s.human_result = opt(v),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}
