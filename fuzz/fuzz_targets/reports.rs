//! Report files: the first byte picks the file name (XML, gzip, zip, message, TLS JSON),
//! the rest is the content. Limits are small so that a bomb stays cheap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::reports::{Limits, read_file};

const NAMES: [&str; 6] = [
    "report.xml",
    "report.xml.gz",
    "report.zip",
    "report.eml",
    "tls.json",
    "unknown.bin",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let limits = Limits {
        max_expanded: 8 * 1024 * 1024,
        max_member: 4 * 1024 * 1024,
        max_members: 50,
        max_depth: 5,
    };
    let _ = read_file(NAMES[usize::from(pick) % NAMES.len()], bytes, &limits);
});
