//! SPF records (RFC 7208 §4.6, §5, §6): terms, qualifiers, CIDR lengths, modifiers.
//! Each term keeps its byte offset in the record so errors and lint can point at it.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde::Serialize;

/// `+`, `-`, `~`, `?` (RFC 7208 §4.6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `+` (the default).
    Pass,
    /// `-`.
    Fail,
    /// `~`.
    Softfail,
    /// `?`.
    Neutral,
}

impl Qualifier {
    /// The character, `+` included.
    pub fn symbol(self) -> char {
        match self {
            Qualifier::Pass => '+',
            Qualifier::Fail => '-',
            Qualifier::Softfail => '~',
            Qualifier::Neutral => '?',
        }
    }
}

/// A mechanism (RFC 7208 §5). Domain specs are kept unexpanded (they may hold macros).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Mechanism {
    /// `all`.
    All,
    /// `include:domain`.
    Include {
        /// Domain spec.
        domain: String,
    },
    /// `a[:domain][/cidr4][//cidr6]`.
    A {
        /// Domain spec, if any.
        domain: Option<String>,
        /// IPv4 prefix length.
        cidr4: u8,
        /// IPv6 prefix length.
        cidr6: u8,
    },
    /// `mx[:domain][/cidr4][//cidr6]`.
    Mx {
        /// Domain spec, if any.
        domain: Option<String>,
        /// IPv4 prefix length.
        cidr4: u8,
        /// IPv6 prefix length.
        cidr6: u8,
    },
    /// `ptr[:domain]` (discouraged by RFC 7208 §5.5).
    Ptr {
        /// Domain spec, if any.
        domain: Option<String>,
    },
    /// `ip4:network[/cidr]`.
    Ip4 {
        /// Network.
        addr: Ipv4Addr,
        /// Prefix length.
        cidr: u8,
    },
    /// `ip6:network[/cidr]`.
    Ip6 {
        /// Network.
        addr: Ipv6Addr,
        /// Prefix length.
        cidr: u8,
    },
    /// `exists:domain`.
    Exists {
        /// Domain spec.
        domain: String,
    },
}

impl Mechanism {
    /// True for the mechanisms that count against the limit of 10 DNS lookups (§4.6.4).
    pub fn queries_dns(&self) -> bool {
        matches!(
            self,
            Mechanism::Include { .. }
                | Mechanism::A { .. }
                | Mechanism::Mx { .. }
                | Mechanism::Ptr { .. }
                | Mechanism::Exists { .. }
        )
    }
}

/// A directive: qualifier + mechanism, with its text and offset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// Qualifier (`+` when omitted).
    pub qualifier: Qualifier,
    /// Mechanism.
    pub mechanism: Mechanism,
    /// The term as written.
    pub text: String,
    /// Byte offset of the term in the record.
    pub offset: usize,
}

/// A parsed record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpfRecord {
    /// Directives in order.
    pub directives: Vec<Directive>,
    /// `redirect=` domain spec.
    pub redirect: Option<String>,
    /// `exp=` domain spec.
    pub exp: Option<String>,
    /// Unknown modifiers (name, value), ignored as RFC 7208 §6 says.
    pub unknown_modifiers: Vec<(String, String)>,
}

/// Why a record is not valid SPF (a `permerror`), with where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyntaxError {
    /// The record does not start with `v=spf1`.
    NotSpf,
    /// A term is not a known mechanism or a modifier.
    UnknownMechanism {
        /// The term.
        term: String,
        /// Its offset.
        offset: usize,
    },
    /// A mechanism's argument is missing or malformed.
    BadArgument {
        /// The term.
        term: String,
        /// Its offset.
        offset: usize,
    },
    /// A CIDR length is out of range.
    BadCidr {
        /// The term.
        term: String,
        /// Its offset.
        offset: usize,
    },
    /// `redirect` or `exp` appears twice (§6).
    DuplicateModifier {
        /// Modifier name.
        name: String,
        /// Offset of the second one.
        offset: usize,
    },
    /// A macro in a domain spec is malformed (§7.1).
    BadMacro {
        /// The term.
        term: String,
        /// Its offset.
        offset: usize,
    },
}

/// True when a TXT string is an SPF record (`v=spf1` then a space or the end, §4.5).
pub fn is_spf(txt: &str) -> bool {
    let t = txt.as_bytes();
    t.len() >= 6 && t[..6].eq_ignore_ascii_case(b"v=spf1") && (t.len() == 6 || t[6] == b' ')
}

/// Checks the macro syntax of a domain spec (§7.1): `%{letter digits r delimiters}`, `%%`, `%_`, `%-`.
/// The letters `c`, `r`, `t` are allowed only in explanation text (`allow_crt`).
pub fn valid_macro_string(s: &str, allow_crt: bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            match b.get(i + 1) {
                Some(b'%' | b'_' | b'-') => i += 2,
                Some(b'{') => {
                    let Some(end) = s[i + 2..].find('}') else {
                        return false;
                    };
                    let inner = &s[i + 2..i + 2 + end];
                    let mut chars = inner.chars();
                    let Some(letter) = chars.next() else {
                        return false;
                    };
                    let letters = if allow_crt {
                        "slodiphcrtvSLODIPHCRTV"
                    } else {
                        "slodiphvSLODIPHV"
                    };
                    if !letters.contains(letter) {
                        return false;
                    }
                    let rest: String = chars.collect();
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let mut tail = rest[digits.len()..].chars().peekable();
                    if tail.peek().is_some_and(|c| *c == 'r' || *c == 'R') {
                        tail.next();
                    }
                    if !tail.all(|c| ".-+,/_=".contains(c)) {
                        return false;
                    }
                    i += 2 + end + 1;
                }
                _ => return false,
            }
        } else if !(0x21..=0x7e).contains(&b[i]) {
            return false;
        } else {
            i += 1;
        }
    }
    true
}

fn domain_spec(spec: &str, term: &str, offset: usize) -> Result<String, SyntaxError> {
    let bad = || SyntaxError::BadArgument {
        term: term.into(),
        offset,
    };
    if spec.is_empty() {
        return Err(bad());
    }
    if !valid_macro_string(spec, false) {
        return Err(SyntaxError::BadMacro {
            term: term.into(),
            offset,
        });
    }
    // §7.1: domain-end = ( "." toplabel [ "." ] ) / macro-expand.
    if !spec.ends_with('}') {
        let body = spec.strip_suffix('.').unwrap_or(spec);
        match body.rsplit_once('.') {
            Some((_, top)) if is_toplabel(top) => {}
            _ => return Err(bad()),
        }
    }
    Ok(spec.to_string())
}

/// toplabel = alphanumerics and inner hyphens, not all digits (RFC 7208 §7.1).
fn is_toplabel(l: &str) -> bool {
    !l.is_empty()
        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !l.starts_with('-')
        && !l.ends_with('-')
        && !l.bytes().all(|b| b.is_ascii_digit())
}

fn cidr(s: &str, max: u8, term: &str, offset: usize) -> Result<u8, SyntaxError> {
    let bad = || SyntaxError::BadCidr {
        term: term.into(),
        offset,
    };
    if s.is_empty()
        || s.len() > 3
        || !s.bytes().all(|b| b.is_ascii_digit())
        || (s.len() > 1 && s.starts_with('0'))
    {
        return Err(bad());
    }
    let v: u8 = s.parse().map_err(|_| bad())?;
    if v > max { Err(bad()) } else { Ok(v) }
}

/// `:address[/cidr]` of `ip4` and `ip6`.
fn ip_and_cidr<A: std::str::FromStr>(
    rest: &str,
    max: u8,
    term: &str,
    offset: usize,
) -> Result<(A, u8), SyntaxError> {
    let bad = || SyntaxError::BadArgument {
        term: term.into(),
        offset,
    };
    let arg = rest.strip_prefix(':').ok_or_else(bad)?;
    let (a, c) = arg
        .split_once('/')
        .map_or((arg, None), |(a, c)| (a, Some(c)));
    let addr = a.parse().map_err(|_| bad())?;
    Ok((
        addr,
        c.map(|c| cidr(c, max, term, offset))
            .transpose()?
            .unwrap_or(max),
    ))
}

/// Splits off a trailing `/N` (or `//N` when `double`), N digits: the domain spec itself
/// may hold `:` and `/` (§5.3: `a:foo:bar/baz.example.com` names `foo:bar/baz.example.com`).
fn split_cidr(rest: &str, double: bool) -> (&str, Option<&str>) {
    let sep = if double { "//" } else { "/" };
    match rest.rfind(sep) {
        Some(p)
            if rest[p + sep.len()..].bytes().all(|b| b.is_ascii_digit())
                && (double || !rest[..p].ends_with('/')) =>
        {
            (&rest[..p], Some(&rest[p + sep.len()..]))
        }
        _ => (rest, None),
    }
}

/// Splits `rest` (after `a`/`mx`) into domain and dual CIDR.
fn dual(rest: &str, term: &str, offset: usize) -> Result<(Option<String>, u8, u8), SyntaxError> {
    let (rest, c6) = split_cidr(rest, true);
    let (spec, c4) = split_cidr(rest, false);
    let domain = match spec.strip_prefix(':') {
        Some(d) => Some(domain_spec(d, term, offset)?),
        None if spec.is_empty() => None,
        None => {
            return Err(SyntaxError::UnknownMechanism {
                term: term.into(),
                offset,
            });
        }
    };
    let c4 = c4
        .map(|c| cidr(c, 32, term, offset))
        .transpose()?
        .unwrap_or(32);
    let c6 = c6
        .map(|c| cidr(c, 128, term, offset))
        .transpose()?
        .unwrap_or(128);
    Ok((domain, c4, c6))
}

/// Parses an SPF record (§4.6). Unknown modifiers are kept, not errors.
pub fn parse(record: &str) -> Result<SpfRecord, SyntaxError> {
    if !is_spf(record) {
        return Err(SyntaxError::NotSpf);
    }
    let mut rec = SpfRecord::default();
    let mut offset = 6;
    for term in record[6..].split(' ') {
        let here = offset;
        offset += term.len() + 1;
        if term.is_empty() {
            continue;
        }
        // A modifier: name "=" value, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
        if let Some((name, value)) = term.split_once('=') {
            let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
            if valid_name {
                let lname = name.to_ascii_lowercase();
                match lname.as_str() {
                    "redirect" | "exp" => {
                        let slot = if lname == "redirect" {
                            &mut rec.redirect
                        } else {
                            &mut rec.exp
                        };
                        if slot.is_some() {
                            return Err(SyntaxError::DuplicateModifier {
                                name: lname,
                                offset: here,
                            });
                        }
                        *slot = Some(domain_spec(value, term, here)?);
                    }
                    _ => {
                        if !valid_macro_string(value, true) {
                            return Err(SyntaxError::BadMacro {
                                term: term.into(),
                                offset: here,
                            });
                        }
                        rec.unknown_modifiers
                            .push((name.to_string(), value.to_string()));
                    }
                }
                continue;
            }
        }
        let (qualifier, body) = match term.as_bytes()[0] {
            b'+' => (Qualifier::Pass, &term[1..]),
            b'-' => (Qualifier::Fail, &term[1..]),
            b'~' => (Qualifier::Softfail, &term[1..]),
            b'?' => (Qualifier::Neutral, &term[1..]),
            _ => (Qualifier::Pass, term),
        };
        let name_len = body.find([':', '/']).unwrap_or(body.len());
        // `exists` and `include` take no CIDR: `/24` after their domain is a syntax error
        // (caught by the top-label check of the domain spec).
        let (name, rest) = body.split_at(name_len);
        let unknown = || SyntaxError::UnknownMechanism {
            term: term.into(),
            offset: here,
        };
        let bad = || SyntaxError::BadArgument {
            term: term.into(),
            offset: here,
        };
        let mechanism = match name.to_ascii_lowercase().as_str() {
            "all" if rest.is_empty() => Mechanism::All,
            "include" => Mechanism::Include {
                domain: domain_spec(rest.strip_prefix(':').ok_or_else(bad)?, term, here)?,
            },
            "exists" => Mechanism::Exists {
                domain: domain_spec(rest.strip_prefix(':').ok_or_else(bad)?, term, here)?,
            },
            "a" => {
                let (domain, cidr4, cidr6) = dual(rest, term, here)?;
                Mechanism::A {
                    domain,
                    cidr4,
                    cidr6,
                }
            }
            "mx" => {
                let (domain, cidr4, cidr6) = dual(rest, term, here)?;
                Mechanism::Mx {
                    domain,
                    cidr4,
                    cidr6,
                }
            }
            "ptr" => match rest {
                "" => Mechanism::Ptr { domain: None },
                r => Mechanism::Ptr {
                    domain: Some(domain_spec(
                        r.strip_prefix(':').ok_or_else(unknown)?,
                        term,
                        here,
                    )?),
                },
            },
            "ip4" => {
                let (addr, cidr) = ip_and_cidr(rest, 32, term, here)?;
                Mechanism::Ip4 { addr, cidr }
            }
            "ip6" => {
                let (addr, cidr) = ip_and_cidr(rest, 128, term, here)?;
                Mechanism::Ip6 { addr, cidr }
            }
            _ => return Err(unknown()),
        };
        rec.directives.push(Directive {
            qualifier,
            mechanism,
            text: term.to_string(),
            offset: here,
        });
    }
    Ok(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_terms_and_modifiers() {
        let r = parse("v=spf1 ip4:192.0.2.0/24 -ip6:2001:db8::/32 a mx:mail.example.com/24//64 ~include:_spf.example.net ?exists:%{i}.x.example redirect=_spf.example.org moo=cow -all").unwrap();
        assert_eq!(r.directives.len(), 7);
        assert_eq!(
            r.directives[0].mechanism,
            Mechanism::Ip4 {
                addr: "192.0.2.0".parse().unwrap(),
                cidr: 24
            }
        );
        assert_eq!(r.directives[1].qualifier, Qualifier::Fail);
        assert_eq!(
            r.directives[3].mechanism,
            Mechanism::Mx {
                domain: Some("mail.example.com".into()),
                cidr4: 24,
                cidr6: 64
            }
        );
        assert_eq!(r.directives[4].offset, 72);
        assert_eq!(r.redirect.as_deref(), Some("_spf.example.org"));
        assert_eq!(r.unknown_modifiers, vec![("moo".into(), "cow".into())]);
    }

    #[test]
    fn errors_are_located() {
        assert_eq!(parse("v=spf10 -all"), Err(SyntaxError::NotSpf));
        assert_eq!(
            parse("v=spf1 ip4:192.0.2.0/24 foo -all"),
            Err(SyntaxError::UnknownMechanism {
                term: "foo".into(),
                offset: 24
            })
        );
        assert!(matches!(
            parse("v=spf1 ip4:192.0.2.0/33"),
            Err(SyntaxError::BadCidr { .. })
        ));
        assert!(matches!(
            parse("v=spf1 include:"),
            Err(SyntaxError::BadArgument { .. })
        ));
        assert!(matches!(
            parse("v=spf1 redirect=a.example redirect=b.example"),
            Err(SyntaxError::DuplicateModifier { .. })
        ));
        assert!(matches!(
            parse("v=spf1 exists:%{q}.example"),
            Err(SyntaxError::BadMacro { .. })
        ));
        assert!(matches!(
            parse("v=spf1 a:foo.123"),
            Err(SyntaxError::BadArgument { .. })
        ));
    }
}
