//! ARC chain validation against ValiMail's suite
//! (`../shared/corpus/arc/arc-draft-validation-tests.yml`; root overridable with
//! `SCEAU_CORPUS`). Every case with a non-empty expected `cv` is run; a missing
//! corpus fails.

use std::path::PathBuf;

use sceau::arc::{ArcStatus, verify_message};
use sceau::dns::zone::ZoneSource;
use sceau::headers::raw;
use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_yaml::Value;

/// A YAML mapping read as a list of entries: the suite repeats some test names
/// (four `as_fields_b_*` cases exist twice with different messages), and both run.
/// The `tests` entry of a document is itself read as entries.
struct Entries(Vec<(Value, Value)>);

/// A document's value: `tests` keeps its duplicate names.
enum Item {
    Plain(Value),
    Tests(Entries),
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Entries, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<Value>()? {
                    let value = m.next_value::<Value>()?;
                    v.push((k, value));
                }
                Ok(Entries(v))
            }
        }
        d.deserialize_map(V)
    }
}

struct Doc(Vec<(String, Item)>);

impl<'de> Deserialize<'de> for Doc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Doc;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a suite document")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Doc, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    let item = if k == "tests" {
                        Item::Tests(m.next_value::<Entries>()?)
                    } else {
                        Item::Plain(m.next_value::<Value>()?)
                    };
                    v.push((k, item));
                }
                Ok(Doc(v))
            }
        }
        d.deserialize_map(V)
    }
}

fn plain<'a>(doc: &'a Doc, key: &str) -> Option<&'a Value> {
    doc.0.iter().find_map(|(k, v)| match v {
        Item::Plain(v) if k == key => Some(v),
        _ => None,
    })
}

fn corpus() -> PathBuf {
    std::env::var_os("SCEAU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

struct Case {
    group: String,
    name: String,
    message: String,
    cv: String,
    zone: ZoneSource,
}

fn cases() -> Vec<Case> {
    let path = corpus().join("arc/arc-draft-validation-tests.yml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the ARC suite {} is missing ({e}): set SCEAU_CORPUS to the corpus root (see ../shared/corpus/README.md)",
            path.display()
        )
    });
    let mut out = Vec::new();
    for doc in serde_yaml::Deserializer::from_str(&text) {
        let top = Doc::deserialize(doc).expect("a YAML document");
        let Some(tests) = top.0.iter().find_map(|(_, v)| match v {
            Item::Tests(Entries(t)) => Some(t.clone()),
            Item::Plain(_) => None,
        }) else {
            continue;
        };
        let group = plain(&top, "description")
            .and_then(|d| d.as_str())
            .unwrap_or("")
            .to_string();
        let mut zone = ZoneSource::new();
        if let Some(records) = plain(&top, "txt-records").and_then(|r| r.as_mapping()) {
            for (name, value) in records {
                zone.insert_txt(
                    name.as_str().expect("record name"),
                    value.as_str().expect("record value"),
                );
            }
        }
        for (name, t) in tests {
            out.push(Case {
                group: group.clone(),
                name: name.as_str().unwrap_or("").to_string(),
                message: t
                    .get("message")
                    .and_then(|m| m.as_str())
                    .unwrap_or("")
                    .to_string(),
                cv: t
                    .get("cv")
                    .and_then(|c| c.as_str())
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                zone: zone.clone(),
            });
        }
    }
    out
}

#[test]
fn validation_suite() {
    let all = cases();
    let run: Vec<&Case> = all.iter().filter(|c| !c.cv.is_empty()).collect();
    assert!(!run.is_empty(), "no case with an expected cv");
    let mut failures = Vec::new();
    for c in &run {
        let msg = raw::parse(c.message.as_bytes());
        let r = futures::executor::block_on(verify_message(&msg, &c.zone));
        let want = match c.cv.to_ascii_lowercase().as_str() {
            "none" => ArcStatus::None,
            "pass" => ArcStatus::Pass,
            "fail" => ArcStatus::Fail,
            other => panic!("{}: unknown cv {other}", c.name),
        };
        if r.result != want {
            failures.push(format!(
                "{} / {}: want {want:?}, got {:?} {:?}",
                c.group,
                c.name,
                r.result,
                r.reasons()
            ));
        }
        // Both languages render every finding.
        for lang in sceau::i18n::Lang::ALL {
            let _ = sceau::i18n::to_json(&r, lang);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        run.len(),
        failures.join("\n")
    );
    // 171 distinct names, 4 of them twice; 3 cases have no expected cv.
    assert_eq!(all.len(), 175);
    assert_eq!(run.len(), 172);
}

fn run(name: &str) -> sceau::arc::ArcResult {
    let all = cases();
    let c = all
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    futures::executor::block_on(verify_message(&raw::parse(c.message.as_bytes()), &c.zone))
}

#[test]
fn sets_say_what_was_checked() {
    use sceau::arc::SigStatus;
    use sceau::arc::signature::ChainValue;
    let r = run("cv_pass_i2_1_ams1_invalid");
    assert_eq!(r.result, ArcStatus::Pass);
    assert_eq!(r.sets.len(), 2);
    assert_eq!(r.sets[0].ams, SigStatus::Fail);
    assert_eq!(r.sets[1].ams, SigStatus::Pass);
    assert!(r.sets.iter().all(|s| s.seal == SigStatus::Pass));
    assert_eq!(r.sets[0].claimed, Some(ChainValue::None));
    assert_eq!(r.sets[1].claimed, Some(ChainValue::Pass));
    assert_eq!(r.reasons(), ["arc_older_ams_invalid"]);
    let json = sceau::i18n::to_json(&r, sceau::i18n::Lang::Fr);
    assert!(json.contains("\"as\": \"pass\""), "{json}");

    assert_eq!(run("cv_fail_i2_as2_none").reasons(), ["arc_wrong_cv"]);
    assert_eq!(
        run("cv_fail_i1_as_cv_fail").reasons(),
        ["arc_chain_marked_failed"]
    );
    assert_eq!(
        run("ams_fields_bh_mod_body").reasons(),
        ["arc_body_hash_mismatch"]
    );
    assert_eq!(run("public_key_na").reasons(), ["arc_key_not_found"]);
    assert!(
        run("as_fields_b_512")
            .reasons()
            .contains(&"arc_key_unusable")
    );
    assert_eq!(run("aar_struct_missing").reasons(), ["arc_missing_header"]);
    assert_eq!(run("cv_base1").result, ArcStatus::None);
}

#[test]
fn truncated_chains_never_panic() {
    let all = cases();
    let c = all
        .iter()
        .find(|c| c.name == "cv_pass_i3_1")
        .expect("cv_pass_i3_1");
    let bytes = c.message.as_bytes();
    assert_eq!(
        futures::executor::block_on(verify_message(&raw::parse(bytes), &c.zone)).result,
        ArcStatus::Pass
    );
    for cut in (0..bytes.len()).step_by(5) {
        let r = futures::executor::block_on(verify_message(&raw::parse(&bytes[..cut]), &c.zone));
        assert!(
            r.result != ArcStatus::Pass || cut + 1 >= bytes.len(),
            "{cut}"
        );
    }
}
