//! En text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
