//! DNS: the one seam between the verifiers and the network.
//!
//! Verifiers take `&impl DnsLookup` and never know where answers come from:
//! [`zone::ZoneSource`] reads RFC 1035 master files (CLI `--dns-zone`, tests), and
//! [`doh`] speaks RFC 8484 (browser `fetch`, native HTTP). Outcomes that are not an
//! answer are data ([`DnsError`]), so a verifier can map NXDOMAIN to `none` and a
//! timeout to `temperror`.

pub mod doh;
pub mod finding;
pub mod log;
pub mod zone;

use std::fmt;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// The record types Sceau asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RecordType {
    /// IPv4 address.
    A,
    /// IPv6 address.
    #[serde(rename = "AAAA")]
    Aaaa,
    /// Text (SPF, DKIM keys, DMARC, MTA-STS, TLS-RPT, BIMI).
    #[serde(rename = "TXT")]
    Txt,
    /// Mail exchangers.
    #[serde(rename = "MX")]
    Mx,
    /// Reverse names.
    #[serde(rename = "PTR")]
    Ptr,
    /// Aliases (DKIM selectors delegated to a provider).
    #[serde(rename = "CNAME")]
    Cname,
}

impl RecordType {
    /// Every supported type.
    pub const ALL: [RecordType; 6] = [
        RecordType::A,
        RecordType::Aaaa,
        RecordType::Txt,
        RecordType::Mx,
        RecordType::Ptr,
        RecordType::Cname,
    ];

    /// The mnemonic (`TXT`, `AAAA`…).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::A => "A",
            RecordType::Aaaa => "AAAA",
            RecordType::Txt => "TXT",
            RecordType::Mx => "MX",
            RecordType::Ptr => "PTR",
            RecordType::Cname => "CNAME",
        }
    }

    /// Parses a mnemonic case-insensitively.
    pub fn parse(s: &str) -> Option<RecordType> {
        RecordType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One record of an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "UPPERCASE")]
pub enum RData {
    /// IPv4 address.
    A {
        /// The address.
        address: Ipv4Addr,
    },
    /// IPv6 address.
    Aaaa {
        /// The address.
        address: Ipv6Addr,
    },
    /// Character-strings of one TXT record, as published (not yet joined).
    Txt {
        /// The strings, raw bytes.
        strings: Vec<Vec<u8>>,
    },
    /// A mail exchanger.
    Mx {
        /// Lower is preferred.
        preference: u16,
        /// Host name, lower case, no trailing dot (`.` for a null MX is empty).
        exchange: String,
    },
    /// A reverse-lookup name, no trailing dot.
    Ptr {
        /// Host name.
        name: String,
    },
    /// An alias met while resolving, no trailing dot.
    Cname {
        /// Owner name of the alias.
        alias: String,
        /// Where it points.
        target: String,
    },
}

impl RData {
    /// The type of this record.
    pub fn record_type(&self) -> RecordType {
        match self {
            RData::A { .. } => RecordType::A,
            RData::Aaaa { .. } => RecordType::Aaaa,
            RData::Txt { .. } => RecordType::Txt,
            RData::Mx { .. } => RecordType::Mx,
            RData::Ptr { .. } => RecordType::Ptr,
            RData::Cname { .. } => RecordType::Cname,
        }
    }

    /// For TXT: the strings concatenated with nothing between them (RFC 7208 §3.3,
    /// RFC 6376 §3.6.2.2), lossily decoded as UTF-8.
    pub fn txt_joined(&self) -> Option<String> {
        match self {
            RData::Txt { strings } => Some(String::from_utf8_lossy(&strings.concat()).into_owned()),
            _ => None,
        }
    }
}

/// A successful response (possibly empty: NODATA).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Records in answer order: CNAMEs met on the way, then those of the asked type.
    pub records: Vec<RData>,
    /// The resolver's DNSSEC Authenticated Data flag.
    pub authenticated: bool,
    /// Smallest TTL of the records, in seconds (for caching).
    pub ttl: u32,
}

impl Answer {
    /// An answer with these records and no DNSSEC.
    pub fn new(records: Vec<RData>) -> Self {
        Answer {
            records,
            authenticated: false,
            ttl: 0,
        }
    }

    /// TXT records of the answer, each joined into one string.
    pub fn txt(&self) -> Vec<String> {
        self.records.iter().filter_map(RData::txt_joined).collect()
    }

    /// Raw TXT records (strings not joined).
    pub fn txt_raw(&self) -> Vec<&[Vec<u8>]> {
        self.records
            .iter()
            .filter_map(|r| match r {
                RData::Txt { strings } => Some(strings.as_slice()),
                _ => None,
            })
            .collect()
    }

    /// A and AAAA addresses of the answer.
    pub fn ips(&self) -> Vec<IpAddr> {
        self.records
            .iter()
            .filter_map(|r| match r {
                RData::A { address } => Some(IpAddr::V4(*address)),
                RData::Aaaa { address } => Some(IpAddr::V6(*address)),
                _ => None,
            })
            .collect()
    }

    /// MX records as (preference, exchange), sorted by preference.
    pub fn mx(&self) -> Vec<(u16, String)> {
        let mut v: Vec<(u16, String)> = self
            .records
            .iter()
            .filter_map(|r| match r {
                RData::Mx {
                    preference,
                    exchange,
                } => Some((*preference, exchange.clone())),
                _ => None,
            })
            .collect();
        v.sort();
        v
    }

    /// PTR names of the answer.
    pub fn ptr(&self) -> Vec<String> {
        self.records
            .iter()
            .filter_map(|r| match r {
                RData::Ptr { name } => Some(name.clone()),
                _ => None,
            })
            .collect()
    }

    /// CNAMEs met while resolving, as (alias, target).
    pub fn cnames(&self) -> Vec<(String, String)> {
        self.records
            .iter()
            .filter_map(|r| match r {
                RData::Cname { alias, target } => Some((alias.clone(), target.clone())),
                _ => None,
            })
            .collect()
    }

    /// True when the answer holds no record of type `t` (NODATA for that type).
    pub fn is_empty_for(&self, t: RecordType) -> bool {
        !self.records.iter().any(|r| r.record_type() == t)
    }
}

/// Why a lookup gave no answer. Each is a distinct outcome: verifiers map
/// [`DnsError::NxDomain`] to "no record" and the others to `temperror`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DnsError {
    /// The name does not exist (RCODE 3).
    NxDomain,
    /// The resolver failed (RCODE 2), often a DNSSEC or upstream failure.
    ServFail,
    /// Another error RCODE (REFUSED, FORMERR…).
    Rcode {
        /// The numeric RCODE.
        code: u16,
    },
    /// No answer within the time limit.
    Timeout {
        /// The limit, in milliseconds.
        after_ms: u32,
    },
    /// The DoH server answered with an HTTP error status.
    Http {
        /// The HTTP status.
        status: u16,
    },
    /// The DoH server answered with another content type than `application/dns-message`.
    ContentType {
        /// What it sent.
        got: String,
    },
    /// The response could not be decoded as a DNS message, or did not match the query.
    Unreadable {
        /// What was wrong, for experts.
        detail: String,
    },
    /// The request never got a response: network down, TLS failure, or (in the browser)
    /// a CORS refusal, which the browser does not let the page tell apart.
    Network {
        /// What the transport said.
        detail: String,
    },
    /// Lookups are switched off (offline mode).
    Offline,
}

impl DnsError {
    /// NXDOMAIN: the name does not exist, a definitive negative answer.
    pub fn is_nxdomain(&self) -> bool {
        matches!(self, DnsError::NxDomain)
    }

    /// Everything but NXDOMAIN is transient or local: a `temperror` for verifiers.
    pub fn is_temporary(&self) -> bool {
        !self.is_nxdomain()
    }

    /// Stable `snake_case` name of the outcome.
    pub fn code(&self) -> &'static str {
        match self {
            DnsError::NxDomain => "nxdomain",
            DnsError::ServFail => "servfail",
            DnsError::Rcode { .. } => "rcode",
            DnsError::Timeout { .. } => "timeout",
            DnsError::Http { .. } => "http",
            DnsError::ContentType { .. } => "content_type",
            DnsError::Unreadable { .. } => "unreadable",
            DnsError::Network { .. } => "network",
            DnsError::Offline => "offline",
        }
    }
}

/// The result of one lookup.
pub type DnsResult = Result<Answer, DnsError>;

/// Where DNS answers come from. Names may be given with or without the final dot and
/// in any case. Implementations follow CNAMEs like a recursive resolver and return the
/// chain in [`Answer::records`].
///
/// The futures are not `Send`: in the browser everything runs on one thread.
pub trait DnsLookup {
    /// Looks up `name` for records of type `rtype`.
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult>;
}

impl<T: DnsLookup + ?Sized> DnsLookup for &T {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        (**self).lookup(name, rtype)
    }
}

/// True when `name` (a trailing dot allowed) is made of DNS labels of letters, digits,
/// `-` and `_`, each 1 to 63 bytes, 253 bytes in all: a name worth querying.
pub fn is_plain_name(name: &str) -> bool {
    let n = name.strip_suffix('.').unwrap_or(name);
    n.len() <= 253
        && n.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Normalises a name for comparison: lower case, no trailing dot.
pub fn normalize_name(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The `in-addr.arpa` / `ip6.arpa` name for a reverse lookup of `ip`.
pub fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(v6) => {
            let mut s = String::with_capacity(72);
            for b in v6.octets().iter().rev() {
                s.push_str(&format!("{:x}.{:x}.", b & 0xf, b >> 4));
            }
            s.push_str("ip6.arpa");
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_names() {
        assert_eq!(
            reverse_name("192.0.2.10".parse().unwrap()),
            "10.2.0.192.in-addr.arpa"
        );
        assert!(reverse_name("2001:db8::1".parse().unwrap()).starts_with("1.0.0.0.0.0.0.0"));
        assert!(reverse_name("2001:db8::1".parse().unwrap()).ends_with("8.b.d.0.1.0.0.2.ip6.arpa"));
    }

    #[test]
    fn txt_strings_join_without_separator() {
        let r = RData::Txt {
            strings: vec![b"v=spf1 ".to_vec(), b"-all".to_vec()],
        };
        assert_eq!(r.txt_joined().unwrap(), "v=spf1 -all");
    }
}
