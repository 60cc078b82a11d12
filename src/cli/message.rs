//! `sceau message FILE|-`: the analysis of one message, as text or JSON.

use std::io::Read;

use super::args::{Args, CliError};
use super::source::CliDns;
use crate::analysis::message;
use crate::analysis::recheck::recheck;
use crate::i18n::Translate;

pub(super) fn run(args: &Args) -> Result<String, CliError> {
    let path = args
        .positional
        .first()
        .ok_or(CliError::MissingArgument("FILE"))?;
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| CliError::ReadFile {
                path: path.clone(),
                detail: e.to_string(),
            })?;
        b
    } else {
        std::fs::read(path).map_err(|e| CliError::ReadFile {
            path: path.clone(),
            detail: e.to_string(),
        })?
    };
    let (report, raw) = message::parse(&bytes).map_err(|error| CliError::Input {
        path: path.clone(),
        error,
    })?;
    let dns = CliDns::from_args(args)?;
    let checked = futures::executor::block_on(recheck(&report, &raw, &dns, args.now()));
    if args.json {
        return Ok(crate::analysis::export::json(&report, Some(&checked), args.lang) + "\n");
    }
    let lang = args.lang;
    let mut out = String::new();
    let s = &report.summary;
    if let Some(f) = s.from.first() {
        out.push_str(&format!("From     {}\n", f.address));
    }
    if let Some(subject) = &s.subject {
        out.push_str(&format!("Subject  {}\n", subject.text));
    }
    if let Some(d) = &s.date {
        out.push_str(&format!("Date     {}\n", d.rfc3339));
    }
    for h in &report.hops {
        out.push_str(&format!(
            "  {:>2}. {} [{}] → {}  {}  {}\n",
            h.number,
            h.from_host.as_deref().unwrap_or("?"),
            h.from_ip.map(|i| i.to_string()).unwrap_or_default(),
            h.by_host.as_deref().unwrap_or("?"),
            h.timestamp.as_deref().unwrap_or("-"),
            h.delay_seconds
                .map(|d| format!("+{d}s"))
                .unwrap_or_default(),
        ));
    }
    if let Some(c) = &report.connecting_ip {
        out.push_str(&format!("IP       {}\n", c.ip));
    }
    for row in &checked.comparison {
        out.push_str(&format!(
            "{:<6} {:<10} {:<10} {}\n",
            row.method.to_uppercase(),
            row.claimed.as_deref().unwrap_or("-"),
            row.rechecked,
            row.cause.text(lang)
        ));
    }
    let findings = crate::analysis::export::findings(&report, Some(&checked), lang);
    for (sev, text) in findings {
        out.push_str(&format!("  [{}] {text}\n", sev.text(lang)));
    }
    Ok(out)
}
