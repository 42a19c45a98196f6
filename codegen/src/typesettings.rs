//! Per-type settings (`[protocol.types.Name]`, the builder's `type_settings`, the macro's
//! `types`, a schema's `x-wiregen` / `@wiregen` hints), selected by the protocol's type name.
//!
//! [`resolve`] runs on the frontend's IR before `classify`: it lays the options' settings over
//! the schema's hints (key by key), checks every name (a name that matches no type is an
//! error with the nearest names), checks the values that need no classification (`rename` is
//! an identifier, `order` and `tag` belong to unions) and hands `tag` to `classify` as the
//! union's tag hint. [`apply`] runs after `classify`: a forced `tag` that `classify` could not
//! use is an error naming the member without it; `order` reorders untagged members. `derives`,
//! `replace` and `strict` act in the backend, `rename` in the model.

use crate::RustOptions;
use crate::config::TypeSettings;
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ident;
use crate::ir::{Module, TypeKind, UnionRepr};
use std::collections::BTreeMap;

/// "did you mean `X`?" for the nearest of `known`, or a list of (some of) them.
pub fn nearest(word: &str, known: &[String]) -> String {
    let mut ranked: Vec<(usize, &String)> = known
        .iter()
        .map(|k| {
            (
                ident::edit_distance(&word.to_lowercase(), &k.to_lowercase()),
                k,
            )
        })
        .collect();
    ranked.sort();
    match ranked.first() {
        Some((d, k)) if *d <= 3 => format!("did you mean `{k}`?"),
        _ => format!(
            "known: {}",
            known
                .iter()
                .take(12)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The effective settings of every type (hints under options), checked; sets the tag hints
/// of unions with a forced `tag`.
pub fn resolve(
    module: &mut Module,
    options: &RustOptions,
) -> (BTreeMap<String, TypeSettings>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let at = Loc::file("wiregen.toml");
    let known: Vec<String> = module
        .types
        .iter()
        .filter(|t| t.module.is_empty())
        .map(|t| t.name.clone())
        .collect();
    let mut types: BTreeMap<String, TypeSettings> = BTreeMap::new();
    for h in &module.hints {
        let merged = types
            .remove(&h.name)
            .unwrap_or_default()
            .overlaid(&h.settings);
        types.insert(h.name.clone(), merged);
    }
    for (name, settings) in &options.types {
        if !known.contains(name) {
            diags.push(
                Diagnostic::error(
                    at.clone(),
                    format!("type settings for `{name}`: the protocol has no type `{name}`"),
                )
                .code("E0033")
                .hint(nearest(name, &known)),
            );
            continue;
        }
        let merged = types.remove(name).unwrap_or_default().overlaid(settings);
        types.insert(name.clone(), merged);
    }
    for (name, s) in &types {
        let Some(i) = module
            .types
            .iter()
            .position(|t| t.module.is_empty() && t.name == *name)
        else {
            continue;
        };
        let t = &module.types[i];
        let loc = t.loc.clone();
        if let Some(rename) = &s.rename
            && syn::parse_str::<syn::Ident>(rename).is_err()
        {
            diags.push(
                Diagnostic::error(
                    loc.clone(),
                    format!("`rename` of `{name}`: `{rename}` is not a Rust identifier"),
                )
                .code("E0045")
                .hint("write a type name such as `SessionKey` (not a keyword, no `::`)"),
            );
        }
        let is_union = matches!(t.kind, TypeKind::Union(_));
        for (key, set) in [("order", !s.order.is_empty()), ("tag", s.tag.is_some())] {
            if set && !is_union {
                diags.push(
                    Diagnostic::error(
                        loc.clone(),
                        format!("`{key}` of `{name}`: only a union has a {key}"),
                    )
                    .code("E0045")
                    .hint(format!("remove `{key}` from the settings of `{name}`")),
                );
            }
        }
        if s.replace.is_some() {
            let ignored: Vec<&str> = [
                ("rename", s.rename.is_some()),
                ("strict", s.strict.is_some()),
                ("order", !s.order.is_empty()),
                ("tag", s.tag.is_some()),
                ("unknown_fields", s.unknown_fields.is_some()),
            ]
            .into_iter()
            .filter_map(|(k, set)| set.then_some(k))
            .collect();
            if !ignored.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        loc.clone(),
                        format!(
                            "`{name}` is replaced, so its {} setting{} ha{} no effect",
                            ignored
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", "),
                            if ignored.len() == 1 { "" } else { "s" },
                            if ignored.len() == 1 { "s" } else { "ve" },
                        ),
                    )
.code("W0007")
                    .hint("a replaced type's `derives` lists the traits the replacement implements; the rest is the replacement's"),
                );
            }
        }
        if let (Some(tag), TypeKind::Union(u)) = (&s.tag, &mut module.types[i].kind) {
            u.tag_hint = Some(tag.clone());
        }
    }
    (types, diags)
}

/// After `classify`: checks forced tags, applies `order`.
pub fn apply(module: &mut Module, types: &BTreeMap<String, TypeSettings>) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for (name, settings) in types {
        let Some(i) = module
            .types
            .iter()
            .position(|t| t.module.is_empty() && t.name == *name)
        else {
            continue;
        };
        if let Some(tag) = &settings.tag {
            check_tag(module, i, tag, &mut diags);
        }
        if settings.order.is_empty() {
            continue;
        }
        let TypeKind::Union(u) = &mut module.types[i].kind else {
            continue;
        };
        let members: Vec<String> = u.variants.iter().map(|v| v.name.clone()).collect();
        let mut ordered = Vec::new();
        for wanted in &settings.order {
            match u.variants.iter().position(|v| v.name == *wanted) {
                Some(j) => ordered.push(u.variants.remove(j)),
                None => diags.push(
                    Diagnostic::error(
                        Loc::file("wiregen.toml"),
                        format!(
                            "`order` of `{name}` names `{wanted}`, which is not one of its members"
                        ),
                    )
                    .code("E0033")
                    .hint(nearest(wanted, &members)),
                ),
            }
        }
        ordered.append(&mut u.variants);
        u.variants = ordered;
        u.ordered.clone_from(&settings.order);
    }
    diags
}

/// A forced `tag` that `classify` did not take: the error names the first member without a
/// constant string under the key (or two members with the same one).
fn check_tag(module: &Module, i: usize, tag: &str, diags: &mut Diagnostics) {
    let t = &module.types[i];
    let TypeKind::Union(u) = &t.kind else {
        return;
    };
    let taken = match &u.repr {
        UnionRepr::Tagged { tag: k } | UnionRepr::Adjacent { tag: k, .. } => k == tag,
        _ => false,
    };
    if taken {
        return;
    }
    let head = format!("`tag` of `{}` is `{tag}`", t.name);
    let hint = format!(
        "every member needs a required constant string `{tag}`, a different one each; or remove `tag`"
    );
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for v in &u.variants {
        let Some(s) = crate::classify::variant_struct(module, &v.ty) else {
            diags.push(
                Diagnostic::error(
                    v.loc.clone(),
                    format!("{head}, but member `{}` is not an object", v.name),
                )
                .code("E0046")
                .hint(hint),
            );
            return;
        };
        let Some(value) = crate::classify::literal_of(s, tag) else {
            diags.push(
                Diagnostic::error(
                    v.loc.clone(),
                    format!(
                        "{head}, but member `{}` has no required constant string `{tag}`",
                        v.name
                    ),
                )
                .code("E0046")
                .hint(hint),
            );
            return;
        };
        if let Some((other, _)) = seen.iter().find(|(_, x)| *x == value) {
            diags.push(
                Diagnostic::error(
                    v.loc.clone(),
                    format!(
                        "{head}, but members `{other}` and `{}` both have `{tag}` = \"{value}\"",
                        v.name
                    ),
                )
                .code("E0046")
                .hint(hint),
            );
            return;
        }
        seen.push((&v.name, value));
    }
    diags.push(
        Diagnostic::error(
            t.loc.clone(),
            format!("{head}, but the union cannot be tagged by it"),
        )
        .code("E0046")
        .hint(hint),
    );
}

/// A schema's hint for type `name` from its keys and values (`x-wiregen` on a definition,
/// `@wiregen key=value` in TypeScript): unknown keys are warnings with the nearest key, bad
/// values errors; both at `loc`.
pub fn hint(
    name: &str,
    pairs: Vec<(String, serde_json::Value)>,
    loc: &Loc,
    diags: &mut Diagnostics,
) -> Option<crate::ir::TypeHint> {
    use crate::config::TYPE_SETTING_KEYS;
    let mut known = serde_json::Map::new();
    for (key, value) in pairs {
        if TYPE_SETTING_KEYS.contains(&key.as_str()) {
            known.insert(key, value);
        } else {
            let keys: Vec<String> = TYPE_SETTING_KEYS.iter().map(|k| k.to_string()).collect();
            diags.push(
                Diagnostic::warning(
                    loc.clone(),
                    format!("unknown wiregen setting `{key}` on `{name}` is ignored"),
                )
                .code("W0007")
                .hint(nearest(&key, &keys)),
            );
        }
    }
    match serde_json::from_value::<TypeSettings>(serde_json::Value::Object(known)) {
        Ok(settings) => Some(crate::ir::TypeHint {
            name: name.to_string(),
            settings,
            loc: loc.clone(),
        }),
        Err(e) => {
            diags.push(
                Diagnostic::error(loc.clone(), format!("invalid wiregen setting on `{name}`: {e}"))
.code("E0045")
                    .hint("`derives` and `order` are lists of strings, `strict` a boolean, `unknown_fields` one of ignore, reject, keep, the others strings"),
            );
            None
        }
    }
}
