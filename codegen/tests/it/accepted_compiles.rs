//! The invariant of PRODUCT §9: if wiregen accepts a schema, its output compiles. A seeded
//! generator writes random valid schemas with the shapes real protocols use (unions of objects
//! with overlapping members, tags, cycles, maps, literal members, nullable and optional
//! members, shared members beside `oneOf`) and odd names (keywords, prelude names, names of
//! items wiregen adds, names that mangle alike); every accepted one goes into one scratch crate
//! that must build under `deny(warnings, missing_docs)`.
//!
//! CI runs a small batch (`WIREGEN_ACCEPTED_SCHEMAS`, default 40); a large batch is the same
//! test with a larger number (the closing note of the session that added it has the figures).

use crate::repo_root;
use std::fmt::Write as _;
use std::process::Command;

/// A small deterministic generator (xorshift64*), so a failing seed can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Names a protocol may use: plain ones, Rust keywords and prelude names, items wiregen adds
/// itself, and spellings that mangle to the same Rust name.
const NAMES: &[&str] = &[
    "Message",
    "Result",
    "Option",
    "Box",
    "Vec",
    "String",
    "Err",
    "Ok",
    "Self",
    "type",
    "match",
    "Methods",
    "ClientRequest",
    "ServerNotification",
    "ResultType",
    "Unknown",
    "Other",
    "Value",
    "Handler",
    "user_id",
    "userId",
    "UserID",
    "a-b",
    "a_b",
    "Tag",
    "tag_message",
    "Default",
    "Params",
    "Error",
    "Request",
    "Response",
    "Notification",
    "Event",
    "Item",
    "Map",
];

/// Member names (wire keys).
const KEYS: &[&str] = &[
    "id", "type", "kind", "method", "params", "result", "error", "data", "value", "self", "userId",
    "user_id", "_meta", "ref", "1st", "content", "tag", "extra", "r#x", "key",
];

/// One random schema for a type (`depth` bounds nesting; `defs` are the definitions' names).
fn ty(rng: &mut Rng, defs: &[String], depth: usize) -> String {
    let leaf = depth == 0 || rng.chance(45);
    if leaf {
        return match rng.below(9) {
            0 => r#"{"type": "string"}"#.into(),
            1 => r#"{"type": "integer"}"#.into(),
            2 => r#"{"type": "number"}"#.into(),
            3 => r#"{"type": "boolean"}"#.into(),
            4 => "{}".into(),
            5 => format!(r#"{{"const": "{}"}}"#, rng.pick(KEYS)),
            6 => r#"{"enum": ["ok", "err", "Self", "a-b", "a_b2"]}"#.into(),
            _ => format!(r##"{{"$ref": "#/$defs/{}"}}"##, defs[rng.below(defs.len())]),
        };
    }
    match rng.below(7) {
        0 => format!(
            r#"{{"type": "array", "items": {}}}"#,
            ty(rng, defs, depth - 1)
        ),
        1 => format!(
            r#"{{"type": "object", "additionalProperties": {}}}"#,
            ty(rng, defs, depth - 1)
        ),
        2 => format!(
            r#"{{"anyOf": [{}, {{"type": "null"}}]}}"#,
            ty(rng, defs, depth - 1)
        ),
        3 => object(rng, defs, depth - 1, None),
        4 => union(rng, defs, depth - 1),
        5 => r#"{"type": ["string", "number", "null"]}"#.to_string(),
        _ => format!(
            r#"{{"oneOf": [{}, {}]}}"#,
            ty(rng, defs, depth - 1),
            ty(rng, defs, depth - 1)
        ),
    }
}

/// An object with random members; `tag` adds a required constant member first.
fn object(rng: &mut Rng, defs: &[String], depth: usize, tag: Option<(&str, String)>) -> String {
    let mut props = Vec::new();
    let mut required = Vec::new();
    if let Some((key, value)) = &tag {
        props.push(format!(r#""{key}": {{"const": "{value}"}}"#));
        required.push(format!(r#""{key}""#));
    }
    for _ in 0..rng.below(5) {
        let key = rng.pick(KEYS);
        if props.iter().any(|p| p.starts_with(&format!("\"{key}\""))) {
            continue;
        }
        props.push(format!(r#""{key}": {}"#, ty(rng, defs, depth)));
        if rng.chance(50) {
            required.push(format!(r#""{key}""#));
        }
    }
    let extra = match rng.below(4) {
        0 => r#", "additionalProperties": true"#,
        1 => r#", "additionalProperties": false"#,
        _ => "",
    };
    format!(
        r#"{{"type": "object", "properties": {{{}}}, "required": [{}]{extra}}}"#,
        props.join(", "),
        required.join(", ")
    )
}

/// A union: tagged (distinct constants under one key), or untagged objects with overlapping
/// members, sometimes with shared members beside the alternatives.
fn union(rng: &mut Rng, defs: &[String], depth: usize) -> String {
    let n = 2 + rng.below(3);
    let keyword = rng.pick(&["oneOf", "anyOf"]);
    let tag = rng.pick(&["type", "kind", "method", "op"]);
    let tagged = rng.chance(60);
    let members: Vec<String> = (0..n)
        .map(|i| {
            let t = tagged.then(|| (tag, format!("{}{i}", rng.pick(KEYS))));
            object(rng, defs, depth, t)
        })
        .collect();
    let shared = if rng.chance(25) {
        r#""type": "object", "properties": {"shared": {"type": "string"}}, "#
    } else {
        ""
    };
    format!(r#"{{{shared}"{keyword}": [{}]}}"#, members.join(", "))
}

/// A whole random schema document.
fn schema(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    if std::env::var_os("WIREGEN_ACCEPTED_TRACE").is_some() {
        eprintln!("schema {seed}");
    }
    let mut defs: Vec<String> = Vec::new();
    for _ in 0..2 + rng.below(5) {
        let name = rng.pick(NAMES).to_string();
        if !defs.contains(&name) {
            defs.push(name);
        }
    }
    let bodies: Vec<String> = defs
        .iter()
        .map(|d| {
            let body = match rng.below(3) {
                0 => union(&mut rng, &defs, 2),
                1 => object(&mut rng, &defs, 2, None),
                _ => ty(&mut rng, &defs, 3),
            };
            format!(r#""{d}": {body}"#)
        })
        .collect();
    format!(r#"{{"$defs": {{{}}}}}"#, bodies.join(",\n"))
}

#[test]
fn every_accepted_random_schema_compiles() {
    let count: u64 = std::env::var("WIREGEN_ACCEPTED_SCHEMAS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(40);
    let root = repo_root();
    let krate = root.join("target/wiregen-accepted-check");
    let src = krate.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"wiregen-accepted-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nwiregen-runtime = {{ path = {:?} }}\n\n[workspace]\n",
            root.join("runtime").display().to_string()
        ),
    )
    .unwrap();
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(krate.join("Cargo.lock"), lock).unwrap();
    }
    let mut lib = String::from("//! Accepted random schemas.\n#![deny(missing_docs, warnings)]\n");
    let (mut accepted, mut refused) = (0, 0);
    for seed in 0..count {
        let text = schema(seed);
        if std::env::var_os("WIREGEN_ACCEPTED_TRACE").is_some() {
            eprintln!("seed {seed}");
        }
        let path = std::path::Path::new("random.json");
        let out = std::panic::catch_unwind(|| {
            wiregen::generate_str(path, &text, &wiregen::RustOptions::default())
        })
        .unwrap_or_else(|_| panic!("seed {seed} panicked:\n{text}"));
        match out {
            Ok(out) => {
                accepted += 1;
                std::fs::write(src.join(format!("s{seed}.rs")), &out.code).unwrap();
                std::fs::write(src.join(format!("s{seed}.json")), &text).unwrap();
                writeln!(lib, "/// Seed {seed}.\npub mod s{seed};").unwrap();
            }
            Err(_) => refused += 1,
        }
    }
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    eprintln!("accepted {accepted} of {count} random schemas ({refused} refused)");
    assert!(
        accepted * 2 >= count,
        "most random valid schemas must be accepted: {accepted}/{count}"
    );
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", krate.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo build");
    assert!(
        out.status.success(),
        "accepted schemas whose output does not compile (schemas beside each module in {}):\n{}",
        src.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes the schema of `WIREGEN_ACCEPTED_DUMP=<seed>` to standard output (to replay a seed).
#[test]
fn dump_a_seed_when_asked() {
    if let Some(seed) = std::env::var("WIREGEN_ACCEPTED_DUMP")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        println!("{}", schema(seed));
    }
}

/// Prints why random schemas are refused, grouped (`WIREGEN_ACCEPTED_WHY=<count>`).
#[test]
fn refusal_reasons_when_asked() {
    let Some(count) = std::env::var("WIREGEN_ACCEPTED_WHY")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    else {
        return;
    };
    let mut why = std::collections::BTreeMap::<String, usize>::new();
    for seed in 0..count {
        let text = schema(seed);
        if let Err(d) = wiregen::generate_str(
            std::path::Path::new("r.json"),
            &text,
            &wiregen::RustOptions::default(),
        ) {
            for d in d.iter().filter(|d| d.severity == wiregen::Severity::Error) {
                let key: String = d
                    .message
                    .split('`')
                    .enumerate()
                    .map(|(i, p)| if i % 2 == 1 { "_" } else { p })
                    .collect();
                *why.entry(key).or_default() += 1;
            }
        }
    }
    for (k, n) in why {
        println!("{n:5} {k}");
    }
}
