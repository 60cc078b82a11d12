//! Fr text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
