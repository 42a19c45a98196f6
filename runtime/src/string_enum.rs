//! String enums (`"starting" | "timed_out"`): the decoder behind `#[derive(StringEnum)]` and [`UnknownValue`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Unexpected, Visitor};

use crate::union::OneOf;

/// The error of `str::parse` for a string enum without an `other` variant: the string
/// is none of the known values.
///
/// Displays like serde's error for the same input:
/// ``unknown variant `x`, expected one of `a`, `b` ``.
///
/// ```
/// use wiregen_runtime::UnknownValue;
///
/// let err = UnknownValue::new("paused", &["starting", "timed_out"]);
/// assert_eq!(err.value(), "paused");
/// assert_eq!(err.to_string(), "unknown variant `paused`, expected `starting` or `timed_out`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownValue {
    value: String,
    expected: &'static [&'static str],
}

impl UnknownValue {
    /// The error for `value`, which is none of `expected`.
    pub fn new(value: &str, expected: &'static [&'static str]) -> Self {
        Self {
            value: value.to_owned(),
            expected,
        }
    }

    /// The string that was not recognized.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The known values.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown variant `{}`, {}",
            self.value,
            OneOf(self.expected)
        )
    }
}

impl std::error::Error for UnknownValue {}

/// What the expansion of `#[derive(StringEnum)]` calls; not a public API.
#[doc(hidden)]
pub mod derive {
    use super::{Deserializer, PhantomData, StringEnumVisitor};

    /// Implemented by `#[derive(StringEnum)]`.
    pub trait DeriveStringEnum: Sized {
        /// The enum's name, for messages.
        const NAME: &'static str;
        /// The strings of the known values, in declaration order.
        const KNOWN: &'static [&'static str];
        /// Whether the enum has an `other` variant for unknown values.
        const OTHER: bool;

        /// The known value spelled `value`.
        fn known(value: &str) -> Option<Self>;

        /// The `other` variant holding `value`, if the enum has one.
        fn other(value: String) -> Option<Self>;
    }

    /// The `Deserialize` impl of every `#[derive(StringEnum)]` enum: reads a string,
    /// without allocating unless it goes into the `other` variant.
    pub fn deserialize<'de, T: DeriveStringEnum, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        deserializer.deserialize_str(StringEnumVisitor(PhantomData))
    }
}

/// Visitor of a string enum.
struct StringEnumVisitor<T>(PhantomData<T>);

impl<'de, T: derive::DeriveStringEnum> Visitor<'de> for StringEnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a `{}` string", T::NAME)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        match T::known(v) {
            Some(value) => Ok(value),
            None => T::other(v.to_owned()).ok_or_else(|| E::unknown_variant(v, T::KNOWN)),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        match T::known(&v) {
            Some(value) => Ok(value),
            None if T::OTHER => T::other(v).ok_or_else(|| E::unknown_variant("", T::KNOWN)),
            None => Err(E::unknown_variant(&v, T::KNOWN)),
        }
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<T, E> {
        match std::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(Unexpected::Bytes(v), &self)),
        }
    }
}
