//! The resolved Rust model: every Rust name the output contains, decided once after `check`
//! (types, union modules, fields, enum values, variants, catch-alls, literal types, handler
//! traits and methods, JSON-RPC items). `ident` mangles; this module decides which mangled name
//! each item gets, one uniqueness pass per Rust scope, so the backend only prints names.
//!
//! Collisions never fail generation. Two protocol names that mangle alike: the first in
//! protocol order keeps the name, later ones get the lowest free numeric suffix (`user_id_2`,
//! `SessionDto2`; serde's `rename` keeps the wire name). A protocol name against an item
//! wiregen adds (`ChangeHandler` beside channel `Change`, a union `Methods` beside the JSON-RPC
//! `methods` module): the protocol's name wins and wiregen's item gets the suffix. Both warn.

use crate::RustOptions;
use crate::config::UnknownFields;
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ident::{self, unraw};
use crate::ir::{Extra, Module, Ty, TypeDef, TypeKind, TypePath, UnionRepr};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The map field that keeps `additionalProperties` values, unless a property takes the name.
pub const EXTRA_FIELD: &str = "additional_properties";

/// The map field that keeps unknown members (`unknown_fields = "keep"`), unless a property
/// takes the name.
pub const KEPT_FIELD: &str = "unknown_fields";

pub use protocol::shared_members;

mod protocol;

/// Method names the channel enum (derive and `dispatch`) and its handler traits already use.
pub const RESERVED_METHODS: &[&str] = &[
    "tag",
    "dispatch",
    "dispatch_async",
    "correlation_id",
    "unhandled",
];

/// Names of what a channel adds to its union.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelNames {
    /// The sync handler trait (`{X}Handler`).
    pub handler: String,
    /// The async handler trait (`{X}AsyncHandler`).
    pub async_handler: String,
    /// The handler method of each variant, by variant index.
    pub methods: Vec<String>,
    /// Accessors for members several messages share: wire name → method, in first-seen order.
    pub accessors: Vec<(String, String)>,
}

/// Names of the items of one receiving side of a JSON-RPC protocol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideNames {
    /// The side's protocol name (`client`).
    pub side: String,
    /// The enum of requests it receives (`{Side}Request`).
    pub requests: String,
    /// The enum of notifications it receives (`{Side}Notification`).
    pub notifications: String,
    /// The server trait (`{Side}Server`).
    pub server: String,
    /// The router constructor (`{side}_router`).
    pub router: String,
    /// Variant of each incoming method in its enum, by method index.
    pub variants: BTreeMap<usize, String>,
    /// The server trait method of each incoming method, by method index.
    pub trait_methods: BTreeMap<usize, String>,
}

/// The JSON-RPC items' names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RpcNames {
    /// The module holding one type per method (`methods`).
    pub methods_module: String,
    /// The module holding the error-code constants (`error_codes`).
    pub errors_module: String,
    /// The type of each method, by method index.
    pub method_types: Vec<String>,
    /// The constant of each error code, by index.
    pub error_consts: Vec<String>,
    /// Every receiving side, sorted by name.
    pub sides: Vec<SideNames>,
}

/// Every Rust name of the output (see the module docs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    types: BTreeMap<TypePath, String>,
    modules: BTreeMap<TypePath, String>,
    fields: BTreeMap<(TypePath, String), String>,
    extra: BTreeMap<TypePath, String>,
    values: BTreeMap<(TypePath, String), String>,
    variants: BTreeMap<(TypePath, usize), String>,
    catch_alls: BTreeMap<TypePath, String>,
    literals: BTreeMap<(TypePath, String), String>,
    channels: BTreeMap<TypePath, ChannelNames>,
    /// The JSON-RPC items.
    pub rpc: RpcNames,
}

const MISSING: &str = "Unresolved";

impl Model {
    /// The Rust name of a type.
    pub fn ty(&self, p: &TypePath) -> &str {
        self.types.get(p).map_or(MISSING, String::as_str)
    }
    /// The module of a union's variant structs and inline types.
    pub fn module(&self, p: &TypePath) -> &str {
        self.modules.get(p).map_or("unresolved", String::as_str)
    }
    /// The Rust name of a struct's field.
    pub fn field(&self, owner: &TypePath, wire: &str) -> &str {
        self.fields
            .get(&(owner.clone(), wire.to_string()))
            .map_or("unresolved", String::as_str)
    }
    /// The `additionalProperties` map field of a struct, or its map of kept unknown members.
    pub fn extra_field(&self, owner: &TypePath) -> &str {
        self.extra.get(owner).map_or(EXTRA_FIELD, String::as_str)
    }
    /// The Rust variant of a string enum value.
    pub fn value(&self, owner: &TypePath, wire: &str) -> &str {
        self.values
            .get(&(owner.clone(), wire.to_string()))
            .map_or(MISSING, String::as_str)
    }
    /// The Rust variant of a union member.
    pub fn variant(&self, owner: &TypePath, index: usize) -> &str {
        self.variants
            .get(&(owner.clone(), index))
            .map_or(MISSING, String::as_str)
    }
    /// The catch-all variant of a union or string enum (`Unknown`, `Other`); `None` when strict.
    pub fn catch_all(&self, owner: &TypePath) -> Option<&str> {
        self.catch_alls.get(owner).map(String::as_str)
    }
    /// The constant type of a literal struct member or untagged union member.
    pub fn literal(&self, owner: &TypePath, member: &str) -> &str {
        self.literals
            .get(&(owner.clone(), member.to_string()))
            .map_or(MISSING, String::as_str)
    }
    /// What a channel adds to its union.
    pub fn channel(&self, union: &TypePath) -> Option<&ChannelNames> {
        self.channels.get(union)
    }
}

/// One Rust scope: the names taken in it (compared without `r#`).
#[derive(Default)]
struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    fn has(&self, name: &str) -> bool {
        self.taken.contains(unraw(name))
    }
    fn take(&mut self, name: &str) {
        self.taken.insert(unraw(name).to_string());
    }
    /// `base` with the lowest free numeric suffix (`sep` between, `_` for snake case).
    fn numbered(&mut self, base: &str, sep: &str) -> String {
        let b = unraw(base);
        let name = (2..)
            .map(|n| format!("{b}{sep}{n}"))
            .find(|c| !self.has(c))
            .unwrap_or_default();
        self.take(&name);
        name
    }
    /// A wiregen item's name: `wanted` if free, else numbered; `Err` carries the free name.
    fn added(&mut self, wanted: &str, sep: &str) -> Result<String, String> {
        if self.has(wanted) {
            Err(self.numbered(wanted, sep))
        } else {
            self.take(wanted);
            Ok(wanted.to_string())
        }
    }
}

/// A protocol name to place: the mangled name, the protocol's spelling and where it is.
struct Wanted<'a> {
    rust: String,
    wire: &'a str,
    loc: &'a Loc,
}

/// Places protocol names (protocol order) in `scope`: the first of each Rust name keeps it,
/// later ones are numbered after every plain name is placed, with a warning naming both.
fn place(
    scope: &mut Scope,
    wanted: &[Wanted<'_>],
    what: &str,
    sep: &str,
    diags: &mut Diagnostics,
) -> Vec<String> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(wanted.len());
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, w) in wanted.iter().enumerate() {
        if scope.has(&w.rust) {
            out.push(None);
        } else {
            scope.take(&w.rust);
            first.insert(unraw(&w.rust), i);
            out.push(Some(w.rust.clone()));
        }
    }
    for (i, w) in wanted.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let name = scope.numbered(&w.rust, sep);
        let mut d = Diagnostic::warning(
            w.loc.clone(),
            format!(
                "`{}` ({what}) becomes `{}` in Rust, which is taken; it is `{name}`",
                w.wire, w.rust
            ),
        )
        .code("W0001");
        if let Some(&j) = first.get(unraw(&w.rust)) {
            let f = &wanted[j];
            d = Diagnostic::warning(
                w.loc.clone(),
                format!(
                    "`{}` and `{}` ({what}) both become `{}` in Rust; the first keeps it, `{}` is `{name}`",
                    f.wire, w.wire, w.rust, w.wire
                ),
            )
.code("W0001")
            .related(f.loc.clone(), format!("`{}` is defined here", f.wire));
        }
        diags.push(d.hint(
            "serde keeps the wire name; rename one of them in the schema for a nicer Rust name",
        ));
        out[i] = Some(name);
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

/// Names a wiregen item in `scope`, warning when the protocol already uses the name.
fn add(
    scope: &mut Scope,
    wanted: &str,
    sep: &str,
    what: &str,
    loc: &Loc,
    diags: &mut Diagnostics,
) -> String {
    scope.added(wanted, sep).unwrap_or_else(|name| {
        diags.push(
            Diagnostic::warning(
                loc.clone(),
                format!("the protocol uses the name `{wanted}`, so wiregen's {what} is `{name}`"),
            )
.code("W0001")
            .hint("the protocol's own names always win; rename the type to keep wiregen's default name"),
        );
        name
    })
}

/// Resolves every Rust name of the output for `module`.
pub fn resolve(module: &Module, options: &RustOptions) -> (Model, Diagnostics) {
    let mut m = Model::default();
    let mut diags = Diagnostics::new();
    let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
    // Types and union modules, per Rust module, parents first.
    // Each module path's types in order (one pass; a scan of every type per path and per
    // parent was quadratic).
    let mut by_module: HashMap<&[String], Vec<&TypeDef>> = HashMap::new();
    for t in &module.types {
        by_module.entry(&t.module).or_default().push(t);
    }
    let mut paths: Vec<Vec<String>> = by_module.keys().map(|p| p.to_vec()).collect();
    paths.sort();
    paths.sort_by_key(Vec::len);
    for path in &paths {
        let here: Vec<&TypeDef> = by_module[path.as_slice()].clone();
        let scope = scopes.entry(path.clone()).or_default();
        let wanted: Vec<Wanted<'_>> = here
            .iter()
            .map(|t| Wanted {
                // `rename` is the user's Rust name (checked to be an identifier before).
                rust: match options
                    .type_settings(&t.path())
                    .and_then(|s| s.rename.as_ref())
                {
                    Some(name) => name.clone(),
                    None => ident::type_name(&t.name),
                },
                wire: &t.name,
                loc: &t.loc,
            })
            .collect();
        let names = place(scope, &wanted, "types", "", &mut diags);
        for (t, name) in here.iter().zip(names) {
            m.types.insert(t.path(), name);
        }
        let parents: Vec<&&TypeDef> = here
            .iter()
            .filter(|t| {
                let mut child = path.clone();
                child.push(t.name.clone());
                by_module.contains_key(child.as_slice())
            })
            .collect();
        let wanted: Vec<Wanted<'_>> = parents
            .iter()
            .map(|t| Wanted {
                rust: ident::module_name(&m.types[&t.path()]),
                wire: &t.name,
                loc: &t.loc,
            })
            .collect();
        let names = place(scope, &wanted, "union modules", "_", &mut diags);
        for (t, name) in parents.iter().zip(names) {
            m.modules.insert(t.path(), name);
        }
    }
    for t in &module.types {
        let p = t.path();
        match &t.kind {
            TypeKind::Struct(s) => {
                let mut scope = Scope::default();
                let wanted: Vec<Wanted<'_>> = s
                    .fields
                    .iter()
                    .map(|f| Wanted {
                        rust: ident::field_name(&f.wire),
                        wire: &f.wire,
                        loc: &f.loc,
                    })
                    .collect();
                let names = place(
                    &mut scope,
                    &wanted,
                    &format!("fields of `{}`", t.name),
                    "_",
                    &mut diags,
                );
                for (f, name) in s.fields.iter().zip(names) {
                    m.fields.insert((p.clone(), f.wire.clone()), name);
                }
                if matches!(s.extra, Extra::Map(_)) {
                    let what = "map of undeclared keys (`additionalProperties`)";
                    let name = add(&mut scope, EXTRA_FIELD, "_", what, &t.loc, &mut diags);
                    m.extra.insert(p.clone(), name);
                } else if crate::backend::rust::unknown_fields(options, t) == UnknownFields::Keep {
                    let what = "map of kept unknown members (`unknown_fields = \"keep\"`)";
                    let name = add(&mut scope, KEPT_FIELD, "_", what, &t.loc, &mut diags);
                    m.extra.insert(p.clone(), name);
                }
                for f in &s.fields {
                    if matches!(f.value_ty(), Ty::Literal(v) if !v.is_null()) {
                        literal(&mut m, &mut scopes, t, &f.wire, &mut diags);
                    }
                }
            }
            TypeKind::Enum(e) => {
                let mut scope = Scope::default();
                let wanted: Vec<Wanted<'_>> = e
                    .values
                    .iter()
                    .map(|v| Wanted {
                        rust: ident::variant_name(&v.wire),
                        wire: &v.wire,
                        loc: &t.loc,
                    })
                    .collect();
                let names = place(
                    &mut scope,
                    &wanted,
                    &format!("values of `{}`", t.name),
                    "",
                    &mut diags,
                );
                for (v, name) in e.values.iter().zip(names) {
                    m.values.insert((p.clone(), v.wire.clone()), name);
                }
                if !options.strict_for(&p) {
                    m.catch_alls.insert(
                        p.clone(),
                        catch_all(&mut scope, &["Other", "OtherValue", "Unrecognized"]),
                    );
                }
            }
            TypeKind::Union(u) => {
                let mut scope = Scope::default();
                let wanted: Vec<Wanted<'_>> = u
                    .variants
                    .iter()
                    .map(|v| Wanted {
                        rust: ident::variant_name(&v.name),
                        wire: &v.name,
                        loc: &v.loc,
                    })
                    .collect();
                let names = place(
                    &mut scope,
                    &wanted,
                    &format!("variants of `{}`", t.name),
                    "",
                    &mut diags,
                );
                for (i, name) in names.into_iter().enumerate() {
                    m.variants.insert((p.clone(), i), name);
                }
                if !options.strict_for(&p) {
                    m.catch_alls.insert(
                        p.clone(),
                        catch_all(&mut scope, &["Unknown", "UnknownMessage", "Unrecognized"]),
                    );
                }
                if u.repr == UnionRepr::Untagged {
                    for v in &u.variants {
                        if matches!(&v.ty, Ty::Literal(x) if !x.is_null()) {
                            literal(&mut m, &mut scopes, t, &v.name, &mut diags);
                        }
                    }
                }
            }
            TypeKind::Alias(_) => {}
        }
    }
    protocol::channels(module, &mut m, &mut scopes, &mut diags);
    protocol::rpc(module, &mut m, &mut scopes, &mut diags);
    (m, diags)
}

/// The first free of `candidates`, then the first one numbered.
fn catch_all(scope: &mut Scope, candidates: &[&str]) -> String {
    match candidates.iter().find(|c| !scope.has(c)) {
        Some(c) => {
            scope.take(c);
            (*c).to_string()
        }
        None => scope.numbered(candidates[0], ""),
    }
}

/// The constant type of literal member `member` of `owner`: `{Owner}{Member}`, `…Const` when
/// a type of the module has that name, numbered after that.
fn literal(
    m: &mut Model,
    scopes: &mut BTreeMap<Vec<String>, Scope>,
    owner: &TypeDef,
    member: &str,
    diags: &mut Diagnostics,
) {
    let scope = scopes.entry(owner.module.clone()).or_default();
    let base = format!("{}{}", m.ty(&owner.path()), ident::type_name(member));
    let name = if scope.has(&base) {
        let name = scope
            .added(&format!("{base}Const"), "")
            .unwrap_or_else(|n| n);
        diags.push(
            Diagnostic::warning(
                owner.loc.clone(),
                format!(
                    "the protocol uses the name `{base}`, so the constant type of `{}.{member}` is `{name}`",
                    owner.name
                ),
            )
.code("W0001")
            .hint("the protocol's own names always win; rename the type to keep wiregen's default name"),
        );
        name
    } else {
        scope.take(&base);
        base
    };
    m.literals.insert((owner.path(), member.to_string()), name);
}

#[cfg(test)]
mod tests;
