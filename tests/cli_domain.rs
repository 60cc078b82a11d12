//! `sceau domain` through the CLI with a zone file: every finding code is produced by
//! some fixture domain, and the JSON carries the contract's fields.

mod common;

use std::collections::BTreeSet;

use serde_json::Value;

const ZONE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/domain/findings.zone"
);

fn domain(name: &str, lang: &str) -> Value {
    common::json(&["domain", name, "--json", "--lang", lang, "--dns-zone", ZONE])
}

fn codes(v: &Value) -> BTreeSet<String> {
    let spf = v["spf"]["findings"].as_array().unwrap();
    let other = v["findings"].as_array().unwrap();
    let dmarc = v["dmarc"]["findings"].as_array().unwrap();
    let dkim = v["dkim"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|k| k["findings"].as_array().unwrap());
    spf.iter()
        .chain(other)
        .chain(dmarc)
        .chain(dkim)
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn each_fixture_gives_its_findings() {
    let table: &[(&str, &[&str])] = &[
        ("good.example", &[]),
        (
            "open.example",
            &[
                "spf_pass_all",
                "spf_ipv6_missing",
                "mta_sts_bad_id",
                "tls_rpt_bad_rua",
                "bimi_bad_logo",
                "bimi_no_certificate",
                "bimi_needs_enforcement",
            ],
        ),
        (
            "neutral.example",
            &[
                "spf_neutral_all",
                "spf_ptr",
                "spf_redirect_ignored",
                "spf_void_lookup",
                "spf_too_many_void_lookups",
                "mx_is_ip",
                "null_mx_mixed",
                "no_bimi",
            ],
        ),
        (
            "soft.example",
            &["spf_softfail_all", "no_mx", "no_mta_sts", "no_tls_rpt"],
        ),
        (
            "noall.example",
            &["spf_no_all", "spf_target_without_record", "several_records"],
        ),
        ("two.example", &["spf_several_records"]),
        ("syntax.example", &["spf_syntax"]),
        ("many.example", &["spf_too_many_lookups"]),
        ("long.example", &["spf_long_record", "spf_answer_too_large"]),
        (
            "nothing.example",
            &["spf_no_record", "no_mx", "dmarc_no_record"],
        ),
        (
            "dmarcbad.example",
            &[
                "dmarc_version_not_first",
                "dmarc_removed_tag",
                "dmarc_unknown_tag",
                "dmarc_partial_pct",
                "dmarc_weaker_subdomains",
                "dmarc_testing",
                "dmarc_invalid_value",
                "dmarc_external_reports_unauthorised",
            ],
        ),
        (
            "twodmarc.example",
            &["dmarc_several_records", "dmarc_no_record"],
        ),
        ("monitor.example", &["dmarc_policy_none", "dmarc_no_rua"]),
        ("opennp.example", &["dmarc_nonexistent_subdomains_open"]),
        (
            "shop.example.co.uk",
            &["dmarc_discovery_disagrees", "dmarc_inherited"],
        ),
        ("nopolicy.example", &["dmarc_missing_policy"]),
        ("mx.good.example", &["dmarc_inherited"]),
    ];
    let mut seen = BTreeSet::new();
    for (name, want) in table {
        let v = domain(name, "en");
        let got = codes(&v);
        for w in *want {
            assert!(got.contains(*w), "{name}: {w} missing from {got:?}");
        }
        if want.is_empty() {
            let problems: Vec<_> = v["spf"]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .chain(v["findings"].as_array().unwrap())
                .filter(|f| f["severity"] != "info")
                .collect();
            assert!(problems.is_empty(), "{name}: {problems:?}");
            assert!(
                v["next_steps"].as_array().unwrap().is_empty(),
                "{name}: {}",
                v["next_steps"]
            );
        }
        seen.extend(got);
    }
    // Every code the domain check can produce (but the DNS-failure one) appears somewhere.
    for code in [
        "dmarc_discovery_disagrees",
        "dmarc_nonexistent_subdomains_open",
        "spf_no_record",
        "spf_several_records",
        "spf_syntax",
        "spf_too_many_lookups",
        "spf_too_many_void_lookups",
        "spf_pass_all",
        "spf_neutral_all",
        "spf_softfail_all",
        "spf_no_all",
        "spf_ptr",
        "spf_redirect_ignored",
        "spf_target_without_record",
        "spf_void_lookup",
        "spf_long_record",
        "spf_answer_too_large",
        "spf_ipv6_missing",
        "no_mx",
        "null_mx_mixed",
        "mx_is_ip",
        "no_mta_sts",
        "mta_sts_bad_id",
        "mta_sts_policy_not_fetched",
        "no_tls_rpt",
        "tls_rpt_bad_rua",
        "no_bimi",
        "bimi_bad_logo",
        "bimi_no_certificate",
        "bimi_needs_enforcement",
        "several_records",
        "dkim_key_too_short",
        "dkim_weak_key",
        "dkim_testing",
        "dkim_key_revoked",
        "dkim_sha1",
        "dkim_bad_key",
        "dmarc_no_record",
        "dmarc_several_records",
        "dmarc_version_not_first",
        "dmarc_missing_policy",
        "dmarc_invalid_value",
        "dmarc_unknown_tag",
        "dmarc_removed_tag",
        "dmarc_policy_none",
        "dmarc_partial_pct",
        "dmarc_testing",
        "dmarc_no_rua",
        "dmarc_weaker_subdomains",
        "dmarc_external_reports_unauthorised",
        "dmarc_inherited",
    ] {
        assert!(seen.contains(code), "no fixture produces {code}");
    }
}

#[test]
fn json_contract_and_both_languages() {
    let v = domain("open.example", "en");
    for key in [
        "spf",
        "dmarc",
        "dkim",
        "mx",
        "mta_sts",
        "tls_rpt",
        "bimi",
        "findings",
        "next_steps",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    for key in ["record", "lookups", "void_lookups", "tree", "findings"] {
        assert!(v["spf"].get(key).is_some(), "missing spf.{key}");
    }
    let good = domain("good.example", "en");
    for key in ["record", "policy", "discovery", "findings"] {
        assert!(good["dmarc"].get(key).is_some(), "missing dmarc.{key}");
    }
    assert_eq!(good["dmarc"]["policy"], "reject");
    assert_eq!(good["dmarc"]["discovery"]["name"], "_dmarc.good.example");
    let f = &v["spf"]["findings"][0];
    assert!(f["code"].is_string() && f["severity"].is_string() && f["message"].is_string());
    let step = &v["next_steps"][0];
    assert!(step["step"].is_string() && step["message"].is_string());
    let fr = domain("open.example", "fr");
    let msg = fr["spf"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "spf_pass_all")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("n’importe qui"), "{msg}");
    let good = domain("good.example", "en");
    let keys: Vec<&Value> = good["dkim"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["found"] == true)
        .collect();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["key_bits"], 256);
    let open = domain("open.example", "en");
    let bits: Vec<&Value> = open["dkim"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["selector"] == "k1")
        .map(|k| &k["key_bits"])
        .collect();
    assert_eq!(bits, [&Value::from(512)]);
}
