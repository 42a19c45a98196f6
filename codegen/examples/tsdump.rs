fn main() {
    let args: Vec<String> = std::env::args().collect();
    let p = std::path::Path::new(&args[1]);
    match wiregen::frontend::load(p) {
        Ok(m) => { for d in m.warnings.iter() { eprintln!("{d}"); } print!("{}", wiregen::dump::dump(&m)) },
        Err(e) => eprintln!("{e}"),
    }
}
