//! Pasted text and dropped files → bytes: format sniffing, decompression, limits.
//!
//! [`prepare_message`] takes whatever a user pasted or dropped in the Message tab and
//! either returns message bytes ready for [`crate::headers::raw::parse`], with notes on
//! what was repaired, or says in a typed [`InputError`] why it cannot be a message.
//! Repairs stay conservative: they only remove what copy-paste adds around a message
//! (a web page's summary table, a uniform indent), never anything inside it.

use serde::Serialize;

/// The largest message accepted: enough for any real message with attachments, small
/// enough for a browser tab to parse at once.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

/// Why input cannot be analysed as a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum InputError {
    /// Nothing but white space.
    Empty,
    /// Larger than [`MAX_MESSAGE_BYTES`].
    TooLarge {
        /// Size given, bytes.
        size: usize,
        /// The limit, bytes.
        limit: usize,
    },
    /// An Outlook `.msg` file (OLE2 compound document), which holds no MIME message.
    OutlookMsg,
    /// A compressed archive or another known non-mail format.
    OtherFormat {
        /// What it looks like (`zip`, `gzip`, `pdf`, `png`…).
        kind: &'static str,
    },
    /// Binary data: NUL or control bytes where text is expected.
    Binary,
    /// Text, but no header field in it.
    NoHeaders,
}

/// A repair made to the input, told to the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum InputNote {
    /// A byte-order mark or UTF-16 encoding was removed or converted.
    Reencoded {
        /// The encoding found.
        from: &'static str,
    },
    /// Lines before the message were a web page's summary (Gmail's "Show original").
    PreambleRemoved {
        /// How many lines.
        lines: usize,
    },
    /// Every line was indented by the same amount (a copy from a web page or a quote).
    Dedented {
        /// Columns removed.
        columns: usize,
    },
}

/// Input ready to parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    /// The message bytes.
    pub bytes: Vec<u8>,
    /// What was repaired.
    pub notes: Vec<InputNote>,
    /// The bytes split into header fields and body (parsed once, here).
    pub message: crate::headers::raw::RawMessage,
}

/// Sniffs a known non-mail format from its first bytes.
fn other_format(b: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "zip"),
        (b"\x1f\x8b", "gzip"),
        (b"%PDF", "pdf"),
        (b"\x89PNG", "png"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"GIF8", "gif"),
        (b"\x7fELF", "elf"),
        (b"MZ", "exe"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| b.starts_with(m))
        .map(|&(_, k)| k)
}

/// UTF-16 text (without its byte-order mark) as a string, bad units replaced by U+FFFD.
pub(crate) fn decode_utf16(b: &[u8], little: bool) -> String {
    let units: Vec<u16> = b
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units)
}

/// Lines that end a Gmail "Show original" summary, in the languages users copy from.
const PREAMBLE_END: &[&str] = &[
    "download original",
    "copy to clipboard",
    "télécharger le message d'origine",
    "télécharger le message d’origine",
    "copier dans le presse-papiers",
];

/// Lines that start one.
const PREAMBLE_START: &[&str] = &["original message", "message d'origine", "message d’origine"];

/// Header fields that open a message as delivered (where a preamble ends).
const FIRST_FIELDS: &[&str] = &[
    "delivered-to:",
    "received:",
    "return-path:",
    "arc-seal:",
    "x-received:",
    "authentication-results:",
    "dkim-signature:",
    "x-google-smtp-source:",
    "mime-version:",
];

fn remove_preamble(text: &str) -> Option<(String, usize)> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let head = lines[first].trim().to_lowercase();
    if !PREAMBLE_START.iter().any(|s| head.starts_with(s)) {
        return None;
    }
    let window = lines.len().min(first + 60);
    let end = lines[first..window]
        .iter()
        .position(|l| {
            let l = l.trim().to_lowercase();
            PREAMBLE_END.iter().any(|e| l.contains(e))
        })
        .map(|i| first + i + 1)
        .or_else(|| {
            lines[first + 1..window]
                .iter()
                .position(|l| {
                    let l = l.to_lowercase();
                    FIRST_FIELDS.iter().any(|f| l.starts_with(f))
                })
                .map(|i| first + 1 + i)
        })?;
    let rest: String = lines[end..].concat();
    let rest = rest.trim_start_matches(['\r', '\n']).to_string();
    Some((rest, end))
}

fn dedent(text: &str) -> Option<(String, usize)> {
    let header_block: Vec<&str> = text
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .collect();
    if header_block.len() < 2 {
        return None;
    }
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let common = header_block.iter().map(|l| indent(l)).min()?;
    if common == 0 {
        return None;
    }
    let out: Vec<&str> = text
        .split_inclusive('\n')
        .map(|l| {
            let n = indent(l).min(common);
            &l[n..]
        })
        .collect();
    Some((out.concat(), common))
}

/// Checks and repairs pasted or dropped input so it can be parsed as a message.
pub fn prepare_message(input: &[u8]) -> Result<Prepared, InputError> {
    if input.len() > MAX_MESSAGE_BYTES {
        return Err(InputError::TooLarge {
            size: input.len(),
            limit: MAX_MESSAGE_BYTES,
        });
    }
    if input.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Err(InputError::OutlookMsg);
    }
    if let Some(kind) = other_format(input) {
        return Err(InputError::OtherFormat { kind });
    }
    let mut notes = Vec::new();
    let mut bytes: Vec<u8> = if let Some(rest) = input.strip_prefix(b"\xef\xbb\xbf") {
        notes.push(InputNote::Reencoded { from: "UTF-8 BOM" });
        rest.to_vec()
    } else if let Some(rest) = input.strip_prefix(b"\xff\xfe") {
        notes.push(InputNote::Reencoded { from: "UTF-16LE" });
        decode_utf16(rest, true).into_bytes()
    } else if let Some(rest) = input.strip_prefix(b"\xfe\xff") {
        notes.push(InputNote::Reencoded { from: "UTF-16BE" });
        decode_utf16(rest, false).into_bytes()
    } else {
        input.to_vec()
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    // Binary: NUL bytes, or many control bytes, in the part where headers should be.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || controls * 20 > head.len() {
        return Err(InputError::Binary);
    }
    // Text repairs work on the header part only when it is valid UTF-8; a message with
    // 8-bit bytes in its body is left byte-exact.
    if let Ok(text) = std::str::from_utf8(&bytes) {
        let mut text = text.to_string();
        if let Some((rest, lines)) = remove_preamble(&text) {
            notes.push(InputNote::PreambleRemoved { lines });
            text = rest;
        }
        if let Some((rest, columns)) = dedent(&text) {
            notes.push(InputNote::Dedented { columns });
            text = rest;
        }
        bytes = text.into_bytes();
    }
    let message = crate::headers::raw::parse(&bytes);
    if message.fields.is_empty() {
        return Err(InputError::NoHeaders);
    }
    Ok(Prepared {
        bytes,
        notes,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_typed() {
        assert_eq!(prepare_message(b"  \n\t "), Err(InputError::Empty));
        assert_eq!(
            prepare_message(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"),
            Err(InputError::OutlookMsg)
        );
        assert_eq!(
            prepare_message(b"PK\x03\x04...."),
            Err(InputError::OtherFormat { kind: "zip" })
        );
        assert_eq!(prepare_message(b"From: a\0b"), Err(InputError::Binary));
        assert_eq!(
            prepare_message(b"just some words\nand more words\n"),
            Err(InputError::NoHeaders)
        );
        let big = vec![b'a'; MAX_MESSAGE_BYTES + 1];
        assert!(matches!(
            prepare_message(&big),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn gmail_show_original_summary_is_removed() {
        let paste = "Original Message\nMessage ID\t<x@example.com>\nCreated at:\tTue, Mar 5, 2024 at 10:00 AM\nFrom:\tAlice <a@example.com>\nSPF:\tPASS with IP 192.0.2.1 Learn more\nDownload Original\tCopy to clipboard\t\nDelivered-To: b@example.org\nReceived: by 2002:a05::1 with SMTP id x;\n        Tue, 5 Mar 2024 10:00:02 -0800 (PST)\nFrom: Alice <a@example.com>\n\nHello\n";
        let p = prepare_message(paste.as_bytes()).unwrap();
        assert_eq!(p.notes, [InputNote::PreambleRemoved { lines: 6 }]);
        let m = crate::headers::raw::parse(&p.bytes);
        assert_eq!(m.fields[0].name, "Delivered-To");
        assert_eq!(m.fields.len(), 3);
        // Without the button line, the summary ends at the first delivered header.
        let paste2 =
            "Message d’origine\nDe :\tAlice\nDelivered-To: b@example.org\nFrom: a@example.com\n";
        let p = prepare_message(paste2.as_bytes()).unwrap();
        assert_eq!(p.notes, [InputNote::PreambleRemoved { lines: 2 }]);
    }

    #[test]
    fn indented_pastes_and_encodings() {
        let p = prepare_message(b"    From: a@example.com\n    To: b@example.com\n      folded\n")
            .unwrap();
        assert_eq!(p.notes, [InputNote::Dedented { columns: 4 }]);
        assert!(
            p.bytes
                .starts_with(b"From: a@example.com\nTo: b@example.com\n  folded")
        );
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(
                "From: é@example.com\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let p = prepare_message(&utf16).unwrap();
        assert_eq!(p.bytes, "From: é@example.com\n".as_bytes());
        // 8-bit bodies stay byte-exact (DKIM hashes them).
        let raw = b"From: a@example.com\n\n\xe9t\xe9\n";
        assert_eq!(prepare_message(raw).unwrap().bytes, raw.to_vec());
    }
}
