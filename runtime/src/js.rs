//! JavaScript-style number output: floats with no fractional part are written as integers, like `JSON.stringify`.
//!
//! A schema `number` becomes an `f64` in Rust, and serde_json writes `1.0_f64` as `1.0`
//! where a JavaScript peer writes `1`. [`serialize`] runs any value through
//! [`JsSerializer`], a serializer adaptor that forwards everything to the real
//! serializer except that it writes an integral float as an integer. It reaches into
//! every compound value (options, sequences, tuples, maps — keys too —, structs and
//! enum variants), so one attribute covers `Option<f64>`, `Vec<f64>`,
//! `BTreeMap<String, f64>`, [`Maybe<f64>`](crate::Maybe) and nested structs alike:
//!
//! ```
//! #[derive(wiregen_runtime::serde::Serialize)]
//! #[serde(crate = "::wiregen_runtime::serde")]
//! struct Progress {
//!     #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
//!     done: f64,
//!     #[serde(serialize_with = "::wiregen_runtime::js::serialize")]
//!     steps: Vec<f64>,
//! }
//!
//! let json = wiregen_runtime::to_string(&Progress { done: 3.0, steps: vec![1.0, 1.5] })?;
//! assert_eq!(json, r#"{"done":3,"steps":[1,1.5]}"#);
//! # Ok::<(), wiregen_runtime::Error>(())
//! ```
//!
//! # Where this differs from JavaScript
//!
//! Only floats that are integral and smaller than 2^53 in magnitude (the range where
//! every integer is exact) become integers; `-0.0` becomes `0`, as in JavaScript.
//! Everything else keeps serde_json's float output, which reads back as the same
//! `f64` but is not always the text JavaScript prints: `2^53` is written
//! `9007199254740992.0` (JavaScript: `9007199254740992`), and exponent forms follow
//! the serde_json version in use (`1e21` in older ones, `1e+21` — as JavaScript
//! writes it — in newer ones). Non-finite values are written as serde_json writes
//! them (`null`). `f32` values are first checked as their exact `f64` value; fractional
//! ones keep serde_json's shortest `f32` output (`0.1`).

use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// 2^53: the first magnitude at which an `f64` can no longer hold every integer.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Serializes `value` with JavaScript number semantics; the `serialize_with` target
/// for fields whose type contains a schema `number`.
///
/// ```
/// use std::collections::BTreeMap;
/// use wiregen_runtime::js;
///
/// let mut out = Vec::new();
/// let map = BTreeMap::from([("k", (2.0, Some(2.5)))]);
/// js::serialize(&map, &mut wiregen_runtime::serde_json::Serializer::new(&mut out))?;
/// assert_eq!(out, br#"{"k":[2,2.5]}"#);
/// # Ok::<(), wiregen_runtime::serde_json::Error>(())
/// ```
pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: ?Sized + Serialize,
    S: Serializer,
{
    value.serialize(JsSerializer::new(serializer))
}

/// Serializes one `f64` the way JavaScript would: as an integer when
/// [`to_js_integer`] says so, otherwise as the float.
///
/// ```
/// use wiregen_runtime::{js, serde_json};
///
/// assert_eq!(js::serialize_f64(4.0, serde_json::value::Serializer)?, serde_json::json!(4));
/// assert_eq!(js::serialize_f64(4.5, serde_json::value::Serializer)?, serde_json::json!(4.5));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn serialize_f64<S: Serializer>(v: f64, serializer: S) -> Result<S::Ok, S::Error> {
    match to_js_integer(v) {
        Some(i) => serializer.serialize_i64(i),
        None => serializer.serialize_f64(v),
    }
}

/// The integer JavaScript would print for `v`, if `v` is finite, has no fractional
/// part and is smaller than 2^53 in magnitude; `-0.0` gives `0`.
///
/// ```
/// use wiregen_runtime::js::to_js_integer;
///
/// assert_eq!(to_js_integer(1.0), Some(1));
/// assert_eq!(to_js_integer(-0.0), Some(0));
/// assert_eq!(to_js_integer(1.5), None);
/// assert_eq!(to_js_integer(9007199254740992.0), None);
/// assert_eq!(to_js_integer(f64::NAN), None);
/// ```
pub fn to_js_integer(v: f64) -> Option<i64> {
    if v.is_finite() && v.abs() < EXACT_INTEGER_LIMIT && v.trunc() == v {
        // Exact: |v| < 2^53 and v is integral, so it fits in an i64 without rounding.
        Some(v as i64)
    } else {
        None
    }
}

/// A value that serializes its inner value with JavaScript number semantics.
///
/// Handy to serialize a whole message JS-style without field attributes.
///
/// ```
/// use wiregen_runtime::js::Js;
///
/// let json = wiregen_runtime::to_string(&Js(vec![(1.0, "a"), (0.5, "b")]))?;
/// assert_eq!(json, r#"[[1,"a"],[0.5,"b"]]"#);
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Js<T>(pub T);

impl<T: Serialize> Serialize for Js<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(JsSerializer::new(serializer))
    }
}

/// Borrowing counterpart of [`Js`], used inside the adaptor for nested values.
struct JsRef<'a, T: ?Sized>(&'a T);

impl<T: ?Sized + Serialize> Serialize for JsRef<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(JsSerializer::new(serializer))
    }
}

/// A serializer adaptor: forwards everything to the wrapped serializer, writing
/// integral floats (see [`to_js_integer`]) as integers, in the value and every value
/// nested in it.
///
/// ```
/// use wiregen_runtime::{js::JsSerializer, serde::Serialize, serde_json};
///
/// let value = Some(vec![1.0_f64, -0.0]).serialize(JsSerializer::new(serde_json::value::Serializer))?;
/// assert_eq!(value, serde_json::json!([1, 0]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct JsSerializer<S> {
    inner: S,
}

impl<S> JsSerializer<S> {
    /// Wraps `inner`.
    ///
    /// ```
    /// let _ = wiregen_runtime::js::JsSerializer::new(wiregen_runtime::serde_json::value::Serializer);
    /// ```
    pub const fn new(inner: S) -> Self {
        Self { inner }
    }

    /// Unwraps the inner serializer.
    ///
    /// ```
    /// use wiregen_runtime::js::JsSerializer;
    /// let inner = JsSerializer::new(7).into_inner();
    /// assert_eq!(inner, 7);
    /// ```
    pub fn into_inner(self) -> S {
        self.inner
    }
}

/// The compound state of a [`JsSerializer`]: wraps the inner serializer's compound
/// and serializes every element, key and field through the adaptor.
#[derive(Debug)]
pub struct JsCompound<C> {
    inner: C,
}

impl<S: Serializer> Serializer for JsSerializer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = JsCompound<S::SerializeSeq>;
    type SerializeTuple = JsCompound<S::SerializeTuple>;
    type SerializeTupleStruct = JsCompound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = JsCompound<S::SerializeTupleVariant>;
    type SerializeMap = JsCompound<S::SerializeMap>;
    type SerializeStruct = JsCompound<S::SerializeStruct>;
    type SerializeStructVariant = JsCompound<S::SerializeStructVariant>;

    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        serialize_f64(v, self.inner)
    }

    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        match to_js_integer(f64::from(v)) {
            Some(i) => self.inner.serialize_i64(i),
            None => self.inner.serialize_f32(v),
        }
    }

    fn serialize_bool(self, v: bool) -> Result<S::Ok, S::Error> {
        self.inner.serialize_bool(v)
    }
    fn serialize_i8(self, v: i8) -> Result<S::Ok, S::Error> {
        self.inner.serialize_i8(v)
    }
    fn serialize_i16(self, v: i16) -> Result<S::Ok, S::Error> {
        self.inner.serialize_i16(v)
    }
    fn serialize_i32(self, v: i32) -> Result<S::Ok, S::Error> {
        self.inner.serialize_i32(v)
    }
    fn serialize_i64(self, v: i64) -> Result<S::Ok, S::Error> {
        self.inner.serialize_i64(v)
    }
    fn serialize_i128(self, v: i128) -> Result<S::Ok, S::Error> {
        self.inner.serialize_i128(v)
    }
    fn serialize_u8(self, v: u8) -> Result<S::Ok, S::Error> {
        self.inner.serialize_u8(v)
    }
    fn serialize_u16(self, v: u16) -> Result<S::Ok, S::Error> {
        self.inner.serialize_u16(v)
    }
    fn serialize_u32(self, v: u32) -> Result<S::Ok, S::Error> {
        self.inner.serialize_u32(v)
    }
    fn serialize_u64(self, v: u64) -> Result<S::Ok, S::Error> {
        self.inner.serialize_u64(v)
    }
    fn serialize_u128(self, v: u128) -> Result<S::Ok, S::Error> {
        self.inner.serialize_u128(v)
    }
    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        self.inner.serialize_char(v)
    }
    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<S::Ok, S::Error> {
        self.inner.serialize_bytes(v)
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_none()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(&JsRef(value))
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.inner.serialize_unit_struct(name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        variant_index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_unit_variant(name, variant_index, variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_struct(name, &JsRef(value))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        variant_index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_variant(name, variant_index, variant, &JsRef(value))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.inner
            .serialize_seq(len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.inner
            .serialize_tuple(len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.inner
            .serialize_tuple_struct(name, len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        variant_index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.inner
            .serialize_tuple_variant(name, variant_index, variant, len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.inner
            .serialize_map(len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.inner
            .serialize_struct(name, len)
            .map(|inner| JsCompound { inner })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        variant_index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.inner
            .serialize_struct_variant(name, variant_index, variant, len)
            .map(|inner| JsCompound { inner })
    }
    fn collect_str<T: ?Sized + std::fmt::Display>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.inner.collect_str(value)
    }
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<C: SerializeSeq> SerializeSeq for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_element(&JsRef(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTuple> SerializeTuple for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_element(&JsRef(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleStruct> SerializeTupleStruct for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_field(&JsRef(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeTupleVariant> SerializeTupleVariant for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_field(&JsRef(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeMap> SerializeMap for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), C::Error> {
        self.inner.serialize_key(&JsRef(key))
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), C::Error> {
        self.inner.serialize_value(&JsRef(value))
    }
    fn serialize_entry<K: ?Sized + Serialize, V: ?Sized + Serialize>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), C::Error> {
        self.inner.serialize_entry(&JsRef(key), &JsRef(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStruct> SerializeStruct for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        self.inner.serialize_field(key, &JsRef(value))
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

impl<C: SerializeStructVariant> SerializeStructVariant for JsCompound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), C::Error> {
        self.inner.serialize_field(key, &JsRef(value))
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
        self.inner.skip_field(key)
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{Js, to_js_integer};

    fn js(value: impl serde::Serialize) -> String {
        serde_json::to_string(&Js(value)).unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn integral_floats_below_two_pow_53_become_integers() {
        assert_eq!(
            to_js_integer(9_007_199_254_740_991.0),
            Some(9_007_199_254_740_991)
        );
        assert_eq!(
            to_js_integer(-9_007_199_254_740_991.0),
            Some(-9_007_199_254_740_991)
        );
        assert_eq!(to_js_integer(-9_007_199_254_740_992.0), None);
        assert_eq!(to_js_integer(f64::INFINITY), None);
        assert_eq!(to_js_integer(f64::MIN_POSITIVE), None);
    }

    #[test]
    fn large_and_fractional_floats_keep_serde_json_output() {
        for v in [
            9_007_199_254_740_992.0_f64,
            -9_007_199_254_740_992.0,
            1e21,
            -2.5,
            1e-7,
        ] {
            assert_eq!(js(v), serde_json::to_string(&v).unwrap_or_default());
        }
        assert_eq!(js(9_007_199_254_740_992.0_f64), "9007199254740992.0");
        assert_eq!(js(f64::NAN), "null");
    }

    #[test]
    fn f32_integral_values_become_integers_and_fractions_stay_short() {
        assert_eq!(js(3.0_f32), "3");
        assert_eq!(js(0.1_f32), "0.1");
    }

    #[test]
    fn negative_zero_becomes_zero() {
        assert_eq!(js(-0.0_f64), "0");
    }
}
