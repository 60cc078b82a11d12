//! Web Worker entry point: Trunk builds this for wasm32 beside the app; it reads report
//! files off the page's thread (see `sceau::ui::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    sceau::ui::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sceau-worker runs in the browser, started by the web app; the CLI is `sceau`.");
}
