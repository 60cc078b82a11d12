//! En text of the `reports` area.

use crate::i18n::En;
use crate::reports::finding::Finding;
use crate::reports::{Label, ReportError};

fn mb(bytes: usize) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::ByteOrderMark => "The file starts with a byte-order mark, which was skipped.".into(),
            Finding::InvalidUtf8 { replaced } => format!(
                "The report is not valid UTF-8: {replaced} invalid byte sequence(s) were replaced by “�”. Values containing them may be wrong."
            ),
            Finding::DoctypeIgnored => "The report declares a <!DOCTYPE>, which was ignored: no DTD is read and no entity it defines is expanded.".into(),
            Finding::UnknownEntity { name } => format!(
                "The entity reference &{name}; is not one of XML’s predefined entities; it was kept as written, not expanded."
            ),
            Finding::StrayElement { name } => format!(
                "The report is wrapped in an element that is not part of the schema (<{name}>); it was ignored."
            ),
            Finding::MissingField { field } => format!("The report has no {field} (missing or empty)."),
            Finding::InvertedPeriod => "The report’s period ends before it begins.".into(),
            Finding::LongPeriod { hours } => format!(
                "The report covers {hours} hours, more than the one day reports usually cover; its messages are spread over those days."
            ),
            Finding::TestingMode { domain } => format!(
                "The policy of {domain} is in testing mode (t=y): receivers apply a policy one step milder than the one published."
            ),
            Finding::BadSourceIp { value } => format!("“{value}” is not an IP address (source_ip)."),
            Finding::BadCount { value } => format!(
                "“{value}” is not a message count; the record was counted as 0 messages."
            ),
            Finding::EmptyReason => "A <reason> element had neither type nor comment and was left out.".into(),
            Finding::TrailingBytes { bytes } => format!(
                "{bytes} byte(s) after the end of the gzip data were ignored."
            ),
            Finding::DuplicateReport { org_name, report_id, file } => format!(
                "Report {report_id} from {} was already read; the copy in {file} was counted once.",
                if org_name.is_empty() { "an unnamed reporter" } else { org_name }
            ),
            Finding::TlsFailures { policy_domain, reporter, failed, total, result_types } => format!(
                "{reporter} could not establish TLS for {failed} of {total} session(s) to {policy_domain}{}.",
                if result_types.is_empty() { String::new() } else { format!(" ({})", result_types.join(", ")) }
            ),
            Finding::EvaluationDisagrees { org_name, source_ip, header_from, method, reported, recomputed, messages } => format!(
                "{org_name} reports {} {reported} for {messages} message(s) from {source_ip} (From: {header_from}), but the raw results in the same record give {recomputed}.",
                method.to_uppercase()
            ),
            Finding::WhatIfReject { messages, sources, dkim_unaligned } => format!(
                "With p=reject, {messages} message(s) from {sources} source(s) would have been rejected; {dkim_unaligned} of them pass DKIM with a domain that is not aligned — probably legitimate services to configure."
            ),
            Finding::UnalignedService { ip, dkim_domain, header_from, messages } => format!(
                "{ip} sent {messages} message(s) as {header_from}, signed by {dkim_domain} and not aligned: if it is your service, have it sign with {header_from} (or a subdomain)."
            ),
            Finding::FixSourcesFirst { sources, messages } => format!(
                "First make these sources pass DMARC ({messages} message(s)): {}. They authenticate (DKIM or SPF pass) but fail DMARC: align them with your domain.",
                sources.join(", ")
            ),
            Finding::StartQuarantine { pct } => format!(
                "Move to p=quarantine for a share of messages (pct={pct}, or t=y under RFC 9989), then watch the reports for a week or two."
            ),
            Finding::RaiseQuarantine { from, to } => format!(
                "Raise the quarantine share from pct={from} to pct={to} once the reports stay clean."
            ),
            Finding::MoveToReject => "All reported failures look like forgeries: move to p=reject.".into(),
            Finding::AtReject { domain } => format!(
                "{domain} is at p=reject: keep reading reports to spot new services before their mail is rejected."
            ),
        }
    }
}

impl En for ReportError {
    fn en(&self) -> String {
        match self {
            ReportError::Empty => "The file is empty.".into(),
            ReportError::UnknownFormat => "This is not a report: neither XML, JSON, gzip, zip nor a mail message.".into(),
            ReportError::TooLarge { limit } => format!(
                "Decompressed, this file would exceed {}; it was not read further (protection against compression bombs).",
                mb(*limit)
            ),
            ReportError::MemberTooLarge { member, limit } => format!(
                "“{member}” would exceed {} once decompressed; it was not read (protection against compression bombs).",
                mb(*limit)
            ),
            ReportError::TooManyMembers { count, limit } => format!(
                "The archive has {count} entries; at most {limit} are read."
            ),
            ReportError::TooDeep { limit } => format!(
                "Archives and messages are nested more than {limit} levels deep; the file was not read further."
            ),
            ReportError::Gzip { detail } => format!("The gzip data is corrupt or truncated ({detail})."),
            ReportError::Zip { detail } => format!("The zip archive cannot be read ({detail})."),
            ReportError::Xml { line, column, detail } => format!(
                "The XML is malformed at line {line}, column {column}: {detail}."
            ),
            ReportError::Truncated => "The XML ends before the report is closed: the file is truncated.".into(),
            ReportError::NotAggregate => "This XML is not a DMARC aggregate report (no <feedback> element).".into(),
            ReportError::Json { line, column, detail } => format!(
                "The JSON is invalid at line {line}, column {column}: {detail}."
            ),
            ReportError::NotTls => "This JSON is not an SMTP TLS report (no organization-name or policies).".into(),
            ReportError::NoReportInMessage => "This message carries no report: no XML, JSON, gzip or zip attachment and no failure report part.".into(),
            ReportError::BadMessage => "The mail message cannot be parsed.".into(),
        }
    }
}

impl En for Label {
    fn en(&self) -> String {
        match self {
            Label::Files => "Files",
            Label::Reports => "Reports",
            Label::Records => "Records",
            Label::Messages => "Messages",
            Label::DmarcPass => "DMARC pass",
            Label::Duplicates => "Duplicates",
            Label::Sources => "Sources",
            Label::Reporters => "Reporters",
            Label::FailureReports => "Failure reports",
            Label::TlsReports => "TLS reports",
            Label::TlsSessions => "TLS sessions (failed / all)",
            Label::NextSteps => "Next steps",
            Label::StatusOk => "ok",
            Label::StatusError => "error",
            Label::KindAggregate => "aggregate",
            Label::KindFailure => "failure",
            Label::KindTls => "TLS",
        }
        .into()
    }
}
