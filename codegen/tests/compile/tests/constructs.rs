//! Round trips through the code generated for every construct fixture: valid messages decode
//! and encode back to the identical JSON; invalid ones are rejected with the field named.

use wiregen_fixtures as fx;
use wiregen_runtime::serde::{Serialize, de::DeserializeOwned};
use wiregen_runtime::serde_json::{Value, json};

/// Decodes `value` as `T`, encodes it again and asserts nothing changed.
fn same<T: DeserializeOwned + Serialize + std::fmt::Debug>(value: Value) -> T {
    let text = value.to_string();
    let decoded: T = wiregen_runtime::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let back = wiregen_runtime::to_value(&decoded).unwrap();
    assert_eq!(back, value, "round trip changed the message");
    decoded
}

/// Asserts decoding fails and the error mentions `needle`.
fn rejects<T: DeserializeOwned + std::fmt::Debug>(value: Value, needle: &str) {
    match wiregen_runtime::from_str::<T>(&value.to_string()) {
        Ok(v) => panic!("{value} was accepted as {v:?}"),
        Err(e) => assert!(
            e.to_string().contains(needle),
            "error for {value} does not mention `{needle}`: {e}"
        ),
    }
}

#[test]
fn scalars_round_trip_and_numbers_encode_like_javascript() {
    use fx::primitives::Scalars;
    for ratio in [json!(1), json!(1.5), json!(-0.25), json!(1e21)] {
        let s: Scalars = same(
            json!({"name": "n", "enabled": true, "ratio": ratio, "count": 7, "payload": {"a": [1, null]}, "anything": "x", "alsoAnything": [1]}),
        );
        assert_eq!(s.count, 7);
    }
    rejects::<Scalars>(
        json!({"name": 1, "enabled": true, "ratio": 1, "count": 7, "payload": 1, "anything": 1, "alsoAnything": 1}),
        "name",
    );
    rejects::<Scalars>(
        json!({"name": "n", "enabled": true, "ratio": 1, "count": 1.5, "payload": 1, "anything": 1, "alsoAnything": 1}),
        "count",
    );
}

#[test]
fn arrays_and_tuples_round_trip() {
    use fx::arrays_tuples::Lists;
    let l: Lists = same(
        json!({"tags": ["a"], "scores": [1, 2.5], "matrix": [[1, 2], []], "point": [3, 4.5], "pair": ["x", false], "anyList": [null, {}], "entries": [{"key": "k"}]}),
    );
    assert_eq!(l.point, (3.0, 4.5));
    rejects::<Lists>(
        json!({"tags": ["a"], "scores": [], "matrix": [], "point": [1], "pair": ["x", false], "anyList": [], "entries": []}),
        "point",
    );
}

#[test]
fn maps_keep_every_key_and_known_fields_with_extra_keys_split() {
    use fx::maps::{Limits, Maps};
    same::<Maps>(
        json!({"metadata": {"b": 1, "a": [true]}, "counts": {"x": 1}, "weights": {"w": 0.5, "v": 2}, "nested": {"n": {"max": 3, "soft": 2}}, "open": {"k": "v"}}),
    );
    let l: Limits = same(json!({"max": 10, "burst": 20, "idle": 1.5}));
    assert_eq!(l.additional_properties.len(), 2);
    // serde buffers flattened maps, so the error names the expected type but not the key.
    rejects::<Limits>(json!({"max": 10, "burst": "high"}), "expected f64");
}

#[test]
fn the_four_presence_states_round_trip_and_stay_apart() {
    use fx::presence::Presence;
    use wiregen_runtime::Maybe;
    let base = json!({"required": "r", "nullable": null, "nullableRef": null});
    let p: Presence = same(base.clone());
    assert_eq!(
        (p.optional.clone(), p.nullable.clone(), p.patch.clone()),
        (None, None, Maybe::Absent)
    );
    let p: Presence = same(
        json!({"required": "r", "optional": "o", "nullable": "n", "patch": null, "nullableRef": {"id": "t"}, "optionalNumber": 2, "patchNumber": null}),
    );
    assert_eq!(p.patch, Maybe::Null);
    let p: Presence = same(
        json!({"required": "r", "nullable": null, "patch": "v", "nullableRef": null, "patchNumber": 3}),
    );
    assert_eq!(p.patch, Maybe::Value("v".to_string()));
    rejects::<Presence>(
        json!({"required": "r", "optional": null, "nullable": null, "nullableRef": null}),
        "optional",
    );
    rejects::<Presence>(
        json!({"required": "r", "nullableRef": null}),
        "missing field `nullable`",
    );
    rejects::<Presence>(
        json!({"nullable": null, "nullableRef": null}),
        "missing field `required`",
    );
}

#[test]
fn literal_members_are_written_and_checked() {
    use fx::literals::{Ack, ProtocolVersion};
    let ack: Ack = same(
        json!({"status": "ok", "queued": true, "version": 2, "jsonrpc": "2.0", "nothing": null}),
    );
    assert_eq!(
        wiregen_runtime::to_value(&Ack::default()).unwrap(),
        json!({"status": "ok", "queued": true, "version": 2, "jsonrpc": "2.0", "nothing": null})
    );
    assert_eq!(ack, Ack::default());
    same::<Ack>(
        json!({"status": "ok", "queued": true, "version": 2, "jsonrpc": "2.0", "note": "optional constant", "nothing": null}),
    );
    rejects::<Ack>(
        json!({"status": "fine", "queued": true, "version": 2, "jsonrpc": "2.0", "nothing": null}),
        "status",
    );
    rejects::<Ack>(
        json!({"status": "ok", "queued": false, "version": 2, "jsonrpc": "2.0", "nothing": null}),
        "queued",
    );
    rejects::<Ack>(
        json!({"status": "ok", "queued": true, "jsonrpc": "2.0", "nothing": null}),
        "version",
    );
    same::<ProtocolVersion>(json!("1.4"));
}

#[test]
fn string_enums_round_trip_and_keep_unknown_strings_unless_strict() {
    use fx::string_enums::{Dialog, Level, ProcessState};
    for v in ["starting", "timed_out", "in-progress", "HTTPError", "2xx"] {
        let s: ProcessState = same(json!(v));
        assert_eq!(s.as_str(), v);
    }
    assert_eq!(
        same::<ProcessState>(json!("paused")),
        ProcessState::Other("paused".into())
    );
    rejects::<fx::strict_string_enums::ProcessState>(json!("paused"), "paused");
    same::<Level>(json!("warn"));
    same::<Dialog>(json!({"variant": "danger", "maybeLevel": null}));
    same::<Dialog>(json!({"maybeLevel": "high"}));
    rejects::<Dialog>(json!({}), "maybeLevel");
}

#[test]
fn tagged_union_variants_round_trip_with_the_tag_anywhere() {
    use fx::tagged_unions::{ClientMessage, ControlMessage, Ping};
    let messages = [
        json!({"type": "process_spawn", "requestId": "r", "entry": "a.js", "timeoutMs": 1000}),
        json!({"type": "queue.reorder", "order": ["b", "a"]}),
        json!({"type": "provider/complete", "prompt": "hi"}),
        json!({"type": "ToolCallStart"}),
        json!({"type": "ping", "at": "now"}),
    ];
    for (m, tag) in messages.iter().zip(ClientMessage::TAGS) {
        let decoded: ClientMessage = same(m.clone());
        assert_eq!(decoded.tag(), *tag);
    }
    let tag_last: ClientMessage =
        wiregen_runtime::from_str(r#"{"prompt":"hi","type":"provider/complete"}"#).unwrap();
    assert_eq!(tag_last.tag(), "provider/complete");
    same::<Ping>(json!({"type": "ping", "at": "now"}));
    rejects::<Ping>(json!({"type": "pong", "at": "now"}), "type");
    same::<ControlMessage>(json!({"action": "session.resume", "force": true}));
    rejects::<ClientMessage>(
        json!({"type": "process_spawn", "requestId": 5, "entry": "a.js"}),
        "requestId",
    );
    rejects::<ClientMessage>(json!({"requestId": "r"}), "type");
}

#[test]
fn unknown_tags_are_kept_by_default_and_rejected_when_strict() {
    let m = json!({"type": "brand_new", "x": [1, 2.5]});
    let decoded: fx::tagged_unions::ClientMessage = same(m.clone());
    assert!(matches!(
        decoded,
        fx::tagged_unions::ClientMessage::Unknown(_)
    ));
    rejects::<fx::strict_tagged_unions::ClientMessage>(m, "brand_new");
    rejects::<fx::strict_tagged_unions::ClientMessage>(
        json!({"type": "provider/complete", "prompt": "p", "x": 1}),
        "x",
    );
}

#[test]
fn adjacent_tagged_events_round_trip() {
    use fx::adjacent_union::SessionEvent;
    same::<SessionEvent>(json!({"type": "session.started", "data": {"sessionId": "s1"}}));
    same::<SessionEvent>(json!({"type": "session.ended", "data": {"reason": null}}));
    rejects::<SessionEvent>(json!({"type": "session.ended", "data": {}}), "reason");
}

#[test]
fn strict_adjacent_unions_reject_unknown_top_level_keys() {
    use fx::adjacent_union::SessionEvent;
    // Default: unknown top-level keys are ignored.
    same::<SessionEvent>(json!({"type": "session.ended", "data": {"reason": null}}));
    let extra = json!({"type": "session.ended", "data": {"reason": null}, "extra": 1});
    assert!(wiregen_runtime::from_value::<SessionEvent>(extra.clone()).is_ok());
    // Strict: they are errors that name the key.
    rejects::<fx::strict_adjacent_union::SessionEvent>(extra, "extra");
}

#[test]
fn schema_text_in_docs_generates_compiling_code() {
    use fx::doc_injection::{Event, Fenced, Mode};
    same::<Fenced>(json!({"indented": "x", "weird\n```\npanic!(\"name\")": {"a": "b"}}));
    same::<Mode>(json!("    panic!()"));
    same::<Event>(json!({"type": "\n```\npanic!(\"tag\")\n", "data": "x"}));
}

#[test]
fn untagged_unions_pick_the_most_specific_member() {
    use fx::untagged_unions::{Id, PermissionResponse, StringOrNumber};
    assert!(matches!(
        same::<PermissionResponse>(json!({"optionId": "o", "remember": true})),
        PermissionResponse::AllowAlways(_)
    ));
    assert!(matches!(
        same::<PermissionResponse>(json!({"optionId": "o"})),
        PermissionResponse::Allow(_)
    ));
    assert!(matches!(
        same::<PermissionResponse>(json!({"cancelled": true})),
        PermissionResponse::Cancelled(_)
    ));
    assert!(matches!(
        same::<StringOrNumber>(json!(3)),
        StringOrNumber::Number(_)
    ));
    assert!(matches!(
        same::<StringOrNumber>(json!("3")),
        StringOrNumber::String(_)
    ));
    assert_eq!(same::<Id>(json!(null)), None);
    same::<Id>(json!(12));
    rejects::<PermissionResponse>(json!({"other": 1}), "PermissionResponse");
}

#[test]
fn all_of_merges_into_one_struct_in_order() {
    use fx::allof::Document;
    let d: Document =
        same(json!({"id": "d1", "by": "me", "title": "T", "createdAt": "2026-01-01T00:00:00Z"}));
    assert_eq!(
        (d.id.as_str(), d.by.as_str(), d.title.as_str()),
        ("d1", "me", "T")
    );
    let text = wiregen_runtime::to_string(&d).unwrap();
    assert!(text.starts_with(r#"{"id":"d1","createdAt""#), "{text}");
    rejects::<Document>(json!({"id": "d1", "title": "T"}), "by");
}

#[test]
fn recursive_types_nest() {
    use fx::recursive::{RenderBlock, TreeNode};
    same::<RenderBlock>(
        json!({"kind": "card", "body": {"kind": "group", "children": [{"kind": "text", "text": "a"}, {"kind": "card", "body": {"kind": "text", "text": "b"}}]}, "footer": {"kind": "text", "text": "f"}}),
    );
    same::<TreeNode>(
        json!({"value": 1, "next": {"value": 2, "children": []}, "children": [{"value": 3, "children": []}]}),
    );
}

#[test]
fn mangled_names_keep_their_wire_names() {
    use fx::naming::{BackendProcessStateDto, HttpStatus, ResultType};
    let v: BackendProcessStateDto = same(
        json!({"type": "t", "self": "s", "userID": "u", "baseURL": "b", "2fa": true, "x-request-id": "x", "already_snake": "a"}),
    );
    assert_eq!(
        (v.r#type.as_str(), v.self_.as_str(), v._2fa),
        ("t", "s", true)
    );
    same::<ResultType>(json!({"ok": true}));
    let _: HttpStatus = 200;
}

#[test]
fn documented_defaults_are_available_without_changing_the_wire() {
    use fx::docs_defaults::{RestartPolicy, RestartPolicyType};
    let p: RestartPolicy = same(json!({}));
    assert_eq!(p.max_restarts_or_default(), 0);
    assert_eq!(p.backoff_ms_or_default(), 1000.0);
    assert!(p.jitter_or_default());
    assert_eq!(p.label_or_default(), "worker");
    assert_eq!(p.type_or_default(), RestartPolicyType::Always);
    let p: RestartPolicy = same(json!({"type": "never", "backoffMs": 250}));
    assert_eq!(p.type_or_default(), RestartPolicyType::Never);
    assert_eq!(p.backoff_ms_or_default(), 250.0);
}

#[test]
fn relative_file_refs_and_converter_output_work() {
    same::<fx::relative_ref::Envelope>(
        json!({"header": {"id": "h", "trace": "t"}, "body": {"any": 1}}),
    );
    use fx::draft07_tsjsg::WorkerMessage;
    same::<WorkerMessage>(json!({"type": "activate", "id": "w1", "settings": {"k": true}}));
    same::<WorkerMessage>(json!({"type": "log", "level": "info", "message": "m", "fields": ["a"]}));
    same::<fx::root_type::Heartbeat>(json!({"at": "now", "load": [0.5, 1]}));
}

#[test]
fn ts_json_schema_generator_output_round_trips() {
    use fx::tsjsg_session::{ClientMessage, SessionState};
    let open: ClientMessage = same(
        json!({"requestId": "r1", "type": "session.open", "participants": [{"id": "p", "avatar": null}, {"id": "q", "displayName": "Q"}], "idleTimeoutMs": 60000, "labels": {"team": "a"}}),
    );
    assert_eq!(open.tag(), "session.open");
    same::<ClientMessage>(json!({"requestId": "r2", "type": "session.close", "reason": null}));
    let report: ClientMessage = same(
        json!({"type": "session/state", "state": "running", "position": [1, 2.5], "extra": {"x": null}}),
    );
    let ClientMessage::StateReport(r) = report else {
        panic!("wrong variant")
    };
    assert_eq!(r.state, SessionState::Running);
    rejects::<ClientMessage>(
        json!({"requestId": "r2", "type": "session.close"}),
        "reason",
    );
}

#[test]
fn untagged_unions_decode_best_match_and_lose_no_key() {
    use fx::untagged_best_match::Reply;
    // `Text` is listed first and would accept this message by ignoring `flavor`; the member
    // that knows every key wins, so re-encoding keeps `flavor`.
    let r: Reply = same(json!({"value": "**hi**", "flavor": "gfm"}));
    assert!(matches!(r, Reply::Markdown(_)), "{r:?}");
    let r: Reply = same(json!({"value": "hi", "lang": "en"}));
    assert!(matches!(r, Reply::Text(_)), "{r:?}");
    // A tie (only the shared key): the first listed member.
    let r: Reply = same(json!({"value": "hi"}));
    assert!(matches!(r, Reply::Text(_)), "{r:?}");
    rejects::<Reply>(json!({"value": 1}), "no member of `Reply` matches");
}

#[test]
fn shared_members_are_merged_into_every_alternative() {
    use fx::union_shared_members::{Change, Lists, Scoped};
    let c: Change = same(json!({"op": "add", "path": "a.txt", "text": "hello"}));
    assert_eq!(c.path(), Some("a.txt"));
    let c: Change = same(json!({"op": "move", "path": "a.txt", "to": "b.txt", "meta": null}));
    assert!(matches!(c, Change::Move(ref m) if m.to == "b.txt"), "{c:?}");
    rejects::<Change>(json!({"op": "add", "text": "no path"}), "path");
    let s: Scoped = same(json!({"to": "x", "scope": "s"}));
    assert_eq!(s.to, "x");
    let l: Lists = same(json!([{"to": "x"}]));
    assert!(matches!(l, Lists::Array2(_)), "{l:?}");
}

#[test]
fn never_present_members_and_vendor_keywords_leave_plain_types() {
    use fx::vendor_keywords::Config;
    let c: Config = same(json!({"mode": "on", "title": "t", "level": 4, "_vendor": true}));
    assert_eq!(c.level, Some(4));
}

#[test]
fn a_member_open_to_any_tag_is_the_unknown_catch_all() {
    use fx::open_tag_member::Subject;
    let s: Subject = same(json!({"type": "command", "command": "ls"}));
    assert!(matches!(s, Subject::Command(_)), "{s:?}");
    // The protocol's "other" member: any other tag, every key kept.
    let s: Subject = same(json!({"type": "_vendor", "data": {"x": 1}}));
    assert!(matches!(s, Subject::Unknown(_)), "{s:?}");
    rejects::<Subject>(json!({"type": "command"}), "command");
}

#[test]
fn rust_name_hazards_compile_and_round_trip() {
    use fx::rust_name_hazards::{Event, Forest, Holder, Outcome, Tree};
    // `Tree = array of Tree` is a transparent newtype: the same JSON.
    let t: Tree = same(json!([[], [[]]]));
    assert_eq!(t.0.len(), 2);
    let f: Forest = same(json!({"a": {"b": {}}}));
    assert!(f.0.contains_key("a"));
    // Enum values named like `Result::Err`, `Self` and a keyword.
    for v in ["ok", "err", "Self", "type"] {
        let o: Outcome = same(json!(v));
        assert_eq!(o.as_str(), v);
    }
    #[allow(deprecated)]
    let h: Holder = same(json!({"legacy": {"id": "x"}, "status": "err", "tree": []}));
    assert!(h.legacy.is_some());
    let e: Event = same(json!({"type": "tag_message"}));
    assert!(matches!(e, Event::TagMessage(_)));
}

#[test]
fn adjacent_payloads_keep_javascript_numbers() {
    use fx::adjacent_numbers::Ev;
    for text in [
        r#"{"type":"progress","data":1}"#,
        r#"{"type":"progress","data":0.5}"#,
        r#"{"type":"many","data":[1,2.5,-3]}"#,
        r#"{"type":"label","data":"x"}"#,
    ] {
        let e: Ev = wiregen_runtime::from_str(text).unwrap();
        // Byte for byte: `1` is written `1`, not `1.0`.
        assert_eq!(wiregen_runtime::to_string(&e).unwrap(), text);
    }
}

#[test]
fn pattern_properties_keep_their_members() {
    use fx::pattern_properties::{Headers, Settings};
    let h: Headers = same(json!({"x-trace": "abc", "x-user": "u"}));
    assert_eq!(h.get("x-trace").map(String::as_str), Some("abc"));
    let s: Settings = same(json!({"name": "n", "ext.width": 3, "ext.height": 4}));
    assert_eq!(s.name, "n");
}

#[test]
fn constant_members_shared_by_every_message_compile_and_round_trip() {
    use fx::channel_constant_members::ClientMessage;
    let m: ClientMessage = same(json!({"jsonrpc": "2.0", "id": 7, "method": "ping"}));
    assert_eq!(m.correlation_id(), Some(&7));
    let m: ClientMessage =
        same(json!({"jsonrpc": "2.0", "id": 0, "method": "list", "cursor": "c"}));
    assert_eq!(m.correlation_id(), None);
    rejects::<ClientMessage>(
        json!({"jsonrpc": "1.0", "id": 1, "method": "ping"}),
        "jsonrpc",
    );
}

#[test]
fn the_discriminator_names_the_tag() {
    use fx::discriminator::Shape;
    assert_eq!(Shape::TAG, "kind");
    let s: Shape = same(json!({"kind": "circle", "type": "a", "r": 1}));
    assert!(matches!(s, Shape::Circle(_)), "{s:?}");
}

#[test]
fn names_that_collide_round_trip_under_their_resolved_rust_names() {
    use fx::name_collisions::{
        Bag, Change, ChangeHandler, ChangeHandler2, Event, Mode, ResultType, ResultType2, User,
        methods_2,
    };
    let u: User = same(json!({"userId": "u1", "user_id": 7}));
    assert_eq!((u.user_id.as_str(), u.user_id_2), ("u1", 7));
    let c: Change = same(json!({"type": "added", "userId": "u", "user_id": 3}));
    assert_eq!((c.user_id(), c.user_id_2()), (Some("u"), Some(&3)));
    let _: ChangeHandler = same(json!({"name": "mine"}));
    struct Count;
    impl ChangeHandler2 for Count {
        type Output = u32;
        fn unhandled(&mut self, _: Change) -> u32 {
            0
        }
        fn added(&mut self, m: fx::name_collisions::change::Added) -> u32 {
            m.user_id_2 as u32
        }
    }
    assert_eq!(c.dispatch(&mut Count), 3);
    assert_eq!(same::<Mode>(json!("a_b")), Mode::AB2);
    assert_eq!(same::<Mode>(json!("a-b")), Mode::AB);
    assert_eq!(same::<Mode>(json!("Other")), Mode::Other);
    assert_eq!(same::<Mode>(json!("new")), Mode::OtherValue("new".into()));
    assert!(matches!(
        same::<Event>(json!({"type": "a_b"})),
        Event::AB2(_)
    ));
    let b: Bag = same(json!({"additional_properties": "declared", "other": 1}));
    assert_eq!(b.additional_properties.as_deref(), Some("declared"));
    assert_eq!(b.additional_properties_2["other"], 1);
    let _: ResultType = same(json!({"ok": true}));
    let _: ResultType2 = same(json!({"code": 1}));
    use wiregen_runtime::jsonrpc::Request;
    assert_eq!(<methods_2::GetUser2 as Request>::METHOD, "get_user");
    assert_eq!(fx::name_collisions::error_codes::NOT_FOUND_2, -32002);
}

#[test]
fn a_types_own_derives_order_its_values() {
    use fx::settings_derives::Version;
    let mut versions: Vec<Version> = [
        json!({"major": 1, "minor": 2}),
        json!({"major": 0, "minor": 9, "label": "rc1"}),
        json!({"major": 1, "minor": 0}),
    ]
    .into_iter()
    .map(same::<Version>)
    .collect();
    versions.sort();
    let minors: Vec<i64> = versions.iter().map(|v| v.minor).collect();
    assert_eq!(minors, [9, 0, 2]);
}

#[test]
fn a_renamed_type_keeps_its_wire_form() {
    use fx::settings_rename::{Job, Queue};
    let q: Queue = same(json!({"pending": [{"id": "a"}, {"id": "b"}]}));
    assert_eq!(q.pending[1], Job { id: "b".into() });
}

#[test]
fn replaced_types_decode_as_the_replacement() {
    use fx::settings_replace::Peer;
    let p: Peer = same(json!({"address": "10.0.0.1", "backup": "::1", "labels": {"zone": "a"}}));
    assert_eq!(p.address, std::net::IpAddr::from([10, 0, 0, 1]));
    assert!(p.backup.is_some_and(|b| b.is_loopback()));
    rejects::<Peer>(json!({"address": "not an address"}), "address");
    // A type of the using crate, given to the builder over the schema's hint, and the derives
    // it declares.
    use fx::builder_settings::Node;
    let mut nodes: Vec<Node> = [
        json!({"address": "10.0.0.2", "labels": {"zone": "b"}}),
        json!({"address": "10.0.0.1", "labels": {"zone": "a"}}),
    ]
    .into_iter()
    .map(same::<Node>)
    .collect();
    nodes.sort();
    let labels: Option<&fx::replacements::Labels> = nodes[0].labels.as_ref();
    assert_eq!(labels.map(|l| l.0["zone"].as_str()), Some("a"));
}

#[test]
fn strictness_is_per_type() {
    use fx::settings_strict::{Command, Event, Level, Note, Signal};
    rejects::<Command>(json!({"name": "go", "force": true}), "force");
    same::<Command>(json!({"name": "go", "level": "high"}));
    let _: Note = wiregen_runtime::from_str(r#"{"text": "t", "extra": 1}"#).unwrap();
    rejects::<Level>(json!("medium"), "medium");
    rejects::<Signal>(json!({"type": "reset"}), "reset");
    assert!(matches!(
        same::<Event>(json!({"type": "paused"})),
        Event::Unknown(_)
    ));
    // A strict enum is `Copy`.
    let level = Level::High;
    let copied = level;
    assert_eq!(level, copied);
}

#[test]
fn a_forced_tag_decides_the_variant() {
    use fx::settings_tag::Frame;
    let f: Frame = same(json!({"type": "data", "channel": "audio", "bytes": "AAE="}));
    assert!(matches!(f, Frame::Audio(_)));
    assert_eq!(Frame::TAG, "channel");
}

#[test]
fn the_hinted_order_decides_between_look_alike_members() {
    use fx::settings_order::Body;
    assert!(matches!(
        same::<Body>(json!({"text": "*hi*"})),
        Body::Markdown(_)
    ));
}

#[test]
fn string_or_integer_ids_key_a_hash_map() {
    use fx::auto_derives::{Options, RequestId};
    let mut pending: std::collections::HashMap<RequestId, &str> = Default::default();
    pending.insert(same(json!(7)), "initialize");
    pending.insert(same(json!("7")), "tools/list");
    assert_eq!(pending[&RequestId::Integer(7)], "initialize");
    assert_eq!(pending[&RequestId::String("7".into())], "tools/list");
    assert_eq!(Options::default(), same::<Options>(json!({})));
}

#[test]
fn string_or_number_ids_key_a_hash_map_and_equal_numbers_hash_alike() {
    use fx::auto_derives::McpRequestId;
    use std::hash::BuildHasher;
    let mut pending: std::collections::HashMap<McpRequestId, &str> = Default::default();
    pending.insert(same(json!(1)), "initialize");
    pending.insert(same(json!("1")), "ping");
    pending.insert(same(json!(2.5)), "tools/call");
    assert_eq!(pending[&McpRequestId::Number(1.0)], "initialize");
    assert_eq!(pending[&McpRequestId::String("1".into())], "ping");
    assert_eq!(pending[&McpRequestId::Number(2.5)], "tools/call");
    // `-0` and `0` are equal, so they must hash alike.
    let hasher = std::collections::hash_map::RandomState::new();
    assert_eq!(McpRequestId::Number(-0.0), McpRequestId::Number(0.0));
    assert_eq!(
        hasher.hash_one(McpRequestId::Number(-0.0)),
        hasher.hash_one(McpRequestId::Number(0.0))
    );
    assert_ne!(
        hasher.hash_one(McpRequestId::Number(1.0)),
        hasher.hash_one(McpRequestId::String("1".into()))
    );
}

#[test]
fn mcp_shaped_unions_give_a_method_table_routed_per_side() {
    use fx::jsonrpc_inferred::{self as p, methods};
    use wiregen_runtime::jsonrpc::{self, Outbox, Reply, Request};
    struct Index;
    impl p::ServerServer for Index {
        fn index_search(
            &mut self,
            params: p::SearchRequestParams,
            out: &mut Outbox,
        ) -> Reply<p::SearchResult> {
            out.notify::<methods::NotificationsProgress>(
                &wiregen_runtime::from_value(json!({"done": 1})).unwrap(),
            );
            Ok(p::SearchResult {
                hits: vec![params.query],
            })
        }
    }
    assert_eq!(<methods::Ping as Request>::METHOD, "ping");
    let router = p::server_router::<Index>();
    assert_eq!(
        router.methods().collect::<Vec<_>>(),
        ["index/search", "notifications/cancelled", "ping"]
    );
    let frames = |frame: Value| -> Vec<Value> {
        router
            .handle(&mut Index, frame.to_string().as_bytes())
            .frames
            .iter()
            .map(|f| wiregen_runtime::serde_json::from_slice(f).unwrap())
            .collect()
    };
    assert_eq!(
        frames(
            json!({"jsonrpc": "2.0", "id": "s", "method": "index/search", "params": {"query": "q"}})
        ),
        [
            json!({"jsonrpc": "2.0", "method": "notifications/progress", "params": {"done": 1}}),
            json!({"jsonrpc": "2.0", "id": "s", "result": {"hits": ["q"]}}),
        ]
    );
    // `ping` has optional params and no `PingResult`: the envelope's generic result answers.
    assert_eq!(
        frames(json!({"jsonrpc": "2.0", "id": 1, "method": "ping"}))[0]["error"]["code"],
        json!(-32601)
    );
    // Only the client receives `user/confirm`.
    let e = frames(
        json!({"jsonrpc": "2.0", "id": 2, "method": "user/confirm", "params": {"question": "?"}}),
    );
    assert_eq!(e[0]["error"]["code"], json!(-32601));
    let confirm = jsonrpc::decode_params::<<methods::UserConfirm as Request>::Params>(
        "user/confirm",
        Some(&wiregen_runtime::serde_json::value::to_raw_value(&json!({"question": "?"})).unwrap()),
    )
    .unwrap();
    assert_eq!(confirm.question, "?");
    let incoming = jsonrpc::Incoming::parse(
        br#"{"jsonrpc":"2.0","id":"c","method":"user/confirm","params":{"question":5}}"#,
        p::ClientIncomingRequest::decode,
        p::ClientIncomingNotification::decode,
    )
    .unwrap_err();
    assert_eq!(
        incoming.request_id(),
        Some(&jsonrpc::Id::String("c".into()))
    );
    assert!(
        incoming.error().message.contains("question"),
        "{}",
        incoming.error()
    );
    same::<p::ClientRequest>(json!({"jsonrpc": "2.0", "id": 3, "method": "ping"}));
}

#[test]
fn dap_shaped_messages_give_requests_and_events_by_command() {
    use fx::dap_inferred::{self as p, methods};
    use wiregen_runtime::jsonrpc::{Notification, Request};
    assert_eq!(<methods::Launch as Request>::METHOD, "launch");
    assert_eq!(<methods::Threads as Request>::METHOD, "threads");
    assert_eq!(<methods::Stopped as Notification>::METHOD, "stopped");
    let raw = |v: Value| wiregen_runtime::serde_json::value::to_raw_value(&v).unwrap();
    let launch =
        p::AdapterRequest::decode("launch", Some(&raw(json!({"program": "a.out"})))).unwrap();
    assert!(matches!(&launch, p::AdapterRequest::Launch(a) if a.program == "a.out"));
    assert!(matches!(
        p::AdapterRequest::decode("threads", None),
        Ok(p::AdapterRequest::Threads(None))
    ));
    let e = p::AdapterRequest::decode("launch", Some(&raw(json!({})))).unwrap_err();
    assert!(e.message.contains("program"), "{e}");
    let body: <methods::Threads as Request>::Result =
        same(json!({"threads": [{"id": 1, "name": "main"}]}));
    assert_eq!(body.threads[0].name, "main");
    let stopped =
        p::ClientNotification::decode("stopped", Some(&raw(json!({"reason": "step"})))).unwrap();
    assert_eq!(stopped.method(), "stopped");
    same::<p::LaunchRequest>(
        json!({"seq": 1, "type": "request", "command": "launch", "arguments": {"program": "x"}}),
    );
    rejects::<p::LaunchRequest>(
        json!({"seq": 1, "type": "request", "command": "attach", "arguments": {"program": "x"}}),
        "command",
    );
}

#[test]
fn messages_of_unknown_kinds_still_give_their_ids_from_the_raw_json() {
    use fx::channels::{ClientToServer, ServerToClient};
    let m: ServerToClient = same(json!({"type": "later", "replyTo": "r9"}));
    assert_eq!(m.correlation_id(), Some("r9"));
    let m: ServerToClient = same(json!({"type": "later", "id": "e1"}));
    assert_eq!(m.correlation_id(), Some("e1"));
    let m: ClientToServer = same(json!({"type": "later", "requestId": "q", "topic": "t"}));
    assert_eq!(
        (m.request_id(), m.topic(), m.correlation_id()),
        (Some("q"), Some("t"), Some("q"))
    );
    let m: ClientToServer = same(json!({"type": "later", "requestId": 5}));
    assert_eq!(m.request_id(), None);
}
