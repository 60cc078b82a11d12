//! Antispam verdict headers decoded into typed meanings.
//!
//! None of these fields has an RFC; each decoder follows its vendor's documentation:
//! * Microsoft 365 / Exchange: `X-Forefront-Antispam-Report`, `X-Microsoft-Antispam`,
//!   `X-MS-Exchange-Organization-SCL`, `-PCL`, `-AuthAs`, `-MessageDirectionality`, and
//!   the `compauth` result with its `reason` code in Authentication-Results (RFC 8601
//!   syntax, Microsoft semantics). Checked against Microsoft Learn (November 2026):
//!   "Anti-spam message headers in Microsoft 365" (defender-office-365/
//!   message-headers-eop-mdo, revision of 2026-07-27, with its "Composite authentication
//!   Reason codes" table), its earlier revisions for values since dropped from it (SFTY
//!   9.1–9.24, PCL), "Spam confidence level (SCL) in EOP", "Bulk complaint level (BCL) in
//!   EOP", "Configure junk email settings on Exchange Online mailboxes", and Exchange
//!   Server's "Antispam stamps" (PCL, `X-MS-Exchange-Organization-SCL`);
//! * Apache SpamAssassin: `X-Spam-Status`, `X-Spam-Score`, `X-Spam-Level`,
//!   `X-Spam-Flag`, `X-Spam-Report`;
//! * Google: `X-Gm-Message-State`, `X-Google-Smtp-Source`, `X-Gm-Gg`, `X-Gm-Features`
//!   are opaque Google-internal data; nothing can be read from them.
//!
//! Sentences for every [`Meaning`] live in `i18n/en/antispam.rs` and
//! `i18n/fr/antispam.rs`. Values that cannot be read become [`Meaning::Unknown`]
//! with the raw text kept in [`AntispamItem::raw_value`].

use std::net::IpAddr;

use serde::Serialize;

use super::auth_results::AuthResults;

/// One decoded piece of an antispam header.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AntispamItem {
    /// The header field name as given.
    pub header: String,
    /// The key inside the field (`SCL`, `score`, a SpamAssassin rule…); empty when the
    /// whole field is one value.
    pub key: String,
    /// The value as written.
    pub raw_value: String,
    /// What the value means.
    pub meaning: Meaning,
}

/// What an antispam value means; each variant has a sentence in both catalogues.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Meaning {
    /// Microsoft spam confidence level, -1 to 9.
    Scl(i8),
    /// Microsoft bulk complaint level, 0 to 9.
    Bcl(u8),
    /// Microsoft phishing confidence level: 0 to 8, or -9990 (no longer in Microsoft 365's
    /// documentation; Exchange Server still documents it).
    Pcl(i16),
    /// Microsoft spam filter verdict (`SFV`).
    SpamFilterVerdict(Sfv),
    /// Microsoft protection policy category (`CAT`).
    Category(Cat),
    /// Microsoft service verdict (`SRV`).
    ServiceVerdict(Srv),
    /// Message direction (`DIR`, `MessageDirectionality`).
    Direction(Direction),
    /// Country of the connecting IP (`CTRY`), ISO 3166 code.
    Country(String),
    /// Language of the message (`LANG`).
    Language(String),
    /// The IP that connected to Microsoft 365 (`CIP`).
    ConnectingIp(IpAddr),
    /// Connection filter result (`IPV`).
    IpFilter(Ipv),
    /// The HELO/EHLO name of the connecting server (`H`).
    Helo(String),
    /// The reverse-DNS name of the connecting IP (`PTR`).
    ReverseDns(String),
    /// Microsoft safety tip (`SFTY`).
    SafetyTip(Sfty),
    /// Microsoft-internal rule identifiers (`SFS`, `ARA`); not documented.
    FilterRules,
    /// How Exchange authenticated the sender (`X-MS-Exchange-Organization-AuthAs`).
    AuthAs(AuthAs),
    /// Microsoft composite authentication (`compauth=… reason=NNN`).
    CompAuth(CompAuthReason),
    /// SpamAssassin's verdict (`X-Spam-Status: Yes`/`No`): true for spam.
    SpamVerdict(bool),
    /// `X-Spam-Flag: YES`/`NO`: true for spam.
    SpamFlag(bool),
    /// The spam score the filter computed.
    SpamScore(f64),
    /// The score at or above which the filter calls it spam.
    SpamThreshold(f64),
    /// `X-Spam-Level`: the score as a row of stars, one per point.
    SpamLevel(u8),
    /// The SpamAssassin rules that matched.
    SpamTests(Vec<String>),
    /// One SpamAssassin rule with the points it added.
    SpamRule {
        /// Points added (negative ones count for the message).
        points: f64,
        /// Rule name (`BAYES_99`).
        rule: String,
        /// The rule's description as written.
        description: String,
    },
    /// SpamAssassin auto-learning decision (`autolearn=`).
    Autolearn(String),
    /// The filter's version.
    FilterVersion(String),
    /// An opaque Google-internal field.
    GoogleOpaque,
    /// A key present with no value (`SRV:;`).
    Empty,
    /// A value this decoder does not know.
    Unknown,
}

/// Microsoft spam filter verdict (`SFV`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Sfv {
    /// `BLK`: the sender is on the recipient's Blocked Senders list; handled as spam.
    Blk,
    /// `NSPM`: spam filtering found no spam.
    Nspm,
    /// `SFE`: the sender is on the recipient's Safe Senders list; filtering skipped.
    Sfe,
    /// `SKA`: allowed by an anti-spam policy allow list; filtering skipped.
    Ska,
    /// `SKB`: blocked by an anti-spam policy block list; marked as spam.
    Skb,
    /// `SKI`: filtering skipped. The page "Anti-spam message headers in Microsoft 365"
    /// disagrees with itself over time: older revisions say "for another reason (for
    /// example, an intra-organizational email within a tenant)", the 2024–2025 revisions
    /// leave SKI out, the revision of 2026-07-27 says the source IP address was on the
    /// connection filter's IP Allow List. Both readings are told.
    Ski,
    /// `SKN`: marked as not spam before filtering, by an Exchange mail flow rule.
    Skn,
    /// `SKQ`: released from quarantine.
    Skq,
    /// `SKS`: marked as spam before filtering, by a mail flow rule that set the SCL or by
    /// on-premises Exchange in a hybrid deployment (stamped only when honoured).
    Sks,
    /// `SPM`: spam filtering found spam.
    Spm,
    /// Any other value.
    Other(String),
}

/// Microsoft protection policy category (`CAT`). `NONE` is not in the page's list; it
/// appears only in the example header of older revisions of the page, so it is read as
/// "no category applied".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Cat {
    /// `AMP`: anti-malware.
    Amp,
    /// `BIMP`: brand impersonation (Defender for Office 365 only).
    Bimp,
    /// `BULK`: bulk mail.
    Bulk,
    /// `DIMP`: domain impersonation (Defender for Office 365 only).
    Dimp,
    /// `FTBP`: anti-malware common attachments filter.
    Ftbp,
    /// `GIMP`: mailbox-intelligence impersonation (Defender for Office 365 only).
    Gimp,
    /// `HPHSH` / `HPHISH`: high-confidence phishing.
    Hphish,
    /// `HSPM`: high-confidence spam.
    Hspm,
    /// `INTOS`: intra-organisation phishing.
    Intos,
    /// `MALW`: malware.
    Malw,
    /// `OSPM`: outbound spam.
    Ospm,
    /// `PHSH`: phishing.
    Phsh,
    /// `SAP`: Safe Attachments (Defender for Office 365 only).
    Sap,
    /// `SPM`: spam.
    Spm,
    /// `SPOOF`: spoofing.
    Spoof,
    /// `UIMP`: user impersonation (Defender for Office 365 only).
    Uimp,
    /// `NONE`: no category applied.
    None,
    /// Any other value.
    Other(String),
}

/// Microsoft service verdict (`SRV`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Srv {
    /// `BULK`: identified as bulk by spam filtering and the BCL threshold. What follows has
    /// changed between revisions of "Anti-spam message headers in Microsoft 365" (marked
    /// SCL 9, later SCL 6, now "identified as spam" with no level), so no SCL is told.
    Bulk,
    /// Any other value.
    Other(String),
}

/// Message direction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Direction {
    /// `INB` / `Incoming`: from outside the organisation.
    Inbound,
    /// `OUT` / `Originating`: sent by the organisation.
    Outbound,
    /// `INT`: internal to the organisation.
    Internal,
    /// Any other value.
    Other(String),
}

/// Microsoft connection filter result (`IPV`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Ipv {
    /// `CAL`: the IP is on the connection filter's allow list; filtering skipped.
    Cal,
    /// `NLI`: the IP is on no reputation list.
    Nli,
    /// Any other value.
    Other(String),
}

/// Microsoft safety tip (`SFTY`). The current page lists 9.19, 9.20 and 9.25; 9.1, 9.11
/// and 9.21 to 9.24 were listed by earlier revisions (from 2018) and later dropped without
/// a word; they are still read, as messages carry them. The page says
/// every `SFTY` message "was identified as phishing", yet calls 9.25 only a possible sign
/// of it: the sentence for 9.25 does not claim phishing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Sfty {
    /// `9.1`: phishing (URL or content, or marked by on-premises Exchange).
    Phishing,
    /// `9.11`: intra-organisation (self-to-self) spoofing.
    IntraOrgSpoof,
    /// `9.19`: domain impersonation.
    DomainImpersonation,
    /// `9.20`: user impersonation.
    UserImpersonation,
    /// `9.21`: cross-domain spoofing: the external From domain does not authenticate.
    CrossDomainSpoof,
    /// `9.22`: as 9.21, and the user's Safe Senders entry was overridden.
    SpoofSafeSenderOverridden,
    /// `9.23`: as 9.22, and an organisation's allowed sender or domain was overridden.
    SpoofOrgAllowOverridden,
    /// `9.24`: as 9.23, and an Exchange mail flow rule was overridden.
    SpoofMailFlowRuleOverridden,
    /// `9.25`: first contact safety tip.
    FirstContact,
    /// Any other value.
    Other(String),
}

/// How Exchange authenticated the submitter (`X-MS-Exchange-Organization-AuthAs`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum AuthAs {
    /// From the Internet, unauthenticated.
    Anonymous,
    /// From inside the organisation.
    Internal,
    /// From a partner connector.
    Partner,
    /// Any other value.
    Other(String),
}

/// Microsoft composite authentication reason (`compauth=… reason=NNN`), after the
/// "Composite authentication Reason codes" table of "Anti-spam message headers in
/// Microsoft 365" (revision of 2026-07-27). Earlier revisions grouped `1xx` with `7xx` as
/// "passed" and said every `6xx` meant an accepted (own) domain; the table now says `7xx`
/// is an implicit pass and only `601` names the accepted domain. The catalogues give the
/// documented codes their own sentence (100–104, 108, 109, 111, 112, 115, 116, 130, 201,
/// 202, 501, 502, 601, 701–704, 905); other codes of a class get the class's sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum CompAuthReason {
    /// `000`: explicit authentication failed (DMARC fail with quarantine or reject).
    ExplicitFail,
    /// `001`: implicit authentication failed (no or weak SPF/DKIM/DMARC).
    ImplicitFail,
    /// `002`: the organisation forbids this sender/domain pair from spoofing.
    ProhibitedSpoof,
    /// `010`: DMARC failed with quarantine or reject, and the domain is one of the
    /// organisation's accepted domains.
    IntraOrgDmarcFail,
    /// `1xx`: passed explicit or implicit authentication.
    Pass(u16),
    /// `2xx`: soft-passed implicit authentication.
    SoftPass(u16),
    /// `3xx`: not checked.
    NotChecked(u16),
    /// `4xx` or `9xx`: bypassed.
    Bypassed(u16),
    /// `501`, `502`: DMARC not enforced for a valid non-delivery report (no `5xx` class
    /// is documented; other `5xx` codes are [`CompAuthReason::Other`]).
    NdrNotEnforced(u16),
    /// `6xx`: implicit authentication failed (`601`: the domain is one of the
    /// organisation's accepted domains).
    ImplicitFailCode(u16),
    /// `7xx`: passed implicit authentication.
    ImplicitPass(u16),
    /// No or unknown reason code; the `compauth` result as written.
    Other(String),
}

/// True when `name` is a header this module decodes.
pub fn is_antispam_header(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    matches!(
        n.as_str(),
        "x-forefront-antispam-report"
            | "x-forefront-antispam-report-untrusted"
            | "x-microsoft-antispam"
            | "x-microsoft-antispam-untrusted"
            | "x-ms-exchange-organization-scl"
            | "x-ms-exchange-organization-pcl"
            | "x-ms-exchange-organization-authas"
            | "x-ms-exchange-organization-messagedirectionality"
            | "x-spam-status"
            | "x-spam-score"
            | "x-spam-level"
            | "x-spam-flag"
            | "x-spam-report"
    ) || is_google_opaque(&n)
}

fn is_google_opaque(lower: &str) -> bool {
    matches!(
        lower,
        "x-gm-message-state" | "x-google-smtp-source" | "x-gm-gg" | "x-gm-features"
    )
}

/// Decodes one header field (`name`, unfolded `value`). Unknown headers give nothing.
pub fn decode(name: &str, value: &str) -> Vec<AntispamItem> {
    let lower = name.trim().to_ascii_lowercase();
    let value = value.trim();
    let item = |key: &str, raw: &str, meaning: Meaning| AntispamItem {
        header: name.to_string(),
        key: key.to_string(),
        raw_value: raw.to_string(),
        meaning,
    };
    match lower.as_str() {
        "x-forefront-antispam-report"
        | "x-forefront-antispam-report-untrusted"
        | "x-microsoft-antispam"
        | "x-microsoft-antispam-untrusted" => microsoft_pairs(value)
            .map(|(k, v)| item(k, v, forefront_meaning(k, v)))
            .collect(),
        "x-ms-exchange-organization-scl" => vec![item("", value, scl(value))],
        "x-ms-exchange-organization-pcl" => vec![item("", value, pcl(value))],
        "x-ms-exchange-organization-authas" => {
            let a = match value.to_ascii_lowercase().as_str() {
                "anonymous" => AuthAs::Anonymous,
                "internal" => AuthAs::Internal,
                "partner" => AuthAs::Partner,
                _ => AuthAs::Other(value.to_string()),
            };
            vec![item("", value, Meaning::AuthAs(a))]
        }
        "x-ms-exchange-organization-messagedirectionality" => {
            vec![item("", value, Meaning::Direction(direction(value)))]
        }
        "x-spam-status" => spam_status(value)
            .into_iter()
            .map(|(k, v, m)| item(&k, &v, m))
            .collect(),
        "x-spam-score" => {
            let m = number(value).map_or(Meaning::Unknown, Meaning::SpamScore);
            vec![item("", value, m)]
        }
        "x-spam-level" => {
            let stars = value.chars().filter(|&c| c == '*').count();
            let m = if value.chars().all(|c| c == '*' || c.is_whitespace()) {
                Meaning::SpamLevel(u8::try_from(stars).unwrap_or(u8::MAX))
            } else {
                Meaning::Unknown
            };
            vec![item("", value, m)]
        }
        "x-spam-flag" => vec![item(
            "",
            value,
            yes_no(value).map_or(Meaning::Unknown, Meaning::SpamFlag),
        )],
        "x-spam-report" => spam_report(value)
            .into_iter()
            .map(|(rule, raw, m)| item(&rule, &raw, m))
            .collect(),
        l if is_google_opaque(l) => vec![item("", value, Meaning::GoogleOpaque)],
        _ => Vec::new(),
    }
}

/// Decodes the `compauth` results of a Microsoft Authentication-Results field.
pub fn decode_compauth(ar: &AuthResults, header: &str) -> Vec<AntispamItem> {
    ar.method("compauth")
        .map(|r| {
            let reason = r.reason.clone().unwrap_or_default();
            AntispamItem {
                header: header.to_string(),
                key: "compauth".to_string(),
                raw_value: format!("{} reason={reason}", r.result),
                meaning: Meaning::CompAuth(compauth_reason(&r.result, &reason)),
            }
        })
        .collect()
}

/// Reads a compauth reason code (`000`, `101`, `601`…) with the compauth result.
pub fn compauth_reason(result: &str, reason: &str) -> CompAuthReason {
    let code = reason.trim();
    let n: Option<u16> = code
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| code.parse().ok())
        .flatten();
    match (code, n) {
        ("000", _) => CompAuthReason::ExplicitFail,
        ("001", _) => CompAuthReason::ImplicitFail,
        ("002", _) => CompAuthReason::ProhibitedSpoof,
        ("010", _) => CompAuthReason::IntraOrgDmarcFail,
        (_, Some(n)) if code.len() == 3 => match n / 100 {
            1 => CompAuthReason::Pass(n),
            2 => CompAuthReason::SoftPass(n),
            3 => CompAuthReason::NotChecked(n),
            4 | 9 => CompAuthReason::Bypassed(n),
            5 if matches!(n, 501 | 502) => CompAuthReason::NdrNotEnforced(n),
            6 => CompAuthReason::ImplicitFailCode(n),
            7 => CompAuthReason::ImplicitPass(n),
            _ => CompAuthReason::Other(format!("{result} {code}")),
        },
        _ => CompAuthReason::Other(format!("{result} {code}").trim().to_string()),
    }
}

/// `KEY:value;KEY:value;` pairs; `SFS:(1)(2)` keeps its parentheses.
fn microsoft_pairs(value: &str) -> impl Iterator<Item = (&str, &str)> {
    value
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once(':') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (p, ""),
        })
}

fn forefront_meaning(key: &str, v: &str) -> Meaning {
    let k = key.to_ascii_uppercase();
    if v.is_empty() {
        return Meaning::Empty;
    }
    let upper = v.to_ascii_uppercase();
    match k.as_str() {
        "SCL" => scl(v),
        "BCL" => level(v, Meaning::Bcl),
        "PCL" => pcl(v),
        "SFV" => Meaning::SpamFilterVerdict(match upper.as_str() {
            "BLK" => Sfv::Blk,
            "NSPM" => Sfv::Nspm,
            "SFE" => Sfv::Sfe,
            "SKA" => Sfv::Ska,
            "SKB" => Sfv::Skb,
            "SKI" => Sfv::Ski,
            "SKN" => Sfv::Skn,
            "SKQ" => Sfv::Skq,
            "SKS" => Sfv::Sks,
            "SPM" => Sfv::Spm,
            _ => Sfv::Other(v.to_string()),
        }),
        "CAT" => Meaning::Category(match upper.as_str() {
            "AMP" => Cat::Amp,
            "BIMP" => Cat::Bimp,
            "BULK" => Cat::Bulk,
            "DIMP" => Cat::Dimp,
            "FTBP" => Cat::Ftbp,
            "GIMP" => Cat::Gimp,
            "HPHSH" | "HPHISH" => Cat::Hphish,
            "HSPM" => Cat::Hspm,
            "INTOS" => Cat::Intos,
            "MALW" => Cat::Malw,
            "OSPM" => Cat::Ospm,
            "PHSH" => Cat::Phsh,
            "SAP" => Cat::Sap,
            "SPM" => Cat::Spm,
            "SPOOF" => Cat::Spoof,
            "UIMP" => Cat::Uimp,
            "NONE" => Cat::None,
            _ => Cat::Other(v.to_string()),
        }),
        "SRV" => Meaning::ServiceVerdict(match upper.as_str() {
            "BULK" => Srv::Bulk,
            _ => Srv::Other(v.to_string()),
        }),
        "DIR" => Meaning::Direction(direction(v)),
        "CTRY" => Meaning::Country(v.to_string()),
        "LANG" => Meaning::Language(v.to_string()),
        "CIP" => v
            .trim_matches(['[', ']'])
            .parse()
            .map_or(Meaning::Unknown, Meaning::ConnectingIp),
        "IPV" => Meaning::IpFilter(match upper.as_str() {
            "CAL" => Ipv::Cal,
            "NLI" => Ipv::Nli,
            _ => Ipv::Other(v.to_string()),
        }),
        "H" => Meaning::Helo(v.to_string()),
        "PTR" => Meaning::ReverseDns(v.to_string()),
        "SFTY" => Meaning::SafetyTip(match v {
            "9.1" => Sfty::Phishing,
            "9.11" => Sfty::IntraOrgSpoof,
            "9.19" => Sfty::DomainImpersonation,
            "9.20" => Sfty::UserImpersonation,
            "9.21" => Sfty::CrossDomainSpoof,
            "9.22" => Sfty::SpoofSafeSenderOverridden,
            "9.23" => Sfty::SpoofOrgAllowOverridden,
            "9.24" => Sfty::SpoofMailFlowRuleOverridden,
            "9.25" => Sfty::FirstContact,
            _ => Sfty::Other(v.to_string()),
        }),
        "SFS" | "ARA" | "RULEID" => Meaning::FilterRules,
        _ => Meaning::Unknown,
    }
}

fn direction(v: &str) -> Direction {
    match v.to_ascii_uppercase().as_str() {
        "INB" | "INCOMING" => Direction::Inbound,
        "OUT" | "ORIGINATING" => Direction::Outbound,
        "INT" => Direction::Internal,
        _ => Direction::Other(v.to_string()),
    }
}

fn scl(v: &str) -> Meaning {
    match v.trim().parse::<i8>() {
        Ok(n) if (-1..=9).contains(&n) => Meaning::Scl(n),
        _ => Meaning::Unknown,
    }
}

/// PCL: 0 to 9 (9 is outside both documented ranges but kept to be told so), or -9990,
/// which the 2018 "Anti-spam message headers" listed for Exchange Online Protection.
fn pcl(v: &str) -> Meaning {
    match v.trim().parse::<i16>() {
        Ok(n) if (0..=9).contains(&n) || n == -9990 => Meaning::Pcl(n),
        _ => Meaning::Unknown,
    }
}

fn level(v: &str, make: fn(u8) -> Meaning) -> Meaning {
    match v.trim().parse::<u8>() {
        Ok(n) if n <= 9 => make(n),
        _ => Meaning::Unknown,
    }
}

fn number(v: &str) -> Option<f64> {
    let v = v.trim().trim_matches(['(', ')']).trim_start_matches('+');
    v.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn yes_no(v: &str) -> Option<bool> {
    match v.trim().trim_end_matches(',').to_ascii_lowercase().as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => None,
    }
}

/// `Yes, score=7.5 required=5.0 tests=A,B, C autolearn=no version=3.4.6`.
fn spam_status(value: &str) -> Vec<(String, String, Meaning)> {
    let mut out = Vec::new();
    let mut words = value.split_whitespace().peekable();
    if let Some(&first) = words.peek()
        && let Some(verdict) = yes_no(first)
    {
        out.push((
            String::new(),
            first.trim_end_matches(',').to_string(),
            Meaning::SpamVerdict(verdict),
        ));
        words.next();
    }
    while let Some(w) = words.next() {
        let Some((k, v)) = w.split_once('=') else {
            continue;
        };
        let mut raw = v.to_string();
        let meaning = match k.to_ascii_lowercase().as_str() {
            "score" | "hits" => number(v).map_or(Meaning::Unknown, Meaning::SpamScore),
            "required" => number(v).map_or(Meaning::Unknown, Meaning::SpamThreshold),
            "tests" => {
                // The list is folded after commas: "A,B,\n\tC".
                let mut list = v.to_string();
                while list.ends_with(',')
                    && let Some(next) = words.next_if(|n| !n.contains('='))
                {
                    list.push_str(next);
                }
                let names: Vec<String> = list
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty() && *t != "none")
                    .map(str::to_string)
                    .collect();
                raw = list;
                Meaning::SpamTests(names)
            }
            "autolearn" => Meaning::Autolearn(v.to_string()),
            "version" => Meaning::FilterVersion(v.to_string()),
            _ => Meaning::Unknown,
        };
        out.push((k.to_string(), raw, meaning));
    }
    out
}

/// Rule lines: `*  3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100%`, folded or
/// unfolded, with or without the `*` prefix.
fn spam_report(value: &str) -> Vec<(String, String, Meaning)> {
    let words: Vec<&str> = value.split_whitespace().filter(|w| *w != "*").collect();
    let is_rule = |w: &str| {
        w.len() >= 2
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && w.bytes().any(|b| b.is_ascii_uppercase())
    };
    // Start indexes of rules: a number followed by a rule name.
    let starts: Vec<usize> = (0..words.len())
        .filter(|&i| {
            words.get(i).and_then(|w| number(w)).is_some()
                && words.get(i + 1).is_some_and(|w| is_rule(w))
        })
        .collect();
    let mut out = Vec::new();
    for (n, &i) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(words.len());
        let (Some(points), Some(rule)) = (words.get(i).and_then(|w| number(w)), words.get(i + 1))
        else {
            continue;
        };
        let description = words.get(i + 2..end).unwrap_or(&[]).join(" ");
        let raw = words.get(i..end).unwrap_or(&[]).join(" ");
        out.push((
            rule.to_string(),
            raw,
            Meaning::SpamRule {
                points,
                rule: rule.to_string(),
                description,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meanings(name: &str, value: &str) -> Vec<(String, Meaning)> {
        decode(name, value)
            .into_iter()
            .map(|i| (i.key, i.meaning))
            .collect()
    }

    fn kv(k: &str, m: Meaning) -> (String, Meaning) {
        (k.to_string(), m)
    }

    #[test]
    fn forefront_report() {
        let got = meanings(
            "X-Forefront-Antispam-Report",
            "CIP:192.0.2.1;CTRY:US;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:mail.example.com;PTR:mail.example.com;CAT:NONE;SFS:(13230031)(4636009)(376002);DIR:INB;SFTY:9.25;",
        );
        assert_eq!(
            got,
            vec![
                kv("CIP", Meaning::ConnectingIp(IpAddr::from([192, 0, 2, 1]))),
                kv("CTRY", Meaning::Country("US".into())),
                kv("LANG", Meaning::Language("en".into())),
                kv("SCL", Meaning::Scl(1)),
                kv("SRV", Meaning::Empty),
                kv("IPV", Meaning::IpFilter(Ipv::Nli)),
                kv("SFV", Meaning::SpamFilterVerdict(Sfv::Nspm)),
                kv("H", Meaning::Helo("mail.example.com".into())),
                kv("PTR", Meaning::ReverseDns("mail.example.com".into())),
                kv("CAT", Meaning::Category(Cat::None)),
                kv("SFS", Meaning::FilterRules),
                kv("DIR", Meaning::Direction(Direction::Inbound)),
                kv("SFTY", Meaning::SafetyTip(Sfty::FirstContact)),
            ]
        );
    }

    #[test]
    fn microsoft_value_table() {
        let table: &[(&str, &str, Meaning)] = &[
            (
                "X-Forefront-Antispam-Report",
                "SFV:SPM",
                Meaning::SpamFilterVerdict(Sfv::Spm),
            ),
            (
                "X-Forefront-Antispam-Report",
                "SFV:SKS",
                Meaning::SpamFilterVerdict(Sfv::Sks),
            ),
            (
                "X-Forefront-Antispam-Report",
                "SFV:xyz",
                Meaning::SpamFilterVerdict(Sfv::Other("xyz".into())),
            ),
            (
                "X-Forefront-Antispam-Report",
                "CAT:HPHISH",
                Meaning::Category(Cat::Hphish),
            ),
            (
                "X-Forefront-Antispam-Report",
                "CAT:HPHSH",
                Meaning::Category(Cat::Hphish),
            ),
            (
                "X-Forefront-Antispam-Report",
                "CAT:SPOOF",
                Meaning::Category(Cat::Spoof),
            ),
            ("X-Forefront-Antispam-Report", "SCL:-1", Meaning::Scl(-1)),
            ("X-Forefront-Antispam-Report", "SCL:12", Meaning::Unknown),
            (
                "X-Forefront-Antispam-Report",
                "SRV:BULK",
                Meaning::ServiceVerdict(Srv::Bulk),
            ),
            (
                "X-Forefront-Antispam-Report",
                "IPV:CAL",
                Meaning::IpFilter(Ipv::Cal),
            ),
            (
                "X-Forefront-Antispam-Report",
                "DIR:OUT",
                Meaning::Direction(Direction::Outbound),
            ),
            (
                "X-Forefront-Antispam-Report",
                "CIP:not-an-ip",
                Meaning::Unknown,
            ),
            ("X-Forefront-Antispam-Report", "ZZZ:1", Meaning::Unknown),
            ("X-Microsoft-Antispam", "BCL:7", Meaning::Bcl(7)),
            (
                "X-Microsoft-Antispam",
                "ARA:1444111002|2",
                Meaning::FilterRules,
            ),
            ("X-MS-Exchange-Organization-SCL", "5", Meaning::Scl(5)),
            ("X-MS-Exchange-Organization-SCL", "x", Meaning::Unknown),
            ("X-MS-Exchange-Organization-PCL", "2", Meaning::Pcl(2)),
            (
                "X-MS-Exchange-Organization-PCL",
                "-9990",
                Meaning::Pcl(-9990),
            ),
            ("X-MS-Exchange-Organization-PCL", "-1", Meaning::Unknown),
            ("X-MS-Exchange-Organization-PCL", "10", Meaning::Unknown),
            ("X-Microsoft-Antispam", "PCL:8", Meaning::Pcl(8)),
            (
                "X-Forefront-Antispam-Report",
                "SFV:SKI",
                Meaning::SpamFilterVerdict(Sfv::Ski),
            ),
            (
                "X-Forefront-Antispam-Report",
                "SFV:blk",
                Meaning::SpamFilterVerdict(Sfv::Blk),
            ),
            (
                "X-Forefront-Antispam-Report",
                "CAT:INTOS",
                Meaning::Category(Cat::Intos),
            ),
            (
                "X-Forefront-Antispam-Report",
                "DIR:INT",
                Meaning::Direction(Direction::Internal),
            ),
            (
                "X-MS-Exchange-Organization-AuthAs",
                "Anonymous",
                Meaning::AuthAs(AuthAs::Anonymous),
            ),
            (
                "X-MS-Exchange-Organization-AuthAs",
                "Internal",
                Meaning::AuthAs(AuthAs::Internal),
            ),
            (
                "X-MS-Exchange-Organization-MessageDirectionality",
                "Incoming",
                Meaning::Direction(Direction::Inbound),
            ),
            ("X-Gm-Message-State", "AOJu0Yw…", Meaning::GoogleOpaque),
            ("X-Google-Smtp-Source", "AGHT+IE…", Meaning::GoogleOpaque),
            ("X-Spam-Score", "7.5", Meaning::SpamScore(7.5)),
            ("X-Spam-Score", "-0.1", Meaning::SpamScore(-0.1)),
            ("X-Spam-Level", "*******", Meaning::SpamLevel(7)),
            ("X-Spam-Level", "", Meaning::SpamLevel(0)),
            ("X-Spam-Flag", "YES", Meaning::SpamFlag(true)),
            ("X-Spam-Flag", "NO", Meaning::SpamFlag(false)),
        ];
        for (name, value, meaning) in table {
            let got = decode(name, value);
            assert_eq!(got.len(), 1, "{name}: {value}");
            assert_eq!(
                got.first().map(|i| &i.meaning),
                Some(meaning),
                "{name}: {value}"
            );
        }
        assert!(decode("Subject", "hello").is_empty());
    }

    #[test]
    fn safety_tips() {
        let table: &[(&str, Sfty)] = &[
            ("9.1", Sfty::Phishing),
            ("9.11", Sfty::IntraOrgSpoof),
            ("9.19", Sfty::DomainImpersonation),
            ("9.20", Sfty::UserImpersonation),
            ("9.21", Sfty::CrossDomainSpoof),
            ("9.22", Sfty::SpoofSafeSenderOverridden),
            ("9.23", Sfty::SpoofOrgAllowOverridden),
            ("9.24", Sfty::SpoofMailFlowRuleOverridden),
            ("9.25", Sfty::FirstContact),
            ("9.2", Sfty::Other("9.2".into())),
            ("9.10", Sfty::Other("9.10".into())),
        ];
        for (value, tip) in table {
            let got = decode("X-Forefront-Antispam-Report", &format!("SFTY:{value}"));
            assert_eq!(
                got.first().map(|i| &i.meaning),
                Some(&Meaning::SafetyTip(tip.clone())),
                "{value}"
            );
        }
    }

    #[test]
    fn compauth_codes() {
        let table: &[(&str, &str, CompAuthReason)] = &[
            ("fail", "000", CompAuthReason::ExplicitFail),
            ("fail", "001", CompAuthReason::ImplicitFail),
            ("fail", "002", CompAuthReason::ProhibitedSpoof),
            ("fail", "010", CompAuthReason::IntraOrgDmarcFail),
            ("pass", "100", CompAuthReason::Pass(100)),
            ("pass", "130", CompAuthReason::Pass(130)),
            ("pass", "199", CompAuthReason::Pass(199)),
            ("pass", "703", CompAuthReason::ImplicitPass(703)),
            ("pass", "750", CompAuthReason::ImplicitPass(750)),
            ("softpass", "201", CompAuthReason::SoftPass(201)),
            ("none", "300", CompAuthReason::NotChecked(300)),
            ("none", "451", CompAuthReason::Bypassed(451)),
            ("none", "905", CompAuthReason::Bypassed(905)),
            ("none", "501", CompAuthReason::NdrNotEnforced(501)),
            ("none", "502", CompAuthReason::NdrNotEnforced(502)),
            ("fail", "503", CompAuthReason::Other("fail 503".into())),
            ("fail", "601", CompAuthReason::ImplicitFailCode(601)),
            ("fail", "602", CompAuthReason::ImplicitFailCode(602)),
            ("fail", "802", CompAuthReason::Other("fail 802".into())),
            ("fail", "011", CompAuthReason::Other("fail 011".into())),
            ("pass", "", CompAuthReason::Other("pass".into())),
            ("pass", "abc", CompAuthReason::Other("pass abc".into())),
        ];
        for (result, reason, expected) in table {
            assert_eq!(
                &compauth_reason(result, reason),
                expected,
                "{result} {reason}"
            );
        }
        let ar = super::super::auth_results::parse(
            "spf=pass smtp.mailfrom=example.com;compauth=pass reason=100",
        );
        let items = decode_compauth(&ar, "Authentication-Results");
        assert_eq!(items.len(), 1);
        assert_eq!(
            items.first().map(|i| &i.meaning),
            Some(&Meaning::CompAuth(CompAuthReason::Pass(100)))
        );
    }

    #[test]
    fn compauth_documented_codes_have_their_own_sentence() {
        use crate::i18n::{Lang, Translate};
        // (reason, true when the "Composite authentication Reason codes" table lists it)
        let table: &[(CompAuthReason, bool)] = &[
            (CompAuthReason::Pass(100), true),
            (CompAuthReason::Pass(104), true),
            (CompAuthReason::Pass(105), false),
            (CompAuthReason::Pass(116), true),
            (CompAuthReason::Pass(130), true),
            (CompAuthReason::Pass(131), false),
            (CompAuthReason::SoftPass(201), true),
            (CompAuthReason::SoftPass(203), false),
            (CompAuthReason::Bypassed(400), false),
            (CompAuthReason::Bypassed(905), true),
            (CompAuthReason::NdrNotEnforced(502), true),
            (CompAuthReason::ImplicitFailCode(601), true),
            (CompAuthReason::ImplicitFailCode(602), false),
            (CompAuthReason::ImplicitPass(701), true),
            (CompAuthReason::ImplicitPass(704), true),
            (CompAuthReason::ImplicitPass(705), false),
        ];
        for (reason, documented) in table {
            let m = Meaning::CompAuth(reason.clone());
            let (en, fr) = (m.text(Lang::En), m.text(Lang::Fr));
            assert_eq!(en.contains("does not document"), !documented, "{en}");
            assert_eq!(fr.contains("ne documente pas"), !documented, "{fr}");
        }
    }

    #[test]
    fn spamassassin_status() {
        let got = meanings(
            "X-Spam-Status",
            "Yes, score=7.5 required=5.0 tests=BAYES_99,HTML_MESSAGE,\r\n\tURIBL_BLACK autolearn=no autolearn_force=no version=3.4.6",
        );
        assert_eq!(
            got,
            vec![
                kv("", Meaning::SpamVerdict(true)),
                kv("score", Meaning::SpamScore(7.5)),
                kv("required", Meaning::SpamThreshold(5.0)),
                kv(
                    "tests",
                    Meaning::SpamTests(vec![
                        "BAYES_99".into(),
                        "HTML_MESSAGE".into(),
                        "URIBL_BLACK".into()
                    ])
                ),
                kv("autolearn", Meaning::Autolearn("no".into())),
                kv("autolearn_force", Meaning::Unknown),
                kv("version", Meaning::FilterVersion("3.4.6".into())),
            ]
        );
        let got = meanings("X-Spam-Status", "No, score=-0.1 required=5.0 tests=none");
        assert_eq!(got.first(), Some(&kv("", Meaning::SpamVerdict(false))));
        assert_eq!(got.get(3), Some(&kv("tests", Meaning::SpamTests(vec![]))));
    }

    #[test]
    fn spamassassin_report() {
        let folded = "Content analysis details:   (7.5 points, 5.0 required)\r\n\t*  3.5 BAYES_99 BODY: Bayes spam probability is 99 to 100%\r\n\t*      [score: 1.0000]\r\n\t*  0.0 HTML_MESSAGE BODY: HTML included in message\r\n\t* -0.1 DKIM_VALID Message has at least one valid DKIM or DK signature";
        let got = meanings("X-Spam-Report", folded);
        assert_eq!(
            got,
            vec![
                kv(
                    "BAYES_99",
                    Meaning::SpamRule {
                        points: 3.5,
                        rule: "BAYES_99".into(),
                        description: "BODY: Bayes spam probability is 99 to 100% [score: 1.0000]"
                            .into()
                    }
                ),
                kv(
                    "HTML_MESSAGE",
                    Meaning::SpamRule {
                        points: 0.0,
                        rule: "HTML_MESSAGE".into(),
                        description: "BODY: HTML included in message".into()
                    }
                ),
                kv(
                    "DKIM_VALID",
                    Meaning::SpamRule {
                        points: -0.1,
                        rule: "DKIM_VALID".into(),
                        description: "Message has at least one valid DKIM or DK signature".into()
                    }
                ),
            ]
        );
        // Unfolded gives the same rules.
        let unfolded = folded.replace("\r\n", "");
        assert_eq!(meanings("X-Spam-Report", &unfolded), got);
    }

    #[test]
    fn every_meaning_has_both_texts() {
        use crate::i18n::{Lang, Translate};
        let rule = |points| Meaning::SpamRule {
            points,
            rule: "R".into(),
            description: "d".into(),
        };
        let mut samples = vec![
            Meaning::Pcl(-9990),
            Meaning::Pcl(0),
            Meaning::Pcl(1),
            Meaning::Pcl(5),
            Meaning::Pcl(9),
            Meaning::ServiceVerdict(Srv::Bulk),
            Meaning::ServiceVerdict(Srv::Other("x".into())),
            Meaning::Country("FR".into()),
            Meaning::Language("fr".into()),
            Meaning::ConnectingIp(IpAddr::from([192, 0, 2, 1])),
            Meaning::IpFilter(Ipv::Cal),
            Meaning::IpFilter(Ipv::Nli),
            Meaning::IpFilter(Ipv::Other("x".into())),
            Meaning::Helo("h.example.com".into()),
            Meaning::ReverseDns("p.example.com".into()),
            Meaning::FilterRules,
            Meaning::SpamVerdict(true),
            Meaning::SpamVerdict(false),
            Meaning::SpamFlag(true),
            Meaning::SpamFlag(false),
            Meaning::SpamScore(7.5),
            Meaning::SpamThreshold(5.0),
            Meaning::SpamLevel(3),
            Meaning::SpamTests(vec![]),
            Meaning::SpamTests(vec!["A".into(), "B".into()]),
            rule(1.5),
            rule(-0.1),
            rule(0.0),
            Meaning::Autolearn("no".into()),
            Meaning::FilterVersion("3.4.6".into()),
            Meaning::GoogleOpaque,
            Meaning::Empty,
            Meaning::Unknown,
        ];
        samples.extend((-2..=10).map(Meaning::Scl));
        samples.extend((0..=10).map(Meaning::Bcl));
        samples.extend(
            [
                Sfv::Blk,
                Sfv::Nspm,
                Sfv::Sfe,
                Sfv::Ska,
                Sfv::Skb,
                Sfv::Ski,
                Sfv::Skn,
                Sfv::Skq,
                Sfv::Sks,
                Sfv::Spm,
                Sfv::Other("x".into()),
            ]
            .map(Meaning::SpamFilterVerdict),
        );
        samples.extend(
            [
                Cat::Amp,
                Cat::Bimp,
                Cat::Bulk,
                Cat::Dimp,
                Cat::Ftbp,
                Cat::Gimp,
                Cat::Hphish,
                Cat::Hspm,
                Cat::Intos,
                Cat::Malw,
                Cat::Ospm,
                Cat::Phsh,
                Cat::Sap,
                Cat::Spm,
                Cat::Spoof,
                Cat::Uimp,
                Cat::None,
                Cat::Other("x".into()),
            ]
            .map(Meaning::Category),
        );
        samples.extend(
            [
                Direction::Inbound,
                Direction::Outbound,
                Direction::Internal,
                Direction::Other("x".into()),
            ]
            .map(Meaning::Direction),
        );
        samples.extend(
            [
                Sfty::Phishing,
                Sfty::IntraOrgSpoof,
                Sfty::DomainImpersonation,
                Sfty::UserImpersonation,
                Sfty::CrossDomainSpoof,
                Sfty::SpoofSafeSenderOverridden,
                Sfty::SpoofOrgAllowOverridden,
                Sfty::SpoofMailFlowRuleOverridden,
                Sfty::FirstContact,
                Sfty::Other("x".into()),
            ]
            .map(Meaning::SafetyTip),
        );
        samples.extend(
            [
                AuthAs::Anonymous,
                AuthAs::Internal,
                AuthAs::Partner,
                AuthAs::Other("x".into()),
            ]
            .map(Meaning::AuthAs),
        );
        samples.extend(
            [
                CompAuthReason::ExplicitFail,
                CompAuthReason::ImplicitFail,
                CompAuthReason::ProhibitedSpoof,
                CompAuthReason::IntraOrgDmarcFail,
                CompAuthReason::NotChecked(300),
                CompAuthReason::Other("pass".into()),
            ]
            .map(Meaning::CompAuth),
        );
        // Every documented code, and an undocumented one of each class.
        let codes = (100..=116).chain([130, 199, 200, 201, 202, 299]);
        samples.extend(codes.map(|n| {
            Meaning::CompAuth(if n < 200 {
                CompAuthReason::Pass(n)
            } else {
                CompAuthReason::SoftPass(n)
            })
        }));
        samples
            .extend([400, 499, 905, 999].map(|n| Meaning::CompAuth(CompAuthReason::Bypassed(n))));
        samples.extend([501, 502].map(|n| Meaning::CompAuth(CompAuthReason::NdrNotEnforced(n))));
        samples.extend(
            [600, 601, 602].map(|n| Meaning::CompAuth(CompAuthReason::ImplicitFailCode(n))),
        );
        samples.extend((700..=705).map(|n| Meaning::CompAuth(CompAuthReason::ImplicitPass(n))));
        for m in &samples {
            let (en, fr) = (m.text(Lang::En), m.text(Lang::Fr));
            assert!(!en.is_empty() && !fr.is_empty(), "{m:?}");
            assert_ne!(en, fr, "{m:?}");
            assert!(!en.contains('\u{a0}'), "{en}");
            for p in [':', ';', '!', '?'] {
                for (i, _) in fr.match_indices(p) {
                    let before = fr.get(..i).and_then(|b| b.chars().next_back());
                    assert_eq!(before, Some('\u{a0}'), "{p} in {fr:?}");
                }
            }
        }
    }

    #[test]
    fn recognises_names() {
        assert!(is_antispam_header("x-forefront-antispam-report"));
        assert!(is_antispam_header("X-Gm-Message-State"));
        assert!(!is_antispam_header("Received"));
    }
}
