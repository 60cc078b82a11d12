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

impl Fr for crate::domain::steps::NextStep {
    fn fr(&self) -> String {
        use crate::domain::steps::NextStep as S;
        match self {
            S::InventorySenders => "Listez chaque service qui envoie du courrier au nom de ce domaine (votre serveur, l’outil d’infolettre, le CRM, la facturation, le support…)\u{a0}: chacun doit être couvert par SPF ou signer avec DKIM.".into(),
            S::PublishSpf { name, record } => format!("Publiez un enregistrement SPF en {name} qui liste vos expéditeurs, d’abord avec ~all le temps de vérifier\u{a0}: {record}"),
            S::HardenSpf { name, current, record } => format!("Votre SPF en {name} finit par un «\u{a0}all\u{a0}» permissif ({current}). Quand les rapports DMARC montrent que tous vos expéditeurs passent, terminez-le par -all\u{a0}: {record}"),
            S::EnableDkim => "Aucune clé DKIM trouvée aux sélecteurs courants. Activez la signature DKIM chez chaque expéditeur, avec des clés RSA de 2048 bits ou Ed25519, et publiez les clés qu’ils vous donnent.".into(),
            S::PublishDmarc { name, record } => format!("Publiez DMARC en mode observation en {name} pour recevoir des rapports sans toucher à la distribution\u{a0}: {record}"),
            S::AddRua { name, record } => format!("Votre DMARC en {name} ne demande pas de rapports agrégés\u{a0}; sans eux, vous ne voyez pas qui envoie en votre nom. Ajoutez rua\u{a0}: {record}"),
            S::MoveToQuarantine { name, record } => format!("Quand les rapports montrent que vos expéditeurs légitimes passent, faites évoluer DMARC en {name} vers quarantine, par paliers\u{a0}: {record}"),
            S::MoveToReject { name, record } => format!("La quarantaine couvre tout le courrier\u{a0}: terminez par reject en {name}\u{a0}: {record}"),
            S::LockDown { spf, dmarc } => format!("Ce domaine ne reçoit pas de courrier (MX nul). S’il n’en envoie pas non plus, dites-le\u{a0}: SPF «\u{a0}{spf}\u{a0}» et DMARC «\u{a0}{dmarc}\u{a0}»."),
            S::PublishTlsRpt { name, record } => format!("Demandez des rapports sur les échecs TLS du courrier qui vous est envoyé, en {name}\u{a0}: {record}"),
        }
    }
}

impl Fr for crate::domain::builder::Part {
    fn fr(&self) -> String {
        use crate::domain::builder::Part as P;
        use crate::spf::record::Qualifier as Q;
        match self {
            P::SpfVersion => "v=spf1 — cet enregistrement TXT est une politique SPF.".into(),
            P::Mx => "mx — les serveurs qui reçoivent votre courrier (vos MX) peuvent aussi en envoyer.".into(),
            P::A => "a — les adresses du domaine lui-même peuvent envoyer.".into(),
            P::Ip { network } => format!("ip:{network} — les serveurs à ces adresses peuvent envoyer."),
            P::Include { domain } => format!("include:{domain} — les serveurs autorisés par {domain} peuvent envoyer pour vous (un service d’envoi)\u{a0}; coûte des requêtes DNS."),
            P::All { qualifier } => match qualifier {
                Q::Fail => "-all — tout autre serveur échoue SPF.".into(),
                Q::Softfail => "~all — tout autre serveur obtient softfail\u{a0}: suspect mais pas refusé\u{a0}; à utiliser le temps de vérifier vos expéditeurs.".into(),
                Q::Neutral => "?all — SPF ne dit rien des autres serveurs.".into(),
                Q::Pass => "+all — tous les serveurs d’Internet passent\u{a0}: ne publiez jamais cela.".into(),
            },
            P::DmarcVersion => "v=DMARC1 — cet enregistrement TXT en _dmarc est une politique DMARC.".into(),
            P::Policy { policy } => format!("p={} — ce que font les destinataires du courrier qui échoue DMARC.", policy.as_str()),
            P::SubdomainPolicy { policy } => format!("sp={} — la politique des sous-domaines.", policy.as_str()),
            P::Pct { pct } => format!("pct={pct} — appliquer la politique à {pct}\u{a0}% du courrier en échec (une étape vers 100)."),
            P::Rua { address } => format!("rua=mailto:{address} — où les destinataires envoient les rapports agrégés quotidiens."),
            P::Strict { tag } => format!("{tag}=s — alignement strict\u{a0}: le domaine doit correspondre exactement, pas seulement partager le domaine organisationnel."),
        }
    }
}

impl Fr for crate::domain::builder::BuildError {
    fn fr(&self) -> String {
        use crate::domain::builder::BuildError as B;
        match self {
            B::Invalid { entry } => format!(
                "«\u{a0}{entry}\u{a0}» n’est pas une adresse, un réseau ou un domaine valide."
            ),
            B::TooManyLookups { count } => format!(
                "Cet enregistrement demande {count} requêtes DNS\u{a0}; SPF en permet 10. Remplacez des include par des plages ip4:/ip6:."
            ),
            B::BadAddress { entry } => {
                format!("«\u{a0}{entry}\u{a0}» n’est pas une adresse e-mail.")
            }
        }
    }
}
