//! Prints the LAC tagger's words and tags for each argument, one line per argument:
//! `cargo run --release --example tokens -- "农科院研究员某某说"` →
//! `农科院/Org 研究员/N 某某/Per 说/V`. For reading why a name was or was not a candidate.
fn main() {
    let tagger = qunxiang::analysis::tagger::Tagger::get();
    for text in std::env::args().skip(1) {
        let chars: Vec<char> = text.chars().collect();
        let words: Vec<String> = tagger
            .tag(&text)
            .iter()
            .map(|t| {
                let w: String = chars[t.start..t.end].iter().collect();
                format!("{w}/{:?}", t.tag)
            })
            .collect();
        println!("{}", words.join(" "));
    }
}
