//! `js::serialize` writes integral floats as integers everywhere inside a value, like `JSON.stringify`.

use std::collections::BTreeMap;

use proptest::prelude::*;
use wiregen_runtime::Maybe;
use wiregen_runtime::js::{self, Js};
use wiregen_runtime::serde_json;

#[derive(Debug, Clone, PartialEq, ::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Inner {
    pub z: f64,
}

#[derive(Debug, Clone, PartialEq, ::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Numbers {
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub a: f64,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub b: Vec<f64>,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub c: BTreeMap<String, f64>,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub d: Option<f64>,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub e: (f64, String),
    #[serde(
        default,
        skip_serializing_if = "::wiregen_runtime::Maybe::is_absent",
        serialize_with = "::wiregen_runtime::js::serialize"
    )]
    pub f: Maybe<f64>,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub g: Box<f64>,
    #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
    pub h: Vec<Inner>,
    /// Not marked: keeps serde_json's float output.
    pub plain: f64,
}

#[derive(Debug, Clone, PartialEq, ::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Wrapper(pub f64);

#[derive(Debug, Clone, PartialEq, ::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub struct Pair(pub f64, pub f64);

#[derive(Debug, Clone, PartialEq, ::wiregen_runtime::serde::Serialize)]
#[serde(crate = "::wiregen_runtime::serde")]
pub enum Shape {
    Circle(f64),
    Rect(f64, f64),
    Point { x: f64, y: f64 },
}

/// A map with float keys (no std map allows them), to see keys go through the adaptor.
pub struct FloatKeyed;

impl wiregen_runtime::serde::Serialize for FloatKeyed {
    fn serialize<S: wiregen_runtime::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map([(2.0_f64, "two"), (2.5, "two and a half")])
    }
}

fn js_string<T: wiregen_runtime::serde::Serialize>(value: T) -> String {
    serde_json::to_string(&Js(value)).expect("encodes")
}

#[test]
fn struct_fields_of_every_shape_write_integral_floats_as_integers() {
    let numbers = Numbers {
        a: 1.0,
        b: vec![2.0, 2.5],
        c: BTreeMap::from([("k".to_owned(), 3.0)]),
        d: None,
        e: (4.0, "s".to_owned()),
        f: Maybe::Value(5.0),
        g: Box::new(6.0),
        h: vec![Inner { z: 7.0 }],
        plain: 8.0,
    };
    assert_eq!(
        wiregen_runtime::to_string(&numbers).expect("encodes"),
        r#"{"a":1,"b":[2,2.5],"c":{"k":3},"d":null,"e":[4,"s"],"f":5,"g":6,"h":[{"z":7}],"plain":8.0}"#
    );
}

#[test]
fn some_value_and_null_and_absent_maybe_are_handled() {
    let mut numbers = Numbers {
        a: 0.5,
        b: vec![],
        c: BTreeMap::new(),
        d: Some(9.0),
        e: (-0.0, String::new()),
        f: Maybe::Null,
        g: Box::new(-1.0),
        h: vec![],
        plain: 0.5,
    };
    assert_eq!(
        wiregen_runtime::to_string(&numbers).expect("encodes"),
        r#"{"a":0.5,"b":[],"c":{},"d":9,"e":[0,""],"f":null,"g":-1,"h":[],"plain":0.5}"#
    );
    numbers.f = Maybe::Absent;
    let json = wiregen_runtime::to_string(&numbers).expect("encodes");
    assert!(!json.contains("\"f\""), "{json}");
}

#[test]
fn newtype_tuple_struct_and_enum_variants_are_reached() {
    assert_eq!(js_string(Wrapper(1.0)), "1");
    assert_eq!(js_string(Pair(1.0, 1.25)), "[1,1.25]");
    assert_eq!(js_string(Shape::Circle(2.0)), r#"{"Circle":2}"#);
    assert_eq!(js_string(Shape::Rect(3.0, 4.5)), r#"{"Rect":[3,4.5]}"#);
    assert_eq!(
        js_string(Shape::Point { x: 5.0, y: -6.0 }),
        r#"{"Point":{"x":5,"y":-6}}"#
    );
}

#[test]
fn map_keys_are_reached_too() {
    let map = BTreeMap::from([(1u8, 1.0)]);
    assert_eq!(js_string(&map), r#"{"1":1}"#);
    assert_eq!(
        js_string(FloatKeyed),
        r#"{"2":"two","2.5":"two and a half"}"#
    );
    assert_eq!(
        serde_json::to_string(&FloatKeyed).expect("encodes"),
        r#"{"2.0":"two","2.5":"two and a half"}"#
    );
}

#[test]
fn non_float_values_are_forwarded_unchanged() {
    assert_eq!(
        js_string((true, 'c', "s", 7u64, -7i64, (), None::<u8>, Some(1u8))),
        r#"[true,"c","s",7,-7,null,null,1]"#
    );
}

#[test]
fn values_at_and_beyond_two_pow_53_keep_serde_json_output() {
    assert_eq!(js_string(9_007_199_254_740_991.0_f64), "9007199254740991");
    assert_eq!(js_string(9_007_199_254_740_992.0_f64), "9007199254740992.0");
    assert_eq!(
        js_string(1e21_f64),
        serde_json::to_string(&1e21_f64).expect("encodes")
    );
}

#[test]
fn serialize_f64_helper_writes_integers_and_fractions() {
    let int = js::serialize_f64(10.0, serde_json::value::Serializer).expect("encodes");
    assert_eq!(int, serde_json::json!(10));
    assert!(int.is_i64());
    let frac = js::serialize_f64(0.25, serde_json::value::Serializer).expect("encodes");
    assert_eq!(frac, serde_json::json!(0.25));
}

#[test]
fn to_js_integer_covers_the_exact_integer_range() {
    assert_eq!(js::to_js_integer(1.0), Some(1));
    assert_eq!(js::to_js_integer(-0.0), Some(0));
    assert_eq!(js::to_js_integer(1.5), None);
    assert_eq!(js::to_js_integer(f64::NEG_INFINITY), None);
    assert_eq!(js::to_js_integer(9_007_199_254_740_992.0), None);
}

proptest! {
    #[test]
    fn any_finite_f64_reads_back_equal_and_integral_ones_have_no_point(
        v in any::<f64>().prop_filter("finite", |v| v.is_finite())
    ) {
        let text = js_string(v);
        let back: f64 = text.parse().expect("parses as f64");
        prop_assert_eq!(back, v, "{} wrote {}", v, text);
        if v.trunc() == v && v.abs() < 9_007_199_254_740_992.0 {
            prop_assert!(!text.contains('.') && !text.contains('e'), "{} wrote {}", v, text);
            prop_assert_eq!(text.parse::<i64>().ok(), js::to_js_integer(v));
        }
    }

    #[test]
    fn any_integral_f64_below_two_pow_53_prints_like_an_integer(i in -(1i64 << 53) + 1..(1i64 << 53)) {
        #[allow(clippy::cast_precision_loss)]
        let v = i as f64;
        prop_assert_eq!(js_string(v), i.to_string());
    }
}
