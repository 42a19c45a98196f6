//! The structure-aware fuzz harness: mutates the fixtures and `schemas/` the way an attacker
//! or a fuzzer would (reference cycles through `allOf`/`oneOf`, self-referencing utility and
//! indexed types, deep nesting, empty enums, refused files, doc text with code) and runs the
//! whole pipeline (load → classify → check → emit) on each input. An input fails the run
//! when it panics or takes longer than [`BUDGET`].
//!
//! CI runs a short batch per frontend. The long campaign (BENCHMARKS.md):
//!
//! ```text
//! WIREGEN_FUZZ_ITERS=1000000 nice -n 19 cargo test --release -p wiregen --test it fuzz -- --nocapture --test-threads 1
//! ```
//!
//! `WIREGEN_FUZZ_SEED` picks another seed; failing inputs are written to
//! `target/wiregen-fuzz/` and printed.

use crate::fixtures;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest one input may take.
const BUDGET: Duration = Duration::from_secs(2);

/// SplitMix64: small, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn iterations() -> usize {
    std::env::var("WIREGEN_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

fn seed() -> u64 {
    std::env::var("WIREGEN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1111)
}

fn files_with(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_with(&p, ext, out);
        } else if p.to_string_lossy().ends_with(ext)
            && !p.to_string_lossy().ends_with("manifest.json")
        {
            out.push(p);
        }
    }
}

fn corpus(ext: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let kind = if ext == ".json" { "jsonschema" } else { "ts" };
    files_with(&fixtures(kind), ext, &mut paths);
    files_with(&fixtures("errors"), ext, &mut paths);
    files_with(&crate::repo_root().join("schemas"), ext, &mut paths);
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A corpus entry; large ones (the seed protocols) are picked about a quarter as often, so
/// the campaign spends its time on many small inputs rather than a few large ones.
fn pick_sized<'a, T>(rng: &mut Rng, items: &'a [(T, usize)]) -> &'a T {
    let first = rng.pick(items);
    if first.1 > 8 * 1024 && !rng.chance(25) {
        return &rng.pick(items).0;
    }
    &first.0
}

fn sized(texts: Vec<String>) -> Vec<(String, usize)> {
    texts
        .into_iter()
        .map(|t| {
            let n = t.len();
            (t, n)
        })
        .collect()
}

/// What a campaign found.
#[derive(Default)]
struct Report {
    executions: usize,
    generated: usize,
    failures: Vec<(String, String)>,
    slowest: Duration,
}

/// Runs every input through the pipeline on a worker thread (8 MiB stack, like a build
/// script's main thread); an input that panics or exceeds [`BUDGET`] is a failure (a hung
/// worker is abandoned and a new one started).
fn campaign(name: &str, path: PathBuf, mut next: impl FnMut() -> String) -> Report {
    type Job = (String, mpsc::Sender<Result<bool, String>>);
    let spawn = |path: PathBuf| {
        let (tx, rx) = mpsc::channel::<Job>();
        let (tid_tx, tid_rx) = mpsc::channel();
        std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || {
                let _ = tid_tx.send(std::fs::read_link("/proc/thread-self").ok());
                for (text, reply) in rx {
                    let r = std::panic::catch_unwind(|| {
                        let options = wiregen::RustOptions {
                            strict: text.len() % 2 == 0,
                            ..Default::default()
                        };
                        // Every diagnostic also goes through the three renderers (the CLI's
                        // snippets, JSON, build-script lines): none may panic on odd spans.
                        let render = |all: &wiregen::Diagnostics| {
                            for d in all.iter() {
                                let _ = wiregen::render::human(d, all, text.len() % 3 == 0);
                                let _ = wiregen::render::json(d);
                                let _ = wiregen::render::cargo_directive(d);
                            }
                        };
                        match wiregen::generate_str(&path, &text, &options) {
                            Ok(out) => {
                                render(&out.warnings);
                                true
                            }
                            Err(all) => {
                                render(&all);
                                false
                            }
                        }
                    })
                    .map_err(|e| {
                        e.downcast_ref::<String>()
                            .cloned()
                            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default()
                    });
                    let _ = reply.send(r);
                }
            })
            .expect("worker thread");
        (tx, tid_rx.recv().ok().flatten())
    };
    let (mut worker, mut tid) = spawn(path.clone());
    let mut report = Report::default();
    let n = iterations();
    let start = Instant::now();
    for _ in 0..n {
        let text = next();
        let (reply, answer) = mpsc::channel();
        if worker.send((text.clone(), reply)).is_err() {
            (worker, tid) = spawn(path.clone());
            continue;
        }
        let began = Instant::now();
        let cpu0 = tid.as_deref().and_then(thread_cpu);
        // The budget is the worker's CPU time where the system tells it (a loaded machine
        // must not turn a slow scheduler into a "hang"), else wall-clock time.
        let task = tid.clone();
        let spent = || match (cpu0, task.as_deref().and_then(thread_cpu)) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => began.elapsed(),
        };
        report.executions += 1;
        let outcome = loop {
            match answer.recv_timeout(Duration::from_millis(250)) {
                Ok(r) => break Some(r),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    break Some(Err("worker died".into()));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if spent() > BUDGET || began.elapsed() > 60 * BUDGET {
                        break None;
                    }
                }
            }
        };
        match outcome {
            Some(Ok(ok)) => report.generated += usize::from(ok),
            Some(Err(panic)) => report.failures.push((format!("panic: {panic}"), text)),
            None => {
                report.failures.push(("hang".into(), text));
                (worker, tid) = spawn(path.clone());
            }
        }
        report.slowest = report.slowest.max(spent());
        if report.failures.len() >= 5 {
            break;
        }
    }
    let failures = report.failures.len();
    eprintln!(
        "fuzz {name}: {} executions in {:.1?} ({} generated code), {failures} failures, slowest input {:.1?} (CPU)",
        report.executions,
        start.elapsed(),
        report.generated,
        report.slowest
    );
    let dir = crate::repo_root().join("target/wiregen-fuzz");
    for (i, (what, text)) in report.failures.iter().enumerate() {
        let _ = std::fs::create_dir_all(&dir);
        let file = dir.join(format!("{name}-{i}.txt"));
        let _ = std::fs::write(&file, text);
        eprintln!("  {what}: input saved to {}", file.display());
    }
    report
}

/// The CPU time (user + system) of a thread, from `/proc/<pid>/task/<tid>/stat` (Linux).
fn thread_cpu(task: &Path) -> Option<Duration> {
    let stat = std::fs::read_to_string(Path::new("/proc").join(task).join("stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel reports clock ticks (USER_HZ), 100 a second on Linux.
    Some(Duration::from_millis(ticks * 10))
}

// ---- JSON Schema ----------------------------------------------------------------------

use serde_json::{Value, json};

/// Every node of `v` as a JSON pointer-like path of steps.
fn paths(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    if out.len() > 4000 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                at.push(Step::Key(k.clone()));
                paths(c, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                at.push(Step::Index(i));
                paths(c, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut cur = v;
    for s in path {
        cur = match (s, cur) {
            (Step::Key(k), Value::Object(m)) => m.get_mut(k)?,
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn node<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    let mut cur = v;
    for s in path {
        cur = match (s, cur) {
            (Step::Key(k), Value::Object(m)) => m.get(k)?,
            (Step::Index(i), Value::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn pointer(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

/// A schema fragment meant to hit an edge: a reference to `target`, cycles, empty lists,
/// refused files, code in docs.
fn fragment(rng: &mut Rng, target: &str) -> Value {
    let r = json!({ "$ref": format!("#{target}") });
    match rng.below(24) {
        0 => r,
        1 => {
            json!({"allOf": [r, {"type": "object", "properties": {"z": {"$ref": format!("#{target}")}}}]})
        }
        2 => json!({"allOf": [r, {"oneOf": [{"type": "object"}, {"$ref": format!("#{target}")}]}]}),
        3 => json!({"oneOf": [r, {"type": "null"}]}),
        4 => {
            json!({"anyOf": [r, {"type": "string"}, {"type": "object", "properties": {"type": {"const": "a"}}}]})
        }
        5 => json!({"enum": []}),
        6 => json!({"enum": [null]}),
        7 => json!({"enum": ["a", 1, null, {"x": []}]}),
        8 => json!({"type": []}),
        9 => json!({"type": ["null", "object", "array"], "properties": {}}),
        10 => json!({"type": "object", "additionalProperties": r}),
        11 => json!({"type": "array", "items": r}),
        12 => json!({"items": [r, {"const": null}]}),
        13 => json!({"allOf": []}),
        14 => json!({"oneOf": [{"allOf": [r]}]}),
        15 => json!({"$ref": "#"}),
        16 => {
            json!({"$ref": *rng.pick(&["/proc/self/environ", "/dev/zero", "../../x.json", "other.json#/$defs/A", "#/$defs", "%zz", "#a/b", ""])})
        }
        17 => {
            json!({"description": *rng.pick(&["```\npanic!()\n```", "    indented();", "\u{202e}\r\u{0}", "~~~\nx"]), "type": "string"})
        }
        18 => {
            json!({"type": "object", "required": ["type"], "properties": {"type": {"const": "x"}, "data": r}})
        }
        19 => json!({"const": {"a": [1, 2]}}),
        20 => {
            json!({"type": "object", "properties": {"a": r}, "required": ["a", "b"], "additionalProperties": false})
        }
        21 => json!(true),
        22 => json!(false),
        _ => json!({"deprecated": "```\nx", "type": "integer", "pattern": "```"}),
    }
}

fn mutate_schema(rng: &mut Rng, base: &Value) -> Value {
    let mut v = base.clone();
    for _ in 0..1 + rng.below(4) {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let at: Vec<Step> = rng.pick(&all).clone();
        let other_at: &Vec<Step> = rng.pick(&all);
        let other = pointer(other_at);
        let replacement = match rng.below(8) {
            0..=2 => Some(fragment(rng, &other)),
            // A copy of another node (an ancestor makes the document contain itself).
            3 => {
                let from: &Vec<Step> = rng.pick(&all);
                node(&v, from).cloned()
            }
            4 => node(&v, &at).map(|n| {
                json!({"allOf": [n.clone(), {"$ref": format!("#{}", pointer(&at))}]})
            }),
            5 => node(&v, &at).map(|n| {
                let mut n = n.clone();
                for _ in 0..rng.below(300) {
                    n = match rng.below(3) {
                        0 => json!({"type": "object", "properties": {"a": n}}),
                        1 => json!({"type": "array", "items": n}),
                        _ => json!({"oneOf": [n, {"type": "null"}]}),
                    };
                }
                n
            }),
            6 => {
                // Remove a member.
                if let Some((Step::Key(k), parent)) = at.split_last()
                    && let Some(Value::Object(m)) = node_mut(&mut v, parent)
                {
                    m.remove(k);
                }
                None
            }
            _ => node(&v, &at).map(|n| json!({"properties": {"x": n.clone(), "y": {"$ref": format!("#{other}")}}, "type": "object"})),
        };
        if let (Some(r), Some(slot)) = (replacement, node_mut(&mut v, &at)) {
            *slot = r;
        }
    }
    v
}

/// Byte edits of a text: delete, overwrite or insert a token, or truncate.
fn mutate_bytes(rng: &mut Rng, text: &str, tokens: &[&str]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        let i = rng.below(bytes.len());
        match rng.below(4) {
            0 => {
                bytes.remove(i);
            }
            1 => bytes[i] = rng.next() as u8,
            2 => bytes.truncate(i),
            _ => {
                let t = rng.pick(tokens);
                bytes.splice(i..i, t.bytes());
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn json_inputs(rng: &mut Rng) -> impl FnMut() -> String {
    let texts = sized(corpus(".json"));
    let parsed: Vec<(Value, usize)> = texts
        .iter()
        .filter_map(|(t, n)| serde_json::from_str(t).ok().map(|v| (v, *n)))
        .collect();
    let mut rng = Rng(rng.next());
    move || {
        if rng.chance(15) {
            let text = pick_sized(&mut rng, &texts);
            return mutate_bytes(
                &mut rng,
                text,
                &[
                    "{",
                    "}",
                    "\"",
                    "[]",
                    "\"$ref\": \"#\"",
                    "null",
                    "\"enum\": []",
                ],
            );
        }
        let base = pick_sized(&mut rng, &parsed).clone();
        let v = mutate_schema(&mut rng, &base);
        if rng.chance(50) {
            serde_json::to_string(&v).unwrap_or_default()
        } else {
            serde_json::to_string_pretty(&v).unwrap_or_default()
        }
    }
}

// ---- TypeScript -----------------------------------------------------------------------

/// The names a file declares (`interface X`, `type X`, `enum X`).
fn declared(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = words
        .windows(2)
        .filter(|w| matches!(w[0], "interface" | "type" | "enum"))
        .map(|w| {
            w[1].chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .collect();
    out.push("Fz".into());
    out
}

/// A random type expression over `names`, nesting at most `depth` levels.
fn ts_type(rng: &mut Rng, names: &[String], depth: usize) -> String {
    if depth == 0 || rng.chance(25) {
        return match rng.below(6) {
            0 => "string".into(),
            1 => "'lit'".into(),
            2 => "null".into(),
            3 => "number".into(),
            _ => rng.pick(names).clone(),
        };
    }
    let mut e = || ts_type(rng, names, depth - 1);
    let a = e();
    let b = e();
    match rng.below(22) {
        0 => format!("Partial<{a}>"),
        1 => format!("Required<{a}>"),
        2 => format!("Readonly<{a}>"),
        3 => format!("Pick<{a}, 'a' | 'b'>"),
        4 => format!("Omit<{a}, 'a'>"),
        5 => format!("{a}['a']"),
        6 => format!("{a}[number]"),
        7 => format!("{a}[]"),
        8 => format!("Array<{a}>"),
        9 => format!("{a} | {b}"),
        10 => format!("{a} & {b}"),
        11 => format!("{{ a: {a}; b?: {b} }}"),
        12 => format!("Record<'x' | 'y', {a}>"),
        13 => format!("Record<string, {a}>"),
        14 => format!("keyof {a}"),
        15 => format!("({a})"),
        16 => format!("[{a}, {b}]"),
        17 => format!("{{ [K in keyof {a}]: {b} }}"),
        18 => format!("`t${{{a}}}`"),
        19 => format!("{a} extends string ? {a} : {b}"),
        20 => format!("{{ type: 'k'; data: {a} }} | {{ type: 'j'; data: {b} }}"),
        _ => format!("/** ```\n * panic!() */ {a}"),
    }
}

fn mutate_ts(rng: &mut Rng, text: &str) -> String {
    let names = declared(text);
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(3) {
        match rng.below(4) {
            // Replace the type of a member or alias.
            0 | 1 => {
                let spots: Vec<usize> = out
                    .match_indices(": ")
                    .map(|(i, _)| i + 2)
                    .chain(out.match_indices(" = ").map(|(i, _)| i + 3))
                    .collect();
                if spots.is_empty() {
                    continue;
                }
                let at = *rng.pick(&spots);
                let end = out[at..]
                    .find([';', ',', '\n'])
                    .map_or(out.len(), |e| at + e);
                let t = ts_type(rng, &names, 4);
                out.replace_range(at..end, &t);
            }
            // New declarations that refer to themselves and to the file's.
            2 => {
                let (a, b, c) = (
                    ts_type(rng, &names, 4),
                    ts_type(rng, &names, 3),
                    ts_type(rng, &names, 5),
                );
                out.push_str(&format!(
                    "\nexport interface Fz {{ a: {a}; b?: {b}; c: Fz['a'] }}\nexport type FzAlias = {c};\n"
                ));
            }
            _ => {
                let n = rng.below(400);
                let (open, close) = *rng.pick(&[
                    ("{ a: ", " }"),
                    ("(", ")"),
                    ("Array<", ">"),
                    ("Partial<", ">"),
                ]);
                out.push_str(&format!(
                    "\nexport type FzDeep = {}Fz{};\n",
                    open.repeat(n),
                    close.repeat(n)
                ));
            }
        }
    }
    out
}

fn ts_inputs(rng: &mut Rng) -> impl FnMut() -> String {
    let texts = sized(corpus(".ts"));
    let mut rng = Rng(rng.next());
    move || {
        let text = pick_sized(&mut rng, &texts).clone();
        if rng.chance(15) {
            return mutate_bytes(
                &mut rng,
                &text,
                &[
                    "{",
                    "}",
                    "|",
                    "&",
                    "<T>",
                    " extends ",
                    "[K in keyof T]",
                    "typeof ",
                    "Partial<",
                ],
            );
        }
        mutate_ts(&mut rng, &text)
    }
}

#[test]
fn fuzz_json_schema_never_panics_or_hangs() {
    let mut rng = Rng(seed());
    let report = campaign(
        "jsonschema",
        fixtures("jsonschema").join("fuzzed.json"),
        json_inputs(&mut rng),
    );
    assert!(
        report.failures.is_empty(),
        "{} failures",
        report.failures.len()
    );
    assert!(
        report.generated > 0,
        "no input generated code: the mutator is too destructive"
    );
}

#[test]
fn fuzz_typescript_never_panics_or_hangs() {
    let mut rng = Rng(seed() ^ 0x75);
    let report = campaign(
        "typescript",
        fixtures("ts").join("fuzzed.ts"),
        ts_inputs(&mut rng),
    );
    assert!(
        report.failures.is_empty(),
        "{} failures",
        report.failures.len()
    );
    assert!(
        report.generated > 0,
        "no input generated code: the mutator is too destructive"
    );
}
