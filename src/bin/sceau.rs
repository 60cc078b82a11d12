//! `sceau`: the command-line front end.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(sceau::cli::main(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
