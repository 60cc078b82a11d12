//! Fr text of the `domain` area.

use crate::domain::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
