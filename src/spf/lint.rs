//! SPF lint for the Domain check: walks the whole include/redirect tree (not only up to
//! the first match, as `check_host()` does), counts DNS-querying terms and void lookups,
//! and lists what is wrong.

use std::future::Future;
use std::pin::Pin;

use futures::future::join_all;
use serde::Serialize;

use super::finding::Finding;
use super::record::{self, Mechanism, Qualifier};
use crate::dns::{DnsError, DnsLookup, RecordType};

/// How deep includes are followed (loops stop here).
const MAX_DEPTH: usize = 12;

/// One record in the tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LintNode {
    /// Domain of the record.
    pub domain: String,
    /// `root`, `include` or `redirect`.
    pub via: &'static str,
    /// The record, if found.
    pub record: Option<String>,
    /// DNS-querying terms in this record and below.
    pub lookups: u32,
    /// Includes and redirect.
    pub children: Vec<LintNode>,
}

/// The SPF section of the Domain check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpfLint {
    /// The record at the domain (the first, when several).
    pub record: Option<String>,
    /// DNS-querying terms in the whole tree (limit 10).
    pub lookups: u32,
    /// Lookups that found nothing (limit 2).
    pub void_lookups: u32,
    /// The tree.
    pub tree: LintNode,
    /// What is wrong.
    pub findings: Vec<Finding>,
}

struct Walk<'a, D: DnsLookup> {
    dns: &'a D,
}

/// What one record's branch gave: its node, its findings in tree order, its void lookups.
#[derive(Default)]
struct Branch {
    node: Option<LintNode>,
    findings: Vec<Finding>,
    voids: u32,
}

impl Branch {
    fn finding(f: Finding) -> Self {
        Branch {
            findings: vec![f],
            ..Branch::default()
        }
    }
}

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

impl<'a, D: DnsLookup> Walk<'a, D> {
    async fn void(&self, name: String, rtype: RecordType, term: &str, domain: &str) -> Branch {
        match self.dns.lookup(&name, rtype).await {
            Ok(a) if !a.is_empty_for(rtype) => Branch::default(),
            Ok(_) | Err(DnsError::NxDomain) => Branch {
                voids: 1,
                ..Branch::finding(Finding::VoidLookup {
                    term: term.into(),
                    domain: domain.into(),
                })
            },
            Err(error) => Branch::finding(Finding::Dns { name, rtype, error }),
        }
    }

    /// The record of `domain` and, all at once, the lookups of its terms and the
    /// records it includes or redirects to (recursively); findings in tree order.
    fn node<'s>(&'s self, domain: String, via: &'static str, depth: usize) -> Boxed<'s, Branch> {
        Box::pin(async move {
            let mut node = LintNode {
                domain: domain.clone(),
                via,
                record: None,
                lookups: 0,
                children: Vec::new(),
            };
            let mut findings = Vec::new();
            let stop = |node: LintNode, findings: Vec<Finding>| Branch {
                node: Some(node),
                findings,
                voids: 0,
            };
            let records = match self.dns.lookup(&domain, RecordType::Txt).await {
                Ok(a) => {
                    let size = txt_answer_size(&domain, &a.records);
                    if size > UDP_ANSWER_LIMIT && a.txt().iter().any(|t| record::is_spf(t)) {
                        findings.push(Finding::AnswerTooLarge {
                            domain: domain.clone(),
                            size,
                        });
                    }
                    a.txt()
                        .into_iter()
                        .filter(|t| record::is_spf(t))
                        .collect::<Vec<_>>()
                }
                Err(DnsError::NxDomain) => Vec::new(),
                Err(error) => {
                    findings.push(Finding::Dns {
                        name: domain.clone(),
                        rtype: RecordType::Txt,
                        error,
                    });
                    return stop(node, findings);
                }
            };
            match records.len() {
                0 => {
                    findings.push(if via == "root" {
                        Finding::NoRecord { domain }
                    } else {
                        Finding::TargetWithoutRecord { domain }
                    });
                    return stop(node, findings);
                }
                1 => {}
                n => findings.push(Finding::SeveralRecords {
                    domain: domain.clone(),
                    count: n,
                }),
            }
            let text = records[0].clone();
            node.record = Some(text.clone());
            if text.len() > 255 {
                findings.push(Finding::LongRecord {
                    domain: domain.clone(),
                    length: text.len(),
                });
            }
            let rec = match record::parse(&text) {
                Ok(r) => r,
                Err(error) => {
                    findings.push(Finding::Syntax { domain, error });
                    return stop(node, findings);
                }
            };
            let mut lookups = 0;
            let has_all = rec
                .directives
                .iter()
                .any(|d| matches!(d.mechanism, Mechanism::All));
            // Every term's part, in order; those that query DNS run together.
            let mut parts: Vec<Boxed<'s, Branch>> = Vec::new();
            let ready = |b: Branch| -> Boxed<'s, Branch> { Box::pin(std::future::ready(b)) };
            for d in &rec.directives {
                if d.mechanism.queries_dns() {
                    lookups += 1;
                }
                let literal =
                    |spec: &Option<String>| spec.clone().unwrap_or_else(|| domain.clone());
                let (term, owner) = (d.text.clone(), domain.clone());
                parts.push(match &d.mechanism {
                    Mechanism::All if via == "root" => ready(match d.qualifier {
                        Qualifier::Pass => Branch::finding(Finding::PassAll { domain: owner }),
                        Qualifier::Neutral => {
                            Branch::finding(Finding::NeutralAll { domain: owner })
                        }
                        Qualifier::Softfail => {
                            Branch::finding(Finding::SoftfailAll { domain: owner })
                        }
                        Qualifier::Fail => Branch::default(),
                    }),
                    Mechanism::Include { domain: spec }
                        if !spec.contains('%') && depth < MAX_DEPTH =>
                    {
                        self.node(spec.clone(), "include", depth + 1)
                    }
                    Mechanism::A { domain: spec, .. }
                        if spec.as_deref().is_none_or(|s| !s.contains('%')) =>
                    {
                        let name = literal(spec);
                        Box::pin(async move { self.void(name, RecordType::A, &term, &owner).await })
                    }
                    Mechanism::Mx { domain: spec, .. }
                        if spec.as_deref().is_none_or(|s| !s.contains('%')) =>
                    {
                        let name = literal(spec);
                        Box::pin(
                            async move { self.void(name, RecordType::Mx, &term, &owner).await },
                        )
                    }
                    Mechanism::Ptr { .. } => {
                        ready(Branch::finding(Finding::PtrUsed { domain: owner }))
                    }
                    _ => ready(Branch::default()),
                });
            }
            let mut after = Vec::new();
            if let Some(target) = &rec.redirect {
                if has_all {
                    after.push(Finding::RedirectIgnored {
                        domain: domain.clone(),
                    });
                } else if !target.contains('%') && depth < MAX_DEPTH {
                    lookups += 1;
                    parts.push(self.node(target.clone(), "redirect", depth + 1));
                }
            } else if !has_all && via == "root" {
                after.push(Finding::NoAll {
                    domain: domain.clone(),
                });
            }
            let mut voids = 0;
            for part in join_all(parts).await {
                findings.extend(part.findings);
                voids += part.voids;
                if let Some(child) = part.node {
                    lookups += child.lookups;
                    node.children.push(child);
                }
            }
            findings.extend(after);
            node.lookups = lookups;
            Branch {
                node: Some(node),
                findings,
                voids,
            }
        })
    }
}

/// True when some record of the tree can authorise an IPv6 sender (`ip6`, `a`, `mx`).
pub fn has_ip6(node: &LintNode) -> bool {
    let own = node
        .record
        .as_deref()
        .and_then(|r| record::parse(r).ok())
        .is_some_and(|r| {
            r.directives.iter().any(|d| {
                matches!(
                    d.mechanism,
                    Mechanism::Ip6 { .. } | Mechanism::A { .. } | Mechanism::Mx { .. }
                )
            })
        });
    own || node.children.iter().any(has_ip6)
}

/// Lints the SPF of `domain`. `mx_have_ipv6`: the domain's MX hosts have AAAA records.
pub async fn lint(dns: &impl DnsLookup, domain: &str, mx_have_ipv6: bool) -> SpfLint {
    let walk = Walk { dns };
    let Branch {
        node,
        mut findings,
        voids,
    } = walk.node(domain.to_string(), "root", 0).await;
    let tree = node.expect("a record's branch has a node");
    let lookups = tree.lookups;
    if lookups > 10 {
        findings.push(Finding::TooManyLookups { count: lookups });
    }
    if voids > 2 {
        findings.push(Finding::TooManyVoidLookups { count: voids });
    }
    if mx_have_ipv6 && tree.record.is_some() && !has_ip6(&tree) {
        findings.push(Finding::Ipv6Missing {
            domain: domain.into(),
        });
    }
    SpfLint {
        record: tree.record.clone(),
        lookups,
        void_lookups: voids,
        tree,
        findings,
    }
}

/// The classic DNS-over-UDP message limit: RFC 7208 §3.4 asks SPF answers to fit in it,
/// since receivers behind old resolvers or firewalls may get nothing larger.
pub const UDP_ANSWER_LIMIT: usize = 512;

/// The size of a DNS response carrying every TXT record at `name` (RFC 1035 wire format,
/// answers pointing back to the question name): the whole set comes back, SPF or not.
pub fn txt_answer_size(name: &str, records: &[crate::dns::RData]) -> usize {
    let qname = name.trim_end_matches('.').len() + 2;
    let mut size = 12 + qname + 4;
    for r in records {
        if let crate::dns::RData::Txt { strings } = r {
            size += 2 + 10 + strings.iter().map(|s| s.len() + 1).sum::<usize>();
        }
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::zone::ZoneSource;
    use crate::findings::Finding as _;

    fn codes(l: &SpfLint) -> Vec<&'static str> {
        l.findings.iter().map(|f| f.code()).collect()
    }

    #[test]
    fn counts_the_whole_tree() {
        let mut z = ZoneSource::new();
        z.insert_txt(
            "example.com",
            "v=spf1 include:a.example.net include:b.example.net mx ~all",
        );
        z.insert_txt(
            "a.example.net",
            "v=spf1 include:c.example.net ip4:192.0.2.0/24 -all",
        );
        z.insert_txt("b.example.net", "v=spf1 ptr -all");
        z.insert_txt("c.example.net", "v=spf1 a -all");
        let l = futures::executor::block_on(lint(&z, "example.com", false));
        assert_eq!(l.lookups, 6);
        assert_eq!(l.void_lookups, 2); // mx of example.com, a of c.example.net
        assert_eq!(
            codes(&l),
            vec![
                "spf_void_lookup",
                "spf_ptr",
                "spf_void_lookup",
                "spf_softfail_all"
            ]
        );
        assert_eq!(l.tree.children[0].children[0].domain, "c.example.net");
    }

    #[test]
    fn over_the_limits_and_bad_records() {
        let mut z = ZoneSource::new();
        let includes: Vec<String> = (0..11)
            .map(|i| format!("include:i{i}.example.net"))
            .collect();
        z.insert_txt(
            "example.com",
            &format!("v=spf1 {} -all", includes.join(" ")),
        );
        for i in 0..11 {
            z.insert_txt(&format!("i{i}.example.net"), "v=spf1 -all");
        }
        z.insert_txt("two.example.com", "v=spf1 -all");
        z.insert_txt("two.example.com", "v=spf1 +all");
        let l = futures::executor::block_on(lint(&z, "example.com", false));
        assert!(codes(&l).contains(&"spf_too_many_lookups"));
        let l = futures::executor::block_on(lint(&z, "two.example.com", true));
        assert_eq!(codes(&l)[0], "spf_several_records");
        assert!(codes(&l).contains(&"spf_ipv6_missing"));
        let l = futures::executor::block_on(lint(&z, "none.example.com", false));
        assert_eq!(codes(&l), vec!["spf_no_record"]);
    }
}
