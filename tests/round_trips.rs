//! Sequential DNS round trips (issue 8, performance budgets): the number of DoH round
//! trips one after the other that a verdict costs must be no more than the longest
//! dependency chain of its lookups.
//!
//! [`Gate`] answers from a zone, but every lookup stays pending until the test lets it
//! through. [`run_in_waves`] polls the analysis until it stalls, answers every lookup
//! then pending at once (one round trip), and repeats: the number of waves is the
//! number of sequential round trips a resolver with a constant latency would cost.
//! No network, no timer: the count is exact and the same on every run.
//!
//! `cargo test --test round_trips -- --nocapture` prints the table of every case.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use sceau::dns::zone::ZoneSource;
use sceau::dns::{DnsLookup, DnsResult, RecordType};

/// A zone whose answers wait for [`Gate::release`].
struct Gate {
    zone: ZoneSource,
    state: RefCell<GateState>,
}

#[derive(Default)]
struct GateState {
    next: u64,
    /// Lookups asked and not yet answered, by id.
    waiting: BTreeMap<u64, (String, RecordType, Waker)>,
    /// Answers released and not yet taken.
    released: BTreeMap<u64, DnsResult>,
    /// Lookups dropped while waiting: sent, never answered (a DoH client logs a query
    /// when its answer comes, so these would be missing from the "DNS queries" panel).
    abandoned: usize,
}

impl Gate {
    fn new(zone: ZoneSource) -> Self {
        Gate {
            zone,
            state: RefCell::default(),
        }
    }

    /// Answers every waiting lookup; returns them (name, type), in the order asked.
    fn release(&self) -> Vec<(String, RecordType)> {
        let waiting = std::mem::take(&mut self.state.borrow_mut().waiting);
        let mut wave = Vec::new();
        for (id, (name, rtype, waker)) in waiting {
            let answer = self.zone.resolve(&name, rtype);
            self.state.borrow_mut().released.insert(id, answer);
            wave.push((name, rtype));
            waker.wake();
        }
        wave
    }
}

struct GateLookup<'g> {
    gate: &'g Gate,
    name: String,
    rtype: RecordType,
    id: Option<u64>,
}

impl Future for GateLookup<'_> {
    type Output = DnsResult;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<DnsResult> {
        let mut st = self.gate.state.borrow_mut();
        match self.id {
            None => {
                let id = st.next;
                st.next += 1;
                st.waiting
                    .insert(id, (self.name.clone(), self.rtype, cx.waker().clone()));
                drop(st);
                self.id = Some(id);
                Poll::Pending
            }
            Some(id) => {
                if let Some(answer) = st.released.remove(&id) {
                    drop(st);
                    self.id = None;
                    return Poll::Ready(answer);
                }
                if let Some(w) = st.waiting.get_mut(&id) {
                    w.2 = cx.waker().clone();
                }
                Poll::Pending
            }
        }
    }
}

impl Drop for GateLookup<'_> {
    /// A lookup given up before its answer leaves the wave it was in.
    fn drop(&mut self) {
        if let Some(id) = self.id {
            let mut st = self.gate.state.borrow_mut();
            if st.waiting.remove(&id).is_some() {
                st.abandoned += 1;
            }
            st.released.remove(&id);
        }
    }
}

impl DnsLookup for Gate {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        GateLookup {
            gate: self,
            name: name.to_string(),
            rtype,
            id: None,
        }
    }
}

/// The top-level waker: records that something asked to be polled again.
struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs `fut` to completion against `gate`: polls until it stalls (nothing woke it),
/// releases every waiting lookup as one wave, and again. Returns the output and the
/// waves, each the lookups answered together.
fn run_in_waves<F: Future>(gate: &Gate, fut: F) -> (F::Output, Vec<Vec<(String, RecordType)>>) {
    let flag = Arc::new(Flag(AtomicBool::new(false)));
    let waker = Waker::from(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(fut);
    let mut waves = Vec::new();
    loop {
        loop {
            flag.0.store(false, Ordering::SeqCst);
            if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
                return (out, waves);
            }
            if !flag.0.load(Ordering::SeqCst) {
                break;
            }
        }
        let wave = gate.release();
        assert!(!wave.is_empty(), "stalled with no lookup waiting");
        waves.push(wave);
    }
}

#[test]
fn the_gate_counts_sequential_and_concurrent_lookups() {
    let mut zone = ZoneSource::new();
    zone.insert_txt("a.example", "one");
    zone.insert_txt("b.example", "two");
    let gate = Gate::new(zone);
    // One after the other: two round trips.
    let ((a, b), waves) = run_in_waves(&gate, async {
        let a = gate.lookup("a.example", RecordType::Txt).await;
        let b = gate.lookup("b.example", RecordType::Txt).await;
        (a, b)
    });
    assert_eq!(waves.len(), 2);
    assert_eq!(a.unwrap().txt(), ["one"]);
    assert_eq!(b.unwrap().txt(), ["two"]);
    // Together: one.
    let ((a, b), waves) = run_in_waves(
        &gate,
        futures::future::join(
            gate.lookup("a.example", RecordType::Txt),
            gate.lookup("nope.example", RecordType::Txt),
        ),
    );
    assert_eq!(waves.len(), 1);
    assert_eq!(waves[0].len(), 2);
    assert!(a.is_ok() && b.unwrap_err().is_nxdomain());
    // Many together, through a combinator that relies on wake-ups (FuturesOrdered).
    let names: Vec<String> = (0..100).map(|i| format!("n{i}.example")).collect();
    let (all, waves) = run_in_waves(
        &gate,
        futures::future::join_all(names.iter().map(|n| gate.lookup(n, RecordType::A))),
    );
    assert_eq!((all.len(), waves.len(), waves[0].len()), (100, 1, 100));
    // A lookup dropped before its answer is not waited for.
    let (_, waves) = run_in_waves(&gate, async {
        let slow = gate.lookup("a.example", RecordType::Txt);
        let fast = std::future::ready(1);
        futures::future::select(pin!(slow), pin!(fast)).await;
    });
    assert!(waves.is_empty());
    assert_eq!(gate.state.borrow().abandoned, 1);
}

const MESSAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/messages");
/// The clock of the golden tests (tests/message_golden.rs).
const NOW: u64 = 1_718_100_000;

/// Re-checks `eml` against `zone` in waves; the result must be the one the same zone
/// gives when it answers at once.
fn message_waves(eml: &[u8], zone: &ZoneSource) -> Vec<Vec<(String, RecordType)>> {
    let (report, raw) = sceau::analysis::message::parse(eml).expect("a message");
    let gate = Gate::new(zone.clone());
    let (gated, waves) = run_in_waves(
        &gate,
        sceau::analysis::recheck::recheck(&report, &raw, &gate, NOW),
    );
    let direct =
        futures::executor::block_on(sceau::analysis::recheck::recheck(&report, &raw, zone, NOW));
    assert_eq!(gated, direct, "answers in waves changed the result");
    assert_eq!(
        gate.state.borrow().abandoned,
        0,
        "a query was left unanswered"
    );
    waves
}

fn show(waves: &[Vec<(String, RecordType)>]) -> String {
    waves
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let w: Vec<String> = w.iter().map(|(n, t)| format!("{t} {n}")).collect();
            format!("  {}: {}", i + 1, w.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An RSA key of the fixture zone (RFC 8463's "test" key); the constructed message's
/// signatures do not verify with it, but every key is fetched all the same.
const KEY: &str = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

/// A newsletter sent by an email service provider for a subdomain, then forwarded twice:
/// three DKIM signatures of three domains (one key missing), two ARC sets, SPF with
/// nested includes, `a` and `mx`, and a DMARC record inherited from the organisational
/// domain that sends reports to another domain.
fn constructed() -> (String, ZoneSource) {
    let zone = format!(
        r#"$TTL 300
bounces.shop.example.com.   TXT "v=spf1 a:relay.shop.example.com include:_spf.esp.example.net mx -all"
relay.shop.example.com.     A   192.0.2.1
_spf.esp.example.net.       TXT "v=spf1 include:_netblocks.esp.example.net -all"
_netblocks.esp.example.net. TXT "v=spf1 ip4:198.51.100.0/28 ip6:2001:db8:e5b::/48 -all"
bounces.shop.example.com.   MX  10 mx1.shop.example.com.
bounces.shop.example.com.   MX  20 mx2.shop.example.com.
mx1.shop.example.com.       A   192.0.2.25
mx2.shop.example.com.       A   203.0.113.77
s1._domainkey.news.shop.example.com. TXT "{KEY}"
k2._domainkey.esp.example.net.       TXT "{KEY}"
arc1._domainkey.fwd.example.org.     TXT "{KEY}"
arc2._domainkey.relay.example.net.   TXT "{KEY}"
_dmarc.example.com.         TXT "v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@reports.example.net"
example.com._report._dmarc.reports.example.net. TXT "v=DMARC1"
news.shop.example.com.      A   192.0.2.80
"#
    );
    let b = "b=dGhpcyBpcyBub3QgYSBzaWduYXR1cmUgYXQgYWxs";
    let bh = "bh=2jmj7l5rSw0yVb/vlWAYkK/YBwk=";
    let message = format!(
        "Received: from mx2.shop.example.com (mx2.shop.example.com [203.0.113.77])\r
\tby mx.receiver.test with ESMTPS id 1; Mon, 10 Jun 2024 09:00:05 +0000\r
Received-SPF: pass client-ip=203.0.113.77;\r
ARC-Seal: i=2; a=rsa-sha256; t=1718010004; cv=pass; d=relay.example.net; s=arc2; {b}\r
ARC-Message-Signature: i=2; a=rsa-sha256; c=relaxed/relaxed; d=relay.example.net; s=arc2;\r
\th=from:to:subject:date; {bh}; {b}\r
ARC-Authentication-Results: i=2; relay.example.net; dkim=pass header.d=news.shop.example.com\r
ARC-Seal: i=1; a=rsa-sha256; t=1718010002; cv=none; d=fwd.example.org; s=arc1; {b}\r
ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=fwd.example.org; s=arc1;\r
\th=from:to:subject:date; {bh}; {b}\r
ARC-Authentication-Results: i=1; fwd.example.org; dkim=pass header.d=news.shop.example.com\r
Return-Path: <bounce-4711@bounces.shop.example.com>\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=gone;\r
\th=from:to:subject:date; {bh}; {b}\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=esp.example.net; s=k2;\r
\th=from:to:subject:date; {bh}; {b}\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=news.shop.example.com; s=s1;\r
\th=from:to:subject:date; {bh}; {b}\r
From: Shop news <news@news.shop.example.com>\r
To: reader@fwd.example.org\r
Subject: This week's offers\r
Date: Mon, 10 Jun 2024 09:00:00 +0000\r
Message-ID: <offers-24@news.shop.example.com>\r
\r
Hello.\r
"
    );
    (message, ZoneSource::from_master_file(&zone).unwrap())
}

const DOMAINS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/domain/findings.zone"
);

/// Checks `domain` against `zone` in waves; the report must be the one the same zone
/// gives when it answers at once.
fn domain_waves(domain: &str, zone: &ZoneSource) -> Vec<Vec<(String, RecordType)>> {
    let gate = Gate::new(zone.clone());
    let (gated, waves) = run_in_waves(&gate, sceau::domain::check::check(&gate, domain, &[]));
    let direct = futures::executor::block_on(sceau::domain::check::check(zone, domain, &[]));
    assert_eq!(
        serde_json::to_value(&gated).unwrap(),
        serde_json::to_value(&direct).unwrap(),
        "answers in waves changed the report"
    );
    assert_eq!(
        gate.state.borrow().abandoned,
        0,
        "a query was left unanswered"
    );
    waves
}

/// One measured case: its longest dependency chain, stated by hand, and the waves.
struct Measured {
    case: String,
    chain: usize,
    why: &'static str,
    waves: Vec<Vec<(String, RecordType)>>,
}

/// Prints the table, then asserts every case within its chain (all cases are printed
/// before the first failure is reported).
fn report(title: &str, cases: &[Measured]) {
    println!("{title}\n| case | chain | waves | lookups | chain by hand |");
    println!("|---|---:|---:|---:|---|");
    for m in cases {
        println!(
            "| {} | {} | {} | {} | {} |",
            m.case,
            m.chain,
            m.waves.len(),
            m.waves.iter().map(Vec::len).sum::<usize>(),
            m.why
        );
    }
    for m in cases {
        assert!(
            m.waves.len() <= m.chain,
            "{}: {} sequential round trips for a chain of {} ({}):\n{}",
            m.case,
            m.waves.len(),
            m.chain,
            m.why,
            show(&m.waves)
        );
    }
}

/// The longest chain of each message fixture. Every message needs, at the same time:
/// its DKIM and ARC keys (1), SPF (its record, then a term's query, then an include's
/// terms…), and DMARC discovery (every tree-walk name at once: 1), then, for a record
/// inherited from a parent, the From domain's A record (`np=` or `sp=`) and, for
/// reports sent to another domain, its consent record (2).
const FIXTURE_CHAINS: &[(&str, usize, &str)] = &[
    ("amazon-ses", 1, SIGNED),
    ("bounce", 2, "SPF TXT → a; DMARC inherited → A"),
    ("clock-skew", 1, OWN),
    ("exchange-onprem", 2, INHERITED),
    ("exim", 3, "SPF TXT → mx MX → A"),
    ("exim-dual-signed", 1, SIGNED),
    ("exim-dual-signed-tampered", 1, SIGNED),
    ("forwarded", 1, SIGNED),
    ("gmail-from-postfix", 1, OWN),
    ("gmail-to-gmail", 1, SIGNED),
    ("headers-only", 1, SIGNED),
    ("icloud", 1, OWN),
    ("long-queue", 2, INHERITED),
    ("mailing-list", 1, "DKIM and ARC keys, SPF TXT, DMARC walk"),
    ("mandrill", 1, "SPF TXT, DMARC walk (finds nothing)"),
    ("no-date-no-message-id", 1, OWN),
    ("outlook-inbound", 2, INHERITED),
    ("outlook-spoof", 1, OWN),
    ("paste-gmail-indented", 1, SIGNED),
    ("paste-gmail-lf-only", 1, SIGNED),
    ("paste-gmail-show-original", 1, SIGNED),
    ("paste-gmail-trailing-spaces", 1, SIGNED),
    ("phishing", 1, "SPF TXT, DMARC walk (finds nothing)"),
    ("proton", 2, "SPF TXT → a; DMARC inherited → A"),
    ("qmail", 1, OWN),
    ("sendgrid", 2, "SPF TXT → include TXT"),
    ("sendmail", 2, "SPF TXT → a; DMARC inherited → A"),
    ("several-from", 1, OWN),
    ("spamassassin", 2, INHERITED),
    ("unparsable-received", 1, OWN),
    ("yahoo", 2, INHERITED),
];
/// SPF with no query past the record, DMARC published at the From domain.
const OWN: &str = "SPF TXT, DMARC walk";
/// The same, and DKIM keys.
const SIGNED: &str = "DKIM keys, SPF TXT, DMARC walk";
/// A DMARC record inherited from a parent: `np=` or `sp=` depends on the From domain's A.
const INHERITED: &str = "SPF TXT; DMARC walk → A (inherited record)";

#[test]
fn messages_take_no_more_round_trips_than_their_longest_chain() {
    let zone = ZoneSource::from_master_file(
        &std::fs::read_to_string(format!("{MESSAGES}/dns.zone")).unwrap(),
    )
    .unwrap();
    let mut fixtures: Vec<String> = std::fs::read_dir(MESSAGES)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "eml").then(|| p.file_stem().unwrap().to_string_lossy().into())
        })
        .collect();
    fixtures.sort();
    let mut listed: Vec<String> = FIXTURE_CHAINS.iter().map(|(n, ..)| n.to_string()).collect();
    listed.sort();
    assert_eq!(fixtures, listed, "every fixture has its chain stated here");
    let mut cases: Vec<Measured> = FIXTURE_CHAINS
        .iter()
        .map(|&(name, chain, why)| Measured {
            case: name.to_string(),
            chain,
            why,
            waves: message_waves(
                &std::fs::read(format!("{MESSAGES}/{name}.eml")).unwrap(),
                &zone,
            ),
        })
        .collect();
    let (msg, zone) = constructed();
    cases.push(Measured {
        case: "constructed".into(),
        chain: 3,
        why: "SPF TXT → include TXT → include TXT, and TXT → mx MX → A; \
              DMARC walk → consent and A; 3 DKIM keys, 2 ARC sets' keys: 1",
        waves: message_waves(msg.as_bytes(), &zone),
    });
    report("Message re-check", &cases);
}

#[test]
fn domain_checks_take_no_more_round_trips_than_their_longest_chain() {
    let zone = ZoneSource::from_master_file(&std::fs::read_to_string(DOMAINS).unwrap()).unwrap();
    // Every check also asks, at once, MX, MTA-STS, TLS-RPT, BIMI, the DKIM selectors and
    // the DMARC walk; the MX hosts' AAAA records need the MX answer (2).
    let table: &[(&str, usize, &str)] = &[
        ("good.example", 2, "MX → AAAA"),
        ("open.example", 2, "MX → AAAA"),
        ("neutral.example", 2, "SPF TXT → a (×3); MX → AAAA"),
        ("noall.example", 2, "SPF TXT → include TXT"),
        ("many.example", 2, "SPF TXT → include TXT (×11)"),
        ("dmarcbad.example", 2, "DMARC walk → consent"),
    ];
    let mut cases: Vec<Measured> = table
        .iter()
        .map(|&(name, chain, why)| Measured {
            case: name.to_string(),
            chain,
            why,
            waves: domain_waves(name, &zone),
        })
        .collect();
    let (_, zone) = constructed();
    cases.push(Measured {
        case: "bounces.shop.example.com (constructed)".into(),
        chain: 3,
        why: "SPF TXT → include TXT → include TXT, and TXT → mx MX; MX → AAAA; DMARC walk",
        waves: domain_waves("bounces.shop.example.com", &zone),
    });
    report("Domain check", &cases);
}

/// SPF for `ip` and `someone@<domain>` against `zone`, in waves; the outcome must be the
/// one the same zone gives when it answers at once.
fn spf_waves(
    zone: &ZoneSource,
    ip: &str,
    domain: &str,
) -> (
    sceau::spf::evaluate::SpfOutcome,
    Vec<Vec<(String, RecordType)>>,
) {
    let mail_from = format!("someone@{domain}");
    let req = sceau::spf::evaluate::SpfRequest {
        ip: ip.parse().unwrap(),
        mail_from: &mail_from,
        helo: "client.example.net",
        receiver: "unknown",
        now: NOW,
    };
    let gate = Gate::new(zone.clone());
    let (gated, waves) = run_in_waves(&gate, sceau::spf::evaluate::check_host(&gate, &req));
    let direct = futures::executor::block_on(sceau::spf::evaluate::check_host(zone, &req));
    assert_eq!(gated, direct, "answers in waves changed the result");
    assert_eq!(
        gate.state.borrow().abandoned,
        0,
        "a query was left unanswered"
    );
    (direct, waves)
}

#[test]
fn spf_takes_no_more_round_trips_than_its_longest_chain() {
    let zone = ZoneSource::from_master_file(
        r#"
example.test.          TXT "v=spf1 mx:mail.example.test a:relay.example.test redirect=_spf.example.test"
mail.example.test.     MX  10 mx1.example.test.
mx1.example.test.      A   192.0.2.1
relay.example.test.    A   192.0.2.2
_spf.example.test.     TXT "v=spf1 include:_inc.example.test -all exp=why.%{d}"
_inc.example.test.     TXT "v=spf1 ip4:192.0.2.128/25 -all"
why._spf.example.test. TXT "%{i} is not one of %{d}'s senders"
first.example.test.    TXT "v=spf1 ip4:203.0.113.9 include:_inc.example.test mx -all"
early.example.test.    TXT "v=spf1 include:_inc.example.test include:_spf.example.test -all"
"#,
    )
    .unwrap();
    let mut cases = Vec::new();

    let (out, waves) = spf_waves(&zone, "203.0.113.9", "example.test");
    assert_eq!(
        (out.result.as_str(), out.lookups, out.explanation.as_deref()),
        (
            "fail",
            4,
            Some("203.0.113.9 is not one of _spf.example.test's senders")
        )
    );
    cases.push(Measured {
        case: "redirect, include and exp (fail)".into(),
        chain: 3,
        why: "TXT → mx MX → A; TXT → redirect TXT → include TXT, exp TXT",
        waves,
    });

    // The verdict is known from the record alone: nothing else is asked.
    let (out, waves) = spf_waves(&zone, "203.0.113.9", "first.example.test");
    assert_eq!((out.result.as_str(), out.lookups), ("pass", 0));
    assert_eq!(
        waves.iter().map(Vec::len).sum::<usize>(),
        1,
        "{}",
        show(&waves)
    );
    cases.push(Measured {
        case: "ip4 matches before include and mx (pass)".into(),
        chain: 1,
        why: "TXT",
        waves,
    });

    let (out, waves) = spf_waves(&zone, "192.0.2.200", "early.example.test");
    assert_eq!((out.result.as_str(), out.lookups), ("pass", 1));
    cases.push(Measured {
        case: "first include matches (pass)".into(),
        chain: 2,
        why: "TXT → include TXT",
        waves,
    });
    report("SPF", &cases);
}
