//! Canonicalisation (RFC 6376 §3.4) and the exact bytes a signature covers (§3.7).
//!
//! [`signed_data`] gives the header block and the body-hash input of one signature,
//! byte for byte, for both verification and a "what was signed" view.

use serde::Serialize;

use crate::headers::raw::{RawField, RawMessage};

use super::signature::Canonicalization;

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// Collapses runs of WSP into one space, dropping CRLFs of folding (relaxed rules).
fn relaxed_value(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut pending_space = false;
    for &b in raw {
        match b {
            b'\r' | b'\n' => {}
            b if is_wsp(b) => pending_space = true,
            b => {
                if pending_space && !out.is_empty() {
                    out.push(b' ');
                }
                pending_space = false;
                out.push(b);
            }
        }
    }
    out
}

/// Canonicalises one header field; the result ends with CRLF.
///
/// `name` is the field name (trailing white space already removed by the raw parser),
/// `raw` the whole field as it stands (`Name:value`, folding kept).
pub fn header(canon: Canonicalization, field: &RawField) -> Vec<u8> {
    header_bytes(canon, &field.name, &field.raw)
}

pub(crate) fn header_bytes(canon: Canonicalization, name: &str, raw: &[u8]) -> Vec<u8> {
    match canon {
        Canonicalization::Simple => {
            let mut out = raw.to_vec();
            out.extend_from_slice(b"\r\n");
            out
        }
        Canonicalization::Relaxed => {
            let colon = raw.iter().position(|&b| b == b':').unwrap_or(raw.len());
            let value = raw.get(colon + 1..).unwrap_or(&[]);
            let mut out = name.trim().to_ascii_lowercase().into_bytes();
            out.push(b':');
            out.extend(relaxed_value(value));
            out.extend_from_slice(b"\r\n");
            out
        }
    }
}

/// Canonicalises a body (CRLF line endings), before any `l=` limit.
pub fn body(canon: Canonicalization, body: &[u8]) -> Vec<u8> {
    match canon {
        Canonicalization::Simple => {
            let mut out = body.to_vec();
            if !out.ends_with(b"\r\n") && !out.is_empty() {
                out.extend_from_slice(b"\r\n");
            }
            while out.ends_with(b"\r\n\r\n") {
                out.truncate(out.len() - 2);
            }
            if out.is_empty() {
                out.extend_from_slice(b"\r\n");
            }
            out
        }
        Canonicalization::Relaxed => {
            let mut lines: Vec<Vec<u8>> = Vec::new();
            let mut rest = body;
            while !rest.is_empty() {
                let (line, next) = match rest.windows(2).position(|w| w == b"\r\n") {
                    Some(p) => (&rest[..p], &rest[p + 2..]),
                    None => (rest, &rest[rest.len()..]),
                };
                let mut l = Vec::with_capacity(line.len());
                let mut pending_space = false;
                for &b in line {
                    if is_wsp(b) {
                        pending_space = true;
                    } else {
                        if pending_space {
                            l.push(b' ');
                        }
                        pending_space = false;
                        l.push(b);
                    }
                }
                lines.push(l);
                rest = next;
            }
            while lines.last().is_some_and(Vec::is_empty) {
                lines.pop();
            }
            let mut out = Vec::with_capacity(body.len());
            for l in lines {
                out.extend(l);
                out.extend_from_slice(b"\r\n");
            }
            out
        }
    }
}

/// Removes the value of the `b=` tag (keeping `b=` itself) from a raw signature field,
/// as RFC 6376 §3.7 asks; everything else stays byte for byte.
pub fn strip_b_value(raw: &[u8]) -> Vec<u8> {
    let colon = match raw.iter().position(|&b| b == b':') {
        Some(c) => c,
        None => return raw.to_vec(),
    };
    let mut out = raw.get(..=colon).unwrap_or(raw).to_vec();
    let value = raw.get(colon + 1..).unwrap_or(&[]);
    let mut first = true;
    for part in value.split(|&b| b == b';') {
        if !first {
            out.push(b';');
        }
        first = false;
        let eq = part.iter().position(|&b| b == b'=');
        let is_b = eq.is_some_and(|e| {
            let name: Vec<u8> = part[..e]
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            name == b"b"
        });
        match eq {
            Some(e) if is_b => out.extend_from_slice(&part[..=e]),
            _ => out.extend_from_slice(part),
        }
    }
    out
}

/// Where one `h=` entry was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignedField {
    /// The name as listed in `h=`.
    pub name: String,
    /// Index into [`RawMessage::fields`] of the instance used; `None` when there was
    /// none left (an over-signed, absent field: it hashes as nothing).
    pub field_index: Option<usize>,
}

/// Picks the field instances `h=` covers: for each name, the bottom-most instance not
/// yet used (RFC 6376 §5.4.2). Fields whose indexes are in `skip` are never picked:
/// the signature field itself (added after signing), or for ARC the later sets.
pub fn select_fields(msg: &RawMessage, names: &[String], skip: &[usize]) -> Vec<SignedField> {
    let mut used = vec![false; msg.fields.len()];
    for &i in skip {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
    names
        .iter()
        .map(|name| {
            let idx = (0..msg.fields.len())
                .rev()
                .find(|&i| !used[i] && msg.fields[i].is(name));
            if let Some(i) = idx {
                used[i] = true;
            }
            SignedField {
                name: name.clone(),
                field_index: idx,
            }
        })
        .collect()
}

/// The exact input of the header hash: the selected fields canonicalised, then the
/// signature field itself with an empty `b=` and no final CRLF.
pub fn header_block(
    msg: &RawMessage,
    selected: &[SignedField],
    canon: Canonicalization,
    signature_field: &RawField,
) -> Vec<u8> {
    let mut out = Vec::new();
    for s in selected {
        if let Some(f) = s.field_index.and_then(|i| msg.fields.get(i)) {
            out.extend(header(canon, f));
        }
    }
    let stripped = strip_b_value(&signature_field.raw);
    let mut sig = header_bytes(canon, &signature_field.name, &stripped);
    sig.truncate(sig.len().saturating_sub(2));
    out.extend(sig);
    out
}

/// What one signature covers, byte for byte.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignedData {
    /// The fields `h=` picked, in hash order.
    pub fields: Vec<SignedField>,
    /// The header-hash input (see [`header_block`]).
    pub headers: Vec<u8>,
    /// The body-hash input: the canonicalised body cut to `l=`; `None` without a body.
    pub body: Option<Vec<u8>>,
    /// Length of the whole canonicalised body (before `l=`), when there is a body.
    pub body_total: Option<usize>,
}

/// Computes what `signature` (parsed from `msg.fields[field_index]`) covers.
pub fn signed_data(
    msg: &RawMessage,
    field_index: usize,
    signature: &super::signature::Signature,
) -> Option<SignedData> {
    let field = msg.fields.get(field_index)?;
    let fields = select_fields(msg, &signature.signed_headers, &[field_index]);
    let headers = header_block(msg, &fields, signature.header_canon, field);
    let (body, body_total) = match &msg.body {
        Some(b) => {
            let mut c = body(signature.body_canon, b);
            let total = c.len();
            if let Some(l) = signature.body_length {
                c.truncate(usize::try_from(l).unwrap_or(usize::MAX));
            }
            (Some(c), Some(total))
        }
        None => (None, None),
    };
    Some(SignedData {
        fields,
        headers,
        body,
        body_total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headers::raw;
    use Canonicalization::*;

    /// RFC 6376 §3.4.6.
    const EXAMPLE: &[u8] = b"A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

    fn headers(canon: Canonicalization, msg: &RawMessage) -> Vec<u8> {
        msg.fields.iter().flat_map(|f| header(canon, f)).collect()
    }

    #[test]
    fn rfc6376_3_4_6_example() {
        let m = raw::parse(EXAMPLE);
        let b = m.body.as_deref().unwrap();
        assert_eq!(headers(Relaxed, &m), b"a:X\r\nb:Y Z\r\n");
        assert_eq!(body(Relaxed, b), b" C\r\nD E\r\n");
        assert_eq!(headers(Simple, &m), b"A: X\r\nB : Y\t\r\n\tZ  \r\n");
        assert_eq!(body(Simple, b), b" C \r\nD \t E\r\n");
    }

    #[test]
    fn body_table() {
        let cases: &[(Canonicalization, &[u8], &[u8])] = &[
            (Simple, b"", b"\r\n"),
            (Simple, b"\r\n\r\n", b"\r\n"),
            (Simple, b"a", b"a\r\n"),
            (Simple, b"a\r\n\r\n\r\n", b"a\r\n"),
            (Simple, b"a \r\n", b"a \r\n"),
            (Relaxed, b"", b""),
            (Relaxed, b"\r\n\r\n", b""),
            (Relaxed, b"a  b \t\r\n", b"a b\r\n"),
            (Relaxed, b"a\r\n \r\n\t\r\n", b"a\r\n"),
            (Relaxed, b"a\r\n  ", b"a\r\n"),
            (Relaxed, b"x\r\n\r\ny", b"x\r\n\r\ny\r\n"),
        ];
        for (c, input, want) in cases {
            assert_eq!(
                body(*c, input),
                *want,
                "{c:?} {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn b_value_removed_but_not_bh() {
        let raw = b"DKIM-Signature: v=1; bh=abc=;\r\n b=AAA\r\n BBB ; d=x";
        assert_eq!(
            strip_b_value(raw),
            b"DKIM-Signature: v=1; bh=abc=;\r\n b=; d=x".to_vec()
        );
        assert_eq!(strip_b_value(b"X: b = 123"), b"X: b =".to_vec());
    }

    #[test]
    fn selection_is_bottom_up_and_over_signing_adds_nothing() {
        let m = raw::parse(b"DKIM-Signature: x\r\nReceived: 1\r\nReceived: 2\r\nFrom: f\r\n\r\n");
        let sel = select_fields(
            &m,
            &[
                "received".into(),
                "From".into(),
                "received".into(),
                "from".into(),
                "received".into(),
            ],
            &[0],
        );
        let idx: Vec<Option<usize>> = sel.iter().map(|s| s.field_index).collect();
        assert_eq!(idx, [Some(2), Some(3), Some(1), None, None]);
    }
}
