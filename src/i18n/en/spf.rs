//! En text of the `spf` area.

use crate::i18n::En;
use crate::spf::finding::Finding;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
