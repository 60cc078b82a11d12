//! French text of the `arc` area.

use crate::arc::finding::Finding;
use crate::arc::signature::ArcSyntax;
use crate::i18n::Fr;

impl Fr for ArcSyntax {
    fn fr(&self) -> String {
        match self {
            ArcSyntax::Tags { error } => error.fr(),
            ArcSyntax::BadInstance { value } if value.is_empty() => {
                "la balise d’instance i= est absente".into()
            }
            ArcSyntax::BadInstance { value } => {
                format!("l’instance «\u{a0}{value}\u{a0}» n’est pas un nombre de 1 à 50")
            }
            ArcSyntax::BadAlgorithm { value } => {
                format!("a={value} n’est ni rsa-sha256 ni ed25519-sha256")
            }
            ArcSyntax::BadDomain { value } => format!("d={value} n’est pas un nom de domaine"),
            ArcSyntax::BadChainValue { value } => {
                format!("cv={value} n’est ni none, ni pass, ni fail")
            }
            ArcSyntax::SealWithHeaderList => "un ARC-Seal ne doit pas avoir de balise h=".into(),
            ArcSyntax::SignsSeal => {
                "un ARC-Message-Signature ne doit pas signer de champs ARC-Seal".into()
            }
        }
    }
}

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::BadInstance { header, error } => format!(
                "Un champ {header} ne peut pas être placé dans la chaîne ARC\u{a0}: {}.",
                error.fr()
            ),
            Finding::MissingHeader { instance, header } => format!(
                "L’ensemble ARC {instance} n’a pas de champ {header}\u{a0}: la chaîne est rompue."
            ),
            Finding::DuplicateHeader { instance, header } => format!(
                "L’ensemble ARC {instance} a plusieurs champs {header}\u{a0}: la chaîne est invalide."
            ),
            Finding::Syntax {
                instance,
                header,
                error,
            } => format!(
                "Le {header} de l’ensemble ARC {instance} est illisible\u{a0}: {}.",
                error.fr()
            ),
            Finding::ChainMarkedFailed { instance } => format!(
                "Le dernier sceau ARC (ensemble {instance}) indique que la chaîne avait déjà échoué (cv=fail)."
            ),
            Finding::WrongChainValue {
                instance,
                expected,
                found,
            } => format!(
                "Le sceau ARC de l’ensemble {instance} indique cv={} là où cv={} est exigé\u{a0}: la chaîne est invalide.",
                found.as_str(),
                expected.as_str()
            ),
            Finding::BodyHashMismatch { instance, domain } => format!(
                "Le corps a changé après l’ajout de l’ensemble ARC {instance} par {domain}\u{a0}: sa signature de message échoue."
            ),
            Finding::MessageSignatureInvalid { instance, domain } => format!(
                "La signature de message ARC de {domain} (ensemble {instance}) n’est pas valide\u{a0}: les champs signés ont changé depuis son ajout."
            ),
            Finding::OlderMessageSignatureInvalid { instance, domain } => format!(
                "L’ancienne signature de message ARC de {domain} (ensemble {instance}) n’est plus valide\u{a0}: un intermédiaire ultérieur a modifié le message, ce qu’ARC permet."
            ),
            Finding::SealInvalid { instance, domain } => format!(
                "Le sceau ARC de {domain} (ensemble {instance}) n’est pas valide\u{a0}: les champs ARC ont été altérés."
            ),
            Finding::KeyNotFound {
                instance,
                domain,
                selector,
            } => format!(
                "Aucune clé n’est publiée en {selector}._domainkey.{domain} pour l’ensemble ARC {instance}\u{a0}: il ne peut pas être vérifié."
            ),
            Finding::KeyUnusable {
                instance,
                domain,
                selector,
                error,
                bits,
            } => match (error, bits) {
                (Some(e), _) => format!(
                    "La clé {selector}._domainkey.{domain} de l’ensemble ARC {instance} est inutilisable\u{a0}: {}.",
                    e.fr()
                ),
                (None, Some(b)) => format!(
                    "La clé {selector}._domainkey.{domain} de l’ensemble ARC {instance} ne peut pas servir ({b} bits, ou pas du type de la signature)."
                ),
                (None, None) => format!(
                    "La clé {selector}._domainkey.{domain} de l’ensemble ARC {instance} est révoquée."
                ),
            },
            Finding::DnsError {
                instance,
                domain,
                selector,
                error,
            } => format!(
                "La clé {selector}._domainkey.{domain} de l’ensemble ARC {instance} n’a pas pu être obtenue\u{a0}: {}.",
                error.fr()
            ),
        }
    }
}
