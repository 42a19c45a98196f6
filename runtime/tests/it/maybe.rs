//! `Maybe<T>` fields keep absent, `null` and a value apart through decode and encode.

use wiregen_runtime::Maybe;
use wiregen_runtime::serde_json::{self, json};

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Patch {
    #[serde(
        rename = "x",
        default,
        skip_serializing_if = "::wiregen_runtime::Maybe::is_absent"
    )]
    pub x: ::wiregen_runtime::Maybe<String>,
    #[serde(
        rename = "count",
        default,
        skip_serializing_if = "::wiregen_runtime::Maybe::is_absent"
    )]
    pub count: ::wiregen_runtime::Maybe<u32>,
}

fn round_trip(input: serde_json::Value) -> serde_json::Value {
    let patch: Patch = wiregen_runtime::from_value(input).expect("decodes");
    serde_json::to_value(patch).expect("encodes")
}

#[test]
fn absent_field_decodes_as_absent_and_stays_absent() {
    let patch: Patch = wiregen_runtime::from_str("{}").expect("decodes");
    assert_eq!(patch.x, Maybe::Absent);
    assert_eq!(round_trip(json!({})), json!({}));
}

#[test]
fn null_field_decodes_as_null_and_stays_null() {
    let patch: Patch = wiregen_runtime::from_str(r#"{"x":null}"#).expect("decodes");
    assert_eq!(patch.x, Maybe::Null);
    assert_eq!(patch.count, Maybe::Absent);
    assert_eq!(round_trip(json!({"x": null})), json!({"x": null}));
}

#[test]
fn value_field_decodes_as_value_and_stays_a_value() {
    let patch: Patch = wiregen_runtime::from_str(r#"{"x":"hi","count":2}"#).expect("decodes");
    assert_eq!(patch.x, Maybe::Value("hi".to_owned()));
    assert_eq!(patch.count, Maybe::Value(2));
    assert_eq!(
        round_trip(json!({"x": "hi", "count": 2})),
        json!({"x": "hi", "count": 2})
    );
}

#[test]
fn mixed_states_round_trip_through_text() {
    let text = r#"{"x":null,"count":7}"#;
    let patch: Patch = wiregen_runtime::from_str(text).expect("decodes");
    assert_eq!(wiregen_runtime::to_string(&patch).expect("encodes"), text);
}

#[test]
fn wrong_value_type_names_the_field() {
    let err = wiregen_runtime::from_str::<Patch>(r#"{"count":"many"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"count: invalid type: string "many", expected u32 at line 1 column 15"#
    );
}

#[test]
fn accessors_report_the_state() {
    let value = Maybe::Value(3);
    assert!(value.is_value() && !value.is_null() && !value.is_absent());
    assert_eq!(value.value(), Some(&3));
    assert_eq!(value.as_ref().map(|n| n + 1), Maybe::Value(4));
    assert_eq!(value.into_value(), Some(3));
    assert!(Maybe::<u8>::Null.is_null());
    assert_eq!(Maybe::<u8>::Null.into_value(), None);
    assert!(Maybe::<u8>::default().is_absent());
}

#[test]
fn from_option_maps_none_to_null() {
    assert_eq!(Maybe::from(Some("a")), Maybe::Value("a"));
    assert_eq!(Maybe::<&str>::from(None), Maybe::Null);
}
