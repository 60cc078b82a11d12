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
            st.waiting.remove(&id);
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

#[test]
fn message_fixtures() {
    let zone = ZoneSource::from_master_file(
        &std::fs::read_to_string(format!("{MESSAGES}/dns.zone")).unwrap(),
    )
    .unwrap();
    let mut names: Vec<_> = std::fs::read_dir(MESSAGES)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "eml").then_some(p)
        })
        .collect();
    names.sort();
    for p in names {
        let waves = message_waves(&std::fs::read(&p).unwrap(), &zone);
        println!(
            "{}: {} waves, {} lookups\n{}",
            p.file_stem().unwrap().to_string_lossy(),
            waves.len(),
            waves.iter().map(Vec::len).sum::<usize>(),
            show(&waves)
        );
    }
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

#[test]
fn constructed_message() {
    let (msg, zone) = constructed();
    let waves = message_waves(msg.as_bytes(), &zone);
    println!(
        "constructed: {} waves, {} lookups\n{}",
        waves.len(),
        waves.iter().map(Vec::len).sum::<usize>(),
        show(&waves)
    );
}
