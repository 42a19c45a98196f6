//! Round trips over hand-written messages of every wild-corpus protocol (written from each
//! protocol's documentation, not from its schema): every valid message decodes and encodes
//! back to the identical JSON; every invalid one is rejected with an error naming the field.
//! Compiled only when `scripts/wild-corpus.sh` generated the protocols (`cfg(wild)`).
#![cfg(wild)]

use wiregen_runtime::serde_json::{self, Value};

/// Decodes `text` as `T` and encodes it again.
fn round_trip<T>(text: &str) -> Result<Value, String>
where
    T: wiregen_runtime::serde::de::DeserializeOwned + wiregen_runtime::serde::Serialize,
{
    let value: T = wiregen_runtime::from_str(text).map_err(|e| e.to_string())?;
    wiregen_runtime::to_value(&value).map_err(|e| e.to_string())
}

/// `fn decode(type_name, text)` over the named types of a generated module.
macro_rules! decoder {
    ($name:ident, $m:path; $($wire:literal => $ty:ty),* $(,)?) => {
        fn $name(ty: &str, text: &str) -> Result<Value, String> {
            use $m as p;
            match ty {
                $($wire => round_trip::<$ty>(text),)*
                other => panic!("the corpus names a type the test does not list: {other}"),
            }
        }
    };
}

/// Checks `corpus/<dir>/valid.json` (type → messages) and `invalid.json` (type, message, the
/// text the error must mention), with at least `min_valid` / `min_invalid` cases.
fn check(
    dir: &str,
    decode: fn(&str, &str) -> Result<Value, String>,
    min_valid: usize,
    min_invalid: usize,
) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/");
    let read = |f: &str| -> Value {
        let path = format!("{root}{dir}/{f}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut failures = Vec::new();
    let mut valid = 0;
    for (ty, list) in read("valid.json")
        .as_object()
        .expect("valid.json: an object")
    {
        for m in list.as_array().expect("a list of messages per type") {
            valid += 1;
            match decode(ty, &m.to_string()) {
                Ok(back) if back == *m => {}
                Ok(back) => failures.push(format!(
                    "{ty}: changed on re-encoding\n  sent {m}\n  got  {back}"
                )),
                Err(e) => failures.push(format!("{ty}: rejected: {e}\n  {m}")),
            }
        }
    }
    let invalid = read("invalid.json");
    let cases = invalid.as_array().expect("invalid.json: a list");
    for c in cases {
        let ty = c["type"].as_str().expect("type");
        let mentions = c["mentions"].as_str().expect("mentions");
        match decode(ty, &c["message"].to_string()) {
            Ok(v) => failures.push(format!(
                "{ty}: accepted an invalid message ({}): {v}",
                c["why"]
            )),
            Err(e) if !e.contains(mentions) => failures.push(format!(
                "{ty}: error does not mention `{mentions}` ({}): {e}",
                c["why"]
            )),
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{dir}:\n{}", failures.join("\n"));
    assert!(valid >= min_valid, "{dir}: only {valid} valid messages");
    assert!(
        cases.len() >= min_invalid,
        "{dir}: only {} invalid messages",
        cases.len()
    );
}

/// The decoder of one ACP version: both versions are checked over the same types.
macro_rules! acp_decoder {
    ($name:ident, $m:path) => {
        decoder!($name, $m;
            "AgentClientProtocol" => p::AgentClientProtocol,
            "SessionUpdate" => p::SessionUpdate,
            "ContentBlock" => p::ContentBlock,
            "McpServer" => p::McpServer,
            "RequestPermissionOutcome" => p::RequestPermissionOutcome,
            "ToolCallUpdate" => p::ToolCallUpdate,
        );
    };
}

acp_decoder!(acp_v1, wiregen_wild::acp_v1);

#[test]
fn acp_v1_messages_round_trip_and_invalid_ones_name_the_field() {
    check("acp-v1", acp_v1, 15, 5);
}

acp_decoder!(acp_v2, wiregen_wild::acp_v2);

#[test]
fn acp_v2_messages_round_trip_and_invalid_ones_name_the_field() {
    check("acp-v2", acp_v2, 15, 5);
}

decoder!(mcp, wiregen_wild::mcp;
    "ClientRequest" => p::ClientRequest,
    "ClientNotification" => p::ClientNotification,
    "ServerNotification" => p::ServerNotification,
    "InitializeResult" => p::InitializeResult,
    "CallToolResult" => p::CallToolResult,
    "ServerResult" => p::ServerResult,
    "JsonrpcMessage" => p::JsonrpcMessage,
    "ContentBlock" => p::ContentBlock,
);

#[test]
fn mcp_messages_round_trip_and_invalid_ones_name_the_field() {
    check("mcp", mcp, 15, 5);
}

decoder!(dap, wiregen_wild::dap;
    "InitializeRequest" => p::InitializeRequest,
    "InitializeResponse" => p::InitializeResponse,
    "LaunchRequest" => p::LaunchRequest,
    "SetBreakpointsRequest" => p::SetBreakpointsRequest,
    "SetBreakpointsResponse" => p::SetBreakpointsResponse,
    "StoppedEvent" => p::StoppedEvent,
    "OutputEvent" => p::OutputEvent,
    "StackTraceResponse" => p::StackTraceResponse,
    "VariablesResponse" => p::VariablesResponse,
    "ThreadsResponse" => p::ThreadsResponse,
    "ErrorResponse" => p::ErrorResponse,
    "EvaluateRequest" => p::EvaluateRequest,
    "ContinueRequest" => p::ContinueRequest,
    "ExitedEvent" => p::ExitedEvent,
    "TerminatedEvent" => p::TerminatedEvent,
    "Capabilities" => p::Capabilities,
);

#[test]
fn dap_messages_round_trip_and_invalid_ones_name_the_field() {
    check("dap", dap, 15, 5);
}
