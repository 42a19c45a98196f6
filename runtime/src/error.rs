//! JSON decoding and encoding entry points whose errors name the field path ([`Error`]).
//!
//! serde_json alone reports `invalid type: integer `5`, expected a string at line 1
//! column 16` without saying which field; these functions run serde_json through
//! `serde_path_to_error` and report `requestId: invalid type: ...` instead.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// A JSON decoding or encoding error that names the path of the field at fault.
///
/// Displays as `<path>: <message>`, or just `<message>` when the error is not inside
/// any field (a syntax error, a missing field of the top-level object), followed by
/// serde_json's ` at line L column C` when the input position is known.
///
/// ```
/// #[derive(Debug, wiregen_runtime::serde::Deserialize)]
/// #[serde(crate = "::wiregen_runtime::serde")]
/// struct Job { steps: Vec<Step> }
/// #[derive(Debug, wiregen_runtime::serde::Deserialize)]
/// #[serde(crate = "::wiregen_runtime::serde")]
/// struct Step { name: String }
///
/// let err = wiregen_runtime::from_str::<Job>(r#"{"steps":[{"name":1}]}"#).unwrap_err();
/// assert_eq!(err.path(), "steps[0].name");
/// assert_eq!(err.message(), "invalid type: integer `1`, expected a string");
/// assert_eq!((err.line(), err.column()), (Some(1), Some(19)));
/// assert_eq!(err.to_string(), "steps[0].name: invalid type: integer `1`, expected a string at line 1 column 19");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
    category: Category,
}

impl Error {
    /// The path of the field at fault, like `params.items[2].name`; empty when the
    /// error is not inside any field.
    ///
    /// ```
    /// let err = wiregen_runtime::from_str::<Vec<u8>>("[1, -1]").unwrap_err();
    /// assert_eq!(err.path(), "[1]");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The error message alone, without path or position.
    ///
    /// ```
    /// let err = wiregen_runtime::from_str::<u8>("300").unwrap_err();
    /// assert_eq!(err.message(), "invalid value: integer `300`, expected u8");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based input line of the error, when decoding text.
    ///
    /// ```
    /// let err = wiregen_runtime::from_str::<u8>("\n\ntrue").unwrap_err();
    /// assert_eq!(err.line(), Some(3));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 1-based input column of the error, when decoding text.
    ///
    /// ```
    /// let err = wiregen_runtime::from_str::<Vec<u8>>("[1, x]").unwrap_err();
    /// assert_eq!(err.to_string(), "[1]: expected value at line 1 column 5");
    /// assert_eq!(err.column(), Some(5));
    /// ```
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// What kind of error this is, as serde_json classifies it: bad syntax, early end
    /// of input, data that does not fit the type, or I/O.
    ///
    /// ```
    /// use wiregen_runtime::serde_json::error::Category;
    /// assert_eq!(wiregen_runtime::from_str::<Vec<u8>>("[1,").unwrap_err().classify(), Category::Eof);
    /// assert_eq!(wiregen_runtime::from_str::<u8>("true").unwrap_err().classify(), Category::Data);
    /// ```
    pub fn classify(&self) -> Category {
        self.category
    }

    fn new(path: String, err: &serde_json::Error) -> Self {
        let (line, column) = match err.line() {
            0 => (None, None),
            line => (Some(line), Some(err.column())),
        };
        let mut message = err.to_string();
        if let (Some(line), Some(column)) = (line, column) {
            let suffix = format!(" at line {line} column {column}");
            if message.ends_with(&suffix) {
                message.truncate(message.len() - suffix.len());
            }
        }
        Self {
            path,
            message,
            line,
            column,
            category: err.classify(),
        }
    }

    fn from_json(err: &serde_json::Error) -> Self {
        Self::new(String::new(), err)
    }

    fn from_tracked(err: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self::new(path_text(err.path()), err.inner())
    }
}

/// Renders a tracked path like `a.b[0].c`, or `""` for the root.
///
/// Trailing unknown segments (serde_path_to_error's `?`, e.g. for a syntax error
/// where a map key was expected) are dropped: they name nothing.
pub(crate) fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let known = segments
        .iter()
        .rposition(|segment| !matches!(segment, Segment::Unknown))
        .map_or(0, |last| last + 1);
    let mut out = String::new();
    for (i, segment) in segments.iter().take(known).enumerate() {
        if i > 0 && !matches!(segment, Segment::Seq { .. }) {
            out.push('.');
        }
        out.push_str(&segment.to_string());
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " at line {line} column {column}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Decodes a `T` from JSON text; errors name the field path.
///
/// Trailing characters after the value are an error, as with `serde_json::from_str`.
///
/// ```
/// let pair: (String, u8) = wiregen_runtime::from_str(r#"["a", 1]"#)?;
/// assert_eq!(pair, ("a".to_owned(), 1));
/// let err = wiregen_runtime::from_str::<(String, u8)>(r#"["a", "b"]"#).unwrap_err();
/// assert_eq!(err.to_string(), r#"[1]: invalid type: string "b", expected u8 at line 1 column 9"#);
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
pub fn from_str<T: DeserializeOwned>(s: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(s);
    let value = serde_path_to_error::deserialize(&mut de).map_err(Error::from_tracked)?;
    de.end().map_err(|err| Error::from_json(&err))?;
    Ok(value)
}

/// Decodes a `T` from JSON bytes; errors name the field path.
///
/// ```
/// let n: Vec<u8> = wiregen_runtime::from_slice(b"[1, 2]")?;
/// assert_eq!(n, [1, 2]);
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
pub fn from_slice<T: DeserializeOwned>(v: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(v);
    let value = serde_path_to_error::deserialize(&mut de).map_err(Error::from_tracked)?;
    de.end().map_err(|err| Error::from_json(&err))?;
    Ok(value)
}

/// Decodes a `T` from a [`serde_json::Value`]; errors name the field path (and have
/// no line or column).
///
/// ```
/// use wiregen_runtime::serde_json::json;
/// let err = wiregen_runtime::from_value::<Vec<String>>(json!(["a", null])).unwrap_err();
/// assert_eq!(err.to_string(), "[1]: invalid type: null, expected a string");
/// ```
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(Error::from_tracked)
}

/// Encodes `value` as compact JSON text, like `serde_json::to_string`; errors name the
/// field path.
///
/// ```
/// assert_eq!(wiregen_runtime::to_string(&vec![1, 2])?, "[1,2]");
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    let bytes = to_vec(value)?;
    String::from_utf8(bytes).map_err(|err| {
        let err: serde_json::Error = serde::ser::Error::custom(err);
        Error::from_json(&err)
    })
}

/// Encodes `value` as compact JSON bytes, like `serde_json::to_vec`; errors name the
/// field path.
///
/// ```
/// assert_eq!(wiregen_runtime::to_vec(&("a", true))?, br#"["a",true]"#);
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    let mut ser = serde_json::Serializer::new(&mut out);
    serde_path_to_error::serialize(value, &mut ser).map_err(Error::from_tracked)?;
    Ok(out)
}

/// Converts `value` to a [`serde_json::Value`], like `serde_json::to_value`; errors
/// name the field path.
///
/// ```
/// use std::collections::BTreeMap;
/// use wiregen_runtime::serde_json::json;
///
/// assert_eq!(wiregen_runtime::to_value(&[1.5])?, json!([1.5]));
/// let bad = BTreeMap::from([("k", BTreeMap::from([(vec![1], 2)]))]);
/// let err = wiregen_runtime::to_value(&bad).unwrap_err();
/// assert_eq!(err.to_string(), "k: key must be a string");
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
pub fn to_value<T: ?Sized + Serialize>(value: &T) -> Result<serde_json::Value, Error> {
    serde_path_to_error::serialize(value, serde_json::value::Serializer)
        .map_err(Error::from_tracked)
}
