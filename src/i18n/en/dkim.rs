//! English text of the `dkim` area.

use crate::dkim::finding::Finding;
use crate::dkim::record::KeyError;
use crate::dkim::signature::SignatureError;
use crate::i18n::En;

impl En for SignatureError {
    fn en(&self) -> String {
        match self {
            SignatureError::MalformedTag { text } => {
                format!("“{text}” is not a valid tag=value pair")
            }
            SignatureError::EmptyTagSpec => "two semicolons have nothing between them".into(),
            SignatureError::DuplicateTag { tag } => format!("the tag {tag}= appears twice"),
            SignatureError::MissingTag { tag } => format!("the required tag {tag}= is missing"),
            SignatureError::BadVersion { version } => format!("v={version} is not version 1"),
            SignatureError::UnknownAlgorithm { value } => {
                format!("a={value} is not a known algorithm (rsa-sha256, ed25519-sha256, rsa-sha1)")
            }
            SignatureError::BadCanonicalization { value } => {
                format!("c={value} is not simple or relaxed")
            }
            SignatureError::UnsupportedQueryMethod { value } => {
                format!("q={value} does not offer dns/txt")
            }
            SignatureError::BadBase64 { tag } => format!("{tag}= is not valid base64"),
            SignatureError::BadNumber { tag, value } => {
                format!("{tag}={value} is not a valid number")
            }
            SignatureError::EmptyTag { tag } => format!("{tag}= is empty"),
            SignatureError::IdentityOutsideDomain { identity, domain } => {
                format!("i={identity} is not in d={domain} or one of its subdomains")
            }
            SignatureError::FromNotSigned => "h= does not include From".into(),
            SignatureError::ExpiresBeforeSigned { t, x } => {
                format!("x={x} is not after t={t}")
            }
        }
    }
}

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
            Finding::BodyHashMismatch {
                domain,
                selector,
                computed,
                signed,
            } => format!(
                "The body of the message changed after {domain} signed it (selector “{selector}”): its hash is {computed}, the signature says {signed}. A forwarder or a mailing list probably altered it (footer, re-encoding)."
            ),
            Finding::SignatureMismatch {
                domain,
                selector,
                signed_headers,
            } => format!(
                "The DKIM signature of {domain} (selector “{selector}”) does not verify: one of the signed fields ({}) or the signature itself changed, or the published key is not the one that signed.",
                signed_headers.join(", ")
            ),
            Finding::KeyNotFound { domain, selector } => format!(
                "No DKIM key is published at {selector}._domainkey.{domain}: the signature cannot be checked. The key was removed, or the selector is wrong."
            ),
            Finding::KeyAlgorithmMismatch {
                domain,
                selector,
                algorithm,
                key_type,
            } => format!(
                "The signature of {domain} uses {algorithm}, but the key “{selector}” is of type {key_type}: they do not fit, so the signature fails."
            ),
            Finding::HashNotAllowed { selector, hash } => format!(
                "The key “{selector}” does not allow {hash} (its h= tag excludes it): the signature fails."
            ),
            Finding::KeyNotForEmail { selector } => format!(
                "The key “{selector}” is restricted to other services than email (s= tag): the signature fails."
            ),
            Finding::Expired { domain, x, now } => format!(
                "The signature of {domain} expired (x={x}, {} s before the check at {now}): it is not accepted.",
                now.saturating_sub(*x)
            ),
            Finding::FutureTimestamp { domain, t, now } => format!(
                "The signature of {domain} is dated in the future (t={t}, {} s after the check at {now}): the signer’s clock is wrong, so it is not accepted.",
                t.saturating_sub(*now)
            ),
            Finding::IdentityOutsideDomain { identity, domain } => format!(
                "The signing identity i={identity} is not in the signing domain d={domain}: RFC 6376 makes such a signature invalid."
            ),
            Finding::StrictSubdomainViolated {
                domain,
                selector,
                identity,
            } => format!(
                "The key “{selector}” of {domain} is marked t=s (no subdomains), but the identity {identity} is in a subdomain: the signature fails."
            ),
            Finding::FromNotSigned { domain } => format!(
                "The signature of {domain} does not cover the From field, which RFC 6376 requires: it is invalid."
            ),
            Finding::Sha1Signature { domain, selector } => format!(
                "The signature of {domain} (selector “{selector}”) uses rsa-sha1, which RFC 8301 forbids receivers to accept. The signer should switch to rsa-sha256."
            ),
            Finding::UnsignedImportantHeader { domain, header } => format!(
                "The {header} field is not covered by the signature of {domain}: it could have been changed without breaking it."
            ),
            Finding::NotOverSigned { domain, header } => format!(
                "The signature of {domain} lists {header} only as many times as it appears: a second {header} field could be added without breaking it. Signers can list it once more (over-signing)."
            ),
            Finding::BodyNotChecked { domain } => format!(
                "Only the headers were given, so the body of the signature of {domain} was not checked: the result covers the header signature only."
            ),
            Finding::PartialBody {
                domain,
                signed,
                total,
            } => format!(
                "The signature of {domain} covers only the first {signed} bytes of the body ({total} in all, l= tag): anything after them is unsigned and could have been added."
            ),
            Finding::BodyShorterThanLength {
                domain,
                signed,
                total,
            } => format!(
                "The signature of {domain} covers {signed} bytes of body (l= tag), but the body has only {total}: it was shortened, and the signature fails."
            ),
            Finding::DnsTempError {
                domain,
                selector,
                error,
            } => format!(
                "The key {selector}._domainkey.{domain} could not be fetched: {}. Try again later (temperror).",
                error.en()
            ),
            Finding::SyntaxError { domain, error } if domain.is_empty() => {
                format!("A DKIM-Signature field cannot be read: {}.", error.en())
            }
            Finding::SyntaxError { domain, error } => format!(
                "The DKIM-Signature of {domain} cannot be read: {}.",
                error.en()
            ),
        }
    }
}
