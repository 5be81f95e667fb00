fn main() {
    let c = qunxiang::Converters::new();
    let l = qunxiang::load(&qunxiang::Input::Bundled, &c).unwrap();
    println!("{}", serde_json::to_string_pretty(&l.article).unwrap());
}
