//! The protocol layer's names: what a channel adds to its union (handler traits, handler
//! methods, shared-member accessors) and the JSON-RPC items (method types, error constants,
//! per-side enums, server traits, routers).

use super::{ChannelNames, Model, RESERVED_METHODS, Scope, SideNames, Wanted, add, place};
use crate::classify::variant_struct_def;
use crate::diag::{Diagnostics, Loc};
use crate::ident::{self, unraw};
use crate::ir::{Field, Module, Ty, TypeKind, TypePath, Union, UnionRepr};
use std::collections::BTreeMap;

/// The payload struct of a union member and its path.
fn payload<'m>(module: &'m Module, ty: &Ty) -> Option<(TypePath, &'m crate::ir::Struct)> {
    let t = variant_struct_def(module, ty)?;
    match &t.kind {
        TypeKind::Struct(s) => Some((t.path(), s)),
        _ => None,
    }
}

/// A shared member: its wire name and each message that has it (variant index, payload
/// struct, field).
pub type Shared<'m> = (String, Vec<(usize, TypePath, &'m Field)>);

/// Members several messages of a channel share and that get an accessor: wire name and the
/// `(variant index, payload path, field)` of each message that has it, in first-seen order.
pub fn shared_members<'m>(module: &'m Module, u: &'m Union) -> Vec<Shared<'m>> {
    let tag = match &u.repr {
        UnionRepr::Tagged { tag } | UnionRepr::Adjacent { tag, .. } => tag.as_str(),
        _ => "",
    };
    let mut shared: Vec<Shared<'m>> = Vec::new();
    for (i, v) in u.variants.iter().enumerate() {
        let Some((path, s)) = payload(module, &v.ty) else {
            continue;
        };
        for f in &s.fields {
            if f.wire == tag {
                continue;
            }
            match shared.iter_mut().find(|(w, _)| *w == f.wire) {
                Some((_, list)) => list.push((i, path.clone(), f)),
                None => shared.push((f.wire.clone(), vec![(i, path.clone(), f)])),
            }
        }
    }
    shared.retain(|(wire, list)| {
        let same_type = list
            .iter()
            .all(|(_, _, f)| f.value_ty() == list[0].2.value_ty());
        // A constant member (`jsonrpc: "2.0"`) is a literal type of each message's own.
        let constant = matches!(list[0].2.value_ty(), Ty::Literal(_));
        list.len() >= 2
            && same_type
            && !constant
            && !RESERVED_METHODS.contains(&unraw(&ident::field_name(wire)))
    });
    shared
}

pub(super) fn channels(
    module: &Module,
    m: &mut Model,
    scopes: &mut BTreeMap<Vec<String>, Scope>,
    diags: &mut Diagnostics,
) {
    for c in &module.protocol.channels {
        let Some(t) = module
            .types
            .iter()
            .find(|t| t.module.is_empty() && t.name == c.union)
        else {
            continue;
        };
        let TypeKind::Union(u) = &t.kind else {
            continue;
        };
        let p = t.path();
        let name = m.ty(&p).to_string();
        let top = scopes.entry(Vec::new()).or_default();
        let handler = add(
            top,
            &format!("{name}Handler"),
            "",
            &format!("handler trait of channel `{}`", c.union),
            &c.loc,
            diags,
        );
        let async_handler = add(
            top,
            &format!("{name}AsyncHandler"),
            "",
            &format!("async handler trait of channel `{}`", c.union),
            &c.loc,
            diags,
        );
        // Handler methods: the variant's, `_message` after a reserved one, then numbered.
        let mut trait_scope = Scope::default();
        RESERVED_METHODS.iter().for_each(|r| trait_scope.take(r));
        let methods = u
            .variants
            .iter()
            .map(|v| {
                let mut method = ident::field_name(&v.name);
                if trait_scope.has(&method) {
                    method.push_str("_message");
                }
                if trait_scope.has(&method) {
                    return trait_scope.numbered(&method, "_");
                }
                trait_scope.take(&method);
                method
            })
            .collect();
        let mut inherent = Scope::default();
        RESERVED_METHODS.iter().for_each(|r| inherent.take(r));
        let shared = shared_members(module, u);
        let wanted: Vec<Wanted<'_>> = shared
            .iter()
            .map(|(wire, list)| Wanted {
                rust: ident::field_name(wire),
                wire,
                loc: &list[0].2.loc,
            })
            .collect();
        let names = place(
            &mut inherent,
            &wanted,
            &format!("accessors of `{}`", c.union),
            "_",
            diags,
        );
        let accessors = shared.into_iter().map(|(w, _)| w).zip(names).collect();
        m.channels.insert(
            p,
            ChannelNames {
                handler,
                async_handler,
                methods,
                accessors,
            },
        );
    }
}

pub(super) fn rpc(
    module: &Module,
    m: &mut Model,
    scopes: &mut BTreeMap<Vec<String>, Scope>,
    diags: &mut Diagnostics,
) {
    let p = &module.protocol;
    if p.methods.is_empty() && p.errors.is_empty() {
        return;
    }
    let top = scopes.entry(Vec::new()).or_default();
    let loc = p
        .methods
        .first()
        .map(|x| &x.loc)
        .or(p.errors.first().map(|e| &e.loc))
        .cloned()
        .unwrap_or_else(|| Loc::file(""));
    if !p.methods.is_empty() {
        m.rpc.methods_module = add(
            top,
            "methods",
            "_",
            "module of JSON-RPC method types",
            &loc,
            diags,
        );
    }
    if !p.errors.is_empty() {
        m.rpc.errors_module = add(
            top,
            "error_codes",
            "_",
            "module of JSON-RPC error codes",
            &loc,
            diags,
        );
    }
    // A method both sides call with the same params and result (MCP's `ping`) is one type.
    let first: Vec<usize> = p
        .methods
        .iter()
        .enumerate()
        .map(|(i, x)| {
            p.methods[..i]
                .iter()
                .position(|y| {
                    (
                        &y.name,
                        &y.params,
                        y.params_optional,
                        &y.result,
                        y.notification,
                    ) == (
                        &x.name,
                        &x.params,
                        x.params_optional,
                        &x.result,
                        x.notification,
                    )
                })
                .unwrap_or(i)
        })
        .collect();
    let own: Vec<usize> = (0..p.methods.len()).filter(|i| first[*i] == *i).collect();
    let wanted: Vec<Wanted<'_>> = own
        .iter()
        .map(|i| &p.methods[*i])
        .map(|x| Wanted {
            rust: ident::type_name(&x.name),
            wire: &x.name,
            loc: &x.loc,
        })
        .collect();
    let placed = place(
        &mut Scope::default(),
        &wanted,
        "JSON-RPC methods",
        "",
        diags,
    );
    let by_index: BTreeMap<usize, String> = own.into_iter().zip(placed).collect();
    m.rpc.method_types = first.iter().map(|f| by_index[f].clone()).collect();
    let wanted: Vec<Wanted<'_>> = p
        .errors
        .iter()
        .map(|e| Wanted {
            rust: unraw(&ident::field_name(&e.name)).to_uppercase(),
            wire: &e.name,
            loc: &e.loc,
        })
        .collect();
    m.rpc.error_consts = place(&mut Scope::default(), &wanted, "error codes", "_", diags);
    let mut sides: Vec<&str> = p.methods.iter().map(|x| x.direction.to.as_str()).collect();
    sides.sort_unstable();
    sides.dedup();
    let mut fns = Scope::default();
    for side in sides {
        let loc = &p
            .methods
            .iter()
            .find(|x| x.direction.to == side)
            .map(|x| &x.loc)
            .unwrap_or(&loc);
        let side_name = ident::type_name(side);
        let mut names = SideNames {
            side: side.to_string(),
            ..SideNames::default()
        };
        let incoming: Vec<(usize, &crate::ir::Method)> = p
            .methods
            .iter()
            .enumerate()
            .filter(|(_, x)| x.direction.to == side)
            .collect();
        for notification in [false, true] {
            let list: Vec<&(usize, &crate::ir::Method)> = incoming
                .iter()
                .filter(|(_, x)| x.notification == notification)
                .collect();
            if list.is_empty() {
                continue;
            }
            let (suffix, what) = if notification {
                ("Notification", "notifications")
            } else {
                ("Request", "requests")
            };
            let what = format!("enum of the {what} `{side}` receives");
            // MCP names its per-sender unions `ClientRequest`, …: the receiver's enum is then
            // `ServerIncomingRequest` rather than a numbered name meaning the opposite.
            let mut wanted = format!("{side_name}{suffix}");
            if top.has(&wanted) {
                wanted = format!("{side_name}Incoming{suffix}");
            }
            let name = add(top, &wanted, "", &what, loc, diags);
            if notification {
                names.notifications = name;
            } else {
                names.requests = name;
            }
            let wanted: Vec<Wanted<'_>> = list
                .iter()
                .map(|(_, x)| Wanted {
                    rust: ident::type_name(&x.name),
                    wire: &x.name,
                    loc: &x.loc,
                })
                .collect();
            let placed = place(
                &mut Scope::default(),
                &wanted,
                "JSON-RPC methods",
                "",
                &mut Diagnostics::new(),
            );
            for ((i, _), v) in list.iter().zip(placed) {
                names.variants.insert(*i, v);
            }
        }
        if p.style == crate::ir::RpcStyle::Dap {
            // No server trait or router: they speak JSON-RPC 2.0 frames.
            m.rpc.sides.push(names);
            continue;
        }
        names.server = add(
            top,
            &format!("{side_name}Server"),
            "",
            &format!("server trait of `{side}`"),
            loc,
            diags,
        );
        names.router = add(
            &mut fns,
            &format!("{}_router", unraw(&ident::field_name(side))),
            "_",
            &format!("router of `{side}`"),
            loc,
            diags,
        );
        let wanted: Vec<Wanted<'_>> = incoming
            .iter()
            .map(|(_, x)| Wanted {
                rust: ident::field_name(&x.name),
                wire: &x.name,
                loc: &x.loc,
            })
            .collect();
        let placed = place(
            &mut Scope::default(),
            &wanted,
            &format!("methods of `{}`", names.server),
            "_",
            &mut Diagnostics::new(),
        );
        for ((i, _), f) in incoming.iter().zip(placed) {
            names.trait_methods.insert(*i, f);
        }
        m.rpc.sides.push(names);
    }
}
