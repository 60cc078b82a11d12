//! Argument parsing for the CLI (no dependency: the grammar is small).

use crate::i18n::Lang;

/// What went wrong on the command line or with an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CliError {
    /// The subcommand is not known.
    UnknownCommand(String),
    /// An option is not known.
    UnknownOption(String),
    /// An option needs a value.
    MissingValue(String),
    /// An option's value is not valid.
    BadValue {
        /// The option.
        option: String,
        /// What was given.
        value: String,
    },
    /// A positional argument is missing.
    MissingArgument(&'static str),
    /// A file could not be read.
    ReadFile {
        /// Path.
        path: String,
        /// The system's message.
        detail: String,
    },
    /// The input is not a message that can be analysed.
    Input {
        /// Path, or `-` for standard input.
        path: String,
        /// Why.
        error: crate::input::InputError,
    },
    /// The zone file is not a valid master file.
    Zone {
        /// Path.
        path: String,
        /// The line and what was wrong with it.
        error: crate::dns::zone::ZoneError,
    },
}

/// The `--help` text (in the catalogues).
pub struct Usage;

/// "No record of that type" (printed by `sceau dns`).
pub struct NoData;

/// Parsed command line.
#[derive(Debug, Default)]
pub struct Args {
    /// Subcommand (`dns`, `message`…), empty for none.
    pub command: String,
    /// `--json`.
    pub json: bool,
    /// `--lang`, else `LANG` from the environment, else English.
    pub lang: Lang,
    /// `--dns-zone FILE`.
    pub dns_zone: Option<String>,
    /// `--doh URL`.
    pub doh: Option<String>,
    /// `--now UNIX_SECONDS`, else the system clock.
    pub now: Option<u64>,
    /// Positional arguments after the subcommand.
    pub positional: Vec<String>,
    /// Subcommand options (`--ip X` → ("ip", "X")), in order.
    pub options: Vec<(String, String)>,
}

/// Options that take a value, per subcommand, beyond the global ones.
const VALUE_OPTIONS: &[&str] = &["ip", "mail-from", "helo", "selector"];

/// The language to complain in before arguments are parsed.
pub fn lang_hint(argv: &[String]) -> Lang {
    argv.windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .or_else(|| std::env::var("LANG").ok().and_then(|l| Lang::parse(&l)))
        .unwrap_or_default()
}

impl Args {
    /// Parses the command line.
    pub fn parse(argv: Vec<String>) -> Result<Args, CliError> {
        let mut a = Args {
            lang: lang_hint(&argv),
            ..Args::default()
        };
        let mut it = argv.into_iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .ok_or_else(|| CliError::MissingValue(name.to_string()))
            };
            match arg.as_str() {
                "--json" => a.json = true,
                "-h" | "--help" => a.command = "help".into(),
                "--lang" => {
                    let v = value("--lang")?;
                    a.lang = Lang::parse(&v).ok_or(CliError::BadValue {
                        option: "--lang".into(),
                        value: v,
                    })?;
                }
                "--dns-zone" => a.dns_zone = Some(value("--dns-zone")?),
                "--doh" => a.doh = Some(value("--doh")?),
                "--now" => {
                    let v = value("--now")?;
                    a.now = Some(v.parse().map_err(|_| CliError::BadValue {
                        option: "--now".into(),
                        value: v,
                    })?);
                }
                opt if opt.starts_with("--") => {
                    let name = &opt[2..];
                    if !VALUE_OPTIONS.contains(&name) {
                        return Err(CliError::UnknownOption(opt.to_string()));
                    }
                    let v = value(opt)?;
                    a.options.push((name.to_string(), v));
                }
                _ if a.command.is_empty() => a.command = arg,
                _ => a.positional.push(arg),
            }
        }
        if a.dns_zone.is_some() && a.doh.is_some() {
            return Err(CliError::BadValue {
                option: "--dns-zone/--doh".into(),
                value: "both".into(),
            });
        }
        Ok(a)
    }

    /// The current time: `--now` or the system clock.
    pub fn now(&self) -> u64 {
        self.now.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        })
    }

    /// The values of subcommand option `name`.
    pub fn option_values(&self, name: &str) -> Vec<&str> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The single value of subcommand option `name`.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.option_values(name).into_iter().last()
    }

    /// Reads a file argument (`-` is standard input).
    pub fn read_input(path: &str) -> Result<Vec<u8>, CliError> {
        let read = if path == "-" {
            let mut v = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).map(|_| v)
        } else {
            std::fs::read(path)
        };
        read.map_err(|e| CliError::ReadFile {
            path: path.to_string(),
            detail: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Args, CliError> {
        Args::parse(s.split_whitespace().map(String::from).collect())
    }

    #[test]
    fn parses_contract() {
        let a =
            p("dns example.com TXT --json --lang fr --dns-zone z.txt --now 1700000000").unwrap();
        assert_eq!(a.command, "dns");
        assert_eq!(a.positional, vec!["example.com", "TXT"]);
        assert!(a.json);
        assert_eq!(a.lang, Lang::Fr);
        assert_eq!(a.dns_zone.as_deref(), Some("z.txt"));
        assert_eq!(a.now(), 1_700_000_000);
        assert_eq!(
            p("dns --bogus").unwrap_err(),
            CliError::UnknownOption("--bogus".into())
        );
        assert_eq!(
            p("dns --doh").unwrap_err(),
            CliError::MissingValue("--doh".into())
        );
        assert!(p("dns --lang de").is_err());
        assert!(p("dns --dns-zone a --doh b").is_err());
    }
}
