//! The message model: splitting and unfolding headers, RFC 2047, the Received chain,
//! Authentication-Results (RFC 8601) and antispam headers. Parsed headers keep their spans.

pub mod address;
pub mod antispam;
pub mod auth_results;
pub mod date;
pub mod finding;
mod lex;
pub mod raw;
pub mod received;
