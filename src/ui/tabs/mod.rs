//! The three tools.

pub mod domain;
pub mod message;
pub mod reports;
