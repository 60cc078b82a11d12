//! Findings of the `dmarc` area. Sentences: `i18n/en/dmarc.rs`, `i18n/fr/dmarc.rs`.

use crate::findings::Severity;

use super::record::Policy;

/// A typed cause found about a DMARC record, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// No DMARC record for the domain or any parent.
    NoRecord {
        /// The domain.
        domain: String,
    },
    /// Several DMARC records at one name: receivers ignore them all (RFC 7489 §6.6.3).
    SeveralRecords {
        /// The name.
        name: String,
        /// How many.
        count: usize,
    },
    /// `v=DMARC1` is not the first tag.
    VersionNotFirst,
    /// No `p=` tag.
    MissingPolicy,
    /// A tag has a value the RFC does not allow.
    InvalidValue {
        /// The tag.
        tag: String,
        /// The value.
        value: String,
    },
    /// A tag unknown to RFC 7489 and RFC 9989.
    UnknownTag {
        /// The tag.
        tag: String,
    },
    /// A tag RFC 9989 removed (`pct`, `rf`, `ri`): still read by many receivers.
    RemovedTag {
        /// The tag.
        tag: String,
    },
    /// `p=none` as the policy: monitoring only.
    PolicyNone {
        /// The domain.
        domain: String,
    },
    /// `pct` under 100: the policy applies to part of the mail.
    PartialPct {
        /// The percentage.
        pct: u8,
    },
    /// `t=y`: the policy is in testing mode (RFC 9989).
    Testing,
    /// No `rua`: no aggregate reports.
    NoRua,
    /// `sp=` weaker than `p=`.
    WeakerSubdomains {
        /// `p`.
        policy: Policy,
        /// `sp`.
        subdomain_policy: Policy,
    },
    /// Reports go to another domain that has not authorised it (RFC 7489 §7.1).
    ExternalReportsUnauthorised {
        /// The report domain.
        report_domain: String,
        /// The record that should exist.
        name: String,
    },
    /// The policy comes from a parent domain (no record at the domain itself).
    Inherited {
        /// Where the record was found.
        name: String,
    },
    /// RFC 9989's tree walk and RFC 7489's Public Suffix List lead to different records.
    DiscoveryDisagrees {
        /// The record name the tree walk finds.
        tree_walk: Option<String>,
        /// The record name RFC 7489 discovery finds.
        psl: Option<String>,
    },
    /// The message has no From domain: DMARC cannot be evaluated.
    NoFromDomain,
    /// The From field names several domains (RFC 7489 §6.6.1).
    SeveralFromDomains {
        /// The domains.
        domains: Vec<String>,
    },
    /// A DNS failure stopped policy discovery.
    DnsFailed {
        /// The name queried.
        name: String,
        /// What failed.
        error: crate::dns::DnsError,
    },
    /// The Public Suffix List and RFC 9989's tree walk give different organisational domains.
    OrgDomainsDiffer {
        /// By the list (RFC 7489).
        psl: String,
        /// By the tree walk (RFC 9989).
        tree_walk: String,
    },
    /// A method passed for a domain that does not align with the From domain.
    PassNotAligned {
        /// `dkim` or `spf`.
        method: &'static str,
        /// The domain that passed.
        domain: String,
        /// The From domain.
        from: String,
        /// The record asks for strict alignment.
        strict: bool,
    },
    /// The From domain does not exist in DNS: `np=` applies (RFC 9989).
    FromDomainDoesNotExist {
        /// The domain.
        domain: String,
    },
    /// The domain enforces DMARC but names that do not exist below it get a weaker policy
    /// (`np=`, or `sp=` then `p=` when absent; RFC 9989).
    NonExistentSubdomainsOpen {
        /// The policy non-existent subdomains get.
        np: Policy,
    },
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::NoRecord { .. } => "dmarc_no_record",
            Finding::SeveralRecords { .. } => "dmarc_several_records",
            Finding::VersionNotFirst => "dmarc_version_not_first",
            Finding::MissingPolicy => "dmarc_missing_policy",
            Finding::InvalidValue { .. } => "dmarc_invalid_value",
            Finding::UnknownTag { .. } => "dmarc_unknown_tag",
            Finding::RemovedTag { .. } => "dmarc_removed_tag",
            Finding::PolicyNone { .. } => "dmarc_policy_none",
            Finding::PartialPct { .. } => "dmarc_partial_pct",
            Finding::Testing => "dmarc_testing",
            Finding::NoRua => "dmarc_no_rua",
            Finding::WeakerSubdomains { .. } => "dmarc_weaker_subdomains",
            Finding::ExternalReportsUnauthorised { .. } => "dmarc_external_reports_unauthorised",
            Finding::Inherited { .. } => "dmarc_inherited",
            Finding::DiscoveryDisagrees { .. } => "dmarc_discovery_disagrees",
            Finding::NoFromDomain => "dmarc_no_from_domain",
            Finding::SeveralFromDomains { .. } => "dmarc_several_from_domains",
            Finding::DnsFailed { .. } => "dmarc_dns_failed",
            Finding::OrgDomainsDiffer { .. } => "dmarc_org_domains_differ",
            Finding::PassNotAligned { .. } => "dmarc_pass_not_aligned",
            Finding::FromDomainDoesNotExist { .. } => "dmarc_from_domain_does_not_exist",
            Finding::NonExistentSubdomainsOpen { .. } => "dmarc_nonexistent_subdomains_open",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::RemovedTag { .. }
            | Finding::Inherited { .. }
            | Finding::NonExistentSubdomainsOpen { .. }
            | Finding::OrgDomainsDiffer { .. }
            | Finding::PartialPct { .. }
            | Finding::Testing => Severity::Info,
            Finding::PolicyNone { .. }
            | Finding::NoRua
            | Finding::UnknownTag { .. }
            | Finding::WeakerSubdomains { .. }
            | Finding::DiscoveryDisagrees { .. }
            | Finding::PassNotAligned { .. }
            | Finding::FromDomainDoesNotExist { .. }
            | Finding::DnsFailed { .. }
            | Finding::MissingPolicy => Severity::Warning,
            Finding::NoRecord { .. }
            | Finding::NoFromDomain
            | Finding::SeveralFromDomains { .. }
            | Finding::SeveralRecords { .. }
            | Finding::VersionNotFirst
            | Finding::InvalidValue { .. }
            | Finding::ExternalReportsUnauthorised { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);
