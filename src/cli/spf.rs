//! `sceau spf --ip IP --mail-from ADDR [--helo NAME]`: RFC 7208 `check_host()`.

use std::net::IpAddr;

use super::args::{Args, CliError};
use super::source::CliDns;
use crate::i18n::text::Label;
use crate::i18n::{Lang, Translate, to_json};
use crate::spf::evaluate::{SpfNode, SpfRequest, check_host};

fn tree_lines(n: &SpfNode, depth: usize, lang: Lang, out: &mut String) {
    out.push_str(&format!(
        "{}{} {} [{}] ({}) {}\n",
        "  ".repeat(depth),
        n.via,
        n.domain,
        n.result.as_str(),
        Label::BranchLookups(n.lookups).text(lang),
        n.record.as_deref().unwrap_or("-")
    ));
    for c in &n.children {
        tree_lines(c, depth + 1, lang, out);
    }
}

/// Runs the subcommand.
pub fn run(args: &Args) -> Result<String, CliError> {
    let ip_text = args.option("ip").ok_or(CliError::MissingArgument("--ip"))?;
    let ip: IpAddr = ip_text.parse().map_err(|_| CliError::BadValue {
        option: "--ip".into(),
        value: ip_text.into(),
    })?;
    let mail_from = args.option("mail-from").unwrap_or("");
    let helo = args.option("helo").unwrap_or("");
    if mail_from.is_empty() && helo.is_empty() {
        return Err(CliError::MissingArgument("--mail-from / --helo"));
    }
    let dns = CliDns::from_args(args)?;
    let req = SpfRequest {
        ip,
        mail_from,
        helo,
        receiver: "unknown",
        now: args.now(),
    };
    let outcome = futures::executor::block_on(check_host(&dns, &req));
    if args.json {
        return Ok(to_json(&outcome, args.lang) + "\n");
    }
    let mut out = outcome.result.as_str().to_string();
    if let Some(m) = &outcome.mechanism {
        out.push_str(&format!(" ({m})"));
    }
    out.push('\n');
    if let Some(e) = &outcome.error {
        out.push_str(&format!("{}\n", e.text(args.lang)));
    }
    if let Some(x) = &outcome.explanation {
        out.push_str(&format!("exp= {x}\n"));
    }
    let budget = Label::SpfBudget {
        lookups: outcome.lookups,
        voids: outcome.void_lookups,
    };
    out.push_str(&format!("{}\n", budget.text(args.lang)));
    tree_lines(&outcome.tree, 0, args.lang, &mut out);
    Ok(out)
}
