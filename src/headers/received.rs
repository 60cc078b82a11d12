//! One `Received` trace field (RFC 5321 §4.4, RFC 5322 §3.6.7) read into a [`Hop`].
//!
//! The grammar (`from` · `by` · `via` · `with` · `id` · `for` `;` date) is only a frame:
//! each MTA writes its own comments. This reader knows the shapes of Postfix, Exim,
//! Sendmail, qmail, Exchange and Exchange Online, Gmail, Yahoo, iCloud, Proton,
//! Amazon SES, SendGrid and Mailchimp, and never fails: what it cannot place makes
//! [`Hop::parsed`] false so the raw text stays visible.
//!
//! Who says what in the comment after `from`:
//! * Postfix / Sendmail / Gmail: `from HELO (rDNS [IP])`, rDNS `unknown` when absent;
//! * Exim: `from rDNS ([IP]:port helo=HELO)` (no `helo=` when it equals the name);
//! * qmail: `from rDNS-or-unknown (HELO name) (IP)`;
//! * Exchange: `from HELO (IP)`.

use std::net::IpAddr;

use serde::Serialize;

use super::date;
use super::lex::{Spanned, Token, tokenize};

/// One relay step of the Received chain, read from one `Received` field.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Hop {
    /// The field value as given (unfolded), kept for display.
    pub raw: String,
    /// The name the sending client gave (HELO/EHLO), or the `from` word as written.
    pub from_host: Option<String>,
    /// The sending client's reverse-DNS name as the receiver found it.
    pub from_rdns: Option<String>,
    /// The sending client's IP address.
    pub from_ip: Option<IpAddr>,
    /// The receiving server's name.
    pub by_host: Option<String>,
    /// The receiving server's address, when written (Exchange Online, Gmail).
    pub by_ip: Option<IpAddr>,
    /// The `via` clause (`Frontend Transport`, `Mailbox Transport`…).
    pub via: Option<String>,
    /// The `with` protocol as written: `SMTP`, `ESMTPS`, `LMTP`, `HTTP`,
    /// `Microsoft SMTP Server`…
    pub with_protocol: Option<String>,
    /// TLS version or cipher when the receiver stated them.
    pub tls: Option<String>,
    /// The receiver's queue or message identifier.
    pub id: Option<String>,
    /// The recipient address the receiver wrote (`for <…>`), without angle brackets.
    pub for_addr: Option<String>,
    /// The envelope sender when stated (Exim `(envelope-from <…>)`).
    pub envelope_from: Option<String>,
    /// When the receiver got the message, UNIX seconds.
    pub timestamp: Option<i64>,
    /// The offset the receiver wrote with its date, in minutes.
    pub offset_minutes: Option<i32>,
    /// Comments not read into a field (software names, qmail notes, certificates).
    pub comments: Vec<String>,
    /// True when every part was placed and the date was read; false keeps the raw
    /// field worth showing.
    pub parsed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Clause {
    None,
    From,
    By,
    Via,
    With,
    Id,
    For,
}

fn keyword(w: &str) -> Option<Clause> {
    let k = w.to_ascii_lowercase();
    Some(match k.as_str() {
        "from" => Clause::From,
        "by" => Clause::By,
        "via" => Clause::Via,
        "with" => Clause::With,
        "id" => Clause::Id,
        "for" => Clause::For,
        _ => return None,
    })
}

/// Most words tried as the start of a date when the field has no `;`.
const MAX_DATE_PROBES: usize = 64;

/// Parses one `Received` field value (unfolded or not).
pub fn parse(value: &str) -> Hop {
    let mut hop = Hop {
        raw: value.trim().to_string(),
        ..Hop::default()
    };
    let tokens = tokenize(value, &[';']);
    let (clauses, date_text) = split_date(value, &tokens);
    let mut date_ok = false;
    if let Some(text) = date_text
        && let Some(d) = date::parse(text)
    {
        hop.timestamp = Some(d.timestamp);
        hop.offset_minutes = Some(d.offset_minutes);
        date_ok = true;
    }

    let mut clause = Clause::None;
    let mut seen_clause = false;
    let mut stray = false;
    let mut from_word: Option<String> = None;
    let mut info = FromInfo::default();
    let mut with_words: Vec<String> = Vec::new();
    let mut via_words: Vec<String> = Vec::new();
    let mut tls_next = false;
    for t in clauses {
        match &t.token {
            Token::Special(_) => {}
            Token::Quoted(q) => {
                if clause == Clause::None {
                    stray = true;
                }
                hop.comments.push(q.clone());
            }
            Token::Word(w) => {
                if tls_next {
                    tls_next = false;
                    append_tls(&mut hop.tls, w);
                    continue;
                }
                if let Some(k) = keyword(w).filter(|&k| k != clause) {
                    clause = k;
                    seen_clause = true;
                    continue;
                }
                match clause {
                    Clause::None => stray = true,
                    Clause::From if from_word.is_none() => from_word = Some(w.clone()),
                    Clause::By if hop.by_host.is_none() => {
                        hop.by_ip = parse_ip(w);
                        hop.by_host = Some(w.clone());
                    }
                    Clause::Id if hop.id.is_none() => hop.id = Some(w.clone()),
                    Clause::For if hop.for_addr.is_none() => {
                        hop.for_addr = Some(strip_angle(w));
                    }
                    Clause::With if w.eq_ignore_ascii_case("tls") => tls_next = true,
                    Clause::With => with_words.push(w.clone()),
                    Clause::Via => via_words.push(w.clone()),
                    // Extra words after a one-word clause ("for multiple recipients").
                    Clause::For => {}
                    Clause::From | Clause::By | Clause::Id => stray = true,
                }
            }
            Token::Comment(c) => match classify(c) {
                CommentKind::Tls(t) => append_tls(&mut hop.tls, &t),
                CommentKind::EnvelopeFrom(a) => hop.envelope_from = Some(a),
                CommentKind::Other => {
                    if clause == Clause::From && info.read(c) {
                        continue;
                    }
                    if clause == Clause::By
                        && hop.by_ip.is_none()
                        && let Some(ip) = parse_ip(c)
                    {
                        hop.by_ip = Some(ip);
                        continue;
                    }
                    hop.comments.push(c.clone());
                }
            },
        }
    }

    // Place the from word, the HELO and the rDNS according to the MTA's shape.
    if let Some(word) = from_word {
        let word_ip = parse_ip(&word);
        let word = word.trim_end_matches('.').to_string();
        match info.helo.take() {
            Some(helo) => {
                if word_ip.is_none() && !word.eq_ignore_ascii_case("unknown") {
                    hop.from_rdns = Some(word);
                }
                hop.from_host = Some(helo);
            }
            None => hop.from_host = Some(word),
        }
        hop.from_ip = info.ip.or(word_ip);
    } else {
        hop.from_host = info.helo.take();
        hop.from_ip = info.ip;
    }
    if hop.from_rdns.is_none() {
        hop.from_rdns = info.rdns;
    }
    if !with_words.is_empty() {
        hop.with_protocol = Some(with_words.join(" "));
    }
    if !via_words.is_empty() {
        hop.via = Some(via_words.join(" "));
    }
    let has_parts = hop.from_host.is_some() || hop.by_host.is_some();
    let comment_only = !seen_clause && !hop.comments.is_empty();
    hop.parsed = date_ok && !stray && (has_parts || comment_only);
    hop
}

/// Splits the tokens at the date: after the last `;`, or, without one (SendGrid), at
/// the first word from which a whole date reads.
fn split_date<'a>(value: &'a str, tokens: &'a [Spanned]) -> (&'a [Spanned], Option<&'a str>) {
    if let Some(i) = tokens.iter().rposition(|t| t.token == Token::Special(';')) {
        let start = tokens.get(i).map_or(value.len(), |t| t.start + 1);
        return (tokens.get(..i).unwrap_or(&[]), value.get(start..));
    }
    let candidates = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            matches!(&t.token, Token::Word(w)
                if w.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric()))
        })
        .take(MAX_DATE_PROBES);
    for (i, t) in candidates {
        if let Some(rest) = value.get(t.start..)
            && date::parse(rest).is_some()
        {
            return (tokens.get(..i).unwrap_or(&[]), Some(rest));
        }
    }
    (tokens, None)
}

enum CommentKind {
    Tls(String),
    EnvelopeFrom(String),
    Other,
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn classify(c: &str) -> CommentKind {
    if starts_with_ci(c, "using ") {
        return CommentKind::Tls(c.get(6..).unwrap_or("").trim().to_string());
    }
    if starts_with_ci(c, "envelope-from") {
        let rest = c.get(13..).unwrap_or("").trim_start_matches([' ', '=']);
        return CommentKind::EnvelopeFrom(strip_angle(rest.trim()));
    }
    let lower = c.to_ascii_lowercase();
    if lower.contains("cipher=")
        || (lower.contains("version=") && lower.contains("tls"))
        || starts_with_ci(c, "TLS")
        || starts_with_ci(c, "SSL")
    {
        return CommentKind::Tls(c.to_string());
    }
    CommentKind::Other
}

fn append_tls(tls: &mut Option<String>, more: &str) {
    match tls {
        Some(t) => {
            t.push(' ');
            t.push_str(more);
        }
        None => *tls = Some(more.to_string()),
    }
}

fn strip_angle(s: &str) -> String {
    s.trim()
        .trim_start_matches('<')
        .trim_end_matches([';', ','])
        .trim_end_matches('>')
        .to_string()
}

/// An IP in any written form: `192.0.2.1`, `[192.0.2.1]`, `[192.0.2.1]:25`,
/// `[IPv6:2001:db8::1]`, `2001:db8::1`.
pub fn parse_ip(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    let inner = match s.strip_prefix('[') {
        Some(rest) => rest.split(']').next()?,
        None => s,
    };
    let inner = if starts_with_ci(inner, "ipv6:") {
        inner.get(5..)?
    } else {
        inner
    };
    inner.parse().ok()
}

/// What the comment after `from` says about the client.
#[derive(Default)]
struct FromInfo {
    helo: Option<String>,
    rdns: Option<String>,
    ip: Option<IpAddr>,
}

impl FromInfo {
    /// Reads a comment of the `from` clause; false when it says nothing about the client.
    fn read(&mut self, c: &str) -> bool {
        let words: Vec<&str> = c.split_whitespace().collect();
        let mut found = false;
        let mut prev_name: Option<&str> = None;
        let mut i = 0;
        while let Some(&w) = words.get(i) {
            i += 1;
            if w.eq_ignore_ascii_case("helo") || w.eq_ignore_ascii_case("ehlo") {
                if let Some(&h) = words.get(i) {
                    i += 1;
                    self.helo.get_or_insert_with(|| h.to_string());
                    found = true;
                }
            } else if starts_with_ci(w, "helo=") {
                let h = w.get(5..).unwrap_or("");
                if !h.is_empty() {
                    self.helo.get_or_insert_with(|| h.to_string());
                    found = true;
                }
            } else if let Some(ip) = parse_ip(w) {
                if self.ip.is_none() {
                    self.ip = Some(ip);
                    if let Some(name) = prev_name.take()
                        && !name.eq_ignore_ascii_case("unknown")
                    {
                        self.rdns = Some(name.trim_end_matches('.').to_string());
                    }
                }
                found = true;
            } else if w.contains('=') || w.contains('(') || w.contains(')') {
                // port=…, ident=…, nested "(may be forged)".
                prev_name = None;
            } else {
                prev_name = Some(w);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2024-03-05T10:00:00Z
    const T: i64 = 1_709_632_800;

    /// Expected values; `None` fields must be absent.
    #[derive(Default)]
    struct E {
        from: Option<&'static str>,
        rdns: Option<&'static str>,
        ip: Option<&'static str>,
        by: Option<&'static str>,
        with: Option<&'static str>,
        tls: Option<&'static str>,
        id: Option<&'static str>,
        for_addr: Option<&'static str>,
        via: Option<&'static str>,
        ts: Option<i64>,
        unparsed: bool,
    }

    fn check(name: &str, input: &str, e: E) {
        let h = parse(input);
        let s = |o: &Option<String>| o.clone();
        let o = |x: Option<&str>| x.map(str::to_string);
        assert_eq!(s(&h.from_host), o(e.from), "{name}: from_host {h:#?}");
        assert_eq!(s(&h.from_rdns), o(e.rdns), "{name}: from_rdns {h:#?}");
        assert_eq!(
            h.from_ip.map(|i| i.to_string()),
            o(e.ip),
            "{name}: from_ip {h:#?}"
        );
        assert_eq!(s(&h.by_host), o(e.by), "{name}: by_host {h:#?}");
        assert_eq!(s(&h.with_protocol), o(e.with), "{name}: with {h:#?}");
        assert_eq!(s(&h.tls), o(e.tls), "{name}: tls {h:#?}");
        assert_eq!(s(&h.id), o(e.id), "{name}: id {h:#?}");
        assert_eq!(s(&h.for_addr), o(e.for_addr), "{name}: for {h:#?}");
        assert_eq!(s(&h.via), o(e.via), "{name}: via {h:#?}");
        assert_eq!(h.timestamp, e.ts, "{name}: timestamp {h:#?}");
        assert_eq!(h.parsed, !e.unparsed, "{name}: parsed {h:#?}");
    }

    #[test]
    fn real_world_shapes() {
        let table: Vec<(&str, &str, E)> = vec![
            (
                "postfix tls",
                "from mail.example.com (mail.example.com [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 4Tq1Xy2Zz3 for <bob@example.net>; Tue, 5 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    from: Some("mail.example.com"),
                    rdns: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTPS"),
                    tls: Some(
                        "TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256",
                    ),
                    id: Some("4Tq1Xy2Zz3"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "postfix unknown rdns",
                "from helo.example.com (unknown [198.51.100.7]) by mx.example.net (Postfix) with ESMTP id ABC123 for <bob@example.net>; Tue,  5 Mar 2024 11:00:00 +0100 (CET)",
                E {
                    from: Some("helo.example.com"),
                    ip: Some("198.51.100.7"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTP"),
                    id: Some("ABC123"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "postfix authenticated submission (iCloud-like)",
                "from [192.168.1.10] (unknown [198.51.100.7]) (Authenticated sender: alice@example.com) by smtp.example.com (Postfix) with ESMTPSA id 3A1B2C3D4E for <bob@example.net>; Tue, 5 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    from: Some("[192.168.1.10]"),
                    ip: Some("198.51.100.7"),
                    by: Some("smtp.example.com"),
                    with: Some("ESMTPSA"),
                    id: Some("3A1B2C3D4E"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "postfix local pickup",
                "by mx.example.net (Postfix, from userid 1000) id 5C6D7E8F9A; Tue, 5 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    by: Some("mx.example.net"),
                    id: Some("5C6D7E8F9A"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exim with helo and tls",
                "from mail.example.com ([192.0.2.1]:51234 helo=smtp.example.com) by mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <alice@example.com>) id 1rhXYZ-0001Ab-2C for bob@example.net; Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("smtp.example.com"),
                    rdns: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.example.net"),
                    with: Some("esmtps"),
                    tls: Some("TLS1.3 TLS_AES_256_GCM_SHA384"),
                    id: Some("1rhXYZ-0001Ab-2C"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exim literal with port and helo literal",
                "from [192.0.2.1] (port=51234 helo=[10.0.0.1]) by mx.example.net with esmtpsa (TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256) (Exim 4.92) (envelope-from <alice@example.com>) id 1abcde-000123-AB; Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("[10.0.0.1]"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.example.net"),
                    with: Some("esmtpsa"),
                    tls: Some("TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256"),
                    id: Some("1abcde-000123-AB"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exim local",
                "from alice by host.example.com with local (Exim 4.96) (envelope-from <alice@example.com>) id 1rhXYZ-0001Ab-2D; Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("alice"),
                    by: Some("host.example.com"),
                    with: Some("local"),
                    id: Some("1rhXYZ-0001Ab-2D"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "sendmail tls after id",
                "from helo.example.com (rdns.example.com [192.0.2.1]) by mx.example.net (8.15.2/8.15.2) with ESMTPS id 425A0abc012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT) for <bob@example.net>; Tue, 5 Mar 2024 05:00:00 -0500",
                E {
                    from: Some("helo.example.com"),
                    rdns: Some("rdns.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTPS"),
                    tls: Some("version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT"),
                    id: Some("425A0abc012345"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "sendmail may be forged",
                "from helo.example.com (rdns.example.org [192.0.2.1] (may be forged)) by mx.example.net (8.14.7/8.14.7) with ESMTP id 425A0def; Tue, 5 Mar 2024 10:00:00 GMT",
                E {
                    from: Some("helo.example.com"),
                    rdns: Some("rdns.example.org"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTP"),
                    id: Some("425A0def"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "sendmail localhost",
                "from localhost (localhost [127.0.0.1]) by host.example.com (8.15.2/8.15.2/Submit) id 425A0xyz; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("localhost"),
                    rdns: Some("localhost"),
                    ip: Some("127.0.0.1"),
                    by: Some("host.example.com"),
                    id: Some("425A0xyz"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "qmail invoked from network",
                "(qmail 1234 invoked from network); 5 Mar 2024 10:00:00 -0000",
                E {
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "qmail helo",
                "from unknown (HELO mail.example.com) (198.51.100.2) by mx.example.net with SMTP; 5 Mar 2024 10:00:00 -0000",
                E {
                    from: Some("mail.example.com"),
                    ip: Some("198.51.100.2"),
                    by: Some("mx.example.net"),
                    with: Some("SMTP"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "localhost with HELO",
                "from localhost (HELO mail.example.com) (127.0.0.1) by mx.example.net with SMTP; 5 Mar 2024 10:00:00 -0000",
                E {
                    from: Some("mail.example.com"),
                    rdns: Some("localhost"),
                    ip: Some("127.0.0.1"),
                    by: Some("mx.example.net"),
                    with: Some("SMTP"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exchange online internal",
                "from BN8PR12MB1234.namprd12.prod.outlook.com (2603:10b6:408:1::11) by SA1PR12MB5678.namprd12.prod.outlook.com (2603:10b6:806:2::22) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7362.23; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("BN8PR12MB1234.namprd12.prod.outlook.com"),
                    ip: Some("2603:10b6:408:1::11"),
                    by: Some("SA1PR12MB5678.namprd12.prod.outlook.com"),
                    with: Some("Microsoft SMTP Server"),
                    tls: Some("version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
                    id: Some("15.20.7362.23"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exchange online frontend",
                "from mail.example.com (192.0.2.1) by BN8NAM12FT012.mail.protection.outlook.com (10.13.182.100) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.7362.23 via Frontend Transport; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("BN8NAM12FT012.mail.protection.outlook.com"),
                    with: Some("Microsoft SMTP Server"),
                    tls: Some("version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384"),
                    id: Some("15.20.7362.23"),
                    via: Some("Frontend Transport"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exchange on-premises mapi",
                "from EX01.corp.example.com ([fe80::1234:5678]) by EX01.corp.example.com ([fe80::1234:5678%12]) with mapi id 15.01.2507.035; Tue, 5 Mar 2024 11:00:00 +0100",
                E {
                    from: Some("EX01.corp.example.com"),
                    ip: Some("fe80::1234:5678"),
                    by: Some("EX01.corp.example.com"),
                    with: Some("mapi"),
                    id: Some("15.01.2507.035"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exchange 2010 tls",
                "from EX02.corp.example.com (10.0.0.2) by EX03.corp.example.com (10.0.0.3) with Microsoft SMTP Server (TLS) id 14.3.498.0; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("EX02.corp.example.com"),
                    ip: Some("10.0.0.2"),
                    by: Some("EX03.corp.example.com"),
                    with: Some("Microsoft SMTP Server"),
                    tls: Some("TLS"),
                    id: Some("14.3.498.0"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "iis smtpsvc",
                "from mail.example.com ([192.0.2.1]) by iis.example.net with Microsoft SMTPSVC(6.0.3790.4675); Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("iis.example.net"),
                    with: Some("Microsoft SMTPSVC"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "gmail internal",
                "by 2002:a05:6a10:1234:b0:123:4567:89ab with SMTP id abc123csp456789; Tue, 5 Mar 2024 02:00:00 -0800 (PST)",
                E {
                    by: Some("2002:a05:6a10:1234:b0:123:4567:89ab"),
                    with: Some("SMTP"),
                    id: Some("abc123csp456789"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "gmail inbound from google",
                "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a1-20020a05600c000100b0041234567sor.1.2024.03.05.02.00.00 for <bob@example.net> (Google Transport Security); Tue, 05 Mar 2024 02:00:00 -0800 (PST)",
                E {
                    from: Some("mail-sor-f41.google.com"),
                    rdns: Some("mail-sor-f41.google.com"),
                    ip: Some("209.85.220.41"),
                    by: Some("mx.google.com"),
                    with: Some("SMTPS"),
                    id: Some("a1-20020a05600c000100b0041234567sor.1.2024.03.05.02.00.00"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "gmail inbound esmtps tls",
                "from mail.example.com (mail.example.com. [192.0.2.1]) by mx.google.com with ESMTPS id x12-20020a17090a000000b00123 for <bob@example.net> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Tue, 05 Mar 2024 02:00:00 -0800 (PST)",
                E {
                    from: Some("mail.example.com"),
                    rdns: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    by: Some("mx.google.com"),
                    with: Some("ESMTPS"),
                    tls: Some("version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256"),
                    id: Some("x12-20020a17090a000000b00123"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "gmail http",
                "by 2002:a17:90a:1234:b0:29a:0:0 with HTTP; Tue, 5 Mar 2024 02:00:00 -0800 (PST)",
                E {
                    by: Some("2002:a17:90a:1234:b0:29a:0:0"),
                    with: Some("HTTP"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "yahoo http",
                "from 192.0.2.1 by sonic.gate.mail.ne1.yahoo.com with HTTP; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("192.0.2.1"),
                    ip: Some("192.0.2.1"),
                    by: Some("sonic.gate.mail.ne1.yahoo.com"),
                    with: Some("HTTP"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "yahoo hermes esmtpa",
                "from [192.0.2.1] by smtp412.mail.ir2.yahoo.com (VZM Hermes SMTP Server) with ESMTPA ID 0123456789abcdef0123456789abcdef; Tue, 05 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    from: Some("[192.0.2.1]"),
                    ip: Some("192.0.2.1"),
                    by: Some("smtp412.mail.ir2.yahoo.com"),
                    with: Some("ESMTPA"),
                    id: Some("0123456789abcdef0123456789abcdef"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "icloud oracle messaging server nested comments",
                "from [192.168.1.10] (unknown [198.51.100.7]) by ms11p00im-qufv17112101.me.com (Oracle Communications Messaging Server 8.0.2.4.20190507 64bit (built May  7 2019)) with ESMTPSA id <0PQ2XYZ@ms11p00im-qufv17112101.me.com> for bob@example.net; Tue, 05 Mar 2024 10:00:00 +0000 (GMT)",
                E {
                    from: Some("[192.168.1.10]"),
                    ip: Some("198.51.100.7"),
                    by: Some("ms11p00im-qufv17112101.me.com"),
                    with: Some("ESMTPSA"),
                    id: Some("<0PQ2XYZ@ms11p00im-qufv17112101.me.com>"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "proton outbound",
                "from mail-4321.protonmail.ch (mail-4321.protonmail.ch [203.0.113.21]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 4TqZ for <bob@example.net>; Tue, 05 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    from: Some("mail-4321.protonmail.ch"),
                    rdns: Some("mail-4321.protonmail.ch"),
                    ip: Some("203.0.113.21"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTPS"),
                    tls: Some("TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"),
                    id: Some("4TqZ"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "amazon ses internal",
                "from a8-12.smtp-out.amazonses.com by email-smtp.amazonaws.com with SMTP (SimpleEmailService-d-ABCDEF123) id 0100018e1234abcd-1234abcd for bob@example.net; Tue, 05 Mar 2024 10:00:00 +0000 (UTC)",
                E {
                    from: Some("a8-12.smtp-out.amazonses.com"),
                    by: Some("email-smtp.amazonaws.com"),
                    with: Some("SMTP"),
                    id: Some("0100018e1234abcd-1234abcd"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "sendgrid go date without semicolon",
                "by filterdrecv-123-abc.sendgrid.net with SMTP id filterdrecv-123-abc-1-65E6F0A0-1 2024-03-05 10:00:00.123456789 +0000 UTC m=+12345.678901",
                E {
                    by: Some("filterdrecv-123-abc.sendgrid.net"),
                    with: Some("SMTP"),
                    id: Some("filterdrecv-123-abc-1-65E6F0A0-1"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "sendgrid http without semicolon",
                "from MTIzNDU2 (unknown) by geopod-ismtpd-1 (SG) with HTTP id aBcDeFgHiJ Tue, 05 Mar 2024 10:00:00.123 +0000 (UTC)",
                E {
                    from: Some("MTIzNDU2"),
                    by: Some("geopod-ismtpd-1"),
                    with: Some("HTTP"),
                    id: Some("aBcDeFgHiJ"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "mailchimp / mandrill",
                "from [198.51.100.1] by mandrillapp.com id 0123456789abcdef0123456789abcdef; Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("[198.51.100.1]"),
                    ip: Some("198.51.100.1"),
                    by: Some("mandrillapp.com"),
                    id: Some("0123456789abcdef0123456789abcdef"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "yahoo inbound: IP first, EHLO in the comment, by an internal IP",
                "from 203.0.113.88 (EHLO mta.shop.example.net)\r\n by 10.217.151.75 with SMTPs\r\n (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256);\r\n Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("mta.shop.example.net"),
                    ip: Some("203.0.113.88"),
                    by: Some("10.217.151.75"),
                    with: Some("SMTPs"),
                    tls: Some("version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exim: IPv6 client whose HELO is a bracketed private IPv4",
                "from [2001:db8:77::5] (helo=[192.168.178.20])\r\n\tby out.example.org with esmtpsa  (TLS1.3) tls TLS_AES_128_GCM_SHA256\r\n\t(Exim 4.97)\r\n\t(envelope-from <anna@example.org>)\r\n\tid 1sGjKk-0001Ab-0z\r\n\tfor max@example.test;\r\n\tTue, 05 Mar 2024 11:00:00 +0100",
                E {
                    from: Some("[192.168.178.20]"),
                    ip: Some("2001:db8:77::5"),
                    by: Some("out.example.org"),
                    with: Some("esmtpsa"),
                    tls: Some("TLS1.3 TLS_AES_128_GCM_SHA256"),
                    id: Some("1sGjKk-0001Ab-0z"),
                    for_addr: Some("max@example.test"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "exchange online, folded inside the date",
                "from BN9PR03CA0123.namprd03.prod.outlook.com (2001:db8:10b6:2::2e)\r\n by DM6PR11MB4321.namprd11.prod.outlook.com (2001:db8:10b6:1::12) with\r\n Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7633.36; Tue, 5 Mar\r\n 2024 10:00:00 +0000",
                E {
                    from: Some("BN9PR03CA0123.namprd03.prod.outlook.com"),
                    ip: Some("2001:db8:10b6:2::2e"),
                    by: Some("DM6PR11MB4321.namprd11.prod.outlook.com"),
                    with: Some("Microsoft SMTP Server"),
                    tls: Some("version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
                    id: Some("15.20.7633.36"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "ipv6 literal",
                "from mail.example.com (mail.example.com [IPv6:2001:db8::1]) by mx.example.net (Postfix) with ESMTPS id 4Tq9; Tue, 5 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("mail.example.com"),
                    rdns: Some("mail.example.com"),
                    ip: Some("2001:db8::1"),
                    by: Some("mx.example.net"),
                    with: Some("ESMTPS"),
                    id: Some("4Tq9"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "lmtp delivery",
                "from mx.example.net ([203.0.113.5]) by imap.example.net with LMTP id kLmN0pQr for <bob@example.net>; Tue, 05 Mar 2024 10:00:00 +0000",
                E {
                    from: Some("mx.example.net"),
                    ip: Some("203.0.113.5"),
                    by: Some("imap.example.net"),
                    with: Some("LMTP"),
                    id: Some("kLmN0pQr"),
                    for_addr: Some("bob@example.net"),
                    ts: Some(T),
                    ..E::default()
                },
            ),
            (
                "no date",
                "from mail.example.com by mx.example.net with SMTP",
                E {
                    from: Some("mail.example.com"),
                    by: Some("mx.example.net"),
                    with: Some("SMTP"),
                    unparsed: true,
                    ..E::default()
                },
            ),
            (
                "garbage",
                "this is not a trace field",
                E {
                    unparsed: true,
                    ..E::default()
                },
            ),
            (
                "truncated",
                "from mail.example.com (mail.example.com [192.0.2.1",
                E {
                    from: Some("mail.example.com"),
                    rdns: Some("mail.example.com"),
                    ip: Some("192.0.2.1"),
                    unparsed: true,
                    ..E::default()
                },
            ),
        ];
        assert!(table.len() >= 25);
        for (name, input, e) in table {
            check(name, input, e);
        }
    }

    #[test]
    fn keeps_raw_comments_and_envelope() {
        let h = parse(
            "from a.example.com ([192.0.2.1]) by b.example.net with esmtp (Exim 4.96) (envelope-from <x@example.com>) id 1; Tue, 5 Mar 2024 10:00:00 +0000",
        );
        assert_eq!(h.envelope_from.as_deref(), Some("x@example.com"));
        assert_eq!(h.comments, vec!["Exim 4.96".to_string()]);
        assert_eq!(h.offset_minutes, Some(0));
        assert!(h.raw.starts_with("from a.example.com"));
    }

    #[test]
    fn reads_ip_forms() {
        for (input, expected) in [
            ("192.0.2.1", Some("192.0.2.1")),
            ("[192.0.2.1]", Some("192.0.2.1")),
            ("[192.0.2.1]:25", Some("192.0.2.1")),
            ("[IPv6:2001:db8::1]", Some("2001:db8::1")),
            ("2001:db8::1", Some("2001:db8::1")),
            ("mail.example.com", None),
            ("[", None),
        ] {
            assert_eq!(
                parse_ip(input).map(|i| i.to_string()).as_deref(),
                expected,
                "{input}"
            );
        }
    }
}
