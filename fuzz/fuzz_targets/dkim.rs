//! DKIM-Signature tag lists and signatures, key records and the key lint.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::dkim::{finding, record, signature};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = signature::tag_list(&text);
    let _ = signature::lenient_tag(&text, "d");
    let _ = signature::parse(&text);
    let _ = record::parse(&text);
    let _ = record::rsa_bits(data);
    let _ = finding::lint_key("fuzz", &text);
});
