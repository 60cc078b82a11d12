//! Orchestration: a message, a report batch or a domain → results and findings.

pub mod export;
pub mod message;
pub mod recheck;
pub mod story;
