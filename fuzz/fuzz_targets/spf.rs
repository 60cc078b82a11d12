//! SPF record parsing and macro expansion (check_host and explanation contexts).
#![no_main]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use libfuzzer_sys::fuzz_target;
use sceau::spf::{macros, record};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = record::is_spf(&text);
    let _ = record::parse(&text);
    let _ = record::valid_macro_string(&text, true);
    for ip in [
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 3)),
        IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xcb01)),
    ] {
        let ctx = macros::MacroContext {
            sender: "strong-bad@email.example.com",
            domain: "email.example.com",
            ip,
            helo: "mx.example.org",
            validated: Some("mx.example.org"),
            receiver: "receiver.example.net",
            now: 1_700_000_000,
        };
        let _ = macros::expand(&text, &ctx, false);
        let _ = macros::expand(&text, &ctx, true);
        let _ = macros::uses_p(&text);
    }
    let _ = macros::truncate_domain(&text);
});
