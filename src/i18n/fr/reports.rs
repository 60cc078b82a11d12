//! Fr text of the `reports` area.

use crate::i18n::Fr;
use crate::reports::finding::Finding;
use crate::reports::{Label, ReportError};

fn mo(bytes: usize) -> String {
    format!("{}\u{a0}Mo", bytes / (1024 * 1024))
}

impl Fr for Finding {
    fn fr(&self) -> String {
        match self {
            Finding::ByteOrderMark => "Le fichier commence par une marque d’ordre des octets (BOM), ignorée.".into(),
            Finding::InvalidUtf8 { replaced } => format!(
                "Le rapport n’est pas en UTF-8 valide\u{a0}: {replaced} séquence(s) d’octets invalide(s) remplacée(s) par «\u{a0}�\u{a0}». Les valeurs qui les contiennent peuvent être fausses."
            ),
            Finding::DoctypeIgnored => "Le rapport déclare un <!DOCTYPE>, ignoré\u{a0}: aucune DTD n’est lue et aucune entité qu’elle définit n’est développée.".into(),
            Finding::UnknownEntity { name } => format!(
                "La référence d’entité &{name}; n’est pas une entité prédéfinie de XML\u{a0}; elle est gardée telle quelle, sans être développée."
            ),
            Finding::StrayElement { name } => format!(
                "Le rapport est enveloppé dans un élément hors du schéma (<{name}>)\u{a0}; il a été ignoré."
            ),
            Finding::MissingField { field } => format!("Le rapport n’a pas de {field} (absent ou vide)."),
            Finding::InvertedPeriod => "La période du rapport se termine avant de commencer.".into(),
            Finding::LongPeriod { hours } => format!(
                "Le rapport couvre {hours}\u{a0}heures, plus que la journée habituelle\u{a0}; ses messages sont répartis sur ces jours."
            ),
            Finding::TestingMode { domain } => format!(
                "La politique de {domain} est en mode test (t=y)\u{a0}: les destinataires appliquent une politique d’un cran plus douce que celle publiée."
            ),
            Finding::BadSourceIp { value } => format!("«\u{a0}{value}\u{a0}» n’est pas une adresse IP (source_ip)."),
            Finding::BadCount { value } => format!(
                "«\u{a0}{value}\u{a0}» n’est pas un nombre de messages\u{a0}; l’enregistrement compte pour 0\u{a0}message."
            ),
            Finding::EmptyReason => "Un élément <reason> sans type ni commentaire a été écarté.".into(),
            Finding::TrailingBytes { bytes } => format!(
                "{bytes}\u{a0}octet(s) après la fin des données gzip ont été ignorés."
            ),
            Finding::DuplicateReport { org_name, report_id, file } => format!(
                "Le rapport {report_id} de {} a déjà été lu\u{a0}; la copie dans {file} n’est comptée qu’une fois.",
                if org_name.is_empty() { "un émetteur sans nom" } else { org_name }
            ),
            Finding::TlsFailures { policy_domain, reporter, failed, total, result_types } => format!(
                "{reporter} n’a pas pu établir TLS pour {failed} session(s) sur {total} vers {policy_domain}{}.",
                if result_types.is_empty() { String::new() } else { format!(" ({})", result_types.join(", ")) }
            ),
            Finding::EvaluationDisagrees { org_name, source_ip, header_from, method, reported, recomputed, messages } => format!(
                "{org_name} indique {} {reported} pour {messages} message(s) de {source_ip} (From\u{a0}: {header_from}), mais les résultats bruts du même enregistrement donnent {recomputed}.",
                method.to_uppercase()
            ),
            Finding::WhatIfReject { messages, sources, dkim_unaligned } => format!(
                "Avec p=reject, {messages} message(s) venant de {sources} source(s) auraient été rejetés\u{a0}; {dkim_unaligned} d’entre eux passent DKIM avec un domaine non aligné — sans doute des services légitimes à configurer."
            ),
            Finding::UnalignedService { ip, dkim_domain, header_from, messages } => format!(
                "{ip} a envoyé {messages} message(s) au nom de {header_from}, signés par {dkim_domain} et non alignés\u{a0}: si c’est votre service, faites-le signer avec {header_from} (ou un sous-domaine)."
            ),
            Finding::FixSourcesFirst { sources, messages } => format!(
                "Faites d’abord passer DMARC à ces sources ({messages} message(s))\u{a0}: {}. Elles s’authentifient (DKIM ou SPF réussi) mais échouent à DMARC\u{a0}: alignez-les sur votre domaine.",
                sources.join(", ")
            ),
            Finding::StartQuarantine { pct } => format!(
                "Passez à p=quarantine pour une part des messages (pct={pct}, ou t=y selon la RFC 9989), puis surveillez les rapports une à deux semaines."
            ),
            Finding::RaiseQuarantine { from, to } => format!(
                "Augmentez la part mise en quarantaine de pct={from} à pct={to} dès que les rapports restent propres."
            ),
            Finding::MoveToReject => "Tous les échecs rapportés ressemblent à des usurpations\u{a0}: passez à p=reject.".into(),
            Finding::AtReject { domain } => format!(
                "{domain} est en p=reject\u{a0}: continuez à lire les rapports pour repérer les nouveaux services avant que leurs messages soient rejetés."
            ),
        }
    }
}

impl Fr for ReportError {
    fn fr(&self) -> String {
        match self {
            ReportError::Empty => "Le fichier est vide.".into(),
            ReportError::UnknownFormat => "Ce n’est pas un rapport\u{a0}: ni XML, ni JSON, ni gzip, ni zip, ni message électronique.".into(),
            ReportError::TooLarge { limit } => format!(
                "Décompressé, ce fichier dépasserait {}\u{a0}; sa lecture a été arrêtée (protection contre les bombes de décompression).",
                mo(*limit)
            ),
            ReportError::MemberTooLarge { member, limit } => format!(
                "«\u{a0}{member}\u{a0}» dépasserait {} une fois décompressé\u{a0}; il n’a pas été lu (protection contre les bombes de décompression).",
                mo(*limit)
            ),
            ReportError::TooManyMembers { count, limit } => format!(
                "L’archive contient {count}\u{a0}entrées\u{a0}; au plus {limit} sont lues."
            ),
            ReportError::TooDeep { limit } => format!(
                "Archives et messages sont imbriqués sur plus de {limit}\u{a0}niveaux\u{a0}; la lecture du fichier a été arrêtée."
            ),
            ReportError::Gzip { detail } => format!("Les données gzip sont corrompues ou tronquées ({detail})."),
            ReportError::Zip { detail } => format!("L’archive zip est illisible ({detail})."),
            ReportError::Xml { line, column, detail } => format!(
                "Le XML est mal formé ligne {line}, colonne {column}\u{a0}: {detail}."
            ),
            ReportError::Truncated => "Le XML s’arrête avant la fin du rapport\u{a0}: le fichier est tronqué.".into(),
            ReportError::NotAggregate => "Ce XML n’est pas un rapport agrégé DMARC (pas d’élément <feedback>).".into(),
            ReportError::Json { line, column, detail } => format!(
                "Le JSON est invalide ligne {line}, colonne {column}\u{a0}: {detail}."
            ),
            ReportError::NotTls => "Ce JSON n’est pas un rapport SMTP TLS (ni organization-name ni policies).".into(),
            ReportError::NoReportInMessage => "Ce message ne contient aucun rapport\u{a0}: ni pièce jointe XML, JSON, gzip ou zip, ni partie de rapport d’échec.".into(),
            ReportError::BadMessage => "Le message électronique est illisible.".into(),
        }
    }
}

impl Fr for Label {
    fn fr(&self) -> String {
        match self {
            Label::Files => "Fichiers",
            Label::Reports => "Rapports",
            Label::Records => "Enregistrements",
            Label::Messages => "Messages",
            Label::DmarcPass => "DMARC réussi",
            Label::Duplicates => "Doublons",
            Label::Sources => "Sources",
            Label::Reporters => "Émetteurs des rapports",
            Label::FailureReports => "Rapports d’échec",
            Label::TlsReports => "Rapports TLS",
            Label::TlsSessions => "Sessions TLS (échouées / toutes)",
            Label::NextSteps => "Prochaines étapes",
            Label::StatusOk => "lu",
            Label::StatusError => "erreur",
            Label::KindAggregate => "agrégé",
            Label::KindFailure => "échec",
            Label::KindTls => "TLS",
        }
        .into()
    }
}
