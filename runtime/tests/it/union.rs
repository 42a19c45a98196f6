//! Union helpers, used exactly as generated code uses them for an internally tagged message enum.

use std::collections::BTreeMap;

use wiregen_runtime::serde_json::{self, json};
use wiregen_runtime::union;

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Spawn(msg::Spawn),
    Stop(msg::Stop),
}

pub mod msg {
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::wiregen_runtime::serde::Serialize,
        ::wiregen_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::wiregen_runtime::serde")]
    pub struct Spawn {
        #[serde(rename = "requestId")]
        pub request_id: String,
    }
    #[derive(
        Debug,
        Clone,
        PartialEq,
        ::wiregen_runtime::serde::Serialize,
        ::wiregen_runtime::serde::Deserialize,
    )]
    #[serde(crate = "::wiregen_runtime::serde")]
    pub struct Stop {}
}

impl Msg {
    pub const TAGS: &'static [&'static str] = &["spawn", "stop"];
}

impl ::wiregen_runtime::serde::Serialize for Msg {
    fn serialize<S: ::wiregen_runtime::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Spawn(v) => ::wiregen_runtime::union::serialize_tagged(s, "type", "spawn", v),
            Self::Stop(v) => ::wiregen_runtime::union::serialize_tagged(s, "type", "stop", v),
        }
    }
}

impl<'de> ::wiregen_runtime::serde::Deserialize<'de> for Msg {
    fn deserialize<D: ::wiregen_runtime::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (tag, value) = ::wiregen_runtime::union::split_tag(d, "type")?;
        match tag.as_str() {
            "spawn" => ::wiregen_runtime::union::variant(value).map(Self::Spawn),
            "stop" => ::wiregen_runtime::union::variant(value).map(Self::Stop),
            other => Err(::wiregen_runtime::union::unknown_tag(
                "type",
                other,
                Self::TAGS,
            )),
        }
    }
}

/// A variant with nested structure, to see field paths below the top level.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Open {
    pub options: Options,
}

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Options {
    pub entry: String,
    pub args: Vec<u32>,
}

/// A union carried inside another message.
#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Envelope {
    pub id: u32,
    pub payload: Msg,
}

#[derive(::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct UnitStruct;

#[derive(::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Newtype(pub msg::Spawn);

#[derive(::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct TupleStruct(pub u8, pub u8);

#[derive(::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub enum Shapes {
    Unit,
    Wrapped(u8),
    Tuple(u8, u8),
    Fields { a: u8 },
}

fn spawn(id: &str) -> Msg {
    Msg::Spawn(msg::Spawn {
        request_id: id.to_owned(),
    })
}

fn tagged_error<T: wiregen_runtime::serde::Serialize>(value: &T) -> String {
    union::serialize_tagged(serde_json::value::Serializer, "type", "t", value)
        .unwrap_err()
        .to_string()
}

#[test]
fn serializes_the_tag_first_then_the_fields() {
    assert_eq!(
        wiregen_runtime::to_string(&spawn("r1")).expect("encodes"),
        r#"{"type":"spawn","requestId":"r1"}"#
    );
}

#[test]
fn zero_field_variant_serializes_as_only_the_tag() {
    assert_eq!(
        wiregen_runtime::to_string(&Msg::Stop(msg::Stop {})).expect("encodes"),
        r#"{"type":"stop"}"#
    );
}

#[test]
fn decodes_with_the_tag_first_or_last() {
    assert_eq!(
        wiregen_runtime::from_str::<Msg>(r#"{"type":"spawn","requestId":"r"}"#).expect("decodes"),
        spawn("r")
    );
    assert_eq!(
        wiregen_runtime::from_str::<Msg>(r#"{"requestId":"r","type":"spawn"}"#).expect("decodes"),
        spawn("r")
    );
}

#[test]
fn zero_field_variant_decodes_and_ignores_unknown_fields() {
    let stop = Msg::Stop(msg::Stop {});
    assert_eq!(
        wiregen_runtime::from_str::<Msg>(r#"{"type":"stop"}"#).expect("decodes"),
        stop
    );
    assert_eq!(
        wiregen_runtime::from_str::<Msg>(r#"{"type":"stop","extra":1}"#).expect("decodes"),
        stop
    );
}

#[test]
fn round_trips_through_plain_serde_json() {
    for msg in [spawn("a"), Msg::Stop(msg::Stop {})] {
        let text = serde_json::to_string(&msg).expect("encodes");
        assert_eq!(serde_json::from_str::<Msg>(&text).expect("decodes"), msg);
    }
}

#[test]
fn wrong_field_type_names_the_field() {
    let err = wiregen_runtime::from_str::<Msg>(r#"{"type":"spawn","requestId":5}"#).unwrap_err();
    assert!(err.to_string().contains("requestId"), "{err}");
    assert_eq!(
        err.to_string(),
        "requestId: invalid type: integer `5`, expected a string"
    );
    let plain = serde_json::from_str::<Msg>(r#"{"type":"spawn","requestId":5}"#).unwrap_err();
    assert_eq!(
        plain.to_string(),
        "requestId: invalid type: integer `5`, expected a string"
    );
}

#[test]
fn missing_variant_field_is_just_the_message() {
    let err = wiregen_runtime::from_str::<Msg>(r#"{"type":"spawn"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `requestId`");
}

#[test]
fn nested_paths_and_paths_through_an_envelope() {
    let err =
        union::variant::<Open, serde_json::Error>(json!({"options": {"entry": 1, "args": []}}))
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "options.entry: invalid type: integer `1`, expected a string"
    );
    let err = union::variant::<Open, serde_json::Error>(
        json!({"options": {"entry": "m", "args": [1, "x"]}}),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"options.args[1]: invalid type: string "x", expected u32"#
    );
    let err = wiregen_runtime::from_str::<Envelope>(
        r#"{"id":1,"payload":{"type":"spawn","requestId":false}}"#,
    )
    .unwrap_err();
    assert_eq!(err.path(), "payload");
    assert_eq!(
        err.message(),
        "requestId: invalid type: boolean `false`, expected a string"
    );
}

#[test]
fn union_inside_a_message_round_trips() {
    let envelope = Envelope {
        id: 2,
        payload: spawn("x"),
    };
    let text = wiregen_runtime::to_string(&envelope).expect("encodes");
    assert_eq!(
        text,
        r#"{"id":2,"payload":{"type":"spawn","requestId":"x"}}"#
    );
    assert_eq!(
        wiregen_runtime::from_str::<Envelope>(&text).expect("decodes"),
        envelope
    );
}

#[test]
fn unknown_tag_lists_the_expected_tags() {
    let err = wiregen_runtime::from_str::<Msg>(r#"{"type":"foo"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown `type` value `foo`, expected `spawn` or `stop`"
    );
    let err: serde_json::Error = union::unknown_tag("kind", "foo", &["a", "b", "c"]);
    assert_eq!(
        err.to_string(),
        "unknown `kind` value `foo`, expected one of `a`, `b`, `c`"
    );
}

#[test]
fn missing_tag_is_a_missing_field_error() {
    let err = wiregen_runtime::from_str::<Msg>(r#"{"requestId":"r"}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `type`");
}

#[test]
fn non_string_tag_is_rejected_naming_the_tag() {
    let message = |json| {
        wiregen_runtime::from_value::<Msg>(json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(json!({"type": 1})),
        "invalid type for field `type`: integer `1`, expected a string"
    );
    assert_eq!(
        message(json!({"type": null})),
        "invalid type for field `type`: null, expected a string"
    );
    assert_eq!(
        message(json!({"type": 1.5})),
        "invalid type for field `type`: floating point `1.5`, expected a string"
    );
    assert_eq!(
        message(json!({"type": ["spawn"]})),
        "invalid type for field `type`: sequence, expected a string"
    );
}

#[test]
fn non_object_input_is_rejected_naming_the_tag_key() {
    let message = |json| {
        wiregen_runtime::from_value::<Msg>(json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(json!("spawn")),
        r#"invalid type: string "spawn", expected an object with a `type` field"#
    );
    assert_eq!(
        message(json!(null)),
        "invalid type: null, expected an object with a `type` field"
    );
    assert_eq!(
        message(json!([])),
        "invalid type: sequence, expected an object with a `type` field"
    );
    assert_eq!(
        message(json!(true)),
        "invalid type: boolean `true`, expected an object with a `type` field"
    );
    let err = union::split_tag(json!(-3), "kind").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `-3`, expected an object with a `kind` field"
    );
}

#[test]
fn split_tag_returns_the_whole_object() {
    let (tag, value) = union::split_tag(json!({"a": 1, "type": "x"}), "type").expect("splits");
    assert_eq!(tag, "x");
    assert_eq!(value, json!({"a": 1, "type": "x"}));
}

#[test]
fn serialize_tagged_accepts_maps_units_and_newtype_structs() {
    let map = BTreeMap::from([("b", 2), ("a", 1)]);
    let tagged = |value: &dyn erased::Value| value.tagged();
    assert_eq!(tagged(&map), json!({"type": "t", "a": 1, "b": 2}));
    assert_eq!(tagged(&()), json!({"type": "t"}));
    assert_eq!(tagged(&UnitStruct), json!({"type": "t"}));
    assert_eq!(
        tagged(&Newtype(msg::Spawn {
            request_id: "n".to_owned()
        })),
        json!({"type": "t", "requestId": "n"})
    );
    let text = {
        let mut out = Vec::new();
        union::serialize_tagged(
            &mut serde_json::Serializer::new(&mut out),
            "type",
            "t",
            &map,
        )
        .expect("encodes");
        String::from_utf8(out).expect("utf-8")
    };
    assert_eq!(text, r#"{"type":"t","a":1,"b":2}"#);
}

#[test]
fn serialize_tagged_rejects_every_non_object_shape() {
    let prefix = "cannot serialize a tagged union variant that is not an object (found ";
    let cases: Vec<(String, &str)> = vec![
        (tagged_error(&true), "a boolean"),
        (tagged_error(&-1i8), "an integer"),
        (tagged_error(&7u64), "an integer"),
        (tagged_error(&1.5f64), "a float"),
        (tagged_error(&'c'), "a char"),
        (tagged_error(&"s"), "a string"),
        (tagged_error(&None::<msg::Stop>), "an option"),
        (tagged_error(&Some(msg::Stop {})), "an option"),
        (tagged_error(&vec![1]), "a sequence"),
        (tagged_error(&(1, 2)), "a tuple"),
        (tagged_error(&TupleStruct(1, 2)), "a tuple struct"),
        (tagged_error(&Shapes::Unit), "a unit variant"),
        (tagged_error(&Shapes::Wrapped(1)), "a newtype variant"),
        (tagged_error(&Shapes::Tuple(1, 2)), "a tuple variant"),
        (tagged_error(&Shapes::Fields { a: 1 }), "a struct variant"),
    ];
    for (message, kind) in cases {
        assert_eq!(message, format!("{prefix}{kind})"));
    }
}

mod erased {
    //! Lets one closure tag values of different types.
    use wiregen_runtime::serde_json;

    pub trait Value {
        fn tagged(&self) -> serde_json::Value;
    }

    impl<T: wiregen_runtime::serde::Serialize> Value for T {
        fn tagged(&self) -> serde_json::Value {
            wiregen_runtime::union::serialize_tagged(
                serde_json::value::Serializer,
                "type",
                "t",
                self,
            )
            .expect("encodes")
        }
    }
}
