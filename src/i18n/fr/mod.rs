//! French catalogue: one file per area, each an exhaustive `match`.

mod analysis;
mod antispam;
mod arc;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
mod dkim;
mod dmarc;
mod dns;
mod domain;
mod headers;
mod input;
mod reports;
mod spf;
mod ui;
