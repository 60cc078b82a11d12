//! `sceau report FILE...`: DMARC aggregate, failure and TLS reports, one status per
//! file and the batch summary. A broken file is a per-file error, not a failure of the
//! command; a directory stands for the files directly in it.

use super::args::{Args, CliError};
use crate::findings::Finding as _;
use crate::i18n::Translate;
use crate::reports::filter::Filter;
use crate::reports::input::DocumentKind;
use crate::reports::{Batch, FileStatus, FileView, Label, Limits};

/// The files named on the command line; directories give their files, by name.
fn paths(args: &Args) -> Result<Vec<String>, CliError> {
    let mut out = Vec::new();
    for p in &args.positional {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| CliError::ReadFile {
                path: p.clone(),
                detail: e.to_string(),
            })?;
            let mut files: Vec<String> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn date(secs: Option<i64>) -> String {
    secs.map(crate::headers::date::utc_day)
        .unwrap_or_else(|| "?".into())
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<String, CliError> {
    let paths = paths(args)?;
    if paths.is_empty() {
        return Err(CliError::MissingArgument("FILE"));
    }
    let limits = Limits::default();
    // One file at a time: its bytes are let go once it is folded into the batch.
    let mut batch = Batch::new();
    for p in &paths {
        let bytes = Args::read_input(p)?;
        batch.add(p, &bytes, &limits);
    }
    let summary = batch.summary();
    let lang = args.lang;
    let all = Filter::default();
    if args.json {
        return Ok(crate::reports::batch_json(&batch, &all, &summary, lang) + "\n");
    }
    let mut out = String::new();
    for f in batch.files() {
        let f = FileView::of(&batch, f, &all);
        let status = match f.status {
            FileStatus::Ok => Label::StatusOk,
            FileStatus::Error => Label::StatusError,
        };
        out.push_str(&format!("{}  [{}]\n", f.name, status.text(lang)));
        for o in &f.reports {
            let kind = match o.kind {
                DocumentKind::Aggregate => Label::KindAggregate,
                DocumentKind::Failure => Label::KindFailure,
                DocumentKind::Tls => Label::KindTls,
            };
            out.push_str(&format!(
                "  {}  {}  {}  {}  {}..{}  {} {}  {} {}\n",
                kind.text(lang),
                if o.org_name.is_empty() {
                    "-"
                } else {
                    &o.org_name
                },
                o.report_id,
                o.policy_domain,
                date(o.begin),
                date(o.end),
                Label::Records.text(lang),
                o.records,
                Label::Messages.text(lang),
                o.messages
            ));
        }
        if let Some(e) = f.error {
            out.push_str(&format!("  {}\n", e.text(lang)));
        }
        for n in &f.findings {
            out.push_str(&format!(
                "  [{}] {}\n",
                n.severity().text(lang),
                n.text(lang)
            ));
        }
    }
    let t = &summary.totals;
    out.push('\n');
    for (label, value) in [
        (Label::Files, t.files.to_string()),
        (Label::Reports, t.reports.to_string()),
        (Label::Duplicates, t.duplicates.to_string()),
        (Label::Records, t.records.to_string()),
        (Label::Messages, t.messages.to_string()),
        (Label::DmarcPass, t.dmarc_pass.to_string()),
        (Label::FailureReports, t.failure_reports.to_string()),
        (Label::TlsReports, t.tls_reports.to_string()),
        (
            Label::TlsSessions,
            format!("{} / {}", t.tls_failed_sessions, t.tls_sessions),
        ),
    ] {
        out.push_str(&format!("{:<32} {value}\n", label.text(lang)));
    }
    if !summary.sources.is_empty() {
        out.push_str(&format!(
            "\n{}\n  {:<40} {:>10} {:>10}\n",
            Label::Sources.text(lang),
            "IP",
            Label::Messages.text(lang),
            Label::DmarcPass.text(lang)
        ));
        for s in summary.sources.iter().take(20) {
            out.push_str(&format!(
                "  {:<40} {:>10} {:>10}\n",
                s.ip, s.messages, s.dmarc_pass
            ));
        }
        if summary.sources.len() > 20 {
            out.push_str(&format!("  … (+{})\n", summary.sources.len() - 20));
        }
    }
    if !summary.findings.is_empty() {
        out.push('\n');
        for f in &summary.findings {
            out.push_str(&format!("[{}] {}\n", f.severity().text(lang), f.text(lang)));
        }
    }
    if !summary.readiness.is_empty() {
        out.push_str(&format!("\n{}\n", Label::NextSteps.text(lang)));
        for (i, s) in summary.readiness.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, s.text(lang)));
        }
    }
    Ok(out)
}
