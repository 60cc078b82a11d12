//! En text of the `headers` area.

use crate::headers::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
