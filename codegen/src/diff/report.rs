//! Rendering of a [`Report`]: terminal text (optionally coloured), Markdown for a pull-request
//! comment, and JSON for tools (schema `wiregen-diff/1`, documented in `docs/compatibility.md`).

use super::rules::{Api, Kind, Verdict};
use super::{Change, Report, Route, RouteKind, Segment};
use serde::Serialize;
use std::fmt::Write as _;

/// How many changes break what (with wiregen's default tolerance unless `strict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Changes that break old senders or old receivers.
    pub breaking: usize,
    /// Changes that break old senders (old senders → new receivers).
    pub sender_breaking: usize,
    /// Changes that break old receivers (new senders → old receivers).
    pub receiver_breaking: usize,
}

impl Counts {
    fn of(report: &Report, strict: bool) -> Counts {
        let breaks = |v: Verdict| {
            if strict {
                !v.works_strictly()
            } else {
                !v.works()
            }
        };
        let mut c = Counts::default();
        for ch in report.changes() {
            let (s, r) = (breaks(ch.old_to_new()), breaks(ch.new_to_old()));
            c.breaking += usize::from(s || r);
            c.sender_breaking += usize::from(s);
            c.receiver_breaking += usize::from(r);
        }
        c
    }
}

/// One line: how many changes, and how many break what.
pub fn summary_line(report: &Report) -> String {
    let total = report.changes().count();
    if total == 0 {
        return "no wire-relevant changes".into();
    }
    let (tolerant, strict) = (Counts::of(report, false), Counts::of(report, true));
    let api = report.changes().filter(|c| c.api == Api::Breaking).count();
    format!(
        "{total} change{} · breaking old receivers: {} · breaking old senders: {} · breaking only strict receivers: {} · breaking the Rust API: {api}",
        plural(total),
        tolerant.receiver_breaking,
        tolerant.sender_breaking,
        strict.breaking - tolerant.breaking,
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

const LEGEND: &str = "\
old→new    old senders → new receivers       new→old  new senders → old receivers
           (for a method: old callers with new callees, and new callers with old callees)
ok         accepted
tolerated  accepted by wiregen's default decoder (unknown fields ignored, unknown tags → Unknown,
           unknown strings → Other), rejected by a strict receiver
breaking   rejected, or read differently (a changed default)
API        code compiled against the old generated crate: struct literals, exhaustive matches, names
Rules: docs/compatibility.md";

struct Paint(bool);

impl Paint {
    fn code(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn verdict(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Compatible => "32",
            Verdict::Tolerated => "33",
            Verdict::Breaking => "1;31",
        };
        self.code(code, v.word())
    }

    fn api(&self, a: Api) -> String {
        self.code(if a == Api::Breaking { "31" } else { "32" }, a.word())
    }

    fn sigil(&self, k: Kind) -> String {
        let code = match k {
            Kind::Added => "32",
            Kind::Removed => "31",
            Kind::Changed => "33",
        };
        self.code(code, &k.sigil().to_string())
    }
}

/// The terminal report; `color` adds ANSI colours (use it only when stdout is a terminal).
pub fn text(report: &Report, color: bool) -> String {
    let p = Paint(color);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        p.code(
            "1",
            &format!("wiregen diff: {} → {}", report.old, report.new)
        )
    );
    let _ = writeln!(out, "{}", summary_line(report));
    if !report.routes.is_empty() {
        let _ = writeln!(out, "\n{}", p.code("1", routes_heading(report)));
        for r in &report.routes {
            let _ = write!(out, "  {}: ", route_label(r));
            if r.changes == 0 {
                let _ = writeln!(out, "unchanged");
                continue;
            }
            let _ = writeln!(
                out,
                "old→new {} · new→old {} · API {} · {} change{}",
                p.verdict(r.old_to_new),
                p.verdict(r.new_to_old),
                p.api(r.api),
                r.changes,
                plural(r.changes),
            );
        }
    }
    // A type added, removed or replaced as a whole takes one line; other types get a heading.
    let whole = |g: &super::Group| g.changes.len() == 1 && g.changes[0].path.0.is_empty();
    let width = report
        .groups
        .iter()
        .filter(|g| whole(g))
        .map(|g| g.name.chars().count() + g.changes[0].headline().chars().count() + 2)
        .max()
        .unwrap_or(0);
    let mut previous_whole = false;
    for g in &report.groups {
        if whole(g) {
            let c = &g.changes[0];
            let line = format!("{}: {}", g.name, c.headline());
            let pad = " ".repeat(width.saturating_sub(line.chars().count()));
            if !previous_whole {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{} {line}{pad}  {}",
                p.sigil(c.kind()),
                verdicts(&p, c)
            );
            notes(&mut out, c, "    ");
            previous_whole = true;
            continue;
        }
        previous_whole = false;
        let kind = format!("({})", g.kind);
        let _ = writeln!(out, "\n{} {}", p.code("1", &g.name), p.code("2", &kind));
        for c in &g.changes {
            let _ = writeln!(out, "  {} {}", p.sigil(c.kind()), c.headline());
            let _ = writeln!(out, "      {}", verdicts(&p, c));
            notes(&mut out, c, "      ");
        }
    }
    if report.changes().next().is_some() {
        let _ = writeln!(out, "\n{}", p.code("2", LEGEND));
    }
    out
}

fn verdicts(p: &Paint, c: &Change) -> String {
    format!(
        "old→new {} · new→old {} · API {}",
        p.verdict(c.old_to_new()),
        p.verdict(c.new_to_old()),
        p.api(c.api)
    )
}

fn notes(out: &mut String, c: &Change, indent: &str) {
    for n in &c.notes {
        let _ = writeln!(out, "{indent}note: {}", n.text);
    }
}

fn routes_heading(report: &Report) -> &'static str {
    let channels = report.routes.iter().any(|r| r.kind == RouteKind::Channel);
    let methods = report.routes.iter().any(|r| r.kind != RouteKind::Channel);
    match (channels, methods) {
        (true, true) => "Channels and methods",
        (false, true) => "Methods",
        _ => "Channels",
    }
}

/// `WorkerToHost (channel, worker → host)`, `provider/complete (request, host → extension, new)`.
fn route_label(r: &Route) -> String {
    let mut parts = vec![r.kind.word().to_string()];
    parts.extend(r.direction.clone());
    match r.presence {
        (false, true) => parts.push("new".into()),
        (true, false) => parts.push("gone".into()),
        _ => {}
    }
    format!("{} ({})", r.name, parts.join(", "))
}

/// Markdown for a pull-request comment.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### wiregen diff: `{}` → `{}`\n\n{}",
        report.old,
        report.new,
        summary_line(report)
    );
    if !report.routes.is_empty() {
        out.push_str("\n| route | old senders → new receivers | new senders → old receivers | Rust API | changes |\n| --- | --- | --- | --- | --- |\n");
        for r in &report.routes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(&route_label(r)),
                md_verdict(r.old_to_new),
                md_verdict(r.new_to_old),
                md_api(r.api),
                r.changes
            );
        }
    }
    if report.groups.is_empty() {
        return out;
    }
    out.push_str("\n| | name | change | old senders → new receivers | new senders → old receivers | Rust API |\n| --- | --- | --- | --- | --- | --- |\n");
    for g in &report.groups {
        for (i, c) in g.changes.iter().enumerate() {
            // The type is named on its first row only, so its changes read as a group.
            let ty = if i == 0 {
                format!("`{}`", cell(&g.name))
            } else {
                String::new()
            };
            let mut what = md_headline(c);
            for n in &c.notes {
                let _ = write!(what, "<br>_note: {}_", cell(&n.text));
            }
            let _ = writeln!(
                out,
                "| {} | {ty} | {what} | {} | {} | {} |",
                c.kind().sigil(),
                md_verdict(c.old_to_new()),
                md_verdict(c.new_to_old()),
                md_api(c.api)
            );
        }
    }
    if report.changes().next().is_some() {
        out.push_str("\n<sub>tolerated: accepted by wiregen's default decoder (unknown fields ignored, unknown tags → `Unknown`, unknown strings → `Other`), rejected by a strict receiver. Rules: `docs/compatibility.md`.</sub>\n");
    }
    out
}

fn md_headline(c: &Change) -> String {
    let mut s = String::new();
    let path = c.path.to_string();
    if !path.is_empty() {
        let _ = write!(s, "`{}`: ", cell(&path));
    }
    s.push_str(c.rule.rule().summary);
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => {
            let _ = write!(s, " (`{}` → `{}`)", cell(o), cell(n));
        }
        (Some(x), None) | (None, Some(x)) => {
            let _ = write!(s, " (`{}`)", cell(x));
        }
        (None, None) => {}
    }
    s
}

/// Text made safe for a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Compatible => "✅ ok",
        Verdict::Tolerated => "⚠️ tolerated",
        Verdict::Breaking => "❌ **breaking**",
    }
}

fn md_api(a: Api) -> &'static str {
    match a {
        Api::None => "✅ none",
        Api::Breaking => "❌ breaking",
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    old: &'a str,
    new: &'a str,
    summary: JsonSummary,
    routes: Vec<JsonRoute<'a>>,
    changes: Vec<JsonChange<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    changes: usize,
    breaking: usize,
    sender_breaking: usize,
    receiver_breaking: usize,
    api_breaking: usize,
    strict: Counts,
}

#[derive(Serialize)]
struct JsonVerdict {
    verdict: &'static str,
    default: &'static str,
    strict: &'static str,
}

impl From<Verdict> for JsonVerdict {
    fn from(v: Verdict) -> Self {
        let word = |ok: bool| if ok { "ok" } else { "breaking" };
        JsonVerdict {
            verdict: v.word(),
            default: word(v.works()),
            strict: word(v.works_strictly()),
        }
    }
}

#[derive(Serialize)]
struct JsonRoute<'a> {
    name: &'a str,
    kind: &'static str,
    direction: Option<&'a str>,
    in_old: bool,
    in_new: bool,
    changes: usize,
    old_senders_new_receivers: JsonVerdict,
    new_senders_old_receivers: JsonVerdict,
    rust_api: &'static str,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    scope: &'static str,
    name: &'a str,
    kind: &'a str,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum JsonSegment<'a> {
    Variant { name: &'a str },
    Field { name: &'a str },
    Item,
    MapValue,
    Index { index: usize },
    Rest,
    Value { value: &'a str },
    Params,
    Result,
}

#[derive(Serialize)]
struct JsonNote<'a> {
    rule: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    group: JsonGroup<'a>,
    path: String,
    segments: Vec<JsonSegment<'a>>,
    kind: &'static str,
    rule: &'static str,
    summary: &'static str,
    old: Option<&'a str>,
    new: Option<&'a str>,
    old_senders_new_receivers: JsonVerdict,
    new_senders_old_receivers: JsonVerdict,
    rust_api: &'static str,
    notes: Vec<JsonNote<'a>>,
}

fn json_segment(s: &Segment) -> JsonSegment<'_> {
    match s {
        Segment::Variant(name) => JsonSegment::Variant { name },
        Segment::Field(name) => JsonSegment::Field { name },
        Segment::Item => JsonSegment::Item,
        Segment::MapValue => JsonSegment::MapValue,
        Segment::Index(index) => JsonSegment::Index { index: *index },
        Segment::Rest => JsonSegment::Rest,
        Segment::Value(value) => JsonSegment::Value { value },
        Segment::Params => JsonSegment::Params,
        Segment::Result => JsonSegment::Result,
    }
}

fn json_change<'a>(g: &'a super::Group, c: &'a Change) -> JsonChange<'a> {
    JsonChange {
        group: JsonGroup {
            scope: g.scope.word(),
            name: &g.name,
            kind: &g.kind,
        },
        path: c.path.to_string(),
        segments: c.path.0.iter().map(json_segment).collect(),
        kind: c.kind().word(),
        rule: c.rule.name(),
        summary: c.rule.rule().summary,
        old: c.old.as_deref(),
        new: c.new.as_deref(),
        old_senders_new_receivers: c.old_to_new().into(),
        new_senders_old_receivers: c.new_to_old().into(),
        rust_api: c.api.word(),
        notes: c
            .notes
            .iter()
            .map(|n| JsonNote {
                rule: n.rule.name(),
                text: &n.text,
            })
            .collect(),
    }
}

/// The JSON report (pretty-printed, with a final newline).
pub fn json(report: &Report) -> String {
    let tolerant = Counts::of(report, false);
    let doc = JsonReport {
        schema: "wiregen-diff/1",
        old: &report.old,
        new: &report.new,
        summary: JsonSummary {
            changes: report.changes().count(),
            breaking: tolerant.breaking,
            sender_breaking: tolerant.sender_breaking,
            receiver_breaking: tolerant.receiver_breaking,
            api_breaking: report.changes().filter(|c| c.api == Api::Breaking).count(),
            strict: Counts::of(report, true),
        },
        routes: report
            .routes
            .iter()
            .map(|r| JsonRoute {
                name: &r.name,
                kind: r.kind.word(),
                direction: r.direction.as_deref(),
                in_old: r.presence.0,
                in_new: r.presence.1,
                changes: r.changes,
                old_senders_new_receivers: r.old_to_new.into(),
                new_senders_old_receivers: r.new_to_old.into(),
                rust_api: r.api.word(),
            })
            .collect(),
        changes: report
            .groups
            .iter()
            .flat_map(|g| g.changes.iter().map(move |c| json_change(g, c)))
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
