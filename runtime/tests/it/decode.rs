//! `from_str`/`from_slice`/`from_value` errors name the field path; `to_*` mirror serde_json.

use wiregen_runtime::serde_json::{self, error::Category, json};

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
    pub args: Vec<Arg>,
}

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Arg {
    pub name: String,
}

#[test]
fn type_error_names_the_field_where_plain_serde_json_does_not() {
    let input = r#"{"requestId":5,"args":[]}"#;
    let plain = serde_json::from_str::<Spawn>(input).unwrap_err();
    assert_eq!(
        plain.to_string(),
        "invalid type: integer `5`, expected a string at line 1 column 14"
    );
    let err = wiregen_runtime::from_str::<Spawn>(input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "requestId: invalid type: integer `5`, expected a string at line 1 column 14"
    );
    assert_eq!(err.path(), "requestId");
    assert_eq!(
        err.message(),
        "invalid type: integer `5`, expected a string"
    );
    assert_eq!((err.line(), err.column()), (Some(1), Some(14)));
    assert_eq!(err.classify(), Category::Data);
}

#[test]
fn nested_paths_include_indices() {
    let input = "{\"requestId\":\"r\",\n\"args\":[{\"name\":\"a\"},{\"name\":null}]}";
    let err = wiregen_runtime::from_str::<Spawn>(input).unwrap_err();
    assert_eq!(
        err.to_string(),
        "args[1].name: invalid type: null, expected a string at line 2 column 33"
    );
}

#[test]
fn from_slice_behaves_like_from_str() {
    let ok: Spawn = wiregen_runtime::from_slice(br#"{"requestId":"r","args":[{"name":"n"}]}"#)
        .expect("decodes");
    assert_eq!(ok.args[0].name, "n");
    let err = wiregen_runtime::from_slice::<Spawn>(br#"{"requestId":"r","args":{}}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "args: invalid type: map, expected a sequence at line 1 column 24"
    );
}

#[test]
fn from_value_errors_have_a_path_but_no_position() {
    let err =
        wiregen_runtime::from_value::<Spawn>(json!({"requestId": "r", "args": [{"name": []}]}))
            .unwrap_err();
    assert_eq!(
        err.to_string(),
        "args[0].name: invalid type: sequence, expected a string"
    );
    assert_eq!((err.line(), err.column()), (None, None));
}

#[test]
fn top_level_errors_have_no_path_prefix() {
    let err = wiregen_runtime::from_str::<Spawn>(r#"{"args":[]}"#).unwrap_err();
    assert_eq!(err.path(), "");
    assert_eq!(
        err.to_string(),
        "missing field `requestId` at line 1 column 11"
    );
    let err = wiregen_runtime::from_str::<Spawn>("5").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: integer `5`, expected struct Spawn at line 1 column 1"
    );
}

#[test]
fn syntax_errors_and_trailing_characters_are_reported() {
    let err = wiregen_runtime::from_str::<Spawn>(r#"{"requestId":"r""#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "EOF while parsing an object at line 1 column 16"
    );
    assert_eq!(err.classify(), Category::Eof);
    let err =
        wiregen_runtime::from_str::<Spawn>(r#"{"requestId":"r","args":[{"name":"a""#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "args[0]: EOF while parsing an object at line 1 column 36"
    );
    let err = wiregen_runtime::from_str::<Vec<u8>>("[1] x").unwrap_err();
    assert_eq!(err.to_string(), "trailing characters at line 1 column 5");
    assert_eq!(err.classify(), Category::Syntax);
    let err = wiregen_runtime::from_slice::<Vec<u8>>(b"[1,]").unwrap_err();
    assert_eq!(err.to_string(), "trailing comma at line 1 column 4");
}

#[test]
fn error_is_a_std_error() {
    let err: Box<dyn std::error::Error> =
        Box::new(wiregen_runtime::from_str::<u8>("x").unwrap_err());
    assert_eq!(err.to_string(), "expected value at line 1 column 1");
}

#[test]
fn to_string_to_vec_and_to_value_match_serde_json() {
    let spawn = Spawn {
        request_id: "r".to_owned(),
        args: vec![Arg {
            name: "a".to_owned(),
        }],
    };
    let expected = serde_json::to_string(&spawn).expect("encodes");
    assert_eq!(
        wiregen_runtime::to_string(&spawn).expect("encodes"),
        expected
    );
    assert_eq!(
        wiregen_runtime::to_vec(&spawn).expect("encodes"),
        expected.as_bytes()
    );
    assert_eq!(
        wiregen_runtime::to_value(&spawn).expect("encodes"),
        serde_json::to_value(&spawn).expect("encodes")
    );
}

#[test]
fn encoding_errors_name_the_field() {
    let bad = std::collections::BTreeMap::from([(
        "outer",
        std::collections::BTreeMap::from([((1, 2), 3)]),
    )]);
    let err = wiregen_runtime::to_string(&bad).unwrap_err();
    assert_eq!(err.to_string(), "outer: key must be a string");
    assert_eq!(err.path(), "outer");
}
