//! Per-route summaries: for every channel (a union whose values are whole messages, from the
//! manifest or inferred) and every JSON-RPC method, the worst verdict in each direction of the
//! changes its messages carry — the route's own changes and those of every type it reaches, in
//! either version.

use super::graph::refs;
use super::rules::{Api, Verdict};
use super::{Change, Scope, Segment};
use crate::ir::{Module, TypePath};
use std::collections::BTreeSet;

/// A channel or a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// A message channel.
    Channel,
    /// A JSON-RPC request (params one way, a result back).
    Request,
    /// A JSON-RPC notification (params only).
    Notification,
}

impl RouteKind {
    /// `channel`, `request` or `notification`.
    pub fn word(self) -> &'static str {
        match self {
            RouteKind::Channel => "channel",
            RouteKind::Request => "request",
            RouteKind::Notification => "notification",
        }
    }
}

/// How one channel or method fares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The union's or the method's protocol name.
    pub name: String,
    /// Channel, request or notification (in the new version when it has the route).
    pub kind: RouteKind,
    /// `worker → host`, when known.
    pub direction: Option<String>,
    /// Whether the old and the new version have it.
    pub presence: (bool, bool),
    /// How many changes its messages carry.
    pub changes: usize,
    /// Old senders → new receivers; for a method, old callers with new callees (old params
    /// received by the new side, new results received by the old side).
    pub old_to_new: Verdict,
    /// New senders → old receivers; for a method, new callers with old callees.
    pub new_to_old: Verdict,
    /// Rust API impact.
    pub api: Api,
}

/// Channels (new order, then old-only ones), then methods (likewise).
pub(super) fn summarize(old: &Module, new: &Module, changes: &[Change]) -> Vec<Route> {
    let mut out = Vec::new();
    let channel_names = names(
        old.protocol.channels.iter().map(|c| c.union.as_str()),
        new.protocol.channels.iter().map(|c| c.union.as_str()),
    );
    for (name, presence) in channel_names {
        let channel = |m: &Module| {
            m.protocol
                .channels
                .iter()
                .find(|c| c.union == name)
                .cloned()
        };
        let c = channel(new).or_else(|| channel(old));
        let mut reach = reachable(old, &name);
        reach.extend(reachable(new, &name));
        let mine: Vec<(&Change, bool)> = changes
            .iter()
            .filter(|c| c.scope == Scope::Type && reach.contains(&c.name))
            .map(|c| (c, false))
            .collect();
        out.push(route(
            name,
            RouteKind::Channel,
            c.and_then(|c| c.direction),
            presence,
            &mine,
        ));
    }
    let method_names = names(
        old.protocol.methods.iter().map(|m| m.name.as_str()),
        new.protocol.methods.iter().map(|m| m.name.as_str()),
    );
    for (name, presence) in method_names {
        let method = |m: &Module| m.protocol.methods.iter().find(|x| x.name == name).cloned();
        let (o, n) = (method(old), method(new));
        let Some(m) = n.clone().or_else(|| o.clone()) else {
            continue;
        };
        let side = |pick: fn(&crate::ir::Method) -> Option<&String>| {
            let mut reach = BTreeSet::new();
            for (module, method) in [(old, &o), (new, &n)] {
                if let Some(ty) = method.as_ref().and_then(pick) {
                    reach.extend(reachable(module, ty));
                }
            }
            reach
        };
        let (params, result) = (side(|m| m.params.as_ref()), side(|m| m.result.as_ref()));
        let mut mine: Vec<(&Change, bool)> = Vec::new();
        for c in changes {
            match c.scope {
                Scope::Method if c.name == name => {
                    // Changes of the result itself travel callee → caller.
                    let back = c.path.0.first() == Some(&Segment::Result);
                    mine.push((c, back));
                }
                Scope::Type => {
                    if params.contains(&c.name) {
                        mine.push((c, false));
                    }
                    if result.contains(&c.name) {
                        mine.push((c, true));
                    }
                }
                _ => {}
            }
        }
        let kind = if m.notification {
            RouteKind::Notification
        } else {
            RouteKind::Request
        };
        out.push(route(name, kind, Some(m.direction), presence, &mine));
    }
    out
}

/// Names in new order, then old-only ones, each with where it is present.
fn names<'a>(
    old: impl Iterator<Item = &'a str> + Clone,
    new: impl Iterator<Item = &'a str> + Clone,
) -> Vec<(String, (bool, bool))> {
    let mut out: Vec<(String, (bool, bool))> = new
        .clone()
        .map(|n| (n.to_string(), (old.clone().any(|o| o == n), true)))
        .collect();
    for o in old.clone() {
        if !new.clone().any(|n| n == o) {
            out.push((o.to_string(), (true, false)));
        }
    }
    out
}

/// `changes` are the route's changes; `true` marks those whose messages travel back (results).
fn route(
    name: String,
    kind: RouteKind,
    direction: Option<crate::ir::Direction>,
    presence: (bool, bool),
    changes: &[(&Change, bool)],
) -> Route {
    let mut r = Route {
        name,
        kind,
        direction: direction.map(|d| d.to_string()),
        presence,
        changes: 0,
        old_to_new: Verdict::Compatible,
        new_to_old: Verdict::Compatible,
        api: Api::None,
    };
    let mut counted: Vec<*const Change> = Vec::new();
    for &(c, back) in changes {
        let (forward, backward) = if back {
            (c.new_to_old(), c.old_to_new())
        } else {
            (c.old_to_new(), c.new_to_old())
        };
        r.old_to_new = r.old_to_new.max(forward);
        r.new_to_old = r.new_to_old.max(backward);
        r.api = r.api.max(c.api);
        if !counted.contains(&std::ptr::from_ref(c)) {
            counted.push(std::ptr::from_ref(c));
        }
    }
    r.changes = counted.len();
    r
}

/// The top-level type names a type's values reach (itself included).
fn reachable(m: &Module, name: &str) -> BTreeSet<String> {
    let mut seen: BTreeSet<TypePath> = BTreeSet::new();
    let mut todo = vec![TypePath::top(name)];
    while let Some(p) = todo.pop() {
        if let Some(t) = m.get(&p)
            && seen.insert(p)
        {
            todo.extend(refs(t));
        }
    }
    seen.into_iter()
        .filter(|p| m.get(p).is_some_and(|t| !t.hoisted))
        .map(|p| p.to_string())
        .collect()
}
