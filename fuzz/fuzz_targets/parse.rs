//! Fuzz target: arbitrary bytes through decoding, format sniffing, HTML and JSON reading and
//! cleaning, without the analysis (the tagger keeps `load` under a run a second): the
//! structure of hostile input (nesting, marks, bad bytes) at about 100 runs a second. Run
//! with `make fuzz FUZZ_TARGET=parse` (see README.md).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use qunxiang::{Converters, LoadOptions};

fuzz_target!(|data: &[u8]| {
    static C: OnceLock<Converters> = OnceLock::new();
    let c = C.get_or_init(Converters::new);
    let options = LoadOptions {
        defer_analysis: true,
        ..LoadOptions::default()
    };
    for ext in [None, Some("html"), Some("json")] {
        let _ = qunxiang::load_bytes(data, "fuzz".into(), ext, options, c);
    }
});
