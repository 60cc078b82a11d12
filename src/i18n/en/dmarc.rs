//! English text of the `dmarc` area.

use crate::dmarc::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::NoRecord { domain } => format!("{domain} has no DMARC record: receivers apply no policy to mail forging it, and you get no reports."),
            Finding::SeveralRecords { name, count } => format!("{count} DMARC records at {name}: receivers ignore them all. Keep one."),
            Finding::VersionNotFirst => "v=DMARC1 must be the first tag of the record; receivers may ignore it otherwise.".into(),
            Finding::MissingPolicy => "The record has no p= tag: receivers treat it as p=none.".into(),
            Finding::InvalidValue { tag, value } => format!("{tag}={value} is not a valid value; receivers ignore the tag or the record."),
            Finding::UnknownTag { tag } => format!("“{tag}” is not a DMARC tag (RFC 7489, RFC 9989); it is ignored — check for a typo."),
            Finding::RemovedTag { tag } => format!("{tag}= was removed by RFC 9989 (DMARCbis); receivers following it ignore it."),
            Finding::PolicyNone { domain } => format!("{domain} is at p=none: mail forging it is only reported, never stopped. Fine to start; move on to quarantine and reject."),
            Finding::PartialPct { pct } => format!("pct={pct}: the policy applies to {pct} % of failing mail only."),
            Finding::Testing => "t=y: the policy is in testing mode; receivers apply a milder one.".into(),
            Finding::NoRua => "No rua= address: you receive no aggregate reports, so you cannot see who sends as your domain.".into(),
            Finding::WeakerSubdomains { policy, subdomain_policy } => format!(
                "Subdomains get sp={}, weaker than p={}: forgers can use any subdomain.",
                subdomain_policy.as_str(),
                policy.as_str()
            ),
            Finding::ExternalReportsUnauthorised { report_domain, name } => format!("Reports go to {report_domain}, which has not agreed to receive them: publish “v=DMARC1” at {name}, or receivers will not send them."),
            Finding::Inherited { name } => format!("No record at the domain itself: the policy comes from {name}."),
            Finding::DiscoveryDisagrees { tree_walk, psl } => format!(
                "Receivers disagree on the policy: RFC 9989's DNS tree walk leads to {}, while RFC 7489's method (Public Suffix List), which many still follow, leads to {}. Publish a record at the domain itself so both read the same one.",
                tree_walk.as_deref().unwrap_or("no record"),
                psl.as_deref().unwrap_or("no record")
            ),
            Finding::NoFromDomain => "The message has no usable From address: DMARC cannot be evaluated, and many receivers reject such mail.".into(),
            Finding::SeveralFromDomains { domains } => format!(
                "The From field names several domains ({}): RFC 7489 lets receivers reject the message; Sceau evaluates the first.",
                domains.join(", ")
            ),
            Finding::DnsFailed { name, error } => format!(
                "The DMARC lookup of {name} failed ({}): the result is a temporary error; try again.",
                crate::i18n::Translate::text(error, crate::i18n::Lang::En)
            ),
            Finding::OrgDomainsDiffer { psl, tree_walk } => format!(
                "The organisational domain is {psl} by the Public Suffix List (RFC 7489) but {tree_walk} by RFC 9989's DNS tree walk: relaxed alignment may be judged differently by different receivers."
            ),
            Finding::PassNotAligned { method, domain, from, strict } => format!(
                "{} passed for {domain}, but {domain} does not align with the From domain {from}{}: it does not count for DMARC.",
                method.to_uppercase(),
                if *strict { " (the record asks for strict alignment: the domains must be identical)" } else { "" }
            ),
            Finding::FromDomainDoesNotExist { domain } => format!(
                "The From domain {domain} does not exist in DNS: the np= policy applies (RFC 9989). Mail from invented subdomains is a classic forgery."
            ),
            Finding::NonExistentSubdomainsOpen { np } => format!(
                "Names that do not exist under this domain get np={}: anyone can send from an invented subdomain without being rejected. Add np=reject (RFC 9989).", np.as_str()
            ),
        }
    }
}
