//! Fuzz target: arbitrary bytes through decoding, format sniffing, HTML/JSON reading and
//! extraction. Run with `make fuzz` (see README.md).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qunxiang::{Converters, LoadOptions};

fuzz_target!(|data: &[u8]| {
    static C: OnceLock<Converters> = OnceLock::new();
    let c = C.get_or_init(Converters::new);
    for ext in [None, Some("html"), Some("json")] {
        let _ = qunxiang::load_bytes(data, "fuzz".into(), ext, LoadOptions::default(), c);
    }
});
