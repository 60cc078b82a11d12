//! Findings of the `arc` area. Sentences: `i18n/en/arc.rs`, `i18n/fr/arc.rs`.

use crate::findings::Severity;

/// A typed cause found by the `arc` area, with its context.
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
