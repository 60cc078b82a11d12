//! DMARC aggregate (RFC 7489, RFC 9990), failure (RFC 6591) and SMTP TLS (RFC 8460) reports.

pub mod finding;
