//! English text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::dkim::record::KeyError;
use crate::i18n::En;

impl En for KeyError {
    fn en(&self) -> String {
        match self {
            KeyError::BadVersion { version } => format!("v={version} is not DKIM1"),
            KeyError::NoKey => "there is no p= tag".into(),
            KeyError::BadBase64 => "p= is not valid base64".into(),
            KeyError::NotAKey { key_type } => format!("p= does not hold an {key_type} public key"),
            KeyError::UnknownKeyType { key_type } => {
                format!("k={key_type} is not a known key type")
            }
        }
    }
}

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::KeyTooShort { selector, bits } => format!(
                "The DKIM key “{selector}” has only {bits} bits: receivers must reject signatures made with RSA keys under 1024 bits (RFC 8301). Publish a 2048-bit key."
            ),
            Finding::WeakKey { selector, bits } => format!(
                "The DKIM key “{selector}” has {bits} bits: still accepted, but 2048 bits are recommended. Plan a rotation."
            ),
            Finding::TestingMode { selector } => format!(
                "The DKIM key “{selector}” is marked t=y (testing): some receivers ignore its results. Remove t=y once signing works."
            ),
            Finding::KeyRevoked { selector } => format!(
                "The DKIM key “{selector}” is revoked (empty p=): signatures made with it fail."
            ),
            Finding::Sha1Only { selector } => format!(
                "The DKIM key “{selector}” allows only SHA-1 (h=sha1), which RFC 8301 forbids: its signatures fail. Remove h= or set h=sha256."
            ),
            Finding::BadKey { selector, error } => format!(
                "The DKIM key record “{selector}” is unusable: {}.",
                error.en()
            ),
        }
    }
}
