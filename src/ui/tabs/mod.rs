//! The three tools.

pub mod builder;
pub mod domain;
pub mod message;
pub mod reports;
