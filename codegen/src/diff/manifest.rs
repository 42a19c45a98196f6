//! The protocol layer's part of `wiregen diff`: channels (by union name: added, removed,
//! direction, correlation), JSON-RPC methods (by wire name: added, removed, request ↔
//! notification, direction, params and result types) and error codes (by name).

use super::compare::Cmp;
use super::rules::RuleId;
use super::{Scope, Segment};
use crate::ir::{Channel, Direction, Method, Ty, TypePath};

/// Adds the channel, method and error-code changes to `cmp`'s output.
pub(super) fn compare(cmp: &mut Cmp<'_>) {
    channels(cmp);
    methods(cmp);
    errors(cmp);
}

/// `request` or `notification`.
pub(super) fn method_kind(m: &Method) -> &'static str {
    if m.notification {
        "notification"
    } else {
        "request"
    }
}

fn sent(d: &Direction) -> String {
    format!("sent by {} to {}", d.from, d.to)
}

fn called(d: &Direction) -> String {
    format!("called by {} on {}", d.from, d.to)
}

fn channel_desc(c: &Channel) -> Option<String> {
    c.direction.as_ref().map(sent)
}

fn channels(cmp: &mut Cmp<'_>) {
    let (om, nm) = (cmp.old, cmp.new);
    let (old, new) = (&om.protocol.channels, &nm.protocol.channels);
    cmp.scope = Scope::Type;
    let mut found = Vec::new();
    for n in new {
        let group = n.union.clone();
        match old.iter().find(|o| o.union == n.union) {
            None => found.push((group, RuleId::ChannelAdded, None, channel_desc(n))),
            Some(o) => {
                // A direction or correlation only one version states is knowledge, not a change.
                if let (Some(a), Some(b)) = (&o.direction, &n.direction)
                    && a != b
                {
                    let change = (Some(sent(a)), Some(sent(b)));
                    found.push((
                        group.clone(),
                        RuleId::ChannelDirectionChanged,
                        change.0,
                        change.1,
                    ));
                }
                if !o.correlation.is_empty()
                    && !n.correlation.is_empty()
                    && o.correlation != n.correlation
                {
                    let (a, b) = (o.correlation.join(", "), n.correlation.join(", "));
                    found.push((group, RuleId::CorrelationChanged, Some(a), Some(b)));
                }
            }
        }
    }
    for o in old
        .iter()
        .filter(|o| !new.iter().any(|n| n.union == o.union))
    {
        found.push((
            o.union.clone(),
            RuleId::ChannelRemoved,
            channel_desc(o),
            None,
        ));
    }
    for (group, rule, a, b) in found {
        cmp.group = group;
        cmp.push(rule, &[], a, b);
    }
}

fn methods(cmp: &mut Cmp<'_>) {
    let (om, nm) = (cmp.old, cmp.new);
    let (old, new) = (&om.protocol.methods, &nm.protocol.methods);
    cmp.scope = Scope::Method;
    for n in new {
        cmp.group = n.name.clone();
        // A method both sides call is listed once per direction: each compares with its own.
        let same = |o: &&Method| o.name == n.name;
        let Some(o) = old
            .iter()
            .find(|o| same(o) && o.direction == n.direction)
            .or_else(|| old.iter().find(same))
        else {
            let what = format!("{}, {}", method_kind(n), called(&n.direction));
            cmp.push(RuleId::MethodAdded, &[], None, Some(what));
            continue;
        };
        if o.notification != n.notification {
            let (a, b) = (method_kind(o).to_string(), method_kind(n).to_string());
            cmp.push(RuleId::MethodKindChanged, &[], Some(a), Some(b));
        }
        if o.direction != n.direction {
            let (a, b) = (called(&o.direction), called(&n.direction));
            cmp.push(RuleId::MethodDirectionChanged, &[], Some(a), Some(b));
        }
        match (&o.params, &n.params) {
            (Some(a), Some(b)) => cmp.ty(&[Segment::Params], &named(a), &named(b)),
            (None, None) => {}
            (a, b) => {
                let show = |p: &Option<String>| Some(p.clone().unwrap_or_else(|| "none".into()));
                cmp.push(RuleId::TypeChanged, &[Segment::Params], show(a), show(b));
            }
        }
        if !o.notification && !n.notification {
            // No result type means any JSON value.
            let result = |r: &Option<String>| r.as_deref().map_or(Ty::Any, named);
            cmp.ty(&[Segment::Result], &result(&o.result), &result(&n.result));
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| n.name == o.name)) {
        cmp.group = o.name.clone();
        let what = format!("{}, {}", method_kind(o), called(&o.direction));
        cmp.push(RuleId::MethodRemoved, &[], Some(what), None);
    }
}

fn named(name: &str) -> Ty {
    Ty::Named(TypePath::top(name))
}

fn errors(cmp: &mut Cmp<'_>) {
    let (om, nm) = (cmp.old, cmp.new);
    let (old, new) = (&om.protocol.errors, &nm.protocol.errors);
    cmp.scope = Scope::ErrorCode;
    let mut found = Vec::new();
    for n in new {
        match old.iter().find(|o| o.name == n.name) {
            None => found.push((&n.name, RuleId::ErrorCodeAdded, None, Some(n.code))),
            Some(o) if o.code != n.code => {
                found.push((
                    &n.name,
                    RuleId::ErrorCodeChanged,
                    Some(o.code),
                    Some(n.code),
                ));
            }
            Some(_) => {}
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| n.name == o.name)) {
        found.push((&o.name, RuleId::ErrorCodeRemoved, Some(o.code), None));
    }
    let found: Vec<_> = found
        .into_iter()
        .map(|(name, rule, a, b)| {
            (
                name.clone(),
                rule,
                a.map(|c| c.to_string()),
                b.map(|c| c.to_string()),
            )
        })
        .collect();
    for (name, rule, a, b) in found {
        cmp.group = name;
        cmp.push(rule, &[], a, b);
    }
}
