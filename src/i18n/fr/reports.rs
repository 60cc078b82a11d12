//! Fr text of the `reports` area.

use crate::i18n::Fr;
use crate::reports::finding::Finding;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
