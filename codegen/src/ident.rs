//! Name mangling, all of it: protocol names (`BackendProcessStateDTO`, `requestId`,
//! `provider/complete`, `queue.reorder`) to Rust identifiers. Pure functions, so every
//! stage that needs a Rust name gets the same one; `model` resolves the clashes.
//!
//! Rules:
//! - words split at `_ - . / : space` and other punctuation, at lower→upper case changes, and
//!   at the end of an acronym (`HTTPServer` → `HTTP Server`); letters and digits stay together;
//! - types, variants: UpperCamelCase with acronyms as words (`DTO` → `Dto`);
//! - fields, modules: snake_case;
//! - keywords become raw identifiers (`r#type`), except those that cannot be raw (`self`,
//!   `Self`, `super`, `crate`), which get a `_` suffix;
//! - a leading digit gets a prefix (`N` for types and variants, `_` for fields);
//! - type names that would shadow the prelude types generated code uses (`String`, `Vec`,
//!   `Option`, `Box`, `Result`, ...) get a `Type` suffix; variants never shadow anything.

use proc_macro2::{Ident, Span};

/// Keywords of Rust 2024 (strict and reserved), which cannot be plain identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Type names that generated code relies on from the prelude or as common paths.
const RESERVED_TYPES: &[&str] = &[
    "String", "Vec", "Option", "Box", "Result", "Some", "None", "Ok", "Err", "Self",
];

/// Splits a protocol name into words.
pub fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = chunk.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if i > 0 && !cur.is_empty() {
                let prev = chars[i - 1];
                let next = chars.get(i + 1).copied();
                let lower_to_upper =
                    (prev.is_ascii_lowercase() || prev.is_ascii_digit()) && c.is_ascii_uppercase();
                let acronym_end = prev.is_ascii_uppercase()
                    && c.is_ascii_uppercase()
                    && next.is_some_and(|n| n.is_ascii_lowercase());
                if lower_to_upper || acronym_end {
                    out.push(std::mem::take(&mut cur));
                }
            }
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn upper_camel_raw(name: &str) -> String {
    let mut s = String::new();
    for w in words(name) {
        let mut cs = w.chars();
        if let Some(first) = cs.next() {
            s.push(first.to_ascii_uppercase());
            s.extend(cs.map(|c| c.to_ascii_lowercase()));
        }
    }
    s
}

/// `UpperCamelCase` for a variant or enum value (`timed_out` → `TimedOut`,
/// `provider/complete` → `ProviderComplete`, `2xx` → `N2xx`, `` → `Empty`).
pub fn variant_name(name: &str) -> String {
    let s = upper_camel_raw(name);
    if s.is_empty() {
        "Empty".to_string()
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{s}")
    } else if s == "Self" {
        "SelfValue".to_string()
    } else {
        s
    }
}

/// `UpperCamelCase` for a type (`BackendProcessStateDTO` → `BackendProcessStateDto`).
pub fn type_name(name: &str) -> String {
    let s = variant_name(name);
    if RESERVED_TYPES.contains(&s.as_str()) {
        format!("{s}Type")
    } else {
        s
    }
}

/// `snake_case` for a field or method (`requestId` → `request_id`, `type` → `r#type`).
pub fn field_name(name: &str) -> String {
    let mut s = words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    if s.is_empty() {
        s = "field".to_string();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    escape_keyword(s)
}

/// `snake_case` for a module (the module of a union's variant structs).
pub fn module_name(name: &str) -> String {
    let m = field_name(&type_name(name));
    // `wg` is the alias generated code uses for the runtime crate.
    if m == "wg" { "wg_".to_string() } else { m }
}

fn escape_keyword(s: String) -> String {
    if NOT_RAW.contains(&s.as_str()) {
        format!("{s}_")
    } else if KEYWORDS.contains(&s.as_str()) {
        format!("r#{s}")
    } else {
        s
    }
}

/// The name serde sees for a Rust field name (raw prefix removed), to decide whether a
/// `#[serde(rename)]` is needed.
pub fn unraw(rust: &str) -> &str {
    rust.strip_prefix("r#").unwrap_or(rust)
}

/// The candidate nearest to a misspelled `word` ("did you mean"), when one is close: at most
/// a third of the word's length away (at least 1, at most 3 edits), ignoring case.
///
/// ```
/// let names = ["Session", "Message", "Request"];
/// assert_eq!(wiregen::ident::nearest("Sesion", names), Some("Session"));
/// assert_eq!(wiregen::ident::nearest("Zebra", names), None);
/// ```
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance, for "did you mean" hints about names and keywords.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Builds an [`Ident`] from a name produced by this module (handles `r#`).
pub fn ident(rust: &str) -> Ident {
    match rust.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(rust, Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_treat_acronyms_as_words() {
        for (wire, rust) in [
            ("BackendProcessStateDTO", "BackendProcessStateDto"),
            ("HTTPServerConfig", "HttpServerConfig"),
            ("userID", "UserId"),
            ("WorkerToHost", "WorkerToHost"),
            ("ws_server_message", "WsServerMessage"),
            ("JSONRPCRequest", "JsonrpcRequest"),
            ("getV2Data", "GetV2Data"),
            ("2fa-code", "N2faCode"),
            ("", "Empty"),
            ("---", "Empty"),
            ("String", "StringType"),
            ("result", "ResultType"),
            ("Self", "SelfValue"),
            ("héllo wörld", "HLloWRld"),
        ] {
            assert_eq!(type_name(wire), rust, "type_name({wire:?})");
        }
    }

    #[test]
    fn variant_names_from_tag_values() {
        for (wire, rust) in [
            ("backend_process_spawn", "BackendProcessSpawn"),
            ("queue.reorder", "QueueReorder"),
            ("provider/complete", "ProviderComplete"),
            ("ToolCallStart", "ToolCallStart"),
            ("timed_out", "TimedOut"),
            ("CHAT_SWITCHED", "ChatSwitched"),
            ("String", "String"),
            ("404", "N404"),
        ] {
            assert_eq!(variant_name(wire), rust, "variant_name({wire:?})");
        }
    }

    #[test]
    fn field_names_are_snake_case_with_keywords_escaped() {
        for (wire, rust) in [
            ("requestId", "request_id"),
            ("processId", "process_id"),
            ("startupTimeoutMs", "startup_timeout_ms"),
            ("URL", "url"),
            ("baseURLPath", "base_url_path"),
            ("type", "r#type"),
            ("ref", "r#ref"),
            ("gen", "r#gen"),
            ("async", "r#async"),
            ("self", "self_"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("1st", "_1st"),
            ("", "field"),
            ("$schema", "schema"),
            ("x-api-key", "x_api_key"),
        ] {
            assert_eq!(field_name(wire), rust, "field_name({wire:?})");
        }
    }

    #[test]
    fn module_names_follow_type_names() {
        assert_eq!(module_name("WorkerToHost"), "worker_to_host");
        assert_eq!(module_name("WsControlMessage"), "ws_control_message");
        assert_eq!(module_name("Type"), "r#type");
        assert_eq!(module_name("WG"), "wg_");
    }

    #[test]
    fn idents_build_for_every_mangled_name() {
        for name in ["r#type", "self_", "request_id", "N2faCode"] {
            let _ = ident(name);
        }
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(unraw("r#type"), "type");
    }

    #[test]
    fn mangling_clashes_are_possible_and_left_to_the_model() {
        assert_eq!(field_name("user_id"), field_name("userId"));
        assert_eq!(type_name("FooDTO"), type_name("FooDto"));
    }
}
