//! Report files: the first byte picks the file name (XML, gzip, zip, message, TLS JSON),
//! the rest is the content. Limits are small so that a bomb stays cheap. What the file
//! gives goes into a batch, twice (the second copy is a duplicate), and through every
//! view of it: the summary, the page's capped JSON, the records CSV and a drill-down.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::reports::filter::{Filter, records_of};
use sceau::reports::summary::records_csv;
use sceau::reports::{Batch, Limits, PageCaps, page_json, read_file};

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
    let result = read_file(NAMES[usize::from(pick) % NAMES.len()], bytes, &limits);
    let batch = Batch::from_results([result.clone(), result]);
    let summary = batch.summary();
    let ip = summary.sources.first().map(|s| s.ip.clone()).unwrap_or_default();
    let _ = page_json(
        &batch,
        &Filter::default(),
        summary,
        &PageCaps::default(),
        sceau::i18n::Lang::Fr,
    );
    let _ = records_csv(&batch);
    let _ = records_of(&batch, &ip);
});
