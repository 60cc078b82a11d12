//! DMARC (RFC 7489, RFC 9989): `record` (policy record), discovery (PSL and tree walk),
//! `evaluate` (alignment, result, disposition).

pub mod discovery;
pub mod evaluate;
pub mod finding;
pub mod psl;
pub mod record;
