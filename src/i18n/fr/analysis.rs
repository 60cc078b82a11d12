//! Texte français de la zone `analysis` : pourquoi une revérification diffère de ce
//! qu’affirmait le destinataire.

use crate::analysis::recheck::Cause;
use crate::i18n::Fr;

impl Fr for Cause {
    fn fr(&self) -> String {
        match self {
            Cause::Agree => "Même résultat.".into(),
            Cause::NotClaimed => "Le destinataire n’a pas indiqué ce contrôle.".into(),
            Cause::BodyAbsent => "Seuls les en-têtes ont été collés\u{a0}: Sceau a pu vérifier les en-têtes signés mais pas le corps, il ne peut donc pas confirmer la réussite.".into(),
            Cause::KeyRotated { name, age } => format!(
                "La clé en {name} n’est plus publiée (ou est révoquée){}\u{a0}: l’expéditeur a sans doute renouvelé ses clés DKIM depuis la livraison. La signature était valide à la réception si le destinataire l’a dit.",
                age.map(|a| format!(", et le message date d’il y a {}", super::headers::duree(a))).unwrap_or_default()
            ),
            Cause::Modified => "Le contenu signé ne correspond plus\u{a0}: le message a été modifié après la vérification du destinataire (transfert, pied de page, retouche), ou le copier-coller l’a altéré (espaces, retours à la ligne).".into(),
            Cause::SpfChanged => "SPF ne réussit plus pour cette IP\u{a0}: le domaine a changé son enregistrement SPF depuis la livraison.".into(),
            Cause::Forwarded => "Le message a été transféré\u{a0}: SPF échoue pour l’adresse du serveur de transfert, tandis que la chaîne ARC atteste des contrôles faits avant le transfert.".into(),
            Cause::Temporary => "Une requête DNS a échoué temporairement pour Sceau\u{a0}: réessayez.".into(),
            Cause::IpUnknown => "L’IP de connexion n’apparaît pas dans les en-têtes, SPF n’a donc pas pu être revérifié.".into(),
            Cause::FollowsInputs => "DMARC diffère parce que les résultats DKIM ou SPF ci-dessus diffèrent.".into(),
            Cause::Unexplained => "Les résultats diffèrent pour une raison que les en-têtes ne montrent pas (politique locale du destinataire, DNS vu différemment).".into(),
        }
    }
}
