//! `deserialize_with` helper for optional, non-nullable members (`x?: T`): absent is fine, `null` is not.
//!
//! A plain `Option<T>` field accepts `null` as `None`, which would let a message that
//! breaks the schema through. Generated code writes:
//!
//! ```
//! #[derive(Debug, wiregen_runtime::serde::Deserialize)]
//! #[serde(crate = "::wiregen_runtime::serde")]
//! pub struct Open {
//!     #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "::wiregen_runtime::optional::deserialize")]
//!     pub path: Option<String>,
//! }
//!
//! assert_eq!(wiregen_runtime::from_str::<Open>("{}")?.path, None);
//! assert_eq!(wiregen_runtime::from_str::<Open>(r#"{"path":"a"}"#)?.path.as_deref(), Some("a"));
//! let err = wiregen_runtime::from_str::<Open>(r#"{"path":null}"#).unwrap_err();
//! assert_eq!(err.to_string(), "path: invalid type: null, expected a string at line 1 column 12");
//! # Ok::<(), wiregen_runtime::Error>(())
//! ```

use serde::{Deserialize, Deserializer};

/// Deserializes a `T` and wraps it in `Some`; an explicit `null` is rejected by `T`'s own
/// deserializer (for a `String`: ``invalid type: null, expected a string``).
///
/// Pair it with `#[serde(default)]` so that a missing field becomes `None`.
///
/// ```
/// let value: Option<u32> = wiregen_runtime::optional::deserialize(
///     &mut wiregen_runtime::serde_json::Deserializer::from_str("4"),
/// )?;
/// assert_eq!(value, Some(4));
/// # Ok::<(), wiregen_runtime::serde_json::Error>(())
/// ```
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}
