//! French text of the `dmarc` area.

use crate::dmarc::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::NoRecord { domain } => format!("{domain} n’a pas d’enregistrement DMARC\u{a0}: les destinataires n’appliquent aucune politique au courrier qui l’usurpe, et vous ne recevez aucun rapport."),
            Finding::SeveralRecords { name, count } => format!("{count} enregistrements DMARC en {name}\u{a0}: les destinataires les ignorent tous. N’en gardez qu’un."),
            Finding::VersionNotFirst => "v=DMARC1 doit être la première balise de l’enregistrement\u{a0}; sinon les destinataires peuvent l’ignorer.".into(),
            Finding::MissingPolicy => "L’enregistrement n’a pas de balise p=\u{a0}: les destinataires le traitent comme p=none.".into(),
            Finding::InvalidValue { tag, value } => format!("{tag}={value} n’est pas une valeur valide\u{a0}; les destinataires ignorent la balise ou l’enregistrement."),
            Finding::UnknownTag { tag } => format!("«\u{a0}{tag}\u{a0}» n’est pas une balise DMARC (RFC 7489, RFC 9989)\u{a0}; elle est ignorée — vérifiez la frappe."),
            Finding::RemovedTag { tag } => format!("{tag}= a été retiré par la RFC 9989 (DMARCbis)\u{a0}; les destinataires qui la suivent l’ignorent."),
            Finding::PolicyNone { domain } => format!("{domain} est en p=none\u{a0}: le courrier qui l’usurpe est seulement signalé, jamais arrêté. Bien pour commencer\u{a0}; passez ensuite à quarantine puis reject."),
            Finding::PartialPct { pct } => format!("pct={pct}\u{a0}: la politique ne s’applique qu’à {pct}\u{a0}% du courrier en échec."),
            Finding::Testing => "t=y\u{a0}: la politique est en mode test\u{a0}; les destinataires en appliquent une plus douce.".into(),
            Finding::NoRua => "Pas d’adresse rua=\u{a0}: vous ne recevez aucun rapport agrégé, vous ne voyez donc pas qui envoie au nom de votre domaine.".into(),
            Finding::WeakerSubdomains { policy, subdomain_policy } => format!("Les sous-domaines ont sp={}, plus faible que p={}\u{a0}: un usurpateur peut se servir de n’importe quel sous-domaine.", subdomain_policy.as_str(), policy.as_str()),
            Finding::ExternalReportsUnauthorised { report_domain, name } => format!("Les rapports partent vers {report_domain}, qui n’a pas accepté de les recevoir\u{a0}: publiez «\u{a0}v=DMARC1\u{a0}» en {name}, sinon les destinataires ne les enverront pas."),
            Finding::Inherited { name } => format!("Pas d’enregistrement sur le domaine lui-même\u{a0}: la politique vient de {name}."),
            Finding::DiscoveryDisagrees { tree_walk, psl } => format!(
                "Les destinataires ne lisent pas la même politique\u{a0}: le parcours DNS de la RFC 9989 mène à {}, la méthode de la RFC 7489 (liste des suffixes publics), que beaucoup suivent encore, à {}. Publiez un enregistrement sur le domaine lui-même pour qu’ils lisent tous le même.",
                tree_walk.as_deref().unwrap_or("aucun enregistrement"),
                psl.as_deref().unwrap_or("aucun enregistrement")
            ),
            Finding::NoFromDomain => "Le message n’a pas d’adresse From utilisable\u{a0}: DMARC ne peut pas être évalué, et beaucoup de destinataires refusent un tel courrier.".into(),
            Finding::SeveralFromDomains { domains } => format!(
                "Le champ From nomme plusieurs domaines ({})\u{a0}: la RFC 7489 permet aux destinataires de refuser le message\u{a0}; Sceau évalue le premier.",
                domains.join(", ")
            ),
            Finding::DnsFailed { name, error } => format!(
                "La recherche DMARC de {name} a échoué ({})\u{a0}: le résultat est une erreur temporaire\u{a0}; réessayez.",
                crate::i18n::Translate::text(error, crate::i18n::Lang::Fr)
            ),
            Finding::OrgDomainsDiffer { psl, tree_walk } => format!(
                "Le domaine organisationnel est {psl} d’après la liste des suffixes publics (RFC 7489) mais {tree_walk} d’après le parcours DNS de la RFC 9989\u{a0}: l’alignement relâché peut être jugé différemment selon les destinataires."
            ),
            Finding::PassNotAligned { method, domain, from, strict } => format!(
                "{} réussit pour {domain}, mais {domain} n’est pas aligné sur le domaine From {from}{}\u{a0}: cela ne compte pas pour DMARC.",
                method.to_uppercase(),
                if *strict { " (l’enregistrement exige un alignement strict\u{a0}: les domaines doivent être identiques)" } else { "" }
            ),
            Finding::FromDomainDoesNotExist { domain } => format!(
                "Le domaine From {domain} n’existe pas dans le DNS\u{a0}: la politique np= s’applique (RFC 9989). Envoyer depuis un sous-domaine inventé est une usurpation classique."
            ),
            Finding::NonExistentSubdomainsOpen { np } => format!(
                "Les noms qui n’existent pas sous ce domaine reçoivent np={}\u{a0}: n’importe qui peut envoyer depuis un sous-domaine inventé sans être rejeté. Ajoutez np=reject (RFC 9989).", np.as_str()
            ),
        }
    }
}
