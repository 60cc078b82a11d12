//! Domain tab: the domain check, its findings and the plan.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::domain::check::{DomainReport, check, parse_selectors, valid_domain};
use crate::i18n::text::{Label, Ui};
use crate::i18n::{Lang, Translate};
use crate::ui::app::Ctx;

fn copy(text: String) -> Callback<MouseEvent> {
    Callback::from(move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&text);
        }
    })
}

fn finding_item<F: crate::findings::Finding>(f: &F, lang: Lang) -> Html {
    html! { <li class="finding" data-code={f.code()}>{ crate::ui::severity_badge(f.severity(), lang) }{ " " }{ f.text(lang) }</li> }
}

fn record_row(label: &str, value: Option<&str>, ctx: &Ctx) -> Html {
    html! {
        <tr><th scope="row">{ label }</th>
            <td class="mono wrap">{ value.map(str::to_string).unwrap_or_else(|| ctx.t(Ui::NoneFound)) }</td></tr>
    }
}

fn report_view(r: &DomainReport, ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let budget = Label::SpfBudget {
        lookups: r.spf.lookups,
        voids: r.spf.void_lookups,
    };
    let spf = r
        .spf
        .record
        .as_ref()
        .map(|rec| format!("{rec}  ({})", budget.text(lang)));
    let mx = (!r.mx.hosts.is_empty()).then(|| {
        r.mx.hosts
            .iter()
            .map(|(p, h)| format!("{p} {}", if h.is_empty() { "." } else { h }))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let keys: Vec<_> = r.dkim.iter().filter(|k| k.found || k.requested).collect();
    html! {
        <div id="domain-result" class="result">
            <h2>{ ctx.t(Ui::RecordsFound) }{ " — " }<span class="mono">{ &r.domain }</span></h2>
            if !r.failed.is_empty() {
                <div class="error" role="alert">
                    <p>{ ctx.t(Ui::FailedLookups) }</p>
                    <ul>{ for r.failed.iter().map(|l| html! { <li><span class="mono">{ &l.name }</span>{ ": " }{ l.error.as_ref().map(|e| e.text(lang)).unwrap_or_default() }</li> }) }</ul>
                </div>
            }
            <table class="records"><tbody>
                { record_row("SPF", spf.as_deref(), ctx) }
                { record_row("DMARC", r.dmarc.record.as_deref(), ctx) }
                { record_row("MX", mx.as_deref(), ctx) }
                { record_row("MTA-STS", r.mta_sts.record.as_deref(), ctx) }
                { record_row("TLS-RPT", r.tls_rpt.record.as_deref(), ctx) }
                { record_row("BIMI", r.bimi.record.as_deref(), ctx) }
            </tbody></table>
            <p id="domain-discovery" class="note">{ Label::DmarcDiscovery {
                tree_walk: r.dmarc.discovery.name.clone(),
                org_domain: r.dmarc.discovery.rfc7489.org_domain.clone(),
                psl: r.dmarc.discovery.rfc7489.name.clone(),
            }.text(lang) }</p>
            <p class="note">{ if r.dnssec { ctx.t(Ui::DnssecValidated) } else { ctx.t(Ui::DnssecNotValidated) } }</p>
            <h3>{ ctx.t(Ui::DkimKeys) }</h3>
            if keys.is_empty() { <p>{ ctx.t(Ui::NoDkimKey) }</p> } else {
                <ul class="keys">{ for keys.iter().map(|k| html! {
                    <li><span class="mono">{ format!("{}._domainkey", k.selector) }</span>
                        if let Some(bits) = k.key_bits { { format!(" — {}", Label::KeyBits(bits).text(lang)) } }
                        if let Some(c) = &k.cname { <span class="mono muted">{ format!(" → {c}") }</span> }
                        if !k.found { { format!(" — {}", ctx.t(Ui::KeyNotFound)) } }</li>
                }) }</ul>
            }
            if !r.findings.is_empty() || !r.spf.findings.is_empty() || !r.dmarc.findings.is_empty() || r.dkim.iter().any(|k| !k.findings.is_empty()) {
                <h3>{ ctx.t(Ui::Findings) }</h3>
                <ul id="domain-findings" class="findings">
                    { for r.spf.findings.iter().map(|f| finding_item(f, lang)) }
                    { for r.dmarc.findings.iter().map(|f| finding_item(f, lang)) }
                    { for r.dkim.iter().flat_map(|k| k.findings.iter()).map(|f| finding_item(f, lang)) }
                    { for r.findings.iter().map(|f| finding_item(f, lang)) }
                </ul>
            }
            <h3>{ ctx.t(Ui::NextSteps) }</h3>
            if r.next_steps.is_empty() { <p>{ ctx.t(Ui::NothingToDo) }</p> } else {
                <ol id="domain-steps" class="steps">{ for r.next_steps.iter().map(|s| {
                    let record = serde_json::to_value(s).ok().and_then(|v| v.get("record").and_then(|r| r.as_str()).map(str::to_string));
                    html! {
                        <li>{ s.text(lang) }
                            if let Some(rec) = record {
                                <div class="copy-row"><code class="mono wrap">{ rec.clone() }</code>
                                <button class="ghost small" onclick={copy(rec)}>{ ctx.t(Ui::Copy) }</button></div>
                            }
                        </li>
                    }
                }) }</ol>
            }
        </div>
    }
}

/// Input, check button and the report.
#[function_component(DomainTab)]
pub fn domain_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let domain = use_state(String::new);
    let selectors = use_state(String::new);
    let report = use_state(|| None::<DomainReport>);
    let error = use_state(|| false);
    let busy = use_state(|| false);
    let oninput = crate::ui::bind_text(&domain);
    let onselectors = crate::ui::bind_text(&selectors);
    // Checks a domain typed here, or asked for by another tab (a domain seen in reports).
    let run = {
        let (report, error, busy, ctx) = (report.clone(), error.clone(), busy.clone(), ctx.clone());
        Rc::new(move |domain: &str, selectors: &str| {
            let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
            if !valid_domain(&d) {
                error.set(true);
                return;
            }
            error.set(false);
            busy.set(true);
            let given = parse_selectors(selectors);
            let (report, busy, dns) = (report.clone(), busy.clone(), ctx.dns.clone());
            spawn_local(async move {
                report.set(Some(check(&*dns, &d, &given).await));
                busy.set(false);
            });
        })
    };
    {
        let (run, domain, selectors, ctx) =
            (run.clone(), domain.clone(), selectors.clone(), ctx.clone());
        use_effect_with(ctx.state.domain_request.clone(), move |req| {
            if let Some((d, sel)) = req {
                let sel = sel.join(", ");
                domain.set(d.clone());
                selectors.set(sel.clone());
                run(d, &sel);
                ctx.state
                    .dispatch(crate::ui::state::Action::DomainRequestTaken);
            }
        });
    }
    let onsubmit = {
        let (run, domain, selectors) = (run.clone(), domain.clone(), selectors.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            run(&domain, &selectors);
        })
    };
    html! {
        <div class="tool">
            <p class="intro">{ ctx.t(Ui::DomainIntro) }</p>
            <form class="row" {onsubmit}>
                <label class="visually-hidden" for="domain-input">{ ctx.t(Ui::TabDomain) }</label>
                <input id="domain-input" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder={ctx.t(Ui::DomainPlaceholder)} value={(*domain).clone()} {oninput}
                    aria-invalid={error.to_string()}/>
                <button id="domain-check" class="primary" type="submit" disabled={*busy}>{ ctx.t(Ui::DomainCheck) }</button>
            </form>
            <div class="row">
                <label for="domain-selectors">{ ctx.t(Ui::SelectorsLabel) }</label>
                <input id="domain-selectors" type="text" autocomplete="off" spellcheck="false"
                    placeholder={ctx.t(Ui::SelectorsPlaceholder)} value={(*selectors).clone()} oninput={onselectors}/>
            </div>
            if *error { <p class="error" role="alert">{ ctx.t(Ui::InvalidDomain) }</p> }
            if *busy { <p aria-live="polite">{ ctx.t(Ui::Working) }</p> }
            if let Some(r) = &*report { { report_view(r, &ctx) } }
            <super::builder::Builder/>
        </div>
    }
}
