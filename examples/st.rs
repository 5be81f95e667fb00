fn main() {
    let ps: Vec<String> = std::env::args().skip(1).collect();
    for s in qunxiang::article::stats::find_stats(&ps) {
        println!("{} @{}", s.text, s.offset);
    }
}
