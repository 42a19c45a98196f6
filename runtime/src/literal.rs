//! Literal (constant) members: the [`literal!`](crate::literal!) macro and the [`LiteralValue`] it is built on.
//!
//! A schema member whose type is a single constant (`jsonrpc: "2.0"`, `ok: true`,
//! `version: 3`) becomes a unit struct that writes that constant and accepts nothing
//! else:
//!
//! ```
//! wiregen_runtime::literal! {
//!     /// Always `"2.0"` on the wire.
//!     pub struct JsonRpcVersion = "2.0";
//! }
//!
//! assert_eq!(wiregen_runtime::to_string(&JsonRpcVersion)?, r#""2.0""#);
//! assert_eq!(wiregen_runtime::from_str::<JsonRpcVersion>(r#""2.0""#)?, JsonRpcVersion);
//! let err = wiregen_runtime::from_str::<JsonRpcVersion>(r#""1.0""#).unwrap_err();
//! assert_eq!(err.to_string(), r#"invalid value: string "1.0", expected the constant "2.0" at line 1 column 5"#);
//! # Ok::<(), wiregen_runtime::Error>(())
//! ```

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

/// Declares unit structs that stand for one constant JSON value each.
///
/// Each item is `attributes* visibility struct Name = literal;` where the literal is a
/// string, `true`/`false`, an integer (in `i64::MIN..=u64::MAX`, checked at compile
/// time) or a float, all without a type suffix. Each struct:
///
/// * derives `Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord`;
/// * has `pub const VALUE: LiteralValue` and `pub fn value() -> serde_json::Value`;
/// * displays as the constant's JSON text;
/// * serializes as the constant, and deserializes only from the constant, with
///   serde_json's notion of equality: an integer literal matches JSON integers of the
///   same value (`1` matches `1`, but not `1.0`, which is a float), a float literal
///   matches floats of the same value (`1.5` matches `1.50`, `2.0` does not match `2`).
///   Anything else fails with ``invalid value: <found>, expected the constant <literal>``.
///
/// Deserializing uses `deserialize_any`, so it needs a self-describing format such as
/// JSON. The expansion refers only to `$crate` paths, so the calling crate needs no
/// dependency on serde.
///
/// ```
/// wiregen_runtime::literal! {
///     /// Always `true`.
///     pub struct Yes = true;
///     /// Protocol version 3.
///     pub(crate) struct Version = 3;
/// }
///
/// assert_eq!(Version::VALUE.as_i64(), Some(3));
/// assert_eq!(Version::value(), wiregen_runtime::serde_json::json!(3));
/// assert_eq!(Yes.to_string(), "true");
/// assert_eq!(wiregen_runtime::from_str::<Version>("3")?, Version);
/// let err = wiregen_runtime::from_str::<Version>("3.0").unwrap_err();
/// assert_eq!(err.message(), "invalid value: floating point `3.0`, expected the constant 3");
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
#[macro_export]
macro_rules! literal {
    ($(
        $(#[$meta:meta])*
        $vis:vis struct $name:ident = $lit:literal;
    )*) => {$(
        $(#[$meta])*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::default::Default,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord,
        )]
        $vis struct $name;

        impl $name {
            /// The constant this type stands for.
            pub const VALUE: $crate::literal::LiteralValue =
                $crate::__private::LiteralToken($lit).into_value();

            /// The constant as a JSON value.
            pub fn value() -> $crate::serde_json::Value {
                Self::VALUE.to_json()
            }
        }

        const _: () = ::core::assert!(
            $name::VALUE.is_json_number_range(),
            "integer literal out of the JSON integer range i64::MIN..=u64::MAX",
        );

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&Self::VALUE, f)
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::serde::Serializer,
            {
                $crate::serde::Serialize::serialize(&Self::VALUE, serializer)
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::serde::Deserializer<'de>,
            {
                $crate::literal::deserialize(deserializer, Self::VALUE).map(|()| $name)
            }
        }
    )*};
}

/// A constant JSON scalar, as written in a [`literal!`](crate::literal!) declaration.
///
/// ```
/// use wiregen_runtime::literal::LiteralValue;
///
/// let v = LiteralValue::Str("2.0");
/// assert_eq!(v.as_str(), Some("2.0"));
/// assert_eq!(v.to_string(), r#""2.0""#);
/// assert_eq!(v.to_json(), wiregen_runtime::serde_json::json!("2.0"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LiteralValue {
    /// A string constant.
    Str(&'static str),
    /// `true` or `false`.
    Bool(bool),
    /// An integer constant; the macro only accepts values in `i64::MIN..=u64::MAX`.
    Int(i128),
    /// A (finite) float constant.
    Float(f64),
}

impl LiteralValue {
    /// The string, for a [`LiteralValue::Str`].
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert_eq!(LiteralValue::Str("a").as_str(), Some("a"));
    /// assert_eq!(LiteralValue::Bool(true).as_str(), None);
    /// ```
    pub const fn as_str(self) -> Option<&'static str> {
        match self {
            Self::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, for a [`LiteralValue::Bool`].
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert_eq!(LiteralValue::Bool(false).as_bool(), Some(false));
    /// ```
    pub const fn as_bool(self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The integer, for a [`LiteralValue::Int`] that fits in an `i64`.
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert_eq!(LiteralValue::Int(-4).as_i64(), Some(-4));
    /// assert_eq!(LiteralValue::Int(u64::MAX as i128).as_i64(), None);
    /// ```
    pub const fn as_i64(self) -> Option<i64> {
        match self {
            Self::Int(i) if i >= i64::MIN as i128 && i <= i64::MAX as i128 => Some(i as i64),
            _ => None,
        }
    }

    /// The integer, for a [`LiteralValue::Int`] that fits in a `u64`.
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert_eq!(LiteralValue::Int(u64::MAX as i128).as_u64(), Some(u64::MAX));
    /// assert_eq!(LiteralValue::Int(-1).as_u64(), None);
    /// ```
    pub const fn as_u64(self) -> Option<u64> {
        match self {
            Self::Int(i) if i >= 0 && i <= u64::MAX as i128 => Some(i as u64),
            _ => None,
        }
    }

    /// The float, for a [`LiteralValue::Float`].
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert_eq!(LiteralValue::Float(0.5).as_f64(), Some(0.5));
    /// assert_eq!(LiteralValue::Int(1).as_f64(), None);
    /// ```
    pub const fn as_f64(self) -> Option<f64> {
        match self {
            Self::Float(f) => Some(f),
            _ => None,
        }
    }

    /// `false` only for an integer outside `i64::MIN..=u64::MAX`, which JSON numbers in
    /// serde_json cannot hold; [`literal!`](crate::literal!) rejects those at compile time.
    ///
    /// ```
    /// use wiregen_runtime::literal::LiteralValue;
    /// assert!(LiteralValue::Int(-1).is_json_number_range());
    /// assert!(!LiteralValue::Int(1 << 64).is_json_number_range());
    /// ```
    pub const fn is_json_number_range(self) -> bool {
        match self {
            Self::Int(i) => i >= i64::MIN as i128 && i <= u64::MAX as i128,
            Self::Str(_) | Self::Bool(_) | Self::Float(_) => true,
        }
    }

    /// The constant as a [`serde_json::Value`].
    ///
    /// ```
    /// use wiregen_runtime::{literal::LiteralValue, serde_json::json};
    /// assert_eq!(LiteralValue::Int(7).to_json(), json!(7));
    /// assert_eq!(LiteralValue::Float(7.5).to_json(), json!(7.5));
    /// ```
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Self::Str(s) => serde_json::Value::from(s),
            Self::Bool(b) => serde_json::Value::from(b),
            Self::Int(i) => match (self.as_i64(), self.as_u64()) {
                (Some(i), _) => serde_json::Value::from(i),
                (None, Some(u)) => serde_json::Value::from(u),
                // Unreachable through `literal!`, which checks the range at compile time.
                (None, None) => serde_json::Value::from(i as f64),
            },
            Self::Float(f) => serde_json::Value::from(f),
        }
    }
}

/// The constant's JSON text: `"2.0"` (quoted and escaped), `true`, `3`, `1.5`.
impl fmt::Display for LiteralValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Str(s) => match serde_json::to_string(s) {
                Ok(json) => f.write_str(&json),
                Err(_) => write!(f, "{s:?}"),
            },
            Self::Bool(b) => write!(f, "{b}"),
            Self::Int(i) => write!(f, "{i}"),
            Self::Float(x) => match serde_json::to_string(&x) {
                Ok(json) => f.write_str(&json),
                Err(_) => write!(f, "{x:?}"),
            },
        }
    }
}

impl Serialize for LiteralValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Str(s) => serializer.serialize_str(s),
            Self::Bool(b) => serializer.serialize_bool(b),
            Self::Int(i) => match (self.as_i64(), self.as_u64()) {
                (Some(i), _) => serializer.serialize_i64(i),
                (None, Some(u)) => serializer.serialize_u64(u),
                (None, None) => serializer.serialize_i128(i),
            },
            Self::Float(x) => serializer.serialize_f64(x),
        }
    }
}

/// Deserializes one value and succeeds only if it is `expected`; the `Deserialize`
/// impl of every [`literal!`](crate::literal!) type.
///
/// Strings are compared as borrowed `&str` where the input allows it, without
/// allocating. A mismatch fails with `invalid_value`, e.g.
/// ``invalid value: integer `5`, expected the constant "2.0"``.
///
/// ```
/// use wiregen_runtime::{literal::{self, LiteralValue}, serde_json};
///
/// let ok = literal::deserialize(&mut serde_json::Deserializer::from_str("true"), LiteralValue::Bool(true));
/// assert!(ok.is_ok());
/// let err = literal::deserialize(&mut serde_json::Deserializer::from_str("null"), LiteralValue::Bool(true));
/// assert_eq!(err.unwrap_err().to_string(), "invalid value: null, expected the constant true at line 1 column 4");
/// ```
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
    expected: LiteralValue,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(LiteralVisitor(expected))
}

/// Visitor that accepts exactly one constant.
struct LiteralVisitor(LiteralValue);

impl LiteralVisitor {
    fn check<E: de::Error>(&self, matches: bool, found: Unexpected<'_>) -> Result<(), E> {
        if matches {
            Ok(())
        } else {
            Err(E::invalid_value(found, self))
        }
    }

    fn int_matches(&self, v: i128) -> bool {
        matches!(self.0, LiteralValue::Int(expected) if expected == v)
    }
}

impl<'de> Visitor<'de> for LiteralVisitor {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the constant {}", self.0)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.check(self.0 == LiteralValue::Bool(v), Unexpected::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.check(self.int_matches(i128::from(v)), Unexpected::Signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.check(self.int_matches(i128::from(v)), Unexpected::Unsigned(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        let found = match (i64::try_from(v), u64::try_from(v)) {
            (Ok(i), _) => Unexpected::Signed(i),
            (Err(_), Ok(u)) => Unexpected::Unsigned(u),
            (Err(_), Err(_)) => Unexpected::Other("a 128-bit integer"),
        };
        self.check(self.int_matches(v), found)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        match i128::try_from(v) {
            Ok(v) => self.visit_i128(v),
            Err(_) => Err(E::invalid_value(
                Unexpected::Other("a 128-bit integer"),
                &self,
            )),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        let matches = matches!(self.0, LiteralValue::Float(expected) if expected == v);
        self.check(matches, Unexpected::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        let matches = matches!(self.0, LiteralValue::Str(expected) if expected == v);
        self.check(matches, Unexpected::Str(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        Err(E::invalid_value(Unexpected::Bytes(v), &self))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::invalid_value(Unexpected::Unit, &self))
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::invalid_value(Unexpected::Unit, &self))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<(), A::Error> {
        Err(de::Error::invalid_value(Unexpected::Seq, &self))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<(), A::Error> {
        Err(de::Error::invalid_value(Unexpected::Map, &self))
    }
}

/// Turns a literal token into a [`LiteralValue`] at compile time; used by the
/// expansion of [`literal!`](crate::literal!). An unsuffixed integer literal infers
/// `i128` and an unsuffixed float literal `f64`, because those are the only integer and
/// float types with an `into_value`.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct __LiteralToken<T>(pub T);

impl __LiteralToken<&'static str> {
    /// A string constant.
    pub const fn into_value(self) -> LiteralValue {
        LiteralValue::Str(self.0)
    }
}

impl __LiteralToken<bool> {
    /// A boolean constant.
    pub const fn into_value(self) -> LiteralValue {
        LiteralValue::Bool(self.0)
    }
}

impl __LiteralToken<i128> {
    /// An integer constant.
    pub const fn into_value(self) -> LiteralValue {
        LiteralValue::Int(self.0)
    }
}

impl __LiteralToken<f64> {
    /// A float constant.
    pub const fn into_value(self) -> LiteralValue {
        LiteralValue::Float(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::LiteralValue;

    #[test]
    fn display_escapes_strings_as_json() {
        assert_eq!(LiteralValue::Str("a\"b\n").to_string(), r#""a\"b\n""#);
        assert_eq!(LiteralValue::Float(2.0).to_string(), "2.0");
        assert_eq!(LiteralValue::Int(-3).to_string(), "-3");
    }

    #[test]
    fn large_unsigned_integers_serialize_as_u64() {
        let value = LiteralValue::Int(i128::from(u64::MAX));
        assert_eq!(
            serde_json::to_string(&value).ok().as_deref(),
            Some("18446744073709551615")
        );
        assert_eq!(value.to_json(), serde_json::json!(u64::MAX));
    }
}
