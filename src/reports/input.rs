//! One input file → the report documents inside it.
//!
//! The format is read from the content, never from the name: XML (an aggregate report),
//! JSON (a TLS report), gzip (also gzip inside gzip, and concatenated members), zip
//! (every entry), a mail message or an mbox carrying reports as attachments (base64,
//! quoted-printable, nested multipart and attached messages) or being a failure report.
//!
//! Every expansion counts against [`Limits`]: total expanded size, size of one member,
//! number of zip entries and nesting depth, each with its own [`ReportError`].

use std::io::Read;

use mail_parser::{Message, MessageParser, PartType};

use super::{Finding, Limits, ReportError};

/// What a document found in a file is (`aggregate`, `tls` or `failure` in JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A DMARC aggregate report (XML).
    Aggregate,
    /// An SMTP TLS report (JSON).
    Tls,
    /// A DMARC failure report (a mail message, ARF or plain text).
    Failure,
}

/// The container or document format of some bytes, from their first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// gzip (RFC 1952).
    Gzip,
    /// zip archive.
    Zip,
    /// XML (after an optional byte-order mark and white space).
    Xml,
    /// JSON object or array.
    Json,
    /// Unix mbox (starts with a `From ` line).
    Mbox,
    /// A mail message (starts with a header field).
    Message,
    /// None of these.
    Unknown,
}

/// Detects the format of `bytes` from their content.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Format::Zip;
    }
    let t = strip_bom(bytes);
    let t = &t[t
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0)
        .unwrap_or(t.len())..];
    match t.first() {
        Some(b'<') => return Format::Xml,
        Some(b'{') | Some(b'[') => return Format::Json,
        _ => {}
    }
    if t.starts_with(b"From ") {
        return Format::Mbox;
    }
    let line = t.split(|b| *b == b'\n').next().unwrap_or(b"");
    if let Some(colon) = line.iter().position(|b| *b == b':')
        && colon > 0
        && line[..colon].iter().all(|b| b.is_ascii_graphic())
    {
        return Format::Message;
    }
    Format::Unknown
}

/// `bytes` without a UTF-8 or UTF-16 byte-order mark.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        rest
    } else if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        // UTF-16: look at the first character through its zero byte.
        &bytes[2..]
    } else {
        bytes
    }
}

/// What unpacking a file gave besides its documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Documents handed over.
    pub documents: usize,
    /// Notes on the unpacking (trailing bytes after a gzip stream…).
    pub findings: Vec<Finding>,
    /// The first error met; documents found before or beside it were handed over.
    pub error: Option<ReportError>,
}

/// Unpacks one file within `limits`, calling `sink` with each document as soon as it
/// is found: the bytes are borrowed from the input or from the one decompressed member
/// being read, so nothing is copied and a member is freed once its documents are read.
/// Never panics.
pub fn unpack_each(
    bytes: &[u8],
    limits: &Limits,
    sink: &mut dyn FnMut(DocumentKind, &[u8]),
) -> Outcome {
    let mut u = Unpacker {
        limits,
        expanded: 0,
        sink,
        out: Outcome::default(),
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        u.out.error = Some(ReportError::Empty);
        return u.out;
    }
    if let Err(e) = u.visit(bytes, 0) {
        u.record(e);
    }
    u.out
}

struct Unpacker<'l, 's> {
    limits: &'l Limits,
    /// Bytes produced by decompression so far, for [`Limits::max_expanded`].
    expanded: usize,
    sink: &'s mut dyn FnMut(DocumentKind, &[u8]),
    out: Outcome,
}

impl Unpacker<'_, '_> {
    fn record(&mut self, e: ReportError) {
        if self.out.error.is_none() {
            self.out.error = Some(e);
        }
    }

    fn push(&mut self, kind: DocumentKind, bytes: &[u8]) {
        self.out.documents += 1;
        (self.sink)(kind, bytes);
    }

    fn check_depth(&self, depth: usize) -> Result<(), ReportError> {
        if depth > self.limits.max_depth {
            return Err(ReportError::TooDeep {
                limit: self.limits.max_depth,
            });
        }
        Ok(())
    }

    fn visit(&mut self, bytes: &[u8], depth: usize) -> Result<(), ReportError> {
        self.check_depth(depth)?;
        match sniff(bytes) {
            Format::Gzip => {
                let inner = self.gunzip(bytes)?;
                self.visit(&inner, depth + 1)
            }
            Format::Zip => self.unzip(bytes, depth),
            Format::Xml => {
                self.push(DocumentKind::Aggregate, bytes);
                Ok(())
            }
            Format::Json => {
                self.push(DocumentKind::Tls, bytes);
                Ok(())
            }
            Format::Mbox => {
                let mut any = false;
                for m in mail_parser::mailbox::mbox::MessageIterator::new(bytes).flatten() {
                    any = true;
                    if let Err(e) = self.visit_message(m.contents(), depth + 1) {
                        self.record(e);
                    }
                }
                if any {
                    Ok(())
                } else {
                    Err(ReportError::BadMessage)
                }
            }
            Format::Message => self.visit_message(bytes, depth),
            Format::Unknown => Err(ReportError::UnknownFormat),
        }
    }

    /// The most a member may still expand to, and the error when it does.
    fn cap(&self, member: &str) -> (usize, ReportError) {
        let left = self.limits.max_expanded.saturating_sub(self.expanded);
        if self.limits.max_member < left {
            (
                self.limits.max_member,
                ReportError::MemberTooLarge {
                    member: member.to_string(),
                    limit: self.limits.max_member,
                },
            )
        } else {
            (
                left,
                ReportError::TooLarge {
                    limit: self.limits.max_expanded,
                },
            )
        }
    }

    /// Reads at most `cap` bytes from `r`, failing with `over` beyond.
    fn read_capped(
        &mut self,
        r: impl Read,
        cap: usize,
        over: ReportError,
        io_error: impl Fn(String) -> ReportError,
    ) -> Result<Vec<u8>, ReportError> {
        let mut out = Vec::new();
        r.take(cap as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| io_error(e.to_string()))?;
        if out.len() > cap {
            return Err(over);
        }
        self.expanded += out.len();
        Ok(out)
    }

    /// Decompresses gzip data: every concatenated member; trailing bytes are noted.
    fn gunzip(&mut self, data: &[u8]) -> Result<Vec<u8>, ReportError> {
        let mut out = Vec::new();
        let mut rest = data;
        loop {
            let (cap, over) = self.cap("gzip");
            let cap = cap.saturating_sub(out.len());
            let mut dec = flate2::bufread::GzDecoder::new(rest);
            let part =
                self.read_capped(&mut dec, cap, over, |detail| ReportError::Gzip { detail })?;
            out.extend_from_slice(&part);
            rest = dec.into_inner();
            if rest.starts_with(&[0x1f, 0x8b]) {
                continue;
            }
            if !rest.is_empty() {
                self.out
                    .findings
                    .push(Finding::TrailingBytes { bytes: rest.len() });
            }
            return Ok(out);
        }
    }

    fn unzip(&mut self, data: &[u8], depth: usize) -> Result<(), ReportError> {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(data)).map_err(|e| ReportError::Zip {
                detail: e.to_string(),
            })?;
        if archive.len() > self.limits.max_members {
            return Err(ReportError::TooManyMembers {
                count: archive.len(),
                limit: self.limits.max_members,
            });
        }
        let mut found = false;
        for i in 0..archive.len() {
            let member = match archive.by_index(i) {
                Ok(m) => m,
                Err(e) => {
                    self.record(ReportError::Zip {
                        detail: e.to_string(),
                    });
                    continue;
                }
            };
            if member.is_dir() {
                continue;
            }
            let name = member.name().to_string();
            let (cap, over) = self.cap(&name);
            if member.size() > cap as u64 {
                return Err(over);
            }
            let bytes =
                self.read_capped(member, cap, over, |detail| ReportError::Zip { detail })?;
            found = true;
            if let Err(e) = self.visit(&bytes, depth + 1) {
                if matches!(
                    e,
                    ReportError::TooLarge { .. } | ReportError::TooDeep { .. }
                ) {
                    return Err(e);
                }
                self.record(e);
            }
        }
        if !found && self.out.error.is_none() {
            return Err(ReportError::Empty);
        }
        Ok(())
    }

    fn visit_message(&mut self, bytes: &[u8], depth: usize) -> Result<(), ReportError> {
        self.check_depth(depth)?;
        let msg = MessageParser::default()
            .parse(bytes)
            .ok_or(ReportError::BadMessage)?;
        if msg.parts.is_empty() {
            return Err(ReportError::BadMessage);
        }
        if has_feedback_report(&msg) {
            self.push(DocumentKind::Failure, bytes);
            return Ok(());
        }
        let before = (self.out.documents, self.out.error.is_some());
        self.visit_parts(&msg, depth)?;
        if self.out.documents == before.0 && self.out.error.is_some() == before.1 {
            if looks_like_plain_failure(&msg) {
                self.push(DocumentKind::Failure, bytes);
                return Ok(());
            }
            return Err(ReportError::NoReportInMessage);
        }
        Ok(())
    }

    fn visit_parts(&mut self, msg: &Message<'_>, depth: usize) -> Result<(), ReportError> {
        for part in &msg.parts {
            match &part.body {
                PartType::Multipart(_) => {}
                PartType::Message(inner) => {
                    self.check_depth(depth + 1)?;
                    if has_feedback_report(inner) {
                        self.push(DocumentKind::Failure, inner.raw_message());
                    } else {
                        self.visit_parts(inner, depth + 1)?;
                    }
                }
                _ => {
                    let c = part.contents();
                    let carried = match sniff(c) {
                        Format::Gzip | Format::Zip => true,
                        Format::Xml => contains(c, b"<feedback") || contains(c, b":feedback"),
                        Format::Json => contains(c, b"policies"),
                        _ => false,
                    };
                    if carried && let Err(e) = self.visit(c, depth + 1) {
                        if matches!(
                            e,
                            ReportError::TooLarge { .. } | ReportError::TooDeep { .. }
                        ) {
                            return Err(e);
                        }
                        self.record(e);
                    }
                }
            }
        }
        Ok(())
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// True when a part of `msg` is an ARF `message/feedback-report`.
fn has_feedback_report(msg: &Message<'_>) -> bool {
    msg.parts
        .iter()
        .any(|p| super::failure::is_type(p, "message", "feedback-report"))
}

/// True for a failure report sent as plain text, without an ARF part (exim, some
/// appliances): a subject or a body naming DMARC and the sending IP.
fn looks_like_plain_failure(msg: &Message<'_>) -> bool {
    let subject = msg.subject().unwrap_or("").to_ascii_lowercase();
    let subject_says =
        subject.contains("dmarc") && (subject.contains("forensic") || subject.contains("failure"));
    let body_says = msg.parts.iter().any(|p| {
        p.text_contents().is_some_and(|t| {
            t.contains("DMARC") && (t.contains("Sender IP") || t.contains("Source IP"))
        })
    });
    subject_says || body_says
}
