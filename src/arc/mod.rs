//! ARC (RFC 8617): sets of ARC-Seal, ARC-Message-Signature and
//! ARC-Authentication-Results, chain validation.

pub mod finding;
