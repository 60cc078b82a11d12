//! DMARC record parsing, report URIs, the Public Suffix List and the tree walk.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::dmarc::{discovery, psl, record};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut findings = Vec::new();
    let _ = record::is_dmarc(&text);
    let _ = record::parse("example.com", &text, &mut findings);
    let _ = record::report_domain(&text);
    let _ = psl::public_suffix(&text);
    let _ = psl::organizational_domain(&text);
    let _ = discovery::walk_names(&text);
});
