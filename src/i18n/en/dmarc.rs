//! En text of the `dmarc` area.

use crate::dmarc::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match *self {}
    }
}
