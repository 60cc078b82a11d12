//! Fr text of the `headers` area.

use crate::headers::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
