//! Finding the DMARC record that applies to a domain, and linting it for the Domain check.
//!
//! Discovery follows RFC 9989's DNS tree walk: `_dmarc.<domain>`, then its parents up to
//! (not including) the top-level domain, at most 8 queries in all. It needs no Public
//! Suffix List, which keeps the web app small.

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

/// The names the tree walk queries for `domain`, most specific first.
pub fn walk_names(domain: &str) -> Vec<String> {
    let labels: Vec<&str> = domain.trim_end_matches('.').split('.').collect();
    (0..labels.len().saturating_sub(1))
        .map(|i| format!("_dmarc.{}", labels[i..].join(".")))
        .take(MAX_WALK)
        .collect()
}

/// Discovers and lints the DMARC policy of `domain`.
pub async fn check(dns: &impl DnsLookup, domain: &str) -> DmarcSection {
    let mut findings = Vec::new();
    let mut discovery = Discovery {
        name: None,
        queried: Vec::new(),
    };
    let mut found = None;
    for name in walk_names(domain) {
        discovery.queried.push(name.clone());
        let records: Vec<String> = match dns.lookup(&name, RecordType::Txt).await {
            Ok(a) => a.txt().into_iter().filter(|t| is_dmarc(t)).collect(),
            Err(DnsError::NxDomain) => Vec::new(),
            Err(e) => return DmarcSection::without_record(discovery, findings, Some(e)),
        };
        if records.len() > 1 {
            findings.push(Finding::SeveralRecords {
                name: name.clone(),
                count: records.len(),
            });
        }
        if let Some(r) = records.into_iter().next() {
            found = Some((name, r));
            break;
        }
    }
    let Some((name, text)) = found else {
        findings.push(Finding::NoRecord {
            domain: domain.into(),
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
            d != &owner && !d.ends_with(&format!(".{owner}")) && !owner.ends_with(&format!(".{d}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::zone::ZoneSource;
    use crate::findings::Finding as _;

    #[test]
    fn walk_is_bounded_and_stops_before_the_tld() {
        assert_eq!(
            walk_names("a.b.example.com"),
            [
                "_dmarc.a.b.example.com",
                "_dmarc.b.example.com",
                "_dmarc.example.com"
            ]
        );
        let long = walk_names("a.b.c.d.e.f.g.h.i.j.example");
        assert_eq!(long.len(), 8);
        assert_eq!(long[0], "_dmarc.a.b.c.d.e.f.g.h.i.j.example");
        assert_eq!(long[7], "_dmarc.h.i.j.example");
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
