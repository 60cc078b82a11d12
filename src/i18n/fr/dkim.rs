//! French text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::dkim::record::KeyError;
use crate::dkim::signature::SignatureError;
use crate::i18n::Fr;

impl Fr for SignatureError {
    fn fr(&self) -> String {
        match self {
            SignatureError::MalformedTag { text } => {
                format!("«\u{a0}{text}\u{a0}» n’est pas une paire balise=valeur valide")
            }
            SignatureError::EmptyTagSpec => "deux points-virgules n’ont rien entre eux".into(),
            SignatureError::DuplicateTag { tag } => format!("la balise {tag}= apparaît deux fois"),
            SignatureError::MissingTag { tag } => {
                format!("la balise obligatoire {tag}= est absente")
            }
            SignatureError::BadVersion { version } => {
                format!("v={version} n’est pas la version 1")
            }
            SignatureError::UnknownAlgorithm { value } => format!(
                "a={value} n’est pas un algorithme connu (rsa-sha256, ed25519-sha256, rsa-sha1)"
            ),
            SignatureError::BadCanonicalization { value } => {
                format!("c={value} n’est ni simple ni relaxed")
            }
            SignatureError::UnsupportedQueryMethod { value } => {
                format!("q={value} ne propose pas dns/txt")
            }
            SignatureError::BadBase64 { tag } => format!("{tag}= n’est pas du base64 valide"),
            SignatureError::BadNumber { tag, value } => {
                format!("{tag}={value} n’est pas un nombre valide")
            }
            SignatureError::EmptyTag { tag } => format!("{tag}= est vide"),
            SignatureError::IdentityOutsideDomain { identity, domain } => {
                format!("i={identity} n’est ni dans d={domain} ni dans l’un de ses sous-domaines")
            }
            SignatureError::FromNotSigned => "h= ne contient pas From".into(),
            SignatureError::ExpiresBeforeSigned { t, x } => {
                format!("x={x} n’est pas postérieur à t={t}")
            }
        }
    }
}

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
            Finding::BodyHashMismatch {
                domain,
                selector,
                computed,
                signed,
            } => format!(
                "Le corps du message a changé après sa signature par {domain} (sélecteur «\u{a0}{selector}\u{a0}»)\u{a0}: son empreinte est {computed}, la signature annonce {signed}. Un transfert ou une liste de diffusion l’a sans doute modifié (pied de page, réencodage)."
            ),
            Finding::SignatureMismatch {
                domain,
                selector,
                signed_headers,
            } => format!(
                "La signature DKIM de {domain} (sélecteur «\u{a0}{selector}\u{a0}») n’est pas valide\u{a0}: l’un des champs signés ({}) ou la signature elle-même a changé, ou la clé publiée n’est pas celle qui a signé.",
                signed_headers.join(", ")
            ),
            Finding::KeyNotFound { domain, selector } => format!(
                "Aucune clé DKIM n’est publiée en {selector}._domainkey.{domain}\u{a0}: la signature ne peut pas être vérifiée. La clé a été retirée, ou le sélecteur est faux."
            ),
            Finding::KeyAlgorithmMismatch {
                domain,
                selector,
                algorithm,
                key_type,
            } => format!(
                "La signature de {domain} utilise {algorithm}, mais la clé «\u{a0}{selector}\u{a0}» est de type {key_type}\u{a0}: elles ne vont pas ensemble, la signature échoue."
            ),
            Finding::HashNotAllowed { selector, hash } => format!(
                "La clé «\u{a0}{selector}\u{a0}» n’autorise pas {hash} (sa balise h= l’exclut)\u{a0}: la signature échoue."
            ),
            Finding::KeyNotForEmail { selector } => format!(
                "La clé «\u{a0}{selector}\u{a0}» est réservée à d’autres services que le courriel (balise s=)\u{a0}: la signature échoue."
            ),
            Finding::Expired { domain, x, now } => format!(
                "La signature de {domain} a expiré (x={x}, {} s avant la vérification à {now})\u{a0}: elle n’est pas acceptée.",
                now.saturating_sub(*x)
            ),
            Finding::FutureTimestamp { domain, t, now } => format!(
                "La signature de {domain} est datée dans le futur (t={t}, {} s après la vérification à {now})\u{a0}: l’horloge du signataire est fausse, elle n’est pas acceptée.",
                t.saturating_sub(*now)
            ),
            Finding::IdentityOutsideDomain { identity, domain } => format!(
                "L’identité de signature i={identity} n’est pas dans le domaine signataire d={domain}\u{a0}: la RFC 6376 rend une telle signature invalide."
            ),
            Finding::StrictSubdomainViolated {
                domain,
                selector,
                identity,
            } => format!(
                "La clé «\u{a0}{selector}\u{a0}» de {domain} porte t=s (pas de sous-domaines), mais l’identité {identity} est dans un sous-domaine\u{a0}: la signature échoue."
            ),
            Finding::FromNotSigned { domain } => format!(
                "La signature de {domain} ne couvre pas le champ From, ce que la RFC 6376 exige\u{a0}: elle est invalide."
            ),
            Finding::Sha1Signature { domain, selector } => format!(
                "La signature de {domain} (sélecteur «\u{a0}{selector}\u{a0}») utilise rsa-sha1, que la RFC 8301 interdit aux destinataires d’accepter. Le signataire doit passer à rsa-sha256."
            ),
            Finding::UnsignedImportantHeader { domain, header } => format!(
                "Le champ {header} n’est pas couvert par la signature de {domain}\u{a0}: il a pu être modifié sans la casser."
            ),
            Finding::NotOverSigned { domain, header } => format!(
                "La signature de {domain} ne liste {header} qu’autant de fois qu’il apparaît\u{a0}: un second champ {header} pourrait être ajouté sans la casser. Le signataire peut le lister une fois de plus (sur-signature)."
            ),
            Finding::BodyNotChecked { domain } => format!(
                "Seuls les en-têtes ont été fournis, le corps n’a donc pas été vérifié pour la signature de {domain}\u{a0}: le résultat ne porte que sur la signature des en-têtes."
            ),
            Finding::PartialBody {
                domain,
                signed,
                total,
            } => format!(
                "La signature de {domain} ne couvre que les {signed} premiers octets du corps ({total} en tout, balise l=)\u{a0}: la suite n’est pas signée et a pu être ajoutée."
            ),
            Finding::BodyShorterThanLength {
                domain,
                signed,
                total,
            } => format!(
                "La signature de {domain} couvre {signed} octets de corps (balise l=), mais le corps n’en a que {total}\u{a0}: il a été raccourci, la signature échoue."
            ),
            Finding::DnsTempError {
                domain,
                selector,
                error,
            } => format!(
                "La clé {selector}._domainkey.{domain} n’a pas pu être obtenue\u{a0}: {}. Réessayez plus tard (temperror).",
                error.fr()
            ),
            Finding::SyntaxError { domain, error } if domain.is_empty() => {
                format!(
                    "Un champ DKIM-Signature est illisible\u{a0}: {}.",
                    error.fr()
                )
            }
            Finding::SyntaxError { domain, error } => format!(
                "La DKIM-Signature de {domain} est illisible\u{a0}: {}.",
                error.fr()
            ),
        }
    }
}
