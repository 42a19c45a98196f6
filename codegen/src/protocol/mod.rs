//! The protocol layer's inference, run after `classify`: where the manifest is silent, every
//! tagged union that no other type contains is a message channel, and a channel whose messages
//! carry `requestId` (else `id`) is correlated by it; method tables are inferred by
//! [`methods`]. Explicit manifest entries always win.

mod methods;

use crate::classify::variant_struct;
use crate::ir::{Channel, Module, Ty, TypeKind, UnionRepr};
use std::collections::BTreeSet;

/// Member names that correlate a request with its reply, in order of preference.
const CORRELATION_KEYS: &[&str] = &["requestId", "request_id", "id"];

/// Adds inferred channels and correlations to `module.protocol`.
pub fn infer(module: &mut Module) {
    if !module.protocol.explicit_channels && module.protocol.methods.is_empty() {
        let contained = contained_types(module);
        for t in &module.types {
            let TypeKind::Union(u) = &t.kind else {
                continue;
            };
            let tagged = matches!(
                u.repr,
                UnionRepr::Tagged { .. } | UnionRepr::Adjacent { .. }
            );
            if tagged && t.module.is_empty() && !contained.contains(&t.name) {
                module.protocol.channels.push(Channel {
                    union: t.name.clone(),
                    direction: None,
                    correlation: Vec::new(),
                    docs: Default::default(),
                    loc: t.loc.clone(),
                });
            }
        }
    }
    let mut channels = std::mem::take(&mut module.protocol.channels);
    for c in &mut channels {
        if c.correlation.is_empty() {
            c.correlation.extend(infer_correlation(module, &c.union));
        }
    }
    module.protocol.channels = channels;
    methods::infer(module);
}

/// Top-level type names used inside another type.
fn contained_types(module: &Module) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in &module.types {
        let mut visit = |ty: &Ty| collect(ty, &mut out);
        match &t.kind {
            TypeKind::Struct(s) => s.fields.iter().for_each(|f| visit(&f.ty)),
            TypeKind::Union(u) => u.variants.iter().filter(|v| !v.inline).for_each(|v| {
                // A named member of a union is that union's, not a channel of its own.
                visit(&v.ty)
            }),
            TypeKind::Alias(ty) => visit(ty),
            TypeKind::Enum(_) => {}
        }
    }
    out
}

fn collect(ty: &Ty, out: &mut BTreeSet<String>) {
    match ty {
        Ty::Named(p) if p.module.is_empty() => {
            out.insert(p.name.clone());
        }
        Ty::Array(t) | Ty::Map(t) | Ty::Nullable(t) => collect(t, out),
        Ty::Tuple(ts) => ts.iter().for_each(|t| collect(t, out)),
        _ => {}
    }
}

fn infer_correlation(module: &Module, union: &str) -> Option<String> {
    let t = module
        .types
        .iter()
        .find(|t| t.module.is_empty() && t.name == union)?;
    let TypeKind::Union(u) = &t.kind else {
        return None;
    };
    CORRELATION_KEYS
        .iter()
        .find(|key| {
            u.variants.iter().any(|v| {
                variant_struct(module, &v.ty)
                    .is_some_and(|s| s.fields.iter().any(|f| f.wire == **key))
            })
        })
        .map(|k| (*k).to_string())
}
