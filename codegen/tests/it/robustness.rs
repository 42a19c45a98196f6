//! The generator never panics: truncated and mutated schemas give diagnostics or code.

use crate::{fixtures, json_files};
use proptest::prelude::*;
use std::path::Path;

/// Every prefix of `text`, cut at about `pieces` places, handed to `run`.
pub fn each_truncation(text: &str, pieces: usize, run: impl Fn(&str)) {
    let step = (text.len() / pieces).max(1);
    for end in (0..text.len()).step_by(step) {
        if let Some(prefix) = text.get(..end) {
            run(prefix);
        }
    }
}

/// `text` after `edits` (position, operation, byte): remove a byte, overwrite it, or insert
/// one of `tokens`; `None` when the result is not UTF-8.
pub fn mutate(
    text: &str,
    edits: &[(prop::sample::Index, u8, u8)],
    tokens: &[&[u8]],
) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, op, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = at.index(bytes.len());
        match op {
            0 => {
                bytes.remove(i);
            }
            1 => bytes[i] = *byte,
            _ => {
                let t = tokens[(*op as usize + *byte as usize) % tokens.len()];
                bytes.splice(i..i, t.iter().copied());
            }
        }
    }
    String::from_utf8(bytes).ok()
}

fn corpus() -> &'static [String] {
    static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CORPUS.get_or_init(read_corpus)
}

fn read_corpus() -> Vec<String> {
    let mut texts: Vec<String> = json_files(&fixtures("jsonschema"))
        .into_iter()
        .chain(json_files(&fixtures("errors")))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.push(
        std::fs::read_to_string(crate::repo_root().join("schemas/lumiverse-spindle/0.4.46.json"))
            .unwrap(),
    );
    texts
}

fn run(text: &str) {
    let path = fixtures("jsonschema").join("mutated.json");
    let _ = wiregen::generate_str(&path, text, &wiregen::RustOptions::default());
}

#[test]
fn every_truncation_of_every_fixture_is_handled() {
    for text in corpus() {
        each_truncation(text, 97, run);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_schemas_never_panic(index in 0usize..64, edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..6, any::<u8>()), 1..6)) {
        let texts = corpus();
        let tokens: [&[u8]; 6] = [b"{", b"}", b"\"", b"null", b"\"$ref\": \"#/$defs/X\"", b"[]"];
        if let Some(text) = mutate(&texts[index % texts.len()], &edits, &tokens) {
            run(&text);
        }
    }
}

#[test]
fn generation_from_a_path_that_does_not_exist_is_an_error() {
    let err = wiregen::generate(
        Path::new("no/such/schema.json"),
        &wiregen::RustOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("cannot read the schema"), "{err}");
}
