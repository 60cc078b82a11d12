//! "What to do next": a prioritised plan following the staged deployment —
//! inventory senders → SPF (~all then -all) → DKIM 2048-bit per sender → DMARC p=none
//! with rua → quarantine with pct → reject → protect what sends no mail.

use serde::Serialize;

/// What the plan is built from: the state of the domain's records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posture {
    /// The domain.
    pub domain: String,
    /// The SPF record, if exactly one.
    pub spf: Option<String>,
    /// The DMARC record, if found (at the domain or, inherited, at a parent).
    pub dmarc: Option<String>,
    /// Where the DMARC record was found, when it is not `_dmarc.<domain>`: the plan
    /// then changes the parent's record rather than shadowing it with a weaker one.
    pub dmarc_inherited_from: Option<String>,
    /// At least one DKIM key found among the probed selectors.
    pub dkim_found: bool,
    /// A null MX: the domain receives no mail.
    pub null_mx: bool,
    /// TLS-RPT published.
    pub tls_rpt: bool,
    /// Records whose lookup failed: their state is unknown, so the plan says nothing
    /// about them rather than asking to publish what may exist.
    pub unknown: Unknown,
}

/// Which records could not be looked up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unknown {
    /// The SPF record.
    pub spf: bool,
    /// The DMARC record.
    pub dmarc: bool,
    /// At least one DKIM selector.
    pub dkim: bool,
    /// The TLS-RPT record.
    pub tls_rpt: bool,
}

/// One step, with the exact record to publish when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum NextStep {
    /// List every service that sends as the domain.
    InventorySenders,
    /// Publish a first SPF record.
    PublishSpf {
        /// Where.
        name: String,
        /// What.
        record: String,
    },
    /// Move SPF from `~all`/`?all`/`+all` to `-all` once senders are listed.
    HardenSpf {
        /// Where.
        name: String,
        /// The current record.
        current: String,
        /// The record with `-all`.
        record: String,
    },
    /// Sign with DKIM (2048-bit RSA or Ed25519) at every sender.
    EnableDkim,
    /// Publish DMARC in monitoring mode with reports.
    PublishDmarc {
        /// Where.
        name: String,
        /// What.
        record: String,
    },
    /// Add an aggregate report address.
    AddRua {
        /// Where.
        name: String,
        /// The record with `rua`.
        record: String,
    },
    /// Go from p=none to quarantine, progressively.
    MoveToQuarantine {
        /// Where.
        name: String,
        /// What.
        record: String,
    },
    /// Go from quarantine to reject.
    MoveToReject {
        /// Where.
        name: String,
        /// What.
        record: String,
    },
    /// A domain that sends no mail: lock it down.
    LockDown {
        /// SPF to publish.
        spf: String,
        /// DMARC to publish.
        dmarc: String,
    },
    /// Ask for TLS failure reports.
    PublishTlsRpt {
        /// Where.
        name: String,
        /// What.
        record: String,
    },
}

fn tag<'a>(record: &'a str, name: &str) -> Option<&'a str> {
    record.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn with_tag(record: &str, name: &str, value: &str) -> String {
    let mut parts: Vec<String> = record
        .split(';')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    match parts.iter_mut().find(|p| {
        p.split_once('=')
            .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case(name))
    }) {
        Some(p) => *p = format!("{name}={value}"),
        None => parts.push(format!("{name}={value}")),
    }
    parts.join("; ")
}

/// Builds the plan, most urgent first.
pub fn plan(p: &Posture) -> Vec<NextStep> {
    let d = &p.domain;
    let dmarc_name = p
        .dmarc_inherited_from
        .clone()
        .unwrap_or_else(|| format!("_dmarc.{d}"));
    let owner = dmarc_name.trim_start_matches("_dmarc.");
    let rua = format!("mailto:dmarc-reports@{owner}");
    let mut steps = Vec::new();
    let sends_nothing = p.null_mx
        && p.spf
            .as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case("v=spf1 -all"));
    if p.null_mx && !sends_nothing {
        steps.push(NextStep::LockDown {
            spf: "v=spf1 -all".into(),
            dmarc: "v=DMARC1; p=reject; adkim=s; aspf=s".into(),
        });
    }
    match &p.spf {
        None if p.unknown.spf => {}
        None => {
            steps.push(NextStep::InventorySenders);
            steps.push(NextStep::PublishSpf {
                name: d.clone(),
                record: "v=spf1 mx ~all".into(),
            });
        }
        Some(spf) => {
            let last = spf
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(last.as_str(), "~all" | "?all" | "+all" | "all") || !last.ends_with("all") {
                let body: Vec<&str> = spf
                    .split_whitespace()
                    .filter(|t| !t.to_ascii_lowercase().ends_with("all"))
                    .collect();
                steps.push(NextStep::HardenSpf {
                    name: d.clone(),
                    current: spf.clone(),
                    record: format!("{} -all", body.join(" ")),
                });
            }
        }
    }
    if !p.dkim_found && !p.unknown.dkim {
        steps.push(NextStep::EnableDkim);
    }
    match &p.dmarc {
        None if p.unknown.dmarc => {}
        None => steps.push(NextStep::PublishDmarc {
            name: dmarc_name,
            record: format!("v=DMARC1; p=none; rua={rua}"),
        }),
        Some(rec) => {
            if tag(rec, "rua").is_none_or(str::is_empty) {
                steps.push(NextStep::AddRua {
                    name: dmarc_name.clone(),
                    record: with_tag(rec, "rua", &rua),
                });
            }
            let policy = tag(rec, "p").unwrap_or("none").to_ascii_lowercase();
            let pct = tag(rec, "pct")
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(100);
            match policy.as_str() {
                "quarantine" if pct >= 100 => steps.push(NextStep::MoveToReject {
                    name: dmarc_name,
                    record: with_tag(rec, "p", "reject"),
                }),
                "quarantine" => steps.push(NextStep::MoveToQuarantine {
                    name: dmarc_name,
                    record: with_tag(rec, "pct", "100"),
                }),
                "reject" => {}
                _ => steps.push(NextStep::MoveToQuarantine {
                    name: dmarc_name,
                    record: with_tag(&with_tag(rec, "p", "quarantine"), "pct", "25"),
                }),
            }
        }
    }
    if !p.tls_rpt && !p.null_mx && !p.unknown.tls_rpt {
        steps.push(NextStep::PublishTlsRpt {
            name: format!("_smtp._tls.{d}"),
            record: format!("v=TLSRPTv1; rua=mailto:tls-reports@{d}"),
        });
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &[NextStep]) -> Vec<String> {
        s.iter()
            .map(|x| {
                serde_json::to_value(x).unwrap()["step"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn nothing_published_starts_with_inventory() {
        let s = plan(&Posture {
            domain: "example.com".into(),
            ..Posture::default()
        });
        assert_eq!(
            kinds(&s),
            [
                "inventory_senders",
                "publish_spf",
                "enable_dkim",
                "publish_dmarc",
                "publish_tls_rpt"
            ]
        );
    }

    #[test]
    fn staged_dmarc() {
        let base = Posture {
            domain: "example.com".into(),
            spf: Some("v=spf1 include:_spf.example.net -all".into()),
            dkim_found: true,
            tls_rpt: true,
            ..Posture::default()
        };
        let s = plan(&Posture {
            dmarc: Some("v=DMARC1; p=none".into()),
            ..base.clone()
        });
        assert_eq!(kinds(&s), ["add_rua", "move_to_quarantine"]);
        assert!(
            matches!(&s[1], NextStep::MoveToQuarantine { record, .. } if record == "v=DMARC1; p=quarantine; pct=25")
        );
        let s = plan(&Posture {
            dmarc: Some("v=DMARC1; p=quarantine; rua=mailto:a@example.com".into()),
            ..base.clone()
        });
        assert!(
            matches!(&s[0], NextStep::MoveToReject { record, .. } if record.contains("p=reject"))
        );
        assert!(
            plan(&Posture {
                dmarc: Some("v=DMARC1; p=reject; rua=mailto:a@example.com".into()),
                ..base
            })
            .is_empty()
        );
    }

    #[test]
    fn inherited_dmarc_is_changed_at_the_parent_never_shadowed() {
        let base = Posture {
            domain: "shop.example.com".into(),
            spf: Some("v=spf1 include:_spf.example.net -all".into()),
            dkim_found: true,
            tls_rpt: true,
            dmarc_inherited_from: Some("_dmarc.example.com".into()),
            ..Posture::default()
        };
        // A parent at p=reject covers the subdomain: nothing to publish.
        let strict = plan(&Posture {
            dmarc: Some("v=DMARC1; p=reject; rua=mailto:a@example.com".into()),
            ..base.clone()
        });
        assert!(strict.is_empty(), "{strict:?}");
        // A parent at p=none: the next stage is set at the parent, not at the subdomain.
        let s = plan(&Posture {
            dmarc: Some("v=DMARC1; p=none".into()),
            ..base
        });
        assert_eq!(kinds(&s), ["add_rua", "move_to_quarantine"]);
        assert!(matches!(&s[0], NextStep::AddRua { name, record }
            if name == "_dmarc.example.com" && record.contains("dmarc-reports@example.com")));
    }

    #[test]
    fn soft_spf_is_hardened_and_null_mx_locked_down() {
        let s = plan(&Posture {
            domain: "example.com".into(),
            spf: Some("v=spf1 mx ~all".into()),
            null_mx: true,
            ..Posture::default()
        });
        assert_eq!(kinds(&s)[0], "lock_down");
        assert!(matches!(&s[1], NextStep::HardenSpf { record, .. } if record == "v=spf1 mx -all"));
    }
}
