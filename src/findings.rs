//! Typed findings: the causes behind every verdict.
//!
//! Each area (`headers`, `dkim`, `arc`, `spf`, `dmarc`, `reports`, `domain`, `dns`) has its
//! own `Finding` enum in `<area>/finding.rs`, whose variants carry their context
//! (domain, selector, computed and signed hash…). They implement [`Finding`] here and
//! get their sentences from `i18n/en/<area>.rs` and `i18n/fr/<area>.rs`.

use serde::Serialize;

use crate::i18n::{Lang, Translate};

/// How much a finding matters to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing to fix.
    Info,
    /// Should be looked at; mail may still flow.
    Warning,
    /// Breaks authentication or delivery.
    Problem,
}

/// A typed cause with a stable code and a severity; its text comes from the catalogues.
pub trait Finding: Translate {
    /// Stable `snake_case` identifier, used in JSON and tests.
    fn code(&self) -> &'static str;
    /// How much it matters.
    fn severity(&self) -> Severity;
}

/// A finding rendered for output: code, severity and the sentence in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingView {
    /// Stable identifier.
    pub code: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The sentence in the requested language.
    pub message: String,
}

impl FindingView {
    /// Renders `finding` in `lang`.
    pub fn of<F: Finding + ?Sized>(finding: &F, lang: Lang) -> Self {
        FindingView {
            code: finding.code(),
            severity: finding.severity(),
            message: finding.text(lang),
        }
    }
}

/// Implements `serde::Serialize` for an area's finding enum as
/// `{code, severity, message}`, the message in [`crate::i18n::json_lang`].
#[macro_export]
macro_rules! serialize_as_finding {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::findings::FindingView::of(self, $crate::i18n::json_lang()).serialize(s)
            }
        }
    };
}
