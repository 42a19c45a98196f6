//! Runs typify's `TypeSpace` on JSON Schema files and prints what it generates.
//!
//! Usage: typify-gap [--time N] SCHEMA.json...
//!
//! For each file, one section: `===== <path>` then the generated Rust
//! (formatted with prettyplease), or `ERROR: <typify error>`, or
//! `PANIC: <message>` when typify panics. With `--time N`, the whole
//! typify run (parse schema, add_root_schema, to_stream) is repeated N
//! times per file and the wall times and their median are printed instead
//! of the code.

use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use typify::{TypeSpace, TypeSpaceSettings};

enum Outcome {
    Code(String),
    Error(String),
}

/// One typify run: `$defs`/`definitions` and a titled root go through
/// `add_root_schema` (schemars' `RootSchema` reads `$defs` as an alias of
/// `definitions`).
fn generate(text: &str) -> Outcome {
    let root: schemars::schema::RootSchema = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(e) => return Outcome::Error(format!("schema does not parse as a schemars RootSchema: {e}")),
    };
    let mut space = TypeSpace::new(&TypeSpaceSettings::default());
    if let Err(e) = space.add_root_schema(root) {
        return Outcome::Error(format!("typify: {e}"));
    }
    let tokens = space.to_stream();
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => Outcome::Code(prettyplease::unparse(&file)),
        Err(e) => Outcome::Error(format!("typify output does not parse as Rust ({e}); raw tokens:\n{tokens}")),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    }
}

fn run_guarded(text: &str) -> Result<Outcome, String> {
    panic::catch_unwind(AssertUnwindSafe(|| generate(text))).map_err(|p| panic_message(&*p))
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat: Option<usize> = None;
    if args.first().map(String::as_str) == Some("--time") {
        let n = args.get(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| {
            eprintln!("--time needs a count");
            std::process::exit(2)
        });
        repeat = Some(n);
        args.drain(..2);
    }
    if args.is_empty() {
        eprintln!("usage: typify-gap [--time N] SCHEMA.json...");
        std::process::exit(2);
    }
    // Keep panics quiet on stderr: they are reported in the section instead.
    panic::set_hook(Box::new(|_| {}));

    let mut failures = 0;
    for path in &args {
        println!("===== {path}");
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                println!("ERROR: cannot read: {e}\n");
                failures += 1;
                continue;
            }
        };
        if let Some(n) = repeat {
            let mut times: Vec<Duration> = Vec::with_capacity(n);
            for _ in 0..n {
                let start = Instant::now();
                let outcome = run_guarded(&text);
                times.push(start.elapsed());
                if !matches!(outcome, Ok(Outcome::Code(_))) {
                    println!("(run did not produce code)");
                }
            }
            let list: Vec<String> = times.iter().map(|t| format!("{:.2?}", t)).collect();
            let mut sorted = times.clone();
            sorted.sort();
            println!("runs: {}", list.join(" "));
            println!("median: {:.2?}\n", sorted[sorted.len() / 2]);
            continue;
        }
        match run_guarded(&text) {
            Ok(Outcome::Code(code)) => println!("{code}"),
            Ok(Outcome::Error(e)) => {
                failures += 1;
                println!("ERROR: {e}\n");
            }
            Err(msg) => {
                failures += 1;
                println!("PANIC: {msg}\n");
            }
        }
    }
    eprintln!("{} file(s), {} without generated code", args.len(), failures);
}
