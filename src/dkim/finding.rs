//! Findings of the `dkim` area. Sentences: `i18n/en/dkim.rs`, `i18n/fr/dkim.rs`.

use crate::findings::Severity;

/// A typed cause found by the `dkim` area, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match *self {}
    }
    fn severity(&self) -> Severity {
        match *self {}
    }
}

crate::serialize_as_finding!(Finding);
