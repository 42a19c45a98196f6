//! JSDoc comments: the description (normalised as ts-json-schema-generator does, so both
//! routes give the same docs), `@title`, `@deprecated`, `@default`, `@asType integer`, `@wiregen`
//! (per-type settings, [`wiregen_pairs`]), and the
//! validation-only tags of JSON Schema (`@format`, `@minimum`, ...), which become constraints.

use crate::frontend::jsonschema::VALIDATION;
use crate::ir::Docs;

/// What a `/** ... */` comment says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsDoc {
    /// The text before the first tag (or `@description`).
    pub description: Option<String>,
    /// `@title`.
    pub title: Option<String>,
    /// `@deprecated`, with its note (empty when none).
    pub deprecated: Option<String>,
    /// `@default`, parsed as JSON (else the text as a string).
    pub default: Option<serde_json::Value>,
    /// Validation-only tags, in the order of JSON Schema's keyword list.
    pub constraints: Vec<(&'static str, serde_json::Value)>,
    /// `@asType` (`integer` turns `number` into an integer).
    pub as_type: Option<String>,
    /// `@packageDocumentation`, `@module`, `@file` or `@fileoverview`: docs of the whole package.
    pub package: bool,
    /// `@wiregen key=value ...`: per-type settings (see [`wiregen_pairs`]).
    pub wiregen: Vec<String>,
}

/// Tags whose value is text, not JSON.
const TEXT_TAGS: &[&str] = &["format", "pattern", "contentMediaType", "contentEncoding"];

/// Parses a JSDoc comment, delimiters included.
pub fn parse(comment: &str) -> JsDoc {
    let body = comment
        .strip_prefix("/**")
        .unwrap_or(comment)
        .strip_suffix("*/")
        .unwrap_or_default();
    let mut description: Vec<&str> = Vec::new();
    let mut tags: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in body.lines() {
        let line = line.trim_start();
        let line = line.strip_prefix('*').unwrap_or(line);
        let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
        if let Some(tag) = line.strip_prefix('@') {
            let (name, rest) = tag
                .split_once(char::is_whitespace)
                .map_or((tag, ""), |(n, r)| (n, r.trim_start()));
            tags.push((name, vec![rest]));
        } else if let Some((_, text)) = tags.last_mut() {
            text.push(line);
        } else {
            description.push(line);
        }
    }
    let mut doc = JsDoc {
        description: normalise(&description.join("\n")),
        ..JsDoc::default()
    };
    let mut constraints: Vec<(&'static str, serde_json::Value)> = Vec::new();
    for (name, lines) in tags {
        let text = lines.join("\n").trim().to_string();
        match name {
            "description" => doc.description = normalise(&text),
            "title" => doc.title = Some(text).filter(|t| !t.is_empty()),
            "deprecated" => {
                doc.deprecated = Some(match json_or_text(&text) {
                    serde_json::Value::String(s) => s,
                    _ => String::new(),
                })
            }
            "default" => doc.default = Some(json_or_text(&text)),
            "asType" => doc.as_type = Some(text),
            "wiregen" => doc.wiregen.push(text),
            "packageDocumentation" | "module" | "file" | "fileoverview" => doc.package = true,
            _ => {
                if let Some(key) = VALIDATION.iter().find(|k| **k == name) {
                    let value = if TEXT_TAGS.contains(key) {
                        serde_json::Value::String(text)
                    } else {
                        json_or_text(&text)
                    };
                    constraints.push((key, value));
                }
            }
        }
    }
    constraints.sort_by_key(|(k, _)| VALIDATION.iter().position(|v| v == k));
    doc.constraints = constraints;
    doc
}

/// The settings of a `@wiregen` tag: space-separated `key=value` words; a list (`derives`,
/// `order`) is comma-separated (`derives=Eq,Hash`), `strict` alone means `strict=true`:
/// `@wiregen rename=Id derives=Eq,Hash strict unknown_fields=keep`.
pub fn wiregen_pairs(text: &str) -> Vec<(String, serde_json::Value)> {
    use serde_json::Value;
    text.split_whitespace()
        .map(|word| {
            let (key, value) = word.split_once('=').unwrap_or((word, "true"));
            let value = match key {
                "derives" | "order" => Value::Array(
                    value
                        .split(',')
                        .filter(|v| !v.is_empty())
                        .map(|v| Value::String(v.to_string()))
                        .collect(),
                ),
                "strict" => match value {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    other => Value::String(other.to_string()),
                },
                _ => Value::String(value.to_string()),
            };
            (key.to_string(), value)
        })
        .collect()
}

/// A tag's value: JSON if it parses, else the text; an empty tag means `true`.
fn json_or_text(text: &str) -> serde_json::Value {
    let text = if text.is_empty() { "true" } else { text };
    serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::String(text.to_string()))
}

/// Trims, and joins lines of one paragraph with a space (a newline stays before a blank line,
/// a list item `-` or `*`): the rule of ts-json-schema-generator's descriptions.
fn normalise(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let joins = c == '\n'
            && i > 0
            && chars[i - 1] != '\n'
            && chars
                .get(i + 1)
                .is_some_and(|n| !matches!(n, '\n' | '*' | '-'));
        out.push(if joins { ' ' } else { c });
    }
    Some(out)
}

impl JsDoc {
    /// The IR docs: the description (else the title), deprecation and constraints.
    pub fn docs(&self) -> Docs {
        Docs {
            text: self
                .description
                .clone()
                .or_else(|| self.title.clone())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            deprecated: self.deprecated.clone(),
            constraints: self
                .constraints
                .iter()
                .map(|(k, v)| format!("`{k}`: `{v}`"))
                .collect(),
        }
    }
}

/// The docs of an optional comment.
pub fn docs_of(doc: Option<&JsDoc>) -> Docs {
    doc.map(JsDoc::docs).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_join_paragraph_lines_and_keep_lists() {
        let d = parse(
            "/**\n * First line\n * continues.\n *\n * - item\n * @deprecated use `B`\n * @default 3\n * @minimum 0\n * @format date-time\n */",
        );
        assert_eq!(
            d.description.as_deref(),
            Some("First line continues.\n\n- item")
        );
        assert_eq!(d.deprecated.as_deref(), Some("use `B`"));
        assert_eq!(d.default, Some(serde_json::json!(3)));
        assert_eq!(
            d.docs().constraints,
            ["`format`: `\"date-time\"`", "`minimum`: `0`"]
        );
    }

    #[test]
    fn tags_without_text_and_titles() {
        let d = parse("/** @deprecated */");
        assert_eq!(d.deprecated.as_deref(), Some(""));
        assert_eq!(d.description, None);
        let d = parse("/** @title Block\n @default \"x\" */");
        assert_eq!(d.docs().text.as_deref(), Some("Block"));
        assert_eq!(d.default, Some(serde_json::json!("x")));
        let p = parse("/**\n * Docs.\n * @packageDocumentation\n */");
        assert!(p.package && p.description.as_deref() == Some("Docs."));
    }
}
