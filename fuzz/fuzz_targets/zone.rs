//! RFC 1035 master files (the CLI's --dns-zone).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sceau::dns::RecordType;
use sceau::dns::zone::ZoneSource;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(zone) = ZoneSource::from_master_file(&text) {
        let names: Vec<String> = zone.names().take(8).map(str::to_string).collect();
        for n in names {
            for t in RecordType::ALL {
                let _ = zone.resolve(&n, t);
            }
        }
    }
});
