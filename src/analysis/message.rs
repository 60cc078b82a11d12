//! A pasted or dropped message → summary, hop chain, Authentication-Results, antispam
//! headers and findings ([`parse`]); then DKIM, ARC, SPF and DMARC re-checked over DNS
//! and set against what the receiver claimed ([`authenticate`]).
//!
//! Parsing is synchronous and does no I/O, so the page can show the route at once;
//! authentication is async over [`DnsLookup`] and takes the current time as input.

use std::net::IpAddr;

use serde::Serialize;

use crate::headers::antispam::{self, AntispamItem};
use crate::headers::auth_results::{self, AuthResults, ReceivedSpf};
use crate::headers::finding::Finding;
use crate::headers::raw::RawMessage;
use crate::headers::{address, date, received};
use crate::input::{self, InputError, InputNote};

/// Delays above this are flagged (greylisting retries are usually under 30 minutes).
pub const LONG_DELAY_SECONDS: i64 = 30 * 60;
/// Negative delays within this are ordinary clock noise.
const SKEW_TOLERANCE_SECONDS: i64 = 60;

/// Most Received fields analysed: the topmost ones, nearest the recipient. RFC 5321
/// §6.3 already calls more than 100 a loop; this keeps a hostile message quick.
pub const MAX_HOPS: usize = 1000;

/// A finding with the header fields it is about (indexes into [`MessageReport::fields`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// The finding.
    pub finding: Finding,
    /// Field indexes, top first.
    pub fields: Vec<usize>,
}

impl Serialize for Located {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let view = crate::findings::FindingView::of(&self.finding, crate::i18n::json_lang());
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("code", view.code)?;
        m.serialize_entry("severity", &view.severity)?;
        m.serialize_entry("message", &view.message)?;
        m.serialize_entry("fields", &self.fields)?;
        m.end()
    }
}

/// One header field as shown in the raw view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldView {
    /// The name as written.
    pub name: String,
    /// The field as written, folding kept (CRLF shown as LF).
    pub text: String,
}

/// An address with its decoded display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AddressView {
    /// Display name, RFC 2047 decoded.
    pub name: Option<String>,
    /// The address.
    pub address: String,
    /// Its domain, lower case.
    pub domain: Option<String>,
}

/// A decoded value with its raw form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decoded {
    /// Decoded text.
    pub text: String,
    /// As written.
    pub raw: String,
}

/// The date of the message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateView {
    /// RFC 3339, in the sender's offset.
    pub rfc3339: String,
    /// UNIX seconds.
    pub unix: i64,
    /// As written.
    pub raw: String,
}

/// `List-Unsubscribe` and `List-Unsubscribe-Post`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unsubscribe {
    /// The URIs (mailto:, https:).
    pub uris: Vec<String>,
    /// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
    pub one_click: bool,
}

/// Who the message says it is from and what it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// From addresses.
    pub from: Vec<AddressView>,
    /// Sender.
    pub sender: Option<AddressView>,
    /// Reply-To addresses.
    pub reply_to: Vec<AddressView>,
    /// To addresses.
    pub to: Vec<AddressView>,
    /// Cc addresses.
    pub cc: Vec<AddressView>,
    /// Subject.
    pub subject: Option<Decoded>,
    /// Date.
    pub date: Option<DateView>,
    /// Message-ID without angle brackets.
    pub message_id: Option<String>,
    /// Return-Path address (the envelope sender; empty for bounces).
    pub return_path: Option<String>,
    /// List-Unsubscribe.
    pub list_unsubscribe: Option<Unsubscribe>,
}

/// One step of the route, origin first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HopView {
    /// 1 for the origin.
    pub number: usize,
    /// HELO or `from` name.
    pub from_host: Option<String>,
    /// Reverse-DNS name of the sender.
    pub from_rdns: Option<String>,
    /// Sender IP.
    pub from_ip: Option<IpAddr>,
    /// Receiving host.
    pub by_host: Option<String>,
    /// `with` protocol.
    pub protocol: Option<String>,
    /// TLS version or cipher.
    pub tls: Option<String>,
    /// RFC 3339 or null.
    pub timestamp: Option<String>,
    /// UNIX seconds.
    pub unix: Option<i64>,
    /// Seconds since the previous hop (the Date field for the first one).
    pub delay_seconds: Option<i64>,
    /// Every part was read.
    pub parsed: bool,
    /// The field as written (unfolded).
    pub raw: String,
    /// Index of the Received field.
    pub field: usize,
}

/// Where the connecting IP came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IpSource {
    /// The receiver's Authentication-Results (`smtp.remote-ip`, Microsoft's comment…).
    AuthenticationResults,
    /// Received-SPF `client-ip=`.
    ReceivedSpf,
    /// The Received chain.
    Received,
}

/// The server that handed the message to the receiving organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConnectingIp {
    /// The address.
    pub ip: IpAddr,
    /// Where it was read.
    pub source: IpSource,
    /// The HELO name of that connection, when known.
    pub helo: Option<String>,
    /// The hop number in [`MessageReport::hops`], when matched.
    pub hop: Option<usize>,
}

/// One Authentication-Results (or ARC-Authentication-Results) field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AuthResultsView {
    /// The server that wrote it.
    pub authserv_id: String,
    /// Written by the receiver (the top-most one and others with its authserv-id).
    pub trusted: bool,
    /// `ARC-Authentication-Results` instance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<u32>,
    /// Method results.
    pub results: Vec<MethodView>,
    /// Index of the field.
    pub field: usize,
}

/// One method result with properties as a map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MethodView {
    /// `dkim`, `spf`…
    pub method: String,
    /// `pass`, `fail`…
    pub result: String,
    /// `reason=`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `header.d` → value, in order.
    pub properties: serde_json::Map<String, serde_json::Value>,
    /// Comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl MethodView {
    /// A property's value (`header.d`).
    pub fn property(&self, key: &str) -> Option<&str> {
        self.properties.get(key).and_then(|v| v.as_str())
    }
}

/// The parsed message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MessageReport {
    /// A body was pasted (full message), not only headers.
    pub body_present: bool,
    /// Repairs made to the input.
    pub input_notes: Vec<InputNote>,
    /// Who and what.
    pub summary: Summary,
    /// The route, origin first.
    pub hops: Vec<HopView>,
    /// Seconds from the first dated point (Date or first hop) to the last hop.
    pub total_delay_seconds: Option<i64>,
    /// Where the message entered the receiving organisation.
    pub connecting_ip: Option<ConnectingIp>,
    /// Authentication-Results fields, top first, then ARC-Authentication-Results.
    pub authentication_results: Vec<AuthResultsView>,
    /// Received-SPF fields, top first.
    pub received_spf: Vec<ReceivedSpf>,
    /// Antispam headers decoded.
    pub antispam: Vec<AntispamItem>,
    /// What the header fields say.
    pub findings: Vec<Located>,
    /// Every header field, top first (for the raw view and finding highlights).
    pub fields: Vec<FieldView>,
}

fn addresses(value: &str) -> Vec<AddressView> {
    let list = address::parse_address_list(value);
    address::mailboxes(&list)
        .into_iter()
        .map(|m| AddressView {
            name: m.display_name.clone().filter(|n| !n.is_empty()),
            address: m.address.clone(),
            domain: m
                .domain
                .as_deref()
                .map(|d| d.trim_end_matches('.').to_ascii_lowercase()),
        })
        .collect()
}

fn org(domain: &str) -> String {
    crate::dmarc::psl::organizational_domain(domain)
}

fn is_public(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v) => {
            let o = v.octets();
            !(v.is_private()
                || v.is_loopback()
                || v.is_link_local()
                || v.is_unspecified()
                || (o[0] == 100 && (64..128).contains(&o[1])))
        }
        IpAddr::V6(v) => {
            let s = v.segments();
            !(v.is_loopback()
                || v.is_unspecified()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80)
        }
    }
}

/// The connecting IP a receiver's own results name (`smtp.remote-ip`, `smtp.client-ip`,
/// Microsoft's `(sender IP is …)`, Google's `designates … as permitted sender`).
fn claimed_ip(ar: &AuthResultsView) -> Option<IpAddr> {
    for m in &ar.results {
        for key in [
            "smtp.remote-ip",
            "smtp.client-ip",
            "policy.iprev",
            "smtp.remote_ip",
        ] {
            if let Some(ip) = m.property(key).and_then(received::parse_ip) {
                return Some(ip);
            }
        }
        if let Some(c) = &m.comment {
            let words: Vec<&str> = c.split_whitespace().collect();
            for (i, w) in words.iter().enumerate() {
                let after_is = i >= 1
                    && words[i - 1] == "is"
                    && i >= 2
                    && words[i - 2].eq_ignore_ascii_case("ip");
                let before_as =
                    words.get(i + 1) == Some(&"as") && i >= 1 && words[i - 1] == "designates";
                if (after_is || before_as)
                    && let Some(ip) = received::parse_ip(
                        w.trim_matches(|c: char| c == ')' || c == '(' || c == ';' || c == ','),
                    )
                {
                    return Some(ip);
                }
            }
        }
    }
    None
}

/// Parses a message: everything that needs no DNS.
pub fn parse(input: &[u8]) -> Result<(MessageReport, RawMessage), InputError> {
    let prepared = input::prepare_message(input)?;
    let msg = prepared.message;
    let mut findings: Vec<Located> = Vec::new();
    let mut add = |finding, fields: Vec<usize>| findings.push(Located { finding, fields });
    let fields: Vec<FieldView> = msg
        .fields
        .iter()
        .map(|f| FieldView {
            name: f.name.clone(),
            text: String::from_utf8_lossy(&f.raw).replace("\r\n", "\n"),
        })
        .collect();
    let idx = |name: &str| -> Vec<usize> {
        msg.fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is(name))
            .map(|(i, _)| i)
            .collect()
    };
    let first_value = |name: &str| msg.first(name).map(|f| f.value());

    // Summary.
    let from_fields = idx("From");
    let from: Vec<AddressView> = from_fields
        .iter()
        .flat_map(|&i| addresses(&msg.fields[i].value()))
        .collect();
    let mut summary = Summary {
        from,
        sender: first_value("Sender").and_then(|v| addresses(&v).into_iter().next()),
        reply_to: first_value("Reply-To")
            .map(|v| addresses(&v))
            .unwrap_or_default(),
        to: first_value("To").map(|v| addresses(&v)).unwrap_or_default(),
        cc: first_value("Cc").map(|v| addresses(&v)).unwrap_or_default(),
        subject: first_value("Subject").map(|raw| Decoded {
            text: address::decode_words(&raw),
            raw,
        }),
        message_id: first_value("Message-ID")
            .and_then(|v| address::parse_message_id(&v))
            .map(|m| m.id),
        return_path: first_value("Return-Path").map(|v| {
            v.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
                .to_string()
        }),
        ..Summary::default()
    };
    match first_value("Date") {
        None => add(Finding::NoDate, vec![]),
        Some(raw) => match date::parse(&raw) {
            Some(d) => {
                summary.date = Some(DateView {
                    rfc3339: date::to_rfc3339(d.timestamp, d.offset_minutes),
                    unix: d.timestamp,
                    raw,
                })
            }
            None => add(Finding::BadDate { value: raw }, idx("Date")),
        },
    }
    if summary.message_id.is_none() {
        add(Finding::NoMessageId, vec![]);
    }
    if let Some(v) = first_value("List-Unsubscribe") {
        let post = first_value("List-Unsubscribe-Post");
        let l = address::parse_list_unsubscribe(&v, post.as_deref());
        let uris: Vec<String> = l.uris.iter().map(|u| u.uri.clone()).collect();
        let one_click = l.one_click_ready();
        if !one_click {
            add(Finding::NoOneClickUnsubscribe, idx("List-Unsubscribe"));
        }
        summary.list_unsubscribe = Some(Unsubscribe { uris, one_click });
    }
    let from_domain = summary.from.first().and_then(|a| a.domain.clone());
    match summary.from.len() {
        0 => add(Finding::NoFrom, from_fields.clone()),
        1 => {}
        n => add(Finding::SeveralFrom { count: n }, from_fields.clone()),
    }
    if let (Some(fd), Some(first)) = (&from_domain, summary.from.first()) {
        if let Some(shown) = first.name.as_deref().and_then(address::address_in_text)
            && address::domain_of(&shown).is_some_and(|d| org(&d) != org(fd))
        {
            add(
                Finding::DisplayNameAddress {
                    shown,
                    actual: first.address.clone(),
                },
                from_fields.clone(),
            );
        }
        if let Some(rt) = summary.reply_to.iter().find_map(|a| a.domain.clone())
            && org(&rt) != org(fd)
        {
            add(
                Finding::ReplyToOtherDomain {
                    reply_to: rt,
                    from: fd.clone(),
                },
                idx("Reply-To"),
            );
        }
        if let Some(rp) = summary.return_path.as_deref().and_then(address::domain_of)
            && org(&rp) != org(fd)
        {
            add(
                Finding::ReturnPathOtherDomain {
                    return_path: rp,
                    from: fd.clone(),
                },
                idx("Return-Path"),
            );
        }
    }

    // Fields people read, with characters that hide what they say.
    for name in ["From", "Sender", "Reply-To", "Subject"] {
        for i in idx(name) {
            let characters =
                address::hidden_characters(&address::decode_words(&msg.fields[i].value()));
            if !characters.is_empty() {
                add(
                    Finding::HiddenCharacters {
                        field: msg.fields[i].name.clone(),
                        characters,
                    },
                    vec![i],
                );
            }
        }
    }

    // The route: Received fields are added on top, so the origin is the last one.
    let received_idx = idx("Received");
    // Hops keep their numbers from the origin even when the oldest are left out.
    let skipped = received_idx.len().saturating_sub(MAX_HOPS);
    if skipped > 0 {
        add(
            Finding::TooManyHops {
                total: received_idx.len(),
                analysed: MAX_HOPS,
            },
            vec![],
        );
    }
    let signatures = idx("DKIM-Signature");
    if signatures.len() > crate::dkim::verify::MAX_SIGNATURES {
        add(
            Finding::TooManySignatures {
                total: signatures.len(),
                verified: crate::dkim::verify::MAX_SIGNATURES,
            },
            vec![],
        );
    }
    let mut hops: Vec<HopView> = Vec::new();
    let start = summary.date.as_ref().map(|d| d.unix);
    // The first hop's delay counts from the Date field, or from the newest hop left out.
    let mut previous = match received_idx.get(MAX_HOPS) {
        Some(&i) => received::parse(&msg.fields[i].value()).timestamp,
        None => start,
    };
    for (n, &i) in received_idx.iter().take(MAX_HOPS).rev().enumerate() {
        let h = received::parse(&msg.fields[i].value());
        let number = skipped + n + 1;
        if !h.parsed {
            add(Finding::UnparsedHop { hop: number }, vec![i]);
        }
        if h.timestamp.is_none() {
            add(Finding::UnparsedDate { hop: number }, vec![i]);
        }
        let delay = match (h.timestamp, previous) {
            (Some(t), Some(p)) => Some(t - p),
            _ => None,
        };
        if let Some(d) = delay {
            if d < -SKEW_TOLERANCE_SECONDS {
                add(
                    Finding::NegativeDelay {
                        hop: number,
                        seconds: d,
                    },
                    vec![i],
                );
            } else if d > LONG_DELAY_SECONDS {
                add(
                    Finding::LongDelay {
                        hop: number,
                        seconds: d,
                    },
                    vec![i],
                );
            }
        }
        if h.timestamp.is_some() {
            previous = h.timestamp;
        }
        hops.push(HopView {
            number,
            from_host: h.from_host,
            from_rdns: h.from_rdns,
            from_ip: h.from_ip,
            by_host: h.by_host,
            protocol: h.with_protocol,
            tls: h.tls,
            timestamp: h
                .timestamp
                .map(|t| date::to_rfc3339(t, h.offset_minutes.unwrap_or(0))),
            unix: h.timestamp,
            delay_seconds: delay,
            parsed: h.parsed,
            raw: h.raw,
            field: i,
        });
    }
    if hops.is_empty() {
        add(Finding::NoReceived, vec![]);
    }
    let first_time = start.or_else(|| hops.iter().find_map(|h| h.unix));
    let last_time = hops.iter().rev().find_map(|h| h.unix);
    let total_delay_seconds = match (first_time, last_time) {
        (Some(a), Some(b)) => Some(b - a),
        _ => None,
    };

    // The hop where the message entered the receiving organisation: the top-most one
    // from a public address that is not an internal transfer within that organisation.
    let from_received = hops.iter().rev().find(|h| {
        h.from_ip.as_ref().is_some_and(is_public) && {
            let sender = h.from_rdns.as_deref().or(h.from_host.as_deref()).map(org);
            let receiver = h.by_host.as_deref().map(org);
            sender.is_none() || sender != receiver
        }
    });
    let entry_field = from_received.map(|h| h.field);

    // Authentication-Results: the top-most one is the receiver's; others with the same
    // authserv-id too, and those of the same organisation written after the message
    // entered it (above the entry hop): iCloud signs each check with its own host,
    // `dmarc.icloud.com`, `spf.icloud.com`, `dkim-verifier.icloud.com`. The rest are
    // claims.
    let mut authentication_results: Vec<AuthResultsView> = Vec::new();
    let ar_idx = idx("Authentication-Results");
    let view = |ar: AuthResults, field: usize, trusted: bool| AuthResultsView {
        authserv_id: ar.authserv_id,
        trusted,
        instance: ar.instance,
        results: ar
            .results
            .into_iter()
            .map(|m| MethodView {
                properties: m
                    .properties
                    .into_iter()
                    .map(|p| {
                        let key = if p.ptype.is_empty() {
                            p.name
                        } else {
                            format!("{}.{}", p.ptype, p.name)
                        };
                        (key, serde_json::Value::String(p.value))
                    })
                    .collect(),
                method: m.method,
                result: m.result,
                reason: m.reason,
                comment: m.comment,
            })
            .collect(),
        field,
    };
    let mut antispam_items: Vec<AntispamItem> = Vec::new();
    let mut trusted_id: Option<String> = None;
    for &i in &ar_idx {
        let parsed = auth_results::parse(&msg.fields[i].value());
        antispam_items.extend(antispam::decode_compauth(&parsed, &msg.fields[i].name));
        let id = parsed.authserv_id.to_ascii_lowercase();
        let trusted = match &trusted_id {
            None => {
                trusted_id = Some(id.clone());
                true
            }
            Some(t) => {
                *t == id
                    || (!id.is_empty()
                        && org(&id) == org(t)
                        && entry_field.is_none_or(|entry| i < entry))
            }
        };
        if !trusted {
            add(
                Finding::UntrustedAuthResults {
                    authserv_id: parsed.authserv_id.clone(),
                },
                vec![i],
            );
        }
        authentication_results.push(view(parsed, i, trusted));
    }
    if ar_idx.is_empty() {
        add(Finding::NoAuthResults, vec![]);
    }
    for i in idx("ARC-Authentication-Results") {
        let parsed = auth_results::parse(&msg.fields[i].value());
        authentication_results.push(view(parsed, i, false));
    }
    let received_spf: Vec<ReceivedSpf> = idx("Received-SPF")
        .into_iter()
        .map(|i| auth_results::parse_received_spf(&msg.fields[i].value()))
        .collect();
    for f in &msg.fields {
        if antispam::is_antispam_header(&f.name) {
            antispam_items.extend(antispam::decode(&f.name, &f.value()));
        }
    }

    // The connecting IP: what the receiver's results name, else the entry hop.
    let claimed = authentication_results
        .iter()
        .filter(|a| a.trusted)
        .find_map(|a| claimed_ip(a).map(|ip| (ip, IpSource::AuthenticationResults)))
        .or_else(|| {
            received_spf.first().and_then(|r| {
                r.pairs
                    .iter()
                    .find(|p| p.key.eq_ignore_ascii_case("client-ip"))
                    .and_then(|p| received::parse_ip(&p.value))
                    .map(|ip| (ip, IpSource::ReceivedSpf))
            })
        });
    let connecting_ip = match (claimed, from_received) {
        (Some((ip, source)), hop) => {
            let matched = hops.iter().rev().find(|h| h.from_ip == Some(ip));
            if let Some(h) = hop
                && h.from_ip != Some(ip)
                && matched.is_none()
                && let Some(r) = h.from_ip
            {
                add(
                    Finding::ConnectingIpDiffers {
                        received: r.to_string(),
                        claimed: ip.to_string(),
                    },
                    vec![h.field],
                );
            }
            Some(ConnectingIp {
                ip,
                source,
                helo: matched.and_then(|h| h.from_host.clone()),
                hop: matched.map(|h| h.number),
            })
        }
        (None, Some(h)) => h.from_ip.map(|ip| ConnectingIp {
            ip,
            source: IpSource::Received,
            helo: h.from_host.clone(),
            hop: Some(h.number),
        }),
        (None, None) => {
            if !hops.is_empty() {
                add(Finding::ConnectingIpUnknown, vec![]);
            }
            None
        }
    };
    let body_present = msg.body.is_some();
    if !body_present {
        findings.insert(
            0,
            Located {
                finding: Finding::BodyAbsent,
                fields: vec![],
            },
        );
    }
    let report = MessageReport {
        body_present,
        input_notes: prepared.notes,
        summary,
        hops,
        total_delay_seconds,
        connecting_ip,
        authentication_results,
        received_spf,
        antispam: antispam_items,
        findings,
        fields,
    };
    Ok((report, msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted(msg: &str) -> Vec<(String, bool)> {
        let (r, _) = parse(msg.as_bytes()).unwrap();
        r.authentication_results
            .iter()
            .map(|a| (a.authserv_id.clone(), a.trusted))
            .collect()
    }

    #[test]
    fn one_receiver_with_several_authserv_ids() {
        // iCloud: one field per check, each from its own host, all above the entry hop.
        // A field of the same organisation below the entry hop was written before the
        // receiver got the message (or forged by the sender): a claim.
        let msg = "Authentication-Results: dmarc.icloud.test; dmarc=pass header.from=example.com\r\n\
Authentication-Results: spf.icloud.test; spf=pass smtp.mailfrom=example.com\r\n\
Received: from out.example.com (out.example.com [192.0.2.21]) by ms-inbound-11.mail.icloud.test (Postfix) with ESMTPS id 4F8C; Mon, 10 Jun 2024 17:45:02 +0000\r\n\
Authentication-Results: dkim-verifier.icloud.test; dkim=pass header.d=example.com\r\n\
Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com\r\n\
From: a@example.com\r\n\r\nbody\r\n";
        assert_eq!(
            trusted(msg),
            [
                ("dmarc.icloud.test".to_string(), true),
                ("spf.icloud.test".to_string(), true),
                ("dkim-verifier.icloud.test".to_string(), false),
                ("mx.example.net".to_string(), false),
            ]
        );
    }
}
