//! Benchmark: verifying a typical signed message natively (`cargo bench --bench
//! dkim_verify`, no network, no extra dependency).
//!
//! The message has the usual pair of signatures, one RSA-2048 (`rsa-sha256`) and one
//! Ed25519 (`ed25519-sha256`), both `c=relaxed/relaxed` over ten header fields, and a
//! body of about 10 KB of text, all generated deterministically. The RSA key is the
//! throw-away fixture `benches/fixtures/rsa2048-throwaway.pem`; the Ed25519 key comes
//! from a fixed seed. Keys are answered from an in-memory zone, as `--dns-zone` does.
//!
//! Each timed iteration parses the raw message and verifies every signature (body
//! canonicalisation and hash, header selection and hash, key record parsing, the
//! public-key operation), which is what checking one message costs. Median and 95th
//! percentile per message are printed, with the single-signature variants for
//! comparison. Benches build with the release profile (`opt-level = "z"`, LTO).

use std::hint::black_box;
use std::time::{Duration, Instant};

use sceau::dkim::{DkimStatus, verify_message};
use sceau::dns::zone::ZoneSource;
use sceau::headers::raw;

mod typical;
use typical::NOW;

const ITERATIONS: usize = 2000;
const WARM_UP: usize = 100;

fn verify_once(message: &[u8], zone: &ZoneSource) -> Vec<DkimStatus> {
    let msg = raw::parse(message);
    futures::executor::block_on(verify_message(&msg, zone, NOW))
        .into_iter()
        .map(|r| r.result)
        .collect()
}

struct Stats {
    median: Duration,
    p95: Duration,
    min: Duration,
    mean: Duration,
}

fn measure(message: &[u8], zone: &ZoneSource, signatures: usize) -> Stats {
    let results = verify_once(message, zone);
    assert_eq!(
        results,
        vec![DkimStatus::Pass; signatures],
        "the bench message must verify"
    );
    for _ in 0..WARM_UP {
        black_box(verify_once(black_box(message), zone));
    }
    let mut times: Vec<Duration> = (0..ITERATIONS)
        .map(|_| {
            let start = Instant::now();
            black_box(verify_once(black_box(message), zone));
            start.elapsed()
        })
        .collect();
    times.sort();
    let total: Duration = times.iter().sum();
    Stats {
        median: times[times.len() / 2],
        p95: times[(times.len() * 95).div_ceil(100) - 1],
        min: times[0],
        mean: total / times.len() as u32,
    }
}

fn us(d: Duration) -> String {
    format!("{:>8.1} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once, quickly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (both, rsa_only, ed_only, zone, body_len) = typical::messages();

    if quick {
        assert_eq!(verify_once(both.as_bytes(), &zone), [DkimStatus::Pass; 2]);
        println!("dkim_verify: message verifies (run `cargo bench --bench dkim_verify` to time)");
        return;
    }
    println!(
        "dkim_verify: {ITERATIONS} iterations after {WARM_UP} warm-up, message {} bytes (body {body_len} bytes)",
        both.len()
    );
    println!(
        "{:<34} {:>11} {:>11} {:>11} {:>11}",
        "case", "median", "p95", "min", "mean"
    );
    for (name, message, n) in [
        ("RSA-2048 + Ed25519 (typical)", &both, 2),
        ("RSA-2048 only", &rsa_only, 1),
        ("Ed25519 only", &ed_only, 1),
    ] {
        let s = measure(message.as_bytes(), &zone, n);
        println!(
            "{name:<34} {} {} {} {}",
            us(s.median),
            us(s.p95),
            us(s.min),
            us(s.mean)
        );
    }
}
