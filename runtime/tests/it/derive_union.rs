//! `#[derive(Union)]` on enums written exactly as generated code writes them: round trips, corners and errors.

// Shadow the crate names: an expansion that used a bare `serde::` or `serde_json::`
// path would resolve to these empty modules and fail to compile.
mod serde {}
mod serde_json {}

#[allow(unused_imports)]
use ::wiregen_runtime as wg;
use wg::serde_json::json;

pub mod worker_to_host {
    #[allow(unused_imports)]
    use ::wiregen_runtime as wg;

    /// A payload without the tag member.
    #[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
    #[serde(crate = "wg::serde")]
    pub struct BackendProcessSpawn {
        #[serde(rename = "requestId")]
        pub request_id: String,
        pub options: Options,
    }

    /// A nested struct, to see field paths below the top level.
    #[derive(Debug, Clone, PartialEq, Default, wg::Serialize, wg::Deserialize)]
    #[serde(crate = "wg::serde")]
    pub struct Options {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cwd: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub args: Vec<String>,
    }

    /// A recursive payload.
    #[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
    #[serde(crate = "wg::serde")]
    pub struct Group {
        pub members: Vec<super::WorkerToHost>,
    }
}

/// Always `"oauth_callback"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, wg::Literal)]
#[wiregen(value = "oauth_callback")]
pub struct OauthCallbackType;

/// A payload that has its own tag member, used standalone elsewhere.
#[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
#[serde(crate = "wg::serde")]
pub struct OauthCallbackMessage {
    #[serde(rename = "type")]
    pub kind: OauthCallbackType,
    pub code: String,
}

/// A message union, internally tagged by `type`.
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type")]
pub enum WorkerToHost {
    /// payload struct without the tag field
    #[wiregen(rename = "backend_process_spawn")]
    BackendProcessSpawn(worker_to_host::BackendProcessSpawn),
    /// payload that reads and writes its own tag member
    #[wiregen(rename = "oauth_callback", self_tagged)]
    OauthCallback(OauthCallbackMessage),
    /// recursive payloads are boxed
    #[wiregen(rename = "group")]
    Group(Box<worker_to_host::Group>),
    /// only the tag
    #[wiregen(rename = "ping")]
    Ping,
    /// catch-all
    #[wiregen(other)]
    Unknown(wg::Value),
}

/// The same union without a catch-all (and the runtime named by its alias).
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type", crate = "wg")]
pub enum Strict {
    #[wiregen(rename = "backend_process_spawn")]
    BackendProcessSpawn(worker_to_host::BackendProcessSpawn),
    #[wiregen(rename = "ping")]
    Ping,
    /// Named as written: the tag is `Pong`.
    Pong,
}

pub mod session_event {
    #[allow(unused_imports)]
    use ::wiregen_runtime as wg;

    #[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
    #[serde(crate = "wg::serde")]
    pub struct SessionStarted {
        pub id: u32,
        #[serde(default)]
        pub note: Option<String>,
    }
}

/// Adjacently tagged: `{"type": "...", "data": {...}}`.
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type", content = "data")]
pub enum SessionEvent {
    #[wiregen(rename = "session.started")]
    SessionStarted(session_event::SessionStarted),
    #[wiregen(rename = "maybe")]
    Maybe(Option<u32>),
    #[wiregen(rename = "ping")]
    Ping,
    #[wiregen(other)]
    Unknown(wg::Value),
}

/// An empty union: every message is an error.
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "kind")]
pub enum Nothing {}

fn spawn(id: &str) -> WorkerToHost {
    WorkerToHost::BackendProcessSpawn(worker_to_host::BackendProcessSpawn {
        request_id: id.to_owned(),
        options: worker_to_host::Options::default(),
    })
}

fn decode<T: wg::serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    wg::from_str(json).map_err(|err| err.to_string())
}

#[test]
fn constants_and_tag() {
    assert_eq!(WorkerToHost::TAG, "type");
    assert_eq!(
        WorkerToHost::TAGS,
        ["backend_process_spawn", "oauth_callback", "group", "ping"]
    );
    assert_eq!(Strict::TAGS, ["backend_process_spawn", "ping", "Pong"]);
    assert_eq!(SessionEvent::CONTENT, "data");
    assert_eq!(Nothing::TAGS, [] as [&str; 0]);
    assert_eq!(spawn("r").tag(), "backend_process_spawn");
    assert_eq!(WorkerToHost::Ping.tag(), "ping");
    assert_eq!(WorkerToHost::Unknown(json!({"type": "x"})).tag(), "x");
    assert_eq!(WorkerToHost::Unknown(json!({"type": 1})).tag(), "");
    assert_eq!(WorkerToHost::Unknown(json!(["y", 1])).tag(), "y");
    assert_eq!(WorkerToHost::Unknown(json!(null)).tag(), "");
}

#[test]
fn tag_first_middle_and_last() {
    let expected = spawn("r1");
    for json in [
        r#"{"type":"backend_process_spawn","requestId":"r1","options":{}}"#,
        r#"{"requestId":"r1","type":"backend_process_spawn","options":{}}"#,
        r#"{"requestId":"r1","options":{},"type":"backend_process_spawn"}"#,
        r#"{"options":{"extra":true},"requestId":"r1","unknown":[1,{"a":null}],"type":"backend_process_spawn","more":"x"}"#,
        r#"{"t\u0079pe":"backend_\u0070rocess_spawn","request\u0049d":"r1","options":{}}"#,
    ] {
        assert_eq!(decode::<WorkerToHost>(json), Ok(expected.clone()), "{json}");
        assert_eq!(
            wg::serde_json::from_str::<WorkerToHost>(json).ok(),
            Some(expected.clone())
        );
        assert_eq!(
            wg::from_value::<WorkerToHost>(wg::serde_json::from_str(json).unwrap_or_default()).ok(),
            Some(expected.clone())
        );
    }
    assert_eq!(
        wg::to_string(&expected).ok().as_deref(),
        Some(r#"{"type":"backend_process_spawn","requestId":"r1","options":{}}"#)
    );
}

#[test]
fn reads_from_a_reader_and_from_a_value() {
    let json = br#"{"options":{},"requestId":"r\n","type":"backend_process_spawn"}"#;
    let msg: Result<WorkerToHost, _> = wg::serde_json::from_reader(&json[..]);
    assert_eq!(msg.ok(), Some(spawn("r\n")));
    let value = json!({"type": "ping", "x": 1});
    assert_eq!(
        wg::from_value::<WorkerToHost>(value).ok(),
        Some(WorkerToHost::Ping)
    );
}

#[test]
fn self_tagged_payload_gets_its_tag() {
    let msg = WorkerToHost::OauthCallback(OauthCallbackMessage {
        kind: OauthCallbackType,
        code: "c".to_owned(),
    });
    let encoded = r#"{"type":"oauth_callback","code":"c"}"#;
    assert_eq!(wg::to_string(&msg).ok().as_deref(), Some(encoded));
    assert_eq!(decode::<WorkerToHost>(encoded), Ok(msg.clone()));
    assert_eq!(
        decode::<WorkerToHost>(r#"{"code":"c","type":"oauth_callback"}"#),
        Ok(msg.clone())
    );
    assert_eq!(decode::<WorkerToHost>(r#"["oauth_callback","c"]"#), Ok(msg));
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":"oauth_callback","code":"c","type":"oauth_callback"}"#),
        Err("type: duplicate field `type` at line 1 column 42".to_owned())
    );
}

#[test]
fn boxed_recursive_payload() {
    let msg = WorkerToHost::Group(Box::new(worker_to_host::Group {
        members: vec![spawn("a"), WorkerToHost::Ping],
    }));
    let encoded = wg::to_string(&msg).unwrap_or_default();
    assert_eq!(
        encoded,
        r#"{"type":"group","members":[{"type":"backend_process_spawn","requestId":"a","options":{}},{"type":"ping"}]}"#
    );
    assert_eq!(decode::<WorkerToHost>(&encoded), Ok(msg.clone()));
    let reordered = r#"{"members":[{"requestId":"a","options":{},"type":"backend_process_spawn"},{"type":"ping"}],"type":"group"}"#;
    assert_eq!(decode::<WorkerToHost>(reordered), Ok(msg));
}

#[test]
fn unit_variants() {
    assert_eq!(
        wg::to_string(&WorkerToHost::Ping).ok().as_deref(),
        Some(r#"{"type":"ping"}"#)
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":"ping"}"#),
        Ok(WorkerToHost::Ping)
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"{"a":{"b":[1]},"type":"ping","c":null}"#),
        Ok(WorkerToHost::Ping)
    );
    assert_eq!(decode::<Strict>(r#"{"type":"Pong"}"#), Ok(Strict::Pong));
    assert_eq!(decode::<Strict>(r#"["Pong"]"#), Ok(Strict::Pong));
    assert_eq!(
        decode::<Strict>(r#"["Pong", 1]"#),
        Err("invalid length 1, expected 0 elements in sequence at line 1 column 11".to_owned())
    );
}

#[test]
fn sequence_form_like_serde() {
    let expected = Strict::BackendProcessSpawn(worker_to_host::BackendProcessSpawn {
        request_id: "r".to_owned(),
        options: worker_to_host::Options::default(),
    });
    assert_eq!(
        decode::<Strict>(r#"["backend_process_spawn","r",{}]"#),
        Ok(expected)
    );
    assert!(decode::<Strict>(r#"["backend_process_spawn","r"]"#).is_err());
    assert!(decode::<Strict>(r#"["backend_process_spawn","r",{},1]"#).is_err());
    assert_eq!(
        decode::<Strict>("[]"),
        Err("missing field `type` at line 1 column 2".to_owned())
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"["new",1,{"a":2}]"#),
        Ok(WorkerToHost::Unknown(json!(["new", 1, {"a": 2}])))
    );
}

#[test]
fn unknown_tags_with_and_without_other() {
    for json in [
        r#"{"type":"brand_new","x":[1,2],"y":{"z":null}}"#,
        r#"{"x":[1,2],"type":"brand_new","y":{"z":null}}"#,
        r#"{"x":[1,2],"y":{"z":null},"type":"brand_new"}"#,
    ] {
        let value: wg::Value = wg::serde_json::from_str(json).unwrap_or_default();
        let msg = decode::<WorkerToHost>(json);
        assert_eq!(msg, Ok(WorkerToHost::Unknown(value.clone())), "{json}");
        let Ok(msg) = msg else { continue };
        assert_eq!(msg.tag(), "brand_new");
        assert_eq!(wg::to_value(&msg).ok(), Some(value));
    }
    assert_eq!(
        decode::<Strict>(r#"{"x":1,"type":"brand_new"}"#),
        Err("type: unknown `type` value `brand_new`, expected one of `backend_process_spawn`, `ping`, `Pong` at line 1 column 25".to_owned())
    );
    assert_eq!(
        decode::<Nothing>(r#"{"kind":"a"}"#),
        Err("kind: unknown `kind` value `a`, there are no variants at line 1 column 11".to_owned())
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":"new","type":"new"}"#),
        Err("duplicate field `type` at line 1 column 20".to_owned())
    );
}

#[test]
fn errors_name_the_field() {
    // Live entries: the path comes from serde_path_to_error, with the position.
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":"backend_process_spawn","requestId":5,"options":{}}"#),
        Err(
            "requestId: invalid type: integer `5`, expected a string at line 1 column 45"
                .to_owned()
        )
    );
    assert_eq!(
        decode::<WorkerToHost>(
            r#"{"type":"backend_process_spawn","requestId":"r","options":{"args":[1]}}"#
        ),
        Err(
            "options.args[0]: invalid type: integer `1`, expected a string at line 1 column 68"
                .to_owned()
        )
    );
    // Buffered entries (before the tag): the key prefixes the message.
    assert_eq!(
        decode::<WorkerToHost>(r#"{"requestId":5,"type":"backend_process_spawn","options":{}}"#),
        Err(
            "requestId: invalid type: integer `5`, expected a string at line 1 column 45"
                .to_owned()
        )
    );
    assert_eq!(
        decode::<WorkerToHost>(
            r#"{"options":{"args":["a",1]},"type":"backend_process_spawn","requestId":"r"}"#
        ),
        Err(
            "options.args[1]: invalid type: integer `1`, expected a string at line 1 column 58"
                .to_owned()
        )
    );
    // Without path tracking, buffered entries still name their key.
    let err = wg::serde_json::from_str::<WorkerToHost>(
        r#"{"requestId":5,"type":"backend_process_spawn","options":{}}"#,
    );
    assert_eq!(
        err.map_err(|err| err.to_string()),
        Err(
            "requestId: invalid type: integer `5`, expected a string at line 1 column 45"
                .to_owned()
        )
    );
    // The tag itself.
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":5}"#),
        Err("type: invalid type: integer `5`, expected the `type` tag as a string at line 1 column 9".to_owned())
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"{"a":1}"#),
        Err("missing field `type` at line 1 column 7".to_owned())
    );
    assert_eq!(
        decode::<WorkerToHost>(r#"{"type":"backend_process_spawn"}"#),
        Err("missing field `requestId` at line 1 column 32".to_owned())
    );
    assert_eq!(
        decode::<WorkerToHost>("5"),
        Err("invalid type: integer `5`, expected an object with a `type` tag (internally tagged enum WorkerToHost) at line 1 column 1".to_owned())
    );
    assert_eq!(
        decode::<SessionEvent>(r#"{"type":"session.started","data":{"id":"x"}}"#),
        Err(r#"data.id: invalid type: string "x", expected u32 at line 1 column 42"#.to_owned())
    );
    assert_eq!(
        decode::<SessionEvent>(r#"{"data":{"id":"x"},"type":"session.started"}"#),
        Err(r#"data.id: invalid type: string "x", expected u32 at line 1 column 44"#.to_owned())
    );
}

#[test]
fn adjacent_round_trips() {
    let started = SessionEvent::SessionStarted(session_event::SessionStarted { id: 3, note: None });
    let encoded = r#"{"type":"session.started","data":{"id":3,"note":null}}"#;
    assert_eq!(wg::to_string(&started).ok().as_deref(), Some(encoded));
    for json in [
        encoded,
        r#"{"data":{"id":3},"type":"session.started"}"#,
        r#"{"x":1,"data":{"id":3,"other":2},"y":[],"type":"session.started","z":{}}"#,
        r#"{"type":{"session.started":null},"data":{"id":3}}"#,
        r#"["session.started",{"id":3}]"#,
    ] {
        assert_eq!(decode::<SessionEvent>(json), Ok(started.clone()), "{json}");
    }
    assert_eq!(
        wg::to_string(&SessionEvent::Ping).ok().as_deref(),
        Some(r#"{"type":"ping"}"#)
    );
    for json in [
        r#"{"type":"ping"}"#,
        r#"{"type":"ping","data":null}"#,
        r#"{"data":null,"type":"ping"}"#,
        r#"["ping",null]"#,
    ] {
        assert_eq!(
            decode::<SessionEvent>(json),
            Ok(SessionEvent::Ping),
            "{json}"
        );
    }
    for json in [
        r#"{"type":"ping","data":{}}"#,
        r#"["ping"]"#,
        r#"{"data":1,"type":"ping"}"#,
    ] {
        assert!(decode::<SessionEvent>(json).is_err(), "{json}");
    }
    // A missing content member is `None` for an `Option` payload, an error otherwise.
    assert_eq!(
        decode::<SessionEvent>(r#"{"type":"maybe"}"#),
        Ok(SessionEvent::Maybe(None))
    );
    assert_eq!(
        decode::<SessionEvent>(r#"{"type":"maybe","data":4}"#),
        Ok(SessionEvent::Maybe(Some(4)))
    );
    assert_eq!(
        decode::<SessionEvent>(r#"{"type":"session.started"}"#),
        Err("missing field `data` at line 1 column 26".to_owned())
    );
}

#[test]
fn adjacent_corners_and_unknown_tags() {
    for (json, err) in [
        (r#"{"type":"ping","type":"ping"}"#, "duplicate field `type`"),
        (
            r#"{"type":"maybe","data":1,"data":2}"#,
            "duplicate field `data`",
        ),
        (
            r#"{"data":1,"data":2,"type":"maybe"}"#,
            "duplicate field `data`",
        ),
        (
            r#"{"data":1,"type":"maybe","type":"maybe"}"#,
            "duplicate field `type`",
        ),
        (r#"{"data":1}"#, "missing field `type`"),
        ("{}", "missing field `type`"),
        (
            "[]",
            "invalid length 0, expected an object with a `type` tag (adjacently tagged enum SessionEvent)",
        ),
    ] {
        let found = decode::<SessionEvent>(json).err().unwrap_or_default();
        assert!(found.contains(err), "{json}: {found}");
    }
    for json in [
        r#"{"type":"later","data":{"a":1},"extra":true}"#,
        r#"{"extra":true,"data":{"a":1},"type":"later"}"#,
    ] {
        let value: wg::Value = wg::serde_json::from_str(json).unwrap_or_default();
        let msg = decode::<SessionEvent>(json);
        assert_eq!(msg, Ok(SessionEvent::Unknown(value.clone())), "{json}");
        assert_eq!(
            msg.ok().and_then(|msg| wg::to_value(&msg).ok()),
            Some(value)
        );
    }
    assert_eq!(
        decode::<SessionEvent>(r#"["later",[1]]"#),
        Ok(SessionEvent::Unknown(json!(["later", [1]])))
    );
}

/// Adjacently tagged and strict (what wiregen emits with `strict = true`).
#[derive(Debug, Clone, PartialEq, wg::Union)]
#[wiregen(tag = "type", content = "data", deny_unknown_fields)]
pub enum StrictEvent {
    #[wiregen(rename = "ping")]
    Ping(u32),
    #[wiregen(rename = "stop")]
    Stop,
}

#[test]
fn strict_adjacent_unions_reject_unknown_top_level_keys_naming_them() {
    let ok: StrictEvent = wg::from_str(r#"{"type":"ping","data":1}"#).unwrap();
    assert_eq!(ok, StrictEvent::Ping(1));
    let ok: StrictEvent = wg::from_str(r#"{"data":2,"type":"ping"}"#).unwrap();
    assert_eq!(ok, StrictEvent::Ping(2));
    for text in [
        r#"{"type":"ping","data":1,"extra":true}"#,
        r#"{"extra":true,"type":"ping","data":1}"#,
        r#"{"type":"ping","extra":true,"data":1}"#,
        r#"{"data":1,"extra":true,"type":"ping"}"#,
        r#"{"type":"stop","extra":true}"#,
    ] {
        let err = wg::from_str::<StrictEvent>(text).unwrap_err().to_string();
        assert!(err.contains("unknown field `extra`"), "{text}: {err}");
    }
    // The default stays tolerant.
    let tolerant: SessionEvent = wg::from_str(r#"{"type":"ping","extra":true}"#).unwrap();
    assert_eq!(tolerant, SessionEvent::Ping);
}
