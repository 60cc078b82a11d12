//! French text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::dkim::record::KeyError;
use crate::i18n::Fr;

impl Fr for KeyError {
    fn fr(&self) -> String {
        match self {
            KeyError::BadVersion { version } => format!("v={version} n’est pas DKIM1"),
            KeyError::NoKey => "il n’y a pas de balise p=".into(),
            KeyError::BadBase64 => "p= n’est pas du base64 valide".into(),
            KeyError::NotAKey { key_type } => {
                format!("p= ne contient pas de clé publique {key_type}")
            }
            KeyError::UnknownKeyType { key_type } => {
                format!("k={key_type} n’est pas un type de clé connu")
            }
        }
    }
}

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::KeyTooShort { selector, bits } => format!(
                "La clé DKIM «\u{a0}{selector}\u{a0}» ne fait que {bits} bits\u{a0}: les destinataires doivent rejeter les signatures faites avec des clés RSA de moins de 1024 bits (RFC 8301). Publiez une clé de 2048 bits."
            ),
            Finding::WeakKey { selector, bits } => format!(
                "La clé DKIM «\u{a0}{selector}\u{a0}» fait {bits} bits\u{a0}: encore acceptée, mais 2048 bits sont recommandés. Prévoyez une rotation."
            ),
            Finding::TestingMode { selector } => format!(
                "La clé DKIM «\u{a0}{selector}\u{a0}» est marquée t=y (test)\u{a0}: certains destinataires ignorent ses résultats. Retirez t=y quand la signature fonctionne."
            ),
            Finding::KeyRevoked { selector } => format!(
                "La clé DKIM «\u{a0}{selector}\u{a0}» est révoquée (p= vide)\u{a0}: les signatures faites avec elle échouent."
            ),
            Finding::Sha1Only { selector } => format!(
                "La clé DKIM «\u{a0}{selector}\u{a0}» n’autorise que SHA-1 (h=sha1), que la RFC 8301 interdit\u{a0}: ses signatures échouent. Retirez h= ou mettez h=sha256."
            ),
            Finding::BadKey { selector, error } => format!(
                "L’enregistrement de clé DKIM «\u{a0}{selector}\u{a0}» est inutilisable\u{a0}: {}.",
                error.fr()
            ),
        }
    }
}
