//! Fr text of the `dmarc` area.

use crate::dmarc::finding::Finding;
use crate::i18n::Fr;

impl Fr for Finding {
    fn fr(&self) -> String {
        match *self {}
    }
}
