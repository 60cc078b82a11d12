//! DKIM (RFC 6376, RFC 8301, RFC 8463): `record` (key records), `signature`
//! (DKIM-Signature tag lists), `canon` (canonicalisation and the exact signed bytes),
//! `verify` (keys, hashes, signatures → one result per signature).

pub mod canon;
pub mod finding;
pub mod record;
pub mod signature;
pub mod verify;

pub use verify::{BodyHash, DkimResult, DkimStatus, HeaderSignature, verify_message};
