//! `sceau report` through the CLI on the reports corpus: per-file status in JSON, the
//! contract's fields, exit 0 with a broken file, exit 2 for usage errors, both languages.

mod common;

use std::path::PathBuf;

fn corpus() -> PathBuf {
    let root = std::env::var_os("SCEAU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")));
    let dir = root.join("reports");
    assert!(
        dir.is_dir(),
        "the reports corpus {} is missing: set SCEAU_CORPUS to the corpus root (see ../shared/corpus/README.md)",
        dir.display()
    );
    dir
}

fn path(rel: &str) -> String {
    corpus().join(rel).to_string_lossy().into_owned()
}

#[test]
fn json_has_per_file_status_totals_and_sources() {
    let files = [
        path("aggregate/rfc9990-example.net!example.com!1700000000!1700086399.xml"),
        path("aggregate/invalid_xml.xml"),
        path("aggregate/twilight.eml"),
        path("smtp_tls/rfc8460.json"),
    ];
    let mut args: Vec<&str> = vec!["report", "--json", "--lang", "fr"];
    args.extend(files.iter().map(String::as_str));
    let v = common::json(&args);
    let f = v["files"].as_array().unwrap();
    assert_eq!(f.len(), 4);
    let statuses: Vec<&str> = f.iter().map(|x| x["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, vec!["ok", "error", "ok", "ok"]);
    assert_eq!(f[1]["error"]["code"], "xml");
    assert!(
        f[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ligne 5")
    );
    let r = &f[0]["reports"][0];
    assert_eq!(r["org_name"], "example.net");
    assert_eq!(r["report_id"], "dmarcbis-test-report-001");
    assert_eq!(r["policy_domain"], "example.com");
    assert_eq!(r["begin"], 1_700_000_000);
    assert_eq!(r["end"], 1_700_086_399);
    assert_eq!(r["records"], 2);
    assert_eq!(r["messages"], 7);
    assert_eq!(f[3]["reports"][0]["kind"], "tls");
    let t = &v["totals"];
    assert_eq!(t["reports"], 2);
    assert_eq!(t["records"], 3);
    assert_eq!(t["messages"], 8);
    assert_eq!(t["dmarc_pass"], 6);
    let sources = v["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    assert_eq!(sources[0]["ip"], "198.51.100.1");
    assert_eq!(sources[0]["messages"], 5);
    assert_eq!(sources[0]["dmarc_pass"], 5);
}

#[test]
fn text_output_and_directories() {
    let (code, out, err) = common::run(&["report", &path("aggregate"), "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("invalid_xml.xml  [error]"), "{out}");
    assert!(out.contains("The XML is malformed at line 5"));
    assert!(out.contains("Next steps"));
    let (code, out, _) = common::run(&["report", &path("failure"), "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(out.contains("Rapports d’échec"), "{out}");
    assert!(
        !out.contains(" :"),
        "French needs a no-break space before a colon: {out}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = common::run(&["report"]);
    assert_eq!(code, 2);
    assert!(err.contains("FILE"), "{err}");
    let (code, _, _) = common::run(&["report", "/nonexistent/file.xml"]);
    assert_eq!(code, 2);
}
