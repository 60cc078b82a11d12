//! `sceau dns NAME TYPE`: one lookup, its answers and its outcome.

use serde::Serialize;

use super::args::{Args, CliError};
use super::source::CliDns;
use crate::dns::{Answer, DnsError, DnsLookup, RData, RecordType, reverse_name};
use crate::i18n::{Translate, to_json};

/// One answer record as printed.
#[derive(Serialize)]
struct Line {
    #[serde(rename = "type")]
    rtype: RecordType,
    /// TXT: the strings joined; others: the presentation form.
    text: String,
    /// TXT only: the separate strings.
    #[serde(skip_serializing_if = "Option::is_none")]
    strings: Option<Vec<String>>,
}

#[derive(Serialize)]
struct Output {
    name: String,
    #[serde(rename = "type")]
    rtype: RecordType,
    resolver: String,
    outcome: &'static str,
    authenticated: bool,
    answers: Vec<Line>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn line(r: &RData) -> Line {
    let (text, strings) = match r {
        RData::A { address } => (address.to_string(), None),
        RData::Aaaa { address } => (address.to_string(), None),
        RData::Txt { strings } => (
            r.txt_joined().unwrap_or_default(),
            Some(
                strings
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect(),
            ),
        ),
        RData::Mx {
            preference,
            exchange,
        } => (format!("{preference} {exchange}."), None),
        RData::Ptr { name } => (format!("{name}."), None),
        RData::Cname { alias, target } => (format!("{alias}. → {target}."), None),
    };
    Line {
        rtype: r.record_type(),
        text,
        strings,
    }
}

/// Runs the subcommand.
pub fn run(args: &mut Args) -> Result<String, CliError> {
    let name = args
        .positional
        .first()
        .cloned()
        .ok_or(CliError::MissingArgument("NAME"))?;
    let tname = args
        .positional
        .get(1)
        .cloned()
        .unwrap_or_else(|| "TXT".into());
    let rtype = RecordType::parse(&tname).ok_or(CliError::BadValue {
        option: "TYPE".into(),
        value: tname,
    })?;
    let name = match (rtype, name.parse()) {
        (RecordType::Ptr, Ok(ip)) => reverse_name(ip),
        _ => name,
    };
    let dns = CliDns::from_args(args)?;
    let result = futures::executor::block_on(dns.lookup(&name, rtype));
    let (outcome, answer, error): (&str, Answer, Option<DnsError>) = match result {
        Ok(a) if a.records.is_empty() => ("nodata", a, None),
        Ok(a) => ("answer", a, None),
        Err(e) => (e.code(), Answer::default(), Some(e)),
    };
    let out = Output {
        name: crate::dns::normalize_name(&name),
        rtype,
        resolver: dns.describe(),
        outcome,
        authenticated: answer.authenticated,
        answers: answer.records.iter().map(line).collect(),
        error: error.as_ref().map(|e| e.text(args.lang)),
    };
    if args.json {
        return Ok(to_json(&out, args.lang) + "\n");
    }
    let mut s = String::new();
    for l in &out.answers {
        let text = if l.rtype == RecordType::Txt {
            format!("{:?}", l.text)
        } else {
            l.text.clone()
        };
        s.push_str(&format!("{}\t{}\t{}\n", out.name, l.rtype, text));
    }
    if let Some(e) = &out.error {
        s.push_str(&format!("{}\t{}\t{e}\n", out.name, out.rtype));
    } else if out.answers.is_empty() {
        s.push_str(&format!(
            "{}\t{}\t{}\n",
            out.name,
            out.rtype,
            super::args::NoData.text(args.lang)
        ));
    }
    Ok(s)
}
