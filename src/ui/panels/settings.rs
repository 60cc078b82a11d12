//! Settings: the DoH resolver, or offline.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::text::Ui;
use crate::ui::app::Ctx;
use crate::ui::settings::Resolver;
use crate::ui::state::Action;

/// The settings dialog.
#[function_component(SettingsPanel)]
pub fn settings_panel() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let state = ctx.state.clone();
    let custom_url = use_state(|| match &state.resolver {
        Resolver::Custom(u) => u.clone(),
        _ => String::new(),
    });
    let on_select = {
        let state = state.clone();
        let custom_url = custom_url.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            {
                state.dispatch(Action::SetResolver(Resolver::from_key(
                    &sel.value(),
                    &custom_url,
                )));
            }
        })
    };
    let on_custom = {
        let state = state.clone();
        let custom_url = custom_url.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                custom_url.set(input.value());
                state.dispatch(Action::SetResolver(Resolver::Custom(
                    input.value().trim().to_string(),
                )));
            }
        })
    };
    let close = {
        let s = state.clone();
        Callback::from(move |_| s.dispatch(Action::ToggleSettings))
    };
    let key = state.resolver.key();
    let opt = |value: &'static str, label: Ui| html! { <option value={value} selected={key == value}>{ ctx.t(label) }</option> };
    html! {
        <aside id="settings-panel" class="panel" role="dialog" aria-labelledby="settings-title">
            <div class="panel-head">
                <h2 id="settings-title">{ ctx.t(Ui::Settings) }</h2>
                <button class="ghost" onclick={close}>{ ctx.t(Ui::Close) }</button>
            </div>
            <label for="resolver-select">{ ctx.t(Ui::Resolver) }</label>
            <select id="resolver-select" onchange={on_select}>
                { opt("cloudflare", Ui::ResolverCloudflare) }
                { opt("google", Ui::ResolverGoogle) }
                { opt("custom", Ui::ResolverCustom) }
                { opt("offline", Ui::ResolverOffline) }
            </select>
            if key == "custom" {
                <label for="resolver-custom">{ ctx.t(Ui::ResolverCustomUrl) }</label>
                <input id="resolver-custom" type="url" value={(*custom_url).clone()} placeholder="https://…/dns-query" onchange={on_custom}/>
            }
            <p class="note">{ ctx.t(Ui::PrivacyNote) }</p>
        </aside>
    }
}
