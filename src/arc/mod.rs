//! ARC (RFC 8617): sets of ARC-Seal, ARC-Message-Signature and
//! ARC-Authentication-Results, chain validation. `signature` parses the fields,
//! `verify` validates the chain with DKIM's canonicalisation and crypto.

pub mod finding;
pub mod signature;
pub mod verify;

pub use verify::{ArcResult, ArcSet, ArcStatus, SigStatus, verify_message};
