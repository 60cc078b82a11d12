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
            Cause::ReceiverGuess => "The domain publishes no SPF record; the receiver evaluated a record of its own guessing (Gmail’s “best guess record”), which has no standing: by RFC 7208 the result is none.".into(),
            Cause::Temporary => "A DNS lookup failed temporarily for Sceau: try again.".into(),
            Cause::IpUnknown => "The connecting IP is not in the headers, so SPF could not be re-checked.".into(),
            Cause::FollowsInputs => "DMARC differs because the DKIM or SPF results above differ.".into(),
            Cause::Unexplained => "The results differ for a reason the headers do not show (the receiver’s local policy, DNS seen differently).".into(),
        }
    }
}

fn result_word(r: crate::verdict::AuthResult) -> &'static str {
    use crate::verdict::AuthResult as R;
    match r {
        R::Pass => "passes",
        R::Fail => "fails",
        R::Softfail => "soft-fails (~all)",
        R::Neutral => "is neutral",
        R::None => "gives no result",
        R::Policy => "is refused by policy",
        R::Temperror => "hits a temporary error",
        R::Permerror => "hits a permanent error",
    }
}

fn policy_words(p: crate::dmarc::record::Policy) -> &'static str {
    use crate::dmarc::record::Policy as P;
    match p {
        P::None => "delivered normally (monitoring only)",
        P::Quarantine => "put in quarantine (the spam folder)",
        P::Reject => "rejected",
    }
}

impl En for crate::analysis::story::Story {
    fn en(&self) -> String {
        use crate::verdict::AuthResult as R;
        let mut out = String::new();
        let from = self.from.as_deref().unwrap_or("an unknown sender");
        out.push_str(&format!("Sent by {from}"));
        if self.hops > 0 {
            out.push_str(&format!(
                ", the message went through {} server{}",
                self.hops,
                if self.hops > 1 { "s" } else { "" }
            ));
            if let Some(t) = self.total_seconds.filter(|t| *t >= 0) {
                out.push_str(&format!(" in {}", super::headers::duration(t)));
            }
            if let Some(r) = &self.receiver {
                out.push_str(&format!(" before reaching {r}"));
            }
        }
        out.push('.');
        if let Some(ip) = self.connecting_ip {
            out.push_str(&format!(
                " It entered the receiving organisation from {ip}."
            ));
        }
        match (self.dmarc, self.disposition) {
            (Some(R::Pass), _) => out.push_str(" DMARC passes: the visible sender is authenticated."),
            (Some(R::Fail), Some(p)) => out.push_str(&format!(
                " DMARC fails: nothing proves the visible sender, and the domain’s policy asks for the message to be {}.",
                policy_words(p)
            )),
            (Some(R::None), _) => out.push_str(" The sender’s domain publishes no DMARC policy, so receivers decide alone."),
            (Some(r), _) => out.push_str(&format!(" DMARC {}.", result_word(r))),
            (None, _) => {}
        }
        if let Some(c) = &self.claimed_dmarc {
            out.push_str(&format!(" The receiver recorded dmarc={c}."));
        }
        if self.headers_only {
            out.push_str(" Only the headers were pasted: the body could not be checked.");
        }
        out
    }
}

impl En for crate::analysis::story::Step {
    fn en(&self) -> String {
        use crate::analysis::story::Step;
        use crate::verdict::AuthResult as R;
        match self {
            Step::Spf { result: None, .. } => "Who may send (SPF): the connecting server’s IP is unknown, so SPF could not be checked.".into(),
            Step::Spf { result: Some(r), ip, domain, helo } => format!(
                "Who may send (SPF): {} {} for {}{}: SPF {}.",
                ip.map(|i| i.to_string()).unwrap_or_default(),
                if *r == R::Pass { "is authorised to send" } else { "is not shown as authorised to send" },
                domain.as_deref().unwrap_or("?"),
                if *helo { " (its HELO name: the message is a bounce with an empty sender)" } else { "" },
                result_word(*r)
            ),
            Step::Dkim { signatures } if signatures.is_empty() => "Is it intact (DKIM): the message carries no DKIM signature.".into(),
            Step::Dkim { signatures } => format!(
                "Is it intact (DKIM): {}.",
                signatures
                    .iter()
                    .map(|(d, r)| format!("the signature of {d} {}", result_word(*r)))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Step::Alignment { from, dkim, spf } => {
                let from = from.as_deref().unwrap_or("?");
                let part = |name: &str, (d, ok): &(Option<String>, bool)| match (d, ok) {
                    (Some(d), true) => format!("{name} ({d}) matches it"),
                    (Some(d), false) => format!("{name} ({d}) does not match it or did not pass"),
                    (None, _) => format!("{name} has nothing to offer"),
                };
                format!("Does the visible From match (alignment): the From domain is {from}; {}, {}.", part("DKIM", dkim), part("SPF", spf))
            }
            Step::Policy { policy: None, domain, .. } => format!("What the domain asks (DMARC policy): {} publishes no DMARC record.", domain.as_deref().unwrap_or("the sender’s domain")),
            Step::Policy { policy: Some(p), domain, tag } => format!(
                "What the domain asks (DMARC policy): {} asks for failing mail to be {} ({}={}).",
                domain.as_deref().unwrap_or("?"),
                policy_words(*p),
                tag.unwrap_or("p"),
                p.as_str()
            ),
            Step::Decision { result, disposition, pct, testing } => {
                let mut s = match result {
                    R::Pass => "Decision: DMARC passes; the message is delivered on its merits (content filters still apply).".to_string(),
                    R::Fail => format!("Decision: DMARC fails; a receiver following the policy would have the message {}.", policy_words(*disposition)),
                    r => format!("Decision: DMARC {}; the receiver applies its own rules.", result_word(*r)),
                };
                if let Some(p) = pct {
                    s.push_str(&format!(" The policy covers only {p} % of failing mail (pct=); the rest gets the next milder treatment."));
                }
                if *testing {
                    s.push_str(" The record is in testing mode (t=y): receivers apply one step milder.");
                }
                s
            }
        }
    }
}
