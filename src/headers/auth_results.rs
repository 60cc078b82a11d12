//! `Authentication-Results` (RFC 8601), `ARC-Authentication-Results` (RFC 8617 §4.1.1)
//! and `Received-SPF` (RFC 7208 §9.1).
//!
//! Leniencies, each because a large receiver writes it:
//! * Microsoft: properties without a type (`action=none`, `reason=100` after
//!   `compauth`), no space after `;` (`header.d=none;dmarc=none`);
//! * Google and Yahoo: comments glued to the result (`dmarc=pass(p=REJECT)`), a
//!   trailing `;`;
//! * spaces around `=`; a missing authserv-id (the field starts with `method=result`);
//! * an unterminated quoted string or comment runs to the end (partial value).
//!
//! Method, result, property type and property name are lower-cased (they are
//! case-insensitive); values keep their case.

use serde::Serialize;

use super::lex::{Token, tokenize};

/// A parsed `Authentication-Results` or `ARC-Authentication-Results` field (RFC 8601).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AuthResults {
    /// The server that did the checks (`mx.google.com`); empty when missing.
    pub authserv_id: String,
    /// The `authres-version` after the authserv-id, when written.
    pub version: Option<u32>,
    /// The ARC instance (`i=N;` before the authserv-id), for ARC-Authentication-Results.
    pub instance: Option<u32>,
    /// One entry per method result, in order. Empty for `none`.
    pub results: Vec<MethodResult>,
}

/// One `method=result` clause with its reason, properties and comments (RFC 8601 §2.2).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MethodResult {
    /// The method, lower-cased: `dkim`, `spf`, `dmarc`, `arc`, `bimi`, `iprev`, `auth`,
    /// `compauth`, `dkim-atps`…
    pub method: String,
    /// The result, lower-cased: `pass`, `fail`, `none`, `softfail`, `neutral`,
    /// `temperror`, `permerror`, `policy`…
    pub result: String,
    /// `reason=` when given (quoted or, Microsoft, a bare code).
    pub reason: Option<String>,
    /// `ptype.property=value` items (and Microsoft's bare `action=none`, with an empty
    /// `ptype`).
    pub properties: Vec<Property>,
    /// Comments of the clause, joined by `; `.
    pub comment: Option<String>,
}

/// One property of a method result (`header.d=example.com`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Property {
    /// `smtp`, `header`, `body`, `policy`; empty for untyped (`action`).
    pub ptype: String,
    /// `mailfrom`, `d`, `i`, `s`, `b`, `from`, `helo`, `remote-ip`…
    pub name: String,
    /// The value as written, without quotes.
    pub value: String,
}

impl AuthResults {
    /// The results of `method` (case-insensitive), in order.
    pub fn method<'a>(&'a self, method: &'a str) -> impl Iterator<Item = &'a MethodResult> + 'a {
        self.results
            .iter()
            .filter(move |r| r.method.eq_ignore_ascii_case(method))
    }
}

impl MethodResult {
    /// The value of `ptype.name` (case-insensitive); `ptype` empty for untyped.
    pub fn property(&self, ptype: &str, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|p| p.ptype.eq_ignore_ascii_case(ptype) && p.name.eq_ignore_ascii_case(name))
            .map(|p| p.value.as_str())
    }
}

/// A parsed `Received-SPF` field (RFC 7208 §9.1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReceivedSpf {
    /// The result, lower-cased (`pass`, `fail`, `softfail`…); empty when missing.
    pub result: String,
    /// The comment after the result, when given.
    pub comment: Option<String>,
    /// The `key=value` pairs in order (`client-ip`, `envelope-from`, `helo`,
    /// `receiver`, `identity`, `mechanism`, `problem`…); keys lower-cased.
    pub pairs: Vec<SpfPair>,
}

/// One `key=value` pair of a `Received-SPF` field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpfPair {
    /// The key, lower-cased.
    pub key: String,
    /// The value as written, without quotes.
    pub value: String,
}

impl ReceivedSpf {
    /// The value of `key` (case-insensitive).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|p| p.key.eq_ignore_ascii_case(key))
            .map(|p| p.value.as_str())
    }
}

/// A `key=value` item, a bare word (`value` None) or a comment.
#[derive(Debug, PartialEq)]
enum Item {
    Pair(String, String),
    Bare(String),
    Comment(String),
}

/// Reads tokens into items, joining `key = value` written with spaces.
fn items(tokens: &[Token]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut i = 0;
    // The next value-bearing token at or after `j`, skipping comments.
    let value_at = |j: usize, out: &mut Vec<Item>| -> Option<(String, usize)> {
        let mut j = j;
        while let Some(t) = tokens.get(j) {
            match t {
                Token::Comment(c) => out.push(Item::Comment(c.clone())),
                Token::Word(w) => return Some((w.clone(), j + 1)),
                Token::Quoted(q) => return Some((q.clone(), j + 1)),
                Token::Special(_) => return None,
            }
            j += 1;
        }
        None
    };
    while let Some(t) = tokens.get(i) {
        i += 1;
        match t {
            Token::Comment(c) => out.push(Item::Comment(c.clone())),
            Token::Special(_) => {}
            Token::Quoted(q) => out.push(Item::Bare(q.clone())),
            Token::Word(w) => match w.split_once('=') {
                Some((k, "")) if !k.is_empty() => {
                    let (v, next) = value_at(i, &mut out).unwrap_or_default();
                    if next > 0 {
                        i = next;
                    }
                    out.push(Item::Pair(k.to_string(), v));
                }
                Some((k, v)) if !k.is_empty() => out.push(Item::Pair(k.to_string(), v.to_string())),
                Some((_, v)) => {
                    // "= value" after a bare word: join it to that word.
                    if let Some(Item::Bare(k)) = out.last_mut() {
                        let k = std::mem::take(k);
                        out.pop();
                        out.push(Item::Pair(k, v.to_string()));
                    }
                }
                None => {
                    if matches!(tokens.get(i), Some(Token::Word(n)) if n == "=") {
                        let (v, next) = value_at(i + 1, &mut out).unwrap_or_default();
                        i = next.max(i + 1);
                        out.push(Item::Pair(w.clone(), v));
                    } else {
                        out.push(Item::Bare(w.clone()));
                    }
                }
            },
        }
    }
    out
}

/// Splits the tokens at `;` into segments.
fn segments(value: &str) -> Vec<Vec<Token>> {
    let mut segs = vec![Vec::new()];
    for t in tokenize(value, &[';']) {
        if t.token == Token::Special(';') {
            segs.push(Vec::new());
        } else if let Some(last) = segs.last_mut() {
            last.push(t.token);
        }
    }
    segs
}

fn looks_like_resinfo(seg: &[Token]) -> bool {
    matches!(seg.first(), Some(Token::Word(w)) if w.contains('='))
}

/// Parses an `Authentication-Results` or `ARC-Authentication-Results` value.
/// An `i=N;` prefix sets [`AuthResults::instance`].
pub fn parse(value: &str) -> AuthResults {
    let mut ar = AuthResults::default();
    let mut segs = segments(value).into_iter().peekable();
    // ARC: "i=1;" before the authserv-id.
    if let Some(first) = segs.peek()
        && let [Token::Word(w)] = first.as_slice()
        && let Some(n) = w
            .strip_prefix("i=")
            .or_else(|| w.strip_prefix("I="))
            .and_then(|n| n.parse().ok())
    {
        ar.instance = Some(n);
        segs.next();
    }
    if let Some(first) = segs.peek()
        && !looks_like_resinfo(first)
    {
        let mut words = first.iter().filter_map(|t| match t {
            Token::Word(w) | Token::Quoted(w) => Some(w.clone()),
            _ => None,
        });
        ar.authserv_id = words.next().unwrap_or_default();
        ar.version = words.next().and_then(|v| v.parse().ok());
        segs.next();
    }
    for seg in segs {
        if let Some(r) = resinfo(&seg) {
            ar.results.push(r);
        }
    }
    ar
}

fn resinfo(seg: &[Token]) -> Option<MethodResult> {
    let mut items = items(seg).into_iter();
    let mut comments = Vec::new();
    let mut r = MethodResult::default();
    // The first item that is not a comment is the methodspec.
    for item in items.by_ref() {
        match item {
            Item::Comment(c) => comments.push(c),
            Item::Pair(m, res) => {
                let method = m.split('/').next().unwrap_or("").trim();
                r.method = method.to_ascii_lowercase();
                r.result = res.to_ascii_lowercase();
                break;
            }
            // "none" (no-result) or a stray word: nothing to report.
            Item::Bare(_) => return None,
        }
    }
    if r.method.is_empty() {
        return None;
    }
    for item in items {
        match item {
            Item::Comment(c) => comments.push(c),
            Item::Pair(k, v) => {
                let k = k.to_ascii_lowercase();
                if k == "reason" && r.reason.is_none() {
                    r.reason = Some(v);
                } else {
                    let (ptype, name) = k.split_once('.').unwrap_or(("", &k));
                    r.properties.push(Property {
                        ptype: ptype.to_string(),
                        name: name.to_string(),
                        value: v,
                    });
                }
            }
            Item::Bare(_) => {}
        }
    }
    if !comments.is_empty() {
        r.comment = Some(comments.join("; "));
    }
    Some(r)
}

/// Parses a `Received-SPF` value: `result [(comment)] [key=value; …]`.
pub fn parse_received_spf(value: &str) -> ReceivedSpf {
    let tokens: Vec<Token> = tokenize(value, &[';'])
        .into_iter()
        .map(|t| t.token)
        .collect();
    let mut spf = ReceivedSpf::default();
    let mut comments = Vec::new();
    for (n, item) in items(&tokens).into_iter().enumerate() {
        match item {
            Item::Bare(w) if n == 0 => spf.result = w.to_ascii_lowercase(),
            Item::Bare(_) => {}
            Item::Comment(c) => comments.push(c),
            Item::Pair(k, v) => spf.pairs.push(SpfPair {
                key: k.to_ascii_lowercase(),
                value: v,
            }),
        }
    }
    if !comments.is_empty() {
        spf.comment = Some(comments.join("; "));
    }
    spf
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compact form of one result: `method=result reason props… (comment)`.
    fn show(r: &MethodResult) -> String {
        let mut s = format!("{}={}", r.method, r.result);
        if let Some(reason) = &r.reason {
            s += &format!(" reason={reason}");
        }
        for p in &r.properties {
            if p.ptype.is_empty() {
                s += &format!(" {}={}", p.name, p.value);
            } else {
                s += &format!(" {}.{}={}", p.ptype, p.name, p.value);
            }
        }
        if let Some(c) = &r.comment {
            s += &format!(" ({c})");
        }
        s
    }

    /// (input, authserv-id, version, instance, results)
    type ArCase = (
        &'static str,
        &'static str,
        Option<u32>,
        Option<u32>,
        &'static [&'static str],
    );

    /// (input, result, comment, pairs)
    type SpfCase = (
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static [(&'static str, &'static str)],
    );

    #[test]
    fn real_forms() {
        let table: &[ArCase] = &[
            (
                "mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=AbCdEf12; spf=pass (google.com: domain of alice@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=alice@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com",
                "mx.google.com",
                None,
                None,
                &[
                    "dkim=pass header.i=@example.com header.s=s1 header.b=AbCdEf12",
                    "spf=pass smtp.mailfrom=alice@example.com (google.com: domain of alice@example.com designates 192.0.2.1 as permitted sender)",
                    "dmarc=pass header.from=example.com (p=REJECT sp=REJECT dis=NONE)",
                ],
            ),
            (
                "spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.com; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.com;compauth=pass reason=100",
                "",
                None,
                None,
                &[
                    "spf=pass smtp.mailfrom=example.com (sender IP is 192.0.2.1)",
                    "dkim=none header.d=none (message not signed)",
                    "dmarc=none action=none header.from=example.com",
                    "compauth=pass reason=100",
                ],
            ),
            (
                "spf=softfail (sender IP is 198.51.100.1) smtp.mailfrom=example.com; dkim=fail (signature did not verify) header.d=example.com;dmarc=fail action=quarantine header.from=example.com;compauth=fail reason=000",
                "",
                None,
                None,
                &[
                    "spf=softfail smtp.mailfrom=example.com (sender IP is 198.51.100.1)",
                    "dkim=fail header.d=example.com (signature did not verify)",
                    "dmarc=fail action=quarantine header.from=example.com",
                    "compauth=fail reason=000",
                ],
            ),
            (
                "i=1; mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=Zz9+/A==; arc=none; spf=pass (google.com: domain of bounce@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=bounce@example.com",
                "mx.google.com",
                None,
                Some(1),
                &[
                    "dkim=pass header.i=@example.com header.s=s1 header.b=Zz9+/A==",
                    "arc=none",
                    "spf=pass smtp.mailfrom=bounce@example.com (google.com: domain of bounce@example.com designates 192.0.2.1 as permitted sender)",
                ],
            ),
            (
                "i=2; mx.microsoft.com 1; spf=pass (sender ip is 192.0.2.1) smtp.rcpttodomain=example.net smtp.mailfrom=example.com; dmarc=pass (p=reject sp=reject pct=100) action=none header.from=example.com; dkim=pass (signature was verified) header.d=example.com; arc=pass (0 oda=1 ltdi=1 spf=[1,1,smtp.mailfrom=example.com] dkim=[1,1,header.d=example.com] dmarc=[1,1,header.from=example.com])",
                "mx.microsoft.com",
                Some(1),
                Some(2),
                &[
                    "spf=pass smtp.rcpttodomain=example.net smtp.mailfrom=example.com (sender ip is 192.0.2.1)",
                    "dmarc=pass action=none header.from=example.com (p=reject sp=reject pct=100)",
                    "dkim=pass header.d=example.com (signature was verified)",
                    "arc=pass (0 oda=1 ltdi=1 spf=[1,1,smtp.mailfrom=example.com] dkim=[1,1,header.d=example.com] dmarc=[1,1,header.from=example.com])",
                ],
            ),
            ("example.net; none", "example.net", None, None, &[]),
            (
                "example.net 1; spf=pass smtp.mailfrom=example.com",
                "example.net",
                Some(1),
                None,
                &["spf=pass smtp.mailfrom=example.com"],
            ),
            (
                "atlas-baf-1234.mail.ir2.yahoo.com; dkim=pass header.i=@example.com header.s=s2048; spf=pass smtp.mailfrom=example.com; dmarc=pass(p=REJECT) header.from=example.com;",
                "atlas-baf-1234.mail.ir2.yahoo.com",
                None,
                None,
                &[
                    "dkim=pass header.i=@example.com header.s=s2048",
                    "spf=pass smtp.mailfrom=example.com",
                    "dmarc=pass header.from=example.com (p=REJECT)",
                ],
            ),
            (
                "mx.example.net; dkim=pass reason=\"good signature\" header.d=example.com header.s=sel; dkim-atps=neutral",
                "mx.example.net",
                None,
                None,
                &[
                    "dkim=pass reason=good signature header.d=example.com header.s=sel",
                    "dkim-atps=neutral",
                ],
            ),
            (
                "mx1.messagingengine.com; dkim=pass (2048-bit rsa key sha256) header.d=example.com header.i=@example.com header.b=AbCd header.a=rsa-sha256 header.s=fm1 x-bits=2048; x-return-mx=pass header.domain=example.com policy.is_org=yes",
                "mx1.messagingengine.com",
                None,
                None,
                &[
                    "dkim=pass header.d=example.com header.i=@example.com header.b=AbCd header.a=rsa-sha256 header.s=fm1 x-bits=2048 (2048-bit rsa key sha256)",
                    "x-return-mx=pass header.domain=example.com policy.is_org=yes",
                ],
            ),
            (
                "mx.example.net; iprev=pass policy.iprev=192.0.2.1 (mail.example.com); auth=pass smtp.auth=alice@example.com",
                "mx.example.net",
                None,
                None,
                &[
                    "iprev=pass policy.iprev=192.0.2.1 (mail.example.com)",
                    "auth=pass smtp.auth=alice@example.com",
                ],
            ),
            (
                "mx.example.net; bimi=pass header.d=example.com header.selector=default policy.authority=pass policy.authority-uri=https://example.com/vmc.pem",
                "mx.example.net",
                None,
                None,
                &[
                    "bimi=pass header.d=example.com header.selector=default policy.authority=pass policy.authority-uri=https://example.com/vmc.pem",
                ],
            ),
            (
                "mx.example.net (amavis); spf = pass smtp.mailfrom = alice@example.com; dkim=pass header.d= example.com",
                "mx.example.net",
                None,
                None,
                &[
                    "spf=pass smtp.mailfrom=alice@example.com",
                    "dkim=pass header.d=example.com",
                ],
            ),
            (
                "mx.example.net; dmarc=fail (p=none dis=none) header.from=example.com; spf=fail (mx.example.net: domain of alice@example.com does not designate 198.51.100.9 as permitted sender) smtp.helo=mail.example.com smtp.remote-ip=198.51.100.9",
                "mx.example.net",
                None,
                None,
                &[
                    "dmarc=fail header.from=example.com (p=none dis=none)",
                    "spf=fail smtp.helo=mail.example.com smtp.remote-ip=198.51.100.9 (mx.example.net: domain of alice@example.com does not designate 198.51.100.9 as permitted sender)",
                ],
            ),
            (
                "\"mx.example.net\"; DKIM/1=PASS header.D=example.com",
                "mx.example.net",
                None,
                None,
                &["dkim=pass header.d=example.com"],
            ),
            (
                "mx.example.net; dkim=pass (comment (nested)) header.from=\"alice@example.com\"",
                "mx.example.net",
                None,
                None,
                &["dkim=pass header.from=alice@example.com (comment (nested))"],
            ),
            (
                "mx.example.net; dkim=pass header.d=exa",
                "mx.example.net",
                None,
                None,
                &["dkim=pass header.d=exa"],
            ),
            (
                "mx.example.net; spf=",
                "mx.example.net",
                None,
                None,
                &["spf="],
            ),
        ];
        assert!(table.len() >= 15);
        for &(input, id, version, instance, results) in table {
            let ar = parse(input);
            assert_eq!(ar.authserv_id, id, "{input}");
            assert_eq!(ar.version, version, "{input}");
            assert_eq!(ar.instance, instance, "{input}");
            let got: Vec<String> = ar.results.iter().map(show).collect();
            assert_eq!(got, results, "{input}");
        }
    }

    #[test]
    fn looks_up_properties() {
        let ar = parse("mx.google.com; dkim=pass header.i=@example.com header.S=s1; spf=none");
        let dkim = ar.method("DKIM").next();
        assert_eq!(dkim.and_then(|d| d.property("header", "s")), Some("s1"));
        assert_eq!(ar.method("spf").count(), 1);
        assert_eq!(ar.method("dmarc").count(), 0);
    }

    #[test]
    fn received_spf_forms() {
        let table: &[SpfCase] = &[
            (
                "Pass (mailfrom) identity=mailfrom; client-ip=192.0.2.1; helo=mail.example.com; envelope-from=alice@example.com; receiver=mx.example.net",
                "pass",
                Some("mailfrom"),
                &[
                    ("identity", "mailfrom"),
                    ("client-ip", "192.0.2.1"),
                    ("helo", "mail.example.com"),
                    ("envelope-from", "alice@example.com"),
                    ("receiver", "mx.example.net"),
                ],
            ),
            (
                "pass (google.com: domain of alice@example.com designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1;",
                "pass",
                Some(
                    "google.com: domain of alice@example.com designates 192.0.2.1 as permitted sender",
                ),
                &[("client-ip", "192.0.2.1")],
            ),
            (
                "Pass (protection.outlook.com: domain of example.com designates 192.0.2.1 as permitted sender) receiver=protection.outlook.com; client-ip=192.0.2.1; helo=mail.example.com; pr=C",
                "pass",
                Some(
                    "protection.outlook.com: domain of example.com designates 192.0.2.1 as permitted sender",
                ),
                &[
                    ("receiver", "protection.outlook.com"),
                    ("client-ip", "192.0.2.1"),
                    ("helo", "mail.example.com"),
                    ("pr", "C"),
                ],
            ),
            (
                "SoftFail (mx.example.net: domain of transitioning alice@example.com does not designate 198.51.100.1 as permitted sender) client-ip=198.51.100.1; envelope-from=\"alice@example.com\"; helo=mail.example.com; mechanism=\"~all\";",
                "softfail",
                Some(
                    "mx.example.net: domain of transitioning alice@example.com does not designate 198.51.100.1 as permitted sender",
                ),
                &[
                    ("client-ip", "198.51.100.1"),
                    ("envelope-from", "alice@example.com"),
                    ("helo", "mail.example.com"),
                    ("mechanism", "~all"),
                ],
            ),
            (
                "none (mailfrom) identity=mailfrom; client-ip=192.0.2.1",
                "none",
                Some("mailfrom"),
                &[("identity", "mailfrom"), ("client-ip", "192.0.2.1")],
            ),
            ("", "", None, &[]),
        ];
        for &(input, result, comment, pairs) in table {
            let spf = parse_received_spf(input);
            assert_eq!(spf.result, result, "{input}");
            assert_eq!(spf.comment.as_deref(), comment, "{input}");
            let got: Vec<(&str, &str)> = spf
                .pairs
                .iter()
                .map(|p| (p.key.as_str(), p.value.as_str()))
                .collect();
            assert_eq!(got, pairs, "{input}");
        }
        let spf = parse_received_spf(table[0].0);
        assert_eq!(spf.get("CLIENT-IP"), Some("192.0.2.1"));
    }
}
