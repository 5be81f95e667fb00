//! Script conversion through OpenCC (the system library, via opencc-rust 1.1), with OpenCC
//! 1.4.2's data rewritten for it.
//!
//! - Conversion always starts from the original article, never from an earlier conversion:
//!   OpenCC's mappings are many-to-one (發/髮 → 发), so converting back does not restore the
//!   original.
//! - The OpenCC configuration follows from the source (script and region, detected from the
//!   text) and the target ([`Config::for_source`]); a configuration that would run in the
//!   wrong direction is never chosen.
//! - Every configuration is built from OpenCC's own configs (the vendored 1.4.2 ones, else
//!   the system's: [`Converters::data_status`]), with the reader's corrections and the
//!   user's own dictionaries placed in front of OpenCC's dictionaries ([`Corrections`]).
//! - [`Converters`] builds each configuration once and shares it between threads.
//!
//! One job a file:
//!
//! | file | what it holds |
//! |---|---|
//! | `script.rs` | [`Script`]: the scripts a reader shows, their names, the toggle and cycle keys |
//! | `config.rs` | [`Config`]: which OpenCC config turns a source script into a target |
//! | `error.rs` | [`ConvertError`], and the one-line warnings on standard error |
//! | `data.rs` | the data version: OpenCC's vendored data ([`UPSTREAM_VERSION`]) rewritten for libopencc 1.1 |
//! | `data_source.rs` | [`DataSource`]: vendored data or an OpenCC data directory ([`data_dir`]) |
//! | `corrections.rs` | [`Corrections`]: the reader's correction files and the user's dictionaries |
//! | `config_json.rs` | [`build_config_json`]: a configuration's JSON, corrections in front |
//! | `files.rs` | the cache directory and scratch files OpenCC reads configs from |
//! | `open.rs` | building one converter (cache, fall back to the system's data) |
//! | `converters.rs` | [`Converters`]: the converter cache; one string, large texts on all cores |
//! | `batch.rs` | many strings in one OpenCC call |
//! | `names.rs` | people's names found and cut into surname and given name ([`Names`]) |
//! | `char_table.rs` | which characters a config changes (a bit per code point), for detection |
//! | `layers.rs` | the name layers applied: names and place names converted apart |
//! | `places.rs` | the place-name layer: China's division names converted as names |
//! | `detect.rs` | detection of script and region |
//! | `article.rs` | article conversion (paragraphs once, then each profile's labels, figures, quotes) |
//!
//! The correction families themselves are generated into `assets/opencc/corrections_*.txt` by
//! `tools/gen_corrections.py`, which records each family's source and rule.

mod article;
mod batch;
mod char_table;
mod config;
mod config_json;
mod converters;
mod corrections;
mod data;
mod data_source;
mod detect;
mod error;
mod files;
mod layers;
mod names;
mod open;
mod places;
mod script;

pub use article::{BATCH_BYTES, TEXT_BATCH_BYTES, outline};
pub use config::Config;
pub use config_json::{BuiltConfig, build_config_json};
pub use converters::{Converters, PARALLEL_BYTES, split_at_lines};
pub use corrections::{
    CORRECTIONS_S2T, CORRECTIONS_S2TW, CORRECTIONS_T2S, CORRECTIONS_TW2T, Corrections,
};
pub use data::{
    UPSTREAM_TESTCASES, UPSTREAM_VERSION, flatten_group, merge_dictionaries, rewrite_config,
    strip_dictionary,
};
pub use data_source::{DataSource, OPENCC_DATA_DIRS, data_dir};
pub use detect::{DETECT_BYTES, SCRIPT_CJK_CHARS, region_words};
pub use error::ConvertError;
pub use names::{
    NAMES_BYTES, Names, SURNAMES_S2T, find_names, name_parts, surname_form, surname_s2t,
};
pub use places::{has_places, place_count, place_form, place_pieces};
pub use script::{Script, Traditional, script_name};
