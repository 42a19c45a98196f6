//! Diagnostics for people and for tools: [`human`] (rustc's layout, through
//! `annotate-snippets`, the renderer rustc and cargo use), [`json`] (one object per line,
//! for editors and CI annotations) and [`cargo_directive`] (one `cargo::error=` /
//! `cargo::warning=` line for build scripts).
//!
//! Snippets show only the lines a diagnostic points at (its span and its related
//! locations), taken from the text the frontend read ([`Diagnostics::source`]): a renderer
//! never opens a file. Input text (messages, source lines) is made printable first, so a
//! schema cannot drive the terminal.

use crate::diag::{Diagnostic, Diagnostics, Loc, Severity, printable};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// A diagnostic as rustc would print it: `error[E0001]: message`, the location, the
/// referenced source lines with the span underlined, related locations labelled, the hint
/// as `help:`. `color` adds ANSI styles (decide with [`use_color`]).
pub fn human(d: &Diagnostic, all: &Diagnostics, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    };
    let message = printable(&d.message);
    let mut title = level.primary_title(message.as_str());
    if let Some(code) = d.code {
        title = title.id(code);
    }
    let pointer_label = (!d.loc.pointer.is_empty()).then(|| format!("at {}", d.loc.pointer));
    let mut group = Group::with_title(title);
    let mut notes = Vec::new();
    // The primary location, with related locations in the same file on the same snippet.
    let related: Vec<(Loc, String)> = d
        .related
        .iter()
        .map(|(l, w)| (l.clone(), printable(w)))
        .collect();
    let mut shown = vec![false; related.len()];
    match excerpt(&d.loc, all) {
        Some(ex) => {
            let mut lines = vec![(ex, pointer_label.as_deref())];
            for (i, (loc, what)) in related.iter().enumerate() {
                if loc.file == d.loc.file
                    && let Some(r) = excerpt(loc, all)
                {
                    lines.push((r, Some(what.as_str())));
                    shown[i] = true;
                }
            }
            group = group.element(snippet(&d.loc, &lines));
        }
        None => {
            group = group.element(origin(&d.loc));
            if let Some(p) = &pointer_label {
                notes.push(format!("{p} (JSON pointer)"));
            }
        }
    }
    for (i, (loc, what)) in related.iter().enumerate() {
        if shown[i] {
            continue;
        }
        match excerpt(loc, all) {
            Some(ex) => {
                let lines = [ex];
                group = group.element(
                    Snippet::source(lines[0].text.clone())
                        .line_start(lines[0].line)
                        .path(path_of(loc))
                        .fold(true)
                        .annotation(
                            AnnotationKind::Context
                                .span(lines[0].span.clone())
                                .label(what.as_str()),
                        ),
                );
            }
            None => notes.push(format!("{what}: {}", printable(&loc.to_string()))),
        }
    }
    let hint = d.hint.as_deref().map(printable);
    for n in &notes {
        group = group.element(Level::NOTE.message(n.as_str()));
    }
    if let Some(h) = &hint {
        group = group.element(Level::HELP.message(h.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// One diagnostic as one line of JSON: `level`, `code`, `message`, `file`, `line`,
/// `column` (1-based; `null` when unknown), `pointer` (`null` when none), `hint`, and
/// `related` (each with `file`, `line`, `column`, `pointer`, `message`).
pub fn json(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    };
    let mut object = serde_json::Map::new();
    object.insert("level".into(), level.into());
    object.insert("code".into(), d.code.into());
    object.insert("message".into(), d.message.clone().into());
    place(&mut object, &d.loc);
    object.insert("hint".into(), d.hint.clone().into());
    let related: Vec<serde_json::Value> = d
        .related
        .iter()
        .map(|(loc, what)| {
            let mut r = serde_json::Map::new();
            place(&mut r, loc);
            r.insert("message".into(), what.clone().into());
            r.into()
        })
        .collect();
    object.insert("related".into(), related.into());
    serde_json::Value::Object(object).to_string()
}

/// A diagnostic as one build-script directive: `cargo::error=` for errors,
/// `cargo::warning=` otherwise; `file:line:col: [CODE] message (at pointer); hint` on one
/// line (cargo reads one directive per line, so line breaks become spaces).
pub fn cargo_directive(d: &Diagnostic) -> String {
    let kind = if d.severity == Severity::Error {
        "error"
    } else {
        "warning"
    };
    let mut text = d.loc.file.display().to_string();
    if d.loc.line > 0 {
        text += &format!(":{}:{}", d.loc.line, d.loc.col);
    }
    text += ": ";
    if let Some(code) = d.code {
        text += &format!("[{code}] ");
    }
    if d.severity == Severity::Note {
        text += "note: ";
    }
    text += &d.message;
    if !d.loc.pointer.is_empty() {
        text += &format!(" (at {})", d.loc.pointer);
    }
    for (loc, what) in &d.related {
        text += &format!("; {what}: {loc}");
    }
    if let Some(hint) = &d.hint {
        text += &format!("; help: {hint}");
    }
    let one_line: String = printable(&text.replace(['\n', '\r'], " "));
    format!("cargo::{kind}={one_line}")
}

/// The explanations of every diagnostic code, one `## CODE: title` section each.
pub const EXPLANATIONS: &str = include_str!("../diagnostics.md");

/// Every code [`EXPLANATIONS`] explains, in order.
pub fn codes() -> Vec<&'static str> {
    EXPLANATIONS
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split(':').next())
        .filter(|c| is_code(c))
        .collect()
}

/// Whether `text` has the shape of a code: `E`, `W` or `N` and four digits.
pub fn is_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 5 && matches!(b[0], b'E' | b'W' | b'N') && b[1..].iter().all(u8::is_ascii_digit)
}

/// The explanation of `code` (any case), as `wiregen explain` prints it.
///
/// ```
/// let text = wiregen::render::explain("e0003").unwrap();
/// assert!(text.starts_with("E0003: "));
/// assert!(wiregen::render::explain("E9999").is_none());
/// ```
pub fn explain(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    let start = EXPLANATIONS.find(&format!("\n## {code}:"))? + 4;
    let rest = &EXPLANATIONS[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |e| e + 1);
    Some(rest[..end].trim_end().to_string() + "\n")
}

/// Whether to colour output for a stream: only on a terminal, and never when `NO_COLOR` is
/// set to a non-empty value (<https://no-color.org>).
pub fn use_color(is_terminal: bool) -> bool {
    color_choice(is_terminal, std::env::var_os("NO_COLOR").as_deref())
}

/// [`use_color`] with the value of `NO_COLOR` given.
///
/// ```
/// use std::ffi::OsStr;
/// assert!(wiregen::render::color_choice(true, None));
/// assert!(!wiregen::render::color_choice(true, Some(OsStr::new("1"))));
/// assert!(!wiregen::render::color_choice(false, None));
/// ```
pub fn color_choice(is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    is_terminal && no_color.is_none_or(|v| v.is_empty())
}

fn place(object: &mut serde_json::Map<String, serde_json::Value>, loc: &Loc) {
    let known = |n: usize| (n > 0).then_some(n);
    let file = loc.file.display().to_string();
    object.insert("file".into(), (!file.is_empty()).then_some(file).into());
    object.insert("line".into(), known(loc.line).into());
    object.insert("column".into(), known(loc.col).into());
    object.insert(
        "pointer".into(),
        (!loc.pointer.is_empty())
            .then(|| loc.pointer.clone())
            .into(),
    );
}

/// The referenced lines of one location, made printable, with the span's byte range in
/// that text.
struct Excerpt {
    line: usize,
    text: String,
    span: std::ops::Range<usize>,
}

/// The lines `loc` spans (its line alone for a point), when its file's text is known.
fn excerpt(loc: &Loc, all: &Diagnostics) -> Option<Excerpt> {
    if loc.line == 0 {
        return None;
    }
    let source = all.source(&loc.file)?;
    let (end_line, end_col) = if loc.end.0 >= loc.line {
        loc.end
    } else {
        (loc.line, 0)
    };
    // A span over many lines shows its first and last few; the renderer folds the middle.
    let lines: Vec<&str> = source
        .lines()
        .skip(loc.line - 1)
        .take(end_line - loc.line + 1)
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut start = None;
    let mut end = None;
    for (i, line) in lines.iter().enumerate() {
        for (col, c) in (1..).zip(line.chars()) {
            if i == 0 && col == loc.col {
                start = Some(text.len());
            }
            if i + 1 == lines.len() && end_col > 0 && col == end_col {
                end = Some(text.len());
            }
            text += &printable(&c.to_string());
        }
        // A span that ends at the end of its last line.
        if i + 1 == lines.len() && end_col > 0 && end.is_none() {
            end = Some(text.len());
        }
        if i == 0 && start.is_none() {
            start = Some(text.len());
        }
        if i + 1 < lines.len() {
            text.push('\n');
        }
    }
    let start = start.unwrap_or(0);
    let end = match end {
        Some(e) if e > start => e,
        // A point: underline the character at the column (or the line's end).
        _ if end_line == loc.line => text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8()),
        _ => text.len(),
    };
    Some(Excerpt {
        line: loc.line,
        text,
        span: start..end,
    })
}

fn path_of(loc: &Loc) -> String {
    printable(&loc.file.display().to_string())
}

fn origin(loc: &Loc) -> Origin<'static> {
    let mut o = Origin::path(if loc.file.as_os_str().is_empty() {
        "<input>".to_string()
    } else {
        path_of(loc)
    });
    if loc.line > 0 {
        o = o.line(loc.line).char_column(loc.col.saturating_sub(1));
    }
    o
}

/// One snippet of the primary location's file: `lines[0]` is the primary span, the rest
/// are related locations in the same file, each with its label.
fn snippet<'a>(
    loc: &Loc,
    lines: &[(Excerpt, Option<&'a str>)],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    // Join the excerpts into one text whose line numbers start at the first one; lines in
    // between that no location references stay empty and are folded away.
    let first = lines.iter().map(|(e, _)| e.line).min().unwrap_or(loc.line);
    let last = lines
        .iter()
        .map(|(e, _)| e.line + e.text.matches('\n').count())
        .max()
        .unwrap_or(loc.line);
    let mut rows: Vec<&str> = vec![""; last - first + 1];
    for (e, _) in lines {
        for (i, l) in e.text.split('\n').enumerate() {
            rows[e.line - first + i] = l;
        }
    }
    let mut row_start = Vec::with_capacity(rows.len());
    let mut at = 0;
    for r in &rows {
        row_start.push(at);
        at += r.len() + 1;
    }
    let mut s = Snippet::source(rows.join("\n"))
        .line_start(first)
        .path(path_of(loc))
        .fold(true);
    for (i, (e, label)) in lines.iter().enumerate() {
        let base = row_start[e.line - first];
        let kind = if i == 0 {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let mut a = kind.span(base + e.span.start..base + e.span.end);
        if let Some(l) = label {
            a = a.label(*l);
        }
        s = s.annotation(a);
    }
    s
}
