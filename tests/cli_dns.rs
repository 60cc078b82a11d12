//! The CLI contract of `sceau dns` with a zone file.

mod common;

use common::{json, run as sceau};

const ZONE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dns/cli.zone");

#[test]
fn help_lists_subcommands_in_both_languages() {
    let (code, out, _) = sceau(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("dns NAME TYPE"));
    let (_, out, _) = sceau(&["--help", "--lang", "fr"]);
    assert!(out.contains("Sous-commandes"));
}

#[test]
fn answers_from_a_zone_file() {
    let v = json(&["dns", "example.com", "TXT", "--json", "--dns-zone", ZONE]);
    assert_eq!(v["outcome"], "answer");
    assert_eq!(
        v["answers"][0]["text"],
        "v=spf1 include:_spf.example.net ~all"
    );
    let v = json(&[
        "dns",
        "escaped.example.com",
        "TXT",
        "--json",
        "--dns-zone",
        ZONE,
    ]);
    assert_eq!(v["answers"][0]["text"], "semi;colonquote\"d");
    let v = json(&["dns", "example.com", "MX", "--json", "--dns-zone", ZONE]);
    assert_eq!(v["answers"][0]["text"], "10 mx.example.com.");
    let v = json(&[
        "dns",
        "alias.example.net",
        "TXT",
        "--json",
        "--dns-zone",
        ZONE,
    ]);
    assert_eq!(v["answers"][0]["type"], "CNAME");
    assert_eq!(v["answers"][1]["text"], "v=spf1 ip4:198.51.100.0/24 -all");
    let v = json(&["dns", "mx.example.com", "TXT", "--json", "--dns-zone", ZONE]);
    assert_eq!(v["outcome"], "nodata");
    let v = json(&[
        "dns",
        "none.example.com",
        "TXT",
        "--json",
        "--dns-zone",
        ZONE,
    ]);
    assert_eq!(v["outcome"], "nxdomain");
}

#[test]
fn bad_input_gives_one_line_and_non_zero_exit() {
    for args in [
        vec!["frobnicate"],
        vec!["dns"],
        vec!["dns", "example.com", "SRV", "--dns-zone", ZONE],
        vec![
            "dns",
            "example.com",
            "TXT",
            "--dns-zone",
            "/nonexistent.zone",
        ],
        vec!["dns", "example.com", "TXT", "--now", "yesterday"],
    ] {
        let (code, out, err) = sceau(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("sceau: "));
    }
    let (_, _, err) = sceau(&["dns", "--lang", "fr"]);
    assert!(err.contains("manquant"), "{err}");
}

#[test]
fn zone_errors_name_the_line() {
    let dir = std::env::temp_dir().join(format!("sceau-zone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.zone");
    std::fs::write(&bad, "ok.example. TXT \"fine\"\nbad.example. A 300.1.1.1\n").unwrap();
    let (code, _, err) = sceau(&[
        "dns",
        "ok.example",
        "TXT",
        "--dns-zone",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("line 2"), "{err}");
}
