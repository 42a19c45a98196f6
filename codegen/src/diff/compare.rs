//! The structural comparison behind `wiregen diff`: top-level types are matched by protocol
//! name, fields by wire name, tagged-union variants by tag value (untagged ones by member
//! name), enum values by string. Hoisted inline types have derived names, so they are never
//! matched by name: they are compared through the field, item or variant that holds them.

use super::graph::{desc, kind_desc, quoted, repr_desc, roots};
use super::rules::{Api, RuleId};
use super::{Change, Location, Note, Scope, Segment};
use crate::ir::{
    Extra, Field, Module, Presence, StringEnum, Struct, Ty, TypeDef, TypeKind, TypePath, Union,
    UnionRepr, Variant,
};

/// Recursion limit for type expressions (alias chains); definitions are guarded by a stack.
const MAX_DEPTH: usize = 64;

/// Every change from `old` to `new`: changed and added types in the new order, then removed
/// types in the old order.
pub(super) fn compare(old: &Module, new: &Module) -> Vec<Change> {
    let names = std::rc::Rc::new(Names {
        old: crate::model::resolve(old, &Default::default()).0,
        new: crate::model::resolve(new, &Default::default()).0,
    });
    let mut cmp = Cmp::new(old, new, false, names);
    let (old_roots, new_roots) = (roots(old), roots(new));
    for n in &new_roots {
        cmp.group = n.path().to_string();
        match old_roots.iter().find(|o| o.path() == n.path()) {
            Some(o) => cmp.def(&[], o, n),
            None => {
                cmp.push(RuleId::TypeAdded, &[], None, Some(kind_desc(new, n)));
            }
        }
    }
    for o in &old_roots {
        if !new_roots.iter().any(|n| n.path() == o.path()) {
            cmp.group = o.path().to_string();
            cmp.push(RuleId::TypeRemoved, &[], Some(kind_desc(old, o)), None);
        }
    }
    note_renamed_types(&mut cmp);
    super::manifest::compare(&mut cmp);
    cmp.out
}

/// A removed and an added type of the same shape may be one type renamed: its messages still
/// decode wherever the references moved (each such reference is a `type-renamed` change).
fn note_renamed_types(cmp: &mut Cmp<'_>) {
    let whole = |c: &Change, rule: RuleId| c.rule == rule && c.path.0.is_empty();
    let removed: Vec<usize> = (0..cmp.out.len())
        .filter(|&i| whole(&cmp.out[i], RuleId::TypeRemoved))
        .collect();
    let added: Vec<usize> = (0..cmp.out.len())
        .filter(|&i| whole(&cmp.out[i], RuleId::TypeAdded))
        .collect();
    let mut taken: Vec<usize> = Vec::new();
    for r in removed {
        let from = TypePath::top(cmp.out[r].name.as_str());
        let found = added.iter().copied().find(|a| {
            let to = TypePath::top(cmp.out[*a].name.as_str());
            !taken.contains(a) && cmp.same_shape(&Ty::Named(from.clone()), &Ty::Named(to))
        });
        let Some(a) = found else { continue };
        taken.push(a);
        let (old_name, new_name) = (cmp.out[r].name.clone(), cmp.out[a].name.clone());
        let why = "if it is a rename, its messages still decode where references moved";
        let text = format!("`{new_name}` was added with the same shape: {why}");
        cmp.note(r, RuleId::TypeRenamed, text);
        let text = format!("`{old_name}` was removed with the same shape: {why}");
        cmp.note(a, RuleId::TypeRenamed, text);
    }
}

fn at(path: &[Segment], seg: Segment) -> Vec<Segment> {
    let mut p = path.to_vec();
    p.push(seg);
    p
}

/// Whether `value` is a constant of type `base` (`"a"` of `string` or of an enum with `a`).
fn literal_fits(m: &Module, value: &serde_json::Value, base: &Ty) -> bool {
    use serde_json::Value as J;
    match (value, base) {
        (J::String(_), Ty::String) | (J::Bool(_), Ty::Bool) | (J::Number(_), Ty::Number) => true,
        (J::Number(n), Ty::Integer) => n.is_i64() || n.is_u64(),
        (J::String(s), Ty::Named(p)) => {
            matches!(m.get(p).map(|t| &t.kind), Some(TypeKind::Enum(e)) if e.values.iter().any(|v| v.wire == *s))
        }
        _ => false,
    }
}

fn is_enum(m: &Module, p: &TypePath) -> bool {
    matches!(m.get(p).map(|t| &t.kind), Some(TypeKind::Enum(_)))
}

/// Whether the generated struct has an `x_or_default()` accessor for this field (mirrors the
/// Rust backend: optional, non-nullable, scalar default of the field's type).
fn has_default_accessor(m: &Module, f: &Field) -> bool {
    use serde_json::Value as J;
    let Some(default) = &f.default else {
        return false;
    };
    f.presence() == Presence::Optional
        && match (f.value_ty(), default) {
            (Ty::String, J::String(_)) | (Ty::Bool, J::Bool(_)) | (Ty::Number, J::Number(_)) => {
                true
            }
            (Ty::Integer, J::Number(n)) => n.is_i64(),
            (ty @ Ty::Named(_), v @ J::String(_)) => literal_fits(m, v, ty),
            _ => false,
        }
}

/// The Rust names of both versions (the `model` of each), for Rust-API verdicts.
pub(super) struct Names {
    old: crate::model::Model,
    new: crate::model::Model,
}

/// The comparison's state; [`super::manifest`] drives it too, for method params and results.
pub(super) struct Cmp<'m> {
    names: std::rc::Rc<Names>,
    pub(super) old: &'m Module,
    pub(super) new: &'m Module,
    /// Compare named types by shape rather than by name (for "same shape" questions).
    deep: bool,
    /// What the changes belong to, and its name.
    pub(super) scope: Scope,
    pub(super) group: String,
    /// Definition pairs under comparison (recursive types).
    stack: Vec<(TypePath, TypePath)>,
    depth: usize,
    out: Vec<Change>,
}

impl<'m> Cmp<'m> {
    fn new(old: &'m Module, new: &'m Module, deep: bool, names: std::rc::Rc<Names>) -> Self {
        Cmp {
            names,
            old,
            new,
            deep,
            scope: Scope::Type,
            group: String::new(),
            stack: Vec::new(),
            depth: 0,
            out: Vec::new(),
        }
    }

    pub(super) fn push(
        &mut self,
        rule: RuleId,
        path: &[Segment],
        old: Option<String>,
        new: Option<String>,
    ) -> usize {
        self.out.push(Change {
            rule,
            scope: self.scope,
            name: self.group.clone(),
            path: Location(path.to_vec()),
            old,
            new,
            api: rule.rule().api,
            notes: Vec::new(),
        });
        self.out.len() - 1
    }

    fn note(&mut self, index: usize, rule: RuleId, text: String) {
        self.out[index].notes.push(Note { rule, text });
    }

    fn old_desc(&self, ty: &Ty) -> Option<String> {
        Some(desc(self.old, ty, 0))
    }

    fn new_desc(&self, ty: &Ty) -> Option<String> {
        Some(desc(self.new, ty, 0))
    }

    /// Whether `o` (old) and `n` (new) accept the same messages, whatever their names.
    fn same_shape(&self, o: &Ty, n: &Ty) -> bool {
        let mut sub = Cmp::new(self.old, self.new, true, self.names.clone());
        sub.stack.clone_from(&self.stack);
        sub.depth = self.depth;
        sub.ty(&[], o, n);
        sub.out.is_empty()
    }

    fn def(&mut self, path: &[Segment], o: &TypeDef, n: &TypeDef) {
        let key = (o.path(), n.path());
        if self.stack.contains(&key) {
            return;
        }
        self.stack.push(key);
        match (&o.kind, &n.kind) {
            (TypeKind::Struct(a), TypeKind::Struct(b)) => {
                self.structs(path, (&o.path(), a), (&n.path(), b))
            }
            (TypeKind::Enum(a), TypeKind::Enum(b)) => self.enums(path, a, b),
            (TypeKind::Union(a), TypeKind::Union(b)) => self.unions(path, a, b),
            (TypeKind::Alias(a), TypeKind::Alias(b)) => self.ty(path, a, b),
            _ => {
                let (od, nd) = (kind_desc(self.old, o), kind_desc(self.new, n));
                self.push(RuleId::TypeChanged, path, Some(od), Some(nd));
            }
        }
        self.stack.pop();
    }

    pub(super) fn ty(&mut self, path: &[Segment], o: &Ty, n: &Ty) {
        if self.depth > MAX_DEPTH {
            return;
        }
        self.depth += 1;
        self.ty_inner(path, o, n);
        self.depth -= 1;
    }

    fn ty_inner(&mut self, path: &[Segment], o: &Ty, n: &Ty) {
        match (o, n) {
            (Ty::Any, Ty::Any) => {}
            (_, Ty::Any) => {
                self.push(
                    RuleId::TypeWidened,
                    path,
                    self.old_desc(o),
                    self.new_desc(n),
                );
            }
            (Ty::Any, _) => {
                self.push(
                    RuleId::TypeNarrowed,
                    path,
                    self.old_desc(o),
                    self.new_desc(n),
                );
            }
            (Ty::Nullable(a), Ty::Nullable(b)) => self.ty(path, a, b),
            (Ty::Nullable(a), _) => {
                self.push(
                    RuleId::NullableRemoved,
                    path,
                    self.old_desc(o),
                    self.new_desc(n),
                );
                self.ty(path, a, n);
            }
            (_, Ty::Nullable(b)) => {
                self.push(
                    RuleId::NullableAdded,
                    path,
                    self.old_desc(o),
                    self.new_desc(n),
                );
                self.ty(path, o, b);
            }
            (Ty::Array(a), Ty::Array(b)) => self.ty(&at(path, Segment::Item), a, b),
            (Ty::Map(a), Ty::Map(b)) => self.ty(&at(path, Segment::MapValue), a, b),
            (Ty::Tuple(a), Ty::Tuple(b)) if a.len() == b.len() => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    self.ty(&at(path, Segment::Index(i)), x, y);
                }
            }
            (Ty::Named(p), Ty::Named(q)) => self.named(path, o, n, p, q),
            _ if o == n => {}
            // Looking through aliases is a question of shape only.
            (Ty::Named(p), _) if self.deep => match self.old.get(p).map(|t| &t.kind) {
                Some(TypeKind::Alias(inner)) => self.ty(path, inner, n),
                _ => self.changed(path, o, n),
            },
            (_, Ty::Named(q)) if self.deep => match self.new.get(q).map(|t| &t.kind) {
                Some(TypeKind::Alias(inner)) => self.ty(path, o, inner),
                _ => self.changed(path, o, n),
            },
            (Ty::Named(_), _) | (_, Ty::Named(_)) if self.same_shape(o, n) => {
                self.push(
                    RuleId::TypeRenamed,
                    path,
                    self.old_desc(o),
                    self.new_desc(n),
                );
            }
            _ => self.changed(path, o, n),
        }
    }

    fn named(&mut self, path: &[Segment], o: &Ty, n: &Ty, p: &TypePath, q: &TypePath) {
        let (Some(od), Some(nd)) = (self.old.get(p), self.new.get(q)) else {
            // A dangling reference (`check` reports those): compare names only.
            if p != q {
                self.changed(path, o, n);
            }
            return;
        };
        if self.deep || (od.hoisted && nd.hoisted) || (p == q && (od.hoisted || nd.hoisted)) {
            return self.def(path, od, nd);
        }
        if p == q {
            return; // compared as a top-level type of its own
        }
        if self.same_shape(o, n) {
            self.push(
                RuleId::TypeRenamed,
                path,
                self.old_desc(o),
                self.new_desc(n),
            );
        } else {
            self.changed(path, o, n);
        }
    }

    /// A type change that is not about nullability: widened, narrowed or unrelated.
    fn changed(&mut self, path: &[Segment], o: &Ty, n: &Ty) {
        let rule = match (o, n) {
            (Ty::Integer, Ty::Number) => RuleId::TypeWidened,
            (Ty::Number, Ty::Integer) => RuleId::TypeNarrowed,
            (Ty::Literal(v), b) if literal_fits(self.new, v, b) => RuleId::TypeWidened,
            (a, Ty::Literal(v)) if literal_fits(self.old, v, a) => RuleId::TypeNarrowed,
            (Ty::Named(p), Ty::String) if is_enum(self.old, p) => RuleId::EnumToString,
            (Ty::String, Ty::Named(q)) if is_enum(self.new, q) => RuleId::StringToEnum,
            _ => RuleId::TypeChanged,
        };
        self.push(rule, path, self.old_desc(o), self.new_desc(n));
    }

    fn structs(
        &mut self,
        path: &[Segment],
        (op, a): (&TypePath, &Struct),
        (np, b): (&TypePath, &Struct),
    ) {
        let rest = at(path, Segment::Rest);
        match (&a.extra, &b.extra) {
            (Extra::Map(x), Extra::Map(y)) => self.ty(&rest, x, y),
            (Extra::Map(x), _) => {
                let old = self.old_desc(x);
                self.push(RuleId::AdditionalPropertiesRemoved, &rest, old, None);
            }
            (_, Extra::Map(y)) => {
                let new = self.new_desc(y);
                self.push(RuleId::AdditionalPropertiesAdded, &rest, None, new);
            }
            _ => {}
        }
        let has = |s: &Struct, wire: &str| s.fields.iter().any(|f| f.wire == wire);
        let removed: Vec<&Field> = a.fields.iter().filter(|f| !has(b, &f.wire)).collect();
        let added: Vec<&Field> = b.fields.iter().filter(|f| !has(a, &f.wire)).collect();
        // A removed and an added field of the same type may be a rename; the wire cannot tell.
        let mut renames: Vec<(usize, usize)> = Vec::new();
        if !self.deep {
            for (i, r) in removed.iter().enumerate() {
                let taken = |j: usize| renames.iter().any(|&(_, k)| k == j);
                let found = added.iter().enumerate().find(|(j, f)| {
                    !taken(*j) && f.required == r.required && self.same_shape(&r.ty, &f.ty)
                });
                if let Some((j, _)) = found {
                    renames.push((i, j));
                }
            }
        }
        let why = "a renamed wire name is a removal plus an addition";
        // A rename that keeps the Rust field (`userID` → `userId`, both `user_id`) and its type
        // breaks no code: only the wire name changes.
        let names = self.names.clone();
        let same_rust = |i: usize, j: usize| {
            removed[i].ty == added[j].ty
                && names.old.field(op, &removed[i].wire) == names.new.field(np, &added[j].wire)
        };
        let keeps = |i: usize| {
            format!(
                " (the Rust field keeps its name `{}`)",
                names.old.field(op, &removed[i].wire)
            )
        };
        let mut api_none: Vec<usize> = Vec::new();
        for (i, f) in removed.iter().enumerate() {
            let rule = if f.required {
                RuleId::FieldRemovedRequired
            } else {
                RuleId::FieldRemovedOptional
            };
            let old = self.old_desc(&f.ty);
            let index = self.push(rule, &at(path, Segment::Field(f.wire.clone())), old, None);
            if let Some(&(_, j)) = renames.iter().find(|&&(k, _)| k == i) {
                let mut text = format!("`{}` was added with the same type: {why}", added[j].wire);
                if same_rust(i, j) {
                    text.push_str(&keeps(i));
                    api_none.push(index);
                }
                self.note(index, RuleId::WireNameRenamed, text);
            }
        }
        for f in &b.fields {
            let fp = at(path, Segment::Field(f.wire.clone()));
            if let Some(of) = a.fields.iter().find(|o| o.wire == f.wire) {
                self.field(&fp, of, f);
                continue;
            }
            let rule = if f.required {
                RuleId::FieldAddedRequired
            } else {
                RuleId::FieldAddedOptional
            };
            let new = self.new_desc(&f.ty);
            let index = self.push(rule, &fp, None, new);
            let j = added.iter().position(|x| x.wire == f.wire);
            if let Some(&(i, k)) = renames.iter().find(|&&(_, k)| Some(k) == j) {
                let mut text = format!(
                    "`{}` was removed with the same type: {why}",
                    removed[i].wire
                );
                if same_rust(i, k) {
                    text.push_str(&keeps(i));
                    api_none.push(index);
                }
                self.note(index, RuleId::WireNameRenamed, text);
            }
        }
        for index in api_none {
            self.out[index].api = Api::None;
        }
    }

    fn field(&mut self, path: &[Segment], o: &Field, n: &Field) {
        match (o.required, n.required) {
            (true, false) => {
                self.push(RuleId::FieldMadeOptional, path, None, None);
            }
            (false, true) => {
                self.push(RuleId::FieldMadeRequired, path, None, None);
            }
            _ => {}
        }
        self.ty(path, &o.ty, &n.ty);
        let show = |v: &serde_json::Value| Some(v.to_string());
        match (&o.default, &n.default) {
            (None, Some(d)) => {
                self.push(RuleId::DefaultAdded, path, None, show(d));
            }
            (Some(d), None) => {
                let index = self.push(RuleId::DefaultRemoved, path, show(d), None);
                if !has_default_accessor(self.old, o) {
                    self.out[index].api = Api::None;
                }
            }
            (Some(x), Some(y)) if x != y => {
                self.push(RuleId::DefaultChanged, path, show(x), show(y));
            }
            _ => {}
        }
    }

    fn enums(&mut self, path: &[Segment], a: &StringEnum, b: &StringEnum) {
        let has = |e: &StringEnum, wire: &str| e.values.iter().any(|v| v.wire == wire);
        for v in a.values.iter().filter(|v| !has(b, &v.wire)) {
            let p = at(path, Segment::Value(v.wire.clone()));
            self.push(RuleId::EnumValueRemoved, &p, None, None);
        }
        for v in b.values.iter().filter(|v| !has(a, &v.wire)) {
            let p = at(path, Segment::Value(v.wire.clone()));
            self.push(RuleId::EnumValueAdded, &p, None, None);
        }
    }

    fn unions(&mut self, path: &[Segment], a: &Union, b: &Union) {
        use UnionRepr as R;
        let tagged = |r: &R| matches!(r, R::Tagged { .. } | R::Adjacent { .. });
        let same_repr = match (&a.repr, &b.repr) {
            (R::Tagged { .. }, R::Tagged { .. }) | (R::Adjacent { .. }, R::Adjacent { .. }) => true,
            (x, y) => !tagged(x) && !tagged(y),
        };
        if !same_repr {
            let (o, n) = (repr_desc(&a.repr), repr_desc(&b.repr));
            self.push(RuleId::UnionReprChanged, path, Some(o), Some(n));
            return;
        }
        if a.repr != b.repr {
            let (o, n) = (repr_desc(&a.repr), repr_desc(&b.repr));
            self.push(RuleId::TagKeyChanged, path, Some(o), Some(n));
        }
        let tagged = tagged(&b.repr);
        let key = |v: &Variant| match &v.tag {
            Some(t) if tagged => t.clone(),
            _ => v.name.clone(),
        };
        let has = |u: &Union, k: &str| u.variants.iter().any(|v| key(v) == k);
        let removed: Vec<&Variant> = a.variants.iter().filter(|v| !has(b, &key(v))).collect();
        let added: Vec<&Variant> = b.variants.iter().filter(|v| !has(a, &key(v))).collect();
        // The same payload under another tag is a changed tag value.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if tagged && !self.deep {
            for (i, r) in removed.iter().enumerate() {
                let taken = |j: usize| pairs.iter().any(|&(_, k)| k == j);
                let found = added.iter().enumerate().find(|(j, v)| {
                    !taken(*j) && v.inline == r.inline && self.same_shape(&r.ty, &v.ty)
                });
                if let Some((j, _)) = found {
                    pairs.push((i, j));
                }
            }
        }
        let (removed_rule, added_rule) = if tagged {
            (RuleId::VariantRemoved, RuleId::VariantAdded)
        } else {
            (RuleId::UntaggedVariantRemoved, RuleId::UntaggedVariantAdded)
        };
        for (i, r) in removed.iter().enumerate() {
            let p = at(path, Segment::Variant(key(r)));
            match pairs.iter().find(|&&(k, _)| k == i) {
                Some(&(_, j)) => {
                    let (o, n) = (quoted(&key(r)), quoted(&key(added[j])));
                    self.push(RuleId::TagValueChanged, &p, Some(o), Some(n));
                }
                None => {
                    self.push(removed_rule, &p, None, None);
                }
            }
        }
        for (j, v) in b.variants.iter().enumerate() {
            let p = at(path, Segment::Variant(key(v)));
            if let Some(ov) = a.variants.iter().find(|o| key(o) == key(v)) {
                self.ty(&p, &ov.ty, &v.ty);
                continue;
            }
            let index = added.iter().position(|x| std::ptr::eq(*x, &b.variants[j]));
            if !pairs.iter().any(|&(_, k)| Some(k) == index) {
                self.push(added_rule, &p, None, None);
            }
        }
    }
}
