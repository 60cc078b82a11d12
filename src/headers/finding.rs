//! Findings of the `headers` area. Sentences: `i18n/en/headers.rs`, `i18n/fr/headers.rs`.

use crate::findings::Severity;

/// A typed cause found by the `headers` area, with its context.
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
