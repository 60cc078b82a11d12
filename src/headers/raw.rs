//! Splitting a message into raw header fields and a body, keeping bytes and lines.
//!
//! This is the layer DKIM and ARC hash from, so it changes nothing but line endings:
//! every line ending becomes CRLF (pastes arrive with LF), and each field keeps its
//! exact bytes, folding included.

/// One header field exactly as it stands in the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawField {
    /// Field name as written (case kept), without the colon.
    pub name: String,
    /// The whole field, `Name:value` with folding CRLFs, without the final CRLF.
    pub raw: Vec<u8>,
    /// 0-based index of the first line of the field in the normalised input.
    pub first_line: usize,
    /// 0-based index of the last line of the field.
    pub last_line: usize,
}

impl RawField {
    /// The bytes after the colon (folding kept).
    pub fn raw_value(&self) -> &[u8] {
        let colon = self
            .raw
            .iter()
            .position(|&b| b == b':')
            .unwrap_or(self.raw.len());
        self.raw.get(colon + 1..).unwrap_or(&[])
    }

    /// The value after the colon, unfolded (CRLF before white space removed),
    /// trimmed, lossily decoded as UTF-8.
    pub fn value(&self) -> String {
        let v = String::from_utf8_lossy(self.raw_value());
        v.replace("\r\n", "").trim().to_string()
    }

    /// True when the name matches `name`, ignoring case.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// A message split into fields and body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawMessage {
    /// Header fields, top first.
    pub fields: Vec<RawField>,
    /// The body after the empty line, CRLF line endings; `None` when the input had
    /// no empty line after the headers (headers-only paste).
    pub body: Option<Vec<u8>>,
    /// Lines before the first field that were not a header (preambles), 0-based indexes.
    pub skipped_lines: Vec<usize>,
}

impl RawMessage {
    /// Fields named `name`, top first.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a RawField> + 'a {
        self.fields.iter().filter(move |f| f.is(name))
    }

    /// The first (top-most) field named `name`.
    pub fn first(&self, name: &str) -> Option<&RawField> {
        self.fields.iter().find(|f| f.is(name))
    }
}

/// Normalises line endings to CRLF (lone LF and lone CR both become CRLF).
pub fn to_crlf(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + input.len() / 40);
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'\r' => {
                out.extend_from_slice(b"\r\n");
                if input.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => out.extend_from_slice(b"\r\n"),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn is_field_name_byte(b: u8) -> bool {
    // RFC 5322 ftext: printable US-ASCII except colon.
    (33..=126).contains(&b) && b != b':'
}

/// Splits `input` (any line endings) into fields and body. Lines before the first
/// header-looking line are recorded in `skipped_lines`; a line inside the header block
/// that is neither a field nor a continuation ends the header block only if it is
/// empty, otherwise it is kept as a continuation of the previous field.
pub fn parse(input: &[u8]) -> RawMessage {
    let data = to_crlf(input);
    let mut msg = RawMessage::default();
    let mut pos = 0;
    let mut line_no = 0;
    let mut started = false;
    while pos < data.len() {
        let end = find_crlf(&data, pos).unwrap_or(data.len());
        let line = &data[pos..end];
        let next = (end + 2).min(data.len());
        if line.is_empty() {
            if started {
                msg.body = Some(data[next..].to_vec());
                return msg;
            }
            msg.skipped_lines.push(line_no);
        } else if (line[0] == b' ' || line[0] == b'\t') && started {
            let f = msg.fields.last_mut().expect("started implies a field");
            f.raw.extend_from_slice(b"\r\n");
            f.raw.extend_from_slice(line);
            f.last_line = line_no;
        } else if let Some(colon) = line.iter().position(|&b| b == b':').filter(|&c| {
            // A name is ftext, possibly followed by white space (RFC 5322 obsolete
            // syntax); white space inside it means a flattened continuation line.
            let name = line[..c]
                .iter()
                .rposition(|&b| b != b' ' && b != b'\t')
                .map_or(&line[..0], |last| &line[..=last]);
            !name.is_empty() && name.iter().all(|&b| is_field_name_byte(b))
        }) {
            started = true;
            let name = String::from_utf8_lossy(&line[..colon])
                .trim_end()
                .to_string();
            msg.fields.push(RawField {
                name,
                raw: line.to_vec(),
                first_line: line_no,
                last_line: line_no,
            });
        } else if started {
            let f = msg.fields.last_mut().expect("started implies a field");
            f.raw.extend_from_slice(b"\r\n");
            f.raw.extend_from_slice(line);
            f.last_line = line_no;
        } else {
            msg.skipped_lines.push(line_no);
        }
        pos = if end == data.len() { data.len() } else { next };
        line_no += 1;
    }
    msg
}

fn find_crlf(data: &[u8], from: usize) -> Option<usize> {
    data[from..]
        .windows(2)
        .position(|w| w == b"\r\n")
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_fields_body_and_keeps_folding() {
        let m = parse(b"From: a@example.com\nSubject: hello\n world\n\nbody\n");
        assert_eq!(m.fields.len(), 2);
        assert_eq!(m.fields[1].raw, b"Subject: hello\r\n world".to_vec());
        assert_eq!(m.fields[1].value(), "hello world");
        assert_eq!(m.fields[1].last_line, 2);
        assert_eq!(m.body.as_deref(), Some(&b"body\r\n"[..]));
    }

    #[test]
    fn flattened_continuations_stay_in_their_field() {
        // A paste that lost the folding indent: the date line has colons but is no field.
        let m = parse(b"Received: from a by b\nfor <x@example.com>; Tue, 5 Mar 2024 10:00:00 +0000\nSubject : hi\n");
        assert_eq!(m.fields.len(), 2);
        assert!(m.fields[0].value().ends_with("10:00:00 +0000"));
        assert_eq!(m.fields[1].name, "Subject");
    }

    #[test]
    fn headers_only_has_no_body() {
        let m = parse(b"From: a@example.com\r\nTo: b@example.com\r\n");
        assert_eq!(m.fields.len(), 2);
        assert!(m.body.is_none());
    }
}
