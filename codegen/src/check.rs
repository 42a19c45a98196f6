//! Validates the classified IR before code is emitted: references to missing types, channels
//! and methods, constants, alias cycles, and untagged union members that no input could tell
//! apart. Every problem is collected, none stops the others. Rust names (and their clashes,
//! resolved with warnings) are the `model`'s business.

use crate::classify::{Requirement, requirement};
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir::{Extra, Module, Ty, TypeIndex, TypeKind, TypePath, UnionRepr};
use std::collections::{BTreeMap, HashMap};

/// Checks `module`; returns every problem found.
pub fn check(module: &Module) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let alias_cycles = pure_alias_cycles(module);
    let index = TypeIndex::new(module);
    for t in &module.types {
        match &t.kind {
            TypeKind::Struct(s) => {
                for f in &s.fields {
                    refs(module, &index, &f.ty, &f.loc, &mut diags);
                }
                if let Extra::Map(ty) = &s.extra {
                    refs(module, &index, ty, &t.loc, &mut diags);
                }
            }
            TypeKind::Enum(_) => {}
            TypeKind::Union(u) => {
                for v in &u.variants {
                    refs(module, &index, &v.ty, &v.loc, &mut diags);
                }
                if u.repr == UnionRepr::Untagged {
                    ambiguity(module, t.name.as_str(), u, &mut diags);
                }
            }
            TypeKind::Alias(ty) => {
                refs(module, &index, ty, &t.loc, &mut diags);
                if let Some(chain) = alias_cycles.get(&t.path()) {
                    diags.push(
                        Diagnostic::error(
                            t.loc.clone(),
                            format!("`{}` is only another name for itself: {chain}", t.name),
                        )
.code("E0008")
                        .hint("a chain of references that comes back to its start describes no value; \
                               give one of them a shape (an object, an array, ...)"),
                    );
                }
            }
        }
    }
    protocol(module, &mut diags);
    diags
}

fn refs(module: &Module, index: &TypeIndex, ty: &Ty, loc: &Loc, diags: &mut Diagnostics) {
    match ty {
        Ty::Literal(v) if v.is_array() || v.is_object() => {
            diags.push(
                Diagnostic::error(loc.clone(), format!("constant arrays and objects are not supported (`{v}`)"))
.code("E0009")
                    .hint("use a string, number or boolean constant, or describe the value's type instead"),
            );
        }
        Ty::Named(p) if index.position(p).is_none() => {
            let names = module.types.iter().map(|t| t.name.as_str());
            let hint = match crate::ident::nearest(&p.to_string(), names) {
                Some(n) => format!("did you mean `{n}`? Otherwise define the type"),
                None => "define the type".to_string(),
            };
            diags.push(
                Diagnostic::error(loc.clone(), format!("reference to unknown type `{p}`"))
                    .code("E0003")
                    .hint(hint),
            );
        }
        Ty::Array(t) | Ty::Map(t) | Ty::Nullable(t) => refs(module, index, t, loc, diags),
        Ty::Tuple(ts) => ts.iter().for_each(|t| refs(module, index, t, loc, diags)),
        _ => {}
    }
}

/// Untagged members that accept exactly the same inputs: not an error (the decoder takes the
/// best match, and the first of equals), but the user should know which member such a message
/// becomes. One warning per union, naming each group of look-alike members.
fn ambiguity(module: &Module, name: &str, u: &crate::ir::Union, diags: &mut Diagnostics) {
    let reqs: Vec<Requirement> = u
        .variants
        .iter()
        .map(|v| requirement(module, &v.ty))
        .collect();
    let mut grouped = vec![false; reqs.len()];
    let mut groups = Vec::new();
    for (i, a) in reqs.iter().enumerate() {
        if grouped[i] || *a == Requirement::Any {
            continue;
        }
        let same: Vec<usize> = (i + 1..reqs.len()).filter(|&j| reqs[j] == *a).collect();
        if same.is_empty() {
            continue;
        }
        // The user ordered every member of the group (`order`): the precedence is chosen.
        let chosen = |k: usize| u.ordered.contains(&u.variants[k].name);
        if chosen(i) && same.iter().all(|&j| chosen(j)) {
            for &j in &same {
                grouped[j] = true;
            }
            continue;
        }
        let mut names = vec![format!("`{}`", u.variants[i].name)];
        for &j in &same {
            grouped[j] = true;
            names.push(format!("`{}`", u.variants[j].name));
        }
        let what = match a {
            Requirement::Object { keys, constants } if keys.is_empty() && constants.is_empty() => {
                "accept any object".to_string()
            }
            Requirement::Object { keys, .. } => format!("require exactly [{}]", keys.join(", ")),
            Requirement::Scalar(s) => format!("accept a {s}"),
            Requirement::Any => "accept anything".to_string(),
        };
        groups.push((i, same, format!("{} {what}", names.join(", "))));
    }
    let Some((first, _, _)) = groups.first() else {
        return;
    };
    let mut d = Diagnostic::warning(
        u.variants[*first].loc.clone(),
        format!(
            "members of union `{name}` cannot always be told apart: {}",
            groups
                .iter()
                .map(|(_, _, g)| g.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    )
    .code("W0004");
    for (_, same, _) in &groups {
        for &j in same {
            let v = &u.variants[j];
            d = d.related(v.loc.clone(), format!("`{}` is defined here", v.name));
        }
    }
    diags.push(d.hint(format!(
        "such a message decodes as the member that ignores the fewest of its keys, the first listed \
         on a tie; choose the order with `order = [...]` under `[protocol.types.{name}]` in \
         wiregen.toml, or give each member a distinguishing constant (a tag such as `type`) or a \
         required key of its own"
    )));
}

/// The protocol layer: channels name tagged unions, methods name existing types.
fn protocol(module: &Module, diags: &mut Diagnostics) {
    let top = |name: &str| {
        module
            .types
            .iter()
            .find(|t| t.module.is_empty() && t.name == name)
    };
    let known = || {
        let mut names: Vec<&str> = module
            .types
            .iter()
            .filter(|t| t.module.is_empty())
            .map(|t| t.name.as_str())
            .collect();
        names.truncate(12);
        names.join(", ")
    };
    let mut channels = BTreeMap::new();
    for c in &module.protocol.channels {
        match top(&c.union).map(|t| &t.kind) {
            None => diags.push(
                Diagnostic::error(c.loc.clone(), format!("channel `{}` is not a type of this protocol", c.union))
.code("E0014")
                    .hint(format!("name a tagged union; known types include: {}", known())),
            ),
            Some(TypeKind::Union(u)) if matches!(u.repr, UnionRepr::Tagged { .. } | UnionRepr::Adjacent { .. }) => {}
            Some(_) => diags.push(
                Diagnostic::error(c.loc.clone(), format!("channel `{}` is not a tagged union", c.union))
.code("E0014")
                    .hint("a channel is a union whose members all have a constant tag member such as `type`"),
            ),
        }
        if let Some((_, first)) = channels.insert(c.union.clone(), (c.union.as_str(), &c.loc)) {
            diags.push(
                Diagnostic::error(
                    c.loc.clone(),
                    format!("channel `{}` is declared twice", c.union),
                )
                .code("E0014")
                .related(first.clone(), "first declared here")
                .hint("merge the two entries"),
            );
        }
    }
    for m in &module.protocol.methods {
        for (what, name) in [("params", &m.params), ("result", &m.result)] {
            if let Some(name) = name
                && top(name).is_none()
            {
                diags.push(
                    Diagnostic::error(
                        m.loc.clone(),
                        format!(
                            "the {what} type of method `{}`, `{name}`, is not defined",
                            m.name
                        ),
                    )
                    .code("E0014")
                    .hint(format!(
                        "name a type defined in this schema; known types include: {}",
                        known()
                    )),
                );
            }
        }
    }
}

/// `A → B → A`: every alias whose chain of plain references (no array, map, `null` or object
/// in between) comes back to it, with that chain as text. Linear in the module.
fn pure_alias_cycles(module: &Module) -> HashMap<TypePath, String> {
    let index: HashMap<TypePath, usize> = module
        .types
        .iter()
        .enumerate()
        .map(|(i, t)| (t.path(), i))
        .collect();
    let next: Vec<Option<usize>> = module
        .types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Alias(Ty::Named(p)) => index.get(p).copied(),
            _ => None,
        })
        .collect();
    let edges: Vec<Vec<usize>> = next.iter().map(|n| n.iter().copied().collect()).collect();
    let mut out = HashMap::new();
    for (i, cyclic) in crate::cycles::on_cycle(&edges).into_iter().enumerate() {
        if !cyclic {
            continue;
        }
        let mut chain = vec![module.types[i].name.clone()];
        let mut at = next[i];
        while let Some(j) = at {
            chain.push(module.types[j].name.clone());
            if j == i || chain.len() > module.types.len() {
                break;
            }
            at = next[j];
        }
        out.insert(module.types[i].path(), chain.join(" → "));
    }
    out
}
