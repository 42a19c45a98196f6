//! The intermediate representation: every frontend (JSON Schema, later TypeScript) produces
//! a [`Module`]; `classify` and `check` refine and validate it; every backend consumes it.
//!
//! Names in the IR are the protocol's own names (wire names); Rust names are derived by
//! [`crate::ident`] and decided by [`crate::model`]. Order is protocol order wherever the input has one.

use crate::diag::Loc;
use std::fmt;

/// A whole protocol or document: the types, in definition order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Module {
    /// Title of the document, if any.
    pub title: Option<String>,
    /// Description of the document, if any.
    pub docs: Option<String>,
    /// Every named type, in order of definition (hoisted types follow their parent).
    pub types: Vec<TypeDef>,
    /// Every input file read, in the order read (for `cargo:rerun-if-changed`).
    pub files: Vec<std::path::PathBuf>,
    /// Warnings and notes of the frontend (generation goes on despite them; for example a
    /// function-typed TypeScript member that was skipped).
    pub warnings: crate::diag::Diagnostics,
    /// Channels and JSON-RPC methods (from the protocol manifest, or inferred).
    pub protocol: Protocol,
    /// Per-type settings the input itself carries (`x-wiregen` on a definition, `@wiregen`
    /// in TypeScript), in definition order; config and builder settings override them.
    pub hints: Vec<TypeHint>,
    /// Where each type was, for [`Module::get`] and [`Module::index_of`].
    positions: Positions,
}

/// A remembered position per type path, checked on every use: `types` is public and passes
/// change it (push, remove, edit), so the map is rebuilt when the number of types changed, and
/// an entry is trusted only while the type at its position still has the path (a miss or a
/// moved type falls back to a scan and rebuilds the map). While a path is in the module twice
/// every lookup scans, so the first one is found, as before. The one change a lookup cannot see
/// is a type pushed and another removed between two lookups that leaves a duplicate path behind;
/// the frontends give every type its own path, so a module never holds one. Lookups are so
/// constant-time on average instead of a scan each (quadratic in a protocol of thousands of
/// unions). Not part of the module's value: clones start empty and comparisons ignore it.
#[derive(Default)]
struct Positions(std::sync::Mutex<PositionMap>);

#[derive(Default)]
struct PositionMap {
    /// Path → the position of its first type when the map was built.
    first: std::collections::HashMap<TypePath, usize>,
    /// How many types there were then.
    len: usize,
    /// Whether a path was there twice (then every lookup scans).
    duplicates: bool,
}

impl Positions {
    fn find(&self, types: &[TypeDef], path: &TypePath) -> Option<usize> {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len == types.len()
            && !map.duplicates
            && let Some(&i) = map.first.get(path)
            && types.get(i).is_some_and(|t| t.is(path))
        {
            return Some(i);
        }
        let found = types.iter().position(|t| t.is(path));
        if found.is_some() || map.len != types.len() {
            map.first.clear();
            map.duplicates = false;
            for (i, t) in types.iter().enumerate() {
                if map.first.insert(t.path(), i).is_some() {
                    map.duplicates = true;
                }
            }
            map.len = types.len();
        }
        found
    }
}

impl Clone for Positions {
    fn clone(&self) -> Self {
        Positions::default()
    }
}

impl PartialEq for Positions {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for Positions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Positions")
    }
}

/// Settings a schema gives one of its types.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TypeHint {
    /// The protocol's name of the type.
    pub name: String,
    /// The settings.
    pub settings: crate::config::TypeSettings,
    /// Where the hint is written.
    pub loc: Loc,
}

/// The protocol layer over the types: message channels and JSON-RPC methods.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Protocol {
    /// Message channels (tagged unions that are whole messages), in manifest order, then
    /// inferred ones in definition order.
    pub channels: Vec<Channel>,
    /// JSON-RPC methods, in manifest order.
    pub methods: Vec<Method>,
    /// Protocol-specific JSON-RPC error codes, in manifest order.
    pub errors: Vec<ErrorCode>,
    /// Whether the manifest listed channels explicitly (then none are inferred).
    pub explicit_channels: bool,
    /// Whether the manifest listed JSON-RPC methods explicitly (then none are inferred).
    pub explicit_methods: bool,
    /// How the methods travel: JSON-RPC 2.0, or DAP-style messages (`type` + `command`/`event`,
    /// responses carrying `request_seq`).
    pub style: RpcStyle,
}

/// The envelope the methods of a protocol travel in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RpcStyle {
    /// JSON-RPC 2.0: `method` + `params`, responses by `id` (MCP, SEP, LSP).
    #[default]
    JsonRpc,
    /// `type: "request"` + `command` + `arguments`, `type: "event"` + `event` + `body`,
    /// responses carrying `request_seq` and `body` (the Debug Adapter Protocol).
    Dap,
}

/// Who sends to whom (`worker→host`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Direction {
    /// The sending side.
    pub from: String,
    /// The receiving side.
    pub to: String,
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} → {}", self.from, self.to)
    }
}

/// A message channel: a tagged union whose values are whole messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// The union's protocol name (a top-level type).
    pub union: String,
    /// Who sends these messages to whom, when known.
    pub direction: Option<Direction>,
    /// Members that correlate a request with its reply, tried in order for each message
    /// (`requestId`; or `id` for requests and `payload.requestId` for responses). Empty: none.
    pub correlation: Vec<String>,
    /// Docs.
    pub docs: Docs,
    /// Where it was declared (the union's location when inferred).
    pub loc: Loc,
}

/// A JSON-RPC method.
#[derive(Debug, Clone, PartialEq)]
pub struct Method {
    /// The method name on the wire (`provider/complete`).
    pub name: String,
    /// The params type's protocol name; `None`: no params.
    pub params: Option<String>,
    /// The params may be absent (`params?: T`): the method's params type is `Option<T>`
    /// (`Option<wg::Value>` when `params` is `None`: any JSON value, or none).
    pub params_optional: bool,
    /// The result type's protocol name; `None`: any JSON value (for requests).
    pub result: Option<String>,
    /// A notification (no response) rather than a request.
    pub notification: bool,
    /// Who calls whom.
    pub direction: Direction,
    /// Docs.
    pub docs: Docs,
    /// Where it was declared.
    pub loc: Loc,
}

/// A protocol-specific JSON-RPC error code.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorCode {
    /// Its name (`NoUi`).
    pub name: String,
    /// The code.
    pub code: i64,
    /// Docs.
    pub docs: Docs,
    /// Where it was declared.
    pub loc: Loc,
}

impl Module {
    /// The type with this protocol name in this module path.
    pub fn get(&self, path: &TypePath) -> Option<&TypeDef> {
        self.index_of(path).map(|i| &self.types[i])
    }

    /// Index of a type, for in-place edits.
    pub fn index_of(&self, path: &TypePath) -> Option<usize> {
        self.positions.find(&self.types, path)
    }
}

/// The position of every type of a [`Module`] by path, for passes that look many types up
/// (a scan per lookup, as [`Module::get`] does, is quadratic in a large protocol). Built from
/// a module that the pass no longer changes; the first type of a path wins, as in `get`.
#[derive(Debug, Clone, Default)]
pub struct TypeIndex(std::collections::HashMap<TypePath, usize>);

impl TypeIndex {
    /// Indexes `module`'s types.
    pub fn new(module: &Module) -> TypeIndex {
        let mut index = std::collections::HashMap::with_capacity(module.types.len());
        for (i, t) in module.types.iter().enumerate() {
            index.entry(t.path()).or_insert(i);
        }
        TypeIndex(index)
    }

    /// The position of the type at `path`.
    pub fn position(&self, path: &TypePath) -> Option<usize> {
        self.0.get(path).copied()
    }

    /// The type at `path` in `module` (the module this index was built from).
    pub fn get<'m>(&self, module: &'m Module, path: &TypePath) -> Option<&'m TypeDef> {
        self.position(path).map(|i| &module.types[i])
    }
}

/// Where a type lives: the chain of unions whose module holds it, then its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypePath {
    /// Protocol names of the enclosing unions (outermost first); empty at top level.
    pub module: Vec<String>,
    /// The type's protocol name.
    pub name: String,
}

impl TypePath {
    /// A top-level type.
    pub fn top(name: impl Into<String>) -> Self {
        TypePath {
            module: Vec::new(),
            name: name.into(),
        }
    }
}

impl std::fmt::Display for TypePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for m in &self.module {
            write!(f, "{m}::")?;
        }
        f.write_str(&self.name)
    }
}

/// Documentation and annotations shared by types, fields and variants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Docs {
    /// Description text (markdown), if any.
    pub text: Option<String>,
    /// Deprecated, with an optional note.
    pub deprecated: Option<String>,
    /// Validation-only constraints, for the docs (`` `format`: `"date-time"` ``).
    pub constraints: Vec<String>,
}

/// A named type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// Enclosing union modules (see [`TypePath`]).
    pub module: Vec<String>,
    /// The protocol's name for it (or a derived name for hoisted inline types).
    pub name: String,
    /// Docs.
    pub docs: Docs,
    /// Where it was defined.
    pub loc: Loc,
    /// Whether it was hoisted from an inline schema (its name is derived, not the protocol's).
    pub hoisted: bool,
    /// What it is.
    pub kind: TypeKind,
}

impl TypeDef {
    /// Whether this type lives at `path` (without building its own [`TypePath`]).
    pub fn is(&self, path: &TypePath) -> bool {
        self.name == path.name && self.module == path.module
    }

    /// Its path.
    pub fn path(&self) -> TypePath {
        TypePath {
            module: self.module.clone(),
            name: self.name.clone(),
        }
    }
}

/// The kinds of named types.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known fields.
    Struct(Struct),
    /// A closed set of strings.
    Enum(StringEnum),
    /// One of several shapes.
    Union(Union),
    /// Another name for a type expression.
    Alias(Ty),
}

/// An object type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Struct {
    /// Fields in protocol order.
    pub fields: Vec<Field>,
    /// What to do with keys that are not fields.
    pub extra: Extra,
    /// Keys the protocol says are never present (`x?: never`, `"x": {"not": {}}`), for the docs.
    pub never: Vec<String>,
}

/// Policy for object keys that are not declared fields.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Extra {
    /// Not constrained by the schema (`additionalProperties` absent or `true`): ignored on decode.
    #[default]
    Open,
    /// `additionalProperties: false`: still ignored on decode (forward compatibility).
    Closed,
    /// `additionalProperties: T`: kept in a map of `T`.
    Map(Ty),
}

/// A field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Wire name.
    pub wire: String,
    /// Type; `Ty::Nullable` when `null` is allowed; `Ty::Literal` for a constant member.
    pub ty: Ty,
    /// Whether the key must be present.
    pub required: bool,
    /// Default value documented by the schema.
    pub default: Option<serde_json::Value>,
    /// Docs.
    pub docs: Docs,
    /// Where it was defined.
    pub loc: Loc,
}

/// How a field appears on the wire, derived from `required` and nullability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// `x: T` — present, never null.
    Required,
    /// `x?: T` — absent or a value.
    Optional,
    /// `x: T | null` — present, null or a value.
    RequiredNullable,
    /// `x?: T | null` — absent, null or a value.
    OptionalNullable,
}

impl Field {
    /// The field's presence class.
    pub fn presence(&self) -> Presence {
        match (self.required, matches!(self.ty, Ty::Nullable(_))) {
            (true, false) => Presence::Required,
            (false, false) => Presence::Optional,
            (true, true) => Presence::RequiredNullable,
            (false, true) => Presence::OptionalNullable,
        }
    }

    /// The type without the outer nullability.
    pub fn value_ty(&self) -> &Ty {
        match &self.ty {
            Ty::Nullable(inner) => inner,
            other => other,
        }
    }
}

/// A string enum (`"starting" | "running"`).
#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    /// Values in protocol order.
    pub values: Vec<EnumValue>,
}

/// One value of a [`StringEnum`].
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The wire string.
    pub wire: String,
    /// Docs.
    pub docs: Docs,
}

/// A union of shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// How a message picks its variant (decided by `classify`).
    pub repr: UnionRepr,
    /// Variants in protocol order.
    pub variants: Vec<Variant>,
    /// The tag key the protocol names (OpenAPI's `discriminator.propertyName`): `classify`
    /// tries it first.
    pub tag_hint: Option<String>,
    /// The members the user put in order (the `order` setting): look-alike members all named
    /// here are not warned about, their precedence being chosen.
    pub ordered: Vec<String>,
}

/// How a union's variant is told on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnionRepr {
    /// Not yet classified (frontends produce this).
    Unclassified,
    /// Internally tagged: every variant is an object with a constant string under `tag`.
    Tagged {
        /// The tag's key (`type`, `kind`, `action`, ...).
        tag: String,
    },
    /// Adjacently tagged: `{tag: "x", content: payload}`; each variant's `ty` is the payload's
    /// type, and an empty tuple (`Ty::Tuple(vec![])`) marks a variant without content.
    Adjacent {
        /// The tag's key (`type`, ...).
        tag: String,
        /// The content's key (`data`, `payload`, ...).
        content: String,
    },
    /// No shared tag: decided by JSON type, required keys and constants, in `variants` order.
    Untagged,
}

/// A variant of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The name source for the Rust variant (a tag value, a type name, a JSON type).
    pub name: String,
    /// The tag value, for tagged unions.
    pub tag: Option<String>,
    /// The payload type.
    pub ty: Ty,
    /// Whether the payload struct was hoisted from an inline member and belongs to this union
    /// alone (its tag field is then removed by `classify`).
    pub inline: bool,
    /// Docs.
    pub docs: Docs,
    /// Where it was defined.
    pub loc: Loc,
}

/// A type expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// Any JSON value (`{}`, `unknown`, `any`).
    Any,
    /// A string.
    String,
    /// A boolean.
    Bool,
    /// An integer.
    Integer,
    /// A (floating point) number.
    Number,
    /// A named type.
    Named(TypePath),
    /// An array of `T`.
    Array(Box<Ty>),
    /// A fixed-length array.
    Tuple(Vec<Ty>),
    /// An object used as a map from string keys to `T`.
    Map(Box<Ty>),
    /// `T | null`.
    Nullable(Box<Ty>),
    /// A constant value.
    Literal(serde_json::Value),
}

impl Ty {
    /// Wraps in `Nullable` unless already nullable.
    pub fn nullable(self) -> Ty {
        match self {
            Ty::Nullable(_) => self,
            other => Ty::Nullable(Box::new(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str) -> TypeDef {
        TypeDef {
            module: Vec::new(),
            name: name.to_string(),
            docs: Docs::default(),
            loc: Loc::file("ir.json"),
            hoisted: false,
            kind: TypeKind::Alias(Ty::String),
        }
    }

    fn at(m: &Module, name: &str) -> Option<usize> {
        m.index_of(&TypePath::top(name))
    }

    #[test]
    fn lookups_follow_pushes_removals_and_duplicates_like_a_scan() {
        let mut m = Module::default();
        for name in ["A", "B", "C"] {
            m.types.push(def(name));
        }
        assert_eq!(at(&m, "B"), Some(1));
        m.types.remove(0);
        assert_eq!(
            (at(&m, "A"), at(&m, "B"), at(&m, "C")),
            (None, Some(0), Some(1))
        );
        m.types.push(def("A"));
        assert_eq!(at(&m, "A"), Some(2));
        // A second `B`: the first one is found, as a scan finds it, also after a removal
        // before both.
        m.types.push(def("B"));
        assert_eq!(at(&m, "B"), Some(0));
        m.types.remove(1);
        assert_eq!((at(&m, "B"), at(&m, "A")), (Some(0), Some(1)));
        m.types.remove(0);
        assert_eq!((at(&m, "A"), at(&m, "B")), (Some(0), Some(1)));
        let copy = m.clone();
        assert_eq!(copy, m);
        assert_eq!(
            copy.get(&TypePath::top("B")).map(|t| t.name.as_str()),
            Some("B")
        );
        assert_eq!(copy.get(&TypePath::top("Z")), None);
    }
}
