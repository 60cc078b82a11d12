//! English text of the `spf` area.

use crate::i18n::En;
use crate::spf::evaluate::SpfError;
use crate::spf::finding::Finding;
use crate::spf::record::SyntaxError;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
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
