//! The stina-extension-api corpus against the checked-in generated types (default settings).

use crate::corpus::{check_invalid, check_valid};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/stina-extension-api"
);

crate::corpus_decoder!(wiregen_generated::stina_extension_api;
    "ActionExecuteRequestMessage" => ActionExecuteRequestMessage,
    "ActionExecuteResponseMessage" => ActionExecuteResponseMessage,
    "ActionRegisteredMessage" => ActionRegisteredMessage,
    "ActionResult" => ActionResult,
    "ActivateMessage" => ActivateMessage,
    "BackgroundRestartPolicy" => BackgroundRestartPolicy,
    "BackgroundTaskConfig" => BackgroundTaskConfig,
    "BackgroundTaskHealth" => BackgroundTaskHealth,
    "CapabilityPermission" => CapabilityPermission,
    "ChatMessage" => ChatMessage,
    "ChatOptions" => ChatOptions,
    "DeactivateMessage" => DeactivateMessage,
    "GetModelsOptions" => GetModelsOptions,
    "HostToWorkerMessage" => HostToWorkerMessage,
    "LogMessage" => LogMessage,
    "ModelInfo" => ModelInfo,
    "ProviderChatRequestMessage" => ProviderChatRequestMessage,
    "ProviderModelsRequestMessage" => ProviderModelsRequestMessage,
    "ProviderModelsResponseMessage" => ProviderModelsResponseMessage,
    "ProviderRegisteredMessage" => ProviderRegisteredMessage,
    "ReadyMessage" => ReadyMessage,
    "RequestMessage" => RequestMessage,
    "RequestMethod" => RequestMethod,
    "ResponseMessage" => ResponseMessage,
    "SchedulerFireMessage" => SchedulerFireMessage,
    "SchedulerFirePayload" => SchedulerFirePayload,
    "SettingsChangedMessage" => SettingsChangedMessage,
    "StreamEvent" => StreamEvent,
    "StreamEventMessage" => StreamEventMessage,
    "StreamingFetchAckMessage" => StreamingFetchAckMessage,
    "StreamingFetchChunkMessage" => StreamingFetchChunkMessage,
    "ToolExecuteRequestMessage" => ToolExecuteRequestMessage,
    "ToolExecuteResponseMessage" => ToolExecuteResponseMessage,
    "ToolRegisteredMessage" => ToolRegisteredMessage,
    "ToolResult" => ToolResult,
    "WorkerToHostMessage" => WorkerToHostMessage,
);

#[test]
fn every_valid_stina_extension_api_message_round_trips_exactly() {
    assert!(check_valid(DIR, decode) > 0);
}

#[test]
fn invalid_stina_extension_api_messages_are_rejected_naming_the_field() {
    assert!(check_invalid(DIR, false, decode) > 0);
}

#[test]
fn unions_cover_every_variant_and_keep_unknown_members_and_tags() {
    let unions: &[(&str, &str, &[&str])] = &[
        (
            "HostToWorkerMessage",
            "type",
            wiregen_generated::stina_extension_api::HostToWorkerMessage::TAGS,
        ),
        (
            "WorkerToHostMessage",
            "type",
            wiregen_generated::stina_extension_api::WorkerToHostMessage::TAGS,
        ),
    ];
    assert!(crate::corpus::check_forward(DIR, unions, decode) > 0);
}
