//! Table tests of the model: which name each item gets, per scope.
use super::*;
use crate::ir::TypePath;

fn resolved(defs: &str, strict: bool) -> (Model, String) {
    let text = format!(r#"{{"$defs": {defs}}}"#);
    let mut module =
        crate::frontend::load_str(std::path::Path::new("t.json"), &text).expect("loads");
    crate::classify::classify(&mut module);
    crate::protocol::infer(&mut module);
    let options = RustOptions {
        strict,
        ..RustOptions::default()
    };
    let (m, d) = resolve(&module, &options);
    (m, d.to_string())
}

#[test]
fn protocol_names_that_mangle_alike_are_numbered_in_protocol_order() {
    for (defs, path, expected) in [
        (
            r#"{"SessionDTO": {"type": "object"}, "SessionDto": {"type": "object"}}"#,
            "SessionDto",
            "SessionDto2",
        ),
        (
            r#"{"a-b": {"type": "object"}, "a_b": {"type": "object"}, "a-b-2": {"type": "object"}}"#,
            "a_b",
            "AB3",
        ),
        (
            r#"{"Result": {"type": "object"}, "ResultType": {"type": "object"}}"#,
            "ResultType",
            "ResultType2",
        ),
        (
            r#"{"x": {"type": "object"}, "X": {"type": "object"}}"#,
            "x",
            "X",
        ),
    ] {
        let (m, warnings) = resolved(defs, false);
        assert_eq!(m.ty(&TypePath::top(path)), expected, "{defs}");
        assert!(warnings.contains("both become"), "{defs}: {warnings}");
    }
}

#[test]
fn fields_values_and_variants_are_unique_per_scope() {
    let (m, _) = resolved(
        r#"{"U": {"type": "object", "properties": {"userId": {}, "user_id": {}, "type": {}}},
            "E": {"enum": ["a-b", "a_b", "Other", "OtherValue"]},
            "V": {"type": "object", "properties": {"additional_properties": {}}, "additionalProperties": true}}"#,
        false,
    );
    let u = TypePath::top("U");
    assert_eq!(
        [
            m.field(&u, "userId"),
            m.field(&u, "user_id"),
            m.field(&u, "type")
        ],
        ["user_id", "user_id_2", "r#type"]
    );
    let e = TypePath::top("E");
    assert_eq!([m.value(&e, "a-b"), m.value(&e, "a_b")], ["AB", "AB2"]);
    assert_eq!(m.catch_all(&e), Some("Unrecognized"));
    assert_eq!(
        m.field(&TypePath::top("V"), "additional_properties"),
        "additional_properties"
    );
}

#[test]
fn strict_output_has_no_catch_alls() {
    let (m, _) = resolved(r#"{"E": {"enum": ["a"]}}"#, true);
    assert_eq!(m.catch_all(&TypePath::top("E")), None);
}

#[test]
fn wiregen_items_yield_to_protocol_names() {
    let (m, warnings) = resolved(
        r#"{"Msg": {"oneOf": [{"type": "object", "properties": {"type": {"const": "a"}, "tag": {"type": "string"}}, "required": ["type"]}, {"type": "object", "properties": {"type": {"const": "b"}, "tag": {"type": "string"}}, "required": ["type"]}]},
            "MsgHandler": {"type": "object"}, "MsgAsyncHandler2": {"type": "object"}, "MsgAsyncHandler": {"type": "object"}}"#,
        false,
    );
    let c = m.channel(&TypePath::top("Msg")).expect("inferred channel");
    assert_eq!(
        (c.handler.as_str(), c.async_handler.as_str()),
        ("MsgHandler2", "MsgAsyncHandler3")
    );
    assert_eq!(c.methods, ["a", "b"]);
    assert!(c.accessors.is_empty(), "`tag` is the derive's");
    assert!(
        warnings.contains("wiregen's handler trait of channel `Msg` is `MsgHandler2`"),
        "{warnings}"
    );
}

#[test]
fn union_modules_follow_the_resolved_type_names() {
    let (m, _) = resolved(
        r#"{"Wg": {"oneOf": [{"type": "object", "properties": {"type": {"const": "a"}}, "required": ["type"]}, {"type": "object", "properties": {"type": {"const": "b"}}, "required": ["type"]}]},
            "ab": {"oneOf": [{"type": "object", "properties": {"type": {"const": "a"}}, "required": ["type"]}, {"type": "object", "properties": {"type": {"const": "b"}}, "required": ["type"]}]},
            "AB": {"oneOf": [{"type": "object", "properties": {"type": {"const": "a"}}, "required": ["type"]}, {"type": "object", "properties": {"type": {"const": "b"}}, "required": ["type"]}]}}"#,
        false,
    );
    assert_eq!(m.module(&TypePath::top("Wg")), "wg_");
    assert_eq!(m.module(&TypePath::top("ab")), "ab");
    assert_eq!(
        (m.ty(&TypePath::top("AB")), m.module(&TypePath::top("AB"))),
        ("Ab2", "ab2")
    );
}
