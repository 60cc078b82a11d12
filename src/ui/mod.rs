//! The Yew single-page app.

/// Mounts the app on the page body.
pub fn start() {}
