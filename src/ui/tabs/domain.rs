//! Domain tab: look up a domain's email-authentication records.

use futures::future::join_all;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::dns::{DnsLookup, RecordType};
use crate::i18n::Translate;
use crate::i18n::text::Ui;
use crate::ui::app::Ctx;

/// A plausible domain name: labels of letters, digits and hyphens, at least one dot.
fn valid_domain(d: &str) -> bool {
    let d = d.trim_end_matches('.');
    d.contains('.')
        && d.len() <= 253
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Input, check button and the records found.
#[function_component(DomainTab)]
pub fn domain_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let domain = use_state(String::new);
    let rows = use_state(Vec::<(String, RecordType, String)>::new);
    let error = use_state(|| false);
    let busy = use_state(|| false);
    let oninput = {
        let domain = domain.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                domain.set(i.value());
            }
        })
    };
    let check = {
        let (domain, rows, error, busy, ctx) = (
            domain.clone(),
            rows.clone(),
            error.clone(),
            busy.clone(),
            ctx.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
            if !valid_domain(&d) {
                error.set(true);
                return;
            }
            error.set(false);
            busy.set(true);
            let (rows, busy, dns, lang) =
                (rows.clone(), busy.clone(), ctx.dns.clone(), ctx.state.lang);
            spawn_local(async move {
                let queries = vec![
                    (d.clone(), RecordType::Txt),
                    (format!("_dmarc.{d}"), RecordType::Txt),
                    (d.clone(), RecordType::Mx),
                ];
                let results = join_all(queries.iter().map(|(n, t)| dns.lookup(n, *t))).await;
                let mut out = Vec::new();
                for ((n, t), r) in queries.into_iter().zip(results) {
                    match r {
                        Ok(a) if *&t == RecordType::Txt => {
                            out.extend(a.txt().into_iter().map(|s| (n.clone(), t, s)))
                        }
                        Ok(a) => out.extend(
                            a.mx()
                                .into_iter()
                                .map(|(p, x)| (n.clone(), t, format!("{p} {x}"))),
                        ),
                        Err(e) => out.push((n.clone(), t, e.text(lang))),
                    }
                }
                rows.set(out);
                busy.set(false);
            });
        })
    };
    html! {
        <div class="tool">
            <p class="intro">{ ctx.t(Ui::DomainIntro) }</p>
            <form class="row" onsubmit={check}>
                <label class="visually-hidden" for="domain-input">{ ctx.t(Ui::TabDomain) }</label>
                <input id="domain-input" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder={ctx.t(Ui::DomainPlaceholder)} value={(*domain).clone()} {oninput}
                    aria-invalid={error.to_string()}/>
                <button id="domain-check" class="primary" type="submit" disabled={*busy}>{ ctx.t(Ui::DomainCheck) }</button>
            </form>
            if *error { <p class="error" role="alert">{ ctx.t(Ui::InvalidDomain) }</p> }
            if *busy { <p aria-live="polite">{ ctx.t(Ui::Working) }</p> }
            if !rows.is_empty() {
                <div id="domain-result" class="result">
                    <h2>{ ctx.t(Ui::RecordsFound) }</h2>
                    <table>
                        <tbody>{ for rows.iter().map(|(n, t, v)| html! {
                            <tr><td class="mono">{ n }</td><td>{ t.as_str() }</td><td class="mono wrap">{ v }</td></tr>
                        }) }</tbody>
                    </table>
                </div>
            }
        </div>
    }
}
