//! Texte français de la zone `input`.

use crate::i18n::Fr;
use crate::input::{InputError, InputNote};

impl Fr for InputError {
    fn fr(&self) -> String {
        match self {
            InputError::Empty => "Il n’y a rien à analyser\u{a0}: collez un message ou ses en-têtes, ou déposez un fichier .eml.".into(),
            InputError::TooLarge { size, limit } => format!(
                "Ce contenu fait {}\u{a0}Mo\u{a0}; les messages de plus de {}\u{a0}Mo ne sont pas analysés ici. Enregistrez le message en .eml sans ses pièces jointes, ou collez seulement ses en-têtes.",
                size / 1_000_000,
                limit / 1_000_000
            ),
            InputError::OutlookMsg => "C’est un fichier Outlook .msg, qui ne contient pas le message tel qu’il a été envoyé. Dans Outlook, ouvrez le message, puis Fichier → Propriétés et copiez les «\u{a0}En-têtes Internet\u{a0}», ou enregistrez-le en .eml (Outlook sur le web\u{a0}: … → Télécharger).".into(),
            InputError::OtherFormat { kind } => format!(
                "C’est un fichier {kind}, pas un message. Les rapports DMARC et TLS se déposent dans l’onglet Rapports."
            ),
            InputError::Binary => "Ce sont des données binaires, pas le texte d’un message. Collez les en-têtes en texte, ou déposez un fichier .eml.".into(),
            InputError::NoHeaders => "Aucun champ d’en-tête trouvé (des lignes comme «\u{a0}From: …\u{a0}» ou «\u{a0}Received: …\u{a0}»). Copiez le message d’origine entier ou ses en-têtes, pas seulement le texte affiché par votre messagerie.".into(),
        }
    }
}

impl Fr for InputNote {
    fn fr(&self) -> String {
        match self {
            InputNote::Reencoded { from } => format!("Le texte a été converti depuis {from}."),
            InputNote::PreambleRemoved { lines } => format!(
                "Les {lines} lignes de résumé au-dessus des en-têtes (page «\u{a0}Afficher l’original\u{a0}» de Gmail) ont été ignorées."
            ),
            InputNote::Dedented { columns } => format!(
                "Chaque ligne était décalée de {columns} caractères\u{a0}; le décalage a été retiré."
            ),
        }
    }
}
