//! The "DNS queries" panel: every query of the session.

use yew::prelude::*;

use crate::dns::log::{QueryOutcome, QueryRecord};
use crate::i18n::Translate;
use crate::i18n::text::{Listed, Ui};
use crate::ui::app::Ctx;
use crate::ui::caps::{list_id, use_caps};
use crate::ui::state::Action;

fn outcome(ctx: &Ctx, q: &QueryRecord) -> (String, &'static str) {
    match &q.outcome {
        QueryOutcome::Answer { records } => {
            (format!("{} ({records})", ctx.t(Ui::OutcomeAnswer)), "ok")
        }
        QueryOutcome::NoData => (ctx.t(Ui::OutcomeNoData), "none"),
        QueryOutcome::Error { error } => (
            error.text(ctx.state.lang),
            if error.is_nxdomain() { "none" } else { "error" },
        ),
    }
}

/// The query log.
#[function_component(DnsPanel)]
pub fn dns_panel() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    // The latest queries first; a message with 10,000 signatures makes 10,000 of them.
    let caps = use_caps();
    let log = &ctx.state.dns_log;
    let close = {
        let s = ctx.state.clone();
        Callback::from(move |_| s.dispatch(Action::ToggleDns))
    };
    let rows = caps.cut_last(Listed::DnsQueries, log).iter().rev().map(|q| {
        let (text, class) = outcome(&ctx, q);
        let duration = if q.cached { ctx.t(Ui::Cached) } else { format!("{} ms", q.duration_ms) };
        html! {
            <tr class="dns-row">
                <td class="dns-name mono">{ &q.name }</td>
                <td class="dns-type">{ q.rtype.as_str() }</td>
                <td class="dns-resolver mono">{ &q.resolver }</td>
                <td class={classes!("dns-outcome", class)}>{ text }</td>
                <td class="dns-duration">{ duration }</td>
                <td class="dns-ad">{ if q.authenticated { ctx.t(Ui::Yes) } else { ctx.t(Ui::No) } }</td>
            </tr>
        }
    });
    html! {
        <aside id="dns-panel" class="panel wide" aria-labelledby="dns-title">
            <div class="panel-head">
                <h2 id="dns-title">{ ctx.t(Ui::DnsQueries) }</h2>
                <button class="ghost" onclick={close}>{ ctx.t(Ui::Close) }</button>
            </div>
            if ctx.state.dns_log.is_empty() {
                <p>{ ctx.t(Ui::DnsNone) }</p>
            } else {
                <div class="table-wrap">
                    <table id={list_id(Listed::DnsQueries)} tabindex="-1">
                        <thead><tr>
                            <th scope="col">{ ctx.t(Ui::ColName) }</th>
                            <th scope="col">{ ctx.t(Ui::ColType) }</th>
                            <th scope="col">{ ctx.t(Ui::ColResolver) }</th>
                            <th scope="col">{ ctx.t(Ui::ColOutcome) }</th>
                            <th scope="col">{ ctx.t(Ui::ColDuration) }</th>
                            <th scope="col">{ ctx.t(Ui::ColDnssec) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { caps.more(Listed::DnsQueries, log.len(), ctx.state.lang) }
            }
        </aside>
    }
}
