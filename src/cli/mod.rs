//! The native command-line program: argument parsing and printing. Every analysis is
//! the core's; this module only chooses the DNS source, the clock and the output form.
//!
//! `sceau <subcommand> [--json] [--lang en|fr] [--dns-zone FILE | --doh URL] [--now UNIX_SECONDS]`

pub mod args;
mod dns;
mod domain;
mod message;
mod report;
mod source;
mod spf;

use crate::i18n::{Lang, Translate};

pub use args::{Args, CliError};
pub use source::CliDns;

/// Runs the CLI with `argv` (without the program name) and returns the exit code.
pub fn main(argv: Vec<String>) -> i32 {
    let lang_hint = args::lang_hint(&argv);
    match run(argv) {
        Ok(out) => {
            print!("{out}");
            0
        }
        Err(e) => {
            eprintln!("sceau: {}", e.text(lang_hint));
            2
        }
    }
}

/// Parses `argv`, runs the subcommand and returns what to print.
pub fn run(argv: Vec<String>) -> Result<String, CliError> {
    let mut args = Args::parse(argv)?;
    match args.command.as_str() {
        "help" | "" => Ok(help(args.lang)),
        "dns" => dns::run(&mut args),
        "domain" => domain::run(&args),
        "message" => message::run(&args),
        "report" => report::run(&args),
        "spf" => spf::run(&args),
        other => Err(CliError::UnknownCommand(other.to_string())),
    }
}

fn help(lang: Lang) -> String {
    args::Usage.text(lang)
}
