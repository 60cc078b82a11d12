//! DMARC evaluation cases (RFC 7489, RFC 9989): alignment strict and relaxed, the
//! policy tag that applies (p, sp, np), pct and t=y, tree walk against the Public
//! Suffix List, several records, invalid tags, DNS failures. One table, one zone.

use futures::executor::block_on;
use sceau::dmarc::evaluate::{DmarcInput, Identifier, evaluate};
use sceau::dmarc::record::Policy;
use sceau::dns::zone::ZoneSource;
use sceau::dns::{DnsError, RecordType};
use sceau::findings::Finding as _;
use sceau::verdict::AuthResult;

struct Case {
    name: &'static str,
    from: &'static [&'static str],
    dkim: &'static [(&'static str, &'static str)],
    spf: Option<(&'static str, &'static str)>,
    result: &'static str,
    tag: Option<&'static str>,
    disposition: &'static str,
    aligned: (bool, bool),
    codes: &'static [&'static str],
}

const fn case(name: &'static str, from: &'static [&'static str]) -> Case {
    Case {
        name,
        from,
        dkim: &[],
        spf: None,
        result: "fail",
        tag: Some("p"),
        disposition: "none",
        aligned: (false, false),
        codes: &[],
    }
}

fn zone() -> ZoneSource {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/dmarc/cases.zone"
    );
    let text = std::fs::read_to_string(path).expect("zone fixture");
    let mut z = ZoneSource::from_master_file(&text).expect("valid zone");
    z.set_error("_dmarc.servfail.test", RecordType::Txt, DnsError::ServFail);
    z
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            dkim: &[("example.com", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("dkim strict-equal", &["example.com"])
        },
        Case {
            dkim: &[("mail.example.com", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("dkim relaxed subdomain", &["example.com"])
        },
        Case {
            spf: Some(("bounce.example.com", "pass")),
            result: "pass",
            aligned: (false, true),
            ..case("spf relaxed subdomain", &["example.com"])
        },
        Case {
            dkim: &[("esp.example.net", "pass")],
            spf: Some(("bounce.esp.example.net", "pass")),
            disposition: "reject",
            codes: &["dmarc_pass_not_aligned"],
            ..case("third-party pass, not aligned", &["example.com"])
        },
        Case {
            dkim: &[("example.com", "fail")],
            spf: Some(("example.com", "softfail")),
            disposition: "reject",
            ..case("aligned but failing", &["example.com"])
        },
        Case {
            disposition: "reject",
            ..case("nothing authenticated", &["example.com"])
        },
        Case {
            dkim: &[("mail.example.net", "pass")],
            disposition: "quarantine",
            codes: &["dmarc_pass_not_aligned"],
            ..case("adkim=s rejects a subdomain", &["example.net"])
        },
        Case {
            dkim: &[("example.net", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("adkim=s exact domain", &["example.net"])
        },
        Case {
            spf: Some(("bounce.example.net", "pass")),
            disposition: "quarantine",
            codes: &["dmarc_pass_not_aligned"],
            ..case("aspf=s rejects a subdomain", &["example.net"])
        },
        Case {
            spf: Some(("example.net", "pass")),
            result: "pass",
            aligned: (false, true),
            ..case("aspf=s exact domain", &["example.net"])
        },
        Case {
            disposition: "none",
            ..case("p=none monitors only", &["example.org"])
        },
        Case {
            tag: Some("sp"),
            disposition: "reject",
            codes: &["dmarc_inherited"],
            ..case("subdomain inherits p as sp", &["sub.example.com"])
        },
        Case {
            tag: Some("sp"),
            disposition: "quarantine",
            ..case("sp= for an existing subdomain", &["news.sp.test"])
        },
        Case {
            disposition: "reject",
            ..case("p= at the domain itself", &["sp.test"])
        },
        Case {
            tag: Some("np"),
            disposition: "quarantine",
            codes: &["dmarc_from_domain_does_not_exist"],
            ..case("np= for a non-existent subdomain", &["ghost.np.test"])
        },
        Case {
            tag: Some("sp"),
            disposition: "none",
            ..case("sp=none for an existing subdomain", &["www.np.test"])
        },
        Case {
            disposition: "reject",
            codes: &["dmarc_removed_tag", "dmarc_partial_pct"],
            ..case("pct=20 samples the policy", &["pct.test"])
        },
        Case {
            dkim: &[("pct.test", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("pct does not touch passing mail", &["pct.test"])
        },
        Case {
            disposition: "quarantine",
            codes: &["dmarc_testing"],
            ..case("t=y softens reject", &["t.test"])
        },
        Case {
            disposition: "none",
            codes: &["dmarc_testing"],
            ..case("t=y softens quarantine", &["tq.test"])
        },
        Case {
            result: "none",
            tag: None,
            codes: &["dmarc_no_record"],
            ..case("no record", &["none.test"])
        },
        Case {
            result: "none",
            tag: None,
            codes: &["dmarc_several_records", "dmarc_no_record"],
            ..case("several records count as none", &["dup.test"])
        },
        Case {
            dkim: &[("bad.test", "pass")],
            result: "pass",
            aligned: (true, false),
            codes: &["dmarc_unknown_tag", "dmarc_invalid_value"],
            ..case("invalid tags are linted, record still used", &["bad.test"])
        },
        Case {
            result: "none",
            tag: None,
            codes: &["dmarc_no_from_domain"],
            ..case("no From", &[])
        },
        Case {
            dkim: &[("example.com", "pass")],
            result: "pass",
            aligned: (true, false),
            codes: &["dmarc_several_from_domains"],
            ..case(
                "several From domains: the first",
                &["example.com", "example.org"],
            )
        },
        Case {
            result: "temperror",
            tag: None,
            codes: &["dmarc_dns_failed"],
            ..case("DNS failure", &["servfail.test"])
        },
        Case {
            dkim: &[("other.co.uk", "pass")],
            disposition: "reject",
            tag: Some("sp"),
            codes: &["dmarc_pass_not_aligned"],
            ..case(
                "a public suffix is no organisation",
                &["shop.example.co.uk"],
            )
        },
        Case {
            dkim: &[("mail.example.co.uk", "pass")],
            result: "pass",
            tag: Some("sp"),
            aligned: (true, false),
            ..case("relaxed under a two-label suffix", &["shop.example.co.uk"])
        },
        Case {
            dkim: &[("bigcorp.test", "pass")],
            result: "pass",
            tag: Some("sp"),
            aligned: (true, false),
            codes: &["dmarc_org_domains_differ"],
            ..case(
                "psd=n: the tree walk and the list disagree",
                &["mail.dept.bigcorp.test"],
            )
        },
        Case {
            tag: Some("sp"),
            disposition: "reject",
            codes: &["dmarc_discovery_disagrees", "dmarc_inherited"],
            ..case(
                "a public suffix operator's policy (psd=y)",
                &["brand.psdzone"],
            )
        },
        Case {
            dkim: &[("Example.COM.", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("case and trailing dot", &["EXAMPLE.com"])
        },
        Case {
            dkim: &[("example.com", "temperror")],
            spf: Some(("example.com", "pass")),
            result: "pass",
            aligned: (false, true),
            ..case("DKIM temperror, SPF aligned", &["example.com"])
        },
        Case {
            dkim: &[("esp.example.net", "pass"), ("example.com", "fail")],
            disposition: "reject",
            codes: &["dmarc_pass_not_aligned"],
            ..case("one passes unaligned, one aligned fails", &["example.com"])
        },
        Case {
            dkim: &[("esp.example.net", "pass"), ("example.com", "pass")],
            result: "pass",
            aligned: (true, false),
            ..case("any aligned pass is enough", &["example.com"])
        },
        Case {
            disposition: "none",
            codes: &["dmarc_missing_policy"],
            ..case("no p= counts as none", &["nop.test"])
        },
    ]
}

#[test]
fn dmarc_cases() {
    let z = zone();
    let table = cases();
    assert!(table.len() >= 30);
    for c in &table {
        let id = |(d, r): &(&str, &str)| Identifier {
            domain: d.to_string(),
            result: AuthResult::parse(r).unwrap(),
        };
        let input = DmarcInput {
            from_domains: c.from.iter().map(|s| s.to_string()).collect(),
            dkim: c.dkim.iter().map(id).collect(),
            spf: c.spf.as_ref().map(id),
        };
        let e = block_on(evaluate(&z, &input));
        let n = c.name;
        assert_eq!(e.result.as_str(), c.result, "{n}: result");
        assert_eq!(e.policy_tag, c.tag, "{n}: policy tag");
        assert_eq!(e.disposition.as_str(), c.disposition, "{n}: disposition");
        assert_eq!(
            (e.alignment.dkim.aligned, e.alignment.spf.aligned),
            c.aligned,
            "{n}: alignment"
        );
        let codes: Vec<&str> = e
            .findings
            .iter()
            .map(|f| f.code())
            .chain(e.record.findings.iter().map(|f| f.code()))
            .collect();
        for code in c.codes {
            assert!(codes.contains(code), "{n}: {code} missing from {codes:?}");
        }
    }
}

#[test]
fn sampling_and_testing_are_reported() {
    let z = zone();
    let fail = |from: &str| {
        block_on(evaluate(
            &z,
            &DmarcInput {
                from_domains: vec![from.into()],
                ..DmarcInput::default()
            },
        ))
    };
    let pct = fail("pct.test");
    let s = pct.sampling.expect("pct=20 samples");
    assert_eq!((s.pct, s.otherwise), (20, Policy::Quarantine));
    assert!(fail("t.test").testing);
    let tree = fail("mail.dept.bigcorp.test");
    assert_eq!(tree.org_domain.as_deref(), Some("bigcorp.test"));
    assert_eq!(
        tree.org_domain_tree_walk.as_deref(),
        Some("dept.bigcorp.test")
    );
    let psd = fail("brand.psdzone");
    assert_eq!(psd.org_domain_tree_walk.as_deref(), Some("brand.psdzone"));
    assert_eq!(psd.record.discovery.name.as_deref(), Some("_dmarc.psdzone"));
    assert_eq!(psd.record.discovery.rfc7489.name, None);
}
