//! English text of the `analysis` area: why a re-check differs from the receiver's claim.

use crate::analysis::recheck::Cause;
use crate::i18n::En;

impl En for Cause {
    fn en(&self) -> String {
        match self {
            Cause::Agree => "Same result.".into(),
            Cause::NotClaimed => "The receiver did not report this check.".into(),
            Cause::BodyAbsent => "Only the headers were pasted: Sceau could check the signed headers but not the body, so it cannot confirm a pass.".into(),
            Cause::KeyRotated { name, age } => format!(
                "The key at {name} is no longer published (or revoked){}: the sender has probably rotated its DKIM keys since delivery. The signature was valid when received if the receiver said so.",
                age.map(|a| format!(", and the message is {} old", super::headers::duration(a))).unwrap_or_default()
            ),
            Cause::Modified => "Signed content no longer matches: the message was changed after the receiver checked it (a forward, a footer, an edit), or the copy-paste altered it (spaces, line breaks).".into(),
            Cause::SpfChanged => "SPF no longer passes for this IP: the domain has changed its SPF record since delivery.".into(),
            Cause::Forwarded => "The message was forwarded: SPF fails for the forwarder’s address, while the ARC chain vouches for the checks made before forwarding.".into(),
            Cause::Temporary => "A DNS lookup failed temporarily for Sceau: try again.".into(),
            Cause::IpUnknown => "The connecting IP is not in the headers, so SPF could not be re-checked.".into(),
            Cause::FollowsInputs => "DMARC differs because the DKIM or SPF results above differ.".into(),
            Cause::Unexplained => "The results differ for a reason the headers do not show (the receiver’s local policy, DNS seen differently).".into(),
        }
    }
}
