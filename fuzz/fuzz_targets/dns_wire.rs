//! DNS wire-format responses (RFC 1035), as a DoH server might send them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::dns::RecordType;
use sceau::dns::doh::wire;

fuzz_target!(|data: &[u8]| {
    for rtype in RecordType::ALL {
        let _ = wire::decode_response(data, "example.com", rtype);
    }
    // A response to the real query for that name, with the fuzzed tail.
    if let Ok(mut q) = wire::encode_query("example.com", RecordType::Txt) {
        q.extend_from_slice(data);
        let _ = wire::decode_response(&q, "example.com", RecordType::Txt);
    }
});
