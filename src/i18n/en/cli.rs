//! English text of the command-line program.

use crate::cli::CliError;
use crate::i18n::En;

impl En for CliError {
    fn en(&self) -> String {
        match self {
            CliError::UnknownCommand(c) => format!("unknown subcommand “{c}”; see sceau --help"),
            CliError::UnknownOption(o) => format!("unknown option {o}; see sceau --help"),
            CliError::MissingValue(o) => format!("option {o} needs a value"),
            CliError::BadValue { option, value } => format!("invalid value “{value}” for {option}"),
            CliError::MissingArgument(a) => format!("missing argument {a}"),
            CliError::ReadFile { path, detail } => format!("cannot read {path}: {detail}"),
            CliError::Input { path, error } => format!("{path}: {}", error.en()),
            CliError::Zone { path, error } => {
                format!("{path}, line {}: {}", error.line, error.kind.en())
            }
        }
    }
}

impl En for crate::cli::args::Usage {
    fn en(&self) -> String {
        "Sceau — email authentication analyzer (DKIM, ARC, SPF, DMARC, reports, domains)

Usage: sceau <subcommand> [--json] [--lang en|fr] [--dns-zone FILE | --doh URL] [--now UNIX_SECONDS]

Subcommands:
  dns NAME TYPE     one DNS lookup (TXT, A, AAAA, MX, PTR, CNAME) and its outcome
  domain DOMAIN [--selector S]...
                    check SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT and BIMI, and what to do next
  message FILE|-    analyse a message (.eml, or headers): route, DKIM, ARC, SPF, DMARC,
                    set against the receiver's Authentication-Results
  report FILE...    read DMARC aggregate, failure and SMTP TLS reports (.xml, .json, .gz,
                    .zip, .eml, mbox, directories) and summarise them
  spf --ip IP --mail-from ADDR [--helo NAME]
                    evaluate SPF (RFC 7208) for a client IP and sender
  help              this text

Options:
  --json            print JSON on standard output
  --lang en|fr      language of messages (default: from LANG, else English)
  --dns-zone FILE   answer DNS from an RFC 1035 master file instead of the network
  --doh URL         DNS-over-HTTPS resolver (default: https://cloudflare-dns.com/dns-query)
  --now SECONDS     the current time, for signatures' t= and x= (default: the clock)
"
        .into()
    }
}

impl En for crate::cli::args::NoData {
    fn en(&self) -> String {
        "no record of this type".into()
    }
}
