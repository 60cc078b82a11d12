//! DMARC policy records (RFC 7489 §6.3, RFC 9989): tags, values, and what is wrong.

use serde::Serialize;

use super::finding::Finding;

/// A requested handling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Monitor only.
    None,
    /// Treat as suspicious.
    Quarantine,
    /// Refuse.
    Reject,
}

impl Policy {
    /// The keyword (`none`, `quarantine`, `reject`).
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::None => "none",
            Policy::Quarantine => "quarantine",
            Policy::Reject => "reject",
        }
    }

    fn parse(v: &str) -> Option<Policy> {
        match v.to_ascii_lowercase().as_str() {
            "none" => Some(Policy::None),
            "quarantine" => Some(Policy::Quarantine),
            "reject" => Some(Policy::Reject),
            _ => None,
        }
    }
}

/// A parsed record, lenient: invalid values become findings and defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DmarcRecord {
    /// `p=` (none when missing, RFC 9989 §4.7).
    pub policy: Policy,
    /// `sp=`: subdomains (defaults to `p`).
    pub subdomain_policy: Policy,
    /// `np=`: non-existent subdomains (RFC 9989; defaults to `sp`).
    pub nonexistent_policy: Policy,
    /// `adkim=s`.
    pub strict_dkim: bool,
    /// `aspf=s`.
    pub strict_spf: bool,
    /// `pct=` (RFC 7489; removed by RFC 9989).
    pub pct: u8,
    /// `t=y` (RFC 9989 testing).
    pub testing: bool,
    /// `rua=` URIs.
    pub rua: Vec<String>,
    /// `ruf=` URIs.
    pub ruf: Vec<String>,
    /// `psd=` (RFC 9989): `Some(true)` for a public suffix domain's record (`y`),
    /// `Some(false)` for an organisational domain (`n`), `None` when absent or `u`.
    pub psd: Option<bool>,
}

/// True when a TXT string is a DMARC record: one of its tags is `v=DMARC1`. RFC 7489
/// wants it first; a record where it is not is still recognised here so the lint can
/// say receivers will discard it ([`Finding::VersionNotFirst`]).
pub fn is_dmarc(txt: &str) -> bool {
    txt.split(';').any(|p| {
        p.split_once('=')
            .is_some_and(|(k, v)| k.trim() == "v" && v.trim() == "DMARC1")
    })
}

/// Parses `record` published for `domain`, listing what is wrong in `findings`.
pub fn parse(domain: &str, record: &str, findings: &mut Vec<Finding>) -> DmarcRecord {
    let mut r = DmarcRecord {
        policy: Policy::None,
        subdomain_policy: Policy::None,
        nonexistent_policy: Policy::None,
        strict_dkim: false,
        strict_spf: false,
        pct: 100,
        testing: false,
        rua: Vec::new(),
        ruf: Vec::new(),
        psd: None,
    };
    let (mut p, mut sp, mut np) = (None, None, None);
    let bad = |tag: &str, value: &str| Finding::InvalidValue {
        tag: tag.into(),
        value: value.into(),
    };
    for (i, part) in record
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        let (tag, value) = part
            .split_once('=')
            .map_or((part, ""), |(t, v)| (t.trim(), v.trim()));
        let lower = tag.to_ascii_lowercase();
        if i == 0 && lower != "v" {
            findings.push(Finding::VersionNotFirst);
        }
        match lower.as_str() {
            "v" => {}
            "p" | "sp" | "np" => {
                let slot = match lower.as_str() {
                    "p" => &mut p,
                    "sp" => &mut sp,
                    _ => &mut np,
                };
                match Policy::parse(value) {
                    Some(pol) => *slot = Some(pol),
                    None => findings.push(bad(tag, value)),
                }
            }
            "adkim" | "aspf" => match value.to_ascii_lowercase().as_str() {
                "r" => {}
                "s" if lower == "adkim" => r.strict_dkim = true,
                "s" => r.strict_spf = true,
                _ => findings.push(bad(tag, value)),
            },
            "pct" => {
                findings.push(Finding::RemovedTag { tag: "pct".into() });
                match value.parse::<u8>() {
                    Ok(n) if n <= 100 => r.pct = n,
                    _ => findings.push(bad(tag, value)),
                }
            }
            "t" => match value {
                "y" => r.testing = true,
                "n" => {}
                _ => findings.push(bad(tag, value)),
            },
            "rua" | "ruf" => {
                let uris: Vec<String> = value
                    .split(',')
                    .map(|u| u.trim().to_string())
                    .filter(|u| !u.is_empty())
                    .collect();
                for u in &uris {
                    let addr = u.to_ascii_lowercase();
                    if !(addr.starts_with("mailto:") && addr.contains('@')) {
                        findings.push(bad(tag, u));
                    }
                }
                if lower == "rua" {
                    r.rua = uris
                } else {
                    r.ruf = uris
                }
            }
            "fo" => {
                if !value
                    .split(':')
                    .all(|o| matches!(o.trim(), "0" | "1" | "d" | "s"))
                {
                    findings.push(bad(tag, value));
                }
            }
            "psd" => match value {
                "y" => r.psd = Some(true),
                "n" => r.psd = Some(false),
                "u" => {}
                _ => findings.push(bad(tag, value)),
            },
            "rf" | "ri" => findings.push(Finding::RemovedTag { tag: lower }),
            _ => findings.push(Finding::UnknownTag { tag: tag.into() }),
        }
    }
    match p {
        Some(pol) => r.policy = pol,
        None => findings.push(Finding::MissingPolicy),
    }
    r.subdomain_policy = sp.unwrap_or(r.policy);
    r.nonexistent_policy = np.unwrap_or(r.subdomain_policy);
    if r.policy == Policy::None {
        findings.push(Finding::PolicyNone {
            domain: domain.into(),
        });
    }
    if r.pct < 100 {
        findings.push(Finding::PartialPct { pct: r.pct });
    }
    if r.testing {
        findings.push(Finding::Testing);
    }
    if r.rua.is_empty() {
        findings.push(Finding::NoRua);
    }
    if r.subdomain_policy < r.policy {
        findings.push(Finding::WeakerSubdomains {
            policy: r.policy,
            subdomain_policy: r.subdomain_policy,
        });
    }
    if r.policy >= Policy::Quarantine && r.nonexistent_policy < Policy::Reject {
        findings.push(Finding::NonExistentSubdomainsOpen {
            np: r.nonexistent_policy,
        });
    }
    r
}

/// The domain of a `mailto:` report URI (`mailto:a@b.example!10m` → `b.example`).
pub fn report_domain(uri: &str) -> Option<String> {
    let addr = uri
        .strip_prefix("mailto:")
        .or_else(|| uri.strip_prefix("MAILTO:"))?;
    let domain = addr.rsplit_once('@')?.1;
    Some(
        domain
            .split('!')
            .next()
            .unwrap_or(domain)
            .trim()
            .trim_end_matches('.')
            .to_ascii_lowercase(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding as _;

    fn lint(rec: &str) -> (DmarcRecord, Vec<&'static str>) {
        let mut f = Vec::new();
        let r = parse("example.com", rec, &mut f);
        (r, f.iter().map(|x| x.code()).collect())
    }

    #[test]
    fn policies_and_defaults() {
        let (r, codes) = lint("v=DMARC1; p=reject; rua=mailto:d@example.com");
        assert_eq!(
            (r.policy, r.subdomain_policy, r.nonexistent_policy),
            (Policy::Reject, Policy::Reject, Policy::Reject)
        );
        assert!(codes.is_empty(), "{codes:?}");
        let (r, codes) = lint(
            "v=DMARC1; p=quarantine; sp=none; np=reject; pct=50; adkim=s; rua=mailto:d@example.com",
        );
        assert_eq!(
            (
                r.subdomain_policy,
                r.nonexistent_policy,
                r.pct,
                r.strict_dkim
            ),
            (Policy::None, Policy::Reject, 50, true)
        );
        assert_eq!(
            codes,
            [
                "dmarc_removed_tag",
                "dmarc_partial_pct",
                "dmarc_weaker_subdomains"
            ]
        );
    }

    #[test]
    fn problems_are_found() {
        let (_, codes) = lint("p=none; v=DMARC1; foo=bar; adkim=x; rua=https://x.example");
        assert_eq!(
            codes,
            [
                "dmarc_version_not_first",
                "dmarc_unknown_tag",
                "dmarc_invalid_value",
                "dmarc_invalid_value",
                "dmarc_policy_none"
            ]
        );
        let (_, codes) = lint("v=DMARC1; rua=mailto:d@example.com; t=y");
        assert_eq!(
            codes,
            ["dmarc_missing_policy", "dmarc_policy_none", "dmarc_testing"]
        );
        assert_eq!(
            report_domain("mailto:agg@reports.example.net!10m"),
            Some("reports.example.net".into())
        );
    }
}
