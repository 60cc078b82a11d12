//! `sceau domain DOMAIN [--selector S]...`: the domain check.

use super::args::{Args, CliError};
use super::source::CliDns;
use crate::domain::check::{check, valid_domain};
use crate::findings::Finding as _;
use crate::i18n::text::Label;
use crate::i18n::{Translate, to_json};

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<String, CliError> {
    let domain = args
        .positional
        .first()
        .ok_or(CliError::MissingArgument("DOMAIN"))?;
    if !valid_domain(domain) {
        return Err(CliError::BadValue {
            option: "DOMAIN".into(),
            value: domain.clone(),
        });
    }
    let selectors: Vec<String> = args
        .option_values("selector")
        .into_iter()
        .map(String::from)
        .collect();
    let dns = CliDns::from_args(args)?;
    let report = futures::executor::block_on(check(&dns, domain, &selectors));
    if args.json {
        return Ok(to_json(&report, args.lang) + "\n");
    }
    let lang = args.lang;
    let mut out = format!("{}\n", report.domain);
    if let Some(s) = &report.spf.record {
        let budget = Label::SpfBudget {
            lookups: report.spf.lookups,
            voids: report.spf.void_lookups,
        };
        out.push_str(&format!("  SPF    {s}  ({})\n", budget.text(lang)));
    }
    if let Some(d) = &report.dmarc.record {
        out.push_str(&format!("  DMARC  {d}\n"));
    }
    for (p, h) in &report.mx.hosts {
        out.push_str(&format!(
            "  MX     {p} {}\n",
            if h.is_empty() { "." } else { h }
        ));
    }
    for k in report.dkim.iter().filter(|k| k.found) {
        out.push_str(&format!(
            "  DKIM   {}: {}\n",
            k.selector,
            k.record.as_deref().unwrap_or("")
        ));
    }
    let spf_findings = report
        .spf
        .findings
        .iter()
        .map(|f| (f.severity(), f.text(lang)));
    let other = report.findings.iter().map(|f| (f.severity(), f.text(lang)));
    let dmarc = report
        .dmarc
        .findings
        .iter()
        .map(|f| (f.severity(), f.text(lang)));
    let dkim = report
        .dkim
        .iter()
        .flat_map(|k| k.findings.iter())
        .map(|f| (f.severity(), f.text(lang)));
    for (sev, text) in spf_findings.chain(dmarc).chain(dkim).chain(other) {
        out.push_str(&format!("  [{}] {text}\n", sev.text(lang)));
    }
    for (i, s) in report.next_steps.iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", i + 1, s.text(lang)));
    }
    Ok(out)
}
