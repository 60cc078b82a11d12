//! French text of the `dns` area.

use crate::dns::DnsError;
use crate::dns::finding::Finding;
use crate::i18n::Fr;

impl Fr for DnsError {
    fn fr(&self) -> String {
        match self {
            DnsError::NxDomain => "le nom n’existe pas (NXDOMAIN)".into(),
            DnsError::ServFail => "le résolveur a échoué (SERVFAIL)".into(),
            DnsError::Rcode { code } => format!("le résolveur a refusé la requête (RCODE {code})"),
            DnsError::Timeout { after_ms } => format!("pas de réponse en {} s", after_ms / 1000),
            DnsError::Http { status } => {
                format!("le serveur DNS-over-HTTPS a répondu HTTP {status}")
            }
            DnsError::ContentType { got } => {
                format!(
                    "le serveur DNS-over-HTTPS a envoyé «\u{a0}{got}\u{a0}» au lieu d’un message DNS"
                )
            }
            DnsError::Unreadable { detail } => format!("la réponse est illisible ({detail})"),
            DnsError::Network { detail } => format!(
                "le résolveur est injoignable\u{a0}: réseau coupé, ou le navigateur l’a bloqué (CORS) ({detail})"
            ),
            DnsError::Offline => "mode hors ligne\u{a0}: aucune requête DNS n’est faite".into(),
        }
    }
}

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::LookupFailed { name, rtype, error } => format!(
                "La requête {rtype} pour {name} a échoué\u{a0}: {}. Le résultat qui en dépend est une erreur temporaire\u{a0}; réessayez plus tard.",
                error.fr()
            ),
        }
    }
}

impl Fr for crate::dns::zone::ZoneErrorKind {
    fn fr(&self) -> String {
        use crate::dns::zone::ZoneErrorKind as K;
        match self {
            K::UnbalancedClose => "une «\u{a0})\u{a0}» sans sa «\u{a0}(\u{a0}»".into(),
            K::UnbalancedOpen => "une «\u{a0}(\u{a0}» jamais refermée".into(),
            K::UnterminatedString => "une chaîne entre guillemets jamais refermée".into(),
            K::EscapeOverflow { value } => format!("l’échappement \\{value} dépasse 255"),
            K::DirectiveWithoutValue { directive } => format!("{directive} attend une valeur"),
            K::BadTtl { value } => {
                format!("$TTL «\u{a0}{value}\u{a0}» n’est pas un nombre de secondes")
            }
            K::UnsupportedDirective { directive } => {
                format!("{directive} n’est pas pris en charge (seulement $ORIGIN et $TTL)")
            }
            K::NoOwner => "l’enregistrement n’a pas de nom".into(),
            K::NoType => "l’enregistrement n’a pas de type".into(),
            K::MissingData { rtype } => format!("l’enregistrement {rtype} n’a pas de données"),
            K::BadData { rtype, value } => {
                format!("«\u{a0}{value}\u{a0}» n’est pas une donnée {rtype} valide")
            }
        }
    }
}
