//! Reports against the external corpus (`../shared/corpus/reports/`, see its README):
//! every file, with the report, record and message counts read from the files by hand,
//! the broken ones with their error, and all of them in one batch. The corpus root can
//! be moved with `SCEAU_CORPUS`; a missing corpus fails.

use std::path::PathBuf;

use sceau::reports::summary::summarize;
use sceau::reports::{FileResult, FileStatus, Finding, Limits, Report, read_file};

fn corpus() -> PathBuf {
    std::env::var_os("SCEAU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
        .join("reports")
}

/// Every file of one corpus folder, by name.
fn folder(name: &str) -> Vec<(String, Vec<u8>)> {
    let dir = corpus().join(name);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the reports corpus {} is missing ({e}): set SCEAU_CORPUS to the corpus root (see ../shared/corpus/README.md)",
            dir.display()
        )
    });
    let mut files: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("read corpus file");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

fn read(files: &[(String, Vec<u8>)]) -> Vec<FileResult> {
    files
        .iter()
        .map(|(n, b)| read_file(n, b, &Limits::default()))
        .collect()
}

fn find<'a>(results: &'a [FileResult], name: &str) -> &'a FileResult {
    results
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("{name} not in the corpus"))
}

/// (file, org_name, report_id, policy domain, records, messages), counted in the files.
const AGGREGATE: &[(&str, &str, &str, &str, usize, u64)] = &[
    (
        "!example.com!1538204542!1538463818.xml",
        "",
        "example.com:1538463741",
        "example.com",
        1,
        1,
    ),
    (
        "!large-example.com!1711897200!1711983600.xml",
        "",
        "example.com:1711897200",
        "example.com",
        2286,
        2286,
    ),
    (
        "Report domain- borschow.com Submitter- google.com Report-ID- 949348866075514174.eml",
        "google.com",
        "949348866075514174",
        "borschow.com",
        1,
        1,
    ),
    (
        "addisonfoods.com!example.com!1536105600!1536191999.xml",
        "addisonfoods.com",
        "3ceb5548498640beaeb47327e202b0b9",
        "example.com",
        1,
        1,
    ),
    (
        "empty_reason.xml",
        "example.org",
        "20240125141224705995",
        "example.com",
        1,
        2,
    ),
    (
        "estadocuenta1.infonacot.gob.mx!example.com!1536853302!1536939702!2940.xml.zip",
        "XYZ Corporation",
        "2940",
        "example.com",
        1,
        1,
    ),
    (
        "example.net!example.com!1529366400!1529452799.xml",
        "example.net",
        "b043f0e264cf4ea995e93765242f6dfb",
        "example.com",
        1,
        1,
    ),
    (
        "fastmail.com!example.com!1516060800!1516147199!102675056.xml.gz",
        "FastMail Pty Ltd",
        "102675056",
        "indemed.com",
        1,
        1,
    ),
    (
        "ikea.com!example.de!1538690400!1538776800.xml",
        "ikea.com",
        "aggr_report_2018_10_05_5bc7e9b4f3e8a",
        "example.de",
        1,
        1,
    ),
    (
        "invalid_utf_8.xml",
        "",
        "example.com:1538463741",
        "example.com",
        1,
        1,
    ),
    (
        "mimecast-weird-gzip.eml",
        "Mimecast",
        "157a5fe30ec76f4bc0d8bccfc96c118a167a1280fee7c7465af5115e73082e5e",
        "ab.id.au",
        1,
        1,
    ),
    (
        "old_draft_from_wiki.xml",
        "acme.com",
        "9391651994964116463",
        "example.com",
        1,
        2,
    ),
    (
        "protection.outlook.com!example.com!1711756800!1711843200.xml",
        "Outlook.com",
        "cfeafefe4129445e8c81018bd9177197",
        "example.com",
        1,
        1,
    ),
    (
        "rfc9990-example.net!example.com!1700000000!1700086399.xml",
        "example.net",
        "dmarcbis-test-report-001",
        "example.com",
        2,
        7,
    ),
    (
        "rfc9990-sample.xml",
        "Sample Reporter",
        "3v98abbp8ya9n3va8yr8oa3ya",
        "example.com",
        1,
        123,
    ),
    (
        "twilight.eml",
        "google.com",
        "1627703331531660819",
        "twlnet.com",
        1,
        1,
    ),
    (
        "usssa.com!example.com!1538784000!1538870399.xml",
        "usssa.com",
        "8953b4d4a4ee4218b6ac0e2cb2667ee1",
        "example.com",
        2,
        2,
    ),
    (
        "veeam.com!example.com!1530133200!1530219600.xml",
        "veeam.com",
        "sonexushealth.com:1530233361",
        "example.com",
        1,
        1,
    ),
];

#[test]
fn every_aggregate_report_gives_its_counts() {
    let files = folder("aggregate");
    assert_eq!(files.len(), 19, "the README lists 19 aggregate files");
    let results = read(&files);
    for (name, org, id, domain, records, messages) in AGGREGATE {
        let r = find(&results, name);
        assert_eq!(r.status, FileStatus::Ok, "{name}: {:?}", r.error);
        assert_eq!(r.reports.len(), 1, "{name}");
        let Report::Aggregate(a) = &r.reports[0] else {
            panic!("{name}: not an aggregate report")
        };
        assert_eq!(
            (
                a.org_name.as_str(),
                a.report_id.as_str(),
                a.policy.domain.as_str()
            ),
            (*org, *id, *domain),
            "{name}"
        );
        assert_eq!(a.records.len(), *records, "{name}: records");
        assert_eq!(a.messages(), *messages, "{name}: messages");
        assert!(a.begin > 0 && a.end >= a.begin, "{name}: period");
    }
    // 18 read, one broken: the count of the table plus invalid_xml.xml.
    assert_eq!(AGGREGATE.len() + 1, files.len());
}

#[test]
fn broken_and_lenient_aggregate_files() {
    let files = folder("aggregate");
    let results = read(&files);
    // Not well-formed XML (<email><bad-xml@…></email>): a clear per-file error.
    let bad = find(&results, "invalid_xml.xml");
    assert_eq!(bad.status, FileStatus::Error);
    assert!(bad.reports.is_empty());
    match &bad.error {
        Some(sceau::reports::ReportError::Xml { line, .. }) => assert_eq!(*line, 5),
        other => panic!("invalid_xml.xml: {other:?}"),
    }
    // Invalid UTF-8 in one value: read lossily, with a finding.
    let utf8 = find(&results, "invalid_utf_8.xml");
    let Report::Aggregate(a) = &utf8.reports[0] else {
        panic!()
    };
    assert!(
        a.findings.contains(&Finding::InvalidUtf8 { replaced: 1 }),
        "{:?}",
        a.findings
    );
    assert_eq!(a.records[0].header_from, "bad_byte\u{fffd}");
    // An empty <reason>: left out, with a finding; the record is kept.
    let empty = find(&results, "empty_reason.xml");
    let Report::Aggregate(a) = &empty.reports[0] else {
        panic!()
    };
    assert!(a.records[0].reasons.is_empty());
    assert!(a.findings.contains(&Finding::EmptyReason));
    assert_eq!(
        a.records[0].dkim_results[0].selector.as_deref(),
        Some("example")
    );
    // Schemas.
    use sceau::reports::aggregate::Schema;
    for (name, schema) in [
        ("old_draft_from_wiki.xml", Schema::Draft),
        ("rfc9990-sample.xml", Schema::Rfc9990),
        (
            "rfc9990-example.net!example.com!1700000000!1700086399.xml",
            Schema::Rfc9990,
        ),
        (
            "usssa.com!example.com!1538784000!1538870399.xml",
            Schema::Rfc7489,
        ),
    ] {
        let Report::Aggregate(a) = &find(&results, name).reports[0] else {
            panic!()
        };
        assert_eq!(a.schema, Some(schema), "{name}");
    }
    let Report::Aggregate(bis) = &find(
        &results,
        "rfc9990-example.net!example.com!1700000000!1700086399.xml",
    )
    .reports[0] else {
        panic!()
    };
    assert_eq!(bis.policy.np.as_deref(), Some("reject"));
    assert_eq!(bis.policy.testing, Some(true));
    assert_eq!(bis.policy.discovery_method.as_deref(), Some("treewalk"));
    assert_eq!(bis.records[1].reasons[0].kind, "other");
    let Report::Aggregate(sample) = &find(&results, "rfc9990-sample.xml").reports[0] else {
        panic!()
    };
    assert_eq!(
        sample.generator.as_deref(),
        Some("Example DMARC Aggregate Reporter v1.2")
    );
    // Mimecast's gzip has two bytes after its end; ikea's report an unclosed wrapper.
    let mime = find(&results, "mimecast-weird-gzip.eml");
    assert!(mime.findings.contains(&Finding::TrailingBytes { bytes: 2 }));
    let Report::Aggregate(ikea) =
        &find(&results, "ikea.com!example.de!1538690400!1538776800.xml").reports[0]
    else {
        panic!()
    };
    assert!(ikea.findings.contains(&Finding::StrayElement {
        name: "schema".into()
    }));
}

#[test]
fn every_failure_report_is_read() {
    let files = folder("failure");
    assert_eq!(files.len(), 5);
    let results = read(&files);
    // (file, ARF, source IP, reported domain)
    let table = [
        (
            "DMARC Failure Report for domain.de (mail-from=sharepoint@domain.de, ip=10.10.10.10).eml",
            true,
            "10.10.10.10",
            "domain.de",
        ),
        (
            "[Netease DMARC Failure Report] Rent Reminder.eml",
            true,
            "167.89.69.24",
            "cardinal.com",
        ),
        (
            "dmarc_ruf_report_linkedin.crlf.eml",
            true,
            "10.10.10.10",
            "example.com",
        ),
        (
            "dmarc_ruf_report_linkedin.eml",
            true,
            "10.10.10.10",
            "example.com",
        ),
        (
            "exim_plain_text_only_no_arf_part.eml",
            false,
            "203.0.113.68",
            "example.com",
        ),
    ];
    for (name, arf, ip, domain) in table {
        let r = find(&results, name);
        assert_eq!(r.status, FileStatus::Ok, "{name}: {:?}", r.error);
        assert_eq!(r.reports.len(), 1, "{name}");
        let Report::Failure(f) = &r.reports[0] else {
            panic!("{name}: not a failure report")
        };
        assert_eq!(f.arf, arf, "{name}");
        assert_eq!(f.source_ip.as_deref(), Some(ip), "{name}");
        assert_eq!(f.reported_domain.as_deref(), Some(domain), "{name}");
        assert!(f.arrival_date.is_some(), "{name}: arrival date");
        assert!(f.auth_failure.iter().any(|a| a == "dmarc") || name.contains("Netease"));
    }
    let Report::Failure(de) = &results[0].reports[0] else {
        panic!()
    };
    assert_eq!(
        de.original_mail_from.as_deref(),
        Some("sharepoint@domain.de")
    );
    assert_eq!(de.original_rcpt_to, vec!["peter.pan@domain.de".to_string()]);
    let Report::Failure(netease) =
        &find(&results, "[Netease DMARC Failure Report] Rent Reminder.eml").reports[0]
    else {
        panic!()
    };
    assert_eq!(netease.dkim_domain.as_deref(), Some("entrata.com"));
    assert_eq!(netease.delivery_result.as_deref(), Some("delivered"));
    assert_eq!(
        netease.original.as_ref().and_then(|o| o.subject.as_deref()),
        Some("Rent Reminder")
    );
    let Report::Failure(exim) = &find(&results, "exim_plain_text_only_no_arf_part.eml").reports[0]
    else {
        panic!()
    };
    assert_eq!(
        (exim.spf_aligned, exim.dkim_aligned),
        (Some(false), Some(false))
    );
    assert_eq!(
        exim.original.as_ref().and_then(|o| o.subject.as_deref()),
        Some("Payment from your account.")
    );
}

#[test]
fn every_tls_report_is_read() {
    let files = folder("smtp_tls");
    assert_eq!(files.len(), 4);
    let results = read(&files);
    // (file, organisation, policies, successful, failed, failure details)
    let table = [
        ("google.com_smtp_tls_report.eml", "Google Inc.", 1, 48, 0, 0),
        ("mail.ru.json", "Mail.ru", 1, 0, 1, 2),
        ("rfc8460.json", "Company-X", 1, 5326, 303, 3),
        ("smtp_tls.json", "Example Inc.", 1, 0, 3, 2),
    ];
    for (name, org, policies, ok, failed, details) in table {
        let r = find(&results, name);
        assert_eq!(r.status, FileStatus::Ok, "{name}: {:?}", r.error);
        let Report::Tls(t) = &r.reports[0] else {
            panic!("{name}: not a TLS report")
        };
        assert_eq!(t.organization_name, org);
        assert_eq!(t.policies.len(), policies, "{name}");
        let p = &t.policies[0];
        assert_eq!((p.successful, p.failed), (ok, failed), "{name}");
        assert_eq!(p.failure_details.len(), details, "{name}");
        assert!(t.begin.is_some() && t.end > t.begin, "{name}: period");
    }
    let Report::Tls(g) = &find(&results, "google.com_smtp_tls_report.eml").reports[0] else {
        panic!()
    };
    assert_eq!(g.policies[0].policy_type, "no-policy-found");
    assert_eq!(g.policies[0].policy_domain, "cardinalhealth.ca");
}

#[test]
fn the_whole_corpus_in_one_batch() {
    let mut files = folder("aggregate");
    files.extend(folder("failure"));
    files.extend(folder("smtp_tls"));
    assert_eq!(files.len(), 28);
    let results = read(&files);
    let broken: Vec<&str> = results
        .iter()
        .filter(|r| r.status == FileStatus::Error)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(broken, vec!["invalid_xml.xml"]);
    let s = summarize(&results);
    let t = &s.totals;
    assert_eq!((t.files, t.files_with_errors), (28, 1));
    // 18 aggregate reports read; invalid_utf_8.xml repeats the ID of
    // !example.com!1538204542!1538463818.xml (same empty org), so counts once.
    assert_eq!((t.reports, t.duplicates), (17, 1));
    assert_eq!(t.records, 2304);
    assert_eq!(t.messages, 2433);
    // Policy-evaluated DKIM or SPF pass: empty_reason 2, old draft 2, RFC 9990
    // example 5, RFC 9990 sample 123, mimecast 1, twilight 1.
    assert_eq!(t.dmarc_pass, 134);
    assert_eq!(t.alignment.both, 5 + 1 + 1);
    assert_eq!(t.alignment.dkim_only, 2 + 123);
    assert_eq!(t.alignment.spf_only, 2);
    assert_eq!(t.alignment.neither, 2433 - 134);
    assert_eq!((t.failure_reports, t.tls_reports), (5, 4));
    assert_eq!((t.tls_sessions, t.tls_failed_sessions), (5681, 307));
    // The failure and TLS tables: one row per failure report, the latest first; one
    // per TLS policy, whose sessions add up to the totals.
    assert_eq!(s.failures.len(), 5);
    assert!(
        s.failures
            .windows(2)
            .all(|w| w[0].arrival_date >= w[1].arrival_date)
    );
    assert!(s.failures.iter().all(|f| !f.reported_domain.is_empty()));
    let tls_failed: u64 = s.tls.iter().map(|p| p.failed).sum();
    let tls_all: u64 = s.tls.iter().map(|p| p.failed + p.successful).sum();
    assert_eq!((tls_all, tls_failed), (5681, 307));
    // RFC 8460's example (Company-X) has the most failures; its failure details by
    // result type, as in the file.
    assert_eq!(s.tls[0].reporter, "Company-X");
    assert_eq!(
        s.tls[0]
            .result_types
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect::<Vec<_>>(),
        [
            ("certificate-expired", 100),
            ("starttls-not-supported", 200),
            ("validation-failure", 3)
        ]
    );
    // Sources: every message is in exactly one source row.
    assert_eq!(s.sources.iter().map(|x| x.messages).sum::<u64>(), 2433);
    assert_eq!(s.sources[0].ip, "192.0.2.123");
    assert_eq!(s.sources[0].messages, 123);
    // Days: every message is on some day.
    assert_eq!(s.days.iter().map(|d| d.messages).sum::<u64>(), 2433);
    // ikea.com says DKIM fail although its only DKIM result is an aligned pass.
    assert_eq!(s.disagreements.len(), 1);
    assert_eq!(s.disagreements[0].source_ip, "234.234.234.234");
    assert_eq!(s.disagreements[0].method, "dkim");
    // What p=reject would do: addisonfoods' toptierhighticket.club signature is the
    // only unaligned DKIM pass among failing messages.
    assert_eq!(s.what_if.rejected_messages, 2433 - 134);
    assert_eq!(s.what_if.dkim_unaligned_messages, 1);
    assert_eq!(
        s.what_if.dkim_unaligned_sources[0].dkim_domain,
        "toptierhighticket.club"
    );
}

/// The batch's compact table gives back every record exactly as parsed (raw results,
/// reasons, optional elements), report by report, and stores no record twice.
#[test]
fn the_batch_table_gives_back_every_record() {
    let results = read(&folder("aggregate"));
    let batch = sceau::reports::Batch::from_results(results.clone());
    let parsed: Vec<&sceau::reports::AggregateReport> = results
        .iter()
        .flat_map(|f| &f.reports)
        .filter_map(|r| match r {
            Report::Aggregate(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(parsed.len(), batch.aggregates().len());
    let mut duplicates = 0;
    for (a, stored) in parsed.iter().zip(batch.aggregates()) {
        assert_eq!(stored.report.report_id, a.report_id);
        assert_eq!(
            (stored.records, stored.messages),
            (a.records.len(), a.messages())
        );
        let back: Vec<_> = batch.records(stored).map(|r| r.to_record()).collect();
        if stored.duplicate {
            duplicates += 1;
            assert!(back.is_empty(), "a duplicate's records are not stored");
        } else {
            assert_eq!(back, a.records, "{}", a.report_id);
        }
    }
    assert_eq!(duplicates, 1);
    // Some records carry several results and reasons: the round trip covers them.
    assert!(
        parsed
            .iter()
            .flat_map(|a| &a.records)
            .any(|r| r.dkim_results.len() + r.spf_results.len() > 1)
    );
    assert!(
        parsed
            .iter()
            .flat_map(|a| &a.records)
            .any(|r| !r.reasons.is_empty())
    );
}
