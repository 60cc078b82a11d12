//! RFC 8484 messages: building the query and reading the response (RFC 1035 §4 wire
//! format, RFC 6891 EDNS0). Written here rather than taken from a DNS library: the six
//! record types Sceau asks for need a few hundred lines, and a general DNS crate with its
//! Unicode tables would be a large share of the web app's download.

use base64::Engine;

use crate::dns::{Answer, DnsError, DnsResult, RData, RecordType, normalize_name};

/// The RFC 1035 type code.
fn type_code(t: RecordType) -> u16 {
    match t {
        RecordType::A => 1,
        RecordType::Cname => 5,
        RecordType::Ptr => 12,
        RecordType::Mx => 15,
        RecordType::Txt => 16,
        RecordType::Aaaa => 28,
    }
}

fn unreadable(detail: impl Into<String>) -> DnsError {
    DnsError::Unreadable {
        detail: detail.into(),
    }
}

/// `name` as wire labels; non-ASCII labels become their `xn--` form.
fn encode_name(name: &str, out: &mut Vec<u8>) -> Result<(), DnsError> {
    let n = normalize_name(name);
    if n.len() > 253 {
        return Err(unreadable(format!("name too long: {name:?}")));
    }
    for label in n.split('.').filter(|l| !l.is_empty()) {
        let label = crate::dmarc::psl::to_ascii_label(label);
        if label.len() > 63 {
            return Err(unreadable(format!("label too long in {name:?}")));
        }
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    Ok(())
}

/// Encodes a recursive query for `name`/`rtype` with ID 0 (RFC 8484 §4.1, cache friendly),
/// the AD bit set (RFC 6840 §5.7) and EDNS0 with a 1232-byte payload.
pub fn encode_query(name: &str, rtype: RecordType) -> Result<Vec<u8>, DnsError> {
    // ID 0; flags: RD (0x0100) and AD (0x0020); one question, one additional (OPT).
    let mut out = vec![0, 0, 0x01, 0x20, 0, 1, 0, 0, 0, 0, 0, 1];
    encode_name(name, &mut out)?;
    out.extend_from_slice(&type_code(rtype).to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes()); // class IN
    // OPT: root name, type 41, payload size as class, TTL 0, no options.
    out.extend_from_slice(&[0, 0, 41]);
    out.extend_from_slice(&1232u16.to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    Ok(out)
}

/// The `?dns=` parameter value: base64url without padding (RFC 8484 §4.1).
pub fn encode_query_param(name: &str, rtype: RecordType) -> Result<String, DnsError> {
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encode_query(name, rtype)?))
}

/// A cursor over a message, reading names with compression pointers.
struct Reader<'a> {
    msg: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DnsError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.msg.len());
        let end = end.ok_or_else(|| unreadable("message cut short"))?;
        let s = &self.msg[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u16(&mut self) -> Result<u16, DnsError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, DnsError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A name at the cursor (RFC 1035 §4.1.4), lower case, no trailing dot.
    fn name(&mut self) -> Result<String, DnsError> {
        let mut labels: Vec<String> = Vec::new();
        let mut pos = self.pos;
        let mut jumped = false;
        let mut length = 0usize;
        for _ in 0..256 {
            let len = *self
                .msg
                .get(pos)
                .ok_or_else(|| unreadable("name cut short"))? as usize;
            match len {
                0 => {
                    if !jumped {
                        self.pos = pos + 1;
                    }
                    return Ok(labels.join(".").to_ascii_lowercase());
                }
                l if l & 0xc0 == 0xc0 => {
                    let low = *self
                        .msg
                        .get(pos + 1)
                        .ok_or_else(|| unreadable("pointer cut short"))?;
                    if !jumped {
                        self.pos = pos + 2;
                    }
                    jumped = true;
                    let target = ((l & 0x3f) << 8) | low as usize;
                    if target >= pos {
                        return Err(unreadable("compression pointer goes forward"));
                    }
                    pos = target;
                }
                l if l <= 63 => {
                    let bytes = self
                        .msg
                        .get(pos + 1..pos + 1 + l)
                        .ok_or_else(|| unreadable("label cut short"))?;
                    length += l + 1;
                    if length > 255 {
                        return Err(unreadable("name too long"));
                    }
                    labels.push(String::from_utf8_lossy(bytes).into_owned());
                    pos += 1 + l;
                }
                _ => return Err(unreadable("unknown label type")),
            }
        }
        Err(unreadable("too many labels or pointers"))
    }
}

/// Reads a response to a query for `name`/`rtype`: RCODEs become [`DnsError`], records of
/// the asked type and the CNAMEs on the way become an [`Answer`].
pub fn decode_response(bytes: &[u8], name: &str, rtype: RecordType) -> DnsResult {
    let mut r = Reader { msg: bytes, pos: 0 };
    let _id = r.u16()?;
    let flags = r.u16()?;
    let (qd, an) = (r.u16()?, r.u16()?);
    let (_ns, _ar) = (r.u16()?, r.u16()?);
    if flags & 0x8000 == 0 {
        return Err(unreadable("not a response"));
    }
    let asked = normalize_name(name);
    for i in 0..qd {
        let qname = r.name()?;
        let qtype = r.u16()?;
        let _class = r.u16()?;
        if i == 0 && (qname != asked || qtype != type_code(rtype)) {
            return Err(unreadable(format!(
                "answer for {qname} type {qtype}, not for {asked} {rtype}"
            )));
        }
    }
    match flags & 0x000f {
        0 => {}
        3 => return Err(DnsError::NxDomain),
        2 => return Err(DnsError::ServFail),
        code => return Err(DnsError::Rcode { code }),
    }
    if flags & 0x0200 != 0 {
        return Err(unreadable("truncated answer"));
    }
    let mut records = Vec::new();
    let mut ttl = u32::MAX;
    for _ in 0..an {
        let owner = r.name()?;
        let t = r.u16()?;
        let _class = r.u16()?;
        let rr_ttl = r.u32()?;
        let len = r.u16()? as usize;
        let start = r.pos;
        let data = r.take(len)?;
        let mut at = Reader {
            msg: bytes,
            pos: start,
        };
        let rd = match t {
            1 if len == 4 => RData::A {
                address: [data[0], data[1], data[2], data[3]].into(),
            },
            28 if len == 16 => {
                let mut a = [0u8; 16];
                a.copy_from_slice(data);
                RData::Aaaa { address: a.into() }
            }
            16 => {
                let mut strings = Vec::new();
                let mut i = 0;
                while i < data.len() {
                    let l = data[i] as usize;
                    let s = data
                        .get(i + 1..i + 1 + l)
                        .ok_or_else(|| unreadable("TXT string cut short"))?;
                    strings.push(s.to_vec());
                    i += 1 + l;
                }
                RData::Txt { strings }
            }
            15 => {
                let preference = at.u16()?;
                RData::Mx {
                    preference,
                    exchange: at.name()?,
                }
            }
            12 => RData::Ptr { name: at.name()? },
            5 => RData::Cname {
                alias: owner,
                target: at.name()?,
            },
            _ => continue,
        };
        ttl = ttl.min(rr_ttl);
        records.push(rd);
    }
    Ok(Answer {
        records,
        authenticated: flags & 0x0020 != 0,
        ttl: if ttl == u32::MAX { 0 } else { ttl },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A response to `name`/TXT with `rcode`, the given flags, and answer records
    /// `(type, rdata)` owned by a compression pointer to the question name.
    fn response(name: &str, rcode: u16, extra_flags: u16, answers: &[(u16, Vec<u8>)]) -> Vec<u8> {
        let mut m = vec![0, 0];
        m.extend_from_slice(&(0x8180 | extra_flags | rcode).to_be_bytes());
        m.extend_from_slice(&[0, 1]);
        m.extend_from_slice(&(answers.len() as u16).to_be_bytes());
        m.extend_from_slice(&[0, 0, 0, 0]);
        encode_name(name, &mut m).unwrap();
        m.extend_from_slice(&[0, 16, 0, 1]);
        for (t, data) in answers {
            m.extend_from_slice(&[0xc0, 12]);
            m.extend_from_slice(&t.to_be_bytes());
            m.extend_from_slice(&[0, 1, 0, 0, 1, 44]);
            m.extend_from_slice(&(data.len() as u16).to_be_bytes());
            m.extend_from_slice(data);
        }
        m
    }

    #[test]
    fn query_layout() {
        let q = encode_query("Example.COM.", RecordType::Mx).unwrap();
        assert_eq!(&q[..12], &[0, 0, 1, 0x20, 0, 1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(&q[12..25], b"\x07example\x03com\x00");
        assert_eq!(&q[25..29], &[0, 15, 0, 1]);
        assert_eq!(&q[29..], &[0, 0, 41, 4, 208, 0, 0, 0, 0, 0, 0]);
        let idn = encode_query("bücher.example", RecordType::A).unwrap();
        assert!(idn.windows(12).any(|w| w == b"xn--bcher-kv"));
        assert!(encode_query(&"a".repeat(64), RecordType::A).is_err());
    }

    #[test]
    fn round_trip_txt_with_several_strings() {
        let bytes = response(
            "split.example",
            0,
            0,
            &[(16, b"\x09part one \x08part two".to_vec())],
        );
        let a = decode_response(&bytes, "split.example.", RecordType::Txt).unwrap();
        assert_eq!(a.txt_raw()[0].len(), 2);
        assert_eq!(a.txt(), vec!["part one part two".to_string()]);
        assert_eq!(a.ttl, 300);
        assert!(!a.authenticated);
        let ad = response("split.example", 0, 0x0020, &[]);
        assert!(
            decode_response(&ad, "split.example", RecordType::Txt)
                .unwrap()
                .authenticated
        );
    }

    #[test]
    fn names_in_rdata_follow_pointers() {
        // An MX whose exchange is "mx" + pointer to the question name; a CNAME too.
        let mut mx = vec![0, 10, 2, b'm', b'x', 0xc0, 12];
        let bytes = response(
            "example.com",
            0,
            0,
            &[(15, mx.clone()), (5, vec![3, b'w', b'w', b'w', 0xc0, 12])],
        );
        let a = decode_response(&bytes, "example.com", RecordType::Txt).unwrap();
        assert_eq!(
            a.records[0],
            RData::Mx {
                preference: 10,
                exchange: "mx.example.com".into()
            }
        );
        assert_eq!(
            a.records[1],
            RData::Cname {
                alias: "example.com".into(),
                target: "www.example.com".into()
            }
        );
        // A pointer to itself is refused, not followed forever.
        mx.truncate(2);
        mx.extend_from_slice(&[0xc0, 0xff]);
        let looped = response("example.com", 0, 0, &[(15, mx)]);
        assert!(decode_response(&looped, "example.com", RecordType::Txt).is_err());
    }

    #[test]
    fn rcodes_are_distinct_outcomes() {
        let nx = response("nope.example", 3, 0, &[]);
        assert_eq!(
            decode_response(&nx, "nope.example", RecordType::Txt),
            Err(DnsError::NxDomain)
        );
        let sf = response("nope.example", 2, 0, &[]);
        assert_eq!(
            decode_response(&sf, "nope.example", RecordType::Txt),
            Err(DnsError::ServFail)
        );
        let refused = response("nope.example", 5, 0, &[]);
        assert_eq!(
            decode_response(&refused, "nope.example", RecordType::Txt),
            Err(DnsError::Rcode { code: 5 })
        );
        let tc = response("nope.example", 0, 0x0200, &[]);
        assert!(decode_response(&tc, "nope.example", RecordType::Txt).is_err());
        assert!(matches!(
            decode_response(b"\x00\x01garbage", "x", RecordType::Txt),
            Err(DnsError::Unreadable { .. })
        ));
        let other = response("other.example", 0, 0, &[]);
        assert!(matches!(
            decode_response(&other, "nope.example", RecordType::Txt),
            Err(DnsError::Unreadable { .. })
        ));
        // Every truncation of a valid answer is an error or an answer, never a panic.
        let full = response("split.example", 0, 0, &[(16, b"\x03abc".to_vec())]);
        for n in 0..full.len() {
            let _ = decode_response(&full[..n], "split.example", RecordType::Txt);
        }
    }

    #[test]
    fn query_param_is_base64url_unpadded() {
        let p = encode_query_param("example.com", RecordType::Txt).unwrap();
        assert!(!p.contains('=') && !p.contains('+') && !p.contains('/'));
    }
}
