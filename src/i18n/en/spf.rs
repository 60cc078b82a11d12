//! English text of the `spf` area.

use crate::i18n::En;
use crate::spf::evaluate::SpfError;
use crate::spf::finding::Finding;
use crate::spf::record::SyntaxError;

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::NoRecord { domain } => format!(
                "{domain} has no SPF record: receivers cannot tell which servers may send as it."
            ),
            Finding::SeveralRecords { domain, count } => format!(
                "{domain} publishes {count} SPF records; receivers then return permerror. Merge them into one."
            ),
            Finding::Syntax { domain, error } => {
                format!("The SPF record of {domain} is invalid: {}.", error.en())
            }
            Finding::TooManyLookups { count } => format!(
                "The SPF tree needs {count} DNS lookups; receivers stop at 10 and return permerror. Remove unused includes or replace some with ip4:/ip6: ranges."
            ),
            Finding::TooManyVoidLookups { count } => format!(
                "{count} SPF lookups find nothing; receivers allow 2, then return permerror."
            ),
            Finding::PassAll { domain } => format!(
                "The SPF of {domain} ends with +all: anyone on the Internet may send as {domain}. Replace it with ~all or -all."
            ),
            Finding::NeutralAll { domain } => format!(
                "The SPF of {domain} ends with ?all: it says nothing about other senders, so it protects nothing."
            ),
            Finding::SoftfailAll { domain } => format!(
                "The SPF of {domain} ends with ~all (softfail): fine while you check your senders; move to -all once DMARC reports show they all pass."
            ),
            Finding::NoAll { domain } => format!(
                "The SPF of {domain} has no “all” term and no redirect: mail from other servers gets neutral."
            ),
            Finding::PtrUsed { domain } => format!(
                "The SPF of {domain} uses ptr, which is slow and unreliable; RFC 7208 asks not to use it. List the addresses instead."
            ),
            Finding::RedirectIgnored { domain } => format!(
                "The SPF of {domain} has both an “all” term and redirect=; the redirect is never used."
            ),
            Finding::TargetWithoutRecord { domain } => format!(
                "{domain}, included or redirected to, has no SPF record: receivers return permerror."
            ),
            Finding::VoidLookup { term, domain } => format!(
                "“{term}” in the SPF of {domain} finds nothing in DNS; remove it (more than 2 such terms give permerror)."
            ),
            Finding::LongRecord { domain, length } => format!(
                "The SPF record of {domain} is {length} bytes, more than one TXT string holds (255): it must be published as several strings, which receivers join without spaces. Check that no space was lost or added at the joins."
            ),
            Finding::AnswerTooLarge { domain, size } => format!(
                "The TXT answer at {domain} is about {size} bytes, over the 512 bytes of a plain UDP DNS answer (RFC 7208 §3.4): some receivers will have to retry over TCP or fail with a temporary error. Shorten the SPF record or remove other TXT records at this name (old site verifications)."
            ),
            Finding::Ipv6Missing { domain } => format!(
                "The mail servers of {domain} have IPv6 addresses, but its SPF authorises no IPv6 sender: mail sent over IPv6 fails SPF."
            ),
            Finding::Dns { name, rtype, error } => format!(
                "The {rtype} lookup for {name} failed ({}); the SPF check is incomplete.",
                error.en()
            ),
        }
    }
}

impl En for SyntaxError {
    fn en(&self) -> String {
        match self {
            SyntaxError::NotSpf => "the record does not start with v=spf1".into(),
            SyntaxError::UnknownMechanism { term, offset } => {
                format!("“{term}” (at character {offset}) is not an SPF mechanism")
            }
            SyntaxError::BadArgument { term, offset } => format!(
                "“{term}” (at character {offset}) has a missing or malformed domain or address"
            ),
            SyntaxError::BadCidr { term, offset } => {
                format!("“{term}” (at character {offset}) has an invalid prefix length")
            }
            SyntaxError::DuplicateModifier { name, offset } => {
                format!("{name}= appears a second time (at character {offset})")
            }
            SyntaxError::BadMacro { term, offset } => {
                format!("“{term}” (at character {offset}) has a malformed macro")
            }
        }
    }
}

impl En for SpfError {
    fn en(&self) -> String {
        match self {
            SpfError::SeveralRecords { domain, count } => format!(
                "{domain} publishes {count} SPF records; there must be exactly one (permerror)."
            ),
            SpfError::Syntax {
                domain,
                record,
                error,
            } => format!(
                "The SPF record of {domain} is invalid: {}. Record: {record}",
                error.en()
            ),
            SpfError::TooManyLookups { term } => format!(
                "More than 10 DNS lookups are needed (at {term}); receivers stop and return permerror. Flatten or remove includes."
            ),
            SpfError::TooManyVoidLookups { term } => format!(
                "More than 2 lookups found nothing (at {term}); receivers return permerror. Remove terms pointing at names that do not exist."
            ),
            SpfError::TooManyMx { domain } => {
                format!("{domain} has more than 10 MX records, the limit for the mx mechanism.")
            }
            SpfError::IncludeWithoutRecord { domain } => {
                format!("include:{domain} points at a domain without an SPF record (permerror).")
            }
            SpfError::RedirectWithoutRecord { domain } => {
                format!("redirect={domain} points at a domain without an SPF record (permerror).")
            }
            SpfError::Macro { spec } => format!("The macro in “{spec}” cannot be expanded."),
            SpfError::Dns { name, rtype, error } => format!(
                "The {rtype} lookup for {name} failed: {} (temperror).",
                error.en()
            ),
        }
    }
}
