//! En text of the `arc` area.

use crate::arc::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
