//! The Yew single-page app. Components render state and send actions; the state lives
//! in one reducer ([`state`]); language and settings are read from it through a
//! context. Browser APIs are used here and in `dns::doh::browser` only.

mod app;
mod caps;
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

/// Resolves once the browser has drawn the page (after its next animation frame), or
/// after 100 ms when it draws nothing (a hidden tab): long work started then does not
/// keep what was just rendered off the screen.
pub(crate) async fn after_paint() {
    use wasm_bindgen::JsCast as _;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        // A timer set from the frame callback runs after that frame is painted.
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(after.unchecked_ref());
        }
    });
    let frame = wasm_bindgen_futures::JsFuture::from(frame);
    let timeout = gloo_timers::future::TimeoutFuture::new(100);
    futures::future::select(std::pin::pin!(frame), timeout).await;
}
