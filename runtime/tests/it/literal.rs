//! `literal!` types write their constant and accept only it, with no direct serde dependency in the caller.

// Shadow the crate names: an expansion that used a bare `serde::` or `serde_json::`
// path would resolve to these empty modules and fail to compile.
mod serde {}
mod serde_json {}

use wiregen_runtime::literal::LiteralValue;
use wiregen_runtime::serde_json::json;

::wiregen_runtime::literal! {
    /// Always `"2.0"` on the wire.
    pub struct JsonRpcVersion = "2.0";
}

::wiregen_runtime::literal! {
    /// Always `true`.
    pub struct Yes = true;
    /// Always `false`.
    pub(crate) struct No = false;
    /// Protocol version 3.
    pub struct Three = 3;
    /// A negative integer.
    struct MinusOne = -1;
    /// The largest JSON integer serde_json holds.
    pub struct Big = 18446744073709551615;
    /// A float constant.
    pub struct Half = 0.5;
    /// A float constant with no fractional part.
    pub struct TwoPointZero = 2.0;
    /// A string that needs escaping.
    pub struct Quoted = "say \"hi\"\n";
}

#[derive(
    Debug,
    Clone,
    PartialEq,
    ::wiregen_runtime::serde::Serialize,
    ::wiregen_runtime::serde::Deserialize,
)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Request {
    #[serde(rename = "jsonrpc")]
    pub jsonrpc: JsonRpcVersion,
    #[serde(rename = "id")]
    pub id: u32,
}

#[test]
fn string_literal_serializes_as_its_value() {
    assert_eq!(
        wiregen_runtime::to_string(&JsonRpcVersion).expect("encodes"),
        r#""2.0""#
    );
    let request = Request {
        jsonrpc: JsonRpcVersion,
        id: 1,
    };
    assert_eq!(
        wiregen_runtime::to_value(&request).expect("encodes"),
        json!({"jsonrpc": "2.0", "id": 1})
    );
}

#[test]
fn string_literal_accepts_its_value_borrowed_or_escaped() {
    assert_eq!(
        wiregen_runtime::from_str::<JsonRpcVersion>(r#""2.0""#).expect("decodes"),
        JsonRpcVersion
    );
    assert_eq!(
        wiregen_runtime::from_str::<JsonRpcVersion>(r#""\u0032.0""#).expect("decodes"),
        JsonRpcVersion
    );
    assert_eq!(
        wiregen_runtime::from_value::<JsonRpcVersion>(json!("2.0")).expect("decodes"),
        JsonRpcVersion
    );
    let request: Request =
        wiregen_runtime::from_str(r#"{"jsonrpc":"2.0","id":7}"#).expect("decodes");
    assert_eq!(request.id, 7);
}

#[test]
fn string_literal_rejects_another_string_naming_the_field() {
    let err = wiregen_runtime::from_str::<Request>(r#"{"jsonrpc":"1.0","id":7}"#).unwrap_err();
    assert_eq!(err.path(), "jsonrpc");
    assert_eq!(
        err.message(),
        r#"invalid value: string "1.0", expected the constant "2.0""#
    );
    assert_eq!(
        err.to_string(),
        r#"jsonrpc: invalid value: string "1.0", expected the constant "2.0" at line 1 column 16"#
    );
}

#[test]
fn string_literal_rejects_other_kinds_with_invalid_value() {
    let message = |json| {
        wiregen_runtime::from_value::<JsonRpcVersion>(json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        message(json!(2)),
        r#"invalid value: integer `2`, expected the constant "2.0""#
    );
    assert_eq!(
        message(json!(2.0)),
        r#"invalid value: floating point `2.0`, expected the constant "2.0""#
    );
    assert_eq!(
        message(json!(null)),
        r#"invalid value: null, expected the constant "2.0""#
    );
    assert_eq!(
        message(json!(true)),
        r#"invalid value: boolean `true`, expected the constant "2.0""#
    );
    assert_eq!(
        message(json!(["2.0"])),
        r#"invalid value: sequence, expected the constant "2.0""#
    );
    assert_eq!(
        message(json!({"v": "2.0"})),
        r#"invalid value: map, expected the constant "2.0""#
    );
}

#[test]
fn missing_literal_field_is_a_missing_field_error() {
    let err = wiregen_runtime::from_str::<Request>(r#"{"id":7}"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "missing field `jsonrpc` at line 1 column 8"
    );
}

#[test]
fn bool_literals_accept_only_their_value() {
    assert_eq!(wiregen_runtime::to_string(&Yes).expect("encodes"), "true");
    assert_eq!(wiregen_runtime::to_string(&No).expect("encodes"), "false");
    assert_eq!(
        wiregen_runtime::from_str::<Yes>("true").expect("decodes"),
        Yes
    );
    assert_eq!(
        wiregen_runtime::from_str::<Yes>("false")
            .unwrap_err()
            .to_string(),
        "invalid value: boolean `false`, expected the constant true at line 1 column 5"
    );
    assert_eq!(
        wiregen_runtime::from_str::<No>(r#""false""#)
            .unwrap_err()
            .message(),
        r#"invalid value: string "false", expected the constant false"#
    );
}

#[test]
fn integer_literals_match_json_integers_of_the_same_value_only() {
    assert_eq!(wiregen_runtime::to_string(&Three).expect("encodes"), "3");
    assert_eq!(
        wiregen_runtime::from_str::<Three>("3").expect("decodes"),
        Three
    );
    assert_eq!(
        wiregen_runtime::from_str::<Three>("4")
            .unwrap_err()
            .message(),
        "invalid value: integer `4`, expected the constant 3"
    );
    assert_eq!(
        wiregen_runtime::from_str::<Three>("3.0")
            .unwrap_err()
            .message(),
        "invalid value: floating point `3.0`, expected the constant 3"
    );
    assert_eq!(
        wiregen_runtime::to_string(&MinusOne).expect("encodes"),
        "-1"
    );
    assert_eq!(
        wiregen_runtime::from_str::<MinusOne>("-1").expect("decodes"),
        MinusOne
    );
    assert_eq!(
        wiregen_runtime::from_str::<MinusOne>("-2")
            .unwrap_err()
            .message(),
        "invalid value: integer `-2`, expected the constant -1"
    );
    assert_eq!(
        wiregen_runtime::to_string(&Big).expect("encodes"),
        "18446744073709551615"
    );
    assert_eq!(
        wiregen_runtime::from_str::<Big>("18446744073709551615").expect("decodes"),
        Big
    );
}

#[test]
fn float_literals_match_json_floats_of_the_same_value_only() {
    assert_eq!(wiregen_runtime::to_string(&Half).expect("encodes"), "0.5");
    assert_eq!(
        wiregen_runtime::from_str::<Half>("0.50").expect("decodes"),
        Half
    );
    assert_eq!(
        wiregen_runtime::from_str::<Half>("5e-1").expect("decodes"),
        Half
    );
    assert_eq!(
        wiregen_runtime::from_str::<Half>("0.25")
            .unwrap_err()
            .message(),
        "invalid value: floating point `0.25`, expected the constant 0.5"
    );
    assert_eq!(
        wiregen_runtime::from_str::<TwoPointZero>("2.0").expect("decodes"),
        TwoPointZero
    );
    assert_eq!(
        wiregen_runtime::from_str::<TwoPointZero>("2")
            .unwrap_err()
            .message(),
        "invalid value: integer `2`, expected the constant 2.0"
    );
}

#[test]
fn value_accessors_expose_the_constant() {
    assert_eq!(JsonRpcVersion::VALUE, LiteralValue::Str("2.0"));
    assert_eq!(JsonRpcVersion::VALUE.as_str(), Some("2.0"));
    assert_eq!(JsonRpcVersion::value(), json!("2.0"));
    assert_eq!(Yes::VALUE.as_bool(), Some(true));
    assert_eq!(Three::VALUE.as_i64(), Some(3));
    assert_eq!(Big::VALUE.as_u64(), Some(u64::MAX));
    assert_eq!(Big::value(), json!(u64::MAX));
    assert_eq!(Half::VALUE.as_f64(), Some(0.5));
    assert_eq!(MinusOne::value(), json!(-1));
}

#[test]
fn display_is_the_json_text_of_the_constant() {
    assert_eq!(JsonRpcVersion.to_string(), r#""2.0""#);
    assert_eq!(Quoted.to_string(), r#""say \"hi\"\n""#);
    assert_eq!(TwoPointZero.to_string(), "2.0");
    assert_eq!(MinusOne.to_string(), "-1");
}

#[test]
fn escaped_string_literal_round_trips() {
    let text = wiregen_runtime::to_string(&Quoted).expect("encodes");
    assert_eq!(text, r#""say \"hi\"\n""#);
    assert_eq!(
        wiregen_runtime::from_str::<Quoted>(&text).expect("decodes"),
        Quoted
    );
}

#[test]
fn derives_the_listed_traits() {
    fn assert_traits<T: Copy + Eq + Ord + std::hash::Hash + Default + std::fmt::Debug>() {}
    assert_traits::<JsonRpcVersion>();
    assert_traits::<Half>();
    assert_eq!(<JsonRpcVersion as Default>::default(), JsonRpcVersion);
    assert_eq!(format!("{:?}", JsonRpcVersion), "JsonRpcVersion");
}

#[test]
fn macro_expansion_uses_only_crate_relative_serde_paths() {
    let source = include_str!("../../src/literal.rs");
    let start = source.find("macro_rules! literal").expect("macro present");
    let end = start + source[start..].find("\n}\n").expect("macro ends");
    let body = &source[start..end];
    for needle in ["::serde::", "::serde_json::"] {
        for (at, _) in body.match_indices(needle) {
            assert!(
                body[..at].ends_with("$crate"),
                "non-$crate path `{needle}` in literal! at {at}"
            );
        }
    }
}
