//! English text of the `dns` area.

use crate::dns::DnsError;
use crate::dns::finding::Finding;
use crate::i18n::En;

impl En for DnsError {
    fn en(&self) -> String {
        match self {
            DnsError::NxDomain => "the name does not exist (NXDOMAIN)".into(),
            DnsError::ServFail => "the resolver failed (SERVFAIL)".into(),
            DnsError::Rcode { code } => format!("the resolver refused the query (RCODE {code})"),
            DnsError::Timeout { after_ms } => format!("no answer within {} s", after_ms / 1000),
            DnsError::Http { status } => {
                format!("the DNS-over-HTTPS server answered HTTP {status}")
            }
            DnsError::ContentType { got } => {
                format!("the DNS-over-HTTPS server sent “{got}” instead of a DNS message")
            }
            DnsError::Unreadable { detail } => format!("the answer could not be read ({detail})"),
            DnsError::Network { detail } => format!(
                "the resolver could not be reached: network down, or the browser blocked it (CORS) ({detail})"
            ),
            DnsError::Offline => "offline mode: no DNS lookups are made".into(),
        }
    }
}

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::LookupFailed { name, rtype, error } => format!(
                "The {rtype} lookup for {name} failed: {}. The result depending on it is a temporary error; try again later.",
                error.en()
            ),
        }
    }
}

impl En for crate::dns::zone::ZoneErrorKind {
    fn en(&self) -> String {
        use crate::dns::zone::ZoneErrorKind as K;
        match self {
            K::UnbalancedClose => "a “)” without its “(”".into(),
            K::UnbalancedOpen => "a “(” that is never closed".into(),
            K::UnterminatedString => "a quoted string that is never closed".into(),
            K::EscapeOverflow { value } => format!("the escape \\{value} is over 255"),
            K::DirectiveWithoutValue { directive } => format!("{directive} needs a value"),
            K::BadTtl { value } => format!("$TTL “{value}” is not a number of seconds"),
            K::UnsupportedDirective { directive } => {
                format!("{directive} is not supported (only $ORIGIN and $TTL)")
            }
            K::NoOwner => "the record has no owner name".into(),
            K::NoType => "the record has no type".into(),
            K::MissingData { rtype } => format!("the {rtype} record has no data"),
            K::BadData { rtype, value } => format!("“{value}” is not valid {rtype} data"),
        }
    }
}
