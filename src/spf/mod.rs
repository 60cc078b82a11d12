//! SPF (RFC 7208): `record` (terms, macros), `evaluate` (`check_host()`).

pub mod finding;
pub mod record;
