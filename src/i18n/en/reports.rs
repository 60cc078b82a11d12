//! En text of the `reports` area.

use crate::i18n::En;
use crate::reports::finding::Finding;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
