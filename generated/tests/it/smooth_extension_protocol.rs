//! The smooth-extension-protocol corpus against the checked-in generated types (default settings).

use crate::corpus::{check_invalid, check_valid};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/smooth-extension-protocol"
);

crate::corpus_decoder!(wiregen_generated::smooth_extension_protocol;
    "BusEventPayload" => BusEventPayload,
    "BusPublish" => BusPublish,
    "CommandCompleteParams" => CommandCompleteParams,
    "CommandCompleteResult" => CommandCompleteResult,
    "CommandExecuteParams" => CommandExecuteParams,
    "CommandExecuteResult" => CommandExecuteResult,
    "CommandRegistration" => CommandRegistration,
    "Context" => Context,
    "EventName" => EventName,
    "EventParams" => EventParams,
    "HookOutcome" => HookOutcome,
    "HookParams" => HookParams,
    "HookResult" => HookResult,
    "InitializeParams" => InitializeParams,
    "InitializeResult" => InitializeResult,
    "JsonRpcFrame" => JsonRpcFrame,
    "Keybinding" => Keybinding,
    "MessageRendererRegistration" => MessageRendererRegistration,
    "Method" => Method,
    "ProviderCompleteParams" => ProviderCompleteParams,
    "ProviderCompleteResult" => ProviderCompleteResult,
    "ProviderCredentials" => ProviderCredentials,
    "ProviderDeltaParams" => ProviderDeltaParams,
    "ProviderModel" => ProviderModel,
    "ProviderOAuthParams" => ProviderOAuthParams,
    "ProviderRegistration" => ProviderRegistration,
    "ProviderStreamEvent" => ProviderStreamEvent,
    "ProviderToolCall" => ProviderToolCall,
    "ProviderUsage" => ProviderUsage,
    "Registrations" => Registrations,
    "RenderBlock" => RenderBlock,
    "SepErrorCode" => SepErrorCode,
    "SessionAppendEntryParams" => SessionAppendEntryParams,
    "SessionSendMessageParams" => SessionSendMessageParams,
    "SessionSendUserMessageParams" => SessionSendUserMessageParams,
    "SessionSetModelParams" => SessionSetModelParams,
    "ShortcutRegistration" => ShortcutRegistration,
    "ToolExecuteParams" => ToolExecuteParams,
    "ToolExecuteResult" => ToolExecuteResult,
    "ToolRegistration" => ToolRegistration,
    "ToolUpdateParams" => ToolUpdateParams,
    "UiRequestParams" => UiRequestParams,
    "UiRequestResult" => UiRequestResult,
    "WidgetKeyPayload" => WidgetKeyPayload,
);

#[test]
fn every_valid_smooth_extension_protocol_message_round_trips_exactly() {
    assert!(check_valid(DIR, decode) > 0);
}

#[test]
fn invalid_smooth_extension_protocol_messages_are_rejected_naming_the_field() {
    assert!(check_invalid(DIR, false, decode) > 0);
}

#[test]
fn unions_cover_every_variant_and_keep_unknown_members_and_tags() {
    let unions: &[(&str, &str, &[&str])] = &[
        (
            "RenderBlock",
            "kind",
            wiregen_generated::smooth_extension_protocol::RenderBlock::TAGS,
        ),
        (
            "UiRequestParams",
            "kind",
            wiregen_generated::smooth_extension_protocol::UiRequestParams::TAGS,
        ),
        (
            "ProviderStreamEvent",
            "type",
            wiregen_generated::smooth_extension_protocol::ProviderStreamEvent::TAGS,
        ),
    ];
    assert!(crate::corpus::check_forward(DIR, unions, decode) > 0);
}
