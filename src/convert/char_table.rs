//! Which characters one OpenCC configuration changes, as a bit per code point: the tables
//! script and region detection reads ([`super::detect`]), built once per configuration and
//! data and cached as files.

use opencc_rust::OpenCC;

/// The first and last code points of a [`CharTable`]: CJK Unified Ideographs Extension A
/// and the main block (U+3400–U+9FFF), which hold every character OpenCC's `t2s`, `tw2t`
/// and `hk2t` character dictionaries change in practice.
const TABLE_CHARS: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// Which characters of [`TABLE_CHARS`] one configuration changes when each is converted
/// alone (OpenCC's character dictionaries, without phrases): one bit per code point.
/// Built once per configuration and OpenCC data, then cached as a file.
pub(super) struct CharTable(pub(super) Vec<u64>);

impl CharTable {
    pub(super) const WORDS: usize = (0x9FFF - 0x3400 + 1usize).div_ceil(64);

    /// Converts every character of the range, each on a line of its own.
    pub(super) fn build(cc: &OpenCC) -> CharTable {
        let chars: Vec<char> = TABLE_CHARS.filter_map(char::from_u32).collect();
        let lines: String = chars.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = cc.convert(&lines);
        let mut bits = vec![0u64; Self::WORDS];
        for (line, &c) in converted.split('\n').zip(&chars) {
            if line.chars().ne([c]) {
                let i = (c as u32 - TABLE_CHARS.start()) as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        CharTable(bits)
    }

    /// Reads a table written by [`CharTable::to_bytes`]; `None` when the size is wrong.
    pub(super) fn from_bytes(bytes: &[u8]) -> Option<CharTable> {
        (bytes.len() == Self::WORDS * 8).then(|| {
            CharTable(
                bytes
                    .chunks_exact(8)
                    .map(|w| u64::from_le_bytes(w.try_into().unwrap_or_default()))
                    .collect(),
            )
        })
    }

    /// The table as little-endian 64-bit words.
    pub(super) fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// Whether the configuration changes `c`; `false` outside [`TABLE_CHARS`].
    pub(super) fn changes(&self, c: char) -> bool {
        let u = c as u32;
        if !TABLE_CHARS.contains(&u) {
            return false;
        }
        let i = (u - TABLE_CHARS.start()) as usize;
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}
