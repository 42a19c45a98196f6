//! The flamecast corpus against the checked-in generated types (default settings).

use crate::corpus::{check_invalid, check_valid};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/flamecast");

crate::corpus_decoder!(wiregen_generated::flamecast;
    "AgentSpawn" => AgentSpawn,
    "AgentTemplate" => AgentTemplate,
    "AgentTemplateRuntime" => AgentTemplateRuntime,
    "Channel" => Channel,
    "CreateSessionBody" => CreateSessionBody,
    "FilePreview" => FilePreview,
    "FilePreviewAction" => FilePreviewAction,
    "FilePreviewEvent" => FilePreviewEvent,
    "FileSystemEntry" => FileSystemEntry,
    "FileSystemEntryGitInfo" => FileSystemEntryGitInfo,
    "FileSystemSnapshot" => FileSystemSnapshot,
    "FilesystemSnapshotEvent" => FilesystemSnapshotEvent,
    "FsSnapshotAction" => FsSnapshotAction,
    "PendingPermission" => PendingPermission,
    "PendingPermissionOption" => PendingPermissionOption,
    "PermissionCallbackResponse" => PermissionCallbackResponse,
    "PermissionRequestEvent" => PermissionRequestEvent,
    "PermissionRespondAction" => PermissionRespondAction,
    "PermissionResponseBody" => PermissionResponseBody,
    "PromptBody" => PromptBody,
    "PromptQueueItem" => PromptQueueItem,
    "PromptQueueState" => PromptQueueState,
    "QueuedPromptResponse" => QueuedPromptResponse,
    "RegisterAgentTemplateBody" => RegisterAgentTemplateBody,
    "RuntimeHostHealthResponse" => RuntimeHostHealthResponse,
    "RuntimeHostPermissionResponse" => RuntimeHostPermissionResponse,
    "RuntimeHostPromptRequest" => RuntimeHostPromptRequest,
    "RuntimeHostSessionStatus" => RuntimeHostSessionStatus,
    "RuntimeHostStartSessionRequest" => RuntimeHostStartSessionRequest,
    "RuntimeHostStartSessionResponse" => RuntimeHostStartSessionResponse,
    "RuntimeInfo" => RuntimeInfo,
    "RuntimeInstance" => RuntimeInstance,
    "Session" => Session,
    "SessionCallbackEvent" => SessionCallbackEvent,
    "SessionContext" => SessionContext,
    "SessionEndReason" => SessionEndReason,
    "SessionHostHealthResponse" => SessionHostHealthResponse,
    "SessionHostStartRequest" => SessionHostStartRequest,
    "SessionHostStartResponse" => SessionHostStartResponse,
    "SessionLog" => SessionLog,
    "SessionMeta" => SessionMeta,
    "SessionRuntimeInfo" => SessionRuntimeInfo,
    "StoredSession" => StoredSession,
    "WebhookConfig" => WebhookConfig,
    "WebhookEventType" => WebhookEventType,
    "WebhookPayload" => WebhookPayload,
    "WsCancelAction" => WsCancelAction,
    "WsChannelCancelAction" => WsChannelCancelAction,
    "WsChannelConnectedMessage" => WsChannelConnectedMessage,
    "WsChannelControlMessage" => WsChannelControlMessage,
    "WsChannelErrorMessage" => WsChannelErrorMessage,
    "WsChannelEventMessage" => WsChannelEventMessage,
    "WsChannelPermissionRespondAction" => WsChannelPermissionRespondAction,
    "WsChannelPingAction" => WsChannelPingAction,
    "WsChannelPromptAction" => WsChannelPromptAction,
    "WsChannelQueueClearAction" => WsChannelQueueClearAction,
    "WsChannelQueuePauseAction" => WsChannelQueuePauseAction,
    "WsChannelQueueReorderAction" => WsChannelQueueReorderAction,
    "WsChannelQueueResumeAction" => WsChannelQueueResumeAction,
    "WsChannelServerMessage" => WsChannelServerMessage,
    "WsChannelTerminalCreateAction" => WsChannelTerminalCreateAction,
    "WsChannelTerminalInputAction" => WsChannelTerminalInputAction,
    "WsChannelTerminalKillAction" => WsChannelTerminalKillAction,
    "WsChannelTerminalResizeAction" => WsChannelTerminalResizeAction,
    "WsChannelTerminateAction" => WsChannelTerminateAction,
    "WsConnectedMessage" => WsConnectedMessage,
    "WsControlMessage" => WsControlMessage,
    "WsErrorMessage" => WsErrorMessage,
    "WsEventMessage" => WsEventMessage,
    "WsPermissionRespondAction" => WsPermissionRespondAction,
    "WsPingAction" => WsPingAction,
    "WsPongMessage" => WsPongMessage,
    "WsPromptAction" => WsPromptAction,
    "WsQueueClearAction" => WsQueueClearAction,
    "WsQueuePauseAction" => WsQueuePauseAction,
    "WsQueueReorderAction" => WsQueueReorderAction,
    "WsQueueResumeAction" => WsQueueResumeAction,
    "WsServerMessage" => WsServerMessage,
    "WsSessionCreatedMessage" => WsSessionCreatedMessage,
    "WsSessionTerminatedMessage" => WsSessionTerminatedMessage,
    "WsSubscribeAction" => WsSubscribeAction,
    "WsSubscribedMessage" => WsSubscribedMessage,
    "WsTerminateAction" => WsTerminateAction,
    "WsUnsubscribeAction" => WsUnsubscribeAction,
    "WsUnsubscribedMessage" => WsUnsubscribedMessage,
);

#[test]
fn every_valid_flamecast_message_round_trips_exactly() {
    assert!(check_valid(DIR, decode) > 0);
}

#[test]
fn invalid_flamecast_messages_are_rejected_naming_the_field() {
    assert!(check_invalid(DIR, false, decode) > 0);
}

#[test]
fn unions_cover_every_variant_and_keep_unknown_members_and_tags() {
    let unions: &[(&str, &str, &[&str])] = &[
        (
            "SessionCallbackEvent",
            "type",
            wiregen_generated::flamecast::SessionCallbackEvent::TAGS,
        ),
        (
            "WsServerMessage",
            "type",
            wiregen_generated::flamecast::WsServerMessage::TAGS,
        ),
        (
            "WsControlMessage",
            "action",
            wiregen_generated::flamecast::WsControlMessage::TAGS,
        ),
        (
            "WsChannelServerMessage",
            "type",
            wiregen_generated::flamecast::WsChannelServerMessage::TAGS,
        ),
        (
            "WsChannelControlMessage",
            "action",
            wiregen_generated::flamecast::WsChannelControlMessage::TAGS,
        ),
    ];
    assert!(crate::corpus::check_forward(DIR, unions, decode) > 0);
}
