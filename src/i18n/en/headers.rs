//! English text of the `headers` area.

use crate::headers::finding::Finding;
use crate::i18n::En;

/// A number with its thousands separated by commas.
pub(crate) fn n(n: usize) -> String {
    crate::i18n::text::grouped(n, ',')
}

/// "3 h 05 min", "12 s": a duration for people.
pub(crate) fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=119 => format!("{s} s"),
        120..=7199 => format!("{} min", s / 60),
        7200..=172_799 => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} days", s / 86_400),
    }
}

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::BodyAbsent => "Only the headers were pasted: DKIM signatures can be checked on the headers they sign, but not on the body. Paste the whole message for a full check.".into(),
            Finding::NoFrom => "The message has no From field: RFC 5322 requires one, and DMARC cannot protect a message without it.".into(),
            Finding::SeveralFrom { count } => format!("The message has {count} From addresses: most receivers reject such messages, and DMARC cannot say which one to check."),
            Finding::NoDate => "The message has no Date field, which RFC 5322 requires; some filters count it against the message.".into(),
            Finding::BadDate { value } => format!("The Date field “{value}” cannot be read as a date."),
            Finding::NoMessageId => "The message has no Message-ID: usually the sign of a badly configured sending program; filters count it against the message.".into(),
            Finding::ReplyToOtherDomain { reply_to, from } => format!("Replies go to {reply_to}, not to the sender’s domain {from}. Normal for some newsletters and help desks, but also a classic of fraud: check that you expect it."),
            Finding::ReturnPathOtherDomain { return_path, from } => format!("Bounces go to {return_path}, not to {from}: the message was sent through a service (SPF is checked for {return_path}). DMARC then relies on DKIM, or on SPF alignment if the service supports a custom bounce domain."),
            Finding::DisplayNameAddress { shown, actual } => format!("The sender’s name shows the address {shown}, but the message comes from {actual}: a common way to impersonate someone."),
            Finding::NoReceived => "There is no Received field: this is not a message as delivered (a draft, or a copy of the text only), so its route cannot be shown.".into(),
            Finding::TooManyHops { total, analysed } => format!("The message has {} Received fields, far beyond the 100 that RFC 5321 already calls a mail loop: it looped, or the fields were forged. Only the {} nearest the recipient are shown and checked.", n(*total), n(*analysed)),
            Finding::TooManySignatures { total, verified } => format!("The message has {} DKIM signatures; no real message carries that many. Only the first {} (the topmost) are verified, as RFC 6376 allows, so that checking stays quick.", n(*total), n(*verified)),
            Finding::UnparsedHop { hop } => format!("Hop {hop} could not be fully read; it is shown as written."),
            Finding::UnparsedDate { hop } => format!("The date of hop {hop} could not be read: the delays around it are unknown."),
            Finding::NegativeDelay { hop, seconds } => format!("Hop {hop} is dated {} before the previous one: the two servers’ clocks disagree (not a delay).", duration(*seconds)),
            Finding::LongDelay { hop, seconds } => format!("Hop {hop} took {}: the message waited in a queue (greylisting, a busy server or a retry after an error).", duration(*seconds)),
            Finding::UntrustedAuthResults { authserv_id } => format!("An Authentication-Results field was written by {}, not by the receiver: anyone on the way could have written it, so it is shown as a claim only.", if authserv_id.is_empty() { "an unnamed server" } else { authserv_id }),
            Finding::NoAuthResults => "No Authentication-Results field: the receiver did not record its checks in the message. Sceau re-checks them itself.".into(),
            Finding::ConnectingIpDiffers { received, claimed } => format!("The Received chain points to {received} as the connecting server, but the receiver’s results name {claimed}. Sceau uses {claimed}."),
            Finding::ConnectingIpUnknown => "The IP address of the server that handed the message to the receiver cannot be found in the headers: SPF cannot be re-checked.".into(),
            Finding::HiddenCharacters { field, characters } => format!("The {field} field contains invisible or direction-changing characters ({}): what your mail program shows is not what is written — a trick to disguise an address or a file name. They are shown here as ⟨U+…⟩.", characters.join(", ")),
            Finding::NoOneClickUnsubscribe => "The message has a List-Unsubscribe link but no List-Unsubscribe-Post: one-click unsubscription (RFC 8058), which Gmail and Yahoo require from bulk senders, is missing.".into(),
        }
    }
}
