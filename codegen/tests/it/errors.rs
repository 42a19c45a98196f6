//! Bad input to the generator: every error names the file, a line:column and/or JSON pointer,
//! and gives a hint; nothing panics.

use crate::{fixtures, generate, portable};

fn error_text(name: &str) -> String {
    let path = fixtures("errors").join(name);
    match generate(&path) {
        Ok(_) => panic!("{name} generated without error"),
        Err(d) => portable(&d.to_string()),
    }
}

#[test]
fn broken_json_reports_line_and_column() {
    let text = error_text("bad_json.json");
    assert!(
        text.contains("invalid JSON: expected a string key, found `}`"),
        "{text}"
    );
    assert!(text.contains("bad_json.json:3:73"), "{text}");
    assert!(text.contains("hint:"), "{text}");
}

#[test]
fn unresolvable_ref_reports_pointer_and_known_definitions() {
    let text = error_text("unresolvable_ref.json");
    assert!(
        text.contains("`$ref: \"#/$defs/Payload\"` does not resolve"),
        "{text}"
    );
    assert!(
        text.contains("unresolvable_ref.json:6:20 (at /$defs/Message/properties/payload)"),
        "{text}"
    );
    assert!(
        text.contains("hint: known definitions: #/$defs/Message, #/$defs/Other"),
        "{text}"
    );
}

#[test]
fn missing_referenced_file_is_located() {
    let text = error_text("missing_file_ref.json");
    assert!(
        text.contains("cannot read") && text.contains("does-not-exist.json"),
        "{text}"
    );
    assert!(
        text.contains("(at /$defs/Message/properties/payload)"),
        "{text}"
    );
}

#[test]
fn network_refs_are_refused() {
    let text = error_text("network_ref.json");
    assert!(text.contains("points at the network"), "{text}");
    assert!(text.contains("(at /$defs/Message)"), "{text}");
}

#[test]
fn error_report_snapshot_shows_every_error_in_full() {
    let mut all = String::new();
    for path in crate::json_files(&fixtures("errors")) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        all.push_str(&format!("== {name}\n{}\n\n", error_text(&name)));
    }
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(crate::repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!("errors__jsonschema", all));
}

#[test]
fn invalid_manifests_are_located() {
    let text = error_text("manifest_errors.json");
    assert!(text.contains("unknown manifest key `extra`"), "{text}");
    assert!(
        text.contains("(at /x-wiregen/channels/Plain/extra)"),
        "{text}"
    );
    assert!(
        text.contains("notification `tell` has a `result`"),
        "{text}"
    );
    assert!(
        text.contains("(at /x-wiregen/jsonrpc/methods/tell/result)"),
        "{text}"
    );
    assert!(
        text.contains("direction `a to b` is not `sender → receiver`"),
        "{text}"
    );
    assert!(text.contains("a method needs a `direction`"), "{text}");
    let text = error_text("manifest_unknown_types.json");
    assert!(
        text.contains("channel `Nope` is not a type of this protocol"),
        "{text}"
    );
    assert!(
        text.contains("channel `Plain` is not a tagged union"),
        "{text}"
    );
    assert!(
        text.contains("the params type of method `ask`, `Missing`, is not defined"),
        "{text}"
    );
    // Methods that mangle alike are no error (the model numbers the second, with a warning).
    assert!(!text.contains("both become"), "{text}");
    let text = error_text("manifest_duplicate_method.json");
    assert!(
        text.contains("duplicate key `ping`")
            && text.contains("manifest_duplicate_method.json:6:9"),
        "{text}"
    );
}

#[test]
fn a_chain_of_references_back_to_itself_is_an_error_naming_the_chain() {
    let text = error_text("alias_cycle.json");
    assert!(
        text.contains("`A` is only another name for itself: A → B → A"),
        "{text}"
    );
    assert!(text.contains("(at /$defs/A)"), "{text}");
    // `C = array of C` is fine: it becomes a newtype.
    assert!(!text.contains("`C`"), "{text}");
}
