//! `wiregen.toml`: the protocols of a repository, their versions, output paths and settings.
//!
//! ```toml
//! [settings]                      # defaults for every protocol
//! extra_derives = []              # extra derives on every generated type
//! strict = false                  # reject unknown fields, tags and enum strings
//! unknown_fields = "ignore"       # or "reject", or "keep" (kept in order, written back)
//! allowed_roots = []              # more directories `$ref`s and imports may read
//! [settings.types.Name]           # per-type settings for every protocol (see TypeSettings)
//!
//! [[protocol]]
//! name = "lumiverse-spindle"
//! output = "generated/src/lumiverse_spindle.rs"
//! generate = "0.4.46"             # the version written to `output`
//! [protocol.versions]             # every known version (all are loaded and checked)
//! "0.4.45" = "schemas/lumiverse-spindle/0.4.45.json"
//! "0.4.46" = "schemas/lumiverse-spindle/0.4.46.json"
//! [protocol.types.RequestId]      # per-type settings, by the protocol's type name
//! derives = ["PartialOrd", "Ord"]
//!
//! [[protocol]]                    # a protocol with one input needs no versions
//! name = "mini"
//! input = "schemas/mini.json"
//! output = "generated/src/mini.rs"
//! ```
//! Paths are relative to the directory of `wiregen.toml`. An input is a JSON Schema document or a
//! TypeScript entry file (`.ts`, `.d.ts`; `schemas/x/ts/1.0/index.ts` for a multi-file package).

use crate::RustOptions;
use crate::diag::{Diagnostic, Diagnostics, Loc};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const CONFIG_FILE: &str = "wiregen.toml";

/// Settings shared by the CLI, the build.rs builder and the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Extra derive paths added to every generated type.
    #[serde(default)]
    pub extra_derives: Vec<String>,
    /// Strict decoding: unknown fields, union tags and enum strings are errors (default:
    /// ignored / kept in `Unknown` and `Other` variants, so newer peers do not break older ones).
    #[serde(default)]
    pub strict: bool,
    /// What decoding does with members a struct does not declare: `ignore` (the default),
    /// `reject` (what `strict` does to them) or `keep` (kept in order and written back);
    /// unset, `strict` decides.
    #[serde(default)]
    pub unknown_fields: Option<UnknownFields>,
    /// Directories inputs may read besides the default root (the wiregen.toml directory, the
    /// crate directory for `include_protocol!`); relative to that root. See docs/guide.md,
    /// "Security".
    #[serde(default)]
    pub allowed_roots: Vec<PathBuf>,
    /// Per-type settings by the protocol's type name (`[settings.types.Name]`); a protocol's
    /// own `[protocol.types.Name]` overrides them key by key.
    #[serde(default)]
    pub types: BTreeMap<String, TypeSettings>,
}

impl Settings {
    /// The directories inputs may read: `base` (the default root) and `allowed_roots`
    /// relative to it.
    pub fn allowed_roots(&self, base: &Path) -> Vec<PathBuf> {
        let base = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        };
        std::iter::once(base.to_path_buf())
            .chain(self.allowed_roots.iter().map(|r| base.join(r)))
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    protocol: Vec<RawProtocol>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProtocol {
    name: String,
    output: PathBuf,
    input: Option<PathBuf>,
    generate: Option<String>,
    #[serde(default)]
    versions: BTreeMap<String, PathBuf>,
    settings: Option<Settings>,
    #[serde(default)]
    types: BTreeMap<String, TypeSettings>,
}

/// Settings of one type of a protocol (`[protocol.types.Name]`, by the protocol's name). The
/// same keys are the builder's [`crate::Builder::type_settings`], the macro's `types = {..}`
/// and a schema's `x-wiregen` hint on a definition (TypeScript: `@wiregen key=value`); config
/// and builder override hints, key by key (docs/guide.md, "Customising the output").
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeSettings {
    /// Extra derive paths for this type (`Eq`, `Ord`, `schemars::JsonSchema`). A standard
    /// trait the members cannot implement is an error naming the member. On a replaced type:
    /// the traits the replacement implements, so types holding it may derive them too.
    #[serde(default)]
    pub derives: Vec<String>,
    /// The Rust name of the type (serde keeps the wire name; a clash is resolved, with a
    /// warning, like any other).
    #[serde(default)]
    pub rename: Option<String>,
    /// A Rust path used instead of generating the type (`uuid::Uuid`,
    /// `my_crate::Session`): the type is not emitted and every reference names the path. Its
    /// serde behaviour is the replacement's.
    #[serde(default)]
    pub replace: Option<String>,
    /// Strict decoding for this type only (overrides the protocol's `strict`): no `Unknown` /
    /// `Other` catch-all for a union or enum, unknown fields rejected for a struct.
    #[serde(default)]
    pub strict: Option<bool>,
    /// For an untagged union: its members (by the names the warnings show) in the order
    /// best-match decoding tries them, and prefers them on a tie; members not listed follow
    /// in their own order.
    #[serde(default)]
    pub order: Vec<String>,
    /// For a union: the tag key, used instead of the one wiregen would pick; every member
    /// must carry a distinct constant string under it.
    #[serde(default)]
    pub tag: Option<String>,
    /// What decoding does with members this type does not declare (overrides `strict` and
    /// the protocol's `unknown_fields`; a union's setting covers its variant structs).
    #[serde(default)]
    pub unknown_fields: Option<UnknownFields>,
}

/// What decoding does with members a struct does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnknownFields {
    /// Skip them (the default).
    #[default]
    Ignore,
    /// Fail with an error naming the member.
    Reject,
    /// Keep them, in order, and write them back when encoding.
    Keep,
}

/// The keys of [`TypeSettings`] (for "did you mean" on schema hints).
pub const TYPE_SETTING_KEYS: &[&str] = &[
    "derives",
    "rename",
    "replace",
    "strict",
    "order",
    "tag",
    "unknown_fields",
];

impl TypeSettings {
    /// These settings with every key `over` sets replaced by its value (`over` wins).
    pub fn overlaid(mut self, over: &TypeSettings) -> TypeSettings {
        if !over.derives.is_empty() {
            self.derives.clone_from(&over.derives);
        }
        if !over.order.is_empty() {
            self.order.clone_from(&over.order);
        }
        macro_rules! keep {
            ($($k:ident),*) => { $( if over.$k.is_some() { self.$k.clone_from(&over.$k); } )* };
        }
        keep!(rename, replace, strict, tag, unknown_fields);
        self
    }
}

/// A loaded `wiregen.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Directory of the config file; every path below is relative to it.
    pub root: PathBuf,
    /// The protocols, in file order.
    pub protocols: Vec<Protocol>,
}

/// One protocol of the config.
#[derive(Debug, Clone, PartialEq)]
pub struct Protocol {
    /// Its name.
    pub name: String,
    /// The input written to `output` (relative to the root).
    pub input: PathBuf,
    /// The generated file (relative to the root).
    pub output: PathBuf,
    /// Every version and its input (relative to the root); empty without `versions`.
    pub versions: BTreeMap<String, PathBuf>,
    /// Effective settings.
    pub settings: Settings,
    /// Per-type settings (`[protocol.types.Name]`), by the protocol's type name.
    pub types: BTreeMap<String, TypeSettings>,
    /// The directory of wiregen.toml: inputs may read files under it (and under
    /// `allowed_roots`).
    pub root: PathBuf,
}

impl Protocol {
    /// Backend options for this protocol.
    pub fn rust_options(&self) -> RustOptions {
        RustOptions {
            source_label: self.input.to_string_lossy().replace('\\', "/"),
            extra_derives: self.settings.extra_derives.clone(),
            strict: self.settings.strict,
            unknown_fields: self.settings.unknown_fields,
            allowed_roots: self.settings.allowed_roots(&self.root),
            types: self.types.clone(),
        }
    }
}

/// Finds `wiregen.toml` in `start` or the nearest ancestor directory. The path returned is
/// relative to `start` (`wiregen.toml`, `../wiregen.toml`, ...), so messages show short paths.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .enumerate()
        .find(|(_, d)| d.join(CONFIG_FILE).is_file())
        .map(|(up, _)| {
            let mut p = PathBuf::new();
            for _ in 0..up {
                p.push("..");
            }
            p.join(CONFIG_FILE)
        })
}

/// Reads and validates a config file.
pub fn load(path: &Path) -> Result<Config, Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(Loc::file(path), format!("cannot read the config: {e}"))
                .code("E0030")
                .hint("create wiregen.toml at the repository root"),
        )
    })?;
    parse(path, &text)
}

/// Parses config text; `path` names it in messages and gives the root directory.
pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostics> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| crate::json::line_col(text, s.start))
            .unwrap_or((0, 0));
        let mut d = Diagnostics::from(
            Diagnostic::error(
                Loc::new(path.into(), "", line, col),
                format!("invalid wiregen.toml: {}", e.message()),
            )
            .code("E0031")
            .hint("see `wiregen generate --help` for the file format"),
        );
        d.add_source(path.into(), text);
        d
    })?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut diags = Diagnostics::new();
    let mut protocols = Vec::new();
    let loc = Loc::file(path);
    for p in raw.protocol {
        let input = match (&p.input, &p.generate) {
            (Some(input), None) if p.versions.is_empty() => input.clone(),
            (None, Some(version)) => match p.versions.get(version) {
                Some(input) => input.clone(),
                None => {
                    diags.push(
                        Diagnostic::error(loc.clone(), format!("protocol `{}`: `generate = \"{version}\"` is not one of its versions", p.name))
.code("E0032")
                            .hint(format!("known versions: {}", p.versions.keys().cloned().collect::<Vec<_>>().join(", "))),
                    );
                    continue;
                }
            },
            _ => {
                diags.push(
                    Diagnostic::error(loc.clone(), format!("protocol `{}` needs either `input`, or `versions` and `generate`", p.name))
.code("E0032")
                        .hint("`input = \"schemas/x.json\"`, or `generate = \"1.0\"` with `[protocol.versions]`"),
                );
                continue;
            }
        };
        if protocols.iter().any(|q: &Protocol| q.output == p.output) {
            diags.push(
                Diagnostic::error(
                    loc.clone(),
                    format!("two protocols write `{}`", p.output.display()),
                )
                .code("E0032")
                .hint("give each protocol its own output"),
            );
        }
        let settings = p.settings.unwrap_or_else(|| raw.settings.clone());
        let mut types = settings.types.clone();
        for (name, own) in p.types {
            let merged = types.remove(&name).unwrap_or_default().overlaid(&own);
            types.insert(name, merged);
        }
        protocols.push(Protocol {
            name: p.name,
            input,
            output: p.output,
            versions: p.versions,
            settings,
            types,
            root: root.clone(),
        });
    }
    diags.into_result(Config { root, protocols })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_versions_and_single_inputs() {
        let c = parse(
            Path::new("repo/wiregen.toml"),
            r#"
            [settings]
            extra_derives = ["Eq"]
            [[protocol]]
            name = "a"
            output = "gen/a.rs"
            generate = "2"
            [protocol.versions]
            "1" = "s/a1.json"
            "2" = "s/a2.json"
            [[protocol]]
            name = "b"
            input = "s/b.json"
            output = "gen/b.rs"
            settings = { extra_derives = [] }
            "#,
        )
        .unwrap();
        assert_eq!(c.root, Path::new("repo"));
        assert_eq!(c.protocols[0].input, Path::new("s/a2.json"));
        assert_eq!(c.protocols[0].settings.extra_derives, ["Eq"]);
        assert_eq!(c.protocols[1].versions.len(), 0);
        assert!(c.protocols[1].settings.extra_derives.is_empty());
    }

    #[test]
    fn reads_the_unknown_fields_policy_globally_and_per_type() {
        let c = parse(
            Path::new("wiregen.toml"),
            r#"
            [settings]
            unknown_fields = "keep"
            [[protocol]]
            name = "a"
            input = "a.json"
            output = "a.rs"
            [protocol.types.Ping]
            unknown_fields = "reject"
            [protocol.types.Pong]
            strict = true
            "#,
        )
        .unwrap();
        let o = c.protocols[0].rust_options();
        assert_eq!(o.unknown_fields, Some(UnknownFields::Keep));
        assert_eq!(o.types["Ping"].unknown_fields, Some(UnknownFields::Reject));
        assert_eq!(o.types["Pong"].strict, Some(true));
        let e = parse(
            Path::new("wiregen.toml"),
            "[settings]\nunknown_fields = \"drop\"\n",
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("wiregen.toml:2") && text.contains("keep"),
            "{text}"
        );
    }

    #[test]
    fn reports_unknown_keys_with_position() {
        let e = parse(
            Path::new("wiregen.toml"),
            "[[protocol]]\nname = \"a\"\nouput = \"x\"\n",
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("wiregen.toml:3:1") && text.contains("ouput"),
            "{text}"
        );
    }

    #[test]
    fn reports_a_generate_version_that_does_not_exist() {
        let e = parse(Path::new("w.toml"), "[[protocol]]\nname = \"a\"\noutput = \"o.rs\"\ngenerate = \"9\"\nversions = { \"1\" = \"a.json\" }\n")
            .unwrap_err();
        assert!(e.to_string().contains("not one of its versions"), "{e}");
    }
}
