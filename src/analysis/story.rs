//! The message told in plain words: a short summary of what happened to it, and the
//! receiver's decision flow step by step (SPF → DKIM → alignment → policy → decision),
//! with the real values. Data only; the sentences are in the catalogues.

use std::net::IpAddr;

use serde::Serialize;

use super::message::MessageReport;
use super::recheck::{Recheck, SpfIdentity};
use crate::dmarc::record::Policy;
use crate::verdict::AuthResult;

/// Two or three sentences on what happened to the message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Story {
    /// The From address.
    pub from: Option<String>,
    /// Number of hops.
    pub hops: usize,
    /// Time from the Date field (or first hop) to the last hop.
    pub total_seconds: Option<i64>,
    /// The last receiving host.
    pub receiver: Option<String>,
    /// Where it entered the receiving organisation.
    pub connecting_ip: Option<IpAddr>,
    /// DMARC result re-checked, when known.
    pub dmarc: Option<AuthResult>,
    /// What a receiver would do.
    pub disposition: Option<Policy>,
    /// The receiver's own DMARC claim.
    pub claimed_dmarc: Option<String>,
    /// Headers only.
    pub headers_only: bool,
}

/// One step of the decision flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Who may send: SPF for the connecting IP.
    Spf {
        /// Result (None: not checked).
        result: Option<AuthResult>,
        /// The IP.
        ip: Option<IpAddr>,
        /// The domain checked.
        domain: Option<String>,
        /// Checked for HELO (bounce).
        helo: bool,
    },
    /// Is it intact: DKIM signatures.
    Dkim {
        /// `(domain, result)` per signature.
        signatures: Vec<(String, AuthResult)>,
    },
    /// Does the visible From match.
    Alignment {
        /// The From domain.
        from: Option<String>,
        /// Aligned DKIM or best candidate domain, and whether it aligned.
        dkim: (Option<String>, bool),
        /// SPF domain and whether it aligned.
        spf: (Option<String>, bool),
    },
    /// What the domain asks.
    Policy {
        /// The From domain.
        domain: Option<String>,
        /// The policy applied.
        policy: Option<Policy>,
        /// `p`, `sp` or `np`.
        tag: Option<&'static str>,
    },
    /// The decision.
    Decision {
        /// DMARC result.
        result: AuthResult,
        /// Disposition.
        disposition: Policy,
        /// `pct` below 100.
        pct: Option<u8>,
        /// `t=y`.
        testing: bool,
    },
}

/// The summary sentences.
pub fn story(report: &MessageReport, recheck: Option<&Recheck>) -> Story {
    Story {
        from: report.summary.from.first().map(|a| a.address.clone()),
        hops: report.hops.len(),
        total_seconds: report.total_delay_seconds,
        // The last receiving host with a name (Gmail's last hop is an opaque address).
        receiver: report
            .hops
            .iter()
            .rev()
            .filter_map(|h| h.by_host.clone())
            .find(|h| {
                h.contains('.')
                    && h.parse::<IpAddr>().is_err()
                    && h.chars().any(|c| c.is_ascii_alphabetic())
                    && !h.contains(':')
            }),
        connecting_ip: report.connecting_ip.as_ref().map(|c| c.ip),
        dmarc: recheck.map(|r| r.dmarc.result),
        disposition: recheck.map(|r| r.dmarc.disposition),
        claimed_dmarc: report
            .authentication_results
            .iter()
            .filter(|a| a.trusted)
            .flat_map(|a| &a.results)
            .find(|m| m.method == "dmarc")
            .map(|m| m.result.clone()),
        headers_only: !report.body_present,
    }
}

/// The decision flow.
pub fn steps(r: &Recheck) -> Vec<Step> {
    let d = &r.dmarc.details;
    vec![
        Step::Spf {
            result: r.spf.as_ref().map(|s| s.result),
            ip: r.spf.as_ref().map(|s| s.ip),
            domain: r.spf.as_ref().map(|s| s.domain.clone()),
            helo: r
                .spf
                .as_ref()
                .is_some_and(|s| s.identity == SpfIdentity::Helo),
        },
        Step::Dkim {
            signatures: r
                .dkim
                .iter()
                .map(|s| (s.domain.clone(), s.result.auth_result()))
                .collect(),
        },
        Step::Alignment {
            from: d.from_domain.clone(),
            dkim: (d.alignment.dkim.domain.clone(), d.alignment.dkim.aligned),
            spf: (d.alignment.spf.domain.clone(), d.alignment.spf.aligned),
        },
        Step::Policy {
            domain: d.from_domain.clone(),
            policy: d.policy,
            tag: d.policy_tag,
        },
        Step::Decision {
            result: d.result,
            disposition: d.disposition,
            pct: d.sampling.as_ref().map(|s| s.pct),
            testing: d.testing,
        },
    ]
}
