//! RFC 8484 messages: building the query and reading the response, with hickory-proto.

use base64::Engine;
use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData as HRData, RecordType as HType};

use crate::dns::{Answer, DnsError, DnsResult, RData, RecordType, normalize_name};

fn to_hickory(t: RecordType) -> HType {
    match t {
        RecordType::A => HType::A,
        RecordType::Aaaa => HType::AAAA,
        RecordType::Txt => HType::TXT,
        RecordType::Mx => HType::MX,
        RecordType::Ptr => HType::PTR,
        RecordType::Cname => HType::CNAME,
    }
}

fn name_str(n: &Name) -> String {
    normalize_name(&n.to_ascii())
}

/// Encodes a recursive query for `name`/`rtype` with ID 0 (RFC 8484 §4.1, cache friendly),
/// the AD bit set (RFC 6840 §5.7) and EDNS0.
pub fn encode_query(name: &str, rtype: RecordType) -> Result<Vec<u8>, DnsError> {
    let fqdn = format!("{}.", normalize_name(name));
    let qname = Name::from_utf8(&fqdn).map_err(|e| DnsError::Unreadable {
        detail: format!("bad name {name:?}: {e}"),
    })?;
    let mut msg = Message::new(0, MessageType::Query, OpCode::Query);
    msg.metadata.recursion_desired = true;
    msg.metadata.authentic_data = true;
    msg.add_query(Query::query(qname, to_hickory(rtype)));
    let mut edns = Edns::new();
    edns.set_max_payload(1232);
    msg.edns = Some(edns);
    msg.to_vec().map_err(|e| DnsError::Unreadable {
        detail: e.to_string(),
    })
}

/// The `?dns=` parameter value: base64url without padding (RFC 8484 §4.1).
pub fn encode_query_param(name: &str, rtype: RecordType) -> Result<String, DnsError> {
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encode_query(name, rtype)?))
}

/// Reads a response to a query for `name`/`rtype`: RCODEs become [`DnsError`], records of
/// the asked type and the CNAMEs on the way become an [`Answer`].
pub fn decode_response(bytes: &[u8], name: &str, rtype: RecordType) -> DnsResult {
    let msg = Message::from_vec(bytes).map_err(|e| DnsError::Unreadable {
        detail: e.to_string(),
    })?;
    if msg.metadata.message_type != MessageType::Response {
        return Err(DnsError::Unreadable {
            detail: "not a response".into(),
        });
    }
    let asked = normalize_name(name);
    if let Some(q) = msg.queries.first()
        && (name_str(&q.name) != asked || q.query_type != to_hickory(rtype))
    {
        return Err(DnsError::Unreadable {
            detail: format!(
                "answer for {} {}, not for {asked} {rtype}",
                name_str(&q.name),
                q.query_type
            ),
        });
    }
    match msg.metadata.response_code {
        ResponseCode::NoError => {}
        ResponseCode::NXDomain => return Err(DnsError::NxDomain),
        ResponseCode::ServFail => return Err(DnsError::ServFail),
        other => {
            return Err(DnsError::Rcode {
                code: u16::from(other),
            });
        }
    }
    if msg.metadata.truncation {
        return Err(DnsError::Unreadable {
            detail: "truncated answer".into(),
        });
    }
    let mut records = Vec::new();
    let mut ttl = u32::MAX;
    for r in &msg.answers {
        let rd = match &r.data {
            HRData::A(a) => RData::A { address: a.0 },
            HRData::AAAA(a) => RData::Aaaa { address: a.0 },
            HRData::TXT(t) => RData::Txt {
                strings: t.txt_data.iter().map(|s| s.to_vec()).collect(),
            },
            HRData::MX(m) => RData::Mx {
                preference: m.preference,
                exchange: name_str(&m.exchange),
            },
            HRData::PTR(p) => RData::Ptr {
                name: name_str(&p.0),
            },
            HRData::CNAME(c) => RData::Cname {
                alias: name_str(&r.name),
                target: name_str(&c.0),
            },
            _ => continue,
        };
        ttl = ttl.min(r.ttl);
        records.push(rd);
    }
    Ok(Answer {
        records,
        authenticated: msg.metadata.authentic_data,
        ttl: if ttl == u32::MAX { 0 } else { ttl },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::rr::rdata::TXT;
    use hickory_proto::rr::{RData as H, Record};

    fn response(name: &str, rcode: ResponseCode, answers: Vec<Record>) -> Vec<u8> {
        let q = Message::from_vec(&encode_query(name, RecordType::Txt).unwrap()).unwrap();
        let mut m = Message::response(0, OpCode::Query);
        m.metadata.response_code = rcode;
        m.add_queries(q.queries.clone());
        for a in answers {
            m.add_answer(a);
        }
        m.to_vec().unwrap()
    }

    #[test]
    fn round_trip_txt_with_several_strings() {
        let n = Name::from_utf8("split.example.").unwrap();
        let rec = Record::from_rdata(
            n,
            300,
            H::TXT(TXT::from_bytes(vec![b"part one ", b"part two"])),
        );
        let bytes = response("split.example", ResponseCode::NoError, vec![rec]);
        let a = decode_response(&bytes, "split.example.", RecordType::Txt).unwrap();
        assert_eq!(a.txt_raw()[0].len(), 2);
        assert_eq!(a.txt(), vec!["part one part two".to_string()]);
        assert_eq!(a.ttl, 300);
    }

    #[test]
    fn rcodes_are_distinct_outcomes() {
        let nx = response("nope.example", ResponseCode::NXDomain, vec![]);
        assert_eq!(
            decode_response(&nx, "nope.example", RecordType::Txt),
            Err(DnsError::NxDomain)
        );
        let sf = response("nope.example", ResponseCode::ServFail, vec![]);
        assert_eq!(
            decode_response(&sf, "nope.example", RecordType::Txt),
            Err(DnsError::ServFail)
        );
        assert!(matches!(
            decode_response(b"\x00\x01garbage", "x", RecordType::Txt),
            Err(DnsError::Unreadable { .. })
        ));
        let other = response("other.example", ResponseCode::NoError, vec![]);
        assert!(matches!(
            decode_response(&other, "nope.example", RecordType::Txt),
            Err(DnsError::Unreadable { .. })
        ));
    }

    #[test]
    fn query_param_is_base64url_unpadded() {
        let p = encode_query_param("example.com", RecordType::Txt).unwrap();
        assert!(!p.contains('=') && !p.contains('+') && !p.contains('/'));
    }
}
