//! English catalogue: one file per area, each an exhaustive `match`.

mod arc;
mod dkim;
mod dmarc;
mod dns;
mod domain;
mod headers;
mod reports;
mod spf;
mod ui;
