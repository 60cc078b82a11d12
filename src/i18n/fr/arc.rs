//! Fr text of the `arc` area.

use crate::arc::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
