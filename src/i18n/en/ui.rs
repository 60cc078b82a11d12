//! English text of the interface.

use super::headers::n;
use crate::i18n::En;
use crate::i18n::text::Ui;

impl En for Ui {
    fn en(&self) -> String {
        match self {
            Ui::Tagline => "Email authentication, checked in your browser",
            Ui::TabMessage => "Message",
            Ui::TabReports => "Reports",
            Ui::TabDomain => "Domain",
            Ui::MessageIntro => "Paste the headers or the whole message (Gmail: “Show original”; Outlook: “View message source” or the message’s Internet headers), or drop an .eml file.",
            Ui::MessagePlaceholder => "Paste the raw message or its headers here",
            Ui::MessageDrop => "Drop an .eml or .txt file here, or",
            Ui::Analyze => "Analyse",
            Ui::Clear => "Clear",
            Ui::ReportsIntro => "Drop DMARC aggregate reports (.xml, .xml.gz, .zip or the .eml that carried them), failure reports and SMTP TLS reports. They are read here, in your browser.",
            Ui::ReportsDrop => "Drop any number of report files here, or",
            Ui::DomainIntro => "Enter a domain to check its SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT and BIMI records.",
            Ui::DomainPlaceholder => "example.com",
            Ui::MsgStory => "What happened",
            Ui::MsgVerdict => "How a receiver decides",
            Ui::MsgSummary => "Summary",
            Ui::MsgRoute => "Route, from the sender to the mailbox",
            Ui::MsgComparison => "What the receiver claimed, and what Sceau finds",
            Ui::MsgDkim => "DKIM signatures",
            Ui::MsgArc => "ARC chain (forwarders and lists)",
            Ui::MsgAuthResults => "Authentication-Results",
            Ui::MsgAntispam => "Antispam headers",
            Ui::MsgRaw => "Header fields as received",
            Ui::MsgRawHint => "Select a finding to highlight the fields it is about.",
            Ui::Trusted => "written by the receiver",
            Ui::Claim => "claim, not verified",
            Ui::ColHop => "#",
            Ui::ColFrom => "From",
            Ui::ColBy => "Received by",
            Ui::ColProtocol => "Protocol",
            Ui::ColTime => "Time",
            Ui::ColDelay => "Delay",
            Ui::ColMethod => "Check",
            Ui::ColClaimed => "Receiver said",
            Ui::ColRechecked => "Sceau finds",
            Ui::ColWhy => "Why",
            Ui::ColDomain => "Domain",
            Ui::ColSelector => "Selector",
            Ui::ColAlgorithm => "Algorithm",
            Ui::ColKey => "Key",
            Ui::ColResult => "Result",
            Ui::ColBodyHash => "Body hash",
            Ui::ColInstance => "Set",
            Ui::ColSeal => "Seal (AS)",
            Ui::ColAms => "Message signature (AMS)",
            Ui::ColChain => "Chain it saw (cv=)",
            Ui::ConnectingIp => "Connecting IP",
            Ui::OneClick => "one-click unsubscribe (RFC 8058)",
            Ui::NoOneClick => "no one-click unsubscribe",
            Ui::WhatWasSigned => "What was signed, canonicalised (line ends shown as \\r\\n, spaces as ·)",
            Ui::SignedHeaders => "Header hash input",
            Ui::SignedBody => "Body hash input",
            Ui::Computed => "computed",
            Ui::Signed => "signed",
            Ui::Rechecking => "Checking DKIM, ARC, SPF and DMARC over DNS…",
            Ui::CopyJson => "Copy as JSON",
            Ui::CopyMarkdown => "Copy as Markdown",
            Ui::Print => "Print",
            Ui::NoDkim => "The message carries no DKIM signature.",
            Ui::NoArc => "No ARC set: no forwarder vouched for the message.",
            Ui::Timeline => "Time spent at each hop",
            Ui::ClockSkew => "clock skew",
            Ui::RepCancel => "Stop",
            Ui::RepCancelled => "Stopped: the files read so far are shown.",
            Ui::RepOverview => "Overview",
            Ui::RepAlignment => "Alignment of the messages",
            Ui::AlignBoth => "DKIM and SPF aligned",
            Ui::AlignDkim => "DKIM only",
            Ui::AlignSpf => "SPF only",
            Ui::AlignNeither => "neither (DMARC fails)",
            Ui::RepPerDay => "Messages per day",
            Ui::LegendPass => "DMARC pass",
            Ui::LegendFail => "DMARC fail",
            Ui::RepSources => "Sending sources",
            Ui::ColIp => "IP address",
            Ui::ColPtr => "Name (reverse DNS)",
            Ui::ColDisposition => "Applied",
            Ui::ColReporter => "Reporter",
            Ui::ColPeriod => "Period",
            Ui::RepFilter => "Filter by IP, name or domain",
            Ui::RepFailingOnly => "Failing DMARC only",
            Ui::RepWhatIf => "If the policy were p=reject",
            Ui::RepDisagreements => "Where the reporter’s verdict differs from its own raw results",
            Ui::RepExport => "Export",
            Ui::ExportRecordsCsv => "Records (CSV)",
            Ui::ExportSourcesCsv => "Sources (CSV)",
            Ui::ExportJson => "Everything (JSON)",
            Ui::RepFindings => "What the reports show",
            Ui::RepFiles => "Files read",
            Ui::CheckInDomainTab => "Check this domain and key in the Domain tab",
            Ui::BodyHashMatch => "matches: the body is as signed",
            Ui::BodyHashMismatch => "differs: the body changed after signing",
            Ui::BodyHashNotChecked => "not checked: the body was not pasted",
            Ui::ColAuthResults => "Results reported",
            Ui::ColDate => "Date",
            Ui::ColAuthFailure => "What failed",
            Ui::ColDelivery => "Receiver’s action",
            Ui::ColPolicyType => "Policy",
            Ui::ColSuccessful => "Successful sessions",
            Ui::ColFailed => "Failed sessions",
            Ui::ColFailureTypes => "Failure types",
            Ui::KeyNotFound => "not found",
            Ui::SelectorsLabel => "DKIM selectors to check (besides the common ones)",
            Ui::SelectorsPlaceholder => "selector1, s2024",
            Ui::DomainCheck => "Check",
            Ui::Settings => "Settings",
            Ui::Resolver => "DNS-over-HTTPS resolver",
            Ui::ResolverCloudflare => "Cloudflare (default)",
            Ui::ResolverGoogle => "Google",
            Ui::ResolverCustom => "Custom URL",
            Ui::ResolverOffline => "Offline: no lookups",
            Ui::ResolverCustomUrl => "Resolver URL (RFC 8484, GET)",
            Ui::PrivacyNote => "What you paste or drop never leaves this page. The only network traffic is DNS queries for public records, sent to the resolver chosen here.",
            Ui::Close => "Close",
            Ui::DnsQueries => "DNS queries",
            Ui::DnsNone => "No DNS query yet.",
            Ui::ColName => "Name",
            Ui::ColType => "Type",
            Ui::ColResolver => "Resolver",
            Ui::ColOutcome => "Outcome",
            Ui::ColDuration => "Duration",
            Ui::ColDnssec => "DNSSEC (AD)",
            Ui::OutcomeAnswer => "answer",
            Ui::OutcomeNoData => "no record of this type",
            Ui::Yes => "yes",
            Ui::No => "no",
            Ui::Cached => "cache",
            Ui::Language => "Language",
            Ui::Working => "Working…",
            Ui::HeaderFields => "header fields",
            Ui::BodyPresent => "Full message: the body is present, so DKIM body hashes can be checked.",
            Ui::HeadersOnly => "Headers only: the body is absent, so DKIM body hashes cannot be checked.",
            Ui::FilesChosen => "files",
            Ui::RecordsFound => "Records found",
            Ui::InvalidDomain => "This is not a valid domain name.",
            Ui::ChooseFile => "choose files",
            Ui::ChooseOneFile => "choose a file",
            Ui::Findings => "Findings",
            Ui::NextSteps => "What to do next",
            Ui::NothingToDo => "Nothing to do: this domain follows the recommended setup.",
            Ui::Copy => "Copy",
            Ui::DkimKeys => "DKIM keys",
            Ui::NoDkimKey => "No DKIM key at the selectors probed.",
            Ui::FailedLookups => "These lookups failed, so this report is incomplete; try again:",
            Ui::DnssecValidated => "The resolver validated these answers with DNSSEC.",
            Ui::DnssecNotValidated => "These answers are not DNSSEC-validated.",
            Ui::NoneFound => "none found",
            Ui::Builder => "Record builder",
            Ui::BuilderSpf => "SPF record",
            Ui::BuilderDmarc => "DMARC record",
            Ui::BuilderMx => "My MX servers send mail (mx)",
            Ui::BuilderA => "The domain’s own address sends mail (a)",
            Ui::BuilderIp4 => "IPv4 addresses or networks, one per line",
            Ui::BuilderIp6 => "IPv6 addresses or networks, one per line",
            Ui::BuilderIncludes => "Sending services to include, one domain per line",
            Ui::BuilderAll => "Other servers",
            Ui::BuilderPolicy => "Policy (p)",
            Ui::BuilderSubPolicy => "Subdomains (sp)",
            Ui::BuilderSame => "same as p",
            Ui::BuilderPct => "Share of failing mail (pct)",
            Ui::BuilderRua => "Address for aggregate reports (rua)",
            Ui::BuilderStrictDkim => "Strict DKIM alignment (adkim=s)",
            Ui::BuilderStrictSpf => "Strict SPF alignment (aspf=s)",
            Ui::Footer => "Sceau runs entirely in your browser: nothing you paste or drop is uploaded.",
        }
        .into()
    }
}

impl En for crate::findings::Severity {
    fn en(&self) -> String {
        use crate::findings::Severity as S;
        match self {
            S::Info => "information",
            S::Warning => "warning",
            S::Problem => "problem",
        }
        .into()
    }
}

impl En for crate::i18n::text::Label {
    fn en(&self) -> String {
        use crate::i18n::text::Label as L;
        match self {
            L::SpfBudget { lookups, voids } => format!("{lookups}/10 DNS lookups, {voids}/2 void"),
            L::BranchLookups(n) => format!("{n} lookups"),
            L::KeyBits(n) => format!("{n} bits"),
            L::Bytes(n) => format!("{n} bytes"),
            L::ReadingFiles { done, total } => format!("Reading {done} of {total} files…"),
            L::WhatIf {
                messages,
                sources,
                unaligned,
            } => format!(
                "{messages} messages from {sources} sources would be rejected. {unaligned} of them pass DKIM for another domain: probably a legitimate service that signs with its own domain — configure it to sign as you before moving to reject."
            ),
            L::Share { part, total } => format!(
                "{part} ({} %)",
                if *total == 0 { 0 } else { part * 100 / total }
            ),
            L::LargestSources { shown, total } => format!(
                "The {shown} largest of {total} sources are listed; the CSV and JSON exports have them all."
            ),
            L::FilesShown { shown, total } => format!(
                "The first {shown} of {total} files are listed, those with an error first; the JSON export lists them all."
            ),
            L::LargestDisagreements { shown, total } => format!(
                "The {shown} largest of {total} records are listed; the JSON export has them all."
            ),
            L::RecordsAndMessages { records, messages } => format!(
                "{records} record{}, {messages} message{}",
                if *records == 1 { "" } else { "s" },
                if *messages == 1 { "" } else { "s" }
            ),
            L::RowsShown { shown, total } => {
                format!("The first {shown} of {total} are listed; the JSON export has them all.")
            }
            L::FindingsShown { shown, total } => format!(
                "{shown} of {total} findings are listed (a few of each kind); the JSON export has them all."
            ),
            L::Duration(s) => super::headers::duration(*s),
            L::FirstShown { list, shown, total } => format!(
                "Showing the first {} of {} {} — {} has them all.",
                n(*shown),
                n(*total),
                noun(*list, *total),
                if list.in_markdown() {
                    "the exported report (Markdown or JSON)"
                } else {
                    "the JSON export"
                }
            ),
            L::LatestQueries { shown, total } => {
                format!(
                    "Showing the latest {} of {} DNS queries.",
                    n(*shown),
                    n(*total)
                )
            }
            L::ShowMore { list, more } => format!("Show {} more {}", n(*more), noun(*list, *more)),
            L::DmarcDiscovery {
                tree_walk,
                org_domain,
                psl,
            } => {
                let none = "no record";
                format!(
                    "RFC 9989 tree walk: {}. RFC 7489 (organisational domain {org_domain}): {}.",
                    tree_walk.as_deref().unwrap_or(none),
                    psl.as_deref().unwrap_or(none)
                )
            }
        }
    }
}

/// What a long list holds, singular or plural after `count`.
fn noun(list: crate::i18n::text::Listed, count: usize) -> &'static str {
    use crate::i18n::text::Listed as L;
    let one = count == 1;
    match (list, one) {
        (L::Hops, true) => "hop",
        (L::Hops, false) => "hops",
        (L::DkimSignatures, true) => "DKIM signature",
        (L::DkimSignatures, false) => "DKIM signatures",
        (L::ArcSets, true) => "ARC set",
        (L::ArcSets, false) => "ARC sets",
        (L::AuthResults, true) => "Authentication-Results field",
        (L::AuthResults, false) => "Authentication-Results fields",
        (L::Antispam, true) => "antispam value",
        (L::Antispam, false) => "antispam values",
        (L::Findings, true) => "finding",
        (L::Findings, false) => "findings",
        (L::HeaderFields, true) => "header field",
        (L::HeaderFields, false) => "header fields",
        (L::DnsQueries, true) => "DNS query",
        (L::DnsQueries, false) => "DNS queries",
        (L::ReportFiles, true) => "file",
        (L::ReportFiles, false) => "files",
        (L::Sources, true) => "source",
        (L::Sources, false) => "sources",
    }
}
