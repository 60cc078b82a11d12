//! French text of the interface.

use super::headers::n;
use crate::i18n::Fr;
use crate::i18n::text::Ui;

impl Fr for Ui {
    fn fr(&self) -> String {
        match self {
            Ui::Tagline => "L’authentification des e-mails, vérifiée dans votre navigateur",
            Ui::TabMessage => "Message",
            Ui::TabReports => "Rapports",
            Ui::TabDomain => "Domaine",
            Ui::MessageIntro => "Collez les en-têtes ou le message entier (Gmail\u{a0}: «\u{a0}Afficher l’original\u{a0}»\u{a0}; Outlook\u{a0}: «\u{a0}Afficher la source\u{a0}» ou les en-têtes Internet du message), ou déposez un fichier .eml.",
            Ui::MessagePlaceholder => "Collez ici le message brut ou ses en-têtes",
            Ui::MessageDrop => "Déposez un fichier .eml ou .txt ici, ou",
            Ui::Analyze => "Analyser",
            Ui::Clear => "Effacer",
            Ui::ReportsIntro => "Déposez des rapports DMARC agrégés (.xml, .xml.gz, .zip ou l’e-mail .eml qui les portait), des rapports d’échec et des rapports SMTP TLS. Ils sont lus ici, dans votre navigateur.",
            Ui::ReportsDrop => "Déposez ici autant de rapports que vous voulez, ou",
            Ui::DomainIntro => "Saisissez un domaine pour vérifier ses enregistrements SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT et BIMI.",
            Ui::DomainPlaceholder => "exemple.fr",
            Ui::MsgStory => "Ce qui s’est passé",
            Ui::MsgVerdict => "Comment le destinataire décide",
            Ui::MsgSummary => "Résumé",
            Ui::MsgRoute => "Trajet, de l’expéditeur à la boîte de réception",
            Ui::MsgComparison => "Ce qu’a affirmé le destinataire, et ce que trouve Sceau",
            Ui::MsgDkim => "Signatures DKIM",
            Ui::MsgArc => "Chaîne ARC (transferts et listes)",
            Ui::MsgAuthResults => "Authentication-Results",
            Ui::MsgAntispam => "En-têtes antispam",
            Ui::MsgRaw => "Champs d’en-tête tels que reçus",
            Ui::MsgRawHint => "Sélectionnez un constat pour surligner les champs qu’il concerne.",
            Ui::Trusted => "écrit par le destinataire",
            Ui::Claim => "affirmation, non vérifiée",
            Ui::ColHop => "n°",
            Ui::ColFrom => "Depuis",
            Ui::ColBy => "Reçu par",
            Ui::ColProtocol => "Protocole",
            Ui::ColTime => "Heure",
            Ui::ColDelay => "Délai",
            Ui::ColMethod => "Contrôle",
            Ui::ColClaimed => "Le destinataire a dit",
            Ui::ColRechecked => "Sceau trouve",
            Ui::ColWhy => "Pourquoi",
            Ui::ColDomain => "Domaine",
            Ui::ColSelector => "Sélecteur",
            Ui::ColAlgorithm => "Algorithme",
            Ui::ColKey => "Clé",
            Ui::ColResult => "Résultat",
            Ui::ColBodyHash => "Empreinte du corps",
            Ui::ColInstance => "Jeu",
            Ui::ColSeal => "Sceau (AS)",
            Ui::ColAms => "Signature du message (AMS)",
            Ui::ColChain => "Chaîne vue (cv=)",
            Ui::ConnectingIp => "IP de connexion",
            Ui::OneClick => "désabonnement en un clic (RFC 8058)",
            Ui::NoOneClick => "pas de désabonnement en un clic",
            Ui::WhatWasSigned => "Ce qui a été signé, canonisé (fins de ligne montrées par \\r\\n, espaces par ·)",
            Ui::SignedHeaders => "Entrée de l’empreinte des en-têtes",
            Ui::SignedBody => "Entrée de l’empreinte du corps",
            Ui::Computed => "calculée",
            Ui::Signed => "signée",
            Ui::Rechecking => "Vérification de DKIM, ARC, SPF et DMARC par DNS…",
            Ui::CopyJson => "Copier en JSON",
            Ui::CopyMarkdown => "Copier en Markdown",
            Ui::Print => "Imprimer",
            Ui::NoDkim => "Le message ne porte aucune signature DKIM.",
            Ui::NoArc => "Aucun jeu ARC\u{a0}: aucun intermédiaire ne s’est porté garant du message.",
            Ui::Timeline => "Temps passé à chaque étape",
            Ui::ClockSkew => "horloges décalées",
            Ui::RepCancel => "Arrêter",
            Ui::RepCancelled => "Arrêté\u{a0}: les fichiers déjà lus sont affichés.",
            Ui::RepOverview => "Vue d’ensemble",
            Ui::RepAlignment => "Alignement des messages",
            Ui::AlignBoth => "DKIM et SPF alignés",
            Ui::AlignDkim => "DKIM seulement",
            Ui::AlignSpf => "SPF seulement",
            Ui::AlignNeither => "aucun (DMARC échoue)",
            Ui::RepPerDay => "Messages par jour",
            Ui::LegendPass => "DMARC réussi",
            Ui::LegendFail => "DMARC en échec",
            Ui::RepSources => "Sources d’envoi",
            Ui::ColIp => "Adresse IP",
            Ui::ColPtr => "Nom (DNS inverse)",
            Ui::ColDisposition => "Traitement",
            Ui::ColReporter => "Rapporteur",
            Ui::ColPeriod => "Période",
            Ui::RepFilter => "Filtrer par IP, nom ou domaine",
            Ui::RepFailingOnly => "Seulement en échec DMARC",
            Ui::RepWhatIf => "Si la politique était p=reject",
            Ui::RepDisagreements => "Là où le verdict du rapporteur contredit ses propres résultats bruts",
            Ui::RepExport => "Exporter",
            Ui::ExportRecordsCsv => "Enregistrements (CSV)",
            Ui::ExportSourcesCsv => "Sources (CSV)",
            Ui::ExportJson => "Tout (JSON)",
            Ui::RepFindings => "Ce que montrent les rapports",
            Ui::RepFiles => "Fichiers lus",
            Ui::CheckInDomainTab => "Vérifier ce domaine et cette clé dans l’onglet Domaine",
            Ui::BodyHashMatch => "identique\u{a0}: le corps est tel que signé",
            Ui::BodyHashMismatch => "différente\u{a0}: le corps a changé après la signature",
            Ui::BodyHashNotChecked => "non vérifiée\u{a0}: le corps n’a pas été collé",
            Ui::ColAuthResults => "Résultats rapportés",
            Ui::ColDate => "Date",
            Ui::ColAuthFailure => "Ce qui a échoué",
            Ui::ColDelivery => "Action du destinataire",
            Ui::ColPolicyType => "Politique",
            Ui::ColSuccessful => "Sessions réussies",
            Ui::ColFailed => "Sessions échouées",
            Ui::ColFailureTypes => "Types d’échec",
            Ui::KeyNotFound => "introuvable",
            Ui::SelectorsLabel => "Sélecteurs DKIM à vérifier (en plus des plus courants)",
            Ui::SelectorsPlaceholder => "selector1, s2024",
            Ui::DomainCheck => "Vérifier",
            Ui::Settings => "Réglages",
            Ui::Resolver => "Résolveur DNS-over-HTTPS",
            Ui::ResolverCloudflare => "Cloudflare (par défaut)",
            Ui::ResolverGoogle => "Google",
            Ui::ResolverCustom => "URL personnalisée",
            Ui::ResolverOffline => "Hors ligne\u{a0}: aucune requête",
            Ui::ResolverCustomUrl => "URL du résolveur (RFC 8484, GET)",
            Ui::PrivacyNote => "Ce que vous collez ou déposez ne quitte jamais cette page. Le seul trafic réseau, ce sont des requêtes DNS sur des enregistrements publics, envoyées au résolveur choisi ici.",
            Ui::Close => "Fermer",
            Ui::DnsQueries => "Requêtes DNS",
            Ui::DnsNone => "Aucune requête DNS pour l’instant.",
            Ui::ColName => "Nom",
            Ui::ColType => "Type",
            Ui::ColResolver => "Résolveur",
            Ui::ColOutcome => "Issue",
            Ui::ColDuration => "Durée",
            Ui::ColDnssec => "DNSSEC (AD)",
            Ui::OutcomeAnswer => "réponse",
            Ui::OutcomeNoData => "aucun enregistrement de ce type",
            Ui::Yes => "oui",
            Ui::No => "non",
            Ui::Cached => "cache",
            Ui::Language => "Langue",
            Ui::Working => "En cours…",
            Ui::HeaderFields => "champs d’en-tête",
            Ui::BodyPresent => "Message complet\u{a0}: le corps est présent, les empreintes DKIM du corps peuvent être vérifiées.",
            Ui::HeadersOnly => "En-têtes seuls\u{a0}: le corps est absent, les empreintes DKIM du corps ne peuvent pas être vérifiées.",
            Ui::FilesChosen => "fichiers",
            Ui::RecordsFound => "Enregistrements trouvés",
            Ui::InvalidDomain => "Ce n’est pas un nom de domaine valide.",
            Ui::ChooseFile => "choisissez des fichiers",
            Ui::ChooseOneFile => "choisissez un fichier",
            Ui::Findings => "Constats",
            Ui::NextSteps => "Que faire ensuite",
            Ui::NothingToDo => "Rien à faire\u{a0}: ce domaine suit la configuration recommandée.",
            Ui::Copy => "Copier",
            Ui::DkimKeys => "Clés DKIM",
            Ui::NoDkimKey => "Aucune clé DKIM aux sélecteurs essayés.",
            Ui::FailedLookups => "Ces requêtes ont échoué, ce rapport est donc incomplet\u{a0}; réessayez\u{a0}:",
            Ui::DnssecValidated => "Le résolveur a validé ces réponses avec DNSSEC.",
            Ui::DnssecNotValidated => "Ces réponses ne sont pas validées par DNSSEC.",
            Ui::NoneFound => "aucun",
            Ui::Builder => "Générateur d’enregistrements",
            Ui::BuilderSpf => "Enregistrement SPF",
            Ui::BuilderDmarc => "Enregistrement DMARC",
            Ui::BuilderMx => "Mes serveurs MX envoient du courrier (mx)",
            Ui::BuilderA => "L’adresse du domaine envoie du courrier (a)",
            Ui::BuilderIp4 => "Adresses ou réseaux IPv4, un par ligne",
            Ui::BuilderIp6 => "Adresses ou réseaux IPv6, un par ligne",
            Ui::BuilderIncludes => "Services d’envoi à inclure, un domaine par ligne",
            Ui::BuilderAll => "Autres serveurs",
            Ui::BuilderPolicy => "Politique (p)",
            Ui::BuilderSubPolicy => "Sous-domaines (sp)",
            Ui::BuilderSame => "comme p",
            Ui::BuilderPct => "Part du courrier en échec (pct)",
            Ui::BuilderRua => "Adresse des rapports agrégés (rua)",
            Ui::BuilderStrictDkim => "Alignement DKIM strict (adkim=s)",
            Ui::BuilderStrictSpf => "Alignement SPF strict (aspf=s)",
            Ui::Footer => "Sceau fonctionne entièrement dans votre navigateur\u{a0}: rien de ce que vous collez ou déposez n’est envoyé.",
        }
        .into()
    }
}

impl Fr for crate::findings::Severity {
    fn fr(&self) -> String {
        use crate::findings::Severity as S;
        match self {
            S::Info => "information",
            S::Warning => "avertissement",
            S::Problem => "problème",
        }
        .into()
    }
}

impl Fr for crate::i18n::text::Label {
    fn fr(&self) -> String {
        use crate::i18n::text::Label as L;
        match self {
            L::SpfBudget { lookups, voids } => {
                format!("{lookups}/10 requêtes DNS, {voids}/2 vides")
            }
            L::BranchLookups(n) => format!("{n} requêtes"),
            L::KeyBits(n) => format!("{n} bits"),
            L::Bytes(n) => format!("{n} octets"),
            L::ReadingFiles { done, total } => format!("Lecture de {done} fichiers sur {total}…"),
            L::WhatIf {
                messages,
                sources,
                unaligned,
            } => format!(
                "{messages} messages venant de {sources} sources seraient refusés. {unaligned} d’entre eux réussissent DKIM pour un autre domaine\u{a0}: sans doute un service légitime qui signe avec son propre domaine — configurez-le pour signer en votre nom avant de passer à reject."
            ),
            L::Share { part, total } => format!(
                "{part} ({}\u{a0}%)",
                if *total == 0 { 0 } else { part * 100 / total }
            ),
            L::LargestSources { shown, total } => format!(
                "Les {shown} plus grosses sources sur {total} sont listées\u{a0}; les exports CSV et JSON les contiennent toutes."
            ),
            L::FilesShown { shown, total } => format!(
                "Les {shown} premiers fichiers sur {total} sont listés, ceux en erreur d’abord\u{a0}; l’export JSON les liste tous."
            ),
            L::LargestDisagreements { shown, total } => format!(
                "Les {shown} plus gros enregistrements sur {total} sont listés\u{a0}; l’export JSON les contient tous."
            ),
            // En français, le pluriel commence à deux.
            L::RecordsAndMessages { records, messages } => format!(
                "{records} enregistrement{}, {messages} message{}",
                if *records < 2 { "" } else { "s" },
                if *messages < 2 { "" } else { "s" }
            ),
            L::RowsShown { shown, total } => format!(
                "Les {shown} premiers sur {total} sont listés\u{a0}; l’export JSON les contient tous."
            ),
            L::FindingsShown { shown, total } => format!(
                "{shown} constats sur {total} sont listés (quelques-uns de chaque sorte)\u{a0}; l’export JSON les contient tous."
            ),
            L::Duration(s) => super::headers::duree(*s),
            L::FirstShown { list, shown, total } => {
                let (noun, feminine) = nom(*list, *total);
                let e = if feminine { "e" } else { "" };
                format!(
                    "Seul{e}s les {} premi{}s {noun} sur {} sont affiché{e}s — {} les contient {}.",
                    n(*shown),
                    if feminine { "ère" } else { "er" },
                    n(*total),
                    if list.in_markdown() {
                        "le rapport exporté (Markdown ou JSON)"
                    } else {
                        "l’export JSON"
                    },
                    if feminine { "toutes" } else { "tous" }
                )
            }
            L::LatestQueries { shown, total } => format!(
                "Seules les {} dernières requêtes DNS sur {} sont affichées.",
                n(*shown),
                n(*total)
            ),
            L::ShowMore { list, more } => {
                format!("Afficher {} {} de plus", n(*more), nom(*list, *more).0)
            }
            L::DmarcDiscovery {
                tree_walk,
                org_domain,
                psl,
            } => {
                let none = "aucun enregistrement";
                format!(
                    "Parcours DNS RFC 9989\u{a0}: {}. RFC 7489 (domaine organisationnel {org_domain})\u{a0}: {}.",
                    tree_walk.as_deref().unwrap_or(none),
                    psl.as_deref().unwrap_or(none)
                )
            }
        }
    }
}

/// Ce que contient une longue liste, au singulier ou au pluriel après `count`, et si
/// le nom est féminin.
fn nom(list: crate::i18n::text::Listed, count: usize) -> (&'static str, bool) {
    use crate::i18n::text::Listed as L;
    // En français, le pluriel commence à deux.
    let one = count < 2;
    match (list, one) {
        (L::Hops, true) => ("étape", true),
        (L::Hops, false) => ("étapes", true),
        (L::DkimSignatures, true) => ("signature DKIM", true),
        (L::DkimSignatures, false) => ("signatures DKIM", true),
        (L::ArcSets, true) => ("jeu ARC", false),
        (L::ArcSets, false) => ("jeux ARC", false),
        (L::AuthResults, true) => ("champ Authentication-Results", false),
        (L::AuthResults, false) => ("champs Authentication-Results", false),
        (L::Antispam, true) => ("valeur antispam", true),
        (L::Antispam, false) => ("valeurs antispam", true),
        (L::Findings, true) => ("constat", false),
        (L::Findings, false) => ("constats", false),
        (L::HeaderFields, true) => ("champ d’en-tête", false),
        (L::HeaderFields, false) => ("champs d’en-tête", false),
        (L::DnsQueries, true) => ("requête DNS", true),
        (L::DnsQueries, false) => ("requêtes DNS", true),
        (L::ReportFiles, true) => ("fichier", false),
        (L::ReportFiles, false) => ("fichiers", false),
        (L::Sources, true) => ("source", true),
        (L::Sources, false) => ("sources", true),
    }
}
