//! Message tab: paste or drop a message; see its route, what the receiver claimed and
//! what Sceau re-checks over DNS, explained.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::analysis::message::{self, HopView, MessageReport};
use crate::analysis::recheck::{Recheck, recheck};
use crate::analysis::{export, story};
use crate::dkim::{BodyHash, DkimResult, DkimStatus};
use crate::findings::Finding as _;
use crate::headers::address::reveal;
use crate::headers::raw::RawMessage;
use crate::i18n::text::{Label, Listed, Ui};
use crate::i18n::{Lang, Translate};
use crate::input::InputError;
use crate::ui::app::Ctx;
use crate::ui::caps::{Caps, Shown, list_id, step, use_caps};
use crate::ui::drop_zone::DropZone;

/// Pastes larger than this are not mirrored into the text area (it would crawl).
const MIRROR_LIMIT: usize = 512 * 1024;

#[derive(Clone, PartialEq)]
struct Analysis {
    report: Rc<MessageReport>,
    raw: Rc<RawMessage>,
}

fn now_seconds() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

fn result_class(r: &str) -> &'static str {
    match r {
        "pass" => "ok",
        "fail" | "permerror" | "softfail" => "bad",
        "temperror" | "neutral" | "policy" => "warn",
        _ => "muted",
    }
}

fn result_chip(r: &str) -> Html {
    html! { <span class={classes!("chip", result_class(r))}>{ r.to_string() }</span> }
}

/// Control characters made visible as experts write them (`\r`, `\n`, `\t`; a line
/// break follows `\n`), spaces as `·`: fonts without control pictures still show them.
fn visible(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n\n"),
            '\t' => out.push_str("\\t"),
            ' ' => out.push('·'),
            c => out.push(c),
        }
    }
    out
}

/// The route as a chart: one bar per hop, its length the time spent there.
fn timeline(hops: &[HopView], lang: Lang) -> Html {
    let rows: Vec<(&HopView, i64)> = hops
        .iter()
        .filter_map(|h| h.delay_seconds.map(|d| (h, d)))
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    let max = rows.iter().map(|(_, d)| d.abs()).max().unwrap_or(1).max(1) as f64;
    let (label_w, bar_w, row_h) = (230.0, 400.0, 26.0);
    let height = row_h * rows.len() as f64 + 8.0;
    let title = Ui::Timeline.text(lang);
    html! {
        <svg id="message-timeline" class="timeline" role="img" aria-label={title.clone()}
            viewBox={format!("0 0 {} {height}", label_w + bar_w + 130.0)} preserveAspectRatio="xMinYMin meet">
            <title>{ title }</title>
            { for rows.iter().enumerate().map(|(i, (h, d))| {
                let y = 4.0 + i as f64 * row_h;
                // Square root scale: short hops stay visible beside a long queue.
                let w = ((d.abs() as f64 / max).sqrt() * bar_w).max(2.0);
                let skew = *d < 0;
                let name = h.by_host.clone().unwrap_or_else(|| "?".into());
                let short: String = name.chars().take(30).collect();
                let text = if skew {
                    format!("−{} ({})", Label::Duration(*d).text(lang), Ui::ClockSkew.text(lang))
                } else {
                    Label::Duration(*d).text(lang)
                };
                html! {
                    <g class={classes!("hop-bar", skew.then_some("skew"))}>
                        <text x="0" y={(y + 17.0).to_string()} class="hop-label">{ format!("{}. {short}", h.number) }</text>
                        <rect x={label_w.to_string()} y={(y + 4.0).to_string()} width={w.to_string()} height="16" rx="3"/>
                        <text x={(label_w + w + 6.0).to_string()} y={(y + 17.0).to_string()} class="hop-delay">{ text }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

fn addresses(list: &[message::AddressView]) -> String {
    list.iter()
        .map(|a| match &a.name {
            Some(n) => format!("{n} <{}>", a.address),
            None => a.address.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary_view(r: &MessageReport, ctx: &Ctx) -> Html {
    let s = &r.summary;
    let row = |name: &str, value: Option<String>| match value.filter(|v| !v.is_empty()) {
        Some(v) => {
            html! { <tr><th scope="row">{ name.to_string() }</th><td class="wrap">{ reveal(&v) }</td></tr> }
        }
        None => html! {},
    };
    let unsubscribe = s.list_unsubscribe.as_ref().map(|u| {
        format!(
            "{} — {}",
            u.uris.join(", "),
            if u.one_click {
                ctx.t(Ui::OneClick)
            } else {
                ctx.t(Ui::NoOneClick)
            }
        )
    });
    html! {
        <section id="message-summary">
            <h3>{ ctx.t(Ui::MsgSummary) }</h3>
            <table class="records"><tbody>
                { row("From", Some(addresses(&s.from))) }
                { row("Sender", s.sender.as_ref().map(|a| addresses(std::slice::from_ref(a)))) }
                { row("Reply-To", Some(addresses(&s.reply_to))) }
                { row("To", Some(addresses(&s.to))) }
                { row("Cc", Some(addresses(&s.cc))) }
                { row("Subject", s.subject.as_ref().map(|d| if d.text == d.raw { d.text.clone() } else { format!("{}  ({})", d.text, d.raw) })) }
                { row("Date", s.date.as_ref().map(|d| format!("{}  ({})", d.rfc3339, d.raw))) }
                { row("Message-ID", s.message_id.clone()) }
                { row("Return-Path", s.return_path.clone().map(|p| if p.is_empty() { "<>".into() } else { p })) }
                { row("List-Unsubscribe", unsubscribe) }
                { row(&ctx.t(Ui::ConnectingIp), r.connecting_ip.as_ref().map(|c| c.ip.to_string())) }
            </tbody></table>
            <p class="note">{ if r.body_present { ctx.t(Ui::BodyPresent) } else { ctx.t(Ui::HeadersOnly) } }</p>
            { for r.input_notes.iter().map(|n| html! { <p class="note">{ n.text(ctx.state.lang) }</p> }) }
        </section>
    }
}

fn route_view(r: &MessageReport, ctx: &Ctx, caps: &Caps) -> Html {
    let lang = ctx.state.lang;
    if r.hops.is_empty() {
        return html! {};
    }
    let hops = caps.cut(Listed::Hops, &r.hops);
    html! {
        <section id="message-hops">
            <h3>{ ctx.t(Ui::MsgRoute) }
                if let Some(t) = r.total_delay_seconds { <span class="muted">{ format!(" — {}", Label::Duration(t).text(lang)) }</span> }
            </h3>
            { timeline(hops, lang) }
            <div id={list_id(Listed::Hops)} class="scroll" tabindex="0"><table class="hops">
                <thead><tr><th>{ ctx.t(Ui::ColHop) }</th><th>{ ctx.t(Ui::ColFrom) }</th><th>{ ctx.t(Ui::ColBy) }</th>
                    <th>{ ctx.t(Ui::ColProtocol) }</th><th>{ ctx.t(Ui::ColTime) }</th><th>{ ctx.t(Ui::ColDelay) }</th></tr></thead>
                <tbody>{ for hops.iter().map(|h| {
                    let entry = r.connecting_ip.as_ref().and_then(|c| c.hop) == Some(h.number);
                    html! {
                        <tr class={classes!("hop", entry.then_some("entry"), (!h.parsed).then_some("unparsed"))} title={h.raw.clone()}>
                            <td>{ h.number }</td>
                            <td class="mono wrap">{ reveal(h.from_host.as_deref().unwrap_or_default()) }
                                if let Some(ip) = h.from_ip { <span class="muted">{ format!(" [{ip}]") }</span> }
                                if let Some(rdns) = &h.from_rdns { <div class="muted small">{ rdns.clone() }</div> }</td>
                            <td class="mono wrap">{ reveal(h.by_host.as_deref().unwrap_or_default()) }</td>
                            <td>{ h.protocol.clone().unwrap_or_default() }
                                if let Some(tls) = &h.tls { <div class="muted small">{ tls.clone() }</div> }</td>
                            <td class="mono">{ h.timestamp.clone().unwrap_or_else(|| "—".into()) }</td>
                            <td>{ h.delay_seconds.map(|d| Label::Duration(d).text(lang)).map(|t| if h.delay_seconds.unwrap_or(0) < 0 { format!("−{t}") } else { t }).unwrap_or_default() }</td>
                        </tr>
                    }
                }) }</tbody>
            </table></div>
            { caps.more(Listed::Hops, r.hops.len(), lang) }
        </section>
    }
}

fn comparison_view(c: &Recheck, ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    html! {
        <section id="message-comparison">
            <h3>{ ctx.t(Ui::MsgComparison) }</h3>
            <div class="scroll" tabindex="0"><table class="compare">
                <thead><tr><th>{ ctx.t(Ui::ColMethod) }</th><th>{ ctx.t(Ui::ColClaimed) }</th><th>{ ctx.t(Ui::ColRechecked) }</th><th>{ ctx.t(Ui::ColWhy) }</th></tr></thead>
                <tbody>{ for c.comparison.iter().map(|row| html! {
                    <tr class="compare-row" data-method={row.method} data-agree={(row.cause == crate::analysis::recheck::Cause::Agree).to_string()}>
                        <th scope="row">{ row.method.to_uppercase() }</th>
                        <td>{ row.claimed.as_deref().map(result_chip).unwrap_or_else(|| html! { "—" }) }</td>
                        <td class="rechecked">{ result_chip(&row.rechecked) }</td>
                        <td>{ row.cause.text(lang) }</td>
                    </tr>
                }) }</tbody>
            </table></div>
        </section>
    }
}

fn signed_view(raw: &RawMessage, d: &DkimResult, ctx: &Ctx) -> Html {
    let Some(sig) = raw
        .fields
        .get(d.field_index)
        .and_then(|f| crate::dkim::signature::parse(&String::from_utf8_lossy(f.raw_value())).ok())
    else {
        return html! {};
    };
    let Some(data) = crate::dkim::canon::signed_data(raw, d.field_index, &sig) else {
        return html! {};
    };
    html! {
        <details class="signed">
            <summary>{ ctx.t(Ui::WhatWasSigned) }</summary>
            <h4>{ ctx.t(Ui::SignedHeaders) }</h4>
            <pre class="mono" tabindex="0">{ visible(&data.headers) }</pre>
            if let Some(body) = &data.body {
                <h4>{ ctx.t(Ui::SignedBody) }</h4>
                <pre class="mono" tabindex="0">{ visible(&body[..body.len().min(4096)]) }{ if body.len() > 4096 { "…" } else { "" } }</pre>
            }
        </details>
    }
}

fn dkim_view(c: &Recheck, raw: &RawMessage, ctx: &Ctx, caps: &Caps) -> Html {
    let lang = ctx.state.lang;
    html! {
        <section id={list_id(Listed::DkimSignatures)} tabindex="-1">
            <h3>{ ctx.t(Ui::MsgDkim) }</h3>
            if c.dkim.is_empty() { <p>{ ctx.t(Ui::NoDkim) }</p> }
            { for caps.cut(Listed::DkimSignatures, &c.dkim).iter().map(|d| {
                let status = d.result.auth_result().as_str();
                html! {
                    <article class={classes!("card", "dkim-card", result_class(status))} data-result={status}>
                        <header>{ result_chip(status) }{ " " }<span class="mono">{ format!("{}._domainkey.{}", d.selector, d.domain) }</span></header>
                        <dl class="facts">
                            <dt>{ ctx.t(Ui::ColAlgorithm) }</dt><dd>{ d.algorithm.map(|a| a.as_str()).unwrap_or("?") }</dd>
                            <dt>{ ctx.t(Ui::ColKey) }</dt><dd>{ d.key_bits.map(|b| Label::KeyBits(b).text(lang)).unwrap_or_else(|| "—".into()) }</dd>
                            <dt>{ ctx.t(Ui::ColBodyHash) }</dt><dd>{ ctx.t(match d.body_hash { BodyHash::Match => Ui::BodyHashMatch, BodyHash::Mismatch => Ui::BodyHashMismatch, BodyHash::NotChecked => Ui::BodyHashNotChecked }) }
                                if d.body_hash == BodyHash::Mismatch {
                                    <div class="mono small">{ format!("{}: {}", ctx.t(Ui::Computed), d.computed_body_hash.clone().unwrap_or_default()) }</div>
                                    <div class="mono small">{ format!("{}: {}", ctx.t(Ui::Signed), d.signed_body_hash.clone().unwrap_or_default()) }</div>
                                }</dd>
                            <dt>{ "h=" }</dt><dd class="mono wrap">{ d.signed_headers.join(":") }</dd>
                        </dl>
                        if !d.findings.is_empty() || d.result != DkimStatus::Pass {
                            <ul class="findings">{ for d.findings.iter().map(|f| html! {
                                <li class="finding" data-code={f.code()}>{ crate::ui::severity_badge(f.severity(), lang) }{ " " }{ f.text(lang) }</li>
                            }) }</ul>
                        }
                        { signed_view(raw, d, ctx) }
                    </article>
                }
            }) }
            { caps.more(Listed::DkimSignatures, c.dkim.len(), lang) }
        </section>
    }
}

fn arc_view(c: &Recheck, ctx: &Ctx, caps: &Caps) -> Html {
    let lang = ctx.state.lang;
    let sig = |s: &crate::arc::SigStatus| match s {
        crate::arc::SigStatus::Pass => "pass",
        crate::arc::SigStatus::Fail => "fail",
        crate::arc::SigStatus::NotChecked => "—",
    };
    html! {
        <section id="message-arc">
            <h3>{ ctx.t(Ui::MsgArc) }{ " " }{ result_chip(match c.arc.result { crate::arc::ArcStatus::Pass => "pass", crate::arc::ArcStatus::Fail => "fail", crate::arc::ArcStatus::None => "none" }) }</h3>
            if c.arc.sets.is_empty() { <p>{ ctx.t(Ui::NoArc) }</p> } else {
                <div id={list_id(Listed::ArcSets)} class="scroll" tabindex="0"><table class="arc">
                    <thead><tr><th>{ ctx.t(Ui::ColInstance) }</th><th>{ ctx.t(Ui::ColDomain) }</th><th>{ ctx.t(Ui::ColAms) }</th><th>{ ctx.t(Ui::ColSeal) }</th><th>{ ctx.t(Ui::ColChain) }</th><th>{ ctx.t(Ui::MsgAuthResults) }</th></tr></thead>
                    <tbody>{ for caps.cut(Listed::ArcSets, &c.arc.sets).iter().map(|s| html! {
                        <tr class="arc-set">
                            <td>{ s.instance }</td>
                            <td class="mono">{ s.seal_domain.clone().or(s.ams_domain.clone()).unwrap_or_default() }</td>
                            <td>{ result_chip(sig(&s.ams)) }</td>
                            <td>{ result_chip(sig(&s.seal)) }</td>
                            <td>{ s.claimed.map(|v| v.as_str()).unwrap_or_default() }</td>
                            <td class="mono wrap small">{ s.authentication_results.clone().unwrap_or_default() }</td>
                        </tr>
                    }) }</tbody>
                </table></div>
                { caps.more(Listed::ArcSets, c.arc.sets.len(), lang) }
            }
            { for c.arc.findings.iter().map(|f| html! { <p class="finding" data-code={f.code()}>{ crate::ui::severity_badge(f.severity(), lang) }{ " " }{ f.text(lang) }</p> }) }
        </section>
    }
}

fn auth_results_view(r: &MessageReport, ctx: &Ctx, caps: &Caps) -> Html {
    if r.authentication_results.is_empty() {
        return html! {};
    }
    html! {
        <section id={list_id(Listed::AuthResults)} tabindex="-1">
            <h3>{ ctx.t(Ui::MsgAuthResults) }</h3>
            { for caps.cut(Listed::AuthResults, &r.authentication_results).iter().map(|a| html! {
                <div class={classes!("auth", if a.trusted { "trusted" } else { "claim" })}>
                    <p><span class="mono">{ if a.authserv_id.is_empty() { "?".to_string() } else { a.authserv_id.clone() } }</span>
                        if let Some(i) = a.instance { { format!(" (ARC i={i})") } }
                        { " — " }<em>{ if a.trusted { ctx.t(Ui::Trusted) } else { ctx.t(Ui::Claim) } }</em></p>
                    <ul>{ for a.results.iter().map(|m| html! {
                        <li>{ format!("{}: ", m.method) }{ result_chip(&m.result) }
                            <span class="mono small">{ m.properties.iter().map(|(k, v)| format!(" {k}={}", v.as_str().unwrap_or_default())).collect::<String>() }</span>
                            if let Some(c) = &m.comment { <span class="muted small">{ format!(" ({c})") }</span> }</li>
                    }) }</ul>
                </div>
            }) }
            { caps.more(Listed::AuthResults, r.authentication_results.len(), ctx.state.lang) }
        </section>
    }
}

fn antispam_view(r: &MessageReport, ctx: &Ctx, caps: &Caps) -> Html {
    if r.antispam.is_empty() {
        return html! {};
    }
    let lang = ctx.state.lang;
    html! {
        <section id="message-antispam">
            <h3>{ ctx.t(Ui::MsgAntispam) }</h3>
            <div id={list_id(Listed::Antispam)} class="scroll" tabindex="0"><table class="antispam"><tbody>
                { for caps.cut(Listed::Antispam, &r.antispam).iter().map(|a| html! {
                    <tr><th scope="row" class="mono">{ if a.key.is_empty() { a.header.clone() } else { format!("{} {}", a.header, a.key) } }</th>
                        <td class="mono">{ a.raw_value.clone() }</td><td>{ a.meaning.text(lang) }</td></tr>
                }) }
            </tbody></table></div>
            { caps.more(Listed::Antispam, r.antispam.len(), lang) }
        </section>
    }
}

/// Paste area, drop zone and the analysis.
#[function_component(MessageTab)]
pub fn message_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.state.lang;
    let text = use_state(String::new);
    let dropped = use_state(|| None::<Rc<Vec<u8>>>);
    let analysis = use_state(|| None::<Analysis>);
    let error = use_state(|| None::<InputError>);
    let checked = use_state(|| None::<Rc<Recheck>>);
    let busy = use_state(|| false);
    let selected = use_state(|| None::<usize>);
    let caps = use_caps();
    let generation = use_mut_ref(|| 0u32);
    let oninput = {
        let dropped = dropped.clone();
        let bind = crate::ui::bind_text(&text);
        Callback::from(move |e: InputEvent| {
            dropped.set(None);
            bind.emit(e);
        })
    };

    let run = {
        let (analysis, error, checked, busy, selected, generation, ctx) = (
            analysis.clone(),
            error.clone(),
            checked.clone(),
            busy.clone(),
            selected.clone(),
            generation.clone(),
            ctx.clone(),
        );
        let shown = caps.shown.clone();
        Callback::from(move |bytes: Rc<Vec<u8>>| {
            checked.set(None);
            selected.set(None);
            shown.set(Shown::default());
            *generation.borrow_mut() += 1;
            let this_run = *generation.borrow();
            match message::parse(&bytes) {
                Err(e) => {
                    analysis.set(None);
                    error.set(Some(e));
                }
                Ok((report, raw)) => {
                    error.set(None);
                    let a = Analysis {
                        report: Rc::new(report),
                        raw: Rc::new(raw),
                    };
                    analysis.set(Some(a.clone()));
                    busy.set(true);
                    let (checked, busy, dns, generation) = (
                        checked.clone(),
                        busy.clone(),
                        ctx.dns.clone(),
                        generation.clone(),
                    );
                    spawn_local(async move {
                        // The parsed message is drawn first: the re-check can keep the
                        // page busy for seconds when a message carries thousands of
                        // signatures.
                        crate::ui::after_paint().await;
                        if *generation.borrow() != this_run {
                            return;
                        }
                        let r = recheck(&a.report, &a.raw, &*dns, now_seconds()).await;
                        // A newer analysis started meanwhile: drop this one.
                        if *generation.borrow() == this_run {
                            checked.set(Some(Rc::new(r)));
                            busy.set(false);
                        }
                    });
                }
            }
        })
    };
    let analyze = {
        let (text, dropped, run) = (text.clone(), dropped.clone(), run.clone());
        Callback::from(move |_: MouseEvent| {
            let bytes = match &*dropped {
                Some(b) => b.clone(),
                None => Rc::new(text.as_bytes().to_vec()),
            };
            run.emit(bytes);
        })
    };
    let clear = {
        let (text, dropped, analysis, error, checked, busy) = (
            text.clone(),
            dropped.clone(),
            analysis.clone(),
            error.clone(),
            checked.clone(),
            busy.clone(),
        );
        let generation = generation.clone();
        Callback::from(move |_| {
            *generation.borrow_mut() += 1;
            text.set(String::new());
            dropped.set(None);
            analysis.set(None);
            error.set(None);
            checked.set(None);
            busy.set(false);
        })
    };
    let on_files = {
        let (text, dropped, run) = (text.clone(), dropped.clone(), run.clone());
        Callback::from(move |files: Vec<(String, Vec<u8>)>| {
            if let Some((_, bytes)) = files.into_iter().next() {
                let bytes = Rc::new(bytes);
                if bytes.len() <= MIRROR_LIMIT && std::str::from_utf8(&bytes).is_ok() {
                    text.set(String::from_utf8_lossy(&bytes).into_owned());
                    dropped.set(None);
                } else {
                    text.set(String::new());
                    dropped.set(Some(bytes.clone()));
                }
                run.emit(bytes);
            }
        })
    };
    let copy = |make: Rc<dyn Fn() -> String>| {
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&make());
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    let result = analysis.as_ref().map(|a| {
        let r = &a.report;
        let c = checked.as_deref();
        let (ra, ca) = (a.report.clone(), (*checked).clone());
        let copy_md = copy(Rc::new(move || export::markdown(&ra, ca.as_deref(), lang)));
        let (rj, cj) = (a.report.clone(), (*checked).clone());
        let copy_json = copy(Rc::new(move || export::json(&rj, cj.as_deref(), lang)));
        let highlighted: Vec<usize> = selected
            .and_then(|i| r.findings.get(i))
            .map(|f| f.fields.clone())
            .unwrap_or_default();
        html! {
            <div id="message-result" class="result">
                <section id="message-story">
                    <h2>{ ctx.t(Ui::MsgStory) }</h2>
                    <p>{ story::story(r, c).text(lang) }</p>
                    <div class="actions no-print">
                        <button id="message-copy-md" class="ghost small" onclick={copy_md}>{ ctx.t(Ui::CopyMarkdown) }</button>
                        <button id="message-copy-json" class="ghost small" onclick={copy_json}>{ ctx.t(Ui::CopyJson) }</button>
                        <button id="message-print" class="ghost small" onclick={print.clone()}>{ ctx.t(Ui::Print) }</button>
                    </div>
                </section>
                if *busy { <p aria-live="polite" class="note">{ ctx.t(Ui::Rechecking) }</p> }
                if let Some(c) = c {
                    <section id="message-verdict">
                        <h3>{ ctx.t(Ui::MsgVerdict) }</h3>
                        <ol class="verdict">{ for story::steps(c).iter().map(|s| html! { <li>{ s.text(lang) }</li> }) }</ol>
                    </section>
                    { comparison_view(c, &ctx) }
                }
                { summary_view(r, &ctx) }
                { route_view(r, &ctx, &caps) }
                if let Some(c) = c {
                    { dkim_view(c, &a.raw, &ctx, &caps) }
                    { arc_view(c, &ctx, &caps) }
                }
                { auth_results_view(r, &ctx, &caps) }
                { antispam_view(r, &ctx, &caps) }
                if !r.findings.is_empty() || c.is_some_and(|c| !c.dmarc.details.findings.is_empty()) {
                    <section>
                        <h3>{ ctx.t(Ui::Findings) }</h3>
                        <ul id={list_id(Listed::Findings)} class="findings" tabindex="-1">
                            { for caps.cut(Listed::Findings, &r.findings).iter().enumerate().map(|(i, f)| {
                                let sel = selected.clone();
                                let is_sel = *selected == Some(i);
                                // The fields it is about are shown, however far down.
                                let last = f.fields.iter().max().map_or(0, |&m| m + 1);
                                let shown = caps.shown.clone();
                                let onclick = Callback::from(move |_| {
                                    let fields = shown.get(Listed::HeaderFields);
                                    if !is_sel && last > fields {
                                        let step = step(Listed::HeaderFields);
                                        shown.set(shown.with(Listed::HeaderFields, last.div_ceil(step) * step));
                                    }
                                    sel.set(if is_sel { None } else { Some(i) });
                                });
                                html! {
                                    <li class={classes!("finding", is_sel.then_some("selected"))} data-code={f.finding.code()}>
                                        <button class="link" aria-pressed={is_sel.to_string()} disabled={f.fields.is_empty()} {onclick}>
                                            { crate::ui::severity_badge(f.finding.severity(), lang) }{ " " }{ f.finding.text(lang) }
                                        </button>
                                    </li>
                                }
                            }) }
                            if let Some(c) = c {
                                { for c.dmarc.details.findings.iter().map(|f| html! {
                                    <li class="finding" data-code={f.code()}>{ crate::ui::severity_badge(f.severity(), lang) }{ " " }{ f.text(lang) }</li>
                                }) }
                                { for c.dmarc.details.record.findings.iter().map(|f| html! {
                                    <li class="finding" data-code={f.code()}>{ crate::ui::severity_badge(f.severity(), lang) }{ " " }{ f.text(lang) }</li>
                                }) }
                            }
                        </ul>
                        { caps.more(Listed::Findings, r.findings.len(), lang) }
                    </section>
                }
                <section>
                    <h3>{ ctx.t(Ui::MsgRaw) }</h3>
                    <p class="note">{ ctx.t(Ui::MsgRawHint) }</p>
                    <pre id={list_id(Listed::HeaderFields)} class="raw mono" tabindex="0" aria-label={ctx.t(Ui::MsgRaw)}>{ for caps.cut(Listed::HeaderFields, &r.fields).iter().enumerate().map(|(i, f)| html! {
                        <span class={classes!("field", highlighted.contains(&i).then_some("highlight"))} data-field={i.to_string()}>{ format!("{}\n", reveal(&f.text)) }</span>
                    }) }</pre>
                    { caps.more(Listed::HeaderFields, r.fields.len(), lang) }
                </section>
            </div>
        }
    });

    html! {
        <div class="tool">
            <p class="intro no-print">{ ctx.t(Ui::MessageIntro) }</p>
            <div class="no-print">
                <label class="visually-hidden" for="message-input">{ ctx.t(Ui::MessagePlaceholder) }</label>
                <textarea id="message-input" spellcheck="false" placeholder={ctx.t(Ui::MessagePlaceholder)} value={(*text).clone()} {oninput}/>
                <DropZone id="message-drop" input_id="message-file" label={ctx.t(Ui::MessageDrop)} pick={ctx.t(Ui::ChooseOneFile)} accept=".eml,.txt,.msg,message/rfc822,text/plain" {on_files}/>
                <div class="actions">
                    <button id="message-analyze" class="primary" onclick={analyze}>{ ctx.t(Ui::Analyze) }</button>
                    <button id="message-clear" class="ghost" onclick={clear}>{ ctx.t(Ui::Clear) }</button>
                </div>
            </div>
            if let Some(e) = &*error { <p id="message-error" class="error" role="alert">{ e.text(lang) }</p> }
            { result.unwrap_or_default() }
        </div>
    }
}
