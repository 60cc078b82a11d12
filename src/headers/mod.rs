//! The message model: splitting and unfolding headers, RFC 2047, the Received chain,
//! Authentication-Results (RFC 8601) and antispam headers. Parsed headers keep their spans.
//!
//! One file per parsing stage, all sans-I/O and total (they never panic; partial input
//! gives partial values):
//! * [`raw`]: fields and body, exact bytes and line spans (what DKIM hashes);
//! * [`date`]: RFC 5322 date-times, leniently, and RFC 3339 output;
//! * [`received`]: one `Received` field → a [`received::Hop`];
//! * [`auth_results`]: `Authentication-Results`, `ARC-Authentication-Results`, `Received-SPF`;
//! * [`antispam`]: Microsoft 365, SpamAssassin and Google verdict headers → typed meanings;
//! * [`address`]: address lists, `Message-ID`, `List-Unsubscribe`.

pub mod address;
pub mod antispam;
pub mod auth_results;
pub mod date;
pub mod finding;
mod lex;
#[cfg(test)]
mod no_panic;
pub mod raw;
pub mod received;
