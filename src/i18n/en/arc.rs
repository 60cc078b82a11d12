//! English text of the `arc` area.

use crate::arc::finding::Finding;
use crate::arc::signature::ArcSyntax;
use crate::i18n::En;

impl En for ArcSyntax {
    fn en(&self) -> String {
        match self {
            ArcSyntax::Tags { error } => error.en(),
            ArcSyntax::BadInstance { value } if value.is_empty() => {
                "the instance tag i= is missing".into()
            }
            ArcSyntax::BadInstance { value } => {
                format!("the instance “{value}” is not a number from 1 to 50")
            }
            ArcSyntax::BadAlgorithm { value } => {
                format!("a={value} is not rsa-sha256 or ed25519-sha256")
            }
            ArcSyntax::BadDomain { value } => format!("d={value} is not a domain name"),
            ArcSyntax::BadChainValue { value } => {
                format!("cv={value} is not none, pass or fail")
            }
            ArcSyntax::SealWithHeaderList => "an ARC-Seal must not have an h= tag".into(),
            ArcSyntax::SignsSeal => "an ARC-Message-Signature must not sign ARC-Seal fields".into(),
        }
    }
}

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::BadInstance { header, error } => {
                format!(
                    "An {header} field cannot be placed in the ARC chain: {}.",
                    error.en()
                )
            }
            Finding::MissingHeader { instance, header } => {
                format!("ARC set {instance} has no {header} field: the chain is broken.")
            }
            Finding::DuplicateHeader { instance, header } => format!(
                "ARC set {instance} has more than one {header} field: the chain is invalid."
            ),
            Finding::Syntax {
                instance,
                header,
                error,
            } => format!(
                "The {header} of ARC set {instance} cannot be read: {}.",
                error.en()
            ),
            Finding::ChainMarkedFailed { instance } => format!(
                "The latest ARC seal (set {instance}) says the chain had already failed (cv=fail)."
            ),
            Finding::WrongChainValue {
                instance,
                expected,
                found,
            } => format!(
                "The ARC seal of set {instance} says cv={}, where cv={} is required: the chain is invalid.",
                found.as_str(),
                expected.as_str()
            ),
            Finding::BodyHashMismatch { instance, domain } => format!(
                "The body changed after {domain} added ARC set {instance}: its message signature fails."
            ),
            Finding::MessageSignatureInvalid { instance, domain } => format!(
                "The ARC message signature of {domain} (set {instance}) does not verify: the signed fields changed after it was added."
            ),
            Finding::OlderMessageSignatureInvalid { instance, domain } => format!(
                "The older ARC message signature of {domain} (set {instance}) no longer verifies: a later intermediary changed the message, which ARC allows."
            ),
            Finding::SealInvalid { instance, domain } => format!(
                "The ARC seal of {domain} (set {instance}) does not verify: the ARC fields were altered."
            ),
            Finding::KeyNotFound {
                instance,
                domain,
                selector,
            } => format!(
                "No key is published at {selector}._domainkey.{domain} for ARC set {instance}: it cannot be verified."
            ),
            Finding::KeyUnusable {
                instance,
                domain,
                selector,
                error,
                bits,
            } => match (error, bits) {
                (Some(e), _) => format!(
                    "The key {selector}._domainkey.{domain} of ARC set {instance} is unusable: {}.",
                    e.en()
                ),
                (None, Some(b)) => format!(
                    "The key {selector}._domainkey.{domain} of ARC set {instance} cannot be used ({b} bits, or not of the signature’s type)."
                ),
                (None, None) => format!(
                    "The key {selector}._domainkey.{domain} of ARC set {instance} is revoked."
                ),
            },
            Finding::DnsError {
                instance,
                domain,
                selector,
                error,
            } => format!(
                "The key {selector}._domainkey.{domain} of ARC set {instance} could not be fetched: {}.",
                error.en()
            ),
        }
    }
}
