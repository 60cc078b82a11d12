//! MX (RFC 5321, null MX RFC 7505), MTA-STS (RFC 8461), TLS-RPT (RFC 8460) and
//! BIMI records: parse what is published and list what is wrong with it.

use serde::Serialize;

use super::finding::Finding;
use super::tags;

/// The MX set of a domain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MxSet {
    /// (preference, host), by preference.
    pub hosts: Vec<(u16, String)>,
    /// A null MX (`0 .`, RFC 7505): the domain accepts no mail.
    pub null_mx: bool,
}

/// Reads an MX answer and its findings.
pub fn lint_mx(domain: &str, hosts: Vec<(u16, String)>, findings: &mut Vec<Finding>) -> MxSet {
    let null_mx = hosts.iter().any(|(_, h)| h.is_empty());
    if null_mx && hosts.len() > 1 {
        findings.push(Finding::NullMxMixed {
            domain: domain.into(),
        });
    }
    if hosts.is_empty() {
        findings.push(Finding::NoMx {
            domain: domain.into(),
        });
    }
    for (_, h) in &hosts {
        if h.parse::<std::net::IpAddr>().is_ok() {
            findings.push(Finding::MxIsIp { host: h.clone() });
        }
    }
    MxSet { hosts, null_mx }
}

/// A tag-list record (MTA-STS, TLS-RPT, BIMI) as found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TagRecord {
    /// The record text, if one was found.
    pub record: Option<String>,
    /// Its tags.
    pub tags: Vec<(String, String)>,
}

/// Picks the records starting with `prefix` (case-insensitive) among TXT strings.
fn pick(txts: &[String], prefix: &str) -> Vec<String> {
    txts.iter()
        .filter(|t| {
            t.trim_start()
                .to_ascii_lowercase()
                .starts_with(&prefix.to_ascii_lowercase())
        })
        .cloned()
        .collect()
}

/// `_mta-sts.<domain>` TXT: `v=STSv1; id=…` (RFC 8461 §3.1).
pub fn lint_mta_sts(domain: &str, txts: &[String], findings: &mut Vec<Finding>) -> TagRecord {
    let found = pick(txts, "v=STSv1");
    match found.as_slice() {
        [] => {
            findings.push(Finding::NoMtaSts {
                domain: domain.into(),
            });
            TagRecord::default()
        }
        [one] => {
            let t = tags::parse(one);
            let id_ok = tags::get(&t, "id").is_some_and(|id| {
                !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_alphanumeric())
            });
            if !id_ok {
                findings.push(Finding::MtaStsBadId {
                    record: one.clone(),
                });
            }
            findings.push(Finding::MtaStsPolicyNotFetched {
                domain: domain.into(),
            });
            TagRecord {
                record: Some(one.clone()),
                tags: t,
            }
        }
        many => {
            findings.push(Finding::SeveralRecords {
                kind: "MTA-STS".into(),
                count: many.len(),
            });
            TagRecord {
                record: Some(many[0].clone()),
                tags: tags::parse(&many[0]),
            }
        }
    }
}

/// `_smtp._tls.<domain>` TXT: `v=TLSRPTv1; rua=mailto:…,https://…` (RFC 8460 §3).
pub fn lint_tls_rpt(domain: &str, txts: &[String], findings: &mut Vec<Finding>) -> TagRecord {
    let found = pick(txts, "v=TLSRPTv1");
    let Some(one) = found.first() else {
        findings.push(Finding::NoTlsRpt {
            domain: domain.into(),
        });
        return TagRecord::default();
    };
    if found.len() > 1 {
        findings.push(Finding::SeveralRecords {
            kind: "TLS-RPT".into(),
            count: found.len(),
        });
    }
    let t = tags::parse(one);
    let rua = tags::get(&t, "rua").unwrap_or("");
    let valid = !rua.is_empty()
        && rua.split(',').all(|u| {
            let u = u.trim().to_ascii_lowercase();
            (u.starts_with("mailto:") && u.contains('@')) || u.starts_with("https://")
        });
    if !valid {
        findings.push(Finding::TlsRptBadRua { rua: rua.into() });
    }
    TagRecord {
        record: Some(one.clone()),
        tags: t,
    }
}

/// `default._bimi.<domain>` TXT: `v=BIMI1; l=https://….svg; a=https://….pem`.
pub fn lint_bimi(
    domain: &str,
    txts: &[String],
    dmarc_enforced: bool,
    findings: &mut Vec<Finding>,
) -> TagRecord {
    let found = pick(txts, "v=BIMI1");
    let Some(one) = found.first() else {
        findings.push(Finding::NoBimi {
            domain: domain.into(),
        });
        return TagRecord::default();
    };
    let t = tags::parse(one);
    let l = tags::get(&t, "l").unwrap_or("");
    let lower = l.to_ascii_lowercase();
    if !l.is_empty() && (!lower.starts_with("https://") || !lower.ends_with(".svg")) {
        findings.push(Finding::BimiBadLogo { location: l.into() });
    }
    if tags::get(&t, "a").unwrap_or("").is_empty() {
        findings.push(Finding::BimiNoCertificate);
    }
    if !dmarc_enforced {
        findings.push(Finding::BimiNeedsEnforcement);
    }
    TagRecord {
        record: Some(one.clone()),
        tags: t,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(f: &[Finding]) -> Vec<&'static str> {
        f.iter().map(crate::findings::Finding::code).collect()
    }

    #[test]
    fn mx_cases() {
        let mut f = Vec::new();
        let m = lint_mx("example.com", vec![(0, String::new())], &mut f);
        assert!(m.null_mx && f.is_empty());
        lint_mx(
            "example.com",
            vec![(0, String::new()), (10, "mx.example.com".into())],
            &mut f,
        );
        assert_eq!(codes(&f), vec!["null_mx_mixed"]);
    }

    #[test]
    fn mta_sts_tls_rpt_bimi() {
        let mut f = Vec::new();
        lint_mta_sts(
            "example.com",
            &["v=STSv1; id=20240101T000000".into()],
            &mut f,
        );
        assert_eq!(codes(&f), vec!["mta_sts_policy_not_fetched"]);
        f.clear();
        lint_mta_sts("example.com", &["v=STSv1; id=bad-id!".into()], &mut f);
        assert!(codes(&f).contains(&"mta_sts_bad_id"));
        f.clear();
        lint_tls_rpt(
            "example.com",
            &["v=TLSRPTv1; rua=mailto:tls@example.com".into()],
            &mut f,
        );
        assert!(f.is_empty());
        lint_tls_rpt("example.com", &["v=TLSRPTv1; rua=ftp://x".into()], &mut f);
        assert_eq!(codes(&f), vec!["tls_rpt_bad_rua"]);
        f.clear();
        lint_bimi(
            "example.com",
            &["v=BIMI1; l=http://example.com/logo.png".into()],
            false,
            &mut f,
        );
        assert_eq!(
            codes(&f),
            vec![
                "bimi_bad_logo",
                "bimi_no_certificate",
                "bimi_needs_enforcement"
            ]
        );
    }
}
