//! The Yew single-page app. Components render state and send actions; the state lives
//! in one reducer ([`state`]); language and settings are read from it through a
//! context. Browser APIs are used here and in `dns::doh::browser` only.

mod app;
mod drop_zone;
mod panels;
mod resolver;
mod settings;
mod state;
mod tabs;
pub mod worker;

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}

/// The text of the input or text area an event came from.
pub(crate) fn event_value(e: &yew::Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = e.target()?;
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    target
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(web_sys::HtmlTextAreaElement::value)
}

/// A callback that keeps `state` equal to the text typed in a field.
pub(crate) fn bind_text(state: &yew::UseStateHandle<String>) -> yew::Callback<yew::InputEvent> {
    let state = state.clone();
    yew::Callback::from(move |e: yew::InputEvent| {
        if let Some(v) = event_value(&e) {
            state.set(v);
        }
    })
}

/// A severity as a badge: icon and word, so colour is never the only cue.
pub(crate) fn severity_badge(s: crate::findings::Severity, lang: crate::i18n::Lang) -> yew::Html {
    use crate::findings::Severity;
    use crate::i18n::Translate;
    let (class, icon) = match s {
        Severity::Info => ("info", "ℹ"),
        Severity::Warning => ("warn", "⚠"),
        Severity::Problem => ("bad", "✗"),
    };
    yew::html! { <span class={yew::classes!("badge", class)}><span aria-hidden="true">{ icon }</span>{ " " }{ s.text(lang) }</span> }
}
