//! Exports of a message analysis: Markdown for tickets and chats, JSON for tools.

use super::message::MessageReport;
use super::recheck::Recheck;
use super::story;
use crate::findings::{Finding as _, Severity};
use crate::i18n::text::{Label, Ui};
use crate::i18n::{Lang, Translate};

/// Every finding of the analysis, with its severity and sentence in `lang`: the
/// message's own, then DKIM's, then DMARC's.
pub fn findings(
    report: &MessageReport,
    recheck: Option<&Recheck>,
    lang: Lang,
) -> Vec<(Severity, String)> {
    let mut out: Vec<(Severity, String)> = report
        .findings
        .iter()
        .map(|f| (f.finding.severity(), f.finding.text(lang)))
        .collect();
    if let Some(r) = recheck {
        out.extend(
            r.dkim
                .iter()
                .flat_map(|d| &d.findings)
                .map(|f| (f.severity(), f.text(lang))),
        );
        out.extend(r.arc.findings.iter().map(|f| (f.severity(), f.text(lang))));
        out.extend(
            r.dmarc
                .details
                .findings
                .iter()
                .map(|f| (f.severity(), f.text(lang))),
        );
        out.extend(
            r.dmarc
                .details
                .record
                .findings
                .iter()
                .map(|f| (f.severity(), f.text(lang))),
        );
    }
    out
}

/// A Markdown table head.
fn head(cols: &[String]) -> String {
    format!("| {} |\n|{}\n", cols.join(" | "), "---|".repeat(cols.len()))
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The analysis as Markdown, in `lang`.
pub fn markdown(report: &MessageReport, recheck: Option<&Recheck>, lang: Lang) -> String {
    let t = |u: Ui| u.text(lang);
    let mut out = String::from("# Sceau\n\n");
    out.push_str(&format!(
        "## {}\n\n{}\n\n",
        t(Ui::MsgStory),
        story::story(report, recheck).text(lang)
    ));
    if let Some(r) = recheck {
        out.push_str(&format!("## {}\n\n", t(Ui::MsgVerdict)));
        for (i, s) in story::steps(r).iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, s.text(lang)));
        }
        out.push_str(&format!("\n## {}\n\n", t(Ui::MsgComparison)));
        out.push_str(&head(&[
            t(Ui::ColMethod),
            t(Ui::ColClaimed),
            t(Ui::ColRechecked),
            t(Ui::ColWhy),
        ]));
        for c in &r.comparison {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                c.method.to_uppercase(),
                c.claimed.as_deref().unwrap_or("—"),
                c.rechecked,
                cell(&c.cause.text(lang))
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", t(Ui::MsgRoute)));
    out.push_str(&head(&[
        t(Ui::ColHop),
        t(Ui::ColFrom),
        t(Ui::ColBy),
        t(Ui::ColTime),
        t(Ui::ColDelay),
    ]));
    for h in &report.hops {
        let from = match (&h.from_host, h.from_ip) {
            (Some(n), Some(ip)) => format!("{n} [{ip}]"),
            (Some(n), None) => n.clone(),
            (None, Some(ip)) => format!("[{ip}]"),
            (None, None) => "?".into(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            h.number,
            cell(&from),
            cell(h.by_host.as_deref().unwrap_or("?")),
            h.timestamp.as_deref().unwrap_or("—"),
            h.delay_seconds
                .map(|d| Label::Duration(d).text(lang))
                .unwrap_or_default()
        ));
    }
    let findings: Vec<String> = findings(report, recheck, lang)
        .into_iter()
        .map(|(sev, text)| format!("- **{}** {text}", sev.text(lang)))
        .collect();
    if !findings.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            t(Ui::Findings),
            findings.join("\n")
        ));
    }
    out
}

/// The analysis as JSON (the same shape as `sceau message --json`), in `lang`.
pub fn json(report: &MessageReport, recheck: Option<&Recheck>, lang: Lang) -> String {
    #[derive(serde::Serialize)]
    struct Output<'a> {
        #[serde(flatten)]
        report: &'a MessageReport,
        #[serde(flatten)]
        recheck: Option<&'a Recheck>,
    }
    crate::i18n::to_json(&Output { report, recheck }, lang)
}
