//! Writes a deterministic compilation of profile articles to standard output, for
//! benchmarks and trials on large input:
//!
//!     cargo run --release --example compilation -- 10000000 simplified > big.txt
//!
//! Arguments: size in bytes (default 1000000), script (original, simplified, traditional,
//! taiwan, hongkong; default original). Built from `tests/fixtures/*.txt`.

use std::io::Write;

use clap::ValueEnum;
use qunxiang::{Converters, Script};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let size: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let script = args
        .next()
        .and_then(|s| Script::from_str(&s, true).ok())
        .unwrap_or(Script::Original);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = qunxiang::testing::compilation(&dir, size, script, &Converters::new())?;
    std::io::stdout().lock().write_all(text.as_bytes())
}
