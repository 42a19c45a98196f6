//! Decoding and encoding speed of a `#[derive(wg::Union)]` message union against serde's own
//! `#[serde(tag = "type")]`, and against the limit: decoding each message straight into the
//! variant struct it is known to be.
//!
//! Corpus: every `WorkerToHost` message of `tests/corpus/lumiverse-spindle/valid.json`, as
//! compact JSON with the `type` tag first (`decode/tag_first`) and last (`decode/tag_last`).
//! Each iteration decodes (or encodes) the whole corpus. `keep` decodes the same corpus with
//! the types generated with `unknown_fields = "keep"` (`benches/keep/`, from wiregen.toml), and
//! `decode/extra_*` adds one unknown member to every message. Run with
//! `cargo bench -p wiregen-generated --bench unions`; see BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use wiregen_generated::lumiverse_spindle::WorkerToHost;
use wiregen_generated::lumiverse_spindle::worker_to_host as w2h;

/// Spindle generated with `unknown_fields = "keep"` (wiregen.toml, `wiregen check` keeps it fresh).
#[allow(dead_code)]
#[path = "keep/lumiverse_spindle.rs"]
mod spindle_keep;
use spindle_keep::WorkerToHost as KeepWorkerToHost;

/// Defines, from one list of the generated enum's variants and tags:
/// * `Twin`: the same union written with serde's `#[serde(tag = "type")]`, wrapping the same
///   payload structs;
/// * `Kind`: which payload struct a message is, for the `limit` decoder. `Kind::of` matches
///   the generated enum exhaustively, so a variant added to it breaks this build until it is
///   added here.
macro_rules! variants {
    ($($variant:ident = $tag:literal,)*) => {
        #[derive(Debug, Clone, PartialEq, wiregen_runtime::Serialize, wiregen_runtime::Deserialize)]
        #[serde(crate = "wiregen_runtime::serde", tag = "type")]
        #[allow(clippy::large_enum_variant)]
        enum Twin {
            $(
                #[serde(rename = $tag)]
                $variant(w2h::$variant),
            )*
        }

        /// The twin's tags, in declaration order (checked against `WorkerToHost::TAGS`).
        const TWIN_TAGS: &[&str] = &[$($tag),*];

        impl From<Twin> for WorkerToHost {
            fn from(twin: Twin) -> Self {
                match twin {
                    $(Twin::$variant(payload) => WorkerToHost::$variant(payload),)*
                }
            }
        }

        /// The variant struct a message decodes to.
        #[derive(Debug, Clone, Copy)]
        enum Kind {
            $($variant,)*
        }

        impl Kind {
            fn of(message: &WorkerToHost) -> Kind {
                match message {
                    $(WorkerToHost::$variant(_) => Kind::$variant,)*
                    WorkerToHost::Unknown(raw) => panic!("corpus message with an unknown tag: {raw}"),
                }
            }

            /// Decodes `text` straight into this variant's struct (the tag is an ignored field).
            fn decode(self, text: &str) -> serde_json::Result<WorkerToHost> {
                match self {
                    $(Kind::$variant => serde_json::from_str::<w2h::$variant>(text).map(WorkerToHost::$variant),)*
                }
            }
        }
    };
}

variants! {
    ModalClose = "modal_close",
    ConfirmOpen = "confirm_open",
    InputPromptOpen = "input_prompt_open",
    FrontendProcessSpawn = "frontend_process_spawn",
    FrontendProcessList = "frontend_process_list",
    FrontendProcessGet = "frontend_process_get",
    FrontendProcessStop = "frontend_process_stop",
    FrontendProcessSend = "frontend_process_send",
    BackendProcessSpawn = "backend_process_spawn",
    BackendProcessList = "backend_process_list",
    BackendProcessGet = "backend_process_get",
    BackendProcessStop = "backend_process_stop",
    BackendProcessSend = "backend_process_send",
    MacrosResolve = "macros_resolve",
    ImageGenModels = "image_gen_models",
    ThemeApply = "theme_apply",
    ThemeApplyPalette = "theme_apply_palette",
    ThemeClear = "theme_clear",
    ThemeGetCurrent = "theme_get_current",
}

/// The corpus in one tag position: each message's compact JSON and its variant struct.
struct Corpus {
    texts: Vec<String>,
    kinds: Vec<Kind>,
    bytes: u64,
}

/// Writes `object` as compact JSON with the `type` entry first or last; the other entries
/// keep the order the map iterates them in.
fn render(object: &serde_json::Map<String, Value>, tag_first: bool) -> String {
    let tag = object
        .get("type")
        .and_then(Value::as_str)
        .expect("every corpus message has a string `type`");
    let tag_entry = format!("\"type\":{}", serde_json::to_string(tag).expect("string"));
    let mut entries: Vec<String> = object
        .iter()
        .filter(|(key, _)| *key != "type")
        .map(|(key, value)| {
            let key = serde_json::to_string(key).expect("key");
            let value = serde_json::to_string(value).expect("value");
            format!("{key}:{value}")
        })
        .collect();
    if tag_first {
        entries.insert(0, tag_entry);
    } else {
        entries.push(tag_entry);
    }
    format!("{{{}}}", entries.join(","))
}

/// Loads the `WorkerToHost` messages of the Spindle corpus, tag first and tag last.
fn load() -> (Corpus, Corpus) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/lumiverse-spindle/valid.json"
    );
    let text = std::fs::read_to_string(path).expect("read valid.json");
    let corpus: Value = serde_json::from_str(&text).expect("valid.json is JSON");
    let messages = corpus["WorkerToHost"]
        .as_array()
        .expect("valid.json has a `WorkerToHost` list");
    assert!(!messages.is_empty(), "no WorkerToHost messages");
    let build = |tag_first: bool| {
        let texts: Vec<String> = messages
            .iter()
            .map(|m| render(m.as_object().expect("messages are objects"), tag_first))
            .collect();
        for (text, original) in texts.iter().zip(messages) {
            let reparsed: Value = serde_json::from_str(text).expect("rendered JSON parses");
            assert_eq!(&reparsed, original, "rendering changed the message");
            let tag_entry = format!(
                "\"type\":{}",
                serde_json::to_string(&original["type"]).expect("tag")
            );
            if tag_first {
                assert!(
                    text.starts_with(&format!("{{{tag_entry}")),
                    "tag not first: {text}"
                );
            } else {
                assert!(
                    text.ends_with(&format!("{tag_entry}}}")),
                    "tag not last: {text}"
                );
            }
        }
        let kinds = texts
            .iter()
            .map(|text| Kind::of(&serde_json::from_str(text).expect("derive decodes the corpus")))
            .collect();
        let bytes = texts.iter().map(|t| t.len() as u64).sum();
        Corpus {
            texts,
            kinds,
            bytes,
        }
    };
    (build(true), build(false))
}

/// Checks, outside the timing, that the three decoders agree and both encoders write the
/// same JSON.
fn check(corpus: &Corpus) {
    assert_eq!(
        TWIN_TAGS,
        WorkerToHost::TAGS,
        "twin tags differ from the derive's"
    );
    for (text, kind) in corpus.texts.iter().zip(&corpus.kinds) {
        let derive: WorkerToHost = serde_json::from_str(text).expect("derive");
        let twin: Twin = serde_json::from_str(text).expect("serde_tagged");
        let limit = kind.decode(text).expect("limit");
        assert_eq!(
            serde_json::to_value(&derive).expect("encode derive"),
            serde_json::to_value(&twin).expect("encode twin"),
            "derive and serde_tagged differ on {text}"
        );
        assert_eq!(
            serde_json::to_string(&derive).expect("encode derive"),
            serde_json::to_string(&twin).expect("encode twin"),
            "derive and serde_tagged encode differently: {text}"
        );
        assert_eq!(
            derive,
            WorkerToHost::from(twin),
            "derive vs serde_tagged: {text}"
        );
        assert_eq!(derive, limit, "derive vs limit: {text}");
        let keep: KeepWorkerToHost = serde_json::from_str(text).expect("keep");
        assert_eq!(
            serde_json::to_value(&keep).expect("encode keep"),
            serde_json::to_value(&derive).expect("encode derive"),
            "derive and keep differ on {text}"
        );
    }
}

fn decode(c: &mut Criterion, name: &str, corpus: &Corpus) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.bench_function("derive", |b| {
        b.iter(|| {
            for text in &corpus.texts {
                let message: WorkerToHost =
                    serde_json::from_str(black_box(text)).expect("derive decodes");
                black_box(message);
            }
        })
    });
    group.bench_function("serde_tagged", |b| {
        b.iter(|| {
            for text in &corpus.texts {
                let message: Twin =
                    serde_json::from_str(black_box(text)).expect("serde_tagged decodes");
                black_box(message);
            }
        })
    });
    group.bench_function("keep", |b| {
        b.iter(|| {
            for text in &corpus.texts {
                let message: KeepWorkerToHost =
                    serde_json::from_str(black_box(text)).expect("keep decodes");
                black_box(message);
            }
        })
    });
    group.bench_function("limit", |b| {
        b.iter(|| {
            for (text, kind) in corpus.texts.iter().zip(&corpus.kinds) {
                let message = black_box(*kind)
                    .decode(black_box(text))
                    .expect("limit decodes");
                black_box(message);
            }
        })
    });
    group.finish();
}

/// The corpus with one member no version declares added to every message (after the tag,
/// before the payload's members: `"trace":{"hop":1,"at":"n1"}`).
fn with_extra(corpus: &Corpus, tag_first: bool) -> Corpus {
    let texts: Vec<String> = corpus
        .texts
        .iter()
        .map(|t| {
            let extra = r#""trace":{"hop":1,"at":"n1"}"#;
            if tag_first {
                let (tag, rest) = t.split_at(t.find(',').unwrap_or(t.len() - 1));
                format!("{tag},{extra}{rest}")
            } else {
                format!("{{{extra},{}", &t[1..])
            }
        })
        .collect();
    for (text, plain) in texts.iter().zip(&corpus.texts) {
        let kept: KeepWorkerToHost = serde_json::from_str(text).expect("keep decodes");
        let back: Value = serde_json::to_value(&kept).expect("keep encodes");
        assert_eq!(
            back,
            serde_json::from_str::<Value>(text).unwrap(),
            "keep lost a member: {text}"
        );
        let ignored: WorkerToHost = serde_json::from_str(text).expect("derive decodes");
        assert_eq!(
            ignored,
            serde_json::from_str::<WorkerToHost>(plain).unwrap()
        );
    }
    let bytes = texts.iter().map(|t| t.len() as u64).sum();
    Corpus {
        texts,
        kinds: corpus.kinds.clone(),
        bytes,
    }
}

/// `ignore` (the derive) against `keep` on a corpus whose messages carry unknown members.
fn decode_extra(c: &mut Criterion, name: &str, corpus: &Corpus) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.bench_function("derive", |b| {
        b.iter(|| {
            for text in &corpus.texts {
                let message: WorkerToHost =
                    serde_json::from_str(black_box(text)).expect("derive decodes");
                black_box(message);
            }
        })
    });
    group.bench_function("keep", |b| {
        b.iter(|| {
            for text in &corpus.texts {
                let message: KeepWorkerToHost =
                    serde_json::from_str(black_box(text)).expect("keep decodes");
                black_box(message);
            }
        })
    });
    group.finish();
}

/// `ignore` (the derive) against `keep`, interleaved: each round decodes the corpus 20 times
/// with each decoder (alternating which goes first) and the fastest round of each counts.
/// The minimum is what the code costs when nothing else runs; on a shared machine it is far
/// steadier than criterion's mean. Printed as `interleaved <corpus>: ignore .. keep .. (+x %)`.
fn interleaved(name: &str, corpus: &Corpus) {
    fn pass<T: wiregen_runtime::serde::de::DeserializeOwned>(corpus: &Corpus) -> Duration {
        let start = std::time::Instant::now();
        for _ in 0..20 {
            for text in &corpus.texts {
                black_box(serde_json::from_str::<T>(black_box(text)).expect("decodes"));
            }
        }
        start.elapsed() / 20
    }
    let (mut ignore, mut keep) = (Duration::MAX, Duration::MAX);
    for round in 0..400 {
        if round % 2 == 0 {
            ignore = ignore.min(pass::<WorkerToHost>(corpus));
            keep = keep.min(pass::<KeepWorkerToHost>(corpus));
        } else {
            keep = keep.min(pass::<KeepWorkerToHost>(corpus));
            ignore = ignore.min(pass::<WorkerToHost>(corpus));
        }
    }
    let more = (keep.as_secs_f64() / ignore.as_secs_f64() - 1.0) * 100.0;
    eprintln!("interleaved {name}: ignore {ignore:.2?}, keep {keep:.2?} ({more:+.0} %)");
}

fn encode(c: &mut Criterion, corpus: &Corpus) {
    let derive: Vec<WorkerToHost> = corpus
        .texts
        .iter()
        .map(|t| serde_json::from_str(t).expect("derive"))
        .collect();
    let twin: Vec<Twin> = corpus
        .texts
        .iter()
        .map(|t| serde_json::from_str(t).expect("serde_tagged"))
        .collect();
    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.bench_function("derive", |b| {
        b.iter(|| {
            for message in &derive {
                black_box(serde_json::to_string(black_box(message)).expect("encode"));
            }
        })
    });
    group.bench_function("serde_tagged", |b| {
        b.iter(|| {
            for message in &twin {
                black_box(serde_json::to_string(black_box(message)).expect("encode"));
            }
        })
    });
    group.finish();
}

fn unions(c: &mut Criterion) {
    let (first, last) = load();
    check(&first);
    check(&last);
    eprintln!(
        "corpus: {} WorkerToHost messages, {} bytes (tag first), {} bytes (tag last)",
        first.texts.len(),
        first.bytes,
        last.bytes
    );
    let (extra_first, extra_last) = (with_extra(&first, true), with_extra(&last, false));
    if std::env::var_os("UNIONS_INTERLEAVED").is_some() {
        interleaved("tag_first", &first);
        interleaved("tag_last", &last);
        interleaved("extra_tag_first", &extra_first);
        interleaved("extra_tag_last", &extra_last);
    }
    decode(c, "decode/tag_first", &first);
    decode(c, "decode/tag_last", &last);
    decode_extra(c, "decode/extra_tag_first", &extra_first);
    decode_extra(c, "decode/extra_tag_last", &extra_last);
    encode(c, &first);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1))
        .sample_size(30);
    targets = unions
}
criterion_main!(benches);
