//! Record builder: SPF and DMARC records from a user's choices, each part explained.

use serde::Serialize;

use crate::dmarc::record::Policy;
use crate::spf::record::{self, Qualifier};

/// What the SPF builder asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpfChoices {
    /// Authorise the domain's MX hosts.
    pub mx: bool,
    /// Authorise the domain's own A/AAAA addresses.
    pub a: bool,
    /// IPv4 addresses or networks.
    pub ip4: Vec<String>,
    /// IPv6 addresses or networks.
    pub ip6: Vec<String>,
    /// Domains of sending services to include.
    pub includes: Vec<String>,
    /// What happens to everyone else.
    pub all: Qualifier,
}

/// One part of a built record, for the explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "part", rename_all = "snake_case")]
pub enum Part {
    /// `v=spf1`.
    SpfVersion,
    /// `mx`.
    Mx,
    /// `a`.
    A,
    /// `ip4:` / `ip6:`.
    Ip {
        /// The network.
        network: String,
    },
    /// `include:`.
    Include {
        /// The domain.
        domain: String,
    },
    /// The final `all`.
    All {
        /// Its qualifier.
        qualifier: Qualifier,
    },
    /// `v=DMARC1`.
    DmarcVersion,
    /// `p=`.
    Policy {
        /// The policy.
        policy: Policy,
    },
    /// `sp=`.
    SubdomainPolicy {
        /// The policy.
        policy: Policy,
    },
    /// `pct=`.
    Pct {
        /// The share.
        pct: u8,
    },
    /// `rua=`.
    Rua {
        /// The address.
        address: String,
    },
    /// `adkim=s` / `aspf=s`.
    Strict {
        /// `adkim` or `aspf`.
        tag: &'static str,
    },
}

/// Why the choices do not make a valid record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BuildError {
    /// An entry is not a valid address, network or domain.
    Invalid {
        /// The entry.
        entry: String,
    },
    /// The record would need more than 10 DNS lookups.
    TooManyLookups {
        /// How many.
        count: usize,
    },
    /// A report address is not an e-mail address.
    BadAddress {
        /// The entry.
        entry: String,
    },
}

/// Builds an SPF record; the result is checked with the SPF parser.
pub fn build_spf(c: &SpfChoices) -> Result<(String, Vec<Part>), BuildError> {
    let mut terms = vec!["v=spf1".to_string()];
    let mut parts = vec![Part::SpfVersion];
    if c.mx {
        terms.push("mx".into());
        parts.push(Part::Mx);
    }
    if c.a {
        terms.push("a".into());
        parts.push(Part::A);
    }
    for (kind, list) in [("ip4", &c.ip4), ("ip6", &c.ip6)] {
        for n in list.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            terms.push(format!("{kind}:{n}"));
            parts.push(Part::Ip { network: n.into() });
        }
    }
    for d in c
        .includes
        .iter()
        .map(|d| d.trim().trim_end_matches('.'))
        .filter(|d| !d.is_empty())
    {
        terms.push(format!("include:{d}"));
        parts.push(Part::Include { domain: d.into() });
    }
    terms.push(format!(
        "{}all",
        if c.all == Qualifier::Pass {
            "+".to_string()
        } else {
            c.all.symbol().to_string()
        }
    ));
    parts.push(Part::All { qualifier: c.all });
    let rec = terms.join(" ");
    let parsed = record::parse(&rec).map_err(|e| {
        let entry = match e {
            record::SyntaxError::UnknownMechanism { term, .. }
            | record::SyntaxError::BadArgument { term, .. }
            | record::SyntaxError::BadCidr { term, .. }
            | record::SyntaxError::BadMacro { term, .. } => term,
            other => format!("{other:?}"),
        };
        BuildError::Invalid { entry }
    })?;
    let lookups = parsed
        .directives
        .iter()
        .filter(|d| d.mechanism.queries_dns())
        .count();
    if lookups > 10 {
        return Err(BuildError::TooManyLookups { count: lookups });
    }
    Ok((rec, parts))
}

/// What the DMARC builder asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DmarcChoices {
    /// `p=`.
    pub policy: Policy,
    /// `sp=`, when different from `p`.
    pub subdomain_policy: Option<Policy>,
    /// `pct=` (100 is left out).
    pub pct: u8,
    /// Aggregate report address.
    pub rua: String,
    /// `adkim=s`.
    pub strict_dkim: bool,
    /// `aspf=s`.
    pub strict_spf: bool,
}

/// Builds a DMARC record.
pub fn build_dmarc(c: &DmarcChoices) -> Result<(String, Vec<Part>), BuildError> {
    let mut tags = vec!["v=DMARC1".to_string(), format!("p={}", c.policy.as_str())];
    let mut parts = vec![Part::DmarcVersion, Part::Policy { policy: c.policy }];
    if let Some(sp) = c.subdomain_policy.filter(|sp| *sp != c.policy) {
        tags.push(format!("sp={}", sp.as_str()));
        parts.push(Part::SubdomainPolicy { policy: sp });
    }
    if c.pct < 100 {
        tags.push(format!("pct={}", c.pct));
        parts.push(Part::Pct { pct: c.pct });
    }
    let rua = c.rua.trim().trim_start_matches("mailto:");
    if !rua.is_empty() {
        let valid = rua
            .split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.contains(' '));
        if !valid {
            return Err(BuildError::BadAddress { entry: rua.into() });
        }
        tags.push(format!("rua=mailto:{rua}"));
        parts.push(Part::Rua {
            address: rua.into(),
        });
    }
    for (on, tag) in [(c.strict_dkim, "adkim"), (c.strict_spf, "aspf")] {
        if on {
            tags.push(format!("{tag}=s"));
            parts.push(Part::Strict { tag });
        }
    }
    Ok((tags.join("; "), parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spf_records_are_valid_and_explained() {
        let c = SpfChoices {
            mx: true,
            a: false,
            ip4: vec!["192.0.2.0/24".into()],
            ip6: vec![],
            includes: vec!["_spf.example.net".into()],
            all: Qualifier::Softfail,
        };
        let (rec, parts) = build_spf(&c).unwrap();
        assert_eq!(
            rec,
            "v=spf1 mx ip4:192.0.2.0/24 include:_spf.example.net ~all"
        );
        assert_eq!(parts.len(), 5);
        let bad = SpfChoices {
            ip4: vec!["192.0.2.0/40".into()],
            ..c.clone()
        };
        assert_eq!(
            build_spf(&bad),
            Err(BuildError::Invalid {
                entry: "ip4:192.0.2.0/40".into()
            })
        );
        let many = SpfChoices {
            includes: (0..11).map(|i| format!("i{i}.example.net")).collect(),
            ..c
        };
        assert_eq!(
            build_spf(&many),
            Err(BuildError::TooManyLookups { count: 12 })
        );
    }

    #[test]
    fn dmarc_records() {
        let c = DmarcChoices {
            policy: Policy::Quarantine,
            subdomain_policy: Some(Policy::Reject),
            pct: 25,
            rua: "dmarc@example.com".into(),
            strict_dkim: true,
            strict_spf: false,
        };
        let (rec, _) = build_dmarc(&c).unwrap();
        assert_eq!(
            rec,
            "v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:dmarc@example.com; adkim=s"
        );
        let mut findings = Vec::new();
        let parsed = crate::dmarc::record::parse("example.com", &rec, &mut findings);
        assert_eq!(parsed.pct, 25);
        assert!(
            build_dmarc(&DmarcChoices {
                rua: "not an address".into(),
                ..c
            })
            .is_err()
        );
    }
}
