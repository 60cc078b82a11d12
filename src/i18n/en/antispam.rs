//! English text of the antispam meanings (`headers::antispam`).

use crate::headers::antispam::{
    AuthAs, Cat, CompAuthReason, Direction, Ipv, Meaning, Sfty, Sfv, Srv,
};
use crate::i18n::En;

impl En for Meaning {
    fn en(&self) -> String {
        match self {
            Meaning::Scl(n) => match n {
                -1 => "SCL -1: spam filtering was skipped (trusted or safe sender, mail flow rule, or internal mail); delivered to the Inbox.".into(),
                0 | 1 => format!("SCL {n}: not spam; delivered to the Inbox."),
                2..=4 => format!("SCL {n}: a level Microsoft 365 filtering does not set itself (a mail flow rule or another filter did); below the spam levels."),
                5 | 6 => format!("SCL {n}: marked as spam; delivered to the Junk Email folder."),
                7..=9 => format!("SCL {n}: marked as high-confidence spam; delivered to Junk or quarantined, as the anti-spam policy says."),
                _ => format!("SCL {n}: outside the documented range (-1 to 9)."),
            },
            Meaning::Bcl(n) => match n {
                0 => "BCL 0: not from a bulk sender.".into(),
                1..=3 => format!("BCL {n}: from a bulk sender that draws few complaints."),
                4..=7 => format!("BCL {n}: from a bulk sender that draws a mixed number of complaints. The default anti-spam policy treats 7 and above as bulk."),
                8 | 9 => format!("BCL {n}: from a bulk sender that draws many complaints; treated as bulk by the default policy."),
                _ => format!("BCL {n}: outside the documented range (0 to 9)."),
            },
            Meaning::Pcl(n) => match n {
                0..=3 => format!("PCL {n}: the content is unlikely to be phishing (a level Microsoft no longer documents)."),
                4..=8 => format!("PCL {n}: the content is likely phishing (a level Microsoft no longer documents)."),
                _ => format!("PCL {n}: outside the documented range (0 to 8)."),
            },
            Meaning::SpamFilterVerdict(v) => v.en(),
            Meaning::Category(c) => c.en(),
            Meaning::ServiceVerdict(Srv::Bulk) => {
                "Identified as bulk mail: its bulk complaint level reached the policy's threshold.".into()
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
            Meaning::IpFilter(Ipv::Cal) => "The connecting IP address is on the organisation's connection filter allow list: spam filtering was skipped.".into(),
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
            Sfv::Blk => "The sender is on the recipient's Blocked Senders list: filtering was skipped and the message went to Junk.".into(),
            Sfv::Nspm => "Spam filtering found the message is not spam.".into(),
            Sfv::Sfe => "Filtering was skipped because the sender is on the recipient's Safe Senders list.".into(),
            Sfv::Ska => "Filtering was skipped because the sender matched an allow list of the anti-spam policy.".into(),
            Sfv::Skb => "Marked as spam because the sender matched a block list of the anti-spam policy.".into(),
            Sfv::Ski => "Filtering was skipped for another reason, such as mail within the organisation.".into(),
            Sfv::Skn => "Marked as not spam before filtering, for example by a mail flow rule.".into(),
            Sfv::Skq => "The message was released from quarantine.".into(),
            Sfv::Sks => "Marked as spam before filtering, for example by a mail flow rule.".into(),
            Sfv::Spm => "Spam filtering marked the message as spam.".into(),
            Sfv::Other(v) => format!("Spam filter verdict “{v}”, which Microsoft does not document."),
        }
    }
}

impl En for Cat {
    fn en(&self) -> String {
        let what = match self {
            Cat::Amp => "anti-malware",
            Cat::Bimp => "brand impersonation",
            Cat::Bulk => "bulk mail",
            Cat::Dimp => "domain impersonation",
            Cat::Ftbp => "the common attachments filter (a blocked file type)",
            Cat::Gimp => "mailbox-intelligence impersonation",
            Cat::Hphish => "high-confidence phishing",
            Cat::Hspm => "high-confidence spam",
            Cat::Intos => "phishing within the organisation",
            Cat::Malw => "malware",
            Cat::Ospm => "outbound spam",
            Cat::Phsh => "phishing",
            Cat::Sap => "Safe Attachments (a malicious attachment)",
            Cat::Spm => "spam",
            Cat::Spoof => "spoofing",
            Cat::Uimp => "user impersonation",
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
            Sfty::DomainImpersonation => {
                "Safety tip: the sender's domain impersonates a protected domain.".into()
            }
            Sfty::UserImpersonation => {
                "Safety tip: the sender impersonates a protected user.".into()
            }
            Sfty::FirstContact => {
                "First contact safety tip: the recipient rarely or never got mail from this sender."
                    .into()
            }
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

impl En for CompAuthReason {
    fn en(&self) -> String {
        match self {
            CompAuthReason::ExplicitFail => "Composite authentication failed explicitly (000): DMARC failed and the domain's policy is quarantine or reject.".into(),
            CompAuthReason::ImplicitFail => "Composite authentication failed implicitly (001): the sending domain publishes no authentication records, or weak ones (SPF softfail or neutral, DMARC p=none).".into(),
            CompAuthReason::ProhibitedSpoof => "The organisation forbids this sender and domain pair from sending spoofed mail (002, set by an administrator).".into(),
            CompAuthReason::IntraOrgDmarcFail => "DMARC failed with quarantine or reject, and the sending domain is one of the organisation's own domains (010, self-to-self spoofing).".into(),
            CompAuthReason::Pass(n) => format!("Composite authentication passed ({n}; the last two digits are Microsoft-internal)."),
            CompAuthReason::SoftPass(n) => format!("Composite authentication soft-passed: implicit authentication was good enough ({n})."),
            CompAuthReason::NotChecked(n) => format!("Composite authentication was not checked ({n})."),
            CompAuthReason::Bypassed(n) => format!("Composite authentication was bypassed ({n}), for example by an allow rule."),
            CompAuthReason::IntraOrgImplicitFail(n) => format!("Implicit authentication failed and the sending domain is one of the organisation's own domains ({n}, self-to-self or intra-organisation spoofing)."),
            CompAuthReason::Other(v) => format!("compauth {v}: no documented reason code."),
        }
    }
}
