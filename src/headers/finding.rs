//! Findings of the `headers` area: what the message's own fields say about it.
//! Sentences: `i18n/en/headers.rs`, `i18n/fr/headers.rs`.

use crate::findings::Severity;

/// A typed cause found in a message's header fields, with its context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Headers only: DKIM body hashes cannot be checked.
    BodyAbsent,
    /// No From field (RFC 5322 requires exactly one).
    NoFrom,
    /// Several From fields or several addresses in From.
    SeveralFrom {
        /// How many addresses.
        count: usize,
    },
    /// No Date field.
    NoDate,
    /// The Date field cannot be read.
    BadDate {
        /// The value.
        value: String,
    },
    /// No Message-ID field.
    NoMessageId,
    /// Replies go to another domain than the From domain.
    ReplyToOtherDomain {
        /// Reply-To domain.
        reply_to: String,
        /// From domain.
        from: String,
    },
    /// The envelope sender (Return-Path) is in another domain than From.
    ReturnPathOtherDomain {
        /// Return-Path domain.
        return_path: String,
        /// From domain.
        from: String,
    },
    /// The display name shows an address in another domain than the real From address.
    DisplayNameAddress {
        /// The address shown in the display name.
        shown: String,
        /// The real From address.
        actual: String,
    },
    /// No Received field: the message was not delivered, or only its body was pasted.
    NoReceived,
    /// More Received fields than any delivered message has (RFC 5321 §6.3 calls over
    /// 100 a loop): only those nearest the recipient are analysed.
    TooManyHops {
        /// Received fields in the message.
        total: usize,
        /// Analysed (the topmost ones).
        analysed: usize,
    },
    /// More DKIM signatures than any real message carries: only the first (topmost)
    /// ones are verified, as RFC 6376 §6.1 allows against denial of service.
    TooManySignatures {
        /// DKIM-Signature fields in the message.
        total: usize,
        /// Verified.
        verified: usize,
    },
    /// A Received field could not be fully read.
    UnparsedHop {
        /// Hop number, origin = 1.
        hop: usize,
    },
    /// A Received field's date could not be read.
    UnparsedDate {
        /// Hop number.
        hop: usize,
    },
    /// A hop is dated before the previous one: clocks disagree.
    NegativeDelay {
        /// Hop number.
        hop: usize,
        /// Seconds (negative).
        seconds: i64,
    },
    /// A hop held the message a long time.
    LongDelay {
        /// Hop number.
        hop: usize,
        /// Seconds.
        seconds: i64,
    },
    /// An Authentication-Results field from another server than the receiver's: a claim
    /// anyone on the way could have written (RFC 8601 §7.1).
    UntrustedAuthResults {
        /// Its authserv-id.
        authserv_id: String,
    },
    /// No Authentication-Results field.
    NoAuthResults,
    /// The receiver's Authentication-Results names another connecting IP than the Received chain.
    ConnectingIpDiffers {
        /// From the Received chain.
        received: String,
        /// From Authentication-Results or Received-SPF.
        claimed: String,
    },
    /// The connecting IP could not be determined.
    ConnectingIpUnknown,
    /// Invisible or direction-changing characters in a field people read (From,
    /// Reply-To, Sender, Subject): what is shown is not what is written.
    HiddenCharacters {
        /// The field.
        field: String,
        /// The characters, as `U+202E`.
        characters: Vec<String>,
    },
    /// List-Unsubscribe without List-Unsubscribe-Post: no one-click unsubscription
    /// (RFC 8058), which Gmail and Yahoo require from bulk senders.
    NoOneClickUnsubscribe,
}

impl crate::findings::Finding for Finding {
    fn code(&self) -> &'static str {
        match self {
            Finding::BodyAbsent => "body_absent",
            Finding::NoFrom => "no_from",
            Finding::SeveralFrom { .. } => "several_from",
            Finding::NoDate => "no_date",
            Finding::BadDate { .. } => "bad_date",
            Finding::NoMessageId => "no_message_id",
            Finding::ReplyToOtherDomain { .. } => "reply_to_other_domain",
            Finding::ReturnPathOtherDomain { .. } => "return_path_other_domain",
            Finding::DisplayNameAddress { .. } => "display_name_address",
            Finding::NoReceived => "no_received",
            Finding::TooManyHops { .. } => "too_many_hops",
            Finding::TooManySignatures { .. } => "too_many_signatures",
            Finding::UnparsedHop { .. } => "unparsed_hop",
            Finding::UnparsedDate { .. } => "unparsed_date",
            Finding::NegativeDelay { .. } => "negative_delay",
            Finding::LongDelay { .. } => "long_delay",
            Finding::UntrustedAuthResults { .. } => "untrusted_auth_results",
            Finding::NoAuthResults => "no_auth_results",
            Finding::ConnectingIpDiffers { .. } => "connecting_ip_differs",
            Finding::ConnectingIpUnknown => "connecting_ip_unknown",
            Finding::NoOneClickUnsubscribe => "no_one_click_unsubscribe",
            Finding::HiddenCharacters { .. } => "hidden_characters",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Finding::BodyAbsent
            | Finding::ReturnPathOtherDomain { .. }
            | Finding::NoReceived
            | Finding::UnparsedHop { .. }
            | Finding::UntrustedAuthResults { .. }
            | Finding::NoAuthResults
            | Finding::ConnectingIpUnknown => Severity::Info,
            Finding::NoDate
            | Finding::BadDate { .. }
            | Finding::NoMessageId
            | Finding::ReplyToOtherDomain { .. }
            | Finding::UnparsedDate { .. }
            | Finding::NegativeDelay { .. }
            | Finding::LongDelay { .. }
            | Finding::TooManyHops { .. }
            | Finding::TooManySignatures { .. }
            | Finding::ConnectingIpDiffers { .. }
            | Finding::NoOneClickUnsubscribe => Severity::Warning,
            Finding::NoFrom
            | Finding::SeveralFrom { .. }
            | Finding::DisplayNameAddress { .. }
            | Finding::HiddenCharacters { .. } => Severity::Problem,
        }
    }
}

crate::serialize_as_finding!(Finding);
