//! French text of the antispam meanings (`headers::antispam`).

use crate::headers::antispam::{
    AuthAs, Cat, CompAuthReason, Direction, Ipv, Meaning, Sfty, Sfv, Srv,
};
use crate::i18n::Fr;

/// A number with a decimal comma (`7,5`).
fn num(x: f64) -> String {
    x.to_string().replace('.', ",")
}

impl Fr for Meaning {
    fn fr(&self) -> String {
        match self {
            // Voir i18n/en/antispam.rs pour les sources et leurs divergences.
            Meaning::Scl(n) => match n {
                -1 => "SCL -1\u{a0}: le filtrage antispam a été sauté (par exemple expéditeur approuvé, destinataire approuvé, ou serveur source dans la liste d’adresses IP autorisées)\u{a0}; remis dans la boîte de réception.".into(),
                0 | 1 => format!("SCL {n}\u{a0}: le filtrage antispam a jugé que ce n’est pas du spam\u{a0}; remis dans la boîte de réception."),
                2..=4 => format!("SCL {n}\u{a0}: le filtrage antispam de Microsoft 365 ne pose jamais ce niveau\u{a0}; une règle de flux ou un autre système l’a posé. Il est sous les niveaux de spam."),
                5 | 6 => format!("SCL {n}\u{a0}: spam. Par défaut, remis dans le dossier Courrier indésirable\u{a0}; la stratégie prédéfinie Stricte le met en quarantaine."),
                7 => "SCL 7\u{a0}: spam à haut niveau de confiance. Le filtrage antispam pose rarement 7 lui-même\u{a0}: c’est en général l’évaluation d’un analyste, un échec DMARC ou une règle de flux. Par défaut, remis dans le dossier Courrier indésirable\u{a0}; les stratégies prédéfinies Standard et Stricte le mettent en quarantaine.".into(),
                8 | 9 => format!("SCL {n}\u{a0}: spam à haut niveau de confiance. Par défaut, remis dans le dossier Courrier indésirable\u{a0}; les stratégies prédéfinies Standard et Stricte le mettent en quarantaine."),
                _ => format!("SCL {n}\u{a0}: hors de la plage documentée (-1 à 9)."),
            },
            Meaning::Bcl(n) => match n {
                0 => "BCL 0\u{a0}: ne vient pas d’un expéditeur de masse.".into(),
                1..=3 => format!("BCL {n}\u{a0}: vient d’un expéditeur de masse qui suscite peu de plaintes\u{a0}; sous tous les seuils de courrier en nombre par défaut."),
                4 => "BCL 4\u{a0}: vient d’un expéditeur de masse qui suscite un nombre moyen de plaintes\u{a0}; sous tous les seuils par défaut (7 pour la stratégie par défaut, 6 pour la stratégie prédéfinie Standard, 5 pour la Stricte).".into(),
                5 => "BCL 5\u{a0}: vient d’un expéditeur de masse qui suscite un nombre moyen de plaintes\u{a0}; traité comme courrier en nombre par la stratégie prédéfinie Stricte (seuil 5), pas par la Standard (6) ni par la stratégie par défaut (7).".into(),
                6 => "BCL 6\u{a0}: vient d’un expéditeur de masse qui suscite un nombre moyen de plaintes\u{a0}; traité comme courrier en nombre par les stratégies prédéfinies Standard et Stricte (seuils 6 et 5), pas par la stratégie par défaut (7).".into(),
                7 => "BCL 7\u{a0}: vient d’un expéditeur de masse qui suscite un nombre moyen de plaintes\u{a0}; traité comme courrier en nombre par la stratégie par défaut (seuil 7) et par les deux stratégies prédéfinies.".into(),
                8 | 9 => format!("BCL {n}\u{a0}: vient d’un expéditeur de masse qui suscite beaucoup de plaintes\u{a0}; traité comme courrier en nombre par la stratégie par défaut et par les deux stratégies prédéfinies."),
                _ => format!("BCL {n}\u{a0}: hors de la plage documentée (0 à 9)."),
            },
            Meaning::Pcl(n) => match n {
                -9990 => "PCL -9990\u{a0}: Exchange Online Protection a jugé que le contenu est probablement de l’hameçonnage (valeur que Microsoft 365 ne documente plus).".into(),
                0..=3 => format!("PCL {n}\u{a0}: le contenu n’est probablement pas de l’hameçonnage («\u{a0}Neutral\u{a0}» pour Exchange\u{a0}; niveau que Microsoft 365 ne documente plus)."),
                4..=8 => format!("PCL {n}\u{a0}: le contenu est probablement de l’hameçonnage («\u{a0}Suspicious\u{a0}» pour Exchange\u{a0}; niveau que Microsoft 365 ne documente plus)."),
                _ => format!("PCL {n}\u{a0}: hors de la plage documentée (0 à 8)."),
            },
            Meaning::SpamFilterVerdict(v) => v.fr(),
            Meaning::Category(c) => c.fr(),
            Meaning::ServiceVerdict(Srv::Bulk) => {
                "Reconnu comme courrier en nombre\u{a0}: son niveau de plaintes a atteint le seuil de la stratégie antispam. Si le réglage MarkAsSpamBulkMail de la stratégie est actif (c’est le cas par défaut), le courrier en nombre est traité comme du spam.".into()
            }
            Meaning::ServiceVerdict(Srv::Other(v)) => {
                format!("Verdict de service «\u{a0}{v}\u{a0}», que Microsoft ne documente pas.")
            }
            Meaning::Direction(d) => d.fr(),
            Meaning::Country(c) => format!("L’adresse IP de connexion est située dans le pays {c}."),
            Meaning::Language(l) => format!("Microsoft a détecté la langue du message\u{a0}: «\u{a0}{l}\u{a0}»."),
            Meaning::ConnectingIp(ip) => {
                format!("Le serveur qui s’est connecté à Microsoft 365 avait l’adresse {ip}.")
            }
            Meaning::IpFilter(Ipv::Cal) => "L’adresse IP de connexion figure dans la liste d’adresses IP autorisées du filtre de connexion de l’organisation\u{a0}: le filtrage antispam a été sauté.".into(),
            Meaning::IpFilter(Ipv::Nli) => "L’adresse IP de connexion ne figure sur aucune liste de réputation.".into(),
            Meaning::IpFilter(Ipv::Other(v)) => {
                format!("Résultat du filtre de connexion «\u{a0}{v}\u{a0}», que Microsoft ne documente pas.")
            }
            Meaning::Helo(h) => format!("Le serveur de connexion s’est présenté (HELO/EHLO) comme {h}."),
            Meaning::ReverseDns(p) => format!("Le nom DNS inverse de l’adresse IP de connexion est {p}."),
            Meaning::SafetyTip(s) => s.fr(),
            Meaning::FilterRules => "Identifiants de règles internes à Microsoft\u{a0}: non documentés, on ne peut rien en lire.".into(),
            Meaning::AuthAs(a) => a.fr(),
            Meaning::CompAuth(r) => r.fr(),
            Meaning::SpamVerdict(true) => "Le filtre a classé le message comme spam.".into(),
            Meaning::SpamVerdict(false) => "Le filtre a classé le message comme légitime.".into(),
            Meaning::SpamFlag(true) => "Le filtre a signalé le message comme spam.".into(),
            Meaning::SpamFlag(false) => "Le filtre n’a pas signalé le message comme spam.".into(),
            Meaning::SpamScore(x) => format!("Score de spam {}\u{a0}: plus il est haut, plus le message ressemble à du spam\u{a0}; comparez-le au seuil.", num(*x)),
            Meaning::SpamThreshold(x) => format!("Seuil {}\u{a0}: à partir de ce score, le filtre considère le message comme du spam.", num(*x)),
            Meaning::SpamLevel(n) => format!("Niveau de spam {n}\u{a0}: une étoile par point de score."),
            Meaning::SpamTests(tests) if tests.is_empty() => "Aucune règle du filtre ne s’est déclenchée.".into(),
            Meaning::SpamTests(tests) => format!("Règles déclenchées\u{a0}: {}.", tests.join(", ")),
            Meaning::SpamRule { points, rule, description } => {
                if *points > 0.0 {
                    format!("{rule} a ajouté {} points\u{a0}: {description}", num(*points))
                } else if *points < 0.0 {
                    format!("{rule} a retiré {} points, en faveur du message\u{a0}: {description}", num(-points))
                } else {
                    format!("{rule} s’est déclenchée pour information, 0 point\u{a0}: {description}")
                }
            }
            Meaning::Autolearn(v) => format!("Apprentissage automatique\u{a0}: {v} (si le filtre bayésien a appris de ce message)."),
            Meaning::FilterVersion(v) => format!("Version du filtre {v}."),
            Meaning::GoogleOpaque => "Données internes à Google, opaques\u{a0}: on ne peut rien en lire.".into(),
            Meaning::Empty => "Aucune valeur.".into(),
            Meaning::Unknown => "Une valeur que Sceau ne sait pas lire\u{a0}; affichée telle quelle.".into(),
        }
    }
}

impl Fr for Sfv {
    fn fr(&self) -> String {
        match self {
            Sfv::Blk => "L’expéditeur figure dans la liste des expéditeurs bloqués du destinataire\u{a0}: filtrage sauté, message traité comme spam (dossier Courrier indésirable ou quarantaine, selon l’action de la stratégie antispam pour le spam).".into(),
            Sfv::Nspm => "Le filtrage antispam a jugé que le message n’est pas du spam\u{a0}; remis aux destinataires.".into(),
            Sfv::Sfe => "Filtrage sauté, message laissé passer\u{a0}: l’expéditeur figure dans la liste des expéditeurs approuvés du destinataire.".into(),
            Sfv::Ska => "Filtrage antispam sauté, message remis dans la boîte de réception\u{a0}: l’expéditeur figure dans une liste d’expéditeurs ou de domaines autorisés d’une stratégie antispam.".into(),
            Sfv::Skb => "Marqué comme spam\u{a0}: l’expéditeur figure dans une liste d’expéditeurs ou de domaines bloqués d’une stratégie antispam.".into(),
            Sfv::Ski => "Filtrage antispam sauté. La page actuelle de Microsoft dit que l’adresse IP source figure dans la liste d’adresses IP autorisées du filtre de connexion\u{a0}; ses versions plus anciennes parlaient d’une autre raison, comme du courrier interne à l’organisation.".into(),
            Sfv::Skn => "Marqué comme légitime avant le filtrage antispam, par une règle de flux Exchange (par exemple une règle qui pose SCL -1 ou contourne le filtrage antispam).".into(),
            Sfv::Skq => "Le message a été libéré de la quarantaine et remis aux destinataires.".into(),
            Sfv::Sks => "Marqué comme spam avant le filtrage antispam, par une règle de flux Exchange qui a posé le SCL ou par Exchange sur site en déploiement hybride\u{a0}; Microsoft 365 ne l’indique que s’il a suivi cette demande.".into(),
            Sfv::Spm => "Le filtrage antispam a marqué le message comme spam.".into(),
            Sfv::Other(v) => format!("Verdict du filtre «\u{a0}{v}\u{a0}», que Microsoft ne documente pas."),
        }
    }
}

impl Fr for Cat {
    fn fr(&self) -> String {
        let what = match self {
            Cat::Amp => "l’anti-programme malveillant",
            Cat::Bimp => "l’usurpation de marque (Defender pour Office 365)",
            Cat::Bulk => "le courrier en nombre",
            Cat::Dimp => "l’usurpation de domaine (Defender pour Office 365)",
            Cat::Ftbp => {
                "le filtre anti-programme malveillant des pièces jointes courantes (type de fichier bloqué)"
            }
            Cat::Gimp => {
                "l’usurpation détectée par l’intelligence des boîtes aux lettres (Defender pour Office 365)"
            }
            Cat::Hphish => "l’hameçonnage à haut niveau de confiance",
            Cat::Hspm => "le spam à haut niveau de confiance",
            Cat::Intos => "l’hameçonnage interne à l’organisation",
            Cat::Malw => "les programmes malveillants",
            Cat::Ospm => "le spam sortant",
            Cat::Phsh => "l’hameçonnage",
            Cat::Sap => "les pièces jointes fiables (Defender pour Office 365)",
            Cat::Spm => "le spam",
            Cat::Spoof => "l’usurpation d’expéditeur",
            Cat::Uimp => "l’usurpation d’utilisateur (Defender pour Office 365)",
            Cat::None => {
                return "Aucune stratégie de protection appliquée\u{a0}: rien n’a été détecté."
                    .into();
            }
            Cat::Other(v) => {
                return format!("Catégorie «\u{a0}{v}\u{a0}», que Microsoft ne documente pas.");
            }
        };
        format!("La stratégie de protection contre {what} a été appliquée.")
    }
}

impl Fr for Direction {
    fn fr(&self) -> String {
        match self {
            Direction::Inbound => "Entrant\u{a0}: venu de l’extérieur de l’organisation.".into(),
            Direction::Outbound => "Sortant\u{a0}: envoyé par l’organisation.".into(),
            Direction::Internal => {
                "Interne\u{a0}: entre boîtes aux lettres de l’organisation.".into()
            }
            Direction::Other(v) => {
                format!("Sens «\u{a0}{v}\u{a0}», que Microsoft ne documente pas.")
            }
        }
    }
}

impl Fr for Sfty {
    fn fr(&self) -> String {
        match self {
            Sfty::Phishing => "Conseil de sécurité 9.1\u{a0}: reconnu comme hameçonnage (lien ou autre contenu d’hameçonnage, ou marqué ainsi par Exchange sur site). Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::IntraOrgSpoof => "Conseil de sécurité 9.11\u{a0}: usurpation interne\u{a0}: le message a échoué aux contrôles anti-usurpation alors que son domaine From est celui du destinataire ou appartient à la même organisation. Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::DomainImpersonation => "Conseil de sécurité 9.19\u{a0}: usurpation de domaine\u{a0}: le domaine expéditeur tente de se faire passer pour un domaine protégé.".into(),
            Sfty::UserImpersonation => "Conseil de sécurité 9.20\u{a0}: usurpation d’utilisateur\u{a0}: l’expéditeur tente de se faire passer pour un utilisateur de l’organisation du destinataire ou pour un utilisateur protégé d’une stratégie anti-hameçonnage.".into(),
            Sfty::CrossDomainSpoof => "Conseil de sécurité 9.21\u{a0}: usurpation d’un domaine externe\u{a0}: le domaine From est externe et ne s’authentifie pas (voir compauth). Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::SpoofSafeSenderOverridden => "Conseil de sécurité 9.22\u{a0}: usurpation d’un domaine externe, et l’entrée du destinataire pour cet expéditeur dans ses expéditeurs approuvés a été ignorée. Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::SpoofOrgAllowOverridden => "Conseil de sécurité 9.23\u{a0}: usurpation d’un domaine externe, et un expéditeur ou domaine autorisé par l’organisation a été ignoré. Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::SpoofMailFlowRuleOverridden => "Conseil de sécurité 9.24\u{a0}: usurpation d’un domaine externe, et une règle de flux Exchange a été ignorée. Valeur que Microsoft a retirée de sa page actuelle.".into(),
            Sfty::FirstContact => "Conseil de sécurité 9.25\u{a0}: premier contact\u{a0}: le destinataire reçoit rarement, ou jamais, de courrier de cet expéditeur. Cela peut signaler de l’hameçonnage, sans que ce soit certain.".into(),
            Sfty::Other(v) => format!("Conseil de sécurité «\u{a0}{v}\u{a0}», que Microsoft ne documente pas."),
        }
    }
}

impl Fr for AuthAs {
    fn fr(&self) -> String {
        match self {
            AuthAs::Anonymous => "Reçu sans authentification, depuis Internet.".into(),
            AuthAs::Internal => "Envoyé depuis l’organisation, authentifié.".into(),
            AuthAs::Partner => {
                "Reçu par un connecteur partenaire (sécurisé avec un domaine partenaire).".into()
            }
            AuthAs::Other(v) => {
                format!("Authentification «\u{a0}{v}\u{a0}», que Microsoft ne documente pas.")
            }
        }
    }
}

/// Sens documenté d’un code de raison compauth (voir `i18n/en/antispam.rs`).
fn compauth_code(n: u16) -> Option<&'static str> {
    Some(match n {
        100 => "SPF ou DKIM a réussi, avec un domaine aligné sur le domaine From",
        101 => "le message est signé DKIM par le domaine From",
        102 => "SPF a réussi et le domaine MAIL FROM est aligné sur le domaine From",
        103 | 104 => {
            "le domaine From est aligné sur le nom PTR (DNS inverse) de l’adresse IP source"
        }
        108 => {
            "DKIM a échoué parce qu’un relais antérieur et légitime a modifié le corps (par exemple les serveurs sur site de l’organisation)"
        }
        109 => "le domaine From n’a pas d’enregistrement DMARC, mais le message réussirait",
        111 => {
            "DMARC a donné une erreur temporaire ou permanente, mais le domaine SPF ou DKIM est aligné sur le domaine From"
        }
        112 => "un délai DNS dépassé a empêché de lire l’enregistrement DMARC",
        115 => {
            "envoyé depuis une organisation Microsoft 365 où le domaine From est un domaine accepté"
        }
        116 => {
            "l’enregistrement MX du domaine From est aligné sur le nom PTR de l’adresse IP de connexion"
        }
        130 => "le résultat ARC d’un scelleur ARC de confiance a levé l’échec DMARC",
        201 => {
            "l’enregistrement PTR du domaine From est dans le même sous-réseau que celui de l’adresse IP de connexion"
        }
        202 => {
            "le domaine From est aligné sur le domaine de l’enregistrement PTR de l’adresse IP de connexion"
        }
        501 => {
            "le message est un avis de non-remise valide, et l’expéditeur et le destinataire ont déjà été en contact"
        }
        502 => {
            "le message est un avis de non-remise valide pour un message envoyé depuis cette organisation"
        }
        601 => {
            "le domaine expéditeur est l’un des domaines acceptés de l’organisation (usurpation de soi-même ou interne)"
        }
        701..=704 => {
            "DMARC n’a pas été appliqué, car l’organisation reçoit depuis longtemps du courrier légitime de cette infrastructure d’envoi"
        }
        905 => {
            "DMARC n’a pas été appliqué à cause d’un acheminement complexe (par exemple du courrier d’Internet qui passe par Exchange sur site ou un autre service avant Microsoft 365)"
        }
        _ => return None,
    })
}

/// La phrase de la classe, le code, puis son sens documenté, ou la mention qu’il ne l’est
/// pas.
fn with_code(what: &str, n: u16) -> String {
    match compauth_code(n) {
        Some(detail) => format!("{what} ({n})\u{a0}: {detail}."),
        None => format!("{what} ({n}\u{a0}; code que Microsoft ne documente pas)."),
    }
}

impl Fr for CompAuthReason {
    fn fr(&self) -> String {
        match self {
            CompAuthReason::ExplicitFail => "L’authentification composite a échoué explicitement (000)\u{a0}: DMARC a échoué et la politique du domaine est quarantine ou reject.".into(),
            CompAuthReason::ImplicitFail => "L’authentification composite a échoué implicitement (001)\u{a0}: le domaine expéditeur ne publie pas d’enregistrements d’authentification, ou de trop faibles (SPF softfail ou neutral, DMARC p=none).".into(),
            CompAuthReason::ProhibitedSpoof => "L’organisation interdit à ce couple expéditeur et domaine d’envoyer du courrier usurpé (002, réglé par un administrateur).".into(),
            CompAuthReason::IntraOrgDmarcFail => "DMARC a échoué avec quarantine ou reject, et le domaine expéditeur est l’un des domaines acceptés de l’organisation (010, usurpation de soi-même ou interne).".into(),
            CompAuthReason::Pass(n) => with_code("L’authentification composite a réussi, explicitement ou implicitement", *n),
            CompAuthReason::SoftPass(n) => with_code("L’authentification composite a réussi faiblement (authentification implicite)", *n),
            CompAuthReason::NotChecked(n) => format!("L’authentification composite n’a pas été vérifiée ({n})."),
            CompAuthReason::Bypassed(n) => with_code("L’authentification composite a été contournée", *n),
            CompAuthReason::NdrNotEnforced(n) => with_code("DMARC n’a pas été appliqué", *n),
            CompAuthReason::ImplicitFailCode(n) => with_code("L’authentification composite a échoué implicitement", *n),
            CompAuthReason::ImplicitPass(n) => with_code("L’authentification composite a réussi implicitement", *n),
            CompAuthReason::Other(v) => format!("compauth {v}\u{a0}: pas de code de raison documenté."),
        }
    }
}
