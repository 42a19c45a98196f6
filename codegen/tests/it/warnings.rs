//! Valid input that wiregen accepts with warnings or notes (never an error): vendor and unknown
//! keywords, value constraints it does not check, members it cannot always tell apart.

use crate::{fixtures, generate, portable};

/// The warnings and notes of a fixture of `fixtures/jsonschema/`, which must generate.
fn warnings_of(name: &str) -> String {
    let path = fixtures("jsonschema").join(name);
    match generate(&path) {
        Ok(out) => portable(&out.warnings.to_string()),
        Err(d) => panic!("{name} must generate, got:\n{d}"),
    }
}

#[test]
fn unknown_and_vendor_keywords_are_annotations_not_errors() {
    let text = warnings_of("vendor_keywords.json");
    // A likely typo is a warning at its place, with the keyword it resembles.
    assert!(
        text.contains("unknown keyword `descripton` is ignored; did you mean `description`?"),
        "{text}"
    );
    assert!(
        text.contains("(at /$defs/Config/properties/title/descripton)"),
        "{text}"
    );
    // Value constraints are accepted and said to be unchecked, once per keyword.
    for k in ["not", "if", "then", "dependentRequired"] {
        assert!(
            text.contains(&format!("`{k}` is not checked by the generated decoders")),
            "{k}: {text}"
        );
    }
    // Known vendor annotations and `x-` keys say nothing; `not: {}` is "never present".
    for quiet in [
        "errorMessage",
        "enumDescriptions",
        "x-internal",
        "markdownDescription",
    ] {
        assert!(!text.contains(quiet), "{quiet}: {text}");
    }
    assert!(!text.contains("error:"), "{text}");
}

#[test]
fn never_present_members_are_left_out_and_documented() {
    let out = generate(&fixtures("jsonschema").join("vendor_keywords.json")).expect("generates");
    assert!(!out.code.contains("pub legacy"), "{}", out.code);
    assert!(
        out.code
            .contains("Never present (the protocol rules them out): `legacy`."),
        "{}",
        out.code
    );
}

#[test]
fn indistinguishable_untagged_members_are_a_warning_naming_them() {
    let text = warnings_of("untagged_best_match.json");
    assert!(
        text.contains(
            "members of union `Reply` cannot always be told apart: `Text`, `Markdown` require exactly [value: string]"
        ),
        "{text}"
    );
    assert!(text.contains("ignores the fewest of its keys"), "{text}");
    assert!(text.starts_with("warning[W0004]:"), "{text}");
}

#[test]
fn members_that_become_the_same_rust_name_are_numbered() {
    let out =
        generate(&fixtures("jsonschema").join("union_shared_members.json")).expect("generates");
    assert!(out.code.contains("Array(Vec<String>)"), "{}", out.code);
    assert!(out.code.contains("Array2(Vec<MoveTarget>)"), "{}", out.code);
}

#[test]
fn bundle_entries_name_the_files_types_they_refer_to() {
    // Two files both define `Params`; each is named after the bundle's entry, not a clash.
    let out = generate(&fixtures("jsonschema").join("bundled_refs.json")).expect("generates");
    for name in [
        "ToolExecuteParams",
        "ToolExecuteResult",
        "SessionOpenParams",
    ] {
        assert!(
            out.code.contains(&format!("pub struct {name} {{")),
            "{name}: {}",
            out.code
        );
    }
    assert!(!out.code.contains("pub struct Params"), "{}", out.code);
    assert!(
        out.code.contains("pub open: Option<SessionOpenParams>"),
        "{}",
        out.code
    );
}

#[test]
fn protocol_names_that_mangle_alike_are_numbered_with_a_warning() {
    let text = warnings_of("type_name_clash.json");
    assert!(
        text.contains("`SessionDTO` and `SessionDto` (types) both become `SessionDto` in Rust; the first keeps it, `SessionDto` is `SessionDto2`"),
        "{text}"
    );
    assert!(
        text.contains("(at /$defs/SessionDTO)") && text.contains("(at /$defs/SessionDto)"),
        "{text}"
    );
    let text = warnings_of("field_name_clash.json");
    assert!(
        text.contains("`userId` and `user_id` (fields of `User`) both become `user_id` in Rust; the first keeps it, `user_id` is `user_id_2`"),
        "{text}"
    );
    assert!(
        text.starts_with("warning[W0001]:") && !text.contains("error"),
        "{text}"
    );
    let out = generate(&fixtures("jsonschema").join("field_name_clash.json")).expect("generates");
    assert!(
        out.code.contains("pub user_id_2: Option<String>,"),
        "{}",
        out.code
    );
    assert!(
        out.code.contains("#[serde(rename = \"user_id\")]"),
        "{}",
        out.code
    );
}

#[test]
fn protocol_names_win_over_the_items_wiregen_adds() {
    let text = warnings_of("name_collisions.json");
    for expected in [
        "the protocol uses the name `ChangeHandler`, so wiregen's handler trait of channel `Change` is `ChangeHandler2`",
        "the protocol uses the name `methods`, so wiregen's module of JSON-RPC method types is `methods_2`",
        "the protocol uses the name `PingKind`, so the constant type of `Ping.kind` is `PingKindConst`",
        "the protocol uses the name `additional_properties`, so wiregen's map of undeclared keys (`additionalProperties`) is `additional_properties_2`",
        "`Result` and `ResultType` (types) both become `ResultType` in Rust",
        "`a-b` and `a_b` (values of `Mode`) both become `AB` in Rust; the first keeps it, `a_b` is `AB2`",
        "`get-user` and `get_user` (JSON-RPC methods) both become `GetUser` in Rust",
        "`Not-Found` and `not_found` (error codes) both become `NOT_FOUND` in Rust",
        "`userId` and `user_id` (accessors of `Change`) both become `user_id` in Rust",
    ] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    assert!(!text.contains("error:"), "{text}");
    let out = generate(&fixtures("jsonschema").join("name_collisions.json")).expect("generates");
    for item in [
        "pub trait ChangeHandler2",
        "pub struct ChangeHandler",
        "pub mod methods_2",
        "pub mod methods {",
        "pub fn user_id_2(&self)",
        "S: ServerServer",
        ".request::<methods_2::GetUser2>(S::get_user_2)",
        // The side enums step aside from the protocol's own `ServerRequest` without a number.
        "pub enum ServerIncomingRequest",
        "pub enum ClientIncomingNotification",
    ] {
        assert!(out.code.contains(item), "{item}:\n{}", out.code);
    }
}

/// A scratch `wiregen.toml` with the look-alike union fixture and `[protocol.types.*]` text.
fn with_types(types: &str) -> (tempfile::TempDir, wiregen::config::Protocol) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures("jsonschema").join("untagged_best_match.json"),
        dir.path().join("api.json"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wiregen.toml"),
        format!("[[protocol]]\nname = \"api\"\ninput = \"api.json\"\noutput = \"api.rs\"\n{types}"),
    )
    .unwrap();
    let config = wiregen::config::load(&dir.path().join("wiregen.toml")).unwrap();
    let p = config.protocols[0].clone();
    (dir, p)
}

#[test]
fn ordering_every_look_alike_member_silences_their_warning_and_a_partial_order_does_not() {
    let warned = |types: &str| {
        let (dir, p) = with_types(types);
        let out = wiregen::generate(&dir.path().join("api.json"), &p.rust_options()).unwrap();
        out.warnings.to_string().contains("W0004")
    };
    assert!(warned(""));
    // `Text` still falls back on protocol order: the user has not chosen between the two.
    assert!(warned("[protocol.types.Reply]\norder = [\"Markdown\"]\n"));
    assert!(!warned(
        "[protocol.types.Reply]\norder = [\"Markdown\", \"Text\"]\n"
    ));
}

#[test]
fn the_user_orders_look_alike_members_in_wiregen_toml() {
    let (dir, p) = with_types("[protocol.types.Reply]\norder = [\"Markdown\"]\n");
    let out = wiregen::generate(&dir.path().join("api.json"), &p.rust_options()).unwrap();
    let first = |name: &str| out.code.find(&format!("name: \"{name}\"")).unwrap();
    assert!(first("Markdown") < first("Text"), "{}", out.code);
    // Without the setting, protocol order.
    let (dir, p) = with_types("");
    let out = wiregen::generate(&dir.path().join("api.json"), &p.rust_options()).unwrap();
    let first = |name: &str| out.code.find(&format!("name: \"{name}\"")).unwrap();
    assert!(first("Text") < first("Markdown"), "{}", out.code);
}

#[test]
fn type_settings_that_name_nothing_are_errors_with_the_nearest_name() {
    let (dir, p) = with_types("[protocol.types.Replay]\norder = [\"Markdwn\"]\n");
    let err = wiregen::generate(&dir.path().join("api.json"), &p.rust_options())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("type settings for `Replay`: the protocol has no type `Replay`"),
        "{err}"
    );
    assert!(err.contains("did you mean `Reply`?"), "{err}");
    let (dir, p) = with_types("[protocol.types.Reply]\norder = [\"Markdwn\"]\n");
    let err = wiregen::generate(&dir.path().join("api.json"), &p.rust_options())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("names `Markdwn`, which is not one of its members"),
        "{err}"
    );
    assert!(err.contains("did you mean `Markdown`?"), "{err}");
}
