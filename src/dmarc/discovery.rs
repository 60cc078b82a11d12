//! Finding the DMARC record that applies to a domain, and linting it for the Domain check.
//!
//! Discovery follows RFC 9989's DNS tree walk: `_dmarc.<domain>`, then (for long names)
//! the last seven labels, then one parent at a time down to the top-level domain, at
//! most 8 queries in all. Receivers that still follow RFC 7489 look at the domain and
//! then its organisational domain from the Public Suffix List ([`super::psl`]); both are
//! computed and a finding says when they land on different records.

use futures::future::join_all;
use serde::Serialize;

use super::finding::Finding;
use super::record::{self, DmarcRecord, Policy, is_dmarc, report_domain};
use crate::dns::{DnsError, DnsLookup, RecordType};

/// Queries the tree walk may make (RFC 9989).
pub const MAX_WALK: usize = 8;

/// How the record was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Discovery {
    /// The name where the record is (`_dmarc.<domain>` or a parent's).
    pub name: Option<String>,
    /// Names queried, in order.
    pub queried: Vec<String>,
    /// What a receiver following RFC 7489 finds.
    pub rfc7489: LegacyDiscovery,
}

/// RFC 7489 discovery: the domain, then its organisational domain (Public Suffix List).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LegacyDiscovery {
    /// The organisational domain by the Public Suffix List.
    pub org_domain: String,
    /// The name where the record is, if any.
    pub name: Option<String>,
}

/// The DMARC section of the Domain check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DmarcSection {
    /// The record text.
    pub record: Option<String>,
    /// `p=`.
    pub policy: Option<Policy>,
    /// The parsed record.
    pub parsed: Option<DmarcRecord>,
    /// Where it was found.
    pub discovery: Discovery,
    /// What is wrong.
    pub findings: Vec<Finding>,
    /// A lookup failed: the section is incomplete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<DnsError>,
}

impl DmarcSection {
    /// A section for a domain that was not looked up (no From domain, say).
    pub fn empty() -> Self {
        Self::without_record(
            Discovery {
                name: None,
                queried: Vec::new(),
                rfc7489: LegacyDiscovery {
                    org_domain: String::new(),
                    name: None,
                },
            },
            Vec::new(),
            None,
        )
    }

    fn without_record(
        discovery: Discovery,
        findings: Vec<Finding>,
        error: Option<DnsError>,
    ) -> Self {
        DmarcSection {
            record: None,
            policy: None,
            parsed: None,
            discovery,
            findings,
            error,
        }
    }
}

/// The names the tree walk queries for `domain`, most specific first (RFC 9989 §4.10.1):
/// the domain itself; then, when it has eight labels or more, the name made of its last
/// seven; then each parent in turn, down to the top-level domain.
pub fn walk_names(domain: &str) -> Vec<String> {
    let domain = crate::dns::normalize_name(domain);
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    if n == 0 {
        return Vec::new();
    }
    let mut names = vec![format!("_dmarc.{}", labels.join("."))];
    let next = if n >= 8 { n - 7 } else { 1 };
    for start in next..n {
        names.push(format!("_dmarc.{}", labels[start..].join(".")));
    }
    names.truncate(MAX_WALK);
    names
}

/// The DMARC records at one name; NXDOMAIN is an empty set.
async fn records_at(dns: &impl DnsLookup, name: &str) -> Result<Vec<String>, DnsError> {
    match dns.lookup(name, RecordType::Txt).await {
        Ok(a) => Ok(a.txt().into_iter().filter(|t| is_dmarc(t)).collect()),
        Err(DnsError::NxDomain) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// The DMARC records at every name discovery may read for a domain: the tree walk's
/// names and RFC 7489's two. They are looked up all at once, in one round trip, before
/// either walk reads them in its own order (most walks read them all: the RFC 9989
/// organisational domain needs the highest record).
#[derive(Clone, Debug)]
pub struct WalkAnswers {
    domain: String,
    org_domain: String,
    answers: Vec<(String, Result<Vec<String>, DnsError>)>,
}

/// Where the record is, read from [`WalkAnswers`].
struct Walked {
    discovery: Discovery,
    findings: Vec<Finding>,
    /// The name and text of the record the tree walk found.
    found: Option<(String, String)>,
    /// The lookup that stopped the walk.
    error: Option<DnsError>,
}

impl WalkAnswers {
    /// Looks up every name discovery of `domain` may read, together.
    pub async fn fetch(dns: &impl DnsLookup, domain: &str) -> Self {
        let domain = crate::dns::normalize_name(domain);
        let org_domain = super::psl::organizational_domain(&domain);
        let mut names = walk_names(&domain);
        for name in [format!("_dmarc.{domain}"), format!("_dmarc.{org_domain}")] {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let results = join_all(names.iter().map(|n| records_at(dns, n))).await;
        WalkAnswers {
            domain,
            org_domain,
            answers: names.into_iter().zip(results).collect(),
        }
    }

    fn at(&self, name: &str) -> &Result<Vec<String>, DnsError> {
        static NONE: Result<Vec<String>, DnsError> = Ok(Vec::new());
        self.answers
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&NONE, |(_, r)| r)
    }

    /// The tree walk (first name with exactly one record, a DNS failure stops it), then
    /// RFC 7489's domain and organisational domain.
    fn walk(&self) -> Walked {
        let domain = &self.domain;
        let mut w = Walked {
            discovery: Discovery {
                name: None,
                queried: Vec::new(),
                rfc7489: LegacyDiscovery {
                    org_domain: self.org_domain.clone(),
                    name: None,
                },
            },
            findings: Vec::new(),
            found: None,
            error: None,
        };
        for name in walk_names(domain) {
            w.discovery.queried.push(name.clone());
            let records = match self.at(&name) {
                Ok(r) => r,
                Err(e) => {
                    w.error = Some(e.clone());
                    return w;
                }
            };
            // Several records at one name count as none, and the walk goes on.
            if records.len() > 1 {
                w.findings.push(Finding::SeveralRecords {
                    name: name.clone(),
                    count: records.len(),
                });
            } else if let Some(r) = records.first() {
                w.found = Some((name, r.clone()));
                break;
            }
        }
        // RFC 7489 §6.6.3: the domain, then the organisational domain.
        for name in [
            format!("_dmarc.{domain}"),
            format!("_dmarc.{}", self.org_domain),
        ] {
            let records = match self.at(&name) {
                Ok(r) => r.as_slice(),
                Err(e) if e.is_temporary() => break,
                Err(_) => &[],
            };
            if records.len() == 1 {
                w.discovery.rfc7489.name = Some(name);
                break;
            }
        }
        let walk_name = w.found.as_ref().map(|(n, _)| n.clone());
        if walk_name != w.discovery.rfc7489.name {
            w.findings.push(Finding::DiscoveryDisagrees {
                tree_walk: walk_name,
                psl: w.discovery.rfc7489.name.clone(),
            });
        }
        w
    }

    /// The name of the record the tree walk finds, when no lookup failed on the way.
    pub fn found_name(&self) -> Option<String> {
        let w = self.walk();
        w.found.filter(|_| w.error.is_none()).map(|(n, _)| n)
    }

    /// The organisational domain by RFC 9989 §4.10.2: the walk's names, most specific
    /// first; a record with `psd=n` names it, a record with `psd=y` names its child;
    /// otherwise the highest name holding a record; with none, the domain itself.
    pub fn tree_walk_org_domain(&self) -> Result<String, DnsError> {
        let names = walk_names(&self.domain);
        let mut highest = None;
        for (i, name) in names.iter().enumerate() {
            let records = self.at(name).as_ref().map_err(Clone::clone)?;
            let [text] = records.as_slice() else {
                continue;
            };
            let owner = name.trim_start_matches("_dmarc.").to_string();
            let parsed = record::parse(&owner, text, &mut Vec::new());
            match parsed.psd {
                Some(false) => return Ok(owner),
                Some(true) => {
                    let child = if i == 0 {
                        owner
                    } else {
                        names[i - 1].trim_start_matches("_dmarc.").to_string()
                    };
                    return Ok(child);
                }
                None => highest = Some(owner),
            }
        }
        Ok(highest.unwrap_or_else(|| self.domain.clone()))
    }

    /// The DMARC section: the record discovery found, linted, and the consent of every
    /// other domain it sends reports to (looked up together).
    pub async fn section(&self, dns: &impl DnsLookup) -> DmarcSection {
        let Walked {
            mut discovery,
            mut findings,
            found,
            error,
        } = self.walk();
        if error.is_some() {
            return DmarcSection::without_record(discovery, findings, error);
        }
        let domain = &self.domain;
        let Some((name, text)) = found else {
            findings.push(Finding::NoRecord {
                domain: domain.clone(),
            });
            return DmarcSection::without_record(discovery, findings, None);
        };
        if name != format!("_dmarc.{domain}") {
            findings.push(Finding::Inherited { name: name.clone() });
        }
        discovery.name = Some(name.clone());
        let owner = name.trim_start_matches("_dmarc.").to_string();
        let parsed = record::parse(&owner, &text, &mut findings);
        // Reports sent to another domain need its consent: <owner>._report._dmarc.<other>.
        let external: Vec<String> = parsed
            .rua
            .iter()
            .chain(&parsed.ruf)
            .filter_map(|u| report_domain(u))
            .filter(|d| {
                d != &owner
                    && !d.ends_with(&format!(".{owner}"))
                    && !owner.ends_with(&format!(".{d}"))
            })
            .collect();
        let consent: Vec<String> = external
            .iter()
            .map(|d| format!("{owner}._report._dmarc.{d}"))
            .collect();
        let checks = join_all(consent.iter().map(|n| dns.lookup(n, RecordType::Txt))).await;
        for ((d, name), r) in external.iter().zip(consent).zip(checks) {
            let ok = r
                .as_ref()
                .is_ok_and(|a| a.txt().iter().any(|t| is_dmarc(t)));
            if !ok && !matches!(r, Err(ref e) if e.is_temporary()) {
                findings.push(Finding::ExternalReportsUnauthorised {
                    report_domain: d.clone(),
                    name,
                });
            }
        }
        DmarcSection {
            record: Some(text),
            policy: Some(parsed.policy),
            parsed: Some(parsed),
            discovery,
            findings,
            error: None,
        }
    }
}

/// Discovers and lints the DMARC policy of `domain`.
pub async fn check(dns: &impl DnsLookup, domain: &str) -> DmarcSection {
    WalkAnswers::fetch(dns, domain).await.section(dns).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::zone::ZoneSource;
    use crate::findings::Finding as _;

    #[test]
    fn walk_follows_rfc_9989_down_to_the_tld() {
        assert_eq!(
            walk_names("a.b.example.com"),
            [
                "_dmarc.a.b.example.com",
                "_dmarc.b.example.com",
                "_dmarc.example.com",
                "_dmarc.com"
            ]
        );
        // Eight labels or more: the domain, then its last seven labels, then parents.
        let long = walk_names("a.b.c.d.e.f.g.h.i.j.example");
        assert_eq!(long.len(), 8);
        assert_eq!(long[0], "_dmarc.a.b.c.d.e.f.g.h.i.j.example");
        assert_eq!(long[1], "_dmarc.e.f.g.h.i.j.example");
        assert_eq!(long[7], "_dmarc.example");
    }

    #[test]
    fn tree_walk_and_public_suffix_list_can_disagree() {
        // A record at a registry-like parent: the walk finds it, RFC 7489 never looks there.
        let mut z = ZoneSource::new();
        z.insert_txt("_dmarc.co.uk", "v=DMARC1; p=reject; psd=y");
        let s = futures::executor::block_on(check(&z, "shop.example.co.uk"));
        assert_eq!(s.discovery.name.as_deref(), Some("_dmarc.co.uk"));
        assert_eq!(s.discovery.rfc7489.org_domain, "example.co.uk");
        assert_eq!(s.discovery.rfc7489.name, None);
        assert!(
            s.findings
                .iter()
                .any(|f| f.code() == "dmarc_discovery_disagrees")
        );
        // Several records at the domain: ignored, and the walk goes on to the parent.
        z.insert_txt("_dmarc.mail.example.org", "v=DMARC1; p=none");
        z.insert_txt("_dmarc.mail.example.org", "v=DMARC1; p=reject");
        z.insert_txt("_dmarc.example.org", "v=DMARC1; p=quarantine");
        let s = futures::executor::block_on(check(&z, "mail.example.org"));
        assert_eq!(s.policy, Some(Policy::Quarantine));
        assert_eq!(
            s.discovery.rfc7489.name.as_deref(),
            Some("_dmarc.example.org")
        );
        let codes: Vec<_> = s.findings.iter().map(|f| f.code()).collect();
        assert!(codes.contains(&"dmarc_several_records"), "{codes:?}");
        assert!(!codes.contains(&"dmarc_discovery_disagrees"), "{codes:?}");
    }

    #[test]
    fn inherited_policy_and_external_reports() {
        let mut z = ZoneSource::new();
        z.insert_txt(
            "_dmarc.example.com",
            "v=DMARC1; p=reject; rua=mailto:a@reports.example.net,mailto:b@ok.example.org",
        );
        z.insert_txt("example.com._report._dmarc.ok.example.org", "v=DMARC1");
        let s = futures::executor::block_on(check(&z, "mail.example.com"));
        assert_eq!(s.discovery.name.as_deref(), Some("_dmarc.example.com"));
        assert_eq!(s.policy, Some(Policy::Reject));
        let codes: Vec<_> = s.findings.iter().map(|f| f.code()).collect();
        assert_eq!(
            codes,
            ["dmarc_inherited", "dmarc_external_reports_unauthorised"]
        );
        let none = futures::executor::block_on(check(&z, "example.org"));
        assert_eq!(none.findings[0].code(), "dmarc_no_record");
    }
}
