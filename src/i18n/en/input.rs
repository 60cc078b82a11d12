//! English text of the `input` area.

use crate::i18n::En;
use crate::input::{InputError, InputNote};

impl En for InputError {
    fn en(&self) -> String {
        match self {
            InputError::Empty => "There is nothing to analyse: paste a message or its headers, or drop an .eml file.".into(),
            InputError::TooLarge { size, limit } => format!(
                "This input is {} MB; messages over {} MB are not analysed here. Save the message as .eml without its attachments, or paste only its headers.",
                size / 1_000_000,
                limit / 1_000_000
            ),
            InputError::OutlookMsg => "This is an Outlook .msg file, which does not hold the message as sent. In Outlook, open the message, choose File → Properties and copy the “Internet headers”, or save it as .eml (Outlook on the web: … → Download).".into(),
            InputError::OtherFormat { kind } => format!(
                "This is a {kind} file, not a message. DMARC and TLS reports go in the Reports tab."
            ),
            InputError::Binary => "This is binary data, not the text of a message. Paste the headers as text, or drop an .eml file.".into(),
            InputError::NoHeaders => "No header field was found (lines such as “From: …” or “Received: …”). Copy the whole original message or its headers, not just the text shown by your mail program.".into(),
        }
    }
}

impl En for InputNote {
    fn en(&self) -> String {
        match self {
            InputNote::Reencoded { from } => format!("The text was converted from {from}."),
            InputNote::PreambleRemoved { lines } => format!(
                "The {lines} summary lines above the headers (Gmail’s “Show original” page) were left out."
            ),
            InputNote::Dedented { columns } => {
                format!("Every line was indented by {columns} characters; the indent was removed.")
            }
        }
    }
}
