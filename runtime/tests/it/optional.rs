//! `optional::deserialize` fields may be absent but reject an explicit `null`.

use wiregen_runtime::serde_json::{self, json};

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Open {
    #[serde(
        rename = "path",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "::wiregen_runtime::optional::deserialize"
    )]
    pub path: Option<String>,
    #[serde(
        rename = "mode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "::wiregen_runtime::optional::deserialize"
    )]
    pub mode: Option<u32>,
}

#[test]
fn absent_field_decodes_as_none_and_is_not_written() {
    let open: Open = wiregen_runtime::from_str("{}").expect("decodes");
    assert_eq!(
        open,
        Open {
            path: None,
            mode: None
        }
    );
    assert_eq!(wiregen_runtime::to_string(&open).expect("encodes"), "{}");
}

#[test]
fn present_field_decodes_as_some_and_round_trips() {
    let open: Open = wiregen_runtime::from_str(r#"{"path":"/a","mode":420}"#).expect("decodes");
    assert_eq!(open.path.as_deref(), Some("/a"));
    assert_eq!(open.mode, Some(420));
    assert_eq!(
        serde_json::to_value(&open).expect("encodes"),
        json!({"path": "/a", "mode": 420})
    );
}

#[test]
fn explicit_null_is_rejected_naming_the_field() {
    let err = wiregen_runtime::from_str::<Open>(r#"{"path":null}"#).unwrap_err();
    assert_eq!(err.path(), "path");
    assert_eq!(err.message(), "invalid type: null, expected a string");
    assert_eq!(
        err.to_string(),
        "path: invalid type: null, expected a string at line 1 column 12"
    );
}

#[test]
fn explicit_null_is_rejected_from_a_value_too() {
    let err = wiregen_runtime::from_value::<Open>(json!({"mode": null})).unwrap_err();
    assert_eq!(err.to_string(), "mode: invalid type: null, expected u32");
}
