//! Web entry point: Trunk builds this for wasm32 and it mounts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    sceau::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sceau-web is the browser app: build it with `trunk build`; the CLI is `sceau`.");
}
