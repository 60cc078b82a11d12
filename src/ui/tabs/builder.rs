//! The record builder: SPF and DMARC records from choices, each part explained.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::dmarc::record::Policy;
use crate::domain::builder::{DmarcChoices, Part, SpfChoices, build_dmarc, build_spf};
use crate::i18n::text::Ui;
use crate::i18n::{Lang, Translate};
use crate::spf::record::Qualifier;
use crate::ui::app::Ctx;

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn policy(v: &str) -> Policy {
    match v {
        "quarantine" => Policy::Quarantine,
        "reject" => Policy::Reject,
        _ => Policy::None,
    }
}

fn value(e: &Event) -> String {
    let t = e.target();
    t.as_ref()
        .and_then(|t| {
            t.dyn_ref::<HtmlInputElement>().map(|i| {
                if i.type_() == "checkbox" {
                    i.checked().to_string()
                } else {
                    i.value()
                }
            })
        })
        .or_else(|| {
            t.as_ref()
                .and_then(|t| t.dyn_ref::<HtmlTextAreaElement>().map(|i| i.value()))
        })
        .or_else(|| {
            t.as_ref()
                .and_then(|t| t.dyn_ref::<HtmlSelectElement>().map(|i| i.value()))
        })
        .unwrap_or_default()
}

fn output(
    result: Result<(String, Vec<Part>), crate::domain::builder::BuildError>,
    id: &str,
    lang: Lang,
) -> Html {
    match result {
        Ok((rec, parts)) => html! {
            <div class="built">
                <code id={id.to_string()} class="mono wrap">{ rec }</code>
                <ul class="parts">{ for parts.iter().map(|p| html! { <li>{ p.text(lang) }</li> }) }</ul>
            </div>
        },
        Err(e) => html! { <p class="error" role="alert">{ e.text(lang) }</p> },
    }
}

/// Two small forms and their records.
#[function_component(Builder)]
pub fn builder() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let lang = ctx.state.lang;
    let fields = use_state(|| {
        [
            ("mx", "true"),
            ("a", "false"),
            ("ip4", ""),
            ("ip6", ""),
            ("inc", ""),
            ("all", "~"),
            ("p", "none"),
            ("sp", ""),
            ("pct", "100"),
            ("rua", ""),
            ("adkim", "false"),
            ("aspf", "false"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect::<std::collections::BTreeMap<_, _>>()
    });
    let f = |k: &str| fields.get(k).cloned().unwrap_or_default();
    let on = |k: &'static str| {
        let fields = fields.clone();
        Callback::from(move |e: Event| {
            let mut m = (*fields).clone();
            m.insert(k.to_string(), value(&e));
            fields.set(m);
        })
    };
    let on_input = |k: &'static str| {
        let fields = fields.clone();
        Callback::from(move |e: InputEvent| {
            let mut m = (*fields).clone();
            m.insert(k.to_string(), value(&e));
            fields.set(m);
        })
    };
    let all = match f("all").as_str() {
        "-" => Qualifier::Fail,
        "?" => Qualifier::Neutral,
        _ => Qualifier::Softfail,
    };
    let spf = build_spf(&SpfChoices {
        mx: f("mx") == "true",
        a: f("a") == "true",
        ip4: lines(&f("ip4")),
        ip6: lines(&f("ip6")),
        includes: lines(&f("inc")),
        all,
    });
    let sp = f("sp");
    let dmarc = build_dmarc(&DmarcChoices {
        policy: policy(&f("p")),
        subdomain_policy: (!sp.is_empty()).then(|| policy(&sp)),
        pct: f("pct").parse::<u8>().unwrap_or(100).min(100),
        rua: f("rua"),
        strict_dkim: f("adkim") == "true",
        strict_spf: f("aspf") == "true",
    });
    let check = |k: &'static str, label: Ui| {
        html! {
            <label class="check"><input type="checkbox" checked={f(k) == "true"} onchange={on(k)}/>{ " " }{ ctx.t(label) }</label>
        }
    };
    let area = |k: &'static str, id: &'static str, label: Ui| {
        html! {
            <>
                <label for={id}>{ ctx.t(label) }</label>
                <textarea id={id} class="small-area" value={f(k)} oninput={on_input(k)}/>
            </>
        }
    };
    let pol_opt =
        |v: &'static str, sel: &str| html! { <option value={v} selected={sel == v}>{ v }</option> };
    html! {
        <details id="builder" class="result">
            <summary><h2 class="inline">{ ctx.t(Ui::Builder) }</h2></summary>
            <div class="builder-grid">
                <fieldset>
                    <legend>{ ctx.t(Ui::BuilderSpf) }</legend>
                    { check("mx", Ui::BuilderMx) }
                    { check("a", Ui::BuilderA) }
                    { area("ip4", "builder-ip4", Ui::BuilderIp4) }
                    { area("ip6", "builder-ip6", Ui::BuilderIp6) }
                    { area("inc", "builder-includes", Ui::BuilderIncludes) }
                    <label for="builder-all">{ ctx.t(Ui::BuilderAll) }</label>
                    <select id="builder-all" onchange={on("all")}>
                        <option value="~" selected={f("all") == "~"}>{ "~all" }</option>
                        <option value="-" selected={f("all") == "-"}>{ "-all" }</option>
                        <option value="?" selected={f("all") == "?"}>{ "?all" }</option>
                    </select>
                    { output(spf, "builder-spf", lang) }
                </fieldset>
                <fieldset>
                    <legend>{ ctx.t(Ui::BuilderDmarc) }</legend>
                    <label for="builder-p">{ ctx.t(Ui::BuilderPolicy) }</label>
                    <select id="builder-p" onchange={on("p")}>{ pol_opt("none", &f("p")) }{ pol_opt("quarantine", &f("p")) }{ pol_opt("reject", &f("p")) }</select>
                    <label for="builder-sp">{ ctx.t(Ui::BuilderSubPolicy) }</label>
                    <select id="builder-sp" onchange={on("sp")}>
                        <option value="" selected={sp.is_empty()}>{ ctx.t(Ui::BuilderSame) }</option>
                        { pol_opt("none", &sp) }{ pol_opt("quarantine", &sp) }{ pol_opt("reject", &sp) }
                    </select>
                    <label for="builder-pct">{ ctx.t(Ui::BuilderPct) }</label>
                    <input id="builder-pct" type="number" min="0" max="100" value={f("pct")} oninput={on_input("pct")}/>
                    <label for="builder-rua">{ ctx.t(Ui::BuilderRua) }</label>
                    <input id="builder-rua" type="email" value={f("rua")} oninput={on_input("rua")}/>
                    { check("adkim", Ui::BuilderStrictDkim) }
                    { check("aspf", Ui::BuilderStrictSpf) }
                    { output(dmarc, "builder-dmarc", lang) }
                </fieldset>
            </div>
        </details>
    }
}
