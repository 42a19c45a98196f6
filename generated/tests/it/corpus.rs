//! Message-corpus checks shared by the crates that hold Spindle types (the checked-in
//! `generated/` crate, lenient, and the build.rs example, strict): a corpus case names its
//! `$defs` type, and `decode` maps that name to the Rust type.

use wiregen_runtime::serde_json::{self, Value};

/// One invalid message of `invalid.json`.
pub struct Invalid {
    pub ty: String,
    pub why: String,
    pub mentions: String,
    pub message: Value,
    pub strict_only: bool,
}

/// `valid.json`: type name → messages.
pub fn valid(dir: &str) -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(format!("{dir}/valid.json")).expect("valid.json");
    let map: serde_json::Map<String, Value> =
        serde_json::from_str(&text).expect("valid.json is JSON");
    map.into_iter()
        .flat_map(|(ty, list)| {
            list.as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |m| (ty.clone(), m))
        })
        .collect()
}

/// `invalid.json` cases.
pub fn invalid(dir: &str) -> Vec<Invalid> {
    let text = std::fs::read_to_string(format!("{dir}/invalid.json")).expect("invalid.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("invalid.json is JSON");
    cases
        .into_iter()
        .map(|c| Invalid {
            ty: c["type"].as_str().unwrap_or_default().to_string(),
            why: c["why"].as_str().unwrap_or_default().to_string(),
            mentions: c["mentions"].as_str().unwrap_or_default().to_string(),
            message: c["message"].clone(),
            strict_only: c["strict_only"].as_bool().unwrap_or(false),
        })
        .collect()
}

/// Decodes `text` as `T` and encodes it again.
pub fn round_trip<T>(text: &str) -> Result<Value, String>
where
    T: wiregen_runtime::serde::de::DeserializeOwned + wiregen_runtime::serde::Serialize,
{
    let value: T = wiregen_runtime::from_str(text).map_err(|e| e.to_string())?;
    wiregen_runtime::to_value(&value).map_err(|e| e.to_string())
}

/// `fn decode(type_name, text)` over the types of module `$m`: each corpus type name (the
/// schema's `$defs` key) mapped to its Rust type.
#[macro_export]
macro_rules! corpus_decoder {
    ($m:path; $($wire:literal => $ty:ident),* $(,)?) => {
        fn decode(ty: &str, text: &str) -> Result<wiregen_runtime::serde_json::Value, String> {
            use $m as s;
            match ty {
                $($wire => $crate::corpus::round_trip::<s::$ty>(text),)*
                other => panic!("corpus names a type the test does not list: {other}"),
            }
        }
    };
}

/// `fn decode` over the Spindle types of module `$m`.
#[macro_export]
macro_rules! spindle_decoder {
    ($m:path) => {
        $crate::corpus_decoder!($m;
            "WorkerToHost" => WorkerToHost,
            "HostToWorker" => HostToWorker,
            "CoreEventType" => CoreEventType,
            "ChatSwitchedPayloadDTO" => ChatSwitchedPayloadDto,
            "BackendProcessStateDTO" => BackendProcessStateDto,
            "BackendProcessExitReasonDTO" => BackendProcessExitReasonDto,
            "BackendProcessSpawnOptionsDTO" => BackendProcessSpawnOptionsDto,
            "BackendProcessInfoDTO" => BackendProcessInfoDto,
            "BackendProcessLifecycleEventDTO" => BackendProcessLifecycleEventDto,
            "BackendProcessListOptionsDTO" => BackendProcessListOptionsDto,
            "BackendProcessStopOptionsDTO" => BackendProcessStopOptionsDto,
            "FrontendProcessStateDTO" => FrontendProcessStateDto,
            "FrontendProcessExitReasonDTO" => FrontendProcessExitReasonDto,
            "FrontendProcessSpawnOptionsDTO" => FrontendProcessSpawnOptionsDto,
            "FrontendProcessInfoDTO" => FrontendProcessInfoDto,
            "FrontendProcessLifecycleEventDTO" => FrontendProcessLifecycleEventDto,
            "FrontendProcessListOptionsDTO" => FrontendProcessListOptionsDto,
            "FrontendProcessStopOptionsDTO" => FrontendProcessStopOptionsDto,
        );
    };
}

/// Every valid message decodes and encodes back to the identical JSON value.
pub fn check_valid(dir: &str, decode: fn(&str, &str) -> Result<Value, String>) -> usize {
    let cases = valid(dir);
    assert!(!cases.is_empty());
    for (ty, message) in &cases {
        let text = serde_json::to_string(message).expect("encode");
        match decode(ty, &text) {
            Ok(back) => assert_eq!(&back, message, "{ty}: round trip changed {text}"),
            Err(e) => panic!("{ty}: valid message rejected: {e}\n{text}"),
        }
    }
    cases.len()
}

/// Every invalid message is rejected with an error naming the field (cases marked
/// `strict_only` only when `strict`).
pub fn check_invalid(
    dir: &str,
    strict: bool,
    decode: fn(&str, &str) -> Result<Value, String>,
) -> usize {
    let mut checked = 0;
    for case in invalid(dir) {
        if case.strict_only && !strict {
            continue;
        }
        let text = serde_json::to_string(&case.message).expect("encode");
        match decode(&case.ty, &text) {
            Ok(v) => panic!("{} ({}) was accepted: {text} → {v}", case.ty, case.why),
            Err(e) => assert!(
                e.contains(&case.mentions),
                "{} ({}): error does not name `{}`: {e}",
                case.ty,
                case.why,
                case.mentions
            ),
        }
        checked += 1;
    }
    checked
}

/// Forward compatibility of the tagged unions `unions` (type name, tag key, known tags):
/// every corpus message of each union (a) also decodes with an unknown extra member, which is
/// ignored (kept by open objects), and (b) with its tag replaced by an unknown one, decodes into the catch-all and
/// re-encodes unchanged; and every known tag has at least one corpus message.
pub fn check_forward(
    dir: &str,
    unions: &[(&str, &str, &[&str])],
    decode: fn(&str, &str) -> Result<Value, String>,
) -> usize {
    let cases = valid(dir);
    let mut checked = 0;
    for (union, tag_key, tags) in unions {
        for tag in *tags {
            assert!(
                cases
                    .iter()
                    .any(|(ty, m)| ty == union && m[*tag_key] == *tag),
                "{union} variant `{tag}` has no corpus message"
            );
        }
        for (_, message) in cases.iter().filter(|(ty, _)| ty == union) {
            let Some(object) = message.as_object() else {
                continue;
            };
            let mut extra = object.clone();
            extra.insert("zzAddedInANewerVersion".into(), Value::from(1));
            let text = serde_json::to_string(&extra).expect("encode");
            let back = decode(union, &text)
                .unwrap_or_else(|e| panic!("{union}: unknown member rejected: {e}\n{text}"));
            // Ignored, or kept where the variant is an open object (`additionalProperties: {}`).
            assert!(
                back == *message || back == Value::Object(extra.clone()),
                "{union}: the unknown member was neither ignored nor kept: {back}"
            );

            let mut renamed = object.clone();
            renamed.insert(
                (*tag_key).to_string(),
                Value::from("zz_added_in_a_newer_version"),
            );
            let renamed = Value::Object(renamed);
            let text = serde_json::to_string(&renamed).expect("encode");
            let back = decode(union, &text)
                .unwrap_or_else(|e| panic!("{union}: unknown tag rejected: {e}\n{text}"));
            assert_eq!(
                back, renamed,
                "{union}: a message with an unknown tag was not kept unchanged"
            );
            checked += 1;
        }
    }
    checked
}
