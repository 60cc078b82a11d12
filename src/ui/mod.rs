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

/// Mounts the app on the page body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
