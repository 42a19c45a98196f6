//! Method tables inferred from the shapes real protocols publish, when the manifest lists no
//! methods (a manifest's `jsonrpc.methods` always wins, whole):
//! - **MCP style**: top-level unions named `<Side>Request` / `<Side>Notification` (`ClientRequest`,
//!   `ServerNotification`), tagged by a constant `method`, whose members carry `params`. The
//!   union's prefix is the sender, the other prefix the receiver; a request `XRequest` is
//!   answered by `XResult` when the protocol defines it, else by the type of `result` in the
//!   protocol's own response envelope (a struct with `id` and `result`).
//! - **DAP style**: structs whose `type` is the constant `"request"` with a constant `command`
//!   (`arguments` are the params, `body` of the struct named `XResponse` the result), and
//!   `"event"` with a constant `event` (`body` the params). A constant is a `const` or a
//!   single-value `enum`, or, where the published `.d.ts` comments the tag out, the value the
//!   message's documentation states ([`documented_tag`]). Requests go client → adapter (reverse
//!   requests, documented as sent by the adapter, the other way), events adapter → client.

use crate::classify::variant_struct;
use crate::ir::{Direction, Method, Module, RpcStyle, Struct, Ty, TypeKind, UnionRepr};

/// Adds inferred methods to `module.protocol` unless the manifest listed some.
pub fn infer(module: &mut Module) {
    if module.protocol.explicit_methods || !module.protocol.methods.is_empty() {
        return;
    }
    let methods = mcp_style(module);
    if !methods.is_empty() {
        module.protocol.methods = methods;
        return;
    }
    let methods = dap_style(module);
    if !methods.is_empty() {
        module.protocol.methods = methods;
        module.protocol.style = RpcStyle::Dap;
    }
}

/// A top-level type by protocol name.
fn top<'m>(module: &'m Module, name: &str) -> Option<&'m crate::ir::TypeDef> {
    module
        .types
        .iter()
        .find(|t| t.module.is_empty() && t.name == name)
}

/// The constant string a struct's required member `key` always holds: a `const`, or a
/// single-value string enum.
fn constant<'m>(module: &'m Module, s: &'m Struct, key: &str) -> Option<&'m str> {
    let f = s.fields.iter().find(|f| f.wire == key && f.required)?;
    match &f.ty {
        Ty::Literal(serde_json::Value::String(v)) => Some(v),
        Ty::Named(p) => match &module.get(p)?.kind {
            TypeKind::Enum(e) if e.values.len() == 1 => Some(&e.values[0].wire),
            _ => None,
        },
        _ => None,
    }
}

/// The top-level type a member holds (`None`: any JSON value) and whether the member may be
/// absent; `Ok(None)`: no such member; `Err(())`: a member of another type.
#[allow(clippy::type_complexity)]
fn member_type(s: &Struct, key: &str) -> Result<Option<(Option<String>, bool)>, ()> {
    let Some(f) = s.fields.iter().find(|f| f.wire == key) else {
        return Ok(None);
    };
    match &f.ty {
        Ty::Named(p) if p.module.is_empty() => Ok(Some((Some(p.name.clone()), !f.required))),
        Ty::Any => Ok(Some((None, true))),
        _ => Err(()),
    }
}

/// `ClientRequest` → (`Client`, notification: false).
fn side_union(name: &str) -> Option<(&str, bool)> {
    for (suffix, notification) in [("Request", false), ("Notification", true)] {
        if let Some(side) = name.strip_suffix(suffix)
            && !side.is_empty()
        {
            return Some((side, notification));
        }
    }
    None
}

/// The messages of a per-sender union: (method, message type, where the union lists it). A
/// union of one member is an alias of it.
type Members<'m> = Vec<(&'m str, &'m Ty, &'m crate::diag::Loc)>;

fn side_members<'m>(module: &'m Module, t: &'m crate::ir::TypeDef) -> Option<Members<'m>> {
    match &t.kind {
        TypeKind::Union(u) if matches!(&u.repr, UnionRepr::Tagged { tag } if tag == "method") => {
            Some(
                u.variants
                    .iter()
                    .filter_map(|v| Some((v.tag.as_deref()?, &v.ty, &v.loc)))
                    .collect(),
            )
        }
        TypeKind::Alias(ty) => {
            let method = constant(module, variant_struct(module, ty)?, "method")?;
            Some(vec![(method, ty, &t.loc)])
        }
        _ => None,
    }
}

fn mcp_style(module: &Module) -> Vec<Method> {
    let unions: Vec<(&str, bool, Members<'_>)> = module
        .types
        .iter()
        .filter(|t| t.module.is_empty())
        .filter_map(|t| {
            let (side, notification) = side_union(&t.name)?;
            Some((side, notification, side_members(module, t)?))
        })
        .collect();
    let mut sides: Vec<&str> = unions.iter().map(|(s, ..)| *s).collect();
    sides.sort_unstable();
    sides.dedup();
    let generic_result = generic_result(module);
    let mut out = Vec::new();
    for (side, notification, members) in &unions {
        let from = side.to_lowercase();
        let to = match sides.as_slice() {
            [a, b] => if a == side { b } else { a }.to_lowercase(),
            _ if from == "client" => "server".to_string(),
            _ if from == "server" => "client".to_string(),
            _ => "peer".to_string(),
        };
        for &(tag, ty, loc) in members {
            let Some(s) = variant_struct(module, ty) else {
                continue;
            };
            let Ok(params) = member_type(s, "params") else {
                continue;
            };
            let result = if *notification {
                None
            } else {
                let Ty::Named(p) = ty else { continue };
                paired(module, &p.name, "Request", "Result").or_else(|| generic_result.clone())
            };
            let def = match ty {
                Ty::Named(p) => module.get(p),
                _ => None,
            };
            out.push(Method {
                name: tag.to_string(),
                params_optional: params.as_ref().is_some_and(|(_, o)| *o),
                params: params.and_then(|(n, _)| n),
                result,
                notification: *notification,
                direction: Direction {
                    from: from.clone(),
                    to: to.clone(),
                },
                docs: def.map(|t| t.docs.clone()).unwrap_or_default(),
                loc: def.map_or_else(|| loc.clone(), |t| t.loc.clone()),
            });
        }
    }
    out
}

/// `XRequest` → `XResult` when the protocol defines it.
fn paired(module: &Module, name: &str, suffix: &str, with: &str) -> Option<String> {
    let base = name.strip_suffix(suffix)?;
    let wanted = format!("{base}{with}");
    top(module, &wanted).map(|_| wanted)
}

/// The type of `result` in the protocol's own response envelope (a struct with `id` and a
/// required `result` of a named type), the result of requests without an `XResult`.
fn generic_result(module: &Module) -> Option<String> {
    module
        .types
        .iter()
        .filter(|t| t.module.is_empty())
        .find_map(|t| {
            let TypeKind::Struct(s) = &t.kind else {
                return None;
            };
            s.fields.iter().any(|f| f.wire == "id").then_some(())?;
            let f = s.fields.iter().find(|f| f.wire == "result" && f.required)?;
            match &f.ty {
                Ty::Named(p) if p.module.is_empty() => Some(p.name.clone()),
                _ => None,
            }
        })
}

fn dap_style(module: &Module) -> Vec<Method> {
    let to_adapter = Direction {
        from: "client".to_string(),
        to: "adapter".to_string(),
    };
    let to_client = Direction {
        from: "adapter".to_string(),
        to: "client".to_string(),
    };
    let mut out = Vec::new();
    for t in module.types.iter().filter(|t| t.module.is_empty()) {
        let TypeKind::Struct(s) = &t.kind else {
            continue;
        };
        let docs = t.docs.text.as_deref().unwrap_or("");
        let (notification, name, params_key) = match constant(module, s, "type") {
            Some("request") => match constant(module, s, "command") {
                Some(c) => (false, c, "arguments"),
                None => continue,
            },
            Some("event") => match constant(module, s, "event") {
                Some(e) => (true, e, "body"),
                None => continue,
            },
            Some(_) => continue,
            None => match documented_tag(s, &t.name, docs) {
                Some(tagged) => tagged,
                None => continue,
            },
        };
        let reverse = !notification && docs.contains(REVERSE);
        let Ok(params) = member_type(s, params_key) else {
            continue;
        };
        let result = if notification {
            None
        } else {
            let response = paired(module, &t.name, "Request", "Response");
            match response
                .as_deref()
                .and_then(|r| top(module, r))
                .map(|r| &r.kind)
            {
                Some(TypeKind::Struct(r)) => match member_type(r, "body") {
                    Ok(body) => body.and_then(|(n, _)| n),
                    Err(()) => continue,
                },
                _ => None,
            }
        };
        out.push(Method {
            name: name.to_string(),
            params_optional: params.as_ref().is_some_and(|(_, o)| *o),
            params: params.and_then(|(n, _)| n),
            result,
            notification,
            direction: if notification || reverse {
                to_client.clone()
            } else {
                to_adapter.clone()
            },
            docs: t.docs.clone(),
            loc: t.loc.clone(),
        });
    }
    out
}

/// How DAP documents a reverse request (sent by the adapter).
const REVERSE: &str = "sent from the debug adapter to the client";

/// DAP's published `.d.ts` comments its tags out (`// command: 'launch';`), leaving
/// `command: string`; every message's documentation still states the value, in one of two
/// sentences: "… request; value of command field is 'launch'." and "Event message for 'stopped'
/// event type.". Read only for structs shaped like DAP messages (`seq`, `type` and a
/// `command` or `event` string) whose name ends in `Request` / `Event`.
fn documented_tag<'d>(
    s: &Struct,
    name: &str,
    docs: &'d str,
) -> Option<(bool, &'d str, &'static str)> {
    let has = |key: &str| {
        s.fields
            .iter()
            .any(|f| f.wire == key && f.required && f.ty == Ty::String)
    };
    if !s.fields.iter().any(|f| f.wire == "seq") || !has("type") {
        return None;
    }
    let quoted = |after: &str| {
        let rest = &docs[docs.find(after)? + after.len()..];
        let value = &rest[..rest.find('\'')?];
        (!value.is_empty() && !value.contains(char::is_whitespace)).then_some(value)
    };
    if name.ends_with("Request") && has("command") {
        return Some((false, quoted("value of command field is '")?, "arguments"));
    }
    if name.ends_with("Event") && has("event") {
        let value = quoted("Event message for '")?;
        docs.contains(&format!("'{value}' event type"))
            .then_some((true, value, "body"))
    } else {
        None
    }
}
