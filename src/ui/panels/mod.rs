//! Panels around the tools: settings and the DNS query log.

pub mod dns;
pub mod settings;
