//! Diagnostics: every problem found in the input carries a location (file plus line:col
//! and/or JSON pointer) and a hint; stages collect them and report all at once.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where something came from in the input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// The file, as the user named it (relative paths stay relative).
    pub file: Arc<Path>,
    /// JSON pointer inside the file (`/$defs/Foo/properties/bar`), empty for TypeScript.
    pub pointer: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub col: usize,
    /// Where the located construct ends (1-based line and column, exclusive), when the
    /// frontend knows; `(0, 0)` for a point. Renderers underline `line:col` up to here.
    pub end: (usize, usize),
}

impl Default for Loc {
    fn default() -> Self {
        Loc {
            file: Arc::from(Path::new("")),
            pointer: String::new(),
            line: 0,
            col: 0,
            end: (0, 0),
        }
    }
}

impl Loc {
    /// A location in `file` with a pointer and a line/column.
    pub fn new(file: Arc<Path>, pointer: impl Into<String>, line: usize, col: usize) -> Self {
        Loc {
            file,
            pointer: pointer.into(),
            line,
            col,
            end: (0, 0),
        }
    }

    /// The same location, spanning up to `line:col` (exclusive).
    #[must_use]
    pub fn to(mut self, line: usize, col: usize) -> Self {
        self.end = (line, col);
        self
    }

    /// A location that names only a file.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Loc {
            file: Arc::from(file.into()),
            ..Loc::default()
        }
    }
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col)?;
        }
        if !self.pointer.is_empty() {
            write!(f, " (at {})", self.pointer)?;
        } else if self.line == 0 && self.file.as_os_str().is_empty() {
            f.write_str("<input>")?;
        }
        Ok(())
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Generation fails.
    Error,
    /// Generation goes on; the user should look.
    Warning,
    /// Information (for example a construct skipped on purpose).
    Note,
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The stable code of this kind of diagnostic (`E0001`, `W0001`, `N0001`), explained in
    /// `codegen/diagnostics.md` and by `wiregen explain CODE`; `None` only for diagnostics
    /// made outside wiregen.
    pub code: Option<&'static str>,
    /// Where it is.
    pub loc: Loc,
    /// What is wrong (and what was expected).
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// Other places involved (for example the first definition of a clashing name).
    pub related: Vec<(Loc, String)>,
}

impl Diagnostic {
    /// An error at `loc`.
    pub fn error(loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            loc,
            message: message.into(),
            hint: None,
            related: Vec::new(),
        }
    }

    /// A warning at `loc`.
    pub fn warning(loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(loc, message)
        }
    }

    /// A note at `loc` (information: something skipped or ignored on purpose).
    pub fn note(loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(loc, message)
        }
    }

    /// Sets the stable code of this kind of diagnostic.
    #[must_use]
    pub fn code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a related location.
    #[must_use]
    pub fn related(mut self, loc: Loc, what: impl Into<String>) -> Self {
        self.related.push((loc, what.into()));
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        match self.code {
            Some(code) => write!(f, "{level}[{code}]: {}", self.message)?,
            None => write!(f, "{level}: {}", self.message)?,
        }
        write!(f, "\n  --> {}", self.loc)?;
        for (loc, what) in &self.related {
            write!(f, "\n  --> {loc}: {what}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

/// A collection of diagnostics; the error type of every stage. It also carries the text of
/// the input files the frontend read, so a renderer can show the source line of a location
/// without opening any file again (never a file the access policy refused).
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    sources: std::collections::BTreeMap<Arc<Path>, Arc<str>>,
}

impl PartialEq for Diagnostics {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

impl Eq for Diagnostics {}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Whether any error (not warning or note) was collected.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// All diagnostics, in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Number of diagnostics.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Moves every diagnostic of `other` (and its source texts) into `self`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.sources.extend(other.sources);
    }

    /// Records the text of an input file the frontend read (for source snippets).
    pub fn add_source(&mut self, file: Arc<Path>, text: &str) {
        self.sources.entry(file).or_insert_with(|| Arc::from(text));
    }

    /// The text of an input file the frontend read, if it did.
    pub fn source(&self, file: &Path) -> Option<&str> {
        self.sources.get(file).map(|t| &**t)
    }

    /// The source line a location points at, when its file was read by the frontend.
    pub fn source_line(&self, loc: &Loc) -> Option<&str> {
        let text = self.sources.get(&loc.file)?;
        text.lines().nth(loc.line.checked_sub(1)?)
    }

    /// `Err(self)` if any error was collected, else `Ok(value)` (warnings are dropped; use
    /// [`Diagnostics::iter`] before calling this to show them).
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(value)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics {
            items: vec![d],
            sources: Default::default(),
        }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        let errors = self
            .items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if errors > 1 {
            write!(f, "\n{errors} errors")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// `text` safe to print on a terminal: control characters (escape sequences included) and
/// bidirectional overrides become `\u{..}` escapes; tabs stay.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c.is_control() && c != '\t') || is_bidi_control(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Bidirectional formatting characters (they can make text read differently than it runs).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}
