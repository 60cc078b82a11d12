//! Header block parsing, then every field through the parsers that read it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::headers::{address, auth_results, date, raw, received};

fuzz_target!(|data: &[u8]| {
    let msg = raw::parse(data);
    for f in &msg.fields {
        let v = f.value();
        let _ = f.raw_value();
        match f.name.to_ascii_lowercase().as_str() {
            "received" => {
                let _ = received::parse(&v);
            }
            "authentication-results" | "arc-authentication-results" => {
                let _ = auth_results::parse(&v);
            }
            "received-spf" => {
                let _ = auth_results::parse_received_spf(&v);
            }
            "date" => {
                let _ = date::parse(&v);
            }
            "list-unsubscribe" => {
                let _ = address::parse_list_unsubscribe(&v, Some("List-Unsubscribe=One-Click"));
            }
            "message-id" | "references" | "in-reply-to" => {
                let _ = address::parse_message_ids(&v);
            }
            _ => {
                let _ = address::parse_address_list(&v);
                let _ = address::decode_words(&v);
            }
        }
    }
    // Whatever the field names, the value parsers must hold on any text.
    let text = String::from_utf8_lossy(data);
    let _ = received::parse(&text);
    let _ = auth_results::parse(&text);
});
