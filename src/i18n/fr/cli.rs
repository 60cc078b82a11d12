//! French text of the command-line program.

use crate::cli::CliError;
use crate::i18n::Fr;

impl Fr for CliError {
    fn fr(&self) -> String {
        match self {
            CliError::UnknownCommand(c) => {
                format!("sous-commande inconnue «\u{a0}{c}\u{a0}»\u{a0}; voir sceau --help")
            }
            CliError::UnknownOption(o) => format!("option inconnue {o}\u{a0}; voir sceau --help"),
            CliError::MissingValue(o) => format!("l’option {o} attend une valeur"),
            CliError::BadValue { option, value } => {
                format!("valeur «\u{a0}{value}\u{a0}» invalide pour {option}")
            }
            CliError::MissingArgument(a) => format!("argument {a} manquant"),
            CliError::ReadFile { path, detail } => {
                format!("impossible de lire {path}\u{a0}: {detail}")
            }
            CliError::Input { path, error } => format!("{path}\u{a0}: {}", error.fr()),
            CliError::Zone { path, error } => {
                format!("{path}, ligne {}\u{a0}: {}", error.line, error.kind.fr())
            }
        }
    }
}

impl Fr for crate::cli::args::Usage {
    fn fr(&self) -> String {
        "Sceau — analyseur d’authentification des e-mails (DKIM, ARC, SPF, DMARC, rapports, domaines)

Usage\u{a0}: sceau <sous-commande> [--json] [--lang en|fr] [--dns-zone FICHIER | --doh URL] [--now SECONDES_UNIX]

Sous-commandes\u{a0}:
  dns NOM TYPE      une requête DNS (TXT, A, AAAA, MX, PTR, CNAME) et son issue
  domain DOMAINE [--selector S]...
                    vérifie SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT et BIMI, et ce qu’il faut faire ensuite
  message FICHIER|- analyse un message (.eml, ou en-têtes)\u{a0}: trajet, DKIM, ARC, SPF, DMARC,
                    comparés aux Authentication-Results du destinataire
  report FICHIER... lit des rapports DMARC agrégés, d’échec et SMTP TLS (.xml, .json, .gz,
                    .zip, .eml, mbox, dossiers) et les résume
  spf --ip IP --mail-from ADRESSE [--helo NOM]
                    évalue SPF (RFC 7208) pour une IP cliente et un expéditeur
  help              ce texte

Options\u{a0}:
  --json            écrit du JSON sur la sortie standard
  --lang en|fr      langue des messages (par défaut\u{a0}: selon LANG, sinon anglais)
  --dns-zone FICHIER  répond au DNS depuis un fichier de zone RFC 1035 au lieu du réseau
  --doh URL         résolveur DNS-over-HTTPS (par défaut\u{a0}: https://cloudflare-dns.com/dns-query)
  --now SECONDES    l’heure courante, pour les t= et x= des signatures (par défaut\u{a0}: l’horloge)
"
        .into()
    }
}

impl Fr for crate::cli::args::NoData {
    fn fr(&self) -> String {
        "aucun enregistrement de ce type".into()
    }
}
