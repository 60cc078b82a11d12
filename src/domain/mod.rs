//! Domain check: lint of SPF, DMARC, DKIM, MX, MTA-STS, TLS-RPT and BIMI records, and next steps.

pub mod builder;
pub mod check;
pub mod finding;
pub mod records;
pub mod steps;
pub mod tags;
