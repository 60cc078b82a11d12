//! SPF (RFC 7208): `record` (terms, macros), `evaluate` (`check_host()`).

pub mod evaluate;
pub mod finding;
pub mod lint;
pub mod macros;
pub mod record;
