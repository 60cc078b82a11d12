//! DKIM, ARC, SPF and DMARC re-checked for a parsed message with live DNS, and set
//! against what the receiver claimed in its Authentication-Results.

use std::net::IpAddr;

use serde::Serialize;

use super::message::MessageReport;
use crate::arc::{self, ArcResult, ArcStatus};
use crate::dkim::{self, BodyHash, DkimResult, DkimStatus};
use crate::dmarc::evaluate::{
    DmarcEvaluation, DmarcInput, Identifier, evaluate_with, lookups as dmarc_lookups,
};
use crate::dmarc::record::Policy;
use crate::dns::DnsLookup;
use crate::headers::raw::RawMessage;
use crate::spf::evaluate::{SpfOutcome, SpfRequest, check_host};
use crate::verdict::AuthResult;

/// Which identity SPF checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfIdentity {
    /// The MAIL FROM (Return-Path) domain.
    Mailfrom,
    /// The HELO name (bounces have an empty MAIL FROM).
    Helo,
}

/// SPF for the connecting IP.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpfCheck {
    /// RFC 7208 result.
    pub result: AuthResult,
    /// The connecting IP.
    pub ip: IpAddr,
    /// The domain checked.
    pub domain: String,
    /// Which identity.
    pub identity: SpfIdentity,
    /// Full outcome: matching term, explanation, lookups, tree.
    pub outcome: SpfOutcome,
}

/// DKIM and SPF alignment as two booleans (the CLI contract), beside the details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AlignedPair {
    /// An aligned DKIM signature passed.
    pub dkim: bool,
    /// SPF passed for an aligned domain.
    pub spf: bool,
}

/// DMARC for the From domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DmarcCheck {
    /// `pass`, `fail`, `none`, `temperror`, `permerror`.
    pub result: AuthResult,
    /// The From domain.
    pub from_domain: Option<String>,
    /// Its organisational domain (Public Suffix List).
    pub org_domain: Option<String>,
    /// The policy that applies.
    pub policy: Option<Policy>,
    /// What a receiver does with the message.
    pub disposition: Policy,
    /// Alignment.
    pub alignment: AlignedPair,
    /// Everything else: record, discovery, sampling, findings.
    pub details: DmarcEvaluation,
}

/// Why Sceau's result differs from the receiver's (or that they agree).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Same result.
    Agree,
    /// The receiver did not report this method.
    NotClaimed,
    /// The body was not pasted, so DKIM could only check the headers.
    BodyAbsent,
    /// The DKIM key is gone or revoked: rotated since delivery.
    KeyRotated {
        /// `selector._domainkey.domain`.
        name: String,
        /// Age of the message, seconds, when known.
        age: Option<i64>,
    },
    /// Signed content changed after the receiver checked it (or in the copy-paste).
    Modified,
    /// SPF fails now although the receiver saw a pass: the record changed, or the
    /// message came through a forwarder.
    SpfChanged,
    /// The message was forwarded: SPF fails at the last hop while ARC vouches for an
    /// earlier pass.
    Forwarded,
    /// The domain publishes no SPF record and the receiver evaluated a record of its own
    /// guessing (Gmail's "best guess record").
    ReceiverGuess,
    /// A DNS answer was temporarily unavailable to Sceau.
    Temporary,
    /// The connecting IP is unknown, so SPF could not be re-checked.
    IpUnknown,
    /// DMARC follows DKIM and SPF: it differs because they do.
    FollowsInputs,
    /// Another difference with no known explanation.
    Unexplained,
}

/// One line of the claimed-vs-rechecked table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// `spf`, `dkim`, `dmarc`, `arc`.
    pub method: &'static str,
    /// What the receiver wrote.
    pub claimed: Option<String>,
    /// What Sceau found.
    pub rechecked: String,
    /// Why they differ.
    pub cause: Cause,
}

impl Serialize for Comparison {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let lang = crate::i18n::json_lang();
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("method", self.method)?;
        m.serialize_entry("claimed", &self.claimed)?;
        m.serialize_entry("rechecked", &self.rechecked)?;
        m.serialize_entry("agree", &(self.cause == Cause::Agree))?;
        m.serialize_entry(
            "explanation",
            &crate::i18n::Translate::text(&self.cause, lang),
        )?;
        m.end()
    }
}

/// Everything re-checked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recheck {
    /// One result per DKIM-Signature, header order.
    pub dkim: Vec<DkimResult>,
    /// The ARC chain.
    pub arc: ArcResult,
    /// SPF for the connecting IP, when known.
    pub spf: Option<SpfCheck>,
    /// DMARC for the From domain.
    pub dmarc: DmarcCheck,
    /// Claimed vs re-checked.
    pub comparison: Vec<Comparison>,
}

/// The overall DKIM result of a message: pass if any signature passes, else the most
/// telling failure.
pub fn dkim_summary(results: &[DkimResult]) -> AuthResult {
    if results.is_empty() {
        return AuthResult::None;
    }
    let order = [
        DkimStatus::Pass,
        DkimStatus::Neutral,
        DkimStatus::Fail,
        DkimStatus::Policy,
        DkimStatus::Permerror,
        DkimStatus::Temperror,
    ];
    order
        .iter()
        .find(|s| results.iter().any(|r| r.result == **s))
        .map_or(AuthResult::None, |s| s.auth_result())
}

/// A receiver's result word in RFC 8601 spelling ([`AuthResult::parse`] reads Yahoo's
/// `perm_fail`, RFC 5451's `hardfail`…); other words are kept, in lower case.
fn normalise_result(result: &str) -> String {
    AuthResult::parse(result)
        .map_or_else(|| result.to_ascii_lowercase(), |r| r.as_str().to_string())
}

/// The receiver's own result for `method` (from a trusted Authentication-Results).
fn trusted_result<'a>(
    report: &'a MessageReport,
    method: &str,
) -> Option<&'a super::message::MethodView> {
    report
        .authentication_results
        .iter()
        .filter(|a| a.trusted)
        .flat_map(|a| &a.results)
        .find(|m| m.method.eq_ignore_ascii_case(method))
}

fn claimed(report: &MessageReport, method: &str) -> Option<String> {
    trusted_result(report, method).map(|m| normalise_result(&m.result))
}

/// The comment of the receiver's result for `method`.
fn claimed_comment<'a>(report: &'a MessageReport, method: &str) -> Option<&'a str> {
    trusted_result(report, method).and_then(|m| m.comment.as_deref())
}

/// Re-checks the message: DKIM and ARC over its bytes, SPF for the connecting IP, DMARC
/// for the From domain, then the comparison with the receiver's claims.
pub async fn recheck(
    report: &MessageReport,
    msg: &RawMessage,
    dns: &impl DnsLookup,
    now: u64,
) -> Recheck {
    // DKIM, ARC and SPF need no answer from one another: their lookups run together.
    let spf_check = async {
        match &report.connecting_ip {
            None => None,
            Some(c) => {
                let mail_from = report.summary.return_path.clone().unwrap_or_default();
                let helo = c.helo.clone().unwrap_or_default();
                let req = SpfRequest {
                    ip: c.ip,
                    mail_from: &mail_from,
                    helo: &helo,
                    receiver: "unknown",
                    now,
                };
                let (_, domain) = req.identity();
                let identity = if mail_from.trim().trim_matches(['<', '>']).is_empty() {
                    SpfIdentity::Helo
                } else {
                    SpfIdentity::Mailfrom
                };
                if domain.is_empty() {
                    None
                } else {
                    let outcome = check_host(dns, &req).await;
                    Some(SpfCheck {
                        result: outcome.result,
                        ip: c.ip,
                        domain,
                        identity,
                        outcome,
                    })
                }
            }
        }
    };
    let from_domains: Vec<String> = report
        .summary
        .from
        .iter()
        .filter_map(|a| a.domain.clone())
        .collect();
    // DMARC's lookups need nothing from the others either: only its evaluation does.
    let (dkim_results, arc_result, spf, dmarc_lookups) = futures::future::join4(
        dkim::verify_message(msg, dns, now),
        arc::verify_message(msg, dns),
        spf_check,
        dmarc_lookups(dns, &from_domains),
    )
    .await;
    let input = DmarcInput {
        from_domains,
        dkim: dkim_results
            .iter()
            .map(|r| Identifier {
                domain: r.domain.clone(),
                result: r.result.auth_result(),
            })
            .collect(),
        spf: spf.as_ref().map(|s| Identifier {
            domain: s.domain.clone(),
            result: s.result,
        }),
    };
    let eval = evaluate_with(&input, dmarc_lookups);
    let dmarc = DmarcCheck {
        result: eval.result,
        from_domain: eval.from_domain.clone(),
        org_domain: eval.org_domain.clone(),
        policy: eval.policy,
        disposition: eval.disposition,
        alignment: AlignedPair {
            dkim: eval.alignment.dkim.aligned,
            spf: eval.alignment.spf.aligned,
        },
        details: eval,
    };
    let comparison = compare(
        report,
        &dkim_results,
        &arc_result,
        spf.as_ref(),
        &dmarc,
        now,
    );
    Recheck {
        dkim: dkim_results,
        arc: arc_result,
        spf,
        dmarc,
        comparison,
    }
}

fn compare(
    report: &MessageReport,
    dkim_results: &[DkimResult],
    arc_result: &ArcResult,
    spf: Option<&SpfCheck>,
    dmarc: &DmarcCheck,
    now: u64,
) -> Vec<Comparison> {
    let age = report
        .summary
        .date
        .as_ref()
        .map(|d| now as i64 - d.unix)
        .filter(|a| *a > 0);
    let mut rows = Vec::new();
    // A receiver that says nothing about a method the message does not use agrees with
    // a re-check that finds nothing to check.
    let same = |c: &Option<String>, r: AuthResult| {
        c.as_deref() == Some(r.as_str()) || (c.is_none() && r == AuthResult::None)
    };

    // SPF.
    let c = claimed(report, "spf");
    let (rechecked, cause) = match spf {
        None => ("none".to_string(), Cause::IpUnknown),
        Some(s) => {
            let cause = if same(&c, s.result) {
                Cause::Agree
            } else if c.is_none() {
                Cause::NotClaimed
            } else if s.result == AuthResult::Temperror {
                Cause::Temporary
            } else if s.result == AuthResult::None
                && claimed_comment(report, "spf")
                    .is_some_and(|c| c.to_ascii_lowercase().contains("best guess"))
            {
                Cause::ReceiverGuess
            } else if c.as_deref() == Some("pass") && arc_result.result == ArcStatus::Pass {
                Cause::Forwarded
            } else if c.as_deref() == Some("pass") {
                Cause::SpfChanged
            } else {
                Cause::Unexplained
            };
            (s.result.as_str().to_string(), cause)
        }
    };
    rows.push(Comparison {
        method: "spf",
        claimed: c,
        rechecked,
        cause,
    });

    // DKIM.
    let c = claimed(report, "dkim");
    let r = dkim_summary(dkim_results);
    let cause = if same(&c, r) {
        Cause::Agree
    } else if c.is_none() {
        Cause::NotClaimed
    } else if r == AuthResult::Temperror {
        Cause::Temporary
    } else if !report.body_present
        && dkim_results
            .iter()
            .any(|d| d.body_hash == BodyHash::NotChecked)
    {
        Cause::BodyAbsent
    } else if let Some(d) = dkim_results.iter().find(|d| {
        d.findings.iter().any(|f| {
            matches!(
                crate::findings::Finding::code(f),
                "dkim_key_not_found" | "dkim_key_revoked"
            )
        })
    }) {
        Cause::KeyRotated {
            name: format!("{}._domainkey.{}", d.selector, d.domain),
            age,
        }
    } else if dkim_results.iter().any(|d| d.result == DkimStatus::Fail) {
        Cause::Modified
    } else {
        Cause::Unexplained
    };
    rows.push(Comparison {
        method: "dkim",
        claimed: c,
        rechecked: r.as_str().to_string(),
        cause,
    });

    // DMARC.
    let c = claimed(report, "dmarc");
    let cause = if same(&c, dmarc.result) {
        Cause::Agree
    } else if c.is_none() {
        Cause::NotClaimed
    } else if dmarc.result == AuthResult::Temperror {
        Cause::Temporary
    } else if rows
        .iter()
        .any(|r| r.cause != Cause::Agree && r.cause != Cause::NotClaimed)
    {
        Cause::FollowsInputs
    } else {
        Cause::Unexplained
    };
    rows.push(Comparison {
        method: "dmarc",
        claimed: c,
        rechecked: dmarc.result.as_str().to_string(),
        cause,
    });

    // ARC.
    let c = claimed(report, "arc");
    let r = match arc_result.result {
        ArcStatus::None => "none",
        ArcStatus::Pass => "pass",
        ArcStatus::Fail => "fail",
    };
    let cause = if c.as_deref() == Some(r) || (c.is_none() && r == "none") {
        Cause::Agree
    } else if c.is_none() {
        Cause::NotClaimed
    } else if !report.body_present {
        Cause::BodyAbsent
    } else {
        Cause::Unexplained
    };
    rows.push(Comparison {
        method: "arc",
        claimed: c,
        rechecked: r.to_string(),
        cause,
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::normalise_result;

    #[test]
    fn receivers_result_words() {
        for (claimed, rfc) in [
            ("pass", "pass"),
            ("PASS", "pass"),
            ("perm_fail", "permerror"),
            ("temp_fail", "temperror"),
            ("hardfail", "fail"),
            ("softfail", "softfail"),
            ("bestguesspass", "bestguesspass"),
        ] {
            assert_eq!(normalise_result(claimed), rfc, "{claimed}");
        }
    }
}
