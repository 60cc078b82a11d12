//! French text of the `spf` area.

use crate::i18n::Fr;
use crate::spf::evaluate::SpfError;
use crate::spf::finding::Finding;
use crate::spf::record::SyntaxError;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
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
