//! DMARC evaluation of one message (RFC 7489 §6.6, RFC 9989 §4.8–4.10): identifier
//! alignment, the result and the disposition a receiver would apply.
//!
//! Inputs are what the DKIM verifier and the SPF evaluation found; DNS is reached only
//! through [`DnsLookup`]. Alignment uses the organisational domain of the Public Suffix
//! List, as most receivers still do; the RFC 9989 tree-walk organisational domain is
//! computed too, and a finding says when the two would decide differently.

use serde::Serialize;

use super::discovery::{DmarcSection, WalkAnswers};
use super::finding::Finding;
use super::psl::organizational_domain;
use super::record::Policy;
use crate::dns::{DnsError, DnsLookup, RecordType, normalize_name};
use crate::verdict::AuthResult;

/// An authenticated identifier offered for alignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    /// The domain (DKIM `d=`, or the SPF-checked MAIL FROM / HELO domain).
    pub domain: String,
    /// Its result.
    pub result: AuthResult,
}

/// What DMARC is evaluated from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DmarcInput {
    /// Domains of the RFC 5322 From addresses (more than one is itself a finding).
    pub from_domains: Vec<String>,
    /// Every DKIM signature's `d=` and result.
    pub dkim: Vec<Identifier>,
    /// The SPF result for MAIL FROM (or HELO when MAIL FROM was empty).
    pub spf: Option<Identifier>,
}

/// `strict` or `relaxed` (`adkim=` / `aspf=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Domains must be identical.
    Strict,
    /// Organisational domains must be identical.
    Relaxed,
}

/// Alignment of one method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// A passing identifier aligned with the From domain.
    pub aligned: bool,
    /// The mode the record asks for.
    pub mode: Mode,
    /// The identifier that aligned, or else the best candidate.
    pub domain: Option<String>,
}

/// The disposition when `pct` samples the policy (RFC 7489; removed by RFC 9989).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sampling {
    /// Percentage of failing mail the policy applies to.
    pub pct: u8,
    /// What the rest gets.
    pub otherwise: Policy,
}

/// The evaluation of one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DmarcEvaluation {
    /// `pass`, `fail`, `none` (no policy or no From), `temperror`, `permerror`.
    pub result: AuthResult,
    /// The From domain evaluated.
    pub from_domain: Option<String>,
    /// Its organisational domain (Public Suffix List, RFC 7489).
    pub org_domain: Option<String>,
    /// Its organisational domain by RFC 9989's tree walk.
    pub org_domain_tree_walk: Option<String>,
    /// The policy that applies: `p`, or `sp` / `np` for a subdomain with an inherited record.
    pub policy: Option<Policy>,
    /// Which tag that policy came from (`p`, `sp`, `np`).
    pub policy_tag: Option<&'static str>,
    /// What a receiver following the record does with this message.
    pub disposition: Policy,
    /// `pct` below 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sampling: Option<Sampling>,
    /// `t=y`: receivers apply one step less.
    pub testing: bool,
    /// DKIM and SPF alignment.
    pub alignment: AlignmentPair,
    /// The record, where it was found, and its lint.
    pub record: DmarcSection,
    /// Why the result is what it is.
    pub findings: Vec<Finding>,
}

/// DKIM and SPF alignment side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AlignmentPair {
    /// DKIM.
    pub dkim: Alignment,
    /// SPF.
    pub spf: Alignment,
}

/// True when `a` and `b` align in `mode` (organisational domains by the PSL).
pub fn aligned(a: &str, b: &str, mode: Mode) -> bool {
    let (a, b) = (normalize_name(a), normalize_name(b));
    match mode {
        Mode::Strict => a == b,
        Mode::Relaxed => a == b || organizational_domain(&a) == organizational_domain(&b),
    }
}

fn align(from: &str, ids: &[Identifier], mode: Mode) -> Alignment {
    let passing = |i: &&Identifier| i.result == AuthResult::Pass;
    let hit = ids
        .iter()
        .filter(passing)
        .find(|i| aligned(&i.domain, from, mode));
    Alignment {
        aligned: hit.is_some(),
        mode,
        domain: hit
            .or_else(|| ids.iter().find(passing))
            .or_else(|| ids.first())
            .map(|i| normalize_name(&i.domain)),
    }
}

/// One step weaker (`t=y` and the part of mail `pct` leaves out).
fn weaker(p: Policy) -> Policy {
    match p {
        Policy::Reject => Policy::Quarantine,
        _ => Policy::None,
    }
}

/// What DMARC evaluation needs from DNS for a message's From domains. None of it
/// depends on the DKIM and SPF results, so it can be looked up while they are checked.
#[derive(Clone, Debug)]
pub struct DmarcLookups {
    /// The From domains, normalised, each once.
    froms: Vec<String>,
    /// Discovery for the first, and its DMARC section.
    found: Option<(WalkAnswers, DmarcSection)>,
    /// The first From domain does not exist (NXDOMAIN for A), asked only when its
    /// record is inherited (`np=` then applies).
    from_nxdomain: bool,
}

/// Makes every lookup DMARC evaluation needs for `from_domains`: the discovery names
/// at once, then, together, the report-consent records and (for an inherited record)
/// the From domain's A record.
pub async fn lookups(dns: &impl DnsLookup, from_domains: &[String]) -> DmarcLookups {
    let mut froms: Vec<String> = Vec::new();
    for d in from_domains {
        let d = normalize_name(d);
        if !froms.contains(&d) {
            froms.push(d);
        }
    }
    let Some(from) = froms.first() else {
        return DmarcLookups {
            froms,
            found: None,
            from_nxdomain: false,
        };
    };
    let answers = WalkAnswers::fetch(dns, from).await;
    let inherited = answers
        .found_name()
        .is_some_and(|n| n != format!("_dmarc.{from}"));
    let from_a = async {
        inherited
            && matches!(
                dns.lookup(from, RecordType::A).await,
                Err(DnsError::NxDomain)
            )
    };
    let (section, from_nxdomain) = futures::future::join(answers.section(dns), from_a).await;
    DmarcLookups {
        froms,
        found: Some((answers, section)),
        from_nxdomain,
    }
}

/// Evaluates DMARC for a message.
pub async fn evaluate(dns: &impl DnsLookup, input: &DmarcInput) -> DmarcEvaluation {
    evaluate_with(input, lookups(dns, &input.from_domains).await)
}

/// Evaluates DMARC for a message from lookups already made for its From domains
/// (`input.from_domains` is not read again).
pub fn evaluate_with(input: &DmarcInput, found: DmarcLookups) -> DmarcEvaluation {
    let mut findings = Vec::new();
    let DmarcLookups {
        froms,
        found,
        from_nxdomain,
    } = found;
    let empty_pair = || AlignmentPair {
        dkim: Alignment {
            aligned: false,
            mode: Mode::Relaxed,
            domain: None,
        },
        spf: Alignment {
            aligned: false,
            mode: Mode::Relaxed,
            domain: None,
        },
    };
    let nothing = |result, from: Option<String>, record, findings| DmarcEvaluation {
        result,
        org_domain: from.as_deref().map(organizational_domain),
        from_domain: from,
        org_domain_tree_walk: None,
        policy: None,
        policy_tag: None,
        disposition: Policy::None,
        sampling: None,
        testing: false,
        alignment: empty_pair(),
        record,
        findings,
    };
    let (from, (answers, section)) = match (froms.as_slice(), found) {
        ([], _) | (_, None) => {
            findings.push(Finding::NoFromDomain);
            return nothing(AuthResult::None, None, DmarcSection::empty(), findings);
        }
        ([one], Some(found)) => (one.clone(), found),
        ([first, ..], Some(found)) => {
            // RFC 7489 §6.6.1: several From domains may be rejected outright; evaluating
            // the first is what lenient receivers do.
            findings.push(Finding::SeveralFromDomains {
                domains: froms.clone(),
            });
            (first.clone(), found)
        }
    };
    if let Some(e) = &section.error {
        findings.push(Finding::DnsFailed {
            name: section
                .discovery
                .queried
                .last()
                .cloned()
                .unwrap_or_default(),
            error: e.clone(),
        });
        let result = if e.is_temporary() {
            AuthResult::Temperror
        } else {
            AuthResult::Permerror
        };
        return nothing(result, Some(from), section, findings);
    }
    let Some(parsed) = section.parsed.clone() else {
        return nothing(AuthResult::None, Some(from), section, findings);
    };
    let org = organizational_domain(&from);
    let tree_org = answers.tree_walk_org_domain().ok();
    if let Some(t) = &tree_org
        && *t != org
    {
        findings.push(Finding::OrgDomainsDiffer {
            psl: org.clone(),
            tree_walk: t.clone(),
        });
    }
    let mode = |strict| if strict { Mode::Strict } else { Mode::Relaxed };
    let dkim = align(&from, &input.dkim, mode(parsed.strict_dkim));
    let spf = align(&from, input.spf.as_slice(), mode(parsed.strict_spf));
    for (method, a, ids) in [
        ("dkim", &dkim, input.dkim.as_slice()),
        ("spf", &spf, input.spf.as_slice()),
    ] {
        if a.aligned {
            continue;
        }
        if let Some(d) = ids
            .iter()
            .find(|i| i.result == AuthResult::Pass)
            .map(|i| normalize_name(&i.domain))
        {
            findings.push(Finding::PassNotAligned {
                method,
                domain: d,
                from: from.clone(),
                strict: a.mode == Mode::Strict,
            });
        }
    }
    let pass = dkim.aligned || spf.aligned;
    // Which policy applies: the domain's own p=, or for a subdomain covered by a parent's
    // record, sp= (np= when the From domain does not exist, RFC 9989).
    let inherited = section.discovery.name.as_deref() != Some(&format!("_dmarc.{from}"));
    let (policy, tag) = if !inherited {
        (parsed.policy, "p")
    } else if from_nxdomain {
        findings.push(Finding::FromDomainDoesNotExist {
            domain: from.clone(),
        });
        (parsed.nonexistent_policy, "np")
    } else {
        (parsed.subdomain_policy, "sp")
    };
    let mut disposition = if pass { Policy::None } else { policy };
    let testing = parsed.testing;
    if testing && !pass {
        disposition = weaker(disposition);
    }
    let sampling = (!pass && parsed.pct < 100 && disposition != Policy::None).then(|| Sampling {
        pct: parsed.pct,
        otherwise: weaker(disposition),
    });
    DmarcEvaluation {
        result: if pass {
            AuthResult::Pass
        } else {
            AuthResult::Fail
        },
        from_domain: Some(from),
        org_domain: Some(org),
        org_domain_tree_walk: tree_org,
        policy: Some(policy),
        policy_tag: Some(tag),
        disposition,
        sampling,
        testing,
        alignment: AlignmentPair { dkim, spf },
        record: section,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_modes() {
        assert!(aligned("mail.example.com", "example.com", Mode::Relaxed));
        assert!(!aligned("mail.example.com", "example.com", Mode::Strict));
        assert!(aligned("Example.COM.", "example.com", Mode::Strict));
        assert!(aligned("a.example.co.uk", "b.example.co.uk", Mode::Relaxed));
        assert!(!aligned("example.co.uk", "other.co.uk", Mode::Relaxed));
        assert!(!aligned("example.com", "example.net", Mode::Relaxed));
    }
}
