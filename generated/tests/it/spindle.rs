//! The Lumiverse Spindle corpus against the checked-in generated types (default settings:
//! unknown fields ignored, unknown tags and enum strings kept).

use crate::corpus::{check_invalid, check_valid};
use wiregen_generated::lumiverse_spindle::{BackendProcessStateDto, WorkerToHost};
use wiregen_runtime::serde_json::{self, json};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/lumiverse-spindle"
);

crate::spindle_decoder!(wiregen_generated::lumiverse_spindle);

#[test]
fn every_valid_spindle_message_round_trips_exactly() {
    assert!(check_valid(DIR, decode) >= 70);
}

#[test]
fn invalid_spindle_messages_are_rejected_naming_the_field() {
    assert!(check_invalid(DIR, false, decode) >= 15);
}

#[test]
fn unknown_tag_is_kept_and_re_encoded_unchanged() {
    let message =
        json!({"type": "chat_switched_v2", "requestId": "r9", "nested": {"a": [1, 2.5, null]}});
    let decoded: WorkerToHost = wiregen_runtime::from_value(message.clone()).unwrap();
    assert!(matches!(decoded, WorkerToHost::Unknown(_)), "{decoded:?}");
    assert_eq!(decoded.tag(), "chat_switched_v2");
    assert_eq!(wiregen_runtime::to_value(&decoded).unwrap(), message);
}

#[test]
fn unknown_enum_string_is_kept_and_re_encoded_unchanged() {
    let message = json!({"type": "backend_process_list", "requestId": "r1", "filter": {"state": "hibernating"}});
    let decoded: WorkerToHost = wiregen_runtime::from_value(message.clone()).unwrap();
    let WorkerToHost::BackendProcessList(list) = &decoded else {
        panic!("{decoded:?}")
    };
    let state = list.filter.as_ref().and_then(|f| f.state.clone());
    assert_eq!(
        state,
        Some(BackendProcessStateDto::Other("hibernating".into()))
    );
    assert_eq!(wiregen_runtime::to_value(&decoded).unwrap(), message);
}

#[test]
fn unknown_extra_field_is_ignored() {
    let message = json!({"type": "backend_process_get", "requestId": "r1", "processId": "p1", "addedInV2": true});
    let decoded: WorkerToHost = wiregen_runtime::from_value(message).unwrap();
    assert_eq!(
        wiregen_runtime::to_value(&decoded).unwrap(),
        json!({"type": "backend_process_get", "requestId": "r1", "processId": "p1"})
    );
}

#[test]
fn absent_null_and_value_stay_apart_for_nullable_palette() {
    for message in [
        json!({"type": "theme_apply_palette", "requestId": "r1", "palette": null}),
        json!({"type": "theme_apply_palette", "requestId": "r1", "palette": {"accent": {"h": 210, "s": 0.5, "l": 0.4}}}),
    ] {
        let text = serde_json::to_string(&message).unwrap();
        let decoded: WorkerToHost = wiregen_runtime::from_str(&text).unwrap();
        assert_eq!(wiregen_runtime::to_value(&decoded).unwrap(), message);
    }
    let missing = wiregen_runtime::from_str::<WorkerToHost>(
        r#"{"type":"theme_apply_palette","requestId":"r1"}"#,
    );
    assert!(missing.unwrap_err().to_string().contains("palette"));
}

#[test]
fn integral_numbers_encode_like_javascript() {
    let text = r#"{"type":"backend_process_spawn","requestId":"r1","options":{"entry":"a.js","startupTimeoutMs":30000,"heartbeatTimeoutMs":1.5}}"#;
    let decoded: WorkerToHost = wiregen_runtime::from_str(text).unwrap();
    assert_eq!(wiregen_runtime::to_string(&decoded).unwrap(), text);
}

#[test]
fn unions_cover_every_variant_and_keep_unknown_members_and_tags() {
    let unions: &[(&str, &str, &[&str])] = &[
        (
            "WorkerToHost",
            "type",
            wiregen_generated::lumiverse_spindle::WorkerToHost::TAGS,
        ),
        (
            "HostToWorker",
            "type",
            wiregen_generated::lumiverse_spindle::HostToWorker::TAGS,
        ),
    ];
    assert!(crate::corpus::check_forward(DIR, unions, decode) > 0);
}
