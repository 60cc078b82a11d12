//! English text of the antispam meanings (`headers::antispam`).

use crate::headers::antispam::{
    AuthAs, Cat, CompAuthReason, Direction, Ipv, Meaning, Sfty, Sfv, Srv,
};
use crate::i18n::En;

impl En for Meaning {
    fn en(&self) -> String {
        match self {
            // "Spam confidence level (SCL) in EOP". The revision of 2026-07-27 of "Anti-spam
            // message headers in Microsoft 365" adds that in cloud organisations the SCL no
            // longer decides the action (CAT does); the SCL page still gives the default
            // actions below, so they are told as defaults.
            Meaning::Scl(n) => match n {
                -1 => "SCL -1: spam filtering was skipped (for example the sender is a safe sender, the recipient a safe recipient, or the source server is on the IP Allow List); delivered to the Inbox.".into(),
                0 | 1 => format!("SCL {n}: spam filtering found the message is not spam; delivered to the Inbox."),
                2..=4 => format!("SCL {n}: Microsoft 365 spam filtering never sets this level; a mail flow rule or another system set it. It is below the spam levels."),
                5 | 6 => format!("SCL {n}: spam. By default it goes to the Junk Email folder; the Strict preset policy quarantines it."),
                7 => "SCL 7: high-confidence spam. Spam filtering itself seldom sets 7: an analyst's grading, a DMARC failure or a mail flow rule usually did. By default it goes to the Junk Email folder; the Standard and Strict preset policies quarantine it.".into(),
                8 | 9 => format!("SCL {n}: high-confidence spam. By default it goes to the Junk Email folder; the Standard and Strict preset policies quarantine it."),
                _ => format!("SCL {n}: outside the documented range (-1 to 9)."),
            },
            // "Bulk complaint level (BCL) in EOP": thresholds 7 (default and new anti-spam
            // policies), 6 (Standard preset), 5 (Strict preset).
            Meaning::Bcl(n) => match n {
                0 => "BCL 0: not from a bulk sender.".into(),
                1..=3 => format!("BCL {n}: from a bulk sender that draws few complaints; below every default bulk threshold."),
                4 => "BCL 4: from a bulk sender that draws a mixed number of complaints; below every default bulk threshold (7 for the default policy, 6 for the Standard preset, 5 for the Strict preset).".into(),
                5 => "BCL 5: from a bulk sender that draws a mixed number of complaints; treated as bulk by the Strict preset policy (threshold 5), not by the Standard preset (6) or the default policy (7).".into(),
                6 => "BCL 6: from a bulk sender that draws a mixed number of complaints; treated as bulk by the Standard and Strict preset policies (thresholds 6 and 5), not by the default policy (7).".into(),
                7 => "BCL 7: from a bulk sender that draws a mixed number of complaints; treated as bulk by the default policy (threshold 7) and by both preset policies.".into(),
                8 | 9 => format!("BCL {n}: from a bulk sender that draws many complaints; treated as bulk by the default policy and both preset policies."),
                _ => format!("BCL {n}: outside the documented range (0 to 9)."),
            },
            // The 2018 "Anti-spam message headers" gave 0-3, 4-8 and -9990; Exchange Server's
            // "Antispam stamps" gives 1-3 (Neutral) and 4-8 (Suspicious). 0 is read with the
            // former.
            Meaning::Pcl(n) => match n {
                -9990 => "PCL -9990: Exchange Online Protection found the content likely to be phishing (a value Microsoft 365 no longer documents).".into(),
                0..=3 => format!("PCL {n}: the content is not likely to be phishing (Exchange's “Neutral”; Microsoft 365 no longer documents this level)."),
                4..=8 => format!("PCL {n}: the content is likely to be phishing (Exchange's “Suspicious”; Microsoft 365 no longer documents this level)."),
                _ => format!("PCL {n}: outside the documented range (0 to 8)."),
            },
            Meaning::SpamFilterVerdict(v) => v.en(),
            Meaning::Category(c) => c.en(),
            Meaning::ServiceVerdict(Srv::Bulk) => {
                "Identified as bulk mail: its bulk complaint level reached the anti-spam policy's threshold. With the policy's MarkAsSpamBulkMail setting on (the default), bulk mail is treated as spam.".into()
            }
            Meaning::ServiceVerdict(Srv::Other(v)) => {
                format!("Service verdict “{v}”, which Microsoft does not document.")
            }
            Meaning::Direction(d) => d.en(),
            Meaning::Country(c) => format!("The connecting IP address is located in {c}."),
            Meaning::Language(l) => format!("Microsoft detected the message's language as “{l}”."),
            Meaning::ConnectingIp(ip) => {
                format!("The server that connected to Microsoft 365 had the address {ip}.")
            }
            Meaning::IpFilter(Ipv::Cal) => "The connecting IP address is on the IP Allow List of the organisation's connection filter: spam filtering was skipped.".into(),
            Meaning::IpFilter(Ipv::Nli) => "The connecting IP address is on no IP reputation list.".into(),
            Meaning::IpFilter(Ipv::Other(v)) => {
                format!("Connection filter result “{v}”, which Microsoft does not document.")
            }
            Meaning::Helo(h) => format!("The connecting server introduced itself (HELO/EHLO) as {h}."),
            Meaning::ReverseDns(p) => format!("The reverse DNS name of the connecting IP address is {p}."),
            Meaning::SafetyTip(s) => s.en(),
            Meaning::FilterRules => "Microsoft-internal rule identifiers: not documented, nothing can be read from them.".into(),
            Meaning::AuthAs(a) => a.en(),
            Meaning::CompAuth(r) => r.en(),
            Meaning::SpamVerdict(true) => "The filter classified the message as spam.".into(),
            Meaning::SpamVerdict(false) => "The filter classified the message as not spam.".into(),
            Meaning::SpamFlag(true) => "The filter flagged the message as spam.".into(),
            Meaning::SpamFlag(false) => "The filter did not flag the message as spam.".into(),
            Meaning::SpamScore(x) => format!("Spam score {x}: the higher, the more likely spam; compare it with the threshold."),
            Meaning::SpamThreshold(x) => format!("Threshold {x}: at or above this score the filter calls the message spam."),
            Meaning::SpamLevel(n) => format!("Spam level {n}: one star per point of score."),
            Meaning::SpamTests(tests) if tests.is_empty() => "No filter rule matched.".into(),
            Meaning::SpamTests(tests) => format!("Rules that matched: {}.", tests.join(", ")),
            Meaning::SpamRule { points, rule, description } => {
                if *points > 0.0 {
                    format!("{rule} added {points} points: {description}")
                } else if *points < 0.0 {
                    format!("{rule} took off {} points, in the message's favour: {description}", -points)
                } else {
                    format!("{rule} matched for information, 0 points: {description}")
                }
            }
            Meaning::Autolearn(v) => format!("Auto-learning: {v} (whether the Bayes filter learned from this message)."),
            Meaning::FilterVersion(v) => format!("Filter version {v}."),
            Meaning::GoogleOpaque => "Opaque Google-internal data: nothing can be read from it.".into(),
            Meaning::Empty => "No value.".into(),
            Meaning::Unknown => "A value Sceau cannot read; shown as written.".into(),
        }
    }
}

impl En for Sfv {
    fn en(&self) -> String {
        match self {
            Sfv::Blk => "The sender is on the recipient's Blocked Senders list: filtering was skipped and the message was handled as spam (Junk Email folder or quarantine, as the anti-spam policy's spam action says).".into(),
            Sfv::Nspm => "Spam filtering found the message is not spam; delivered to the recipients.".into(),
            Sfv::Sfe => "Filtering was skipped and the message let through: the sender is on the recipient's Safe Senders list.".into(),
            Sfv::Ska => "Spam filtering was skipped and the message delivered to the Inbox: the sender is on an allowed senders or allowed domains list of an anti-spam policy.".into(),
            Sfv::Skb => "Marked as spam: the sender is on a blocked senders or blocked domains list of an anti-spam policy.".into(),
            Sfv::Ski => "Spam filtering was skipped. Microsoft's current page says the source IP address is on the connection filter's IP Allow List; older revisions said another reason, such as mail within the organisation.".into(),
            Sfv::Skn => "Marked as not spam before spam filtering, by an Exchange mail flow rule (for example one that sets SCL -1 or bypasses spam filtering).".into(),
            Sfv::Skq => "The message was released from quarantine and delivered to the recipients.".into(),
            Sfv::Sks => "Marked as spam before spam filtering, by an Exchange mail flow rule that set the SCL or by on-premises Exchange in a hybrid setup; Microsoft 365 stamps this only when it honoured that request.".into(),
            Sfv::Spm => "Spam filtering marked the message as spam.".into(),
            Sfv::Other(v) => format!("Spam filter verdict “{v}”, which Microsoft does not document."),
        }
    }
}

impl En for Cat {
    fn en(&self) -> String {
        let what = match self {
            Cat::Amp => "anti-malware",
            Cat::Bimp => "brand impersonation (Defender for Office 365)",
            Cat::Bulk => "bulk mail",
            Cat::Dimp => "domain impersonation (Defender for Office 365)",
            Cat::Ftbp => "the anti-malware common attachments filter (a blocked file type)",
            Cat::Gimp => "mailbox-intelligence impersonation (Defender for Office 365)",
            Cat::Hphish => "high-confidence phishing",
            Cat::Hspm => "high-confidence spam",
            Cat::Intos => "phishing within the organisation",
            Cat::Malw => "malware",
            Cat::Ospm => "outbound spam",
            Cat::Phsh => "phishing",
            Cat::Sap => "Safe Attachments (Defender for Office 365)",
            Cat::Spm => "spam",
            Cat::Spoof => "spoofing",
            Cat::Uimp => "user impersonation (Defender for Office 365)",
            Cat::None => return "No protection policy applied: nothing was detected.".into(),
            Cat::Other(v) => {
                return format!("Category “{v}”, which Microsoft does not document.");
            }
        };
        format!("The protection policy for {what} was applied.")
    }
}

impl En for Direction {
    fn en(&self) -> String {
        match self {
            Direction::Inbound => "Inbound: from outside the organisation.".into(),
            Direction::Outbound => "Outbound: sent by the organisation.".into(),
            Direction::Internal => "Internal: between mailboxes of the organisation.".into(),
            Direction::Other(v) => format!("Direction “{v}”, which Microsoft does not document."),
        }
    }
}

impl En for Sfty {
    fn en(&self) -> String {
        match self {
            Sfty::Phishing => "Safety tip 9.1: identified as phishing (a phishing link or other phishing content, or marked so by on-premises Exchange). A value Microsoft has dropped from its current page.".into(),
            Sfty::IntraOrgSpoof => "Safety tip 9.11: intra-organisation spoofing: the message failed the anti-spoofing checks while its From domain is, or belongs to the same organisation as, the recipient's domain. A value Microsoft has dropped from its current page.".into(),
            Sfty::DomainImpersonation => "Safety tip 9.19: domain impersonation: the sending domain tries to pass for a protected domain.".into(),
            Sfty::UserImpersonation => "Safety tip 9.20: user impersonation: the sender tries to pass for a user of the recipient's organisation or a protected user of an anti-phishing policy.".into(),
            Sfty::CrossDomainSpoof => "Safety tip 9.21: cross-domain spoofing: the From domain is external and does not authenticate (see compauth). A value Microsoft has dropped from its current page.".into(),
            Sfty::SpoofSafeSenderOverridden => "Safety tip 9.22: cross-domain spoofing, and the recipient's Safe Senders entry for this sender was overridden. A value Microsoft has dropped from its current page.".into(),
            Sfty::SpoofOrgAllowOverridden => "Safety tip 9.23: cross-domain spoofing, and an allowed sender or domain of the organisation was overridden. A value Microsoft has dropped from its current page.".into(),
            Sfty::SpoofMailFlowRuleOverridden => "Safety tip 9.24: cross-domain spoofing, and an Exchange mail flow rule was overridden. A value Microsoft has dropped from its current page.".into(),
            Sfty::FirstContact => "Safety tip 9.25: first contact: the recipient rarely or never gets mail from this sender. It may, but need not, point to phishing.".into(),
            Sfty::Other(v) => format!("Safety tip “{v}”, which Microsoft does not document."),
        }
    }
}

impl En for AuthAs {
    fn en(&self) -> String {
        match self {
            AuthAs::Anonymous => "Received unauthenticated, from the Internet.".into(),
            AuthAs::Internal => "Sent from inside the organisation, authenticated.".into(),
            AuthAs::Partner => {
                "Received through a partner connector (secured with a partner domain).".into()
            }
            AuthAs::Other(v) => format!("Authentication “{v}”, which Microsoft does not document."),
        }
    }
}

/// The documented meaning of one compauth reason code ("Composite authentication Reason
/// codes", "Anti-spam message headers in Microsoft 365", revision of 2026-07-27). 103 and
/// 104 read the same way in that table (From domain and PTR record align); they are told
/// the same.
fn compauth_code(n: u16) -> Option<&'static str> {
    Some(match n {
        100 => "SPF or DKIM passed, with its domain aligned with the From domain",
        101 => "the message is DKIM-signed by the From domain",
        102 => "SPF passed and the MAIL FROM domain is aligned with the From domain",
        103 | 104 => {
            "the From domain aligns with the PTR (reverse DNS) name of the source IP address"
        }
        108 => {
            "DKIM failed because an earlier, legitimate hop changed the body (for example the organisation's on-premises servers)"
        }
        109 => "the From domain has no DMARC record, but the message would pass",
        111 => {
            "DMARC gave a temporary or permanent error, but the SPF or DKIM domain aligns with the From domain"
        }
        112 => "a DNS timeout kept the DMARC record from being read",
        115 => "sent from a Microsoft 365 organisation where the From domain is an accepted domain",
        116 => "the From domain's MX record aligns with the PTR name of the connecting IP address",
        130 => "the ARC result of a trusted ARC sealer overrode the DMARC failure",
        201 => {
            "the From domain's PTR record is in the same subnet as the connecting IP address's PTR record"
        }
        202 => "the From domain aligns with the domain of the connecting IP address's PTR record",
        501 => {
            "the message is a valid non-delivery report and the sender and recipient have been in contact before"
        }
        502 => {
            "the message is a valid non-delivery report for a message sent from this organisation"
        }
        601 => {
            "the sending domain is one of the organisation's accepted domains (self-to-self or intra-organisation spoofing)"
        }
        701..=704 => {
            "DMARC was not enforced, as the organisation has a history of legitimate mail from this sending infrastructure"
        }
        905 => {
            "DMARC was not enforced because of complex routing (for example Internet mail that passes through on-premises Exchange or another service before Microsoft 365)"
        }
        _ => return None,
    })
}

/// "Composite authentication {what} ({n}): {detail}." or, for an undocumented code of the
/// class, "… ({n}; Microsoft does not document this code)."
fn with_code(what: &str, n: u16) -> String {
    match compauth_code(n) {
        Some(detail) => format!("{what} ({n}): {detail}."),
        None => format!("{what} ({n}; Microsoft does not document this code)."),
    }
}

impl En for CompAuthReason {
    fn en(&self) -> String {
        match self {
            CompAuthReason::ExplicitFail => "Composite authentication failed explicitly (000): DMARC failed and the domain's policy is quarantine or reject.".into(),
            CompAuthReason::ImplicitFail => "Composite authentication failed implicitly (001): the sending domain publishes no authentication records, or weak ones (SPF ~all or ?all, DMARC p=none).".into(),
            CompAuthReason::ProhibitedSpoof => "The organisation forbids this sender and domain pair from sending spoofed mail (002, set by an administrator).".into(),
            CompAuthReason::IntraOrgDmarcFail => "DMARC failed with quarantine or reject, and the sending domain is one of the organisation's accepted domains (010, self-to-self or intra-organisation spoofing).".into(),
            CompAuthReason::Pass(n) => with_code("Composite authentication passed, explicitly or implicitly", *n),
            CompAuthReason::SoftPass(n) => with_code("Composite authentication soft-passed implicit authentication", *n),
            CompAuthReason::NotChecked(n) => format!("Composite authentication was not checked ({n})."),
            CompAuthReason::Bypassed(n) => with_code("Composite authentication was bypassed", *n),
            CompAuthReason::NdrNotEnforced(n) => with_code("DMARC was not enforced", *n),
            CompAuthReason::ImplicitFailCode(n) => with_code("Composite authentication failed implicitly", *n),
            CompAuthReason::ImplicitPass(n) => with_code("Composite authentication passed implicitly", *n),
            CompAuthReason::Other(v) => format!("compauth {v}: no documented reason code."),
        }
    }
}
