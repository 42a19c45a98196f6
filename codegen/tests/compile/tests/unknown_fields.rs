//! `unknown_fields = "keep"` on the code generated for `unknown_fields.json`: members a newer
//! peer adds survive decode → encode at the top level, in nested structs, in union payloads
//! (tag first, tag last, adjacently tagged); an open object keeps them in its own map. A
//! property test adds random members to valid messages and compares with `serde_json::Value`.

use proptest::prelude::*;
use wiregen_fixtures::keep_unknown_fields::{self as keep, Envelope, Event, Signal};
use wiregen_fixtures::strict_unknown_fields as strict;
use wiregen_runtime::serde_json::{Value, json};

/// Decodes `text`, asserts encoding gives it back byte for byte.
fn byte_equal(text: &str) -> Envelope {
    let e: Envelope = wiregen_runtime::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(wiregen_runtime::to_string(&e).unwrap(), text, "{e:?}");
    e
}

#[test]
fn kept_members_at_every_level_re_encode_byte_equal() {
    let e = byte_equal(concat!(
        r#"{"id":"m1","header":{"sentAt":1.5,"hops":[{"node":"a","rtt":3},{"node":"b"}],"zone":"eu"},"#,
        r#""event":{"kind":"moved","x":1,"y":2,"z":3},"#,
        r#""signal":{"type":"level","data":{"value":7,"unit":"dB"}},"#,
        r#""labels":{"owner":"o","team":"t"},"unknownFields":4,"#,
        r#""added":{"z":[1,{"b":null,"a":false}],"a":"last"},"also":0.25}"#,
    ));
    assert_eq!(
        e.unknown_fields,
        Some(4),
        "the protocol's own `unknownFields` member"
    );
    assert_eq!(
        e.unknown_fields_2.keys().collect::<Vec<_>>(),
        ["added", "also"]
    );
    assert_eq!(e.header.unknown_fields.get("zone"), Some(json!("eu")));
    assert_eq!(
        e.header.hops.as_ref().unwrap()[0].unknown_fields.get("rtt"),
        Some(json!(3))
    );
    // The open object keeps `team` in its `additionalProperties` map, as without `keep`.
    assert_eq!(
        e.labels.as_ref().unwrap().additional_properties["team"],
        "t"
    );
}

#[test]
fn union_variants_keep_unknown_members_with_the_tag_first_or_last() {
    for tag_first in [
        r#"{"id":"m","header":{"sentAt":0},"event":{"kind":"moved","x":1,"y":2,"later":true}}"#,
        r#"{"id":"m","header":{"sentAt":0},"event":{"kind":"closed","why":"eof"}}"#,
        r#"{"id":"m","header":{"sentAt":0},"event":{"kind":"renamed","name":"n","old":"o"}}"#,
    ] {
        byte_equal(tag_first);
    }
    let e: Envelope = wiregen_runtime::from_str(
        r#"{"id":"m","header":{"sentAt":0},"event":{"first":1,"y":2,"x":1,"kind":"moved","last":[]}}"#,
    )
    .unwrap();
    let Some(Event::Moved(m)) = &e.event else {
        panic!("{e:?}")
    };
    assert_eq!(
        m.unknown_fields.keys().collect::<Vec<_>>(),
        ["first", "last"]
    );
    // The tag first, the declared members in declaration order, then the kept ones as received.
    assert_eq!(
        wiregen_runtime::to_string(&e.event).unwrap(),
        r#"{"kind":"moved","x":1,"y":2,"first":1,"last":[]}"#
    );
    let e: Envelope = wiregen_runtime::from_str(
        r#"{"id":"m","header":{"sentAt":0},"event":{"old":"o","name":"n","kind":"renamed"}}"#,
    )
    .unwrap();
    assert_eq!(
        wiregen_runtime::to_string(&e.event).unwrap(),
        r#"{"kind":"renamed","name":"n","old":"o"}"#
    );
}

#[test]
fn adjacently_tagged_payloads_keep_unknown_members_with_the_content_first_or_last() {
    byte_equal(
        r#"{"id":"m","header":{"sentAt":0},"signal":{"type":"note","data":{"text":"t","lang":"en"}}}"#,
    );
    let s: Signal =
        wiregen_runtime::from_str(r#"{"data":{"lang":"en","text":"t"},"type":"note"}"#).unwrap();
    assert_eq!(
        wiregen_runtime::to_string(&s).unwrap(),
        r#"{"type":"note","data":{"text":"t","lang":"en"}}"#
    );
}

#[test]
fn reject_names_the_unknown_member_in_the_error() {
    for (text, member) in [
        (r#"{"id":"m","header":{"sentAt":0},"extra":1}"#, "extra"),
        (r#"{"id":"m","header":{"sentAt":0,"zone":"eu"}}"#, "zone"),
        (
            r#"{"id":"m","header":{"sentAt":0},"event":{"kind":"moved","x":1,"y":2,"z":3}}"#,
            "z",
        ),
    ] {
        let err = wiregen_runtime::from_str::<strict::Envelope>(text).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("unknown field `{member}`")),
            "{text}: {err}"
        );
    }
}

#[test]
fn ignore_drops_unknown_members_and_keep_differs_only_by_them() {
    let text = r#"{"id":"m","header":{"sentAt":0},"new":1}"#;
    let ignored: wiregen_fixtures::unknown_fields::Envelope =
        wiregen_runtime::from_str(text).unwrap();
    assert_eq!(
        wiregen_runtime::to_string(&ignored).unwrap(),
        r#"{"id":"m","header":{"sentAt":0}}"#
    );
    let kept: Envelope = wiregen_runtime::from_str(text).unwrap();
    assert_eq!(wiregen_runtime::to_string(&kept).unwrap(), text);
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Fractions with few digits: serde_json (without its `float_roundtrip` feature) may
        // parse a 17-digit float one ulp off, for declared `f64` fields just the same.
        (-1_000_000_i64..1_000_000).prop_map(|k| Value::from(k as f64 / 8.0)),
        "[a-z\u{e9}\"\\\\ ]{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Members no struct of the fixture declares (every declared name is lowercase ASCII or
/// camelCase without `_`).
fn extras() -> impl Strategy<Value = Vec<(String, Value)>> {
    prop::collection::vec(("x_[a-z0-9]{0,5}", json_value()), 0..4)
}

fn add(object: &mut Value, extra: Vec<(String, Value)>) {
    if let Value::Object(map) = object {
        map.extend(extra);
    }
}

/// A valid message with random extra members in every struct that keeps them.
fn message() -> impl Strategy<Value = Value> {
    (
        (extras(), extras(), extras(), extras(), extras()),
        0..4_usize,
        any::<bool>(),
        prop::collection::vec("[a-z]{1,3}", 0..3),
    )
        .prop_map(
            |((top, header, hop, event, signal), kind, signal_on, hops)| {
                let mut hop_list = Vec::new();
                for (i, node) in hops.into_iter().enumerate() {
                    let mut h = json!({"node": node});
                    if i == 0 {
                        add(&mut h, hop.clone());
                    }
                    hop_list.push(h);
                }
                let mut head = json!({"sentAt": 1.25, "hops": hop_list});
                add(&mut head, header);
                let mut m = json!({"id": "m", "header": head});
                let mut ev = match kind {
                    0 => json!({"kind": "moved", "x": 1, "y": -2.5}),
                    1 => json!({"kind": "closed"}),
                    2 => json!({"kind": "renamed", "name": "n"}),
                    _ => Value::Null,
                };
                if !ev.is_null() {
                    add(&mut ev, event);
                    m["event"] = ev;
                }
                if signal_on {
                    let mut data = json!({"value": 3});
                    add(&mut data, signal);
                    m["signal"] = json!({"type": "level", "data": data});
                }
                add(&mut m, top);
                m
            },
        )
}

/// Compact JSON with every object's members in reverse key order: the tag `kind` comes after
/// the payload's members (the buffered, tag-last path) and declared members out of order.
fn reversed(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), reversed(v)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(reversed).collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random extra members added to valid messages survive decode → encode, whatever the
    /// member order.
    #[test]
    fn random_extra_members_survive_decode_and_encode(message in message()) {
        let text = message.to_string();
        let decoded: Envelope = wiregen_runtime::from_str(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(wiregen_runtime::to_value(&decoded).unwrap(), message.clone());
        // A relay writing text: the same JSON again (`Value`'s order, which is the input's).
        let again: Value = wiregen_runtime::serde_json::from_str(&wiregen_runtime::to_string(&decoded).unwrap()).unwrap();
        prop_assert_eq!(again, message.clone());
        // The same members in reverse order: the tag last, every kept member still there.
        let text = reversed(&message);
        let decoded: Envelope = wiregen_runtime::from_str(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(wiregen_runtime::to_value(&decoded).unwrap(), message);
    }
}

#[test]
fn the_kept_map_of_a_struct_without_own_name_clash_is_named_unknown_fields() {
    let h = keep::Header {
        sent_at: 1.0,
        hops: None,
        unknown_fields: [("x".to_string(), json!(1))].into_iter().collect(),
    };
    assert_eq!(
        wiregen_runtime::to_string(&h).unwrap(),
        r#"{"sentAt":1,"x":1}"#
    );
}

#[test]
fn untagged_unions_still_pick_the_member_that_declares_a_key_the_first_would_keep() {
    use wiregen_fixtures::keep_untagged_best_match::Reply;
    let text = r#"{"value":"**hi**","flavor":"gfm","new":true}"#;
    let r: Reply = wiregen_runtime::from_str(text).unwrap();
    assert!(matches!(r, Reply::Markdown(_)), "{r:?}");
    assert_eq!(wiregen_runtime::to_string(&r).unwrap(), text);
    let r: Reply = wiregen_runtime::from_str(r#"{"value":"hi","lang":"en"}"#).unwrap();
    assert!(matches!(r, Reply::Text(_)), "{r:?}");
}

/// Under `keep`: `value` round-trips, and so does `value` with a member no type declares
/// (kept, written back); returns the decoded value.
fn kept<T>(value: Value) -> T
where
    T: wiregen_runtime::serde::de::DeserializeOwned + wiregen_runtime::Serialize + std::fmt::Debug,
{
    for message in [value.clone(), {
        let mut v = value.clone();
        v["x_new"] = json!([1, {"b": 2, "a": 1}]);
        v
    }] {
        let text = message.to_string();
        let decoded: T = wiregen_runtime::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            wiregen_runtime::to_value(&decoded).unwrap(),
            message,
            "{text}"
        );
    }
    wiregen_runtime::from_str(&value.to_string()).unwrap()
}

/// Asserts decoding fails and the error mentions `needle`.
fn rejects<T: wiregen_runtime::serde::de::DeserializeOwned + std::fmt::Debug>(
    value: Value,
    needle: &str,
) {
    match wiregen_runtime::from_str::<T>(&value.to_string()) {
        Ok(v) => panic!("{value} was accepted as {v:?}"),
        Err(e) => assert!(
            e.to_string().contains(needle),
            "{value}: `{needle}` not in {e}"
        ),
    }
}

#[test]
fn keep_leaves_every_construct_round_trip_as_it_was_and_adds_the_new_member() {
    use wiregen_fixtures::{
        keep_allof as allof, keep_literals as literals, keep_presence as presence,
        keep_recursive as recursive, keep_tagged_unions as tagged,
        keep_union_shared_members as shared,
    };
    use wiregen_runtime::Maybe;
    let p: presence::Presence =
        kept(json!({"required": "r", "nullable": null, "nullableRef": null}));
    assert_eq!(p.patch, Maybe::Absent);
    let p: presence::Presence = kept(
        json!({"required": "r", "optional": "o", "nullable": "n", "patch": null, "nullableRef": {"id": "t"}, "optionalNumber": 2, "patchNumber": null}),
    );
    assert_eq!(p.patch, Maybe::Null);
    kept::<literals::Ack>(
        json!({"status": "ok", "queued": true, "version": 2, "jsonrpc": "2.0", "nothing": null}),
    );
    for m in [
        json!({"type": "process_spawn", "requestId": "r", "entry": "a.js", "timeoutMs": 1000}),
        json!({"type": "queue.reorder", "order": ["b", "a"]}),
        json!({"type": "ToolCallStart"}),
        json!({"type": "ping", "at": "now"}),
    ] {
        kept::<tagged::ClientMessage>(m);
    }
    kept::<recursive::RenderBlock>(
        json!({"kind": "card", "body": {"kind": "group", "children": [{"kind": "text", "text": "a"}]}, "footer": {"kind": "text", "text": "f"}}),
    );
    kept::<allof::Document>(
        json!({"id": "d1", "by": "me", "title": "T", "createdAt": "2026-01-01T00:00:00Z"}),
    );
    kept::<shared::Change>(json!({"op": "move", "path": "a.txt", "to": "b.txt", "meta": null}));
}

#[test]
fn keep_still_rejects_invalid_members_naming_the_field() {
    use wiregen_fixtures::{keep_literals as literals, keep_presence as presence};
    rejects::<presence::Presence>(
        json!({"required": "r", "optional": null, "nullable": null, "nullableRef": null, "x": 1}),
        "optional",
    );
    rejects::<presence::Presence>(
        json!({"required": "r", "nullableRef": null, "x": 1}),
        "missing field `nullable`",
    );
    rejects::<literals::Ack>(
        json!({"status": "fine", "queued": true, "version": 2, "jsonrpc": "2.0", "nothing": null}),
        "status",
    );
}
