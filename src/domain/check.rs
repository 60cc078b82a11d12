//! The domain check: every lookup at once, then each record linted, then the plan.

use futures::future::{join, join_all};
use serde::{Serialize, Serializer};

use super::finding::Finding;
use super::records::{self, MxSet, TagRecord};
use super::steps::{self, NextStep, Posture, Unknown};
use crate::dmarc::discovery::{DmarcSection, check as dmarc_check};
use crate::dmarc::record::Policy;
use crate::dns::{DnsError, DnsLookup, DnsResult, RecordType};
use crate::i18n::{Translate, json_lang};
use crate::spf::finding::Finding as SpfFinding;
use crate::spf::lint::{SpfLint, has_ip6, lint as spf_lint};

/// Selectors probed when the user names none: common defaults of mail systems and
/// sending services (Google, Microsoft 365, Mailchimp, SendGrid, Amazon SES…).
pub const COMMON_SELECTORS: &[&str] = &[
    "google",
    "selector1",
    "selector2",
    "k1",
    "k2",
    "k3",
    "s1",
    "s2",
    "default",
    "dkim",
    "mail",
    "smtp",
    "mxvault",
    "everlytickey1",
    "everlytickey2",
    "mandrill",
    "pm",
    "sig1",
    "zendesk1",
    "zendesk2",
    "protonmail",
    "protonmail2",
    "protonmail3",
];

/// A TXT lookup's outcome as a section shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lookup {
    /// Queried name.
    pub name: String,
    /// The DNS error, when the lookup failed (NXDOMAIN included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<DnsError>,
}

/// A DKIM selector probed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DkimKey {
    /// The selector.
    pub selector: String,
    /// A key record (v=DKIM1 or p=) was found.
    pub found: bool,
    /// The user asked for this selector (it was not only probed).
    pub requested: bool,
    /// The record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// CNAME target when the selector is delegated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cname: Option<String>,
    /// Key length in bits.
    pub key_bits: Option<u32>,
    /// What is wrong with the key.
    pub findings: Vec<crate::dkim::finding::Finding>,
}

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct DomainReport {
    /// The domain checked.
    pub domain: String,
    /// SPF: record, lookups, void lookups, include/redirect tree, findings.
    pub spf: SpfLint,
    /// DMARC: record, policy, discovery, findings.
    pub dmarc: DmarcSection,
    /// DKIM selectors probed.
    pub dkim: Vec<DkimKey>,
    /// MX set.
    pub mx: MxSet,
    /// MTA-STS record.
    pub mta_sts: TagRecord,
    /// TLS-RPT record.
    pub tls_rpt: TagRecord,
    /// BIMI record.
    pub bimi: TagRecord,
    /// The resolver vouched for every answer with DNSSEC (AD flag).
    pub dnssec: bool,
    /// Lookups that failed for another reason than NXDOMAIN (the report is incomplete).
    pub failed: Vec<Lookup>,
    /// Findings about the records.
    pub findings: Vec<Finding>,
    /// The plan, most urgent first.
    #[serde(serialize_with = "steps_with_text")]
    pub next_steps: Vec<NextStep>,
}

#[derive(Serialize)]
struct StepView<'a> {
    #[serde(flatten)]
    step: &'a NextStep,
    message: String,
}

fn steps_with_text<S: Serializer>(steps: &[NextStep], s: S) -> Result<S::Ok, S::Error> {
    let lang = json_lang();
    s.collect_seq(steps.iter().map(|step| StepView {
        step,
        message: step.text(lang),
    }))
}

fn txts(r: &DnsResult) -> Vec<String> {
    r.as_ref().map(|a| a.txt()).unwrap_or_default()
}

/// True when `name` looks like a domain name we can query.
pub fn valid_domain(name: &str) -> bool {
    let d = name.trim().trim_end_matches('.');
    d.contains('.') && crate::dns::is_plain_name(d)
}

/// The DKIM selectors typed in a free-text field: separated by commas or spaces,
/// lower-cased, `._domainkey…` suffixes dropped, invalid ones and duplicates left out.
pub fn parse_selectors(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let s = s.trim().to_ascii_lowercase();
        let s = s
            .split("._domainkey")
            .next()
            .unwrap_or_default()
            .to_string();
        let ok = crate::dns::is_plain_name(&s);
        if ok && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Checks `domain`, probing the `selectors` given, then [`COMMON_SELECTORS`].
pub async fn check(dns: &impl DnsLookup, domain: &str, selectors: &[String]) -> DomainReport {
    let d = crate::dns::normalize_name(domain);
    let mut probe: Vec<String> = Vec::new();
    for s in selectors
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .chain(COMMON_SELECTORS.iter().map(|s| s.to_string()))
    {
        if !probe.contains(&s) {
            probe.push(s);
        }
    }
    let requested: Vec<String> = selectors.iter().map(|s| s.to_ascii_lowercase()).collect();
    let selectors = probe;
    let mut queries = vec![
        (d.clone(), RecordType::Mx),
        (format!("_mta-sts.{d}"), RecordType::Txt),
        (format!("_smtp._tls.{d}"), RecordType::Txt),
        (format!("default._bimi.{d}"), RecordType::Txt),
    ];
    queries.extend(
        selectors
            .iter()
            .map(|s| (format!("{s}._domainkey.{d}"), RecordType::Txt)),
    );
    // The MX hosts' AAAA records are asked as soon as the MX answer is in.
    let mx_then_aaaa = async {
        let mx = dns.lookup(&d, RecordType::Mx).await;
        let hosts: Vec<String> = mx
            .as_ref()
            .map(|a| a.mx())
            .unwrap_or_default()
            .into_iter()
            .map(|(_, h)| h)
            .filter(|h| !h.is_empty())
            .collect();
        let aaaa = join_all(hosts.iter().map(|h| dns.lookup(h, RecordType::Aaaa))).await;
        (mx, aaaa)
    };
    let ((mut spf, dmarc), ((mx, aaaa), others)) = join(
        join(spf_lint(dns, &d, false), dmarc_check(dns, &d)),
        join(
            mx_then_aaaa,
            join_all(queries[1..].iter().map(|(n, t)| dns.lookup(n, *t))),
        ),
    )
    .await;
    let results: Vec<DnsResult> = std::iter::once(mx).chain(others).collect();

    let mut failed: Vec<Lookup> = queries
        .iter()
        .zip(&results)
        .filter_map(|((n, _), r)| match r {
            Err(e) if e.is_temporary() => Some(Lookup {
                name: n.clone(),
                error: Some(e.clone()),
            }),
            _ => None,
        })
        .collect();
    if let Some(e) = &dmarc.error {
        let name = dmarc.discovery.queried.last().cloned().unwrap_or_default();
        failed.insert(
            0,
            Lookup {
                name,
                error: Some(e.clone()),
            },
        );
    }
    let dnssec = results
        .iter()
        .all(|r| r.as_ref().is_ok_and(|a| a.authenticated));
    let mut findings = Vec::new();

    // A lookup that failed says nothing about the record: its "missing" findings are
    // dropped (the failure is listed in `failed`), and the plan does not ask to publish it.
    let unknown = |i: usize| matches!(&results[i], Err(e) if e.is_temporary());
    let mut section = |i: usize, lint: &mut dyn FnMut(&mut Vec<Finding>)| {
        let mut f = Vec::new();
        lint(&mut f);
        if !unknown(i) {
            findings.extend(f);
        }
    };
    let mut mx = MxSet::default();
    section(0, &mut |f| {
        mx = records::lint_mx(
            &d,
            results[0].as_ref().map(|a| a.mx()).unwrap_or_default(),
            f,
        )
    });
    let mut mta_sts = TagRecord::default();
    section(1, &mut |f| {
        mta_sts = records::lint_mta_sts(&d, &txts(&results[1]), f)
    });
    let mut tls_rpt = TagRecord::default();
    section(2, &mut |f| {
        tls_rpt = records::lint_tls_rpt(&d, &txts(&results[2]), f)
    });
    let enforced = dmarc.policy.is_some_and(|p| p >= Policy::Quarantine);
    let mut bimi = TagRecord::default();
    section(3, &mut |f| {
        bimi = records::lint_bimi(&d, &txts(&results[3]), enforced, f)
    });
    let dkim: Vec<DkimKey> = selectors
        .iter()
        .zip(&results[4..])
        .map(|(sel, r)| {
            let record = txts(r)
                .into_iter()
                .find(|t| t.contains("p=") || t.to_ascii_lowercase().contains("v=dkim1"));
            let cname = r
                .as_ref()
                .ok()
                .and_then(|a| a.cnames().last().map(|(_, t)| t.clone()));
            let (key_bits, findings) = record
                .as_deref()
                .map(|r| crate::dkim::finding::lint_key(sel, r))
                .unwrap_or_default();
            DkimKey {
                selector: sel.clone(),
                found: record.is_some(),
                requested: requested.contains(sel),
                record,
                cname,
                key_bits,
                findings,
            }
        })
        .collect();

    // Senders' IPv6: when the MX hosts have AAAA records, SPF should cover IPv6 too.
    if aaaa
        .iter()
        .any(|r| r.as_ref().is_ok_and(|a| !a.ips().is_empty()))
        && spf.record.is_some()
        && !has_ip6(&spf.tree)
    {
        spf.findings
            .push(SpfFinding::Ipv6Missing { domain: d.clone() });
    }
    let foreign_dmarc = dmarc.discovery.name.as_deref().is_some_and(|n| {
        let owner = n.trim_start_matches("_dmarc.");
        let org = &dmarc.discovery.rfc7489.org_domain;
        let within = owner == org || owner.ends_with(&format!(".{org}"));
        !within || dmarc.parsed.as_ref().is_some_and(|p| p.psd == Some(true))
    });
    let posture = Posture {
        domain: d.clone(),
        spf: spf.record.clone(),
        // A parent's record is the domain owner's to change only when it sits within the
        // organisational domain and is not a public suffix operator's (psd=y); otherwise
        // the plan is to publish one's own record.
        dmarc: dmarc.record.clone().filter(|_| !foreign_dmarc),
        dmarc_inherited_from: dmarc
            .discovery
            .name
            .clone()
            .filter(|n| *n != format!("_dmarc.{d}") && !foreign_dmarc),
        dkim_found: dkim.iter().any(|k| k.found),
        null_mx: mx.null_mx,
        tls_rpt: tls_rpt.record.is_some(),
        unknown: Unknown {
            spf: spf.findings.iter().any(|f| {
                matches!(f, SpfFinding::Dns { name, error, .. } if *name == d && error.is_temporary())
            }),
            dmarc: dmarc.error.is_some(),
            dkim: results[4..].iter().any(|r| matches!(r, Err(e) if e.is_temporary())),
            tls_rpt: unknown(2),
        },
    };
    let next_steps = steps::plan(&posture);
    DomainReport {
        domain: d,
        spf,
        dmarc,
        dkim,
        mx,
        mta_sts,
        tls_rpt,
        bimi,
        dnssec,
        failed,
        findings,
        next_steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::RData;
    use crate::dns::zone::ZoneSource;

    #[test]
    fn healthy_and_empty_domains() {
        let mut z = ZoneSource::new();
        z.insert_txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all");
        z.insert_txt(
            "_dmarc.example.com",
            "v=DMARC1; p=reject; rua=mailto:d@example.com",
        );
        z.insert(
            "example.com",
            RData::Mx {
                preference: 10,
                exchange: "mx.example.com".into(),
            },
        );
        z.insert_txt(
            "_smtp._tls.example.com",
            "v=TLSRPTv1; rua=mailto:tls@example.com",
        );
        z.insert(
            "selector1._domainkey.example.com",
            RData::Cname {
                alias: String::new(),
                target: "selector1-example-com._domainkey.example.onmicrosoft.com".into(),
            },
        );
        z.insert_txt(
            "selector1-example-com._domainkey.example.onmicrosoft.com",
            "v=DKIM1; k=rsa; p=MIIB",
        );
        let r = futures::executor::block_on(check(&z, "Example.com.", &[]));
        assert_eq!(r.domain, "example.com");
        assert!(r.next_steps.is_empty(), "{:?}", r.next_steps);
        let k = r.dkim.iter().find(|k| k.found).unwrap();
        assert_eq!(k.selector, "selector1");
        assert!(k.cname.as_deref().unwrap().ends_with("onmicrosoft.com"));
        assert!(r.failed.is_empty());

        let empty = futures::executor::block_on(check(
            &ZoneSource::new(),
            "example.org",
            &["mysel".into()],
        ));
        assert!(empty.spf.record.is_none() && empty.dmarc.record.is_none());
        // The selector asked for comes first, then the common ones are probed.
        assert_eq!(empty.dkim.len(), COMMON_SELECTORS.len() + 1);
        assert!(empty.dkim[0].selector == "mysel" && empty.dkim[0].requested);
        assert!(empty.dkim[1..].iter().all(|k| !k.requested));
        assert!(
            empty
                .findings
                .iter()
                .any(|f| matches!(f, Finding::NoMx { .. }))
        );
        assert!(matches!(empty.next_steps[0], NextStep::InventorySenders));
    }

    #[test]
    fn selectors_typed_by_a_user() {
        assert_eq!(
            parse_selectors(" S1, s2;k1._domainkey.example.com  bad!sel s1 "),
            ["s1", "s2", "k1"]
        );
        assert!(parse_selectors(" , ;").is_empty());
    }

    #[test]
    fn temporary_failures_are_listed() {
        let mut z = ZoneSource::new();
        z.set_error("_dmarc.example.com", RecordType::Txt, DnsError::ServFail);
        let r = futures::executor::block_on(check(&z, "example.com", &["s1".into()]));
        assert_eq!(r.failed.len(), 1);
        assert_eq!(r.failed[0].name, "_dmarc.example.com");
    }
}
