//! DNS faults from a real server, through the CLI: a resolver that answers HTTP 500, the
//! wrong content type, a truncated message or garbage; SERVFAIL and silence from dnsdist
//! rules (`servfail.sceau.test`, `timeout.sceau.test`). Each must come out as its
//! `DnsError` kind, and as `temperror` in SPF, DKIM and DMARC verdicts — never `fail`
//! or `none`.
//!
//! The fault server is `scripts/doh-faults.py` on 127.0.0.1:8054, started with the
//! DoH server by `scripts/doh-server.sh start`; `SCEAU_DOH_FAULTS` overrides its base
//! URL. The native client waits 5 s (`DEFAULT_TIMEOUT_MS`) before a timeout: the
//! timeout cases take that long each, and run in parallel.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The fault server's base URL (`http://127.0.0.1:8054`), started if need be.
fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        if let Ok(u) = std::env::var("SCEAU_DOH_FAULTS") {
            return u.trim_end_matches('/').to_string();
        }
        common::doh_server("start");
        common::doh_server("faults-url")
    })
}

fn url(fault: &str) -> String {
    if fault.is_empty() {
        format!("{}/dns-query", base())
    } else {
        format!("{}/{fault}/dns-query", base())
    }
}

fn sceau(args: &[&str]) -> Value {
    let (code, out, err) = common::run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// (fault path, name to query, expected `DnsError` kind).
const FAULTS: [(&str, &str, &str); 6] = [
    ("500", "sceau.test", "http"),
    ("type", "sceau.test", "content_type"),
    ("trunc", "sceau.test", "unreadable"),
    ("garbage", "sceau.test", "unreadable"),
    ("", "servfail.sceau.test", "servfail"),
    ("", "timeout.sceau.test", "timeout"),
];

#[test]
fn each_fault_is_its_dns_error_kind() {
    std::thread::scope(|s| {
        for (fault, name, kind) in FAULTS {
            s.spawn(move || {
                let u = url(fault);
                let v = sceau(&["dns", name, "TXT", "--doh", &u, "--json"]);
                assert_eq!(v["outcome"], kind, "{u} {name}: {v}");
                assert_eq!(v["answers"], Value::Array(vec![]), "{u}");
                assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
                // The error is said in French too.
                let fr = sceau(&["dns", name, "TXT", "--doh", &u, "--json", "--lang", "fr"]);
                assert_eq!(fr["outcome"], kind);
                assert_ne!(fr["error"], v["error"], "{u}: same text in both languages");
            });
        }
    });
    // The same server answers normally where there is no fault; CORS means nothing
    // to the native client.
    for fault in ["", "nocors"] {
        let v = sceau(&["dns", "sceau.test", "TXT", "--doh", &url(fault), "--json"]);
        assert_eq!(v["outcome"], "answer", "{fault}: {v}");
        assert_eq!(v["answers"][0]["text"], "v=spf1 ip4:192.0.2.0/24 -all");
    }
}

#[test]
fn spf_check_host_is_temperror() {
    std::thread::scope(|s| {
        for (fault, name, kind) in FAULTS {
            s.spawn(move || {
                let u = url(fault);
                let from = format!("bounce@{name}");
                let v = sceau(&[
                    "spf",
                    "--ip",
                    "192.0.2.25",
                    "--mail-from",
                    &from,
                    "--doh",
                    &u,
                    "--json",
                ]);
                assert_eq!(v["result"], "temperror", "{u} {name}: {v}");
                assert_eq!(v["error"]["kind"], "dns", "{v}");
                assert_eq!(
                    v["error"]["error"]["kind"],
                    kind.replace("servfail", "serv_fail")
                );
            });
        }
    });
}

#[test]
fn message_verdicts_are_temperror() {
    let pass = std::fs::read_to_string(Path::new(ROOT).join("tests/browser/fixtures/pass.eml"))
        .expect("pass.eml");
    let dir = Path::new(ROOT).join(".tmp/doh_faults");
    std::fs::create_dir_all(&dir).unwrap();
    std::thread::scope(|s| {
        for (fault, name, _) in FAULTS {
            let pass = &pass;
            let dir = &dir;
            s.spawn(move || {
                // The message moved to the faulty name (signature broken, but the key
                // lookup fails first).
                let text = pass.replace("sceau.test", name);
                let file = dir.join(format!("{}.eml", name.replace('.', "_") + fault));
                std::fs::write(&file, text).unwrap();
                let u = url(fault);
                let v = sceau(&[
                    "message",
                    file.to_str().unwrap(),
                    "--doh",
                    &u,
                    "--json",
                    "--now",
                    "1709661700",
                ]);
                assert_eq!(v["spf"]["result"], "temperror", "{u} {name}: {}", v["spf"]);
                assert_eq!(
                    v["dmarc"]["result"], "temperror",
                    "{u} {name}: {}",
                    v["dmarc"]
                );
                let dkim: Vec<&Value> = v["dkim"].as_array().unwrap().iter().collect();
                assert_eq!(dkim.len(), 1);
                assert_eq!(dkim[0]["result"], "temperror", "{u} {name}: {}", dkim[0]);
                let codes: Vec<&str> = v["dmarc"]["details"]["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|f| f["code"].as_str())
                    .collect();
                assert!(codes.contains(&"dmarc_dns_failed"), "{codes:?}");
            });
        }
    });
}

/// The domain check: the failed lookups are listed with their kind, SPF says its check
/// is incomplete and DMARC carries the error — no record is called missing there.
#[test]
fn domain_check_lists_failed_lookups() {
    std::thread::scope(|s| {
        for (fault, name, kind) in FAULTS {
            s.spawn(move || {
                let u = url(fault);
                let v = sceau(&["domain", name, "--doh", &u, "--json"]);
                let kind = kind.replace("servfail", "serv_fail");
                let failed = v["failed"].as_array().unwrap();
                assert!(failed.iter().any(|f| f["name"] == name), "{u}: {failed:?}");
                assert!(failed.iter().all(|f| f["error"]["kind"] == kind.as_str()));
                assert_eq!(v["dmarc"]["error"]["kind"], kind.as_str(), "{u}");
                assert_eq!(v["dmarc"]["record"], Value::Null);
                let spf: Vec<&str> = v["spf"]["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|f| f["code"].as_str())
                    .collect();
                assert_eq!(spf, ["spf_dns_error"], "{u}");
            });
        }
    });
}

/// When lookups fail, the domain check does not call the records missing (`no_mx`,
/// `no_mta_sts`, `no_tls_rpt`, `no_bimi`) and its plan does not ask to publish SPF,
/// DMARC or TLS-RPT records that may well exist.
#[test]
fn domain_check_does_not_call_failed_records_missing() {
    let v = sceau(&["domain", "sceau.test", "--doh", &url("500"), "--json"]);
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    for missing in ["no_mx", "no_mta_sts", "no_tls_rpt", "no_bimi"] {
        assert!(!codes.contains(&missing), "{missing} in {codes:?}");
    }
    let steps: Vec<&str> = v["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["step"].as_str())
        .collect();
    for step in [
        "publish_spf",
        "publish_dmarc",
        "publish_tls_rpt",
        "enable_dkim",
    ] {
        assert!(!steps.contains(&step), "{step} in {steps:?}");
    }
}
