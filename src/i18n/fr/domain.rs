//! French text of the `domain` area.

use crate::domain::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::NoMx { domain } => format!("{domain} n’a pas d’enregistrement MX\u{a0}: les expéditeurs essaieront son adresse A ou AAAA. Publiez des MX, ou un MX nul («\u{a0}0 .\u{a0}») s’il ne reçoit pas de courrier."),
            Finding::NullMxMixed { domain } => format!("{domain} publie un MX nul à côté d’autres MX\u{a0}; la RFC 7505 exige qu’un MX nul soit seul. Retirez l’un ou les autres."),
            Finding::MxIsIp { host } => format!("L’hôte MX «\u{a0}{host}\u{a0}» est une adresse IP\u{a0}; un MX doit nommer un hôte qui a des enregistrements A ou AAAA."),
            Finding::NoMtaSts { domain } => format!("Pas d’enregistrement MTA-STS en _mta-sts.{domain}\u{a0}: les expéditeurs ne peuvent pas exiger TLS pour vous livrer."),
            Finding::MtaStsBadId { record } => format!("L’enregistrement MTA-STS «\u{a0}{record}\u{a0}» n’a pas d’id valide (1 à 32 lettres et chiffres)\u{a0}; les expéditeurs l’ignoreront."),
            Finding::MtaStsPolicyNotFetched { domain } => format!("La politique MTA-STS https://mta-sts.{domain}/.well-known/mta-sts.txt n’a pas été lue\u{a0}: une page web ne peut pas lire le fichier d’un autre site. Ouvrez cette adresse vous-même pour la vérifier."),
            Finding::NoTlsRpt { domain } => format!("Pas d’enregistrement TLS-RPT en _smtp._tls.{domain}\u{a0}: vous ne recevrez pas de rapports sur les échecs TLS quand d’autres vous livrent."),
            Finding::TlsRptBadRua { rua } => format!("Le rua TLS-RPT «\u{a0}{rua}\u{a0}» n’est pas une liste d’adresses mailto: ou https:."),
            Finding::NoBimi { domain } => format!("Pas d’enregistrement BIMI en default._bimi.{domain} (facultatif\u{a0}: il permet à certaines messageries d’afficher votre logo)."),
            Finding::BimiBadLogo { location } => format!("Le logo BIMI «\u{a0}{location}\u{a0}» doit être un fichier SVG servi en HTTPS."),
            Finding::BimiNoCertificate => "L’enregistrement BIMI n’a pas de certificat (a=)\u{a0}: la plupart des grandes messageries n’affichent un logo qu’avec un certificat VMC ou CMC.".into(),
            Finding::BimiNeedsEnforcement => "Les logos BIMI ne s’affichent que si DMARC est appliqué (p=quarantine ou p=reject).".into(),
            Finding::SeveralRecords { kind, count } => format!("{count} enregistrements {kind} sont publiés là où un seul est permis\u{a0}; les destinataires risquent de tous les ignorer."),
        }
    }
}
