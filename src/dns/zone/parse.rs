//! RFC 1035 §5 master-file reader.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::ZoneSource;
use crate::dns::{RData, normalize_name};

/// A line of a master file that could not be read. Its text is in the catalogues.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneError {
    /// 1-based line number where the entry starts.
    pub line: usize,
    /// What was wrong.
    pub kind: ZoneErrorKind,
}

/// What was wrong with a line of a master file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneErrorKind {
    /// A `)` without its `(`.
    UnbalancedClose,
    /// A `(` never closed.
    UnbalancedOpen,
    /// A quoted string never closed.
    UnterminatedString,
    /// A `\DDD` escape over 255.
    EscapeOverflow {
        /// The value written.
        value: u32,
    },
    /// `$ORIGIN` or `$TTL` without a value.
    DirectiveWithoutValue {
        /// The directive.
        directive: String,
    },
    /// `$TTL` that is not a number of seconds.
    BadTtl {
        /// What was written.
        value: String,
    },
    /// A directive other than `$ORIGIN` and `$TTL` (`$INCLUDE`, `$GENERATE`…).
    UnsupportedDirective {
        /// The directive.
        directive: String,
    },
    /// The first record has a blank owner name.
    NoOwner,
    /// No record type on the line.
    NoType,
    /// The record data is missing.
    MissingData {
        /// The record type.
        rtype: String,
    },
    /// The record data is not valid for its type.
    BadData {
        /// The record type.
        rtype: String,
        /// What was written.
        value: String,
    },
}

/// One token: its bytes (escapes resolved) and whether it was quoted.
#[derive(Debug)]
struct Token {
    bytes: Vec<u8>,
    quoted: bool,
}

impl Token {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// An entry: its first line, whether it starts with white space (owner omitted), tokens.
struct Entry {
    line: usize,
    blank_owner: bool,
    tokens: Vec<Token>,
}

/// Splits the file into entries, joining parenthesised lines, dropping comments and
/// resolving `\DDD` and `\X` escapes.
fn entries(text: &str) -> Result<Vec<Entry>, ZoneError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0usize, 1usize);
    let mut depth = 0u32;
    let mut cur: Option<Entry> = None;
    while i <= bytes.len() {
        let c = bytes.get(i).copied();
        match c {
            None | Some(b'\n') => {
                if depth == 0
                    && let Some(e) = cur.take().filter(|e| !e.tokens.is_empty())
                {
                    out.push(e);
                }
                line += 1;
                i += 1;
                if c.is_none() {
                    break;
                }
                continue;
            }
            Some(b';') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            Some(b' ' | b'\t' | b'\r') => {
                i += 1;
                continue;
            }
            Some(b'(') => {
                depth += 1;
                i += 1;
                continue;
            }
            Some(b')') => {
                depth = depth.checked_sub(1).ok_or(ZoneError {
                    line,
                    kind: ZoneErrorKind::UnbalancedClose,
                })?;
                i += 1;
                continue;
            }
            _ => {}
        }
        let entry = cur.get_or_insert_with(|| Entry {
            line,
            blank_owner: i > 0
                && matches!(bytes[i - 1], b' ' | b'\t')
                && line_start_is_blank(bytes, i),
            tokens: Vec::new(),
        });
        let quoted = bytes[i] == b'"';
        if quoted {
            i += 1;
        }
        let mut tok = Vec::new();
        loop {
            let Some(&b) = bytes.get(i) else {
                if quoted {
                    return Err(ZoneError {
                        line,
                        kind: ZoneErrorKind::UnterminatedString,
                    });
                }
                break;
            };
            if quoted && b == b'"' {
                i += 1;
                break;
            }
            if !quoted && matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b';' | b'(' | b')') {
                break;
            }
            if b == b'\n' {
                line += 1;
            }
            if b == b'\\' {
                let d = bytes
                    .get(i + 1..i + 4)
                    .filter(|d| d.iter().all(u8::is_ascii_digit));
                if let Some(d) = d {
                    let v: u32 = std::str::from_utf8(d).unwrap_or("0").parse().unwrap_or(0);
                    let v = u8::try_from(v).map_err(|_| ZoneError {
                        line,
                        kind: ZoneErrorKind::EscapeOverflow { value: v },
                    })?;
                    tok.push(v);
                    i += 4;
                } else if let Some(&x) = bytes.get(i + 1) {
                    tok.push(x);
                    i += 2;
                } else {
                    i += 1;
                }
                continue;
            }
            tok.push(b);
            i += 1;
        }
        entry.tokens.push(Token { bytes: tok, quoted });
    }
    if depth != 0 {
        return Err(ZoneError {
            line,
            kind: ZoneErrorKind::UnbalancedOpen,
        });
    }
    Ok(out)
}

fn line_start_is_blank(bytes: &[u8], i: usize) -> bool {
    let start = bytes[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    bytes[start..i].iter().all(|b| matches!(b, b' ' | b'\t'))
}

fn is_class(s: &str) -> bool {
    matches!(s.to_ascii_uppercase().as_str(), "IN" | "CH" | "HS" | "CS")
}

fn absolute(name: &str, origin: &str) -> String {
    if name == "@" {
        return origin.to_string();
    }
    if name.ends_with('.') || origin.is_empty() {
        return normalize_name(name);
    }
    normalize_name(&format!("{name}.{origin}"))
}

impl ZoneSource {
    /// Adds the records of a master file. Relative names are completed with `$ORIGIN`
    /// (or `origin`; without either they are taken as absolute); `@`, `$TTL`, a blank
    /// owner, parentheses, comments, quoted strings with `\DDD` escapes and the class
    /// are understood. A, AAAA, TXT (and SPF, served as TXT), MX, PTR and CNAME are
    /// loaded; SOA, NS and other types only make their owner exist.
    pub fn add_master_file(&mut self, text: &str, origin: Option<&str>) -> Result<(), ZoneError> {
        let mut origin = origin.map(normalize_name).unwrap_or_default();
        let mut default_ttl = 3600u32;
        let mut owner: Option<String> = None;
        for e in entries(text)? {
            let err = |kind: ZoneErrorKind| ZoneError { line: e.line, kind };
            let first = e.tokens[0].text();
            if !e.tokens[0].quoted && first.starts_with('$') {
                let arg = e.tokens.get(1).map(Token::text).ok_or_else(|| {
                    err(ZoneErrorKind::DirectiveWithoutValue {
                        directive: first.clone(),
                    })
                })?;
                match first.to_ascii_uppercase().as_str() {
                    "$ORIGIN" => origin = normalize_name(&arg),
                    "$TTL" => {
                        default_ttl = arg
                            .parse()
                            .map_err(|_| err(ZoneErrorKind::BadTtl { value: arg.clone() }))?
                    }
                    other => {
                        return Err(err(ZoneErrorKind::UnsupportedDirective {
                            directive: other.into(),
                        }));
                    }
                }
                continue;
            }
            let mut toks = e.tokens.iter().peekable();
            if !e.blank_owner {
                owner = Some(absolute(
                    &toks.next().expect("entry has tokens").text(),
                    &origin,
                ));
            }
            let name = owner.clone().ok_or_else(|| err(ZoneErrorKind::NoOwner))?;
            let mut ttl = default_ttl;
            let mut rtype = None;
            for t in toks.by_ref() {
                let s = t.text();
                if let Ok(n) = s.parse::<u32>() {
                    ttl = n;
                } else if !is_class(&s) {
                    rtype = Some(s.to_ascii_uppercase());
                    break;
                }
            }
            let rtype = rtype.ok_or_else(|| err(ZoneErrorKind::NoType))?;
            let rest: Vec<&Token> = toks.collect();
            let missing = || {
                err(ZoneErrorKind::MissingData {
                    rtype: rtype.clone(),
                })
            };
            let bad = |value: String| {
                err(ZoneErrorKind::BadData {
                    rtype: rtype.clone(),
                    value,
                })
            };
            let one = || rest.first().map(|t| t.text()).ok_or_else(missing);
            let rdata = match rtype.as_str() {
                "A" => RData::A {
                    address: one()?
                        .parse::<Ipv4Addr>()
                        .map_err(|_| bad(rest[0].text()))?,
                },
                "AAAA" => RData::Aaaa {
                    address: one()?
                        .parse::<Ipv6Addr>()
                        .map_err(|_| bad(rest[0].text()))?,
                },
                "TXT" | "SPF" => {
                    if rest.is_empty() {
                        return Err(missing());
                    }
                    RData::Txt {
                        strings: rest.iter().map(|t| t.bytes.clone()).collect(),
                    }
                }
                "MX" => {
                    let preference = one()?.parse().map_err(|_| bad(rest[0].text()))?;
                    let host = rest.get(1).map(|t| t.text()).ok_or_else(missing)?;
                    RData::Mx {
                        preference,
                        exchange: if host == "." {
                            String::new()
                        } else {
                            absolute(&host, &origin)
                        },
                    }
                }
                "PTR" => RData::Ptr {
                    name: absolute(&one()?, &origin),
                },
                "CNAME" => RData::Cname {
                    alias: name.clone(),
                    target: absolute(&one()?, &origin),
                },
                _ => {
                    self.mark_exists(&name);
                    continue;
                }
            };
            self.insert_with_ttl(&name, rdata, ttl);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::dns::zone::ZoneSource;
    use crate::dns::{DnsError, RecordType};

    const ZONE: &str = r#"
$ORIGIN example.com.
$TTL 300
@   IN SOA ns1 hostmaster ( 1 7200 3600 1209600
        300 ) ; multi-line SOA
    IN  TXT "v=spf1 ip4:192.0.2.0/24 " "-all"
    MX  10 mx1
mx1 600 IN A 192.0.2.25
    IN  AAAA 2001:db8::25
split   TXT "part one " "part two" ; comment
esc     TXT "a\059b\"c" plain
sel1._domainkey CNAME sel1.provider.example.
sel1.provider.example. TXT "v=DKIM1; p="
other.example.net. IN TXT "absolute"
25.2.0.192.in-addr.arpa. PTR mx1.example.com.
"#;

    #[test]
    fn reads_master_file() {
        let z = ZoneSource::from_master_file(ZONE).unwrap();
        let spf = z.resolve("example.com", RecordType::Txt).unwrap();
        assert_eq!(spf.txt(), vec!["v=spf1 ip4:192.0.2.0/24 -all"]);
        assert_eq!(spf.ttl, 300);
        assert_eq!(
            z.resolve("example.com", RecordType::Mx).unwrap().mx(),
            vec![(10, "mx1.example.com".to_string())]
        );
        let a = z.resolve("mx1.example.com", RecordType::A).unwrap();
        assert_eq!(a.ttl, 600);
        assert_eq!(
            z.resolve("mx1.example.com", RecordType::Aaaa)
                .unwrap()
                .ips()
                .len(),
            1
        );
        assert_eq!(
            z.resolve("split.example.com", RecordType::Txt)
                .unwrap()
                .txt_raw()[0]
                .len(),
            2
        );
        assert_eq!(
            z.resolve("esc.example.com", RecordType::Txt).unwrap().txt(),
            vec!["a;b\"cplain"]
        );
        let dkim = z
            .resolve("sel1._domainkey.example.com", RecordType::Txt)
            .unwrap();
        assert_eq!(dkim.cnames()[0].1, "sel1.provider.example");
        assert_eq!(
            z.resolve("other.example.net", RecordType::Txt)
                .unwrap()
                .txt(),
            vec!["absolute"]
        );
        assert_eq!(
            z.resolve("25.2.0.192.in-addr.arpa", RecordType::Ptr)
                .unwrap()
                .ptr(),
            vec!["mx1.example.com"]
        );
        assert_eq!(
            z.resolve("missing.example.com", RecordType::Txt),
            Err(DnsError::NxDomain)
        );
    }

    #[test]
    fn reports_bad_lines() {
        let e = ZoneSource::from_master_file("a.example. A 999.1.1.1\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(ZoneSource::from_master_file("a.example. TXT \"open\n").is_err());
        assert!(ZoneSource::from_master_file("a.example. TXT (\"x\"\n").is_err());
    }
}
