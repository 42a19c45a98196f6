//! `wiregen diff`: a compatibility report between two versions of a protocol. Two classified,
//! checked IRs are compared ([`compare`]) into a list of [`Change`]s, each judged by one rule of
//! [`rules`] for both directions (old senders → new receivers, new senders → old receivers) and
//! for the Rust API; [`report`] renders them as text, Markdown or JSON.
//!
//! ```no_run
//! use std::path::Path;
//! let (old, new) = wiregen::diff::load_pair(Path::new("v1.json"), Path::new("v2.json"))
//!     .map_err(|d| d.to_string())?;
//! let report = wiregen::diff::Report::new("v1.json", "v2.json", &old, &new);
//! print!("{}", wiregen::diff::report::text(&report, false));
//! # Ok::<(), String>(())
//! ```

mod compare;
mod graph;
mod manifest;
pub mod report;
mod routes;
pub mod rules;

pub use routes::{Route, RouteKind};
pub use rules::{Api, FailOn, Kind, RuleId, Verdict};

use crate::diag::Diagnostics;
use crate::ir::Module;
use std::fmt;
use std::path::Path;

/// One step of a location inside a type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// A union variant, by tag value (untagged unions: by member name).
    Variant(String),
    /// A struct field, by wire name.
    Field(String),
    /// The items of an array (`[]`).
    Item,
    /// The values of a map (`{}`).
    MapValue,
    /// One element of a tuple (`[0]`).
    Index(usize),
    /// A struct's additional properties (`{..}`).
    Rest,
    /// A string enum value.
    Value(String),
    /// A JSON-RPC method's params.
    Params,
    /// A JSON-RPC method's result.
    Result,
}

/// A location inside a type: the empty path is the type itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location(pub Vec<Segment>);

impl fmt::Display for Location {
    /// `theme_apply_palette.palette`, `rows[].key`, `stack::children`, `level = "warn"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Variant(t) if i == 0 => f.write_str(t)?,
                Segment::Variant(t) => write!(f, "::{t}")?,
                Segment::Field(w) if i == 0 => f.write_str(w)?,
                Segment::Field(w) => write!(f, ".{w}")?,
                Segment::Item => f.write_str("[]")?,
                Segment::MapValue => f.write_str("{}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Rest => f.write_str("{..}")?,
                Segment::Value(v) if i == 0 => {
                    write!(f, "{}", serde_json::Value::from(v.as_str()))?
                }
                Segment::Value(v) => write!(f, " = {}", serde_json::Value::from(v.as_str()))?,
                Segment::Params => f.write_str("params")?,
                Segment::Result => f.write_str("result")?,
            }
        }
        Ok(())
    }
}

/// A remark attached to a change, naming the reporting rule it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// [`RuleId::WireNameRenamed`] or [`RuleId::VariantMoved`].
    pub rule: RuleId,
    /// What to know.
    pub text: String,
}

/// What a change belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// A top-level type (a channel's own changes belong to its union).
    Type,
    /// A JSON-RPC method.
    Method,
    /// A JSON-RPC error code.
    ErrorCode,
}

impl Scope {
    /// `type`, `method` or `error_code`.
    pub fn word(self) -> &'static str {
        match self {
            Scope::Type => "type",
            Scope::Method => "method",
            Scope::ErrorCode => "error_code",
        }
    }
}

/// One wire-relevant difference between the two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule that classifies it.
    pub rule: RuleId,
    /// What it belongs to.
    pub scope: Scope,
    /// The protocol name of the type, method or error code it belongs to (the report groups
    /// by scope and name).
    pub name: String,
    /// Where inside that type.
    pub path: Location,
    /// The old form, when there is one worth showing (`ThemePaletteConfigDTO`).
    pub old: Option<String>,
    /// The new form (`ThemePaletteConfigDTO | null`).
    pub new: Option<String>,
    /// Impact on code compiled against the old generated crate.
    pub api: Api,
    /// Remarks (a possible rename, a variant that moved).
    pub notes: Vec<Note>,
}

impl Change {
    /// Old senders → new receivers.
    pub fn old_to_new(&self) -> Verdict {
        self.rule.rule().old_to_new
    }

    /// New senders → old receivers.
    pub fn new_to_old(&self) -> Verdict {
        self.rule.rule().new_to_old
    }

    /// Added, removed or changed.
    pub fn kind(&self) -> Kind {
        self.rule.rule().kind
    }

    /// Whether the change is at or above `level`.
    pub fn fails(&self, level: FailOn, strict: bool) -> bool {
        level.triggered(self.old_to_new(), self.new_to_old(), self.api, strict)
    }

    /// `theme_apply_palette.palette: nullable added (A → A | null)`.
    pub fn headline(&self) -> String {
        let mut s = self.path.to_string();
        if !s.is_empty() {
            s.push_str(": ");
        }
        s.push_str(self.rule.rule().summary);
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => s.push_str(&format!(" ({o} → {n})")),
            (Some(x), None) | (None, Some(x)) => s.push_str(&format!(" ({x})")),
            (None, None) => {}
        }
        s
    }
}

/// A compatibility report: the changes, grouped by type, method and error code, and a summary
/// per channel and method.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// What the old version is called (a path, or `protocol version`).
    pub old: String,
    /// What the new version is called.
    pub new: String,
    /// The changed types, then methods, then error codes, each in protocol order (new order;
    /// removed ones last, in old order).
    pub groups: Vec<Group>,
    /// Every channel, then every JSON-RPC method, with the changes its messages carry.
    pub routes: Vec<Route>,
}

/// The changes of one top-level type, method or error code.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Type, method or error code.
    pub scope: Scope,
    /// Its protocol name.
    pub name: String,
    /// What it is (`struct`, `union tagged by "type"`, `request, extension → host`), in the new
    /// version when it has one.
    pub kind: String,
    /// Its changes, in protocol order.
    pub changes: Vec<Change>,
}

impl Report {
    /// Compares two classified, checked modules.
    pub fn new(old_label: &str, new_label: &str, old: &Module, new: &Module) -> Report {
        let changes = diff(old, new);
        let routes = routes::summarize(old, new, &changes);
        let mut groups: Vec<Group> = Vec::new();
        for c in changes {
            match groups
                .iter_mut()
                .find(|g| g.scope == c.scope && g.name == c.name)
            {
                Some(g) => g.changes.push(c),
                None => groups.push(Group {
                    kind: kind_of(new, c.scope, &c.name)
                        .or_else(|| kind_of(old, c.scope, &c.name))
                        .unwrap_or_default(),
                    scope: c.scope,
                    name: c.name.clone(),
                    changes: vec![c],
                }),
            }
        }
        Report {
            old: old_label.to_string(),
            new: new_label.to_string(),
            groups,
            routes,
        }
    }

    /// Every change, in report order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.groups.iter().flat_map(|g| g.changes.iter())
    }

    /// The changes at or above `level` (`strict`: judged for strict receivers).
    pub fn failing(&self, level: FailOn, strict: bool) -> usize {
        self.changes().filter(|c| c.fails(level, strict)).count()
    }
}

/// What a group is, for its heading.
fn kind_of(m: &Module, scope: Scope, name: &str) -> Option<String> {
    match scope {
        Scope::Type => graph::kind_of(m, name),
        Scope::Method => m
            .protocol
            .methods
            .iter()
            .find(|x| x.name == name)
            .map(|x| format!("{}, {}", manifest::method_kind(x), x.direction)),
        Scope::ErrorCode => m
            .protocol
            .errors
            .iter()
            .any(|e| e.name == name)
            .then(|| "error code".to_string()),
    }
}

/// Every wire-relevant change from `old` to `new` (both classified; see [`crate::load`]), in
/// report order.
pub fn diff(old: &Module, new: &Module) -> Vec<Change> {
    let mut changes = compare::compare(old, new);
    note_moved_variants(&mut changes);
    changes
}

/// Loads and checks both inputs (any supported kind, by extension), collecting the errors of
/// both.
pub fn load_pair(old: &Path, new: &Path) -> Result<(Module, Module), Diagnostics> {
    load_pair_within(old, new, &[])
}

/// Like [`load_pair`], reading files under `roots` (empty: each input's directory; see
/// [`crate::fsaccess`]).
pub fn load_pair_within(
    old: &Path,
    new: &Path,
    roots: &[std::path::PathBuf],
) -> Result<(Module, Module), Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut load = |path: &Path| match crate::load_within(path, roots) {
        Ok(m) => {
            let d = crate::check::check(&m);
            if d.has_errors() {
                diags.extend(d);
                None
            } else {
                Some(m)
            }
        }
        Err(d) => {
            diags.extend(d);
            None
        }
    };
    let (o, n) = (load(old), load(new));
    match (o, n) {
        (Some(o), Some(n)) if !diags.has_errors() => Ok((o, n)),
        _ => Err(diags),
    }
}

/// Where a variant change sits: its union's type and path, and the variant's key.
fn variant_site(c: &Change) -> Option<(String, String)> {
    let (Segment::Variant(tag), parent) = c.path.0.split_last()? else {
        return None;
    };
    let union = Location(parent.to_vec()).to_string();
    let union = if union.is_empty() {
        c.name.clone()
    } else {
        format!("{}.{union}", c.name)
    };
    Some((union, tag.clone()))
}

/// A variant removed from one union and added to another with the same tag is a move: say so
/// on both changes.
fn note_moved_variants(changes: &mut [Change]) {
    let removed = |r: RuleId| matches!(r, RuleId::VariantRemoved | RuleId::UntaggedVariantRemoved);
    let added = |r: RuleId| matches!(r, RuleId::VariantAdded | RuleId::UntaggedVariantAdded);
    let mut notes: Vec<(usize, String)> = Vec::new();
    for (i, r) in changes.iter().enumerate().filter(|(_, c)| removed(c.rule)) {
        let Some((from, tag)) = variant_site(r) else {
            continue;
        };
        for (j, a) in changes.iter().enumerate().filter(|(_, c)| added(c.rule)) {
            let Some((to, other)) = variant_site(a) else {
                continue;
            };
            if other == tag && to != from {
                let why = "a variant moving between unions is a removal plus an addition";
                notes.push((i, format!("moved to `{to}`: {why}")));
                notes.push((j, format!("moved from `{from}`: {why}")));
            }
        }
    }
    for (i, text) in notes {
        changes[i].notes.push(Note {
            rule: RuleId::VariantMoved,
            text,
        });
    }
}
