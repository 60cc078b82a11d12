//! The native DoH client against a real DNS-over-HTTPS server (knot behind dnsdist on
//! loopback, started by `scripts/doh-server.sh`), through the CLI as a user runs it.
//!
//! `SCEAU_DOH_URL` names the server; when it is not set, the test starts it with the
//! script, and fails with the script's message if knot or dnsdist are missing.

mod common;

use std::path::Path;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn doh_url() -> String {
    if let Ok(u) = std::env::var("SCEAU_DOH_URL") {
        return u;
    }
    common::doh_server("start")
}

fn sceau(args: &[&str]) -> (i32, Value, String) {
    let (code, out, err) = common::run(args);
    (code, serde_json::from_str(&out).unwrap_or(Value::Null), err)
}

fn zone() -> String {
    Path::new(ROOT)
        .join("tests/dns/test.zone")
        .to_string_lossy()
        .into_owned()
}

/// The same questions asked of the zone file and of the live server get the same answers.
#[test]
fn doh_and_zone_file_agree() {
    let url = doh_url();
    let zone = zone();
    let cases = [
        ("split.sceau.test", "TXT"),
        ("sceau.test", "TXT"),
        ("_dmarc.sceau.test", "TXT"),
        ("sceau.test", "MX"),
        ("nope.sceau.test", "TXT"),
    ];
    for (name, t) in cases {
        let (code_z, z, err_z) = sceau(&["dns", name, t, "--json", "--dns-zone", &zone]);
        let (code_d, d, err_d) = sceau(&["dns", name, t, "--json", "--doh", &url]);
        assert_eq!(code_z, 0, "zone {name} {t}: {err_z}");
        assert_eq!(code_d, 0, "doh {name} {t}: {err_d}");
        assert_eq!(
            z["outcome"], d["outcome"],
            "{name} {t}: zone {z} vs doh {d}"
        );
        let texts = |v: &Value| {
            let mut t: Vec<String> = v["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["text"].as_str().unwrap().to_string())
                .collect();
            t.sort();
            t
        };
        assert_eq!(texts(&z), texts(&d), "{name} {t}");
    }
}

#[test]
fn split_txt_and_nxdomain_over_doh() {
    let url = doh_url();
    let (code, v, err) = sceau(&["dns", "split.sceau.test", "TXT", "--json", "--doh", &url]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["outcome"], "answer");
    let a = &v["answers"][0];
    assert_eq!(a["text"], "part one part two");
    assert_eq!(a["strings"].as_array().unwrap().len(), 2);
    let (code, v, _) = sceau(&[
        "dns",
        "nope.sceau.test",
        "TXT",
        "--json",
        "--doh",
        &url,
        "--lang",
        "fr",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["outcome"], "nxdomain");
    assert!(v["error"].as_str().unwrap().contains("n’existe pas"));
}

#[test]
fn unreachable_resolver_is_a_network_outcome() {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    let (code, v, err) = sceau(&[
        "dns",
        "sceau.test",
        "TXT",
        "--json",
        "--doh",
        "http://127.0.0.1:9/dns-query",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["outcome"], "network");
}
