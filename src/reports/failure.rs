//! DMARC failure (forensic) reports: ARF (RFC 5965) with the authentication-failure
//! extension (RFC 6591, updated by RFC 9991), and plain-text reports without an ARF part
//! (exim's "A message claiming to be from you has failed…", some appliances).

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};
use serde::Serialize;

use super::{ReportError, norm, norm_domain};

/// Headers of the message that failed, as the reporter returned them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OriginalMessage {
    /// `From` address.
    pub from: Option<String>,
    /// `To` address.
    pub to: Option<String>,
    /// `Subject`.
    pub subject: Option<String>,
    /// `Date`, UNIX seconds.
    pub date: Option<i64>,
    /// `Message-ID`.
    pub message_id: Option<String>,
}

/// A DMARC failure report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FailureReport {
    /// True for an ARF report (`message/feedback-report` part), false for plain text.
    pub arf: bool,
    /// Address the report came from.
    pub reporter: Option<String>,
    /// `Message-ID` of the report itself.
    pub report_message_id: Option<String>,
    /// `Subject` of the report itself.
    pub subject: Option<String>,
    /// `Feedback-Type` (`auth-failure` for DMARC).
    pub feedback_type: Option<String>,
    /// `User-Agent` of the reporting software.
    pub user_agent: Option<String>,
    /// `Original-Mail-From`.
    pub original_mail_from: Option<String>,
    /// `Original-Rcpt-To` (several allowed).
    pub original_rcpt_to: Vec<String>,
    /// `Arrival-Date`, UNIX seconds.
    pub arrival_date: Option<i64>,
    /// `Source-IP`.
    pub source_ip: Option<String>,
    /// `Reported-Domain`: the domain whose policy failed.
    pub reported_domain: Option<String>,
    /// `Auth-Failure` (`dmarc`, `dkim`, `spf`, `adsp`, `bodyhash`, `revoked`, `signature`).
    pub auth_failure: Vec<String>,
    /// `Delivery-Result` (`delivered`, `spam`, `policy`, `reject`, `other`).
    pub delivery_result: Option<String>,
    /// `Authentication-Results` the reporter added.
    pub authentication_results: Vec<String>,
    /// `DKIM-Domain`.
    pub dkim_domain: Option<String>,
    /// `DKIM-Selector`.
    pub dkim_selector: Option<String>,
    /// `Identity-Alignment` (RFC 6591: `none`, `spf`, `dkim`, or both).
    pub identity_alignment: Option<String>,
    /// Plain-text reports: SPF aligned?
    pub spf_aligned: Option<bool>,
    /// Plain-text reports: DKIM aligned?
    pub dkim_aligned: Option<bool>,
    /// Plain-text reports: the DMARC result line as written.
    pub dmarc_result: Option<String>,
    /// The failing message's headers, when returned.
    pub original: Option<OriginalMessage>,
}

/// `Name: value` fields of an ARF part (`unfold`: indented lines continue the field
/// before) or of a plain-text report (whose fields are themselves indented).
fn fields(text: &str, unfold: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if unfold && line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.trim_start().split_once(':')
            && !name.is_empty()
            && name.len() < 60
        {
            out.push((norm(name), value.trim().to_string()));
        }
    }
    out
}

fn address(value: &str) -> String {
    value
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

fn nonempty(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

fn original_of(msg: &Message<'_>) -> OriginalMessage {
    let addr = |a: Option<&mail_parser::Address<'_>>| {
        a.and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(String::from)
    };
    OriginalMessage {
        from: addr(msg.from()),
        to: addr(msg.to()),
        subject: msg.subject().map(String::from),
        date: msg.date().map(|d| d.to_timestamp()),
        message_id: msg.message_id().map(String::from),
    }
}

/// True when `part`'s content type is `ctype/subtype` (any case).
pub(crate) fn is_type(part: &mail_parser::MessagePart<'_>, ctype: &str, subtype: &str) -> bool {
    part.content_type().is_some_and(|ct| {
        ct.ctype().eq_ignore_ascii_case(ctype)
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case(subtype))
    })
}

fn yes_no(v: &str) -> Option<bool> {
    match norm(v).as_str() {
        "yes" | "pass" | "true" => Some(true),
        "no" | "fail" | "false" => Some(false),
        _ => None,
    }
}

/// Parses a failure report message.
pub fn parse(bytes: &[u8]) -> Result<FailureReport, ReportError> {
    let msg = MessageParser::default()
        .parse(bytes)
        .ok_or(ReportError::BadMessage)?;
    let mut r = FailureReport {
        reporter: msg
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(String::from),
        report_message_id: msg.message_id().map(String::from),
        subject: msg.subject().map(String::from),
        ..FailureReport::default()
    };
    if let Some(part) = msg
        .parts
        .iter()
        .find(|p| is_type(p, "message", "feedback-report"))
    {
        r.arf = true;
        let text = String::from_utf8_lossy(part.contents());
        for (name, value) in fields(&text, true) {
            match name.as_str() {
                "feedback-type" => r.feedback_type = nonempty(norm(&value)),
                "user-agent" => r.user_agent = nonempty(value),
                "original-mail-from" => r.original_mail_from = nonempty(address(&value)),
                "original-rcpt-to" => {
                    let a = address(&value);
                    if !a.is_empty() {
                        r.original_rcpt_to.push(a);
                    }
                }
                "arrival-date" | "received-date" => {
                    r.arrival_date = crate::headers::date::parse(&value).map(|d| d.timestamp);
                }
                "source-ip" => r.source_ip = nonempty(value.trim().to_string()),
                "reported-domain" => r.reported_domain = nonempty(norm_domain(&value)),
                "auth-failure" => r.auth_failure.push(norm(&value)),
                "delivery-result" => r.delivery_result = nonempty(norm(&value)),
                "authentication-results" => r.authentication_results.push(value),
                "dkim-domain" => r.dkim_domain = nonempty(norm_domain(&value)),
                "dkim-selector" => r.dkim_selector = nonempty(value),
                "identity-alignment" => r.identity_alignment = nonempty(norm(&value)),
                _ => {}
            }
        }
        for p in &msg.parts {
            match &p.body {
                PartType::Message(m) => {
                    r.original = Some(original_of(m));
                    break;
                }
                _ if is_type(p, "text", "rfc822-headers") => {
                    if let Some(m) = MessageParser::default().parse(p.contents()) {
                        r.original = Some(original_of(&m));
                    }
                    break;
                }
                _ => {}
            }
        }
        return Ok(r);
    }
    // Plain text: "Sender Domain: …", "Sender IP Address: …", then a copy of the headers.
    let body = msg
        .parts
        .iter()
        .filter_map(|p| p.text_contents())
        .find(|t| t.contains("DMARC") || t.contains("Sender IP"))
        .ok_or(ReportError::NoReportInMessage)?;
    let (head, headers) = match body.find("------ This is a copy of the headers") {
        Some(i) => {
            let rest = &body[i..];
            let start = rest.find('\n').map_or(rest.len(), |n| n + 1);
            (
                &body[..i],
                Some(rest[start..].trim_start_matches(['\r', '\n'])),
            )
        }
        None => (body, None),
    };
    for (name, value) in fields(head, false) {
        match name.as_str() {
            "sender domain" => r.reported_domain = nonempty(norm_domain(&value)),
            "sender ip address" | "sender ip" | "source ip" => {
                r.source_ip = nonempty(value.trim().to_string())
            }
            "received date" => {
                r.arrival_date = crate::headers::date::parse(&value).map(|d| d.timestamp)
            }
            "spf alignment" => r.spf_aligned = yes_no(&value),
            "dkim alignment" => r.dkim_aligned = yes_no(&value),
            "dmarc results" => r.dmarc_result = nonempty(value),
            _ => {}
        }
    }
    if let Some(h) = headers
        && let Some(m) = MessageParser::default().parse(h.as_bytes())
    {
        r.original = Some(original_of(&m));
    }
    if r.reported_domain.is_none() && r.source_ip.is_none() {
        return Err(ReportError::NoReportInMessage);
    }
    r.auth_failure.push("dmarc".into());
    Ok(r)
}
