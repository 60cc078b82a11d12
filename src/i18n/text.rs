//! Words of the interface that are not findings: labels, buttons, headings.

/// A piece of interface text. Sentences: `i18n/en/ui.rs`, `i18n/fr/ui.rs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    /// Product tag line under the name.
    Tagline,
    /// Tab: message analysis.
    TabMessage,
    /// Tab: reports.
    TabReports,
    /// Tab: domain check.
    TabDomain,
    /// Message tab: explanation above the text area.
    MessageIntro,
    /// Message tab: placeholder of the text area.
    MessagePlaceholder,
    /// Drop zone text for one message.
    MessageDrop,
    /// Button: analyse.
    Analyze,
    /// Button: clear.
    Clear,
    /// Reports tab: explanation.
    ReportsIntro,
    /// Drop zone text for reports.
    ReportsDrop,
    /// Domain tab: explanation.
    DomainIntro,
    /// Domain input placeholder.
    DomainPlaceholder,
    /// A DKIM selector that has no key.
    KeyNotFound,
    /// What happened.
    MsgStory,
    /// How a receiver decides.
    MsgVerdict,
    /// Summary.
    MsgSummary,
    /// Route, from the sender to the mailbox.
    MsgRoute,
    /// What the receiver claimed, and what Sceau finds.
    MsgComparison,
    /// DKIM signatures.
    MsgDkim,
    /// ARC chain (forwarders and lists).
    MsgArc,
    /// Authentication-Results.
    MsgAuthResults,
    /// Antispam headers.
    MsgAntispam,
    /// Header fields as received.
    MsgRaw,
    /// Select a finding to highlight the fields it is about..
    MsgRawHint,
    /// written by the receiver.
    Trusted,
    /// claim, not verified.
    Claim,
    /// #.
    ColHop,
    /// From.
    ColFrom,
    /// Received by.
    ColBy,
    /// Protocol.
    ColProtocol,
    /// Time.
    ColTime,
    /// Delay.
    ColDelay,
    /// Check.
    ColMethod,
    /// Receiver said.
    ColClaimed,
    /// Sceau finds.
    ColRechecked,
    /// Why.
    ColWhy,
    /// Domain.
    ColDomain,
    /// Selector.
    ColSelector,
    /// Algorithm.
    ColAlgorithm,
    /// Key.
    ColKey,
    /// Result.
    ColResult,
    /// Body hash.
    ColBodyHash,
    /// Set.
    ColInstance,
    /// Seal (AS).
    ColSeal,
    /// Message signature (AMS).
    ColAms,
    /// Chain it saw (cv=).
    ColChain,
    /// Connecting IP.
    ConnectingIp,
    /// one-click unsubscribe (RFC 8058).
    OneClick,
    /// no one-click unsubscribe.
    NoOneClick,
    /// What was signed (canonicalised, CR and LF shown).
    WhatWasSigned,
    /// Header hash input.
    SignedHeaders,
    /// Body hash input.
    SignedBody,
    /// computed.
    Computed,
    /// signed.
    Signed,
    /// Checking DKIM, ARC, SPF and DMARC over DNS….
    Rechecking,
    /// Copy as JSON.
    CopyJson,
    /// Copy as Markdown.
    CopyMarkdown,
    /// Print.
    Print,
    /// The message carries no DKIM signature..
    NoDkim,
    /// No ARC set: no forwarder vouched for the message..
    NoArc,
    /// Time spent at each hop.
    Timeline,
    /// clock skew.
    ClockSkew,
    /// Stop.
    RepCancel,
    /// Stopped: the files read so far are shown..
    RepCancelled,
    /// Overview.
    RepOverview,
    /// Alignment of the messages.
    RepAlignment,
    /// DKIM and SPF aligned.
    AlignBoth,
    /// DKIM only.
    AlignDkim,
    /// SPF only.
    AlignSpf,
    /// neither (DMARC fails).
    AlignNeither,
    /// Messages per day.
    RepPerDay,
    /// DMARC pass.
    LegendPass,
    /// DMARC fail.
    LegendFail,
    /// Sending sources.
    RepSources,
    /// IP address.
    ColIp,
    /// Name (reverse DNS).
    ColPtr,
    /// Applied.
    ColDisposition,
    /// Reporter.
    ColReporter,
    /// Period.
    ColPeriod,
    /// Filter by IP, name or domain.
    RepFilter,
    /// Failing DMARC only.
    RepFailingOnly,
    /// If the policy were p=reject.
    RepWhatIf,
    /// Where the reporter’s verdict differs from its own raw results.
    RepDisagreements,
    /// Export.
    RepExport,
    /// Records (CSV).
    ExportRecordsCsv,
    /// Sources (CSV).
    ExportSourcesCsv,
    /// Everything (JSON).
    ExportJson,
    /// What the reports show.
    RepFindings,
    /// Files read.
    RepFiles,
    /// Tooltip of a link that checks a domain and key in the Domain tab.
    CheckInDomainTab,
    /// matches: the body is as signed.
    BodyHashMatch,
    /// differs: the body changed after signing.
    BodyHashMismatch,
    /// not checked: the body was not pasted.
    BodyHashNotChecked,
    /// Results reported.
    ColAuthResults,
    /// Date.
    ColDate,
    /// What failed (failure reports).
    ColAuthFailure,
    /// What the receiver did (failure reports).
    ColDelivery,
    /// Policy type (TLS reports).
    ColPolicyType,
    /// Successful sessions (TLS reports).
    ColSuccessful,
    /// Failed sessions (TLS reports).
    ColFailed,
    /// Failure types (TLS reports).
    ColFailureTypes,
    /// Label of the DKIM selector field.
    SelectorsLabel,
    /// Placeholder of the DKIM selector field.
    SelectorsPlaceholder,
    /// Button: check the domain.
    DomainCheck,
    /// Button: settings.
    Settings,
    /// Settings: resolver label.
    Resolver,
    /// Resolver option: Cloudflare.
    ResolverCloudflare,
    /// Resolver option: Google.
    ResolverGoogle,
    /// Resolver option: custom URL.
    ResolverCustom,
    /// Resolver option: offline.
    ResolverOffline,
    /// Custom resolver URL label.
    ResolverCustomUrl,
    /// Settings: privacy note.
    PrivacyNote,
    /// Button: close.
    Close,
    /// Button/heading: DNS queries panel.
    DnsQueries,
    /// DNS panel: nothing yet.
    DnsNone,
    /// DNS column: name.
    ColName,
    /// DNS column: type.
    ColType,
    /// DNS column: resolver.
    ColResolver,
    /// DNS column: outcome.
    ColOutcome,
    /// DNS column: duration.
    ColDuration,
    /// DNS column: DNSSEC AD flag.
    ColDnssec,
    /// Outcome: records returned.
    OutcomeAnswer,
    /// Outcome: no record of that type.
    OutcomeNoData,
    /// "yes".
    Yes,
    /// "no".
    No,
    /// "from cache".
    Cached,
    /// Language switch label.
    Language,
    /// Busy indicator.
    Working,
    /// Message: header fields counted.
    HeaderFields,
    /// Message: the body is present.
    BodyPresent,
    /// Message: headers only.
    HeadersOnly,
    /// Reports: files chosen.
    FilesChosen,
    /// Domain: records found heading.
    RecordsFound,
    /// Domain: invalid domain name.
    InvalidDomain,
    /// Choose a file button.
    ChooseFile,
    /// Choose one file link.
    ChooseOneFile,
    /// Domain: findings heading.
    Findings,
    /// Domain: next steps heading.
    NextSteps,
    /// Domain: nothing to do.
    NothingToDo,
    /// Button: copy.
    Copy,
    /// Domain: DKIM keys heading.
    DkimKeys,
    /// Domain: no DKIM key found at probed selectors.
    NoDkimKey,
    /// Domain: lookups that failed.
    FailedLookups,
    /// Domain: DNSSEC validated.
    DnssecValidated,
    /// Domain: DNSSEC not validated.
    DnssecNotValidated,
    /// "none found".
    NoneFound,
    /// Record builder: Record builder.
    Builder,
    /// Record builder: SPF record.
    BuilderSpf,
    /// Record builder: DMARC record.
    BuilderDmarc,
    /// Record builder: My MX servers send mail (mx).
    BuilderMx,
    /// Record builder: The domain’s own address sends mail (a).
    BuilderA,
    /// Record builder: IPv4 addresses or networks, one per line.
    BuilderIp4,
    /// Record builder: IPv6 addresses or networks, one per line.
    BuilderIp6,
    /// Record builder: Sending services to include, one domain per line.
    BuilderIncludes,
    /// Record builder: Other servers.
    BuilderAll,
    /// Record builder: Policy (p).
    BuilderPolicy,
    /// Record builder: Subdomains (sp).
    BuilderSubPolicy,
    /// Record builder: same as p.
    BuilderSame,
    /// Record builder: Share of failing mail (pct).
    BuilderPct,
    /// Record builder: Address for aggregate reports (rua).
    BuilderRua,
    /// Record builder: Strict DKIM alignment (adkim=s).
    BuilderStrictDkim,
    /// Record builder: Strict SPF alignment (aspf=s).
    BuilderStrictSpf,
    /// Footer: nothing leaves the browser.
    Footer,
}

/// Interface text that carries numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// SPF lookups and void lookups against their limits (10 and 2).
    SpfBudget {
        /// DNS-querying terms.
        lookups: u32,
        /// Lookups that found nothing.
        voids: u32,
    },
    /// DNS lookups spent in one branch of the SPF tree.
    BranchLookups(u32),
    /// A key length.
    KeyBits(u32),
    /// A file size.
    Bytes(usize),
    /// Progress of a report batch.
    ReadingFiles {
        /// Files read.
        done: usize,
        /// Files given.
        total: usize,
    },
    /// The p=reject what-if.
    WhatIf {
        /// Messages that would be rejected.
        messages: u64,
        /// From how many sources.
        sources: usize,
        /// Of them, messages passing DKIM for another domain.
        unaligned: u64,
    },
    /// A count out of a total, with the percentage.
    Share {
        /// The part.
        part: u64,
        /// The whole.
        total: u64,
    },
    /// Only the largest sources are listed.
    LargestSources {
        /// Listed.
        shown: u64,
        /// In all.
        total: u64,
    },
    /// Only the first files are listed (those with an error first).
    FilesShown {
        /// Listed.
        shown: u64,
        /// In all.
        total: u64,
    },
    /// Only the largest disagreeing records are listed.
    LargestDisagreements {
        /// Listed.
        shown: u64,
        /// In all.
        total: u64,
    },
    /// A report's size: records and messages, each with its plural.
    RecordsAndMessages {
        /// Records.
        records: u64,
        /// Messages.
        messages: u64,
    },
    /// Only the first rows of a table are listed.
    RowsShown {
        /// Listed.
        shown: u64,
        /// In all.
        total: u64,
    },
    /// Repeated findings are listed up to a number per kind.
    FindingsShown {
        /// Listed.
        shown: u64,
        /// In all.
        total: u64,
    },
    /// A duration in seconds, for people.
    Duration(i64),
    /// Under a long list of the Message tab: only its first items are shown.
    FirstShown {
        /// Which list.
        list: Listed,
        /// Items shown.
        shown: usize,
        /// Items in all.
        total: usize,
    },
    /// Under the DNS query log: only the latest queries are shown.
    LatestQueries {
        /// Queries shown.
        shown: usize,
        /// Queries in all.
        total: usize,
    },
    /// Button under a long list: show `more` further items.
    ShowMore {
        /// Which list.
        list: Listed,
        /// Items the button adds.
        more: usize,
    },
    /// Where each discovery method found the DMARC record.
    DmarcDiscovery {
        /// RFC 9989 tree walk: the record name, if any.
        tree_walk: Option<String>,
        /// RFC 7489: the organisational domain from the Public Suffix List.
        org_domain: String,
        /// RFC 7489: the record name, if any.
        psl: Option<String>,
    },
}

/// A list that is shown a part at a time when it is very long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// Received hops (table and chart).
    Hops,
    /// DKIM signatures.
    DkimSignatures,
    /// ARC sets.
    ArcSets,
    /// Authentication-Results fields.
    AuthResults,
    /// Decoded antispam values.
    Antispam,
    /// Findings about the header fields.
    Findings,
    /// Header fields as received.
    HeaderFields,
    /// The DNS query log.
    DnsQueries,
    /// Files of a report batch (Reports tab).
    ReportFiles,
    /// Sending sources of a report batch (Reports tab). Keep it last: `ui::caps` sizes
    /// its table by it.
    Sources,
}

impl Listed {
    /// Whether the Markdown export has this list too (the JSON export has them all).
    pub fn in_markdown(self) -> bool {
        matches!(self, Listed::Hops | Listed::Findings)
    }
}

/// `n` with its digits grouped by three with `sep`: `50,000`, `50 000`.
pub(crate) fn grouped(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Label, Listed, grouped};
    use crate::i18n::{Lang, Translate};

    #[test]
    fn record_and_message_counts_take_their_plural_in_each_language() {
        let size =
            |records, messages, lang| Label::RecordsAndMessages { records, messages }.text(lang);
        assert_eq!(size(1, 1, Lang::En), "1 record, 1 message");
        assert_eq!(size(0, 2, Lang::En), "0 records, 2 messages");
        assert_eq!(size(1, 1, Lang::Fr), "1 enregistrement, 1 message");
        assert_eq!(size(0, 2, Lang::Fr), "0 enregistrement, 2 messages");
    }

    #[test]
    fn the_notice_under_a_long_list_agrees_in_both_languages() {
        let first = |list, shown, total, lang| Label::FirstShown { list, shown, total }.text(lang);
        assert_eq!(
            first(Listed::Hops, 100, 50_000, Lang::En),
            "Showing the first 100 of 50,000 hops — the exported report (Markdown or JSON) has them all."
        );
        assert_eq!(
            first(Listed::Hops, 100, 50_000, Lang::Fr),
            "Seules les 100 premières étapes sur 50\u{202f}000 sont affichées — le rapport exporté (Markdown ou JSON) les contient toutes."
        );
        assert_eq!(
            first(Listed::HeaderFields, 500, 100_007, Lang::Fr),
            "Seuls les 500 premiers champs d’en-tête sur 100\u{202f}007 sont affichés — l’export JSON les contient tous."
        );
        let more = |more, lang| {
            Label::ShowMore {
                list: Listed::DkimSignatures,
                more,
            }
            .text(lang)
        };
        assert_eq!(more(1, Lang::En), "Show 1 more DKIM signature");
        assert_eq!(more(50, Lang::Fr), "Afficher 50 signatures DKIM de plus");
    }

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(grouped(0, ','), "0");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(1000, ','), "1,000");
        assert_eq!(grouped(50_000, ','), "50,000");
        assert_eq!(grouped(1_234_567, '\u{202f}'), "1\u{202f}234\u{202f}567");
    }
}
