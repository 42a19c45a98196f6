//! Differential property test: `#[derive(Union)]` must accept and reject exactly what serde's own tagged enums do.
//!
//! Each union has a twin derived by serde (`#[serde(tag = "type")]`, and
//! `#[serde(tag = "type", content = "data")]`) over the same payload structs. Inputs are
//! valid messages (tag first or not), mutations of them (entries replaced, duplicated,
//! dropped, the tag changed, the text truncated) and random JSON, written as text so
//! that duplicate keys and escapes reach the decoders. Both decoders must give the
//! same value (compared through their encoding) or both fail.

use proptest::prelude::*;
use proptest::sample::select;

#[allow(unused_imports)]
use ::wiregen_runtime as wg;
use wg::serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde")]
pub struct Spawn {
    #[serde(rename = "requestId")]
    pub request_id: String,
    pub count: u32,
    #[serde(default)]
    pub note: Option<String>,
    pub options: Options,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde")]
pub struct Options {
    #[serde(default)]
    pub cwd: Option<String>,
    #[serde(default)]
    pub args: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde")]
pub struct Stop {
    pub code: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde")]
pub struct Empty {}

/// A unit struct payload: serde accepts a message with only the tag for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde")]
pub struct Info;

#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type")]
pub enum Internal {
    #[wiregen(rename = "spawn")]
    Spawn(Spawn),
    #[wiregen(rename = "stop")]
    Stop(Box<Stop>),
    #[wiregen(rename = "empty")]
    Empty(Empty),
    #[wiregen(rename = "info")]
    Info(Info),
    #[wiregen(rename = "nothing")]
    Nothing(()),
    #[wiregen(rename = "ping")]
    Ping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde", tag = "type")]
pub enum InternalTwin {
    #[serde(rename = "spawn")]
    Spawn(Spawn),
    #[serde(rename = "stop")]
    Stop(Box<Stop>),
    #[serde(rename = "empty")]
    Empty(Empty),
    #[serde(rename = "info")]
    Info(Info),
    #[serde(rename = "nothing")]
    Nothing(()),
    #[serde(rename = "ping")]
    Ping,
}

#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type", content = "data")]
pub enum Adjacent {
    #[wiregen(rename = "spawn")]
    Spawn(Spawn),
    #[wiregen(rename = "stop")]
    Stop(Box<Stop>),
    #[wiregen(rename = "maybe")]
    Maybe(Option<u32>),
    #[wiregen(rename = "info")]
    Info(Info),
    #[wiregen(rename = "nothing")]
    Nothing(()),
    #[wiregen(rename = "ping")]
    Ping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(crate = "wg::serde", tag = "type", content = "data")]
pub enum AdjacentTwin {
    #[serde(rename = "spawn")]
    Spawn(Spawn),
    #[serde(rename = "stop")]
    Stop(Box<Stop>),
    #[serde(rename = "maybe")]
    Maybe(Option<u32>),
    #[serde(rename = "info")]
    Info(Info),
    #[serde(rename = "nothing")]
    Nothing(()),
    #[serde(rename = "ping")]
    Ping,
}

/// JSON written as text, with duplicate keys and escapes kept as generated.
#[derive(Debug, Clone)]
enum J {
    /// `null`, `true`, a number: written as is.
    Lit(&'static str),
    /// A string, written between quotes as is (it may hold escapes).
    Str(&'static str),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            Self::Lit(text) => out.push_str(text),
            Self::Str(text) => {
                out.push('"');
                out.push_str(text);
                out.push('"');
            }
            Self::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Self::Obj(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('"');
                    out.push_str(key);
                    out.push_str("\":");
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

const LITS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "1",
    "-1",
    "7",
    "4294967296",
    "1.5",
    "-0",
    "1e3",
    "2.0",
    "18446744073709551616",
];
const STRS: &[&str] = &[
    "", "a", "r1", "x\\ny", "spawn", "stop", "ping", "maybe", "empty", "\\u0041",
];
const TAGS: &[&str] = &[
    "spawn",
    "stop",
    "empty",
    "ping",
    "maybe",
    "sp\\u0061wn",
    "Spawn",
    "",
    "unknown",
];
const KEYS: &[&str] = &[
    "type",
    "t\\u0079pe",
    "data",
    "requestId",
    "count",
    "note",
    "options",
    "code",
    "cwd",
    "args",
    "x",
    "ping",
    "maybe",
];

fn any_json() -> impl Strategy<Value = J> {
    let leaf = prop_oneof![select(LITS).prop_map(J::Lit), select(STRS).prop_map(J::Str)];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(J::Arr),
            prop::collection::vec((select(KEYS), inner), 0..4).prop_map(J::Obj),
        ]
    })
}

fn plain_string() -> impl Strategy<Value = J> {
    select(&["", "a", "r1", "x\\ny", "\\u0041"][..]).prop_map(J::Str)
}

fn options() -> impl Strategy<Value = J> {
    (
        prop::option::of(prop_oneof![Just(J::Lit("null")), plain_string()]),
        prop::option::of(prop::collection::vec(plain_string(), 0..3)),
    )
        .prop_map(|(cwd, args)| {
            let mut entries = Vec::new();
            if let Some(cwd) = cwd {
                entries.push(("cwd", cwd));
            }
            if let Some(args) = args {
                entries.push(("args", J::Arr(args)));
            }
            J::Obj(entries)
        })
}

/// The entries of a valid payload, and the tag that goes with them.
fn payload() -> impl Strategy<Value = (&'static str, Vec<(&'static str, J)>)> {
    let spawn = (
        plain_string(),
        select(&["0", "1", "7", "4294967295"][..]),
        prop::option::of(prop_oneof![Just(J::Lit("null")), plain_string()]),
        options(),
    )
        .prop_map(|(id, count, note, options)| {
            let mut entries = vec![("requestId", id), ("count", J::Lit(count))];
            if let Some(note) = note {
                entries.push(("note", note));
            }
            entries.push(("options", options));
            ("spawn", entries)
        });
    let stop = select(&["0", "-1", "1.5", "1e3", "-0"][..])
        .prop_map(|code| ("stop", vec![("code", J::Lit(code))]));
    prop_oneof![
        3 => spawn,
        1 => stop,
        1 => Just(("empty", Vec::new())),
        1 => Just(("info", Vec::new())),
        1 => Just(("nothing", Vec::new())),
        1 => Just(("ping", Vec::new())),
    ]
}

/// Unknown members, ignored by payloads.
fn extras() -> impl Strategy<Value = Vec<(&'static str, J)>> {
    prop::collection::vec((select(&["x", "y\\u0031", "data"][..]), any_json()), 0..2)
}

/// One change to a list of entries.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, J),
    Duplicate(usize),
    Drop(usize),
    Insert(usize, &'static str, J),
    Tag(usize, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any_json()).prop_map(|(i, j)| Mutation::Replace(i, j)),
        any::<usize>().prop_map(Mutation::Duplicate),
        any::<usize>().prop_map(Mutation::Drop),
        (any::<usize>(), select(KEYS), any_json()).prop_map(|(i, k, j)| Mutation::Insert(i, k, j)),
        (any::<usize>(), select(TAGS)).prop_map(|(i, t)| Mutation::Tag(i, t)),
    ]
}

fn apply(entries: &mut Vec<(&'static str, J)>, mutation: Mutation) {
    let len = entries.len();
    match mutation {
        Mutation::Replace(i, j) if len > 0 => entries[i % len].1 = j,
        Mutation::Duplicate(i) if len > 0 => {
            let entry = entries[i % len].clone();
            entries.insert(i % (len + 1), entry);
        }
        Mutation::Drop(i) if len > 0 => {
            entries.remove(i % len);
        }
        Mutation::Insert(i, key, j) => entries.insert(i % (len + 1), (key, j)),
        Mutation::Tag(i, tag) => entries.insert(i % (len + 1), ("type", J::Str(tag))),
        _ => {}
    }
}

/// Decodes `text` with both decoders and checks that they agree.
fn agree<W, S>(text: &str) -> Result<(), TestCaseError>
where
    W: wg::serde::de::DeserializeOwned + Serialize + std::fmt::Debug,
    S: wg::serde::de::DeserializeOwned + Serialize + std::fmt::Debug,
{
    let ours = wg::serde_json::from_str::<W>(text);
    let tracked = wg::from_str::<W>(text);
    let theirs = wg::serde_json::from_str::<S>(text);
    prop_assert_eq!(
        ours.is_ok(),
        tracked.is_ok(),
        "from_str disagrees on {}",
        text
    );
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            let ours =
                wg::serde_json::to_value(&ours).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let theirs = wg::serde_json::to_value(&theirs)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(ours, theirs, "different values for {}", text);
        }
        (Err(_), Err(_)) => {}
        (ours, theirs) => {
            return Err(TestCaseError::fail(format!(
                "disagreement on {text}: ours {ours:?}, serde {theirs:?}"
            )));
        }
    }
    Ok(())
}

/// An internally tagged message: payload entries with the tag at `position`.
fn internal_message() -> impl Strategy<Value = Vec<(&'static str, J)>> {
    (payload(), extras(), any::<usize>(), any::<bool>()).prop_map(
        |((tag, mut entries), extras, position, first)| {
            entries.extend(extras);
            let position = if first {
                0
            } else {
                position % (entries.len() + 1)
            };
            entries.insert(position, ("type", J::Str(tag)));
            entries
        },
    )
}

/// An adjacently tagged message: tag and content in either order, with extras around.
fn adjacent_message() -> impl Strategy<Value = Vec<(&'static str, J)>> {
    (
        payload(),
        extras(),
        any::<usize>(),
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(
            |((tag, entries), extras, position, content_first, content_kind)| {
                let content = match (tag, content_kind % 4) {
                    ("ping", 0) => None,
                    ("ping", _) => Some(J::Lit("null")),
                    ("empty", _) => Some(J::Lit("7")),
                    (_, _) => Some(J::Obj(entries)),
                };
                let tag = if tag == "empty" { "maybe" } else { tag };
                let mut message: Vec<(&'static str, J)> =
                    extras.into_iter().filter(|(k, _)| *k != "data").collect();
                let tag_entry = ("type", J::Str(tag));
                let mut pair = vec![tag_entry];
                if let Some(content) = content {
                    pair.push(("data", content));
                }
                if content_first {
                    pair.reverse();
                }
                let position = position % (message.len() + 1);
                for (i, entry) in pair.into_iter().enumerate() {
                    message.insert((position + i).min(message.len()), entry);
                }
                message
            },
        )
}

/// Text inputs built from messages: as is, mutated, truncated, as a sequence, or random.
fn inputs(message: BoxedStrategy<Vec<(&'static str, J)>>) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => message.clone().prop_map(|entries| J::Obj(entries).text()),
        4 => (message.clone(), prop::collection::vec(mutation(), 1..3)).prop_map(|(mut entries, mutations)| {
            for mutation in mutations {
                apply(&mut entries, mutation);
            }
            J::Obj(entries).text()
        }),
        1 => (message.clone(), any::<usize>()).prop_map(|(entries, cut)| {
            let text = J::Obj(entries).text();
            text[..cut % text.len().max(1)].to_owned()
        }),
        1 => (message, any::<bool>()).prop_map(|(entries, shuffle)| {
            // The sequence form: tag first, then the values in order.
            let mut items: Vec<J> = entries.iter().filter(|(k, _)| *k == "type").map(|(_, v)| v.clone()).take(1).collect();
            items.extend(entries.into_iter().filter(|(k, _)| *k != "type").map(|(_, v)| v));
            if shuffle {
                items.reverse();
            }
            J::Arr(items).text()
        }),
        1 => any_json().prop_map(|json| json.text()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn internally_tagged_agrees_with_serde(text in inputs(internal_message().boxed())) {
        agree::<Internal, InternalTwin>(&text)?;
    }

    #[test]
    fn adjacently_tagged_agrees_with_serde(text in inputs(adjacent_message().boxed())) {
        agree::<Adjacent, AdjacentTwin>(&text)?;
    }
}

#[test]
fn valid_messages_mostly_decode() {
    // Guards the generators: most unmutated messages must be accepted by both.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut accepted = 0;
    for _ in 0..200 {
        let Ok(tree) = internal_message().new_tree(&mut runner) else {
            continue;
        };
        let text = J::Obj(tree.current()).text();
        if wg::serde_json::from_str::<Internal>(&text).is_ok() {
            accepted += 1;
        }
    }
    assert!(
        accepted > 150,
        "only {accepted} of 200 valid messages decoded"
    );
}

#[test]
fn known_corners_agree() {
    for text in [
        r#"{"type":"ping","type":"ping"}"#,
        r#"{"type":"spawn","requestId":"a","count":1,"options":{},"requestId":"b"}"#,
        r#"{"requestId":"a","count":1,"options":{"cwd":"x","cwd":"y"},"type":"spawn"}"#,
        r#"["spawn","a",1,null,{}]"#,
        r#"["spawn","a",1,null,{},2]"#,
        r#"["ping"]"#,
        r#"["ping",1]"#,
        r#"[]"#,
        r#"{"t\u0079pe":"sp\u0061wn","requestId":"a","count":1,"options":{}}"#,
        r#"{"type":1}"#,
        r#"{"type":null}"#,
        r#"{"type":{"ping":null}}"#,
        r#"{"type":"stop","code":1e3}"#,
        r#"{"type":"stop","code":18446744073709551616}"#,
        r#"{"type":"info"}"#,
        r#"{"type":"info","x":1}"#,
        r#"{"x":1,"type":"info"}"#,
        r#"["info"]"#,
        r#"["info",1]"#,
        r#"{"type":"nothing"}"#,
        r#"{"type":"nothing","x":null}"#,
        r#"["nothing"]"#,
    ] {
        if let Err(err) = agree::<Internal, InternalTwin>(text) {
            panic!("{err}");
        }
    }
    for text in [
        r#"{"type":"ping"}"#,
        r#"{"type":"ping","data":null}"#,
        r#"{"type":"ping","data":{}}"#,
        r#"{"type":{"ping":null}}"#,
        r#"{"type":{"ping":null,"x":1}}"#,
        r#"{"type":{"ping":1}}"#,
        r#"{"type":{}}"#,
        r#"{"type":"maybe"}"#,
        r#"{"type":"spawn"}"#,
        r#"["ping"]"#,
        r#"["ping",null]"#,
        r#"["ping",null,1]"#,
        r#"[{"ping":null},null]"#,
        r#"{"data":{"requestId":"a","count":1,"options":{},"count":2},"type":"spawn"}"#,
        r#"{"data":1,"x":2,"type":"maybe","x":3}"#,
        r#"{"data":1,"type":"maybe","data":2}"#,
        r#"{"type":"info"}"#,
        r#"{"type":"info","data":null}"#,
        r#"{"type":"info","data":{}}"#,
        r#"{"data":{},"type":"info"}"#,
        r#"{"data":[],"type":"info"}"#,
        r#"{"data":[1],"type":"info"}"#,
        r#"{"data":{},"type":"nothing"}"#,
        r#"{"data":{},"type":"ping"}"#,
        r#"{"type":"nothing","data":null}"#,
        r#"{"type":"nothing"}"#,
    ] {
        if let Err(err) = agree::<Adjacent, AdjacentTwin>(text) {
            panic!("{err}");
        }
    }
}
