//! En text of the `domain` area.

use crate::domain::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
