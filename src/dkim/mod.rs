//! DKIM (RFC 6376, RFC 8301, RFC 8463): `record` (key records), `signature`
//! (DKIM-Signature tag lists), `verify` (canonicalisation, hashes, signatures).

pub mod finding;
pub mod record;
