//! The RFC 7208 conformance suite (openspf / pyspf), read from `../shared/corpus/spf/`.
//!
//! Emulation rules (corpus README): an `SPF` entry also answers TXT queries unless the
//! name has TXT entries of its own (`TXT: NONE` means none at all); `TIMEOUT` makes
//! queries at that name time out; names absent from `zonedata` are NXDOMAIN. YAML
//! strings carry raw bytes as `\xNN`, which arrive as code points U+0000–U+00FF.

use std::net::IpAddr;

use futures::executor::block_on;
use sceau::dns::zone::ZoneSource;
use sceau::dns::{DnsError, RData, RecordType};
use sceau::spf::evaluate::{SpfRequest, check_host};
use serde::Deserialize;
use serde_yaml::Value;

const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/spf/rfc7208-tests.yml"
);

#[derive(Deserialize)]
struct Scenario {
    description: String,
    tests: serde_yaml::Mapping,
    zonedata: serde_yaml::Mapping,
}

/// YAML text back to the bytes the suite means.
fn raw_bytes(s: &str) -> Vec<u8> {
    if s.chars().all(|c| (c as u32) < 0x100) {
        s.chars().map(|c| c as u8).collect()
    } else {
        s.as_bytes().to_vec()
    }
}

fn strings(v: &Value) -> Vec<Vec<u8>> {
    match v {
        Value::Sequence(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(raw_bytes)
            .collect(),
        Value::String(s) => vec![raw_bytes(s)],
        other => vec![raw_bytes(serde_yaml::to_string(other).unwrap().trim())],
    }
}

fn zone(data: &serde_yaml::Mapping) -> ZoneSource {
    let mut z = ZoneSource::new();
    for (name, entries) in data {
        let name = name.as_str().expect("name");
        let entries = entries.as_sequence().cloned().unwrap_or_default();
        let has_txt = entries
            .iter()
            .any(|e| e.as_mapping().is_some_and(|m| m.contains_key("TXT")));
        let real_txt = entries.iter().any(|e| {
            e.as_mapping()
                .is_some_and(|m| m.get("TXT").is_some_and(|v| v.as_str() != Some("NONE")))
        });
        let has = |t: &str| {
            entries
                .iter()
                .any(|e| e.as_mapping().is_some_and(|m| m.contains_key(t)))
        };
        for e in &entries {
            if e.as_str() == Some("TIMEOUT") {
                // TIMEOUT answers the queries the name has no data for (a TXT record
                // present beside it still answers TXT).
                for t in RecordType::ALL {
                    let present = match t {
                        RecordType::Txt => real_txt || (!has_txt && has("SPF")),
                        other => has(other.as_str()),
                    };
                    if !present {
                        z.set_error(name, t, DnsError::Timeout { after_ms: 1000 });
                    }
                }
                continue;
            }
            let Some(m) = e.as_mapping() else { continue };
            for (k, v) in m {
                match k.as_str().unwrap_or("") {
                    "SPF" if !has_txt => z.insert(
                        name,
                        RData::Txt {
                            strings: strings(v),
                        },
                    ),
                    "SPF" => {}
                    "TXT" if v.as_str() == Some("NONE") => {}
                    "TXT" => z.insert(
                        name,
                        RData::Txt {
                            strings: strings(v),
                        },
                    ),
                    "A" => z.insert(
                        name,
                        RData::A {
                            address: v.as_str().unwrap().parse().unwrap(),
                        },
                    ),
                    "AAAA" => z.insert(
                        name,
                        RData::Aaaa {
                            address: v.as_str().unwrap().parse().unwrap(),
                        },
                    ),
                    "PTR" => z.insert(
                        name,
                        RData::Ptr {
                            name: v
                                .as_str()
                                .unwrap()
                                .trim_end_matches('.')
                                .to_ascii_lowercase(),
                        },
                    ),
                    "CNAME" => z.insert(
                        name,
                        RData::Cname {
                            alias: String::new(),
                            target: v.as_str().unwrap().into(),
                        },
                    ),
                    "MX" => {
                        let s = v.as_sequence().unwrap();
                        z.insert(
                            name,
                            RData::Mx {
                                preference: s[0].as_u64().unwrap() as u16,
                                exchange: s[1]
                                    .as_str()
                                    .unwrap()
                                    .trim_end_matches('.')
                                    .to_ascii_lowercase(),
                            },
                        )
                    }
                    other => panic!("unknown zonedata type {other}"),
                }
            }
        }
    }
    z
}

#[test]
fn rfc7208_suite() {
    let text = std::fs::read_to_string(SUITE)
        .expect("the SPF suite in ../shared/corpus/spf/ (see its README)");
    let mut total = 0;
    let mut failures = Vec::new();
    for doc in serde_yaml::Deserializer::from_str(&text) {
        let sc = Scenario::deserialize(doc).expect("scenario");
        let z = zone(&sc.zonedata);
        for (name, case) in &sc.tests {
            total += 1;
            let name = name.as_str().unwrap();
            let get = |k: &str| {
                case.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            let ip: IpAddr = get("host").parse().expect("host");
            let (mail_from, helo) = (get("mailfrom"), get("helo"));
            let want: Vec<String> = match case.get("result") {
                Some(Value::Sequence(s)) => {
                    s.iter().map(|v| v.as_str().unwrap().to_string()).collect()
                }
                Some(v) => vec![v.as_str().unwrap().to_string()],
                None => panic!("{name}: no result"),
            };
            let req = SpfRequest {
                ip,
                mail_from: &mail_from,
                helo: &helo,
                receiver: "unknown",
                now: 0,
            };
            let got = block_on(check_host(&z, &req));
            let mut ok = want.iter().any(|w| w == got.result.as_str());
            // "DEFAULT" is the suite's name for the receiver's own text: no `exp=` explanation.
            match case.get("explanation").and_then(Value::as_str) {
                Some("DEFAULT") => ok &= got.explanation.is_none(),
                Some(exp) => ok &= got.explanation.as_deref() == Some(exp),
                None => {}
            }
            if !ok {
                failures.push(format!(
                    "[{}] {name}: want {want:?} {:?}, got {} {:?} (mechanism {:?}, error {:?})",
                    sc.description,
                    case.get("explanation").and_then(Value::as_str),
                    got.result.as_str(),
                    got.explanation,
                    got.mechanism,
                    got.error
                ));
            }
        }
    }
    assert!(total >= 200, "only {total} cases read");
    assert!(
        failures.is_empty(),
        "{} of {total} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("RFC 7208 suite: {total} cases, all pass");
}
