//! Zone-file source: RFC 1035 master files for the CLI (`--dns-zone`) and the tests.
//!
//! A [`ZoneSource`] answers like a recursive resolver would for the names it holds:
//! it follows CNAMEs (returning the chain), gives NODATA for a name that exists with
//! other types, NXDOMAIN for an unknown name, and can be told to fail a given query
//! with any [`DnsError`] (timeouts and SERVFAIL in tests).

use std::collections::{BTreeMap, BTreeSet};
use std::future::{Future, ready};

use super::{Answer, DnsError, DnsLookup, DnsResult, RData, RecordType, normalize_name};

mod parse;

pub use parse::{ZoneError, ZoneErrorKind};

/// DNS answers held in memory, filled from master files or by hand.
#[derive(Clone, Debug, Default)]
pub struct ZoneSource {
    records: BTreeMap<String, Vec<(RData, u32)>>,
    errors: BTreeMap<(String, RecordType), DnsError>,
    names: BTreeSet<String>,
}

/// How many CNAMEs are followed before giving up (a loop is a SERVFAIL).
const MAX_CNAME_CHAIN: usize = 8;

impl ZoneSource {
    /// An empty source: every name is NXDOMAIN.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a master file (see [`ZoneSource::add_master_file`]).
    pub fn from_master_file(text: &str) -> Result<Self, ZoneError> {
        let mut z = Self::new();
        z.add_master_file(text, None)?;
        Ok(z)
    }

    /// Adds one record at `name` with a TTL of one hour. For a CNAME, `alias` is
    /// ignored and `name` is used.
    pub fn insert(&mut self, name: &str, rdata: RData) {
        self.insert_with_ttl(name, rdata, 3600);
    }

    /// Adds one record with an explicit TTL.
    pub fn insert_with_ttl(&mut self, name: &str, rdata: RData, ttl: u32) {
        let name = normalize_name(name);
        let rdata = match rdata {
            RData::Cname { target, .. } => RData::Cname {
                alias: name.clone(),
                target: normalize_name(&target),
            },
            other => other,
        };
        self.mark_exists(&name);
        self.records.entry(name).or_default().push((rdata, ttl));
    }

    /// Adds a TXT record from one string (split into 255-byte strings as a server would).
    pub fn insert_txt(&mut self, name: &str, text: &str) {
        let strings = text
            .as_bytes()
            .chunks(255)
            .map(<[u8]>::to_vec)
            .collect::<Vec<_>>();
        let strings = if strings.is_empty() {
            vec![Vec::new()]
        } else {
            strings
        };
        self.insert(name, RData::Txt { strings });
    }

    /// Makes every `rtype` query for `name` fail with `error`.
    pub fn set_error(&mut self, name: &str, rtype: RecordType, error: DnsError) {
        let name = normalize_name(name);
        self.mark_exists(&name);
        self.errors.insert((name, rtype), error);
    }

    /// Names (lower case, no final dot) that hold at least one record.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.records.keys().map(String::as_str)
    }

    /// A name exists when it, or a name below it, holds something (RFC 8020:
    /// empty non-terminals are NODATA, not NXDOMAIN).
    fn mark_exists(&mut self, name: &str) {
        let mut n = name;
        loop {
            if !self.names.insert(n.to_string()) {
                break;
            }
            match n.split_once('.') {
                Some((_, parent)) => n = parent,
                None => break,
            }
        }
    }

    /// Answers a query synchronously.
    pub fn resolve(&self, name: &str, rtype: RecordType) -> DnsResult {
        let mut name = normalize_name(name);
        let mut chain = Vec::new();
        let mut ttl = u32::MAX;
        for _ in 0..=MAX_CNAME_CHAIN {
            if let Some(e) = self.errors.get(&(name.clone(), rtype)) {
                return Err(e.clone());
            }
            let here = self.records.get(&name).map(Vec::as_slice).unwrap_or(&[]);
            let matching: Vec<&(RData, u32)> = here
                .iter()
                .filter(|(r, _)| r.record_type() == rtype)
                .collect();
            if !matching.is_empty() || rtype == RecordType::Cname {
                for (r, t) in matching {
                    ttl = ttl.min(*t);
                    chain.push(r.clone());
                }
                return Ok(Answer {
                    records: chain,
                    authenticated: false,
                    ttl: if ttl == u32::MAX { 0 } else { ttl },
                });
            }
            if let Some((cname @ RData::Cname { target, .. }, t)) = here
                .iter()
                .find(|(r, _)| r.record_type() == RecordType::Cname)
            {
                ttl = ttl.min(*t);
                chain.push(cname.clone());
                name = target.clone();
                continue;
            }
            if !chain.is_empty() || self.names.contains(&name) {
                return Ok(Answer {
                    records: chain,
                    authenticated: false,
                    ttl: if ttl == u32::MAX { 0 } else { ttl },
                });
            }
            return Err(DnsError::NxDomain);
        }
        Err(DnsError::ServFail)
    }
}

impl DnsLookup for ZoneSource {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        ready(self.resolve(name, rtype))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_cnames_and_distinguishes_nodata_from_nxdomain() {
        let mut z = ZoneSource::new();
        z.insert(
            "selector1._domainkey.example.com",
            RData::Cname {
                alias: String::new(),
                target: "sel1.provider.example.".into(),
            },
        );
        z.insert_txt("sel1.provider.example", "v=DKIM1; p=abc");
        let a = z
            .resolve("Selector1._domainkey.example.com.", RecordType::Txt)
            .unwrap();
        assert_eq!(a.cnames().len(), 1);
        assert_eq!(a.txt(), vec!["v=DKIM1; p=abc".to_string()]);
        assert_eq!(
            z.resolve("sel1.provider.example", RecordType::A),
            Ok(Answer {
                records: vec![],
                authenticated: false,
                ttl: 0
            })
        );
        // An empty non-terminal exists.
        assert!(z.resolve("_domainkey.example.com", RecordType::Txt).is_ok());
        assert_eq!(
            z.resolve("nope.example.com", RecordType::Txt),
            Err(DnsError::NxDomain)
        );
    }

    #[test]
    fn injected_errors() {
        let mut z = ZoneSource::new();
        z.set_error(
            "slow.example",
            RecordType::Txt,
            DnsError::Timeout { after_ms: 5000 },
        );
        assert_eq!(
            z.resolve("slow.example", RecordType::Txt),
            Err(DnsError::Timeout { after_ms: 5000 })
        );
        assert!(z.resolve("slow.example", RecordType::A).is_ok());
    }
}
