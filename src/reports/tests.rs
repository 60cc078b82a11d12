//! Unit tests of the reports area: bombs and nesting, DOCTYPE and entity tricks,
//! leniencies, dedupe, alignment recomputation, what-if and next steps.

use std::io::Write;

use super::summary::summarize;
use super::*;

/// An aggregate report with `records` given as
/// `(ip, count, dkim, spf, header_from, [(dkim domain, result)], [(spf domain, result)])`.
type Rec<'a> = (
    &'a str,
    u64,
    &'a str,
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str)],
    &'a [(&'a str, &'a str)],
);

fn xml(org: &str, id: &str, policy: &str, records: &[Rec<'_>]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\"?><feedback><version>1.0</version><report_metadata>\
         <org_name>{org}</org_name><email>r@{org}</email><report_id>{id}</report_id>\
         <date_range><begin>1700000000</begin><end>1700086399</end></date_range>\
         </report_metadata><policy_published><domain>example.com</domain>{policy}\
         </policy_published>"
    );
    for (ip, count, dkim, spf, from, dk, sp) in records {
        s.push_str(&format!(
            "<record><row><source_ip>{ip}</source_ip><count>{count}</count><policy_evaluated>\
             <disposition>none</disposition><dkim>{dkim}</dkim><spf>{spf}</spf>\
             </policy_evaluated></row><identifiers><header_from>{from}</header_from>\
             </identifiers><auth_results>"
        ));
        for (d, r) in *dk {
            s.push_str(&format!(
                "<dkim><domain>{d}</domain><selector>s</selector><result>{r}</result></dkim>"
            ));
        }
        for (d, r) in *sp {
            s.push_str(&format!(
                "<spf><domain>{d}</domain><scope>mfrom</scope><result>{r}</result></spf>"
            ));
        }
        s.push_str("</auth_results></record>");
    }
    s.push_str("</feedback>");
    s
}

fn simple() -> String {
    xml(
        "rep.example",
        "id-1",
        "<p>none</p>",
        &[(
            "192.0.2.1",
            3,
            "pass",
            "fail",
            "example.com",
            &[("example.com", "pass")],
            &[],
        )],
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, data) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn aggregate(r: &FileResult) -> &AggregateReport {
    match r.reports.first() {
        Some(Report::Aggregate(a)) => a,
        other => panic!("{}: no aggregate report: {other:?} {:?}", r.name, r.error),
    }
}

fn small_limits() -> Limits {
    Limits {
        max_expanded: 1024 * 1024,
        max_member: 512 * 1024,
        max_members: 10,
        max_depth: 3,
    }
}

#[test]
fn gzip_bomb_is_stopped() {
    let bomb = gzip(&vec![0u8; 8 * 1024 * 1024]);
    assert!(bomb.len() < 64 * 1024, "a real bomb: {} bytes", bomb.len());
    let r = read_file("bomb.xml.gz", &bomb, &small_limits());
    assert_eq!(r.status, FileStatus::Error);
    assert_eq!(
        r.error,
        Some(ReportError::MemberTooLarge {
            member: "gzip".into(),
            limit: 512 * 1024
        })
    );
    // With the member limit above the total, the total is what stops it.
    let limits = Limits {
        max_member: 4 * 1024 * 1024,
        ..small_limits()
    };
    let r = read_file("bomb.xml.gz", &bomb, &limits);
    assert_eq!(r.error, Some(ReportError::TooLarge { limit: 1024 * 1024 }));
}

#[test]
fn zip_bomb_and_too_many_members_are_stopped() {
    let zeros = vec![0u8; 2 * 1024 * 1024];
    let z = zip_of(&[("big.xml", &zeros)]);
    let r = read_file("big.zip", &z, &small_limits());
    assert_eq!(
        r.error,
        Some(ReportError::MemberTooLarge {
            member: "big.xml".into(),
            limit: 512 * 1024
        })
    );
    let x = simple();
    let names: Vec<String> = (0..11).map(|i| format!("r{i}.xml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), x.as_bytes())).collect();
    let r = read_file("many.zip", &zip_of(&entries), &small_limits());
    assert_eq!(
        r.error,
        Some(ReportError::TooManyMembers {
            count: 11,
            limit: 10
        })
    );
    assert!(r.reports.is_empty());
    // Ten members are fine, and each is read.
    let r = read_file("ten.zip", &zip_of(&entries[..10]), &small_limits());
    assert_eq!(r.status, FileStatus::Ok, "{:?}", r.error);
    assert_eq!(r.reports.len(), 10);
}

#[test]
fn deep_nesting_is_stopped() {
    let mut data = simple().into_bytes();
    for _ in 0..3 {
        data = gzip(&data);
    }
    let r = read_file("three.gz", &data, &small_limits());
    assert_eq!(r.status, FileStatus::Ok, "{:?}", r.error);
    data = gzip(&data);
    let r = read_file("four.gz", &data, &small_limits());
    assert_eq!(r.error, Some(ReportError::TooDeep { limit: 3 }));
    // A zip in a gzip in a zip is read through.
    let inner = zip_of(&[("r.xml", simple().as_bytes())]);
    let outer = zip_of(&[("r.zip.gz", &gzip(&inner))]);
    let r = read_file("outer.zip", &outer, &Limits::default());
    assert_eq!(aggregate(&r).messages(), 3);
}

#[test]
fn doctype_and_entities_are_never_expanded() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE feedback [\n\
        <!ENTITY lol \"lol\">\n\
        <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n\
        <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n\
        <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n\
        <feedback><report_metadata><org_name>&lol3;</org_name><email>&xxe;</email>\
        <report_id>a&amp;b&#33;</report_id></report_metadata>\
        <policy_published><domain>example.com</domain></policy_published></feedback>";
    let r = read_file("laughs.xml", laughs.as_bytes(), &Limits::default());
    let a = aggregate(&r);
    assert_eq!(a.org_name, "&lol3;");
    assert_eq!(a.email, "&xxe;");
    assert_eq!(a.report_id, "a&b!");
    assert!(a.findings.contains(&Finding::DoctypeIgnored));
    assert!(
        a.findings
            .iter()
            .any(|f| matches!(f, Finding::UnknownEntity { .. }))
    );
}

#[test]
fn lenient_values_and_schemas() {
    let x = "\u{feff}<?xml version=\"1.0\"?><wrapper><ns:feedback xmlns:ns=\"urn:ietf:params:xml:ns:dmarc-2.0\">\
        <ns:report_metadata><ns:org_name> Rep </ns:org_name><ns:report_id>1</ns:report_id>\
        <ns:date_range><ns:begin>1700000000.0</ns:begin><ns:end>1700259200</ns:end></ns:date_range>\
        </ns:report_metadata><ns:policy_published><ns:domain>Example.COM.</ns:domain><ns:p>Reject</ns:p>\
        <ns:np>quarantine</ns:np><ns:testing>n</ns:testing></ns:policy_published>\
        <ns:record><ns:row><ns:source_ip>192.0.2.9</ns:source_ip><ns:count>4</ns:count>\
        <ns:policy_evaluated><ns:disposition>Quarantine</ns:disposition><ns:dkim>Pass</ns:dkim>\
        <ns:spf>FAIL</ns:spf><ns:reason><ns:type></ns:type></ns:reason></ns:policy_evaluated></ns:row>\
        <ns:identities><ns:header_from>Example.com</ns:header_from></ns:identities>\
        <ns:auth_results><ns:dkim><ns:domain>example.com</ns:domain><ns:result>PASS</ns:result></ns:dkim>\
        </ns:auth_results></ns:record><ns:extension><ns:foo>1</ns:foo></ns:extension></ns:feedback>";
    let r = read_file("odd.xml", x.as_bytes(), &Limits::default());
    let a = aggregate(&r);
    assert_eq!(a.schema, Some(aggregate::Schema::Rfc9990));
    assert_eq!(a.org_name, "Rep");
    assert_eq!(a.policy.domain, "example.com");
    assert_eq!(a.policy.p.as_deref(), Some("reject"));
    assert_eq!(a.policy.np.as_deref(), Some("quarantine"));
    assert_eq!(a.policy.testing, Some(false));
    assert_eq!(a.begin, 1_700_000_000);
    let rec = &a.records[0];
    assert_eq!(
        (
            rec.disposition.as_str(),
            rec.dkim.as_str(),
            rec.spf.as_str()
        ),
        ("quarantine", "pass", "fail")
    );
    assert_eq!(rec.header_from, "example.com");
    assert!(rec.reasons.is_empty());
    assert_eq!(rec.dkim_results[0].result, "pass");
    assert_eq!(a.extensions, vec!["foo".to_string()]);
    for f in [
        Finding::ByteOrderMark,
        Finding::EmptyReason,
        Finding::StrayElement {
            name: "wrapper".into(),
        },
        Finding::LongPeriod { hours: 72 },
    ] {
        assert!(a.findings.contains(&f), "{f:?} in {:?}", a.findings);
    }
}

#[test]
fn broken_inputs_give_typed_errors() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02garbage", "unknown_format"),
        (b"<html><body>hi</body></html>", "not_aggregate"),
        (b"<feedback><report_metadata>", "truncated"),
        (b"<feedback><a></b></feedback>", "xml"),
        (b"{\"x\": 1}", "not_tls"),
        (b"{\"x\": ", "json"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
        (b"PK\x03\x04garbage", "zip"),
        (
            b"Subject: hello\r\n\r\nno report here\r\n",
            "no_report_in_message",
        ),
    ];
    for (bytes, code) in cases {
        let r = read_file("x", bytes, &Limits::default());
        assert_eq!(r.status, FileStatus::Error, "{code}");
        assert_eq!(r.error.as_ref().map(ReportError::code), Some(*code));
    }
}

#[test]
fn no_panic_on_truncated_or_mutated_input() {
    let x = simple().into_bytes();
    let gz = gzip(&x);
    let z = zip_of(&[("r.xml", &x)]);
    for data in [&x, &gz, &z] {
        for n in 0..data.len() {
            let _ = read_file("t", &data[..n], &Limits::default());
        }
        let mut m = data.clone();
        for i in (0..m.len()).step_by(3) {
            m[i] = m[i].wrapping_mul(31).wrapping_add(7);
            let _ = read_file("m", &m, &Limits::default());
        }
    }
}

#[test]
fn identical_reports_count_once() {
    let x = simple();
    let files = vec![
        read_file("a.xml", x.as_bytes(), &Limits::default()),
        read_file("b.xml.gz", &gzip(x.as_bytes()), &Limits::default()),
    ];
    let s = summarize(&files);
    assert_eq!(s.totals.reports, 1);
    assert_eq!(s.totals.duplicates, 1);
    assert_eq!(s.totals.messages, 3);
    assert!(s.findings.iter().any(|f| matches!(
        f,
        Finding::DuplicateReport { file, .. } if file == "b.xml.gz"
    )));
    // Same ID from another organisation is another report.
    let other = x.replace("rep.example", "other.example");
    let files = vec![
        read_file("a.xml", x.as_bytes(), &Limits::default()),
        read_file("c.xml", other.as_bytes(), &Limits::default()),
    ];
    assert_eq!(summarize(&files).totals.reports, 2);
}

#[test]
fn alignment_is_recomputed_from_raw_results() {
    let recs: &[Rec<'_>] = &[
        // Relaxed: a subdomain signature aligns; the reporter wrongly says fail.
        (
            "192.0.2.1",
            2,
            "fail",
            "fail",
            "example.com",
            &[("mail.example.com", "pass")],
            &[],
        ),
        // The reporter says pass, but the only DKIM pass is another domain.
        (
            "192.0.2.2",
            1,
            "pass",
            "fail",
            "example.com",
            &[("esp.example.net", "pass")],
            &[("example.com", "fail")],
        ),
        // Agreement.
        (
            "192.0.2.3",
            5,
            "fail",
            "pass",
            "example.com",
            &[],
            &[("bounce.example.com", "pass")],
        ),
    ];
    let relaxed = read_file(
        "r.xml",
        xml("rep", "1", "<adkim>r</adkim><p>none</p>", recs).as_bytes(),
        &Limits::default(),
    );
    let s = summarize(std::slice::from_ref(&relaxed));
    let got: Vec<(&str, &str, &str)> = s
        .disagreements
        .iter()
        .map(|d| (d.source_ip.as_str(), d.method, d.recomputed.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![("192.0.2.1", "dkim", "pass"), ("192.0.2.2", "dkim", "fail")]
    );
    // Strict: the subdomain signature does not align, so the reporter is right.
    let strict = read_file(
        "s.xml",
        xml(
            "rep",
            "2",
            "<adkim>s</adkim><aspf>s</aspf><p>none</p>",
            recs,
        )
        .as_bytes(),
        &Limits::default(),
    );
    let s = summarize(std::slice::from_ref(&strict));
    let got: Vec<(&str, &str)> = s
        .disagreements
        .iter()
        .map(|d| (d.source_ip.as_str(), d.method))
        .collect();
    assert_eq!(
        got,
        vec![
            ("192.0.2.2", "dkim"),
            // bounce.example.com is not example.com under aspf=s.
            ("192.0.2.3", "spf")
        ]
    );
    assert_eq!(s.totals.alignment.spf_only, 5);
    assert_eq!(s.totals.alignment.neither, 2);
    assert_eq!(s.totals.alignment.dkim_only, 1);
}

#[test]
fn what_if_reject_and_next_steps() {
    let recs: &[Rec<'_>] = &[
        // A service signing with its own domain: fails DMARC, passes DKIM unaligned.
        (
            "198.51.100.7",
            10,
            "fail",
            "fail",
            "example.com",
            &[("esp.example.net", "pass")],
            &[("esp.example.net", "pass")],
        ),
        // A forgery: nothing passes.
        (
            "203.0.113.5",
            5,
            "fail",
            "fail",
            "example.com",
            &[],
            &[("example.com", "fail")],
        ),
        ("203.0.113.6", 1, "fail", "fail", "example.com", &[], &[]),
        // Legitimate and aligned.
        (
            "192.0.2.1",
            20,
            "pass",
            "pass",
            "example.com",
            &[("example.com", "pass")],
            &[("example.com", "pass")],
        ),
    ];
    let f = read_file(
        "w.xml",
        xml("rep", "1", "<p>none</p>", recs).as_bytes(),
        &Limits::default(),
    );
    let s = summarize(&[f]);
    assert_eq!(s.totals.messages, 36);
    assert_eq!(s.totals.dmarc_pass, 20);
    let w = &s.what_if;
    assert_eq!(w.rejected_messages, 16);
    assert_eq!(w.rejected_sources, 3);
    assert_eq!(w.dkim_unaligned_messages, 10);
    assert_eq!(w.dkim_unaligned_sources.len(), 1);
    assert_eq!(w.dkim_unaligned_sources[0].dkim_domain, "esp.example.net");
    assert_eq!(
        s.readiness,
        vec![
            Finding::FixSourcesFirst {
                sources: vec!["198.51.100.7".into()],
                messages: 10
            },
            Finding::StartQuarantine { pct: 25 }
        ]
    );
    // Only forgeries fail: at quarantine 100 %, go to reject.
    let clean = read_file(
        "c.xml",
        xml("rep", "2", "<p>quarantine</p><pct>100</pct>", &recs[1..]).as_bytes(),
        &Limits::default(),
    );
    assert_eq!(summarize(&[clean]).readiness, vec![Finding::MoveToReject]);
    let partial = read_file(
        "p.xml",
        xml("rep", "3", "<p>quarantine</p><pct>25</pct>", &recs[1..]).as_bytes(),
        &Limits::default(),
    );
    assert_eq!(
        summarize(&[partial]).readiness,
        vec![Finding::RaiseQuarantine { from: 25, to: 50 }]
    );
}

fn every_finding() -> Vec<Finding> {
    let s = || "x.example".to_string();
    vec![
        Finding::ByteOrderMark,
        Finding::InvalidUtf8 { replaced: 1 },
        Finding::DoctypeIgnored,
        Finding::UnknownEntity { name: "e".into() },
        Finding::StrayElement { name: "w".into() },
        Finding::MissingField { field: "org_name" },
        Finding::InvertedPeriod,
        Finding::LongPeriod { hours: 48 },
        Finding::TestingMode { domain: s() },
        Finding::BadSourceIp { value: "x".into() },
        Finding::BadCount { value: "x".into() },
        Finding::EmptyReason,
        Finding::TrailingBytes { bytes: 2 },
        Finding::DuplicateReport {
            org_name: String::new(),
            report_id: "1".into(),
            file: "f".into(),
        },
        Finding::TlsFailures {
            policy_domain: s(),
            reporter: s(),
            failed: 1,
            total: 2,
            result_types: vec!["validation-failure".into()],
        },
        Finding::EvaluationDisagrees {
            org_name: s(),
            source_ip: "192.0.2.1".into(),
            header_from: s(),
            method: "dkim",
            reported: "fail".into(),
            recomputed: "pass".into(),
            messages: 1,
        },
        Finding::WhatIfReject {
            messages: 3,
            sources: 2,
            dkim_unaligned: 1,
        },
        Finding::UnalignedService {
            ip: "192.0.2.1".into(),
            dkim_domain: s(),
            header_from: s(),
            messages: 1,
        },
        Finding::FixSourcesFirst {
            sources: vec!["192.0.2.1".into()],
            messages: 1,
        },
        Finding::StartQuarantine { pct: 25 },
        Finding::RaiseQuarantine { from: 25, to: 50 },
        Finding::MoveToReject,
        Finding::AtReject { domain: s() },
    ]
}

fn every_error() -> Vec<ReportError> {
    vec![
        ReportError::Empty,
        ReportError::UnknownFormat,
        ReportError::TooLarge { limit: 1 << 20 },
        ReportError::MemberTooLarge {
            member: "m".into(),
            limit: 1 << 20,
        },
        ReportError::TooManyMembers { count: 2, limit: 1 },
        ReportError::TooDeep { limit: 3 },
        ReportError::Gzip { detail: "d".into() },
        ReportError::Zip { detail: "d".into() },
        ReportError::Xml {
            line: 3,
            column: 4,
            detail: "d".into(),
        },
        ReportError::Truncated,
        ReportError::NotAggregate,
        ReportError::Json {
            line: 1,
            column: 2,
            detail: "d".into(),
        },
        ReportError::NotTls,
        ReportError::NoReportInMessage,
        ReportError::BadMessage,
    ]
}

#[test]
fn codes_are_unique_and_sentences_follow_typography() {
    use crate::findings::Finding as _;
    use crate::i18n::{Lang, Translate};
    let findings = every_finding();
    let errors = every_error();
    let mut codes: Vec<&str> = findings
        .iter()
        .map(|f| f.code())
        .chain(errors.iter().map(ReportError::code))
        .collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate codes");
    let texts = findings
        .iter()
        .flat_map(|f| Lang::ALL.map(|l| (l, f.text(l))))
        .chain(
            errors
                .iter()
                .flat_map(|e| Lang::ALL.map(|l| (l, e.text(l)))),
        );
    for (lang, text) in texts {
        assert!(!text.is_empty());
        if lang == Lang::Fr {
            for p in [" :", " ;", " !", " ?", "« ", " »"] {
                assert!(!text.contains(p), "plain space around {p}: {text}");
            }
        }
    }
    assert!(
        ReportError::Xml {
            line: 3,
            column: 4,
            detail: "x".into()
        }
        .text(Lang::Fr)
        .contains("ligne 3, colonne 4\u{a0}:")
    );
}

#[test]
fn csv_and_json_exports() {
    let f = read_file("a.xml", simple().as_bytes(), &Limits::default());
    let files = [f];
    let csv = summary::records_csv(&Batch::from_results(files.clone()));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("file,org_name,report_id"));
    assert!(lines[1].contains("192.0.2.1,3,none,pass,fail,example.com"));
    let s = summarize(&files);
    assert_eq!(summary::sources_csv(&s).lines().count(), 2);
    let json: serde_json::Value =
        serde_json::from_str(&summary::summary_json(&s, crate::i18n::Lang::Fr)).unwrap();
    assert_eq!(json["totals"]["messages"], 3);
}

#[test]
fn batch_reports_progress_per_file() {
    let x = simple();
    let mut seen = Vec::new();
    let files = read_files(
        [("a.xml", x.as_bytes()), ("b.txt", b"nothing".as_slice())],
        &Limits::default(),
        |p, r| seen.push((p.done, p.total, r.status)),
    );
    assert_eq!(files.len(), 2);
    assert_eq!(
        seen,
        vec![(1, 2, FileStatus::Ok), (2, 2, FileStatus::Error)]
    );
    let mut b = Batch::new();
    b.add("a.xml", x.as_bytes(), &Limits::default());
    b.add("b.txt", b"nothing", &Limits::default());
    assert_eq!(b.summary().totals.messages, 3);
    assert_eq!(b.summary().totals.files_with_errors, 1);
}

#[test]
fn mbox_with_quoted_printable_base64_and_nested_parts() {
    use base64::Engine as _;
    let x = simple();
    // Quoted-printable: "=" becomes "=3D", lines are soft-broken.
    let qp: String = x
        .replace('=', "=3D")
        .as_bytes()
        .chunks(70)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("=\r\n");
    let other = x.replace("id-1", "id-2");
    let b64 = base64::engine::general_purpose::STANDARD.encode(gzip(other.as_bytes()));
    let b64 = b64
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\r\n");
    let mbox = format!(
        "From rep@example Mon Jan  1 00:00:00 2024\r\n\
         From: rep@rep.example\r\nSubject: Report 1\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n\
         --outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n\
         --alt\r\nContent-Type: text/plain\r\n\r\nA report.\r\n--alt--\r\n\
         --outer\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: quoted-printable\r\n\
         Content-Disposition: attachment; filename=\"r.xml\"\r\n\r\n{qp}\r\n--outer--\r\n\
         From rep@example Mon Jan  1 00:00:01 2024\r\n\
         From: fwd@example.org\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain\r\n\r\nForwarded.\r\n\
         --b1\r\nContent-Type: message/rfc822\r\n\r\n\
         From: rep@rep.example\r\nSubject: Report 2\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n\
         --b2\r\nContent-Type: application/gzip\r\nContent-Transfer-Encoding: base64\r\n\r\n\
         {b64}\r\n--b2--\r\n\r\n--b1--\r\n"
    );
    let r = read_file("reports.mbox", mbox.as_bytes(), &Limits::default());
    assert_eq!(r.status, FileStatus::Ok, "{:?}", r.error);
    let ids: Vec<String> = r.reports.iter().map(|x| x.overview().report_id).collect();
    assert_eq!(ids, vec!["id-1", "id-2"]);
    assert!(r.reports.iter().all(|x| x.overview().messages == 3));
}

#[test]
fn the_page_gets_long_lists_cut_with_their_lengths() {
    let limits = Limits::default();
    let mut b = Batch::new();
    // Six reports, each with one record the reporter calls a DKIM pass while its only
    // DKIM result is a fail: six disagreements; one more source per report.
    for i in 0..6u64 {
        let ip = format!("192.0.2.{i}");
        let other = format!("198.51.100.{i}");
        let x = xml(
            "rep.example",
            &format!("id-{i}"),
            "<p>none</p>",
            &[
                (
                    &ip,
                    10 + i,
                    "pass",
                    "fail",
                    "example.com",
                    &[("example.com", "fail")],
                    &[],
                ),
                (&other, 1, "fail", "fail", "example.com", &[], &[]),
            ],
        );
        b.add(&format!("r{i}.xml"), x.as_bytes(), &limits);
    }
    b.add("broken-1.xml", b"<feedback><record>", &limits);
    b.add("broken-2.txt", b"not a report", &limits);
    let caps = PageCaps {
        files: 3,
        sources: 4,
        disagreements: 2,
        findings_per_kind: 1,
        unaligned: 10,
        failures: 1,
        tls: 1,
    };
    let full = b.summary();
    assert_eq!(full.disagreements.len(), 6);
    let page: serde_json::Value = serde_json::from_str(&page_json(
        &b,
        &filter::Filter::default(),
        full.clone(),
        &caps,
        crate::i18n::Lang::En,
    ))
    .unwrap();
    // Files: the broken ones first, then the first read ones, up to the cap.
    let names: Vec<&str> = page["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["broken-1.xml", "broken-2.txt", "r0.xml"]);
    assert_eq!(page["files_total"], 8);
    assert_eq!(page["sources"].as_array().unwrap().len(), 4);
    assert_eq!(page["sources_total"], 12);
    // The largest disagreements first.
    let d = page["disagreements"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(
        (d[0]["messages"].as_u64(), d[1]["messages"].as_u64()),
        (Some(15), Some(14))
    );
    assert_eq!(page["disagreements_total"], 6);
    // One finding per kind, the total beside; the totals are the whole batch's.
    let codes: Vec<&str> = page["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(codes.len(), unique.len());
    assert!(codes.contains(&"evaluation_disagrees"));
    assert_eq!(
        page["findings_total"].as_u64(),
        Some(full.findings.len() as u64)
    );
    assert_eq!(
        page["totals"]["messages"].as_u64(),
        Some(full.totals.messages)
    );
}

/// Found by the fuzzer: a multipart whose first part is glued to its boundary line and
/// holds nested `message/rfc822` parts trips a `debug_assert!` in mail-parser 0.11.9
/// (switched off for that crate in debug builds, as in release ones). The file is read
/// as a message that carries no report.
#[test]
fn fuzz_regression_nested_rfc822_glued_to_its_boundary() {
    let input = b"Content-type:multipart/\n\tboundary=B_1\n\n--B_1Content-type:message/rfc822\n\n\
                  Content-type:message/rfc822\n\n\n--B_1--";
    let r = read_file("report.eml", input, &Limits::default());
    assert_eq!(r.status, FileStatus::Error);
    assert_eq!(r.error, Some(ReportError::NoReportInMessage));
}
