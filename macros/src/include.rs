//! `include_protocol!`: runs the wiregen library at compile time and expands to exactly the
//! items the CLI writes, plus an `include_bytes!` per file read so edits rebuild the crate.
//!
//! Syntax: `include_protocol!("path", key = value, ...)`. The path is relative to the crate's
//! `CARGO_MANIFEST_DIR`; the settings are `wiregen.toml`'s `[settings]` keys, read by the same
//! deserializer (`wiregen::config::Settings`), so the vocabulary cannot drift. Per-type
//! settings are a TOML inline table: `types = { Task = { rename = "Job", derives = ["Ord"] } }`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use std::path::{Path, PathBuf};
use syn::parse::{Parse, ParseStream};
use syn::{Error, Expr, Ident, LitStr, Token};
use wiregen::config::Settings;
use wiregen::{Diagnostic, RustOptions, Severity};

/// The parsed macro input.
pub(crate) struct Args {
    path: LitStr,
    settings: Vec<(Ident, TokenStream)>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut settings = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            // `types = { Name = { rename = "X", derives = ["Eq"] } }` is a TOML inline table,
            // not a Rust expression: a braced group is taken as written.
            let value = if input.peek(syn::token::Brace) {
                input.parse::<proc_macro2::TokenTree>()?.into_token_stream()
            } else {
                input.parse::<Expr>()?.into_token_stream()
            };
            settings.push((key, value));
        }
        Ok(Args { path, settings })
    }
}

/// Expands the macro with paths resolved against `base` (the crate's manifest directory).
/// Never fails: errors become `compile_error!`s next to whatever could be generated.
pub(crate) fn expand(args: Args, base: &Path) -> TokenStream {
    let mut errors = crate::Errors::default();
    let settings = settings(&args.settings, &mut errors);
    let rel = args.path.value();
    let file = base.join(&rel);
    // Files may be read under the crate's directory, the entry's own directory (the crate
    // author named it) and `allowed_roots` (relative to the crate's directory).
    let entry_dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut allowed_roots = settings.allowed_roots(base);
    allowed_roots.push(entry_dir);
    let options = RustOptions {
        source_label: rel.clone(),
        extra_derives: settings.extra_derives,
        strict: settings.strict,
        unknown_fields: settings.unknown_fields,
        allowed_roots,
        types: settings.types,
    };
    let mut items = TokenStream::new();
    if !file.is_file() {
        errors.push(Error::new(
            args.path.span(),
            format!("cannot read `{rel}`: no such file\n  = hint: the path is relative to the crate's directory (CARGO_MANIFEST_DIR)"),
        ));
        if let Err(e) = errors.finish() {
            items.extend(e.into_compile_error());
        }
        return items;
    }
    match wiregen::generate(&file, &options) {
        Ok(out) => {
            for f in &out.files {
                items.extend(track(f));
            }
            match out.code.parse::<TokenStream>() {
                Ok(code) => items.extend(code),
                Err(e) => errors.push(Error::new(
                    args.path.span(),
                    format!("wiregen produced code that does not tokenize (a wiregen bug): {e}"),
                )),
            }
        }
        Err(diags) => {
            // Track the entry file so fixing it rebuilds (files reached by `$ref` are only
            // known after a successful load).
            items.extend(track(&file));
            for d in diags.iter().filter(|d| d.severity == Severity::Error) {
                errors.push(Error::new(args.path.span(), render(d, base)));
            }
        }
    }
    if let Err(e) = errors.finish() {
        items.extend(e.into_compile_error());
    }
    items
}

/// `const _: &[u8] = include_bytes!("...");`: makes cargo rebuild the crate when `file` changes.
fn track(file: &Path) -> TokenStream {
    let path = file.to_string_lossy();
    quote! { const _: &[u8] = ::core::include_bytes!(#path); }
}

/// The settings, deserialized as TOML (one `key = value` line per argument) into the same
/// `Settings` type `wiregen.toml` uses; a bad key or value is reported on its own tokens and
/// the rest of the settings still apply (so the expansion does not cascade).
fn settings(args: &[(Ident, TokenStream)], errors: &mut crate::Errors) -> Settings {
    let mut text = String::new();
    for (i, (key, value)) in args.iter().enumerate() {
        if args[..i].iter().any(|(k, _)| k == key) {
            errors.push(Error::new(key.span(), format!("`{key}` is set twice")));
            continue;
        }
        let line = format!("{key} = {}\n", value.to_token_stream());
        match toml::from_str::<Settings>(&line) {
            Ok(_) => text.push_str(&line),
            Err(e) => {
                errors.push(Error::new_spanned(
                    quote!(#key = #value),
                    format!(
                        "invalid setting `{key}`: {}\n  = hint: the settings are wiregen.toml's: `strict = true`, `extra_derives = [\"Eq\"]`",
                        e.message()
                    ),
                ));
            }
        }
    }
    toml::from_str(&text).unwrap_or_default()
}

/// One diagnostic as the message of a `compile_error!`: what, where (file:line:col and JSON
/// pointer, relative to the manifest directory) and the hint.
fn render(d: &Diagnostic, base: &Path) -> String {
    let strip = |s: String| {
        let prefix = format!("{}/", base.display());
        s.replace(&prefix, "")
    };
    let code = d.code.map(|c| format!("[{c}] ")).unwrap_or_default();
    let mut msg = format!("{code}{}\n  --> {}", d.message, strip(d.loc.to_string()));
    for (loc, what) in &d.related {
        msg.push_str(&format!("\n  --> {}: {what}", strip(loc.to_string())));
    }
    if let Some(hint) = &d.hint {
        msg.push_str(&format!("\n  = hint: {hint}"));
    }
    strip(msg)
}

/// The manifest directory of the crate being compiled.
pub(crate) fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    //! The macro emits the CLI's tokens: every protocol of the repository's `wiregen.toml`,
    //! expanded with the protocol's settings, equals the file `wiregen generate` wrote (kept
    //! fresh by `wiregen check` in CI), and fixtures equal `wiregen::generate` with
    //! non-default settings.
    use super::*;

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// The expansion without the `include_bytes!` trackers, as formatted Rust.
    fn expanded(tokens: TokenStream, base: &Path) -> (String, usize) {
        let args: Args = syn::parse2(tokens).expect("macro arguments");
        let mut file: syn::File = syn::parse2(expand(args, base)).expect("expansion parses");
        let before = file.items.len();
        file.items
            .retain(|item| !matches!(item, syn::Item::Const(c) if c.ident == "_"));
        let tracked = before - file.items.len();
        (prettyplease::unparse(&file), tracked)
    }

    fn formatted(code: &str) -> String {
        prettyplease::unparse(&syn::parse_file(code).expect("CLI output parses"))
    }

    #[test]
    fn every_protocol_expands_to_the_file_the_cli_wrote() {
        let root = repo();
        let config = wiregen::config::load(&root.join("wiregen.toml")).expect("wiregen.toml");
        assert!(!config.protocols.is_empty());
        for p in &config.protocols {
            let path = p.input.to_string_lossy().into_owned();
            let strict = p.settings.strict;
            let derives = &p.settings.extra_derives;
            let policy = p.settings.unknown_fields.map(|u| {
                let u = format!("{u:?}").to_lowercase();
                quote!(, unknown_fields = #u)
            });
            let (macro_code, tracked) = expanded(
                quote!(#path, strict = #strict, extra_derives = [#(#derives),*] #policy),
                &root,
            );
            let cli = std::fs::read_to_string(root.join(&p.output)).expect("generated file");
            assert!(
                macro_code == formatted(&cli),
                "{}: the macro's tokens differ from {}",
                p.name,
                p.output.display()
            );
            assert!(tracked >= 1, "{}: no include_bytes! emitted", p.name);
        }
    }

    /// Fixtures of one frontend (`jsonschema` / `ts`): the macro with non-default settings
    /// equals `wiregen::generate` with the same options. Returns how many were compared.
    fn compare_fixtures(kind: &str, ext: &str) -> usize {
        let fixtures = repo().join("codegen/tests/fixtures").join(kind);
        let mut names: Vec<_> = std::fs::read_dir(&fixtures)
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| n.ends_with(ext))
            .collect();
        names.sort();
        let mut compared = 0;
        for name in &names {
            let options = RustOptions {
                source_label: name.clone(),
                extra_derives: vec!["Eq".into(), "Hash".into()],
                strict: true,
                ..RustOptions::default()
            };
            let Ok(out) = wiregen::generate(&fixtures.join(name), &options) else {
                continue;
            };
            let (macro_code, tracked) = expanded(
                quote!(#name, strict = true, extra_derives = ["Eq", "Hash"]),
                &fixtures,
            );
            assert_eq!(macro_code, formatted(&out.code), "{kind}/{name}");
            assert_eq!(
                tracked,
                out.files.len(),
                "{kind}/{name}: one include_bytes! per file read"
            );
            compared += 1;
        }
        compared
    }

    #[test]
    fn json_schema_fixtures_with_settings_match_the_library() {
        assert!(compare_fixtures("jsonschema", ".json") >= 10);
    }

    #[test]
    fn typescript_fixtures_with_settings_match_the_library() {
        assert!(compare_fixtures("ts", ".ts") >= 5);
    }

    #[test]
    fn per_type_settings_match_the_library() {
        let fixtures = repo().join("codegen/tests/fixtures/jsonschema");
        let mut types = std::collections::BTreeMap::new();
        types.insert(
            "Task".to_string(),
            wiregen::config::TypeSettings {
                rename: Some("Work".into()),
                derives: vec!["PartialOrd".into(), "Ord".into()],
                strict: Some(true),
                ..Default::default()
            },
        );
        let options = RustOptions {
            source_label: "settings_rename.json".into(),
            types,
            ..RustOptions::default()
        };
        let out =
            wiregen::generate(&fixtures.join("settings_rename.json"), &options).expect("generates");
        let (macro_code, _) = expanded(
            quote!(
                "settings_rename.json",
                types = { Task = { rename = "Work", derives = ["PartialOrd", "Ord"], strict = true } }
            ),
            &fixtures,
        );
        assert_eq!(macro_code, formatted(&out.code));
        assert!(macro_code.contains("pub struct Work"), "{macro_code}");
    }

    #[test]
    fn unknown_fields_keep_expands_to_what_the_library_generates() {
        let fixtures = repo().join("codegen/tests/fixtures/jsonschema");
        let options = RustOptions {
            source_label: "unknown_fields.json".into(),
            unknown_fields: Some(wiregen::config::UnknownFields::Keep),
            ..RustOptions::default()
        };
        let out =
            wiregen::generate(&fixtures.join("unknown_fields.json"), &options).expect("generates");
        assert!(out.code.contains("wg::UnknownFields"), "{}", out.code);
        let (macro_code, _) = expanded(
            quote!("unknown_fields.json", unknown_fields = "keep"),
            &fixtures,
        );
        assert_eq!(macro_code, formatted(&out.code));
    }

    #[test]
    fn a_missing_file_is_one_error_and_nothing_else() {
        let out = expand(syn::parse2(quote!("nope.json")).expect("args"), &repo()).to_string();
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(
            out.contains("cannot read `nope.json`") && !out.contains("include_bytes"),
            "{out}"
        );
    }

    #[test]
    fn errors_name_the_file_line_and_pointer_relative_to_the_crate() {
        let dir = std::env::temp_dir().join(format!("wiregen-include-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(
            dir.join("bad.json"),
            "{\n  \"$defs\": {\n    \"A\": { \"type\": \"strin\" }\n  }\n}\n",
        )
        .expect("write");
        let out = expand(
            syn::parse2(quote!("bad.json", strict = maybe)).expect("args"),
            &dir,
        )
        .to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("bad.json:3:"), "{out}");
        assert!(out.contains("/$defs/A"), "{out}");
        let messages = out.split_once("compile_error").map_or("", |(_, m)| m);
        assert!(
            !messages.contains(&dir.display().to_string()),
            "absolute path: {out}"
        );
        assert!(out.contains("invalid setting"), "{out}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
