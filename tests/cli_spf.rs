//! The CLI contract of `sceau spf` with a zone file.

mod common;

use serde_json::Value;

const ZONE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dns/spf.zone");

fn spf(args: &[&str]) -> Value {
    let all: Vec<&str> = ["spf"]
        .iter()
        .chain(args)
        .chain(&["--json", "--dns-zone", ZONE])
        .copied()
        .collect();
    common::json(&all)
}

#[test]
fn results_mechanism_lookups_and_tree() {
    let v = spf(&["--ip", "192.0.2.25", "--mail-from", "a@example.com"]);
    assert_eq!(v["result"], "pass");
    assert_eq!(v["mechanism"], "mx");
    assert_eq!(v["lookups"], 2);
    assert_eq!(v["tree"]["children"][0]["domain"], "_spf.example.net");
    assert_eq!(v["tree"]["children"][0]["result"], "softfail");
    let v = spf(&["--ip", "198.51.100.3", "--mail-from", "a@example.com"]);
    assert_eq!(v["result"], "pass");
    assert_eq!(v["mechanism"], "include:_spf.example.net");
    let v = spf(&["--ip", "203.0.113.9", "--mail-from", "a@example.com"]);
    assert_eq!(v["result"], "fail");
    assert_eq!(v["mechanism"], "-all");
}

#[test]
fn empty_mail_from_uses_helo() {
    let v = spf(&[
        "--ip",
        "203.0.113.7",
        "--mail-from",
        "",
        "--helo",
        "bounce.example.org",
    ]);
    assert_eq!(v["result"], "pass");
}

#[test]
fn errors_are_permerror_with_cause() {
    let v = spf(&["--ip", "192.0.2.1", "--mail-from", "a@loop.example.com"]);
    assert_eq!(v["result"], "permerror");
    assert_eq!(v["error"]["kind"], "too_many_lookups");
    assert_eq!(v["lookups"], 11);
    let v = spf(&["--ip", "192.0.2.1", "--mail-from", "a@broken.example.com"]);
    assert_eq!(v["result"], "permerror");
    assert_eq!(v["error"]["error"]["kind"], "bad_cidr");
    let v = spf(&["--ip", "192.0.2.1", "--mail-from", "a@nowhere.example.com"]);
    assert_eq!(v["result"], "none");
}

#[test]
fn bad_ip_is_rejected() {
    let (code, _, _) = common::run(&["spf", "--ip", "999.1.1.1", "--mail-from", "a@example.com"]);
    assert_eq!(code, 2);
}
