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
            Cause::ReceiverGuess => "Le domaine ne publie pas d’enregistrement SPF\u{a0}; le destinataire a évalué un enregistrement qu’il a lui-même deviné (le «\u{a0}best guess record\u{a0}» de Gmail), sans valeur\u{a0}: selon la RFC 7208, le résultat est none.".into(),
            Cause::Temporary => "Une requête DNS a échoué temporairement pour Sceau\u{a0}: réessayez.".into(),
            Cause::IpUnknown => "L’IP de connexion n’apparaît pas dans les en-têtes, SPF n’a donc pas pu être revérifié.".into(),
            Cause::FollowsInputs => "DMARC diffère parce que les résultats DKIM ou SPF ci-dessus diffèrent.".into(),
            Cause::Unexplained => "Les résultats diffèrent pour une raison que les en-têtes ne montrent pas (politique locale du destinataire, DNS vu différemment).".into(),
        }
    }
}

fn resultat(r: crate::verdict::AuthResult) -> &'static str {
    use crate::verdict::AuthResult as R;
    match r {
        R::Pass => "réussit",
        R::Fail => "échoue",
        R::Softfail => "échoue en douceur (~all)",
        R::Neutral => "est neutre",
        R::None => "ne donne pas de résultat",
        R::Policy => "est refusé par la politique locale",
        R::Temperror => "rencontre une erreur temporaire",
        R::Permerror => "rencontre une erreur permanente",
    }
}

fn traitement(p: crate::dmarc::record::Policy) -> &'static str {
    use crate::dmarc::record::Policy as P;
    match p {
        P::None => "distribué normalement (simple surveillance)",
        P::Quarantine => "mis en quarantaine (dossier des indésirables)",
        P::Reject => "refusé",
    }
}

impl Fr for crate::analysis::story::Story {
    fn fr(&self) -> String {
        use crate::verdict::AuthResult as R;
        let mut out = String::new();
        let from = self.from.as_deref().unwrap_or("un expéditeur inconnu");
        out.push_str(&format!("Envoyé par {from}"));
        if self.hops > 0 {
            out.push_str(&format!(
                ", le message est passé par {} serveur{}",
                self.hops,
                if self.hops > 1 { "s" } else { "" }
            ));
            if let Some(t) = self.total_seconds.filter(|t| *t >= 0) {
                out.push_str(&format!(" en {}", super::headers::duree(t)));
            }
            if let Some(r) = &self.receiver {
                out.push_str(&format!(" avant d’atteindre {r}"));
            }
        }
        out.push('.');
        if let Some(ip) = self.connecting_ip {
            out.push_str(&format!(" Il est entré chez le destinataire depuis {ip}."));
        }
        match (self.dmarc, self.disposition) {
            (Some(R::Pass), _) => out.push_str(" DMARC réussit\u{a0}: l’expéditeur visible est authentifié."),
            (Some(R::Fail), Some(p)) => out.push_str(&format!(
                " DMARC échoue\u{a0}: rien ne prouve l’expéditeur visible, et la politique du domaine demande que le message soit {}.",
                traitement(p)
            )),
            (Some(R::None), _) => out.push_str(" Le domaine de l’expéditeur ne publie pas de politique DMARC\u{a0}: les destinataires décident seuls."),
            (Some(r), _) => out.push_str(&format!(" DMARC {}.", resultat(r))),
            (None, _) => {}
        }
        if let Some(c) = &self.claimed_dmarc {
            out.push_str(&format!(" Le destinataire a noté dmarc={c}."));
        }
        if self.headers_only {
            out.push_str(
                " Seuls les en-têtes ont été collés\u{a0}: le corps n’a pas pu être vérifié.",
            );
        }
        out
    }
}

impl Fr for crate::analysis::story::Step {
    fn fr(&self) -> String {
        use crate::analysis::story::Step;
        use crate::verdict::AuthResult as R;
        match self {
            Step::Spf { result: None, .. } => "Qui peut envoyer (SPF)\u{a0}: l’IP du serveur de connexion est inconnue, SPF n’a donc pas pu être vérifié.".into(),
            Step::Spf { result: Some(r), ip, domain, helo } => format!(
                "Qui peut envoyer (SPF)\u{a0}: {} {} pour {}{}\u{a0}: SPF {}.",
                ip.map(|i| i.to_string()).unwrap_or_default(),
                if *r == R::Pass { "est autorisée à envoyer" } else { "n’est pas montrée autorisée à envoyer" },
                domain.as_deref().unwrap_or("?"),
                if *helo { " (son nom HELO\u{a0}: le message est un retour d’erreur sans expéditeur)" } else { "" },
                resultat(*r)
            ),
            Step::Dkim { signatures } if signatures.is_empty() => "Est-il intact (DKIM)\u{a0}: le message ne porte aucune signature DKIM.".into(),
            Step::Dkim { signatures } => format!(
                "Est-il intact (DKIM)\u{a0}: {}.",
                signatures
                    .iter()
                    .map(|(d, r)| format!("la signature de {d} {}", resultat(*r)))
                    .collect::<Vec<_>>()
                    .join("\u{a0}; ")
            ),
            Step::Alignment { from, dkim, spf } => {
                let from = from.as_deref().unwrap_or("?");
                let part = |name: &str, (d, ok): &(Option<String>, bool)| match (d, ok) {
                    (Some(d), true) => format!("{name} ({d}) lui correspond"),
                    (Some(d), false) => format!("{name} ({d}) ne lui correspond pas ou n’a pas réussi"),
                    (None, _) => format!("{name} n’apporte rien"),
                };
                format!("Le From visible correspond-il (alignement)\u{a0}: le domaine From est {from}\u{a0}; {}, {}.", part("DKIM", dkim), part("SPF", spf))
            }
            Step::Policy { policy: None, domain, .. } => format!("Ce que demande le domaine (politique DMARC)\u{a0}: {} ne publie pas d’enregistrement DMARC.", domain.as_deref().unwrap_or("le domaine de l’expéditeur")),
            Step::Policy { policy: Some(p), domain, tag } => format!(
                "Ce que demande le domaine (politique DMARC)\u{a0}: {} demande que le courrier en échec soit {} ({}={}).",
                domain.as_deref().unwrap_or("?"),
                traitement(*p),
                tag.unwrap_or("p"),
                p.as_str()
            ),
            Step::Decision { result, disposition, pct, testing } => {
                let mut s = match result {
                    R::Pass => "Décision\u{a0}: DMARC réussit\u{a0}; le message est distribué selon son contenu (les filtres antispam s’appliquent toujours).".to_string(),
                    R::Fail => format!("Décision\u{a0}: DMARC échoue\u{a0}; un destinataire qui suit la politique ferait que le message soit {}.", traitement(*disposition)),
                    r => format!("Décision\u{a0}: DMARC {}\u{a0}; le destinataire applique ses propres règles.", resultat(*r)),
                };
                if let Some(p) = pct {
                    s.push_str(&format!(" La politique ne couvre que {p}\u{a0}% du courrier en échec (pct=)\u{a0}; le reste reçoit le traitement plus doux suivant."));
                }
                if *testing {
                    s.push_str(" L’enregistrement est en mode test (t=y)\u{a0}: les destinataires appliquent un cran plus doux.");
                }
                s
            }
        }
    }
}
