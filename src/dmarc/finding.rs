//! Findings of the `dmarc` area. Sentences: `i18n/en/dmarc.rs`, `i18n/fr/dmarc.rs`.

use crate::findings::Severity;

/// A typed cause found by the `dmarc` area, with its context.
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
