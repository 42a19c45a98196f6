//! `UnknownFields`: members a struct does not declare, kept in order and written back, at the
//! top level, in nested structs and in the payloads of `#[derive(Union)]` enums (tag first,
//! tag last, self-tagged and adjacently tagged).

#[allow(unused_imports)]
use ::wiregen_runtime as wg;
use wg::serde_json::{Value, json};

#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, wg::Serialize, wg::Deserialize,
)]
#[serde(crate = "wg::serde")]
struct Inner {
    n: i64,
    #[serde(flatten)]
    unknown_fields: wg::UnknownFields,
}

#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Outer {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "wg::optional::deserialize")]
    inner: Option<Inner>,
    #[serde(flatten)]
    unknown_fields: wg::UnknownFields,
}

#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Named {
    kind: String,
    name: String,
    #[serde(flatten)]
    unknown_fields: wg::UnknownFields,
}

#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "kind")]
enum Event {
    #[wiregen(rename = "moved")]
    Moved(Inner),
    #[wiregen(rename = "renamed", self_tagged)]
    Renamed(Named),
    #[wiregen(other)]
    Unknown(wg::Value),
}

#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type", content = "data")]
enum Signal {
    #[wiregen(rename = "level")]
    Level(Inner),
}

/// Decodes `text` as `T` and asserts that encoding gives `text` back, byte for byte.
fn byte_equal<T: wg::serde::de::DeserializeOwned + wg::Serialize + std::fmt::Debug>(
    text: &str,
) -> T {
    let value: T = wg::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(wg::to_string(&value).unwrap(), text, "{value:?}");
    value
}

#[test]
fn unknown_members_at_the_top_level_and_nested_re_encode_byte_equal() {
    let text = r#"{"id":"a","inner":{"n":1,"extra":[1,{"z":null,"a":true}]},"trace":{"z":"1","a":2.5},"hop":3}"#;
    let outer: Outer = byte_equal(text);
    assert_eq!(
        outer.unknown_fields.keys().collect::<Vec<_>>(),
        ["trace", "hop"]
    );
    let inner = outer.inner.as_ref().unwrap();
    assert_eq!(
        inner.unknown_fields.get("extra"),
        Some(json!([1, {"z": null, "a": true}]))
    );
}

#[test]
fn declared_members_out_of_order_are_written_in_declaration_order_then_kept_ones() {
    let outer: Outer = wg::from_str(r#"{"x":1,"inner":{"n":2},"id":"a","y":[]}"#).unwrap();
    assert_eq!(
        wg::to_string(&outer).unwrap(),
        r#"{"id":"a","inner":{"n":2},"x":1,"y":[]}"#
    );
}

#[test]
fn a_member_received_twice_is_kept_and_written_twice() {
    let outer: Outer = byte_equal(r#"{"id":"a","x":1,"x":2}"#);
    assert_eq!(outer.unknown_fields.len(), 2);
    assert_eq!(outer.unknown_fields.get("x"), Some(json!(2)));
}

#[test]
fn union_payloads_keep_unknown_members_with_the_tag_first() {
    let e: Event = byte_equal(r#"{"kind":"moved","n":1,"later":{"b":1,"a":0}}"#);
    let Event::Moved(m) = &e else { panic!("{e:?}") };
    assert_eq!(m.unknown_fields.keys().collect::<Vec<_>>(), ["later"]);
    byte_equal::<Event>(r#"{"kind":"renamed","name":"x","since":"2.0"}"#);
}

#[test]
fn union_payloads_keep_unknown_members_with_the_tag_last() {
    let e: Event = wg::from_str(r#"{"early":true,"n":1,"kind":"moved","late":null}"#).unwrap();
    let Event::Moved(m) = &e else { panic!("{e:?}") };
    assert_eq!(
        m.unknown_fields.keys().collect::<Vec<_>>(),
        ["early", "late"]
    );
    // The tag is written first; the payload's members follow in the order received.
    assert_eq!(
        wg::to_string(&e).unwrap(),
        r#"{"kind":"moved","n":1,"early":true,"late":null}"#
    );
    let r: Event = wg::from_str(r#"{"name":"x","v":2,"kind":"renamed"}"#).unwrap();
    assert_eq!(
        wg::to_string(&r).unwrap(),
        r#"{"kind":"renamed","name":"x","v":2}"#
    );
}

#[test]
fn adjacently_tagged_payloads_keep_unknown_members_in_either_order() {
    byte_equal::<Signal>(r#"{"type":"level","data":{"n":4,"unit":"dB"}}"#);
    let s: Signal = wg::from_str(r#"{"data":{"unit":"dB","n":4},"type":"level"}"#).unwrap();
    assert_eq!(
        wg::to_string(&s).unwrap(),
        r#"{"type":"level","data":{"n":4,"unit":"dB"}}"#
    );
}

#[test]
fn kept_members_re_encode_into_a_value_too() {
    let outer: Outer =
        wg::from_str(r#"{"id":"a","big":18446744073709551615,"neg":-1,"f":0.5}"#).unwrap();
    assert_eq!(
        wg::to_value(&outer).unwrap(),
        json!({"id": "a", "big": 18446744073709551615_u64, "neg": -1, "f": 0.5})
    );
}

#[test]
fn errors_in_declared_members_still_name_the_field() {
    let err = wg::from_str::<Outer>(r#"{"id":"a","x":1,"inner":{"n":"one"}}"#).unwrap_err();
    assert!(err.to_string().contains("inner"), "{err}");
    let err = wg::from_str::<Outer>(r#"{"x":1}"#).unwrap_err();
    assert!(err.to_string().contains("missing field `id`"), "{err}");
}

#[test]
fn insert_replaces_in_place_and_remove_drops_every_occurrence() {
    let mut u: wg::UnknownFields = [("a".to_string(), json!(1)), ("b".to_string(), json!(2))]
        .into_iter()
        .collect();
    assert_eq!(u.insert("a", json!("x")), Some(json!(1)));
    assert_eq!(u.insert("c", Value::Null), None);
    assert_eq!(u.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(u.remove("b"), Some(json!(2)));
    assert_eq!(u.remove("b"), None);
    assert_eq!(
        u.iter().collect::<Vec<_>>(),
        [("a", json!("x")), ("c", Value::Null)]
    );
    assert_eq!(format!("{u:?}"), r#"{"a": "x", "c": null}"#);
}

#[test]
fn equal_kept_members_compare_equal_and_order_consistently() {
    let a: Inner = wg::from_str(r#"{"n":1,"x":{"b":1,"a":2}}"#).unwrap();
    let b: Inner = wg::from_str(r#"{"n":1,"x":{"b":1,"a":2}}"#).unwrap();
    let c: Inner = wg::from_str(r#"{"n":1,"x":{"a":2,"b":1}}"#).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
    // Member order is part of the message a relay forwards.
    assert_ne!(a, c);
    assert_ne!(a.cmp(&c), std::cmp::Ordering::Equal);
    assert!(Inner::default().unknown_fields.is_empty());
}

#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Text {
    value: String,
    #[serde(flatten)]
    unknown_fields: wg::UnknownFields,
}

#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
struct Markdown {
    value: String,
    flavor: String,
    #[serde(flatten)]
    unknown_fields: wg::UnknownFields,
}

/// An untagged union as generated code writes it.
#[derive(Debug, Clone, PartialEq, wg::Serialize)]
#[serde(crate = "wg::serde", untagged)]
enum Reply {
    Text(Text),
    Markdown(Markdown),
}

impl<'de> wg::Deserialize<'de> for Reply {
    fn deserialize<D: wg::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        wg::untagged::decode(
            d,
            "Reply",
            &[
                wg::untagged::Member {
                    name: "Text",
                    keys: &["value"],
                    open: false,
                    decode: |v| wg::untagged::member(v, Self::Text),
                },
                wg::untagged::Member {
                    name: "Markdown",
                    keys: &["value", "flavor"],
                    open: false,
                    decode: |v| wg::untagged::member(v, Self::Markdown),
                },
            ],
        )
    }
}

#[test]
fn best_match_prefers_the_member_that_declares_what_another_would_only_keep() {
    // `Text` comes first and would keep `flavor` unchanged; `Markdown` declares it.
    let r: Reply = byte_equal(r#"{"value":"**hi**","flavor":"gfm","seen":1}"#);
    let Reply::Markdown(m) = &r else {
        panic!("{r:?}")
    };
    assert_eq!(m.unknown_fields.keys().collect::<Vec<_>>(), ["seen"]);
    // Nothing declares `lang`: the first member keeps it.
    let r: Reply = byte_equal(r#"{"value":"hi","lang":"en"}"#);
    assert!(matches!(r, Reply::Text(_)), "{r:?}");
    // Measuring left nothing behind: kept members are written again.
    assert_eq!(wg::to_string(&r).unwrap(), r#"{"value":"hi","lang":"en"}"#);
}
