//! # Sceau — email-authentication analyzer
//!
//! This file is the map of the crate. Data flows left to right; only the
//! edges touch the network or the browser.
//!
//! ```text
//!  input ──► headers ──► dkim / arc / spf / dmarc ──► analysis ──► findings ──► i18n ──► ui / cli
//!  (bytes,    (message     (record · signature/policy    (message,     (typed      (en, fr)  (Yew app,
//!   files,     model,       · verify/evaluate)            reports,      causes)               native CLI)
//!   archives)  received,          ▲                       domain)
//!              auth-results)      │
//!                              dns::DnsLookup  ◄── dns::zone (files, tests)
//!                                              ◄── dns::doh  (RFC 8484: browser fetch / native HTTP)
//! ```
//!
//! * [`input`]: pasted text and dropped files → bytes; format sniffing and decompression.
//! * [`headers`]: the message model: unfolding, RFC 2047, Received chain,
//!   Authentication-Results, antispam headers. Keeps spans into the pasted text.
//! * [`dkim`], [`arc`], [`spf`], [`dmarc`]: one folder per protocol, each with the same shape:
//!   `record` (the DNS record), `signature`/`policy` (what the message carries),
//!   `verify`/`evaluate` (the decision). Verdicts are data ([`verdict`]), never `Err`.
//! * [`reports`]: DMARC aggregate, failure and SMTP TLS reports → summaries.
//! * [`domain`]: lint of a domain's published records and the next steps to take.
//! * [`dns`]: the [`dns::DnsLookup`] seam, answers, the zone-file source and the DoH client.
//! * [`analysis`]: orchestration of a message, a report batch or a domain into results and findings.
//! * [`findings`]: typed causes with a code and a severity; their sentences live in [`i18n`].
//! * [`i18n`]: French and English catalogues, one exhaustive `match` per language.
//! * `ui` (wasm32 only): the Yew single-page app, and `ui::worker`, the Web Worker that
//!   reads report batches off the page's thread. `cli` (native only): the command-line
//!   program.
//!
//! The core (everything but `ui`, `cli` and the transport half of `dns::doh`) does no I/O:
//! it takes bytes, DNS answers through [`dns::DnsLookup`] and the current time as inputs.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analysis;
pub mod arc;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod domain;
pub mod findings;
pub mod headers;
pub mod i18n;
pub mod input;
pub mod reports;
pub mod spf;
pub mod verdict;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;
