//! `nullable::deserialize` fields accept `null` but must be present.

use wiregen_runtime::serde_json::json;

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Exit {
    #[serde(
        rename = "code",
        deserialize_with = "::wiregen_runtime::nullable::deserialize"
    )]
    pub code: Option<i32>,
}

#[derive(Debug, PartialEq, ::wiregen_runtime::serde::Deserialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct PlainOption {
    pub code: Option<i32>,
}

#[test]
fn null_decodes_as_none_and_is_written_back_as_null() {
    let exit: Exit = wiregen_runtime::from_str(r#"{"code":null}"#).expect("decodes");
    assert_eq!(exit.code, None);
    assert_eq!(
        wiregen_runtime::to_value(&exit).expect("encodes"),
        json!({"code": null})
    );
}

#[test]
fn value_decodes_as_some() {
    let exit: Exit = wiregen_runtime::from_str(r#"{"code":-1}"#).expect("decodes");
    assert_eq!(exit.code, Some(-1));
}

#[test]
fn missing_field_is_an_error() {
    let err = wiregen_runtime::from_str::<Exit>("{}").unwrap_err();
    assert_eq!(err.path(), "");
    assert_eq!(err.to_string(), "missing field `code` at line 1 column 2");
}

#[test]
fn plain_option_would_accept_a_missing_field() {
    // The behaviour `nullable` exists to prevent.
    let plain: PlainOption = wiregen_runtime::from_str("{}").expect("decodes");
    assert_eq!(plain, PlainOption { code: None });
}

#[test]
fn wrong_type_names_the_field() {
    let err = wiregen_runtime::from_str::<Exit>(r#"{"code":"x"}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"code: invalid type: string "x", expected i32 at line 1 column 11"#
    );
}
