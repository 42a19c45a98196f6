//! Which derives each generated type gets, decided once per type before emission.
//!
//! Automatic: `Eq` and `Hash` wherever every member implements them (ids, tokens, enums,
//! string newtypes, `string | integer` unions), `Default` on structs whose fields are all
//! optional or constant. `f64` blocks `Eq` and `Hash`, `wg::Value` blocks `Hash`, `Vec` and
//! maps pass the question to their items (`BTreeMap` is `Hash`). `PartialOrd`, `Ord` and `Copy`
//! come only from the user: the order of a derive is declaration order, which would be a
//! surprising meaning for protocol types.
//!
//! The user's derives (`extra_derives` on every type, `derives` of one type): a standard trait
//! (`Eq`, `Hash`, `PartialOrd`, `Ord`, `Copy`, `Default`) applies where every member implements
//! it; an extra derive that does not apply is left out on that type, a type's own `derives`
//! that cannot apply is an error naming the member. Other derives (from other crates) are
//! added everywhere: the user vouches for them. A replaced type implements exactly the
//! standard traits its `derives` list.
//!
//! The traits of every type are one greatest fixpoint per trait: every type starts as
//! implementing what it wants, and a type loses a trait when a member does not have it,
//! propagated backwards through the references (linear in the size of the module; a cycle
//! keeps the trait unless something on it lacks it).

use super::{Cx, Recursion};
use crate::RustOptions;
use crate::config::UnknownFields;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ir::{Extra, Module, Presence, Ty, TypeDef, TypeIndex, TypeKind, TypePath, UnionRepr};
use proc_macro2::TokenStream;
use quote::quote;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

/// The standard traits whose derive needs every member to implement them.
pub(crate) const STANDARD: [&str; 6] = ["Eq", "Hash", "PartialOrd", "Ord", "Copy", "Default"];

const EQ: usize = 0;
const HASH: usize = 1;
const COPY: usize = 4;
const DEFAULT: usize = 5;

/// The standard traits of every generated type, and the parsed user derives.
pub(crate) struct Traits {
    /// Per type: bit `k` set when it implements `STANDARD[k]`.
    has: HashMap<TypePath, u8>,
    /// The `extra_derives` paths and their last segment.
    global: Vec<(TokenStream, String)>,
    /// Each type's own `derives`, parsed.
    own: HashMap<TypePath, Vec<(TokenStream, String)>>,
    /// Untagged unions of scalars with a number member (`string | number` ids): `Eq` and
    /// `Hash` are written by hand (see [`number_id_union`]).
    manual: BTreeSet<TypePath>,
}

/// Whether `t` is an untagged union of scalars (strings, numbers, integers, booleans,
/// constants) with at least one `number` member, like MCP's `RequestId = string | number`.
/// Such a union gets `Eq` and `Hash` by hand: a number compares by value and hashes by its
/// bits (`-0` as `0`, so equal values hash alike). JSON has no NaN, so every decoded value
/// equals itself; only a NaN made in Rust would break `Eq`'s reflexivity.
pub(crate) fn number_id_union(t: &TypeDef) -> bool {
    let TypeKind::Union(u) = &t.kind else {
        return false;
    };
    u.repr == UnionRepr::Untagged
        && u.variants.iter().any(|v| v.ty == Ty::Number)
        && u.variants.iter().all(|v| {
            matches!(
                v.ty,
                Ty::String | Ty::Number | Ty::Integer | Ty::Bool | Ty::Literal(_)
            )
        })
}

/// One member of a type, as the derive question sees it.
struct Member<'a> {
    ty: Cow<'a, Ty>,
    /// An optional struct field (`Option` / `wg::Maybe`: `Default` whatever it holds).
    optional: bool,
    /// The field or variant it is (for messages); empty for a catch-all.
    name: &'a str,
    loc: Option<&'a crate::diag::Loc>,
}

impl Traits {
    /// Computes the traits of every type of `module`; errors for a type's own `derives` that
    /// cannot apply, and for derive entries that are not paths.
    pub(crate) fn new(
        module: &Module,
        options: &RustOptions,
        index: &TypeIndex,
        recursion: &Recursion,
        alias_cycles: &BTreeSet<TypePath>,
    ) -> Result<Traits, Diagnostics> {
        let mut diags = Diagnostics::new();
        let parse = |d: &str, loc: &crate::diag::Loc, what: &str, diags: &mut Diagnostics| {
            match syn::parse_str::<syn::Path>(d) {
                Ok(p) => Some((quote!(#p), derive_name(d))),
                Err(e) => {
                    diags.push(
                        Diagnostic::error(
                            loc.clone(),
                            format!("{what} entry `{d}` is not a path: {e}"),
                        )
                        .code("E0034")
                        .hint("write derive paths such as `Eq` or `schemars::JsonSchema`"),
                    );
                    None
                }
            }
        };
        let toml = crate::diag::Loc::file("wiregen.toml");
        let global: Vec<_> = options
            .extra_derives
            .iter()
            .filter_map(|d| parse(d, &toml, "`extra_derives`", &mut diags))
            .collect();
        let mut own = HashMap::new();
        for t in module.types.iter().filter(|t| t.module.is_empty()) {
            if let Some(s) = options.types.get(&t.name) {
                let what = format!("`derives` of `{}`", t.name);
                let list: Vec<_> = s
                    .derives
                    .iter()
                    .filter_map(|d| parse(d, &t.loc, &what, &mut diags))
                    .collect();
                own.insert(t.path(), list);
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let manual = module
            .types
            .iter()
            .filter(|t| number_id_union(t))
            .map(TypeDef::path)
            .collect();
        let mut traits = Traits {
            has: HashMap::new(),
            global,
            own,
            manual,
        };
        let cx = Fix {
            module,
            options,
            index,
            recursion,
            alias_cycles,
            traits: &traits,
        };
        let has = cx.solve();
        traits.has = has;
        let cx = Fix {
            module,
            options,
            index,
            recursion,
            alias_cycles,
            traits: &traits,
        };
        cx.own_errors(&mut diags);
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(traits)
    }

    /// Whether type `p` implements standard trait `k` (an index into [`STANDARD`]).
    fn has(&self, p: &TypePath, k: usize) -> bool {
        self.has.get(p).is_some_and(|bits| bits & (1 << k) != 0)
    }

    /// Whether the user asked for standard trait `k` on `p` (`extra_derives` or `derives`).
    fn asked(&self, p: &TypePath, k: usize) -> bool {
        let name = STANDARD[k];
        self.global.iter().any(|(_, n)| n == name)
            || self
                .own
                .get(p)
                .is_some_and(|l| l.iter().any(|(_, n)| n == name))
    }
}

/// The fixpoint computation.
struct Fix<'a> {
    module: &'a Module,
    options: &'a RustOptions,
    index: &'a TypeIndex,
    recursion: &'a Recursion,
    alias_cycles: &'a BTreeSet<TypePath>,
    traits: &'a Traits,
}

impl Fix<'_> {
    fn replaced(&self, t: &TypeDef) -> bool {
        t.module.is_empty()
            && self
                .options
                .types
                .get(&t.name)
                .is_some_and(|s| s.replace.is_some())
    }

    /// The members of `t` whose traits decide its own (none for a replaced type).
    fn members<'t>(&self, t: &'t TypeDef) -> Vec<Member<'t>> {
        if self.replaced(t) {
            return Vec::new();
        }
        let strict = self.options.strict_for(&t.path());
        match &t.kind {
            TypeKind::Struct(s) => {
                let mut out: Vec<Member<'t>> = s
                    .fields
                    .iter()
                    .map(|f| Member {
                        ty: Cow::Borrowed(&f.ty),
                        optional: f.presence() != Presence::Required,
                        name: &f.wire,
                        loc: Some(&f.loc),
                    })
                    .collect();
                if let Extra::Map(ty) = &s.extra {
                    out.push(Member {
                        ty: Cow::Owned(Ty::Map(Box::new(ty.clone()))),
                        optional: false,
                        name: "additionalProperties",
                        loc: None,
                    });
                }
                out
            }
            TypeKind::Enum(_) if strict => Vec::new(),
            // The `Other(String)` catch-all.
            TypeKind::Enum(_) => vec![Member {
                ty: Cow::Owned(Ty::String),
                optional: false,
                name: "",
                loc: None,
            }],
            TypeKind::Union(u) => {
                let mut out: Vec<Member<'t>> = u
                    .variants
                    .iter()
                    .map(|v| Member {
                        ty: Cow::Borrowed(&v.ty),
                        optional: false,
                        name: &v.name,
                        loc: Some(&v.loc),
                    })
                    .collect();
                // The `Unknown(wg::Value)` catch-all of a tagged union.
                if !strict && !matches!(u.repr, UnionRepr::Untagged | UnionRepr::Unclassified) {
                    out.push(Member {
                        ty: Cow::Owned(Ty::Any),
                        optional: false,
                        name: "",
                        loc: None,
                    });
                }
                out
            }
            TypeKind::Alias(ty) => vec![Member {
                ty: Cow::Borrowed(ty),
                optional: false,
                name: "",
                loc: None,
            }],
        }
    }

    /// Whether `t` itself wants trait `k` (before its members are asked).
    fn wants(&self, t: &TypeDef, k: usize) -> bool {
        let p = t.path();
        if self.replaced(t) {
            // Exactly what the user declares for the replacement (not `extra_derives`).
            return self
                .traits
                .own
                .get(&p)
                .is_some_and(|l| l.iter().any(|(_, n)| n == STANDARD[k]));
        }
        match (&t.kind, k) {
            // A constant type derives these itself.
            (TypeKind::Alias(Ty::Literal(_)), EQ | HASH | COPY | DEFAULT) => true,
            (TypeKind::Alias(Ty::Literal(_)), _) => self.traits.asked(&p, k),
            (_, EQ | HASH) => true,
            (TypeKind::Struct(s), DEFAULT) => defaultable(s) || self.traits.asked(&p, k),
            // The kept members' map (`wg::UnknownFields`) is never `Copy`.
            (TypeKind::Struct(s), COPY)
                if !matches!(s.extra, Extra::Map(_))
                    && super::unknown_fields(self.options, t) == UnknownFields::Keep =>
            {
                false
            }
            (TypeKind::Enum(_) | TypeKind::Union(_), DEFAULT) => false,
            (TypeKind::Enum(_), COPY) => self.options.strict_for(&p) || self.traits.asked(&p, k),
            // A plain alias is its target; a cyclic one is a newtype of it.
            (TypeKind::Alias(_), _) => !self.alias_cycles.contains(&p) || self.traits.asked(&p, k),
            _ => self.traits.asked(&p, k),
        }
    }

    /// Whether a member of type `ty` has trait `k`, named types answered by `named` (and
    /// collected into `deps` when it decides). `owner` is the type holding it directly, for
    /// the `Box` of recursive references (never `Copy`).
    fn ty_ok(
        &self,
        k: usize,
        ty: &Ty,
        owner: Option<&TypePath>,
        named: &mut dyn FnMut(&TypePath) -> bool,
    ) -> bool {
        let name = STANDARD[k];
        match ty {
            Ty::Literal(_) | Ty::Bool | Ty::Integer => true,
            Ty::String => name != "Copy",
            Ty::Number => matches!(name, "PartialOrd" | "Copy" | "Default"),
            Ty::Any => matches!(name, "Eq" | "Default"),
            Ty::Array(t) | Ty::Map(t) => {
                name != "Copy" && (name == "Default" || self.ty_ok(k, t, None, named))
            }
            Ty::Nullable(t) => name == "Default" || self.ty_ok(k, t, owner, named),
            Ty::Tuple(ts) => ts.iter().all(|t| self.ty_ok(k, t, owner, named)),
            Ty::Named(p) => {
                if k == COPY && owner.is_some_and(|o| self.recursion.needs_box(self.index, o, p)) {
                    return false;
                }
                named(p)
            }
        }
    }

    /// Whether the members of `t` decide trait `k` (not `Default` of a struct whose fields
    /// are all optional or constant: it derives `Default` itself), and whether member `m`
    /// does (an optional field is `Default` whatever it holds).
    fn counts(t: &TypeDef, k: usize, m: &Member<'_>) -> bool {
        if matches!(k, EQ | HASH) && *m.ty == Ty::Number && number_id_union(t) {
            return false;
        }
        k != DEFAULT || !(m.optional || matches!(&t.kind, TypeKind::Struct(s) if defaultable(s)))
    }

    fn solve(&self) -> HashMap<TypePath, u8> {
        let types = &self.module.types;
        let mut bits = vec![0u8; types.len()];
        for k in 0..STANDARD.len() {
            let mut ok = vec![false; types.len()];
            let mut users: Vec<Vec<usize>> = vec![Vec::new(); types.len()];
            for (i, t) in types.iter().enumerate() {
                let p = t.path();
                let mut local = self.wants(t, k);
                if local {
                    for m in self.members(t).iter().filter(|m| Self::counts(t, k, m)) {
                        local &=
                            self.ty_ok(k, &m.ty, Some(&p), &mut |q| match self.index.position(q) {
                                Some(j) => {
                                    users[j].push(i);
                                    true
                                }
                                None => false,
                            });
                    }
                }
                ok[i] = local;
            }
            let mut stack: Vec<usize> = (0..types.len()).filter(|&i| !ok[i]).collect();
            while let Some(j) = stack.pop() {
                for &i in &users[j] {
                    if ok[i] {
                        ok[i] = false;
                        stack.push(i);
                    }
                }
            }
            for (i, b) in ok.iter().enumerate() {
                if *b {
                    bits[i] |= 1 << k;
                }
            }
        }
        types.iter().map(|t| t.path()).zip(bits).collect()
    }

    /// An error for every standard trait a type's own `derives` asks for and cannot have.
    fn own_errors(&self, diags: &mut Diagnostics) {
        for t in self.module.types.iter().filter(|t| t.module.is_empty()) {
            let p = t.path();
            let Some(list) = self.traits.own.get(&p) else {
                continue;
            };
            if self.replaced(t) {
                continue;
            }
            for (_, name) in list {
                let Some(k) = STANDARD.iter().position(|s| s == name) else {
                    continue;
                };
                if self.traits.has(&p, k) {
                    continue;
                }
                diags.push(self.why_not(t, k));
            }
        }
    }

    /// The error for `t` lacking trait `k`: the first member that prevents it.
    fn why_not(&self, t: &TypeDef, k: usize) -> Diagnostic {
        let name = STANDARD[k];
        let head = format!("`derives` of `{}` asks for `{name}`", t.name);
        let hint = format!(
            "remove `{name}` from the `derives` of `{}`, or change the member's type",
            t.name
        );
        if !self.wants(t, k) {
            let why = match &t.kind {
                TypeKind::Enum(_) => "an enumeration has no default value",
                _ => "a union has no default variant",
            };
            return Diagnostic::error(t.loc.clone(), format!("{head}, but {why}"))
                .code("E0047")
                .hint(hint);
        }
        let p = t.path();
        for m in self.members(t).iter().filter(|m| Self::counts(t, k, m)) {
            let mut blocker: Option<TypePath> = None;
            let ok = self.ty_ok(k, &m.ty, Some(&p), &mut |q| {
                let has = self.traits.has(q, k);
                if !has && blocker.is_none() {
                    blocker = Some(q.clone());
                }
                has
            });
            if ok {
                continue;
            }
            let member = if m.name.is_empty() {
                match &t.kind {
                    TypeKind::Enum(_) => "the `Other(String)` catch-all".to_string(),
                    TypeKind::Union(_) => "the `Unknown(wg::Value)` catch-all".to_string(),
                    _ => "its value".to_string(),
                }
            } else {
                format!("member `{}`", m.name)
            };
            let through = match &blocker {
                Some(q) => format!(" (through `{}`)", q.name),
                None => format!(" ({})", describe(&m.ty)),
            };
            let hint = if m.name.is_empty() && !matches!(t.kind, TypeKind::Alias(_)) {
                format!(
                    "a catch-all goes away with `strict = true` on `{}`; or remove `{name}`",
                    t.name
                )
            } else {
                hint.clone()
            };
            return Diagnostic::error(
                m.loc.unwrap_or(&t.loc).clone(),
                format!("{head}, but {member}{through} does not implement it"),
            )
            .code("E0047")
            .related(t.loc.clone(), format!("`{}` is defined here", t.name))
            .hint(hint);
        }
        Diagnostic::error(t.loc.clone(), format!("{head}, which it cannot have"))
            .code("E0047")
            .hint(hint)
    }
}

/// Whether every field of `s` is optional or constant (the struct derives `Default`).
pub(crate) fn defaultable(s: &crate::ir::Struct) -> bool {
    s.fields
        .iter()
        .all(|f| f.presence() != Presence::Required || matches!(f.ty, Ty::Literal(_)))
}

/// A member type in words, for messages.
fn describe(ty: &Ty) -> String {
    match ty {
        Ty::Any => "any JSON value, `wg::Value`".into(),
        Ty::String => "`String`".into(),
        Ty::Bool => "`bool`".into(),
        Ty::Integer => "`i64`".into(),
        Ty::Number => "a number, `f64`".into(),
        Ty::Named(p) => format!("`{}`", p.name),
        Ty::Array(t) => format!("an array of {}", describe(t)),
        Ty::Map(t) => format!("a map of {}", describe(t)),
        Ty::Nullable(t) => describe(t),
        Ty::Tuple(_) => "a tuple".into(),
        Ty::Literal(v) => format!("the constant `{v}`"),
    }
}

impl Cx<'_> {
    /// The derives of type `p` beyond `base` (what its first `#[derive]` already lists): the
    /// automatic `Eq` and `Hash`, then the user's derives that apply, as a separate attribute
    /// (kept apart from the first `derive` by the `serde` attribute, so rustfmt does not merge
    /// them into one long line).
    pub(crate) fn more_derives(&self, p: &TypePath, base: &[&str]) -> TokenStream {
        let t = &self.traits;
        let mut names: Vec<&str> = Vec::new();
        let base: Vec<&str> = if t.manual.contains(p) {
            base.iter().copied().chain(["Eq", "Hash"]).collect()
        } else {
            base.to_vec()
        };
        let mut chosen: Vec<TokenStream> = Vec::new();
        for k in [EQ, HASH] {
            if t.has(p, k) && !base.contains(&STANDARD[k]) {
                names.push(STANDARD[k]);
                let id = quote::format_ident!("{}", STANDARD[k]);
                chosen.push(quote!(#id));
            }
        }
        let own = t.own.get(p).map(Vec::as_slice).unwrap_or_default();
        for (path, name) in t.global.iter().chain(own) {
            if base.contains(&name.as_str()) || names.contains(&name.as_str()) {
                continue;
            }
            if let Some(k) = STANDARD.iter().position(|s| s == name)
                && !t.has(p, k)
            {
                continue;
            }
            names.push(name);
            chosen.push(path.clone());
        }
        if chosen.is_empty() {
            quote!()
        } else {
            quote!(#[derive(#(#chosen),*)])
        }
    }

    /// `impl Eq` and `impl Hash` for a [`number_id_union`] (nothing for other types).
    pub(crate) fn manual_eq_hash(&self, t: &TypeDef) -> TokenStream {
        if !self.traits.manual.contains(&t.path()) {
            return quote!();
        }
        let name = crate::ident::ident(self.model.ty(&t.path()));
        let TypeKind::Union(u) = &t.kind else {
            return quote!();
        };
        let arms = u.variants.iter().enumerate().map(|(i, v)| {
            let id = crate::ident::ident(self.model.variant(&t.path(), i));
            match v.ty {
                // `+ 0.0` turns `-0.0` into `0.0`: the two are equal, so they hash alike.
                Ty::Number => quote!(Self::#id(v) => (*v + 0.0).to_bits().hash(state)),
                _ => quote!(Self::#id(v) => v.hash(state)),
            }
        });
        let doc = " Numbers compare by value; JSON has no NaN, so decoded values equal themselves.";
        quote! {
            #[doc = #doc]
            impl Eq for #name {}
            impl ::core::hash::Hash for #name {
                fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                    ::core::mem::discriminant(self).hash(state);
                    match self {
                        #(#arms,)*
                    }
                }
            }
        }
    }

    /// The user's derives for a constant type owned by `owner` (it implements every standard
    /// trait; `base` lists what it derives already).
    pub(crate) fn literal_derives(&self, owner: &TypePath, base: &[&str]) -> TokenStream {
        let t = &self.traits;
        let own = t.own.get(owner).map(Vec::as_slice).unwrap_or_default();
        let mut names: Vec<&str> = Vec::new();
        let mut chosen: Vec<TokenStream> = Vec::new();
        for (path, name) in t.global.iter().chain(own) {
            if !base.contains(&name.as_str()) && !names.contains(&name.as_str()) {
                names.push(name);
                chosen.push(path.clone());
            }
        }
        if chosen.is_empty() {
            quote!()
        } else {
            quote!(#[derive(#(#chosen),*)])
        }
    }
}

/// The last segment of a derive path (`schemars::JsonSchema` → `JsonSchema`).
pub(crate) fn derive_name(path: &str) -> String {
    path.rsplit("::").next().unwrap_or(path).trim().to_string()
}
