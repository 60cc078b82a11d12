//! Browser benchmark (not a test: it asserts nothing). Run by `bench/browser.sh` under
//! wasm-bindgen-test-runner in headless Chromium: parsing a typical signed message and
//! re-checking DKIM (RSA + Ed25519), ARC, SPF and DMARC with DNS answered from memory,
//! so the figures are Sceau's own work, DNS excluded. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use sceau::analysis::message;
use sceau::analysis::recheck::recheck;
use sceau::dns::zone::ZoneSource;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MESSAGE: &[u8] = include_bytes!("fixtures/messages/exim-dual-signed.eml");
const ZONE: &str = include_str!("fixtures/messages/dns.zone");
const NOW: u64 = 1_718_100_000;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn stats(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(|a, b| a.total_cmp(b));
    (v[v.len() / 2], v[(v.len() * 95 / 100).min(v.len() - 1)])
}

#[wasm_bindgen_test]
async fn message_analysis() {
    let zone = ZoneSource::from_master_file(ZONE).expect("zone");
    let rounds = 200;
    let (mut parse, mut check, mut total) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t0 = now_ms();
        let (report, raw) = message::parse(MESSAGE).expect("message");
        let t1 = now_ms();
        let r = recheck(&report, &raw, &zone, NOW).await;
        let t2 = now_ms();
        assert_eq!(r.dkim.len(), 2);
        parse.push(t1 - t0);
        check.push(t2 - t1);
        total.push(t2 - t0);
    }
    let (pm, pp) = stats(parse);
    let (cm, cp) = stats(check);
    let (tm, tp) = stats(total);
    web_sys::console::log_1(
        &format!(
            "browser-bench: {} bytes, {rounds} rounds; parse median {pm:.2} ms p95 {pp:.2} ms; \
             re-check (DKIM RSA+Ed25519, ARC, SPF, DMARC; DNS in memory) median {cm:.2} ms p95 {cp:.2} ms; \
             total median {tm:.2} ms p95 {tp:.2} ms",
            MESSAGE.len()
        )
        .into(),
    );
}
