//! [`Maybe<T>`]: the three-state value of a field that may be absent, `null`, or a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that may be absent, explicitly `null`, or hold a value: the Rust type of an
/// optional *and* nullable schema member (`x?: T | null`).
///
/// `Option<T>` folds "absent" and "`null`" into one `None`; `Maybe` keeps them apart,
/// so decoding and re-encoding a message writes back exactly what was read. Generated
/// fields look like this:
///
/// ```
/// use wiregen_runtime::Maybe;
///
/// #[derive(Debug, PartialEq, wiregen_runtime::serde::Serialize, wiregen_runtime::serde::Deserialize)]
/// #[serde(crate = "::wiregen_runtime::serde")]
/// pub struct Update {
///     #[serde(rename = "x", default, skip_serializing_if = "::wiregen_runtime::Maybe::is_absent")]
///     pub x: ::wiregen_runtime::Maybe<String>,
/// }
///
/// for json in [r#"{}"#, r#"{"x":null}"#, r#"{"x":"hi"}"#] {
///     let update: Update = wiregen_runtime::from_str(json)?;
///     assert_eq!(wiregen_runtime::to_string(&update)?, json);
/// }
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
///
/// # Wire format
///
/// * Serialize: [`Maybe::Value`] serializes as `Some(value)` (in JSON: the value itself);
///   [`Maybe::Null`] and [`Maybe::Absent`] serialize as `None` (`null`). Absent fields
///   are left out by `skip_serializing_if = "Maybe::is_absent"`, not by this impl.
/// * Deserialize: through `Option<T>`: `null` becomes [`Maybe::Null`], anything else
///   becomes [`Maybe::Value`]. [`Maybe::Absent`] comes only from `#[serde(default)]`
///   when the field is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Maybe<T> {
    /// The field was not present. This is the [`Default`].
    #[default]
    Absent,
    /// The field was present with the value `null`.
    Null,
    /// The field was present with a value.
    Value(T),
}

impl<T> Maybe<T> {
    /// `true` for [`Maybe::Absent`]; the `skip_serializing_if` predicate of generated fields.
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert!(Maybe::<u8>::Absent.is_absent());
    /// assert!(!Maybe::<u8>::Null.is_absent());
    /// ```
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// `true` for [`Maybe::Null`].
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert!(Maybe::<u8>::Null.is_null());
    /// assert!(!Maybe::Value(1).is_null());
    /// ```
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// `true` for [`Maybe::Value`].
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert!(Maybe::Value(1).is_value());
    /// assert!(!Maybe::<u8>::Absent.is_value());
    /// ```
    pub const fn is_value(&self) -> bool {
        matches!(self, Self::Value(_))
    }

    /// Borrows the value: `Maybe<T>` to `Maybe<&T>`, keeping the state.
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// let name = Maybe::Value(String::from("ada"));
    /// assert_eq!(name.as_ref().map(|s| s.len()), Maybe::Value(3));
    /// ```
    pub const fn as_ref(&self) -> Maybe<&T> {
        match self {
            Self::Absent => Maybe::Absent,
            Self::Null => Maybe::Null,
            Self::Value(v) => Maybe::Value(v),
        }
    }

    /// Mutably borrows the value: `Maybe<T>` to `Maybe<&mut T>`, keeping the state.
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// let mut n = Maybe::Value(1);
    /// if let Maybe::Value(v) = n.as_mut() { *v += 1; }
    /// assert_eq!(n, Maybe::Value(2));
    /// ```
    pub fn as_mut(&mut self) -> Maybe<&mut T> {
        match self {
            Self::Absent => Maybe::Absent,
            Self::Null => Maybe::Null,
            Self::Value(v) => Maybe::Value(v),
        }
    }

    /// The value, if there is one; `None` for both [`Maybe::Absent`] and [`Maybe::Null`].
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert_eq!(Maybe::Value(7).value(), Some(&7));
    /// assert_eq!(Maybe::<i32>::Null.value(), None);
    /// ```
    pub const fn value(&self) -> Option<&T> {
        match self {
            Self::Value(v) => Some(v),
            Self::Absent | Self::Null => None,
        }
    }

    /// Takes the value, if there is one; `None` for both [`Maybe::Absent`] and [`Maybe::Null`].
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert_eq!(Maybe::Value(7).into_value(), Some(7));
    /// assert_eq!(Maybe::<i32>::Absent.into_value(), None);
    /// ```
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Value(v) => Some(v),
            Self::Absent | Self::Null => None,
        }
    }

    /// Maps the value with `f`, keeping [`Maybe::Absent`] and [`Maybe::Null`] as they are.
    ///
    /// ```
    /// use wiregen_runtime::Maybe;
    /// assert_eq!(Maybe::Value(2).map(|n| n * 10), Maybe::Value(20));
    /// assert_eq!(Maybe::<i32>::Null.map(|n| n * 10), Maybe::Null);
    /// ```
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Maybe<U> {
        match self {
            Self::Absent => Maybe::Absent,
            Self::Null => Maybe::Null,
            Self::Value(v) => Maybe::Value(f(v)),
        }
    }
}

/// `Some(v)` becomes [`Maybe::Value`], `None` becomes [`Maybe::Null`] (a present `null`).
///
/// ```
/// use wiregen_runtime::Maybe;
/// assert_eq!(Maybe::from(Some(1)), Maybe::Value(1));
/// assert_eq!(Maybe::<i32>::from(None), Maybe::Null);
/// ```
impl<T> From<Option<T>> for Maybe<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Self::Value(v),
            None => Self::Null,
        }
    }
}

impl<T: Serialize> Serialize for Maybe<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(v) => serializer.serialize_some(v),
            Self::Absent | Self::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Maybe;

    #[test]
    fn default_is_absent() {
        assert_eq!(Maybe::<String>::default(), Maybe::Absent);
    }

    #[test]
    fn serializes_value_and_null_and_absent_as_json() {
        assert_eq!(
            serde_json::to_string(&Maybe::Value(5)).ok().as_deref(),
            Some("5")
        );
        assert_eq!(
            serde_json::to_string(&Maybe::<u8>::Null).ok().as_deref(),
            Some("null")
        );
        assert_eq!(
            serde_json::to_string(&Maybe::<u8>::Absent).ok().as_deref(),
            Some("null")
        );
    }

    #[test]
    fn deserializes_null_as_null_and_value_as_value() {
        let null: Result<Maybe<u8>, _> = serde_json::from_str("null");
        assert_eq!(null.ok(), Some(Maybe::Null));
        let value: Result<Maybe<u8>, _> = serde_json::from_str("3");
        assert_eq!(value.ok(), Some(Maybe::Value(3)));
    }

    #[test]
    fn is_copy_when_the_value_is_copy() {
        let a = Maybe::Value(1u8);
        let b = a;
        assert_eq!(a, b);
    }
}
