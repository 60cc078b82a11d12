//! Browser benchmark (it times; it asserts only that the message verifies). Run by
//! `bench/browser.sh` under wasm-bindgen-test-runner in headless Chromium: the typical
//! message of the native DKIM benchmark (RSA-2048 + Ed25519, 10 KB body), DKIM alone,
//! then the whole analysis (parse, DKIM, ARC, SPF, DMARC) with DNS answered from memory,
//! so the figures are Sceau's own work, DNS excluded. Natively this file is empty.
#![cfg(target_arch = "wasm32")]

use sceau::analysis::message;
use sceau::analysis::recheck::recheck;
use sceau::dkim::{DkimStatus, verify_message};
use sceau::headers::raw;
use wasm_bindgen_test::*;

#[path = "../benches/typical/mod.rs"]
mod typical;
use typical::NOW;

wasm_bindgen_test_configure!(run_in_browser);

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
    let (typical, _, _, zone, _) = typical::messages();
    let message = typical.as_bytes();
    let rounds = 200;
    let mut dkim = Vec::new();
    for _ in 0..rounds {
        let t0 = now_ms();
        let results = verify_message(&raw::parse(message), &zone, NOW).await;
        dkim.push(now_ms() - t0);
        assert!(results.iter().all(|r| r.result == DkimStatus::Pass));
    }
    let (mut parse, mut check, mut total) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t0 = now_ms();
        let (report, raw) = message::parse(message).expect("message");
        let t1 = now_ms();
        let r = recheck(&report, &raw, &zone, NOW).await;
        let t2 = now_ms();
        assert_eq!(r.dkim.len(), 2);
        parse.push(t1 - t0);
        check.push(t2 - t1);
        total.push(t2 - t0);
    }
    let (dm, dp) = stats(dkim);
    let (pm, pp) = stats(parse);
    let (cm, cp) = stats(check);
    let (tm, tp) = stats(total);
    web_sys::console::log_1(
        &format!(
            "browser-bench: {} bytes, {rounds} rounds; DKIM (RSA-2048 + Ed25519) median {dm:.2} ms p95 {dp:.2} ms; \
             parse median {pm:.2} ms p95 {pp:.2} ms; \
             re-check (DKIM, ARC, SPF, DMARC; DNS in memory) median {cm:.2} ms p95 {cp:.2} ms; \
             total median {tm:.2} ms p95 {tp:.2} ms",
            message.len()
        )
        .into(),
    );
}
