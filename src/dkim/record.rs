//! DKIM key records (RFC 6376 §3.6.1, RFC 8463): `v`, `k`, `h`, `s`, `t`, `p`.

use base64::Engine;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use serde::Serialize;

/// Why a key record cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KeyError {
    /// `v=` is present and is not `DKIM1` (RFC 6376 §3.6.1).
    BadVersion {
        /// The value found.
        version: String,
    },
    /// `p=` is missing.
    NoKey,
    /// `p=` is not valid base64.
    BadBase64,
    /// `p=` does not hold a key of type `k=`.
    NotAKey {
        /// The key type.
        key_type: String,
    },
    /// `k=` names a key type Sceau does not know.
    UnknownKeyType {
        /// The value found.
        key_type: String,
    },
}

/// A parsed key record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KeyRecord {
    /// `k=`: `rsa` (default) or `ed25519`.
    pub key_type: String,
    /// `h=`: acceptable hash algorithms, when restricted.
    pub hashes: Option<Vec<String>>,
    /// `t=` flags: `y` (testing), `s` (no subdomains in `i=`).
    pub flags: Vec<String>,
    /// `s=`: service types, when restricted (`*` or `email` allow mail).
    pub services: Option<Vec<String>>,
    /// `p=` decoded; empty when the key is revoked.
    #[serde(skip)]
    pub public_key: Vec<u8>,
    /// Key length in bits (RSA modulus, 256 for Ed25519); `None` when revoked.
    pub bits: Option<u32>,
}

impl KeyRecord {
    /// An empty `p=`: the key has been revoked.
    pub fn revoked(&self) -> bool {
        self.public_key.is_empty()
    }

    /// `t=y`: the domain is testing DKIM.
    pub fn testing(&self) -> bool {
        self.flags.iter().any(|f| f.eq_ignore_ascii_case("y"))
    }

    /// `t=s`: `i=` must be exactly `d=`, not a subdomain.
    pub fn strict(&self) -> bool {
        self.flags.iter().any(|f| f.eq_ignore_ascii_case("s"))
    }

    /// True unless `s=` restricts the key to services other than email.
    pub fn allows_email(&self) -> bool {
        self.services.as_ref().is_none_or(|s| {
            s.iter()
                .any(|x| x == "*" || x.eq_ignore_ascii_case("email"))
        })
    }

    /// True unless `h=` restricts hashes and excludes `hash`.
    pub fn allows_hash(&self, hash: &str) -> bool {
        self.hashes
            .as_ref()
            .is_none_or(|h| h.iter().any(|x| x.eq_ignore_ascii_case(hash)))
    }
}

/// Length in bits of an RSA public key given as SubjectPublicKeyInfo (the RFC 6376 form)
/// or as a bare PKCS#1 RSAPublicKey, which some providers publish.
pub fn rsa_bits(der: &[u8]) -> Option<u32> {
    rsa::RsaPublicKey::from_public_key_der(der)
        .or_else(|_| rsa::RsaPublicKey::from_pkcs1_der(der))
        .ok()
        .map(|k| k.n().bits() as u32)
}

/// Parses a key record (TXT strings already joined).
pub fn parse(txt: &str) -> Result<KeyRecord, KeyError> {
    let mut key_type = "rsa".to_string();
    let mut hashes = None;
    let mut flags = Vec::new();
    let mut services = None;
    let mut p = None;
    for part in txt.split(';') {
        let Some((k, v)) = part.split_once('=') else {
            continue;
        };
        let (k, v) = (k.trim(), v.trim());
        match k {
            "v" if v != "DKIM1" => return Err(KeyError::BadVersion { version: v.into() }),
            "k" => key_type = v.to_ascii_lowercase(),
            "h" => {
                hashes = Some(
                    v.split(':')
                        .map(|h| h.trim().to_ascii_lowercase())
                        .collect(),
                )
            }
            "t" => {
                flags = v
                    .split(':')
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect()
            }
            "s" => {
                services = Some(
                    v.split(':')
                        .map(|x| x.trim().to_ascii_lowercase())
                        .filter(|x| !x.is_empty())
                        .collect(),
                )
            }
            "p" => p = Some(v.chars().filter(|c| !c.is_whitespace()).collect::<String>()),
            _ => {}
        }
    }
    let p = p.ok_or(KeyError::NoKey)?;
    let public_key = base64::engine::general_purpose::STANDARD
        .decode(&p)
        .map_err(|_| KeyError::BadBase64)?;
    let bits = if public_key.is_empty() {
        None
    } else {
        match key_type.as_str() {
            "rsa" => Some(rsa_bits(&public_key).ok_or(KeyError::NotAKey {
                key_type: key_type.clone(),
            })?),
            "ed25519" if public_key.len() == 32 => Some(256),
            "ed25519" => return Err(KeyError::NotAKey { key_type }),
            _ => return Err(KeyError::UnknownKeyType { key_type }),
        }
    };
    Ok(KeyRecord {
        key_type,
        hashes,
        flags,
        services,
        public_key,
        bits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RFC 6376 Appendix C example key (1024 bits).
    const RFC6376_C: &str = "v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB";
    /// The RFC 8463 Ed25519 example key.
    const RFC8463: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    #[test]
    fn rsa_and_ed25519_keys() {
        let k = parse(RFC6376_C).unwrap();
        assert_eq!((k.key_type.as_str(), k.bits), ("rsa", Some(1024)));
        let k = parse(RFC8463).unwrap();
        assert_eq!((k.key_type.as_str(), k.bits), ("ed25519", Some(256)));
    }

    #[test]
    fn flags_revocation_and_errors() {
        let k = parse("v=DKIM1; t=y:s; h=sha1; p=").unwrap();
        assert!(k.revoked() && k.testing());
        assert_eq!(k.hashes, Some(vec!["sha1".to_string()]));
        assert_eq!(
            parse("v=DKIM2; p=abc"),
            Err(KeyError::BadVersion {
                version: "DKIM2".into()
            })
        );
        assert_eq!(parse("v=DKIM1"), Err(KeyError::NoKey));
        assert_eq!(parse("p=!!!"), Err(KeyError::BadBase64));
        assert_eq!(
            parse("p=AAAA"),
            Err(KeyError::NotAKey {
                key_type: "rsa".into()
            })
        );
        assert_eq!(
            parse("k=dsa; p=AAAA"),
            Err(KeyError::UnknownKeyType {
                key_type: "dsa".into()
            })
        );
    }
}
