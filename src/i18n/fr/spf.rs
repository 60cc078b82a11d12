//! French text of the `spf` area.

use crate::i18n::Fr;
use crate::spf::evaluate::SpfError;
use crate::spf::finding::Finding;
use crate::spf::record::SyntaxError;

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::NoRecord { domain } => format!(
                "{domain} n’a pas d’enregistrement SPF\u{a0}: les destinataires ne savent pas quels serveurs peuvent envoyer en son nom."
            ),
            Finding::SeveralRecords { domain, count } => format!(
                "{domain} publie {count} enregistrements SPF\u{a0}; les destinataires renvoient alors permerror. Fusionnez-les en un seul."
            ),
            Finding::Syntax { domain, error } => format!(
                "L’enregistrement SPF de {domain} est invalide\u{a0}: {}.",
                error.fr()
            ),
            Finding::TooManyLookups { count } => format!(
                "L’arbre SPF demande {count} requêtes DNS\u{a0}; les destinataires s’arrêtent à 10 et renvoient permerror. Retirez les include inutiles ou remplacez-en par des plages ip4:/ip6:."
            ),
            Finding::TooManyVoidLookups { count } => format!(
                "{count} requêtes SPF ne trouvent rien\u{a0}; les destinataires en tolèrent 2, puis renvoient permerror."
            ),
            Finding::PassAll { domain } => format!(
                "Le SPF de {domain} finit par +all\u{a0}: n’importe qui sur Internet peut envoyer au nom de {domain}. Remplacez-le par ~all ou -all."
            ),
            Finding::NeutralAll { domain } => format!(
                "Le SPF de {domain} finit par ?all\u{a0}: il ne dit rien des autres expéditeurs, il ne protège donc rien."
            ),
            Finding::SoftfailAll { domain } => format!(
                "Le SPF de {domain} finit par ~all (softfail)\u{a0}: bien pendant que vous vérifiez vos expéditeurs\u{a0}; passez à -all quand les rapports DMARC montrent qu’ils passent tous."
            ),
            Finding::NoAll { domain } => format!(
                "Le SPF de {domain} n’a ni terme «\u{a0}all\u{a0}» ni redirect\u{a0}: le courrier des autres serveurs obtient neutral."
            ),
            Finding::PtrUsed { domain } => format!(
                "Le SPF de {domain} utilise ptr, lent et peu fiable\u{a0}; la RFC 7208 demande de ne pas l’employer. Listez plutôt les adresses."
            ),
            Finding::RedirectIgnored { domain } => format!(
                "Le SPF de {domain} a à la fois un terme «\u{a0}all\u{a0}» et redirect=\u{a0}; le redirect ne sert jamais."
            ),
            Finding::TargetWithoutRecord { domain } => format!(
                "{domain}, visé par un include ou un redirect, n’a pas d’enregistrement SPF\u{a0}: les destinataires renvoient permerror."
            ),
            Finding::VoidLookup { term, domain } => format!(
                "«\u{a0}{term}\u{a0}» dans le SPF de {domain} ne trouve rien dans le DNS\u{a0}; retirez-le (plus de 2 tels termes donnent permerror)."
            ),
            Finding::LongRecord { domain, length } => format!(
                "L’enregistrement SPF de {domain} fait {length} octets, plus qu’une chaîne TXT n’en contient (255)\u{a0}: il doit être publié en plusieurs chaînes, que les destinataires recollent sans espace. Vérifiez qu’aucune espace n’a été perdue ou ajoutée aux jointures."
            ),
            Finding::AnswerTooLarge { domain, size } => format!(
                "La réponse TXT de {domain} fait environ {size} octets, plus que les 512 octets d’une réponse DNS UDP simple (RFC 7208 §3.4)\u{a0}: certains destinataires devront réessayer en TCP ou échoueront temporairement. Raccourcissez l’enregistrement SPF ou retirez les autres TXT de ce nom (anciennes vérifications de site)."
            ),
            Finding::Ipv6Missing { domain } => format!(
                "Les serveurs de messagerie de {domain} ont des adresses IPv6, mais son SPF n’autorise aucun expéditeur IPv6\u{a0}: le courrier envoyé en IPv6 échoue SPF."
            ),
            Finding::Dns { name, rtype, error } => format!(
                "La requête {rtype} pour {name} a échoué ({})\u{a0}; la vérification SPF est incomplète.",
                error.fr()
            ),
        }
    }
}

impl Fr for SyntaxError {
    fn fr(&self) -> String {
        match self {
            SyntaxError::NotSpf => "l’enregistrement ne commence pas par v=spf1".into(),
            SyntaxError::UnknownMechanism { term, offset } => {
                format!("«\u{a0}{term}\u{a0}» (au caractère {offset}) n’est pas un mécanisme SPF")
            }
            SyntaxError::BadArgument { term, offset } => format!(
                "«\u{a0}{term}\u{a0}» (au caractère {offset}) a un domaine ou une adresse manquant ou mal formé"
            ),
            SyntaxError::BadCidr { term, offset } => format!(
                "«\u{a0}{term}\u{a0}» (au caractère {offset}) a une longueur de préfixe invalide"
            ),
            SyntaxError::DuplicateModifier { name, offset } => {
                format!("{name}= apparaît une seconde fois (au caractère {offset})")
            }
            SyntaxError::BadMacro { term, offset } => format!(
                "«\u{a0}{term}\u{a0}» (au caractère {offset}) contient une macro mal formée"
            ),
        }
    }
}

impl Fr for SpfError {
    fn fr(&self) -> String {
        match self {
            SpfError::SeveralRecords { domain, count } => format!(
                "{domain} publie {count} enregistrements SPF\u{a0}; il en faut exactement un (permerror)."
            ),
            SpfError::Syntax {
                domain,
                record,
                error,
            } => format!(
                "L’enregistrement SPF de {domain} est invalide\u{a0}: {}. Enregistrement\u{a0}: {record}",
                error.fr()
            ),
            SpfError::TooManyLookups { term } => format!(
                "Plus de 10 requêtes DNS sont nécessaires (à {term})\u{a0}; les destinataires s’arrêtent et renvoient permerror. Aplatissez ou retirez des include."
            ),
            SpfError::TooManyVoidLookups { term } => format!(
                "Plus de 2 requêtes n’ont rien trouvé (à {term})\u{a0}; les destinataires renvoient permerror. Retirez les termes qui visent des noms inexistants."
            ),
            SpfError::TooManyMx { domain } => {
                format!("{domain} a plus de 10 enregistrements MX, la limite du mécanisme mx.")
            }
            SpfError::IncludeWithoutRecord { domain } => {
                format!("include:{domain} vise un domaine sans enregistrement SPF (permerror).")
            }
            SpfError::RedirectWithoutRecord { domain } => {
                format!("redirect={domain} vise un domaine sans enregistrement SPF (permerror).")
            }
            SpfError::Macro { spec } => {
                format!("La macro de «\u{a0}{spec}\u{a0}» ne peut pas être développée.")
            }
            SpfError::Dns { name, rtype, error } => format!(
                "La requête {rtype} pour {name} a échoué\u{a0}: {} (temperror).",
                error.fr()
            ),
        }
    }
}
