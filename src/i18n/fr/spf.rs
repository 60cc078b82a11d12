//! Fr text of the `spf` area.

use crate::i18n::Fr;
use crate::spf::finding::Finding;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
