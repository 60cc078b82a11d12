//! Texte français de la zone `headers`.

use crate::headers::finding::Finding;
use crate::i18n::Fr;

/// Un nombre, les milliers séparés par une espace fine insécable.
pub(crate) fn n(n: usize) -> String {
    crate::i18n::text::grouped(n, '\u{202f}')
}

/// « 3 h 05 min », « 12 s » : une durée lisible.
pub(crate) fn duree(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=119 => format!("{s}\u{a0}s"),
        120..=7199 => format!("{}\u{a0}min", s / 60),
        7200..=172_799 => format!("{}\u{a0}h\u{a0}{:02}\u{a0}min", s / 3600, (s % 3600) / 60),
        _ => format!("{}\u{a0}jours", s / 86_400),
    }
}

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::BodyAbsent => "Seuls les en-têtes ont été collés\u{a0}: les signatures DKIM sont vérifiées sur les en-têtes qu’elles signent, mais pas sur le corps. Collez le message entier pour une vérification complète.".into(),
            Finding::NoFrom => "Le message n’a pas de champ From\u{a0}: la RFC 5322 l’exige, et DMARC ne peut pas protéger un message qui n’en a pas.".into(),
            Finding::SeveralFrom { count } => format!("Le message a {count} adresses From\u{a0}: la plupart des destinataires refusent ces messages, et DMARC ne sait pas laquelle vérifier."),
            Finding::NoDate => "Le message n’a pas de champ Date, que la RFC 5322 exige\u{a0}; certains filtres le comptent contre le message.".into(),
            Finding::BadDate { value } => format!("Le champ Date «\u{a0}{value}\u{a0}» ne se lit pas comme une date."),
            Finding::NoMessageId => "Le message n’a pas de Message-ID\u{a0}: c’est en général le signe d’un logiciel d’envoi mal configuré\u{a0}; les filtres le comptent contre le message.".into(),
            Finding::ReplyToOtherDomain { reply_to, from } => format!("Les réponses partent vers {reply_to}, pas vers le domaine de l’expéditeur {from}. Normal pour certaines lettres d’information et certains services d’assistance, mais aussi un classique de la fraude\u{a0}: vérifiez que vous vous y attendiez."),
            Finding::ReturnPathOtherDomain { return_path, from } => format!("Les retours d’erreur partent vers {return_path}, pas vers {from}\u{a0}: le message a été envoyé par un prestataire (SPF est vérifié pour {return_path}). DMARC repose alors sur DKIM, ou sur l’alignement SPF si le prestataire permet un domaine de retour personnalisé."),
            Finding::DisplayNameAddress { shown, actual } => format!("Le nom de l’expéditeur affiche l’adresse {shown}, mais le message vient de {actual}\u{a0}: une façon courante d’usurper une identité."),
            Finding::NoReceived => "Il n’y a aucun champ Received\u{a0}: ce n’est pas un message tel que livré (un brouillon, ou seulement une copie du texte), son trajet ne peut donc pas être montré.".into(),
            Finding::TooManyHops { total, analysed } => format!("Le message a {} champs Received, bien au-delà des 100 que la RFC 5321 considère déjà comme une boucle\u{a0}: il a tourné en boucle, ou les champs ont été fabriqués. Seuls les {} plus proches du destinataire sont montrés et vérifiés.", n(*total), n(*analysed)),
            Finding::TooManySignatures { total, verified } => format!("Le message a {} signatures DKIM\u{a0}; aucun vrai message n’en porte autant. Seules les {} premières (les plus hautes) sont vérifiées, comme la RFC 6376 le permet, pour que la vérification reste rapide.", n(*total), n(*verified)),
            Finding::UnparsedHop { hop } => format!("L’étape {hop} n’a pas pu être entièrement lue\u{a0}; elle est montrée telle qu’écrite."),
            Finding::UnparsedDate { hop } => format!("La date de l’étape {hop} ne se lit pas\u{a0}: les délais autour d’elle sont inconnus."),
            Finding::NegativeDelay { hop, seconds } => format!("L’étape {hop} est datée de {} avant la précédente\u{a0}: les horloges des deux serveurs ne sont pas d’accord (ce n’est pas un délai).", duree(*seconds)),
            Finding::LongDelay { hop, seconds } => format!("L’étape {hop} a pris {}\u{a0}: le message a attendu dans une file (liste grise, serveur chargé ou nouvel essai après une erreur).", duree(*seconds)),
            Finding::UntrustedAuthResults { authserv_id } => format!("Un champ Authentication-Results a été écrit par {}, pas par le destinataire\u{a0}: n’importe quel serveur du trajet a pu l’écrire, il n’est donc montré que comme une affirmation.", if authserv_id.is_empty() { "un serveur sans nom" } else { authserv_id }),
            Finding::NoAuthResults => "Aucun champ Authentication-Results\u{a0}: le destinataire n’a pas noté ses vérifications dans le message. Sceau les refait lui-même.".into(),
            Finding::ConnectingIpDiffers { received, claimed } => format!("La chaîne Received désigne {received} comme serveur de connexion, mais les résultats du destinataire nomment {claimed}. Sceau retient {claimed}."),
            Finding::ConnectingIpUnknown => "L’adresse IP du serveur qui a remis le message au destinataire n’apparaît pas dans les en-têtes\u{a0}: SPF ne peut pas être revérifié.".into(),
            Finding::HiddenCharacters { field, characters } => format!("Le champ {field} contient des caractères invisibles ou qui changent le sens de lecture ({})\u{a0}: ce qu’affiche votre messagerie n’est pas ce qui est écrit — une ruse pour déguiser une adresse ou un nom de fichier. Ils sont montrés ici sous la forme ⟨U+…⟩.", characters.join(", ")),
            Finding::NoOneClickUnsubscribe => "Le message a un lien List-Unsubscribe mais pas de List-Unsubscribe-Post\u{a0}: le désabonnement en un clic (RFC 8058), que Gmail et Yahoo exigent des expéditeurs en masse, manque.".into(),
        }
    }
}
